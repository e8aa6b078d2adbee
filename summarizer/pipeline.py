"""Many files in, one validated JSON file per article out; a bad file never stops the run."""

from __future__ import annotations

import time
from typing import Any
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.article import Article
from summarizer.backends import DEFAULT_MODEL, Backend, BackendError, get_backend
from summarizer.errors import EngineCrashed, RunError, SummarizerError, WeightsError
from summarizer.cache import ResponseCache, cache_key
from summarizer.extract import Extraction, default_strategy, extract
from summarizer.io import (
    InputError,
    article_id_for,
    check_jsonl_row,
    iter_input_files,
    read_article,
    safe_output_path,
    write_json_atomic,
)
from summarizer.schemas import validate_document
from summarizer.records import ArticleRecords
from summarizer.structured import CallStats

__all__ = ["ArticleOutcome", "RunError", "RunReport", "claim_article_id", "extract_file",
           "extract_to_file", "summarize_jsonl", "summarize_paths"]


@dataclass
class ArticleOutcome:
    """What happened to one input: records written, or the one-line reason it failed."""

    path: str
    article_id: str | None = None
    output: Path | None = None
    extraction: Extraction | None = None
    error: str | None = None
    seconds: float = 0.0
    cached: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class RunReport:
    """Every outcome of a run, in input order."""

    model_id: str
    outcomes: list[ArticleOutcome] = field(default_factory=list)
    #: The brief across articles written to ``out_dir`` (a ``summarizer.brief.Brief``), if any.
    brief: Any = None
    brief_error: str | None = None

    @property
    def failed(self) -> list[ArticleOutcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def succeeded(self) -> list[ArticleOutcome]:
        return [o for o in self.outcomes if o.ok]


#: Ids an article never gets: the run's own files are called so.
RESERVED_IDS = ("brief", "records")

ProgressFn = Callable[[int, int, ArticleOutcome], None]


def summarize_paths(paths: list[str | Path], *, model: str | Backend = DEFAULT_MODEL,
                    out_dir: str | Path | None = "out", strategy: str | None = None,
                    base_url: str | None = None, record: str | None = None,
                    use_cache: bool = True, on_article: ProgressFn | None = None,
                    brief: bool = False, brief_opening: str = "template") -> RunReport:
    """Extract records from every article under ``paths``; write ``<out_dir>/<id>.json``.

    Each written file validates against the committed JSON Schema. Bad inputs
    and failed extractions are reported in the returned ``RunReport``; the
    other articles are still processed. ``on_article(done, total, outcome)``
    is called after each article (for progress display). With ``use_cache``
    an article already extracted with the same model, prompts, schema and
    strategy is read from the response cache instead of asking the model.
    With ``brief``, ``brief.json``, ``brief.md`` and ``brief.html`` are written
    beside the article files (the opening by the model if ``brief_opening`` is "model").
    """
    try:
        backend = get_backend(model, base_url=base_url, record=record)
    except BackendError as exc:
        raise RunError(str(exc)) from exc
    report = RunReport(model_id=backend.model_id)
    items = iter_input_files(list(paths))
    out = Path(out_dir) if out_dir is not None else None
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RunError(f"cannot create output directory {out}: {exc.strerror or exc}") from exc
    used_ids: set[str] = set(RESERVED_IDS)  # an article called "brief" must not overwrite it
    cache = ResponseCache() if use_cache and record is None else None
    for done, item in enumerate(items, start=1):
        if isinstance(item, InputError):
            outcome = ArticleOutcome(path=item.path, error=str(item))
        else:
            outcome = extract_file(item, backend, out, strategy, used_ids, cache)
        report.outcomes.append(outcome)
        if on_article is not None:
            on_article(done, len(items), outcome)
    if out is not None and brief:
        from summarizer.brief.render import write_run_brief

        try:
            report.brief = write_run_brief(report.outcomes, out,
                                           backend=backend if brief_opening == "model" else None)
        except (SummarizerError, OSError) as exc:
            report.brief_error = f"brief: {exc}"
    return report


def claim_article_id(path: Path, used_ids: set[str]) -> str:
    """The id ``path`` gets in a run whose ids so far are ``used_ids`` (then added to them)."""
    article_id = article_id_for(path)
    while article_id in used_ids:  # same stem in two folders: keep both
        article_id += "_"
    used_ids.add(article_id)
    return article_id


def extract_file(path: Path, backend: Backend, out: Path | None, strategy: str | None,
                 used_ids: set[str], cache: ResponseCache | None = None) -> ArticleOutcome:
    """Read, extract (or take from ``cache``), validate and write one article."""
    return extract_to_file(claim_article_id(path, used_ids), str(path), lambda: read_article(path),
                           backend, out, strategy, cache)


def extract_to_file(article_id: str, where: str, read: Callable[[], str], backend: Backend,
                    out: Path | None, strategy: str | None,
                    cache: ResponseCache | None = None) -> ArticleOutcome:
    """One article, already given its id, to ``<out>/<id>.json``; ``where`` names it in errors.

    ``read()`` gives its text (a file read, or a row's text). The Ray path calls this in
    its workers, so their files are the sequential run's, byte for byte.
    """
    outcome = ArticleOutcome(path=where, article_id=article_id)

    def write(doc: dict[str, Any]) -> None:
        if out is not None:
            outcome.output = safe_output_path(out, article_id)
            write_json_atomic(outcome.output, doc)

    return _process(outcome, where, read, write, backend, strategy, cache)


def _process(outcome: ArticleOutcome, where: str, read: Callable[[], str],
             write: Callable[[dict[str, Any]], None], backend: Backend, strategy: str | None,
             cache: ResponseCache | None) -> ArticleOutcome:
    """One article from text to a validated, written record; any failure becomes its one line."""
    started = time.perf_counter()
    try:
        text = read()
        outcome.extraction, outcome.cached = _extract_cached(
            Article.from_text(outcome.article_id, text), backend, strategy, cache)
        doc = outcome.extraction.records.model_dump(mode="json")
        validate_document("article_records", doc)
        write(doc)
    except (WeightsError, EngineCrashed) as exc:
        raise RunError(str(exc)) from exc
    except InputError as exc:
        outcome.error = str(exc)
    except OSError as exc:
        outcome.error = f"{where}: cannot write {outcome.output or 'the output'}: {exc.strerror or exc}"
    except SummarizerError as exc:
        outcome.error = f"{where}: {exc}"
    outcome.seconds = time.perf_counter() - started
    return outcome


def _extract_cached(article: Article, backend: Backend, strategy: str | None,
                    cache: ResponseCache | None) -> tuple[Extraction, bool]:
    strategy = strategy or default_strategy(backend)
    model_key = backend.model_id + "|" + backend.cache_tag
    key = cache_key(model_key, strategy, article.article_id, article.text)
    entry = cache.get(key) if cache is not None else None
    if entry is not None:
        extraction = Extraction(ArticleRecords.model_validate(entry["records"]), backend.model_id,
                                strategy, CallStats(**entry["stats"]), entry["warnings"])
        return extraction, True
    extraction = extract(article, backend, strategy=strategy)
    if cache is not None:
        cache.put(key, {"records": extraction.records.model_dump(mode="json"),
                        "stats": extraction.stats.to_dict(), "warnings": extraction.warnings})
    return extraction, False


def summarize_jsonl(in_path: str | Path, out_path: str | Path, *, model: str | Backend = DEFAULT_MODEL,
                    strategy: str | None = None, base_url: str | None = None,
                    concurrency: int = 1, use_cache: bool = True,
                    on_article: ProgressFn | None = None) -> RunReport:
    """Stream articles from JSONL (``{"id": ..., "text": ...}`` per line) to records as JSONL.

    Resumable: ids already present in ``out_path`` are skipped, and each result
    is appended as one complete line as soon as it is ready, so an interrupted
    run loses nothing. ``concurrency`` bounds parallel requests (useful against
    a served model pool; the local backend serialises its calls).
    """
    import json
    import threading
    from concurrent.futures import ThreadPoolExecutor

    try:
        backend = get_backend(model, base_url=base_url)
    except BackendError as exc:
        raise RunError(str(exc)) from exc
    out = Path(out_path)
    done_ids: set[str] = set()
    if out.is_file():
        for line in out.read_text(encoding="utf-8").splitlines():
            try:
                done_ids.add(json.loads(line)["article_id"])
            except (ValueError, KeyError, TypeError):
                continue  # a torn last line from a crash is redone
    todo: list[tuple[int, str, str] | ArticleOutcome] = []
    for n, line in enumerate(Path(in_path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            article_id, text = check_jsonl_row(line, in_path, n)
        except InputError as exc:
            todo.append(ArticleOutcome(path=f"{in_path}:{n}", error=str(exc)))
            continue
        if article_id not in done_ids:
            todo.append((n, article_id, text))
    report = RunReport(model_id=backend.model_id)
    cache = ResponseCache() if use_cache else None
    lock = threading.Lock()
    out.parent.mkdir(parents=True, exist_ok=True)

    def work(item: tuple[int, str, str] | ArticleOutcome) -> ArticleOutcome:
        if isinstance(item, ArticleOutcome):
            return item
        n, article_id, text = item

        def append(doc: dict[str, Any]) -> None:
            with lock, open(out, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(doc, ensure_ascii=False) + "\n")

        return _process(ArticleOutcome(path=f"{in_path}:{n}", article_id=article_id),
                        f"{in_path}:{n} ({article_id})", lambda: text, append, backend, strategy, cache)

    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        for done, outcome in enumerate(pool.map(work, todo), start=1):
            report.outcomes.append(outcome)
            if on_article is not None:
                on_article(done, len(todo), outcome)
    return report
