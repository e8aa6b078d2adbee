"""The class Ray Data maps batches through: each actor builds its backend once and reuses it.

Nothing here imports Ray; an actor is a plain callable object. Each row goes through the
pipeline's own ``extract_to_file`` (read, extract, validate, atomic write), so a Ray run
writes the sequential run's files byte for byte. An article whose file is already written
is skipped and read back: a re-run resumes, and a batch that Ray retries after its actor
died writes none of its finished articles twice.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summarizer.backends import Backend, get_backend
from summarizer.cache import ResponseCache
from summarizer.io import InputError, read_article, safe_output_path
from summarizer.pipeline import ArticleOutcome, extract_to_file

__all__ = ["RESULT_COLUMNS", "ArticleWorker", "summarize_row"]

RESULT_COLUMNS = ("article_id", "source", "path", "error", "seconds", "cached", "skipped",
                  "strategy", "records", "stats", "warnings")


class ArticleWorker:
    """One actor: a backend (``provider:model`` string or factory), the output folder, a cache."""

    def __init__(self, model: str | Callable[[], Backend], out_dir: str, *,
                 strategy: str | None = None, base_url: str | None = None,
                 cache_dir: str | None = None, backend_options: dict[str, Any] | None = None) -> None:
        self.backend = (get_backend(model, base_url=base_url, **(backend_options or {}))
                        if isinstance(model, str) else model())
        self.out = Path(out_dir)
        self.strategy = strategy
        self.cache = ResponseCache(cache_dir) if cache_dir is not None else None

    def __call__(self, batch: Any) -> dict[str, list[Any]]:
        """A pyarrow batch of input rows to a batch of result rows, one for one."""
        results = [summarize_row(r, self.backend, self.out, self.strategy, self.cache)
                   for r in batch.to_pylist()]
        return {k: [r[k] for r in results] for k in RESULT_COLUMNS}


def summarize_row(row: dict[str, Any], backend: Backend, out: Path, strategy: str | None,
                  cache: ResponseCache | None) -> dict[str, Any]:
    """One input row to one result row; every failure is the row's one-line error."""
    source = str(row.get("source") or row.get("path") or row.get("id") or "row")
    path, text, article_id = row.get("path"), row.get("text"), row.get("id")
    if row.get("error"):
        return _result(source, path, error=str(row["error"]))
    if article_id is None or not str(article_id).strip():
        return _result(source, path, error=f"{source}: no 'id'")
    article_id = str(article_id).strip()
    if not path and not isinstance(text, str):
        return _result(source, path, article_id, error=f"{source}: no 'text' (nor 'path')")
    try:
        done = _written(safe_output_path(out, article_id))
    except InputError as exc:
        return _result(source, path, article_id, error=f"{source}: {exc.reason}")
    if done is not None:
        return _result(source, path, article_id, skipped=True, records=done)
    if path:
        outcome = extract_to_file(article_id, source, lambda: _read_file(path, source), backend, out,
                                  strategy, cache)
    else:
        outcome = extract_to_file(article_id, f"{source} ({article_id})",
                                  lambda: _checked_text(text, source), backend, out, strategy, cache)
    return _from_outcome(outcome, source, path)


def _read_file(path: str, source: str) -> str:
    """The article at ``path`` (absolute); a failure names the path as the user gave it."""
    try:
        return read_article(Path(path))
    except InputError as exc:
        raise InputError(source, exc.reason) from exc


def _checked_text(text: str, source: str) -> str:
    if not text.strip():
        raise InputError(source, "'text' is empty")
    return text


def _written(target: Path) -> dict[str, Any] | None:
    """The document already written at ``target`` (atomic writes: a file there is whole)."""
    try:
        doc = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


def _from_outcome(outcome: ArticleOutcome, source: str, path: str | None) -> dict[str, Any]:
    ex = outcome.extraction
    if outcome.error is not None or ex is None:
        return _result(source, path, outcome.article_id, error=outcome.error or f"{source}: failed",
                       seconds=outcome.seconds)
    return _result(source, path, outcome.article_id, seconds=outcome.seconds, cached=outcome.cached,
                   strategy=ex.strategy, records=ex.records.model_dump(mode="json"),
                   stats=ex.stats.to_dict(), warnings=ex.warnings)


def _result(source: str, path: str | None, article_id: str | None = None, *, error: str = "",
            seconds: float = 0.0, cached: bool = False, skipped: bool = False, strategy: str = "",
            records: dict[str, Any] | None = None, stats: dict[str, Any] | None = None,
            warnings: list[str] | None = None) -> dict[str, Any]:
    """A result row. Every column has one type in every row (JSON text, "" for none), so
    Ray's blocks always share one schema."""
    return {"article_id": article_id or "", "source": source, "path": path or "", "error": error,
            "seconds": float(seconds), "cached": cached, "skipped": skipped, "strategy": strategy,
            "records": json.dumps(records, ensure_ascii=False) if records is not None else "",
            "stats": json.dumps(stats or {}), "warnings": json.dumps(warnings or [])}
