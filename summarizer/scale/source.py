"""The inputs of a Ray run as rows, one per article or per input that is already an error.

A row is ``{"source", "path", "id", "text", "error"}``: ``path`` for an article file (read
by the worker, as ``summarize`` reads it), ``text`` for a JSONL or Parquet row, ``error``
for an input that failed before any model call. File ids are claimed here, in input order,
exactly as ``summarize_paths`` claims them, so the two runs name their files alike.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from summarizer.io import InputError, check_jsonl_row, iter_input_files
from summarizer.pipeline import RESERVED_IDS, claim_article_id

__all__ = ["ROW_KEYS", "input_rows", "row"]

ROW_KEYS = ("source", "path", "id", "text", "error")


def row(source: str, **values: Any) -> dict[str, Any]:
    """One input row, every key present (absent ones None) so all rows share one schema."""
    return {"source": source, **{k: values.get(k) for k in ROW_KEYS[1:]}}


def input_rows(paths: list[str | os.PathLike[str]]) -> list[dict[str, Any]]:
    """Rows for article files, directories of them and ``.jsonl`` files, in input order."""
    rows: list[dict[str, Any]] = []
    used_ids: set[str] = set(RESERVED_IDS)
    jsonl_ids: dict[str, str] = {}
    for raw in paths:
        if Path(raw).suffix.lower() == ".jsonl" and Path(raw).is_file():
            rows.extend(_jsonl_rows(Path(raw), jsonl_ids))
            continue
        for item in iter_input_files([raw]):
            if isinstance(item, InputError):
                rows.append(row(item.path, error=str(item)))
            else:
                rows.append(row(str(item), path=str(item.resolve()),
                                id=claim_article_id(item, used_ids)))
    return rows


def _jsonl_rows(path: Path, seen: dict[str, str]) -> list[dict[str, Any]]:
    """Rows of a JSONL file (``{"id", "text"}`` per line); a bad line or a repeated id is an error row."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [row(str(path), error=f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})")]
    rows = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        source = f"{path}:{n}"
        try:
            article_id, text = check_jsonl_row(line, path, n)
        except InputError as exc:
            rows.append(row(source, error=str(exc)))
            continue
        if article_id in seen:
            rows.append(row(source, error=f"{source}: id {article_id!r} repeats {seen[article_id]}"))
            continue
        seen[article_id] = source
        rows.append(row(source, id=article_id, text=text))
    return rows
