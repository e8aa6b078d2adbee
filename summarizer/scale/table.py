"""Result rows of a Ray run back to ``ArticleOutcome``s, and the table of records they make.

The table has one row per input, in input order: ``article_id``, ``source``, ``error``
(None when written), ``seconds``, ``cached``, ``skipped`` (written by an earlier run) and
``records`` (the article's document; JSON text in Parquet, an object in JSONL).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from summarizer.extract import Extraction
from summarizer.io import safe_output_path, write_text_atomic
from summarizer.pipeline import ArticleOutcome
from summarizer.records import ArticleRecords
from summarizer.structured import CallStats

__all__ = ["TABLE_FORMATS", "outcome_of", "table_row", "write_table"]

TABLE_FORMATS = ("parquet", "jsonl")


def outcome_of(row: dict[str, Any], out: Path, model_id: str) -> ArticleOutcome:
    """The outcome a result row stands for (what ``summarize`` reports and the brief reads)."""
    outcome = ArticleOutcome(path=row["path"] or row["source"], article_id=row["article_id"] or None,
                             error=row["error"] or None, seconds=row["seconds"],
                             cached=bool(row["cached"] or row["skipped"]))
    if outcome.error is None:
        outcome.output = safe_output_path(out, row["article_id"])
        outcome.extraction = Extraction(ArticleRecords.model_validate_json(row["records"]), model_id,
                                        row["strategy"], CallStats(**json.loads(row["stats"])),
                                        json.loads(row["warnings"]))
    return outcome


def table_row(row: dict[str, Any]) -> dict[str, Any]:
    """A result row as a line of the table (records as JSON text)."""
    return {"article_id": row["article_id"] or None, "source": row["source"],
            "error": row["error"] or None, "seconds": row["seconds"], "cached": bool(row["cached"]),
            "skipped": bool(row["skipped"]), "records": row["records"] or None}


def write_table(rows: list[dict[str, Any]], out: Path, fmt: str = "parquet") -> Path:
    """``out/records.parquet`` or ``out/records.jsonl``, written atomically; its path."""
    if fmt == "jsonl":
        target = out / "records.jsonl"
        lines = [json.dumps({**r, "records": json.loads(r["records"]) if r["records"] else None},
                            ensure_ascii=False) for r in rows]
        write_text_atomic(target, "".join(line + "\n" for line in lines))
        return target
    if fmt != "parquet":
        raise ValueError(f"table format must be one of {', '.join(TABLE_FORMATS)}, not {fmt!r}")
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("article_id", pa.string()), ("source", pa.string()), ("error", pa.string()),
                        ("seconds", pa.float64()), ("cached", pa.bool_()), ("skipped", pa.bool_()),
                        ("records", pa.string())])
    target = out / "records.parquet"
    fd, tmp = tempfile.mkstemp(dir=out, prefix=".records.", suffix=".parquet.tmp")
    os.close(fd)
    try:
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target
