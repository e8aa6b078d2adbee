"""On-disk response cache, content-addressed: a warm re-run makes no model call.

The key covers everything that can change an answer: the model id and its
settings, every prompt's text, the record schema, the strategy, the package's
code and the article text. Any change to one of them misses the cache.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from summarizer.io import write_json_atomic
from summarizer.prompts import prompts_fingerprint
from summarizer.records import ArticleRecords

__all__ = ["ResponseCache", "cache_key"]

_VERSION = "1"


def _schema_hash() -> str:
    schema = json.dumps(ArticleRecords.model_json_schema(), sort_keys=True)
    return hashlib.sha256(schema.encode()).hexdigest()[:16]


@functools.cache
def code_fingerprint() -> str:
    """Hash of the code that turns answers into records: a change to it misses the cache too."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*package.glob("*.py"), *(package / "strategies").glob("*.py"),
                        *(package / "backends").glob("*.py")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(model_id: str, strategy: str, article_id: str, text: str) -> str:
    """The content address of one article's extraction."""
    parts = [_VERSION, model_id, strategy, prompts_fingerprint(), _schema_hash(), code_fingerprint(),
             article_id, hashlib.sha256(text.encode("utf-8")).hexdigest()]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:40]


class ResponseCache:
    """Extractions stored as JSON files under ``folder`` (default ``~/.cache/summarizer/responses``)."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        root = os.environ.get("SUMMARIZER_CACHE") or Path.home() / ".cache" / "summarizer"
        self.folder = Path(folder) if folder is not None else Path(root) / "responses"

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored entry, or None (a corrupt entry counts as a miss)."""
        path = self.folder / f"{key}.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        write_json_atomic(self.folder / f"{key}.json", entry)
