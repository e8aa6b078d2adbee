"""Recorded responses, keyed by a hash of the request: the backend unit tests run on.

In record mode the calls go to a real backend and each response is stored; in
replay mode the stored response is returned and a request that was never
recorded is an error (so a changed prompt cannot silently pass). With ``reuse``,
a recording is brought up to date: a request already recorded is answered from
it, a new one goes to the model and is stored, and ``prune()`` then drops the
responses no request asked for, so after a small prompt change only the changed
questions cost model time. Only request
arguments are hashed or stored: no API key ever reaches a recording.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from openai.types.chat import ChatCompletion

from summarizer.backends.base import Backend, BackendError
from summarizer.errors import ReplayMiss
from summarizer.io import write_text_atomic

__all__ = ["ReplayBackend", "ReplayMiss", "request_key"]


def request_key(kwargs: dict[str, Any]) -> str:
    """Stable hash of a chat-completion request (the model name excluded: the folder says it)."""
    payload = {k: v for k, v in kwargs.items() if k != "model"}
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


class ReplayBackend:
    """Replays (or records, with ``inner``) one model's responses from a folder."""

    def __init__(self, folder: str | os.PathLike[str], inner: Backend | None = None, *,
                 reuse: bool = False) -> None:
        self.folder = Path(folder)
        self.inner = inner
        self.reuse = reuse and inner is not None
        self.used: set[str] = set()
        meta_path = self.folder / "backend.json"
        if inner is not None:
            self.model_id, self.mode = inner.model_id, inner.mode
            self.preferred_strategy, self.cache_tag = inner.preferred_strategy, inner.cache_tag
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                _write_json(meta_path, {"model_id": self.model_id, "mode": self.mode,
                                        "preferred_strategy": self.preferred_strategy,
                                        "cache_tag": self.cache_tag})
            except OSError as exc:
                raise BackendError(f"{self.folder}: cannot record there "
                                   f"({exc.strerror or type(exc).__name__})") from exc
        elif meta_path.is_file():
            meta = _read_json(meta_path)
            try:
                self.model_id, self.mode = str(meta["model_id"]), str(meta["mode"])
                # Recordings made before backends declared these answered like a local model.
                self.preferred_strategy = str(meta.get("preferred_strategy", "cited"))
                self.cache_tag = str(meta.get("cache_tag", ""))
            except (KeyError, TypeError, AttributeError) as exc:
                raise BackendError(f"{meta_path}: corrupt recording (no model_id/mode)") from exc
        else:
            raise BackendError(f"{self.folder}: not a replay recording (no backend.json)")

    @property
    def recording(self) -> bool:
        return self.inner is not None

    @property
    def timed(self) -> bool:
        """Whether wall time measures a model: not when any answer may come from the folder."""
        return self.inner is not None and not self.reuse and getattr(self.inner, "timed", True)

    def create(self, *, constrain: bool = False, **kwargs: Any) -> ChatCompletion:
        """The recorded response for this request (recording it first in record mode).

        ``constrain`` is not part of the key: a re-ask's messages already tell it apart.
        """
        key = request_key(kwargs)
        path = self.folder / f"{key}.json"
        self.used.add(key)
        if self.inner is not None and not (self.reuse and path.is_file()):
            response = self.inner.create(constrain=constrain, **kwargs)
            try:
                _write_json(path, {"request": {k: v for k, v in kwargs.items() if k != "model"},
                                   "response": response.model_dump(mode="json")})
            except OSError as exc:
                raise BackendError(f"{path}: cannot record the response "
                                   f"({exc.strerror or type(exc).__name__})") from exc
            return response
        if not path.is_file():
            raise ReplayMiss(f"no recorded response for request {key} in {self.folder} (prompt, "
                             "article or settings changed since recording; re-record with --record)",
                             key=key, model_id=self.model_id)
        stored = _read_json(path)
        try:
            return ChatCompletion.model_validate(stored["response"])
        except (KeyError, TypeError, ValueError) as exc:
            raise BackendError(f"{path}: corrupt recording (no valid response)") from exc


    def prune(self) -> list[Path]:
        """Delete the recorded responses no request of this run asked for; the deleted paths."""
        stale = [p for p in self.folder.glob("*.json") if p.name != "backend.json" and p.stem not in self.used]
        for path in stale:
            path.unlink()
        return stale


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BackendError(f"{path}: cannot read ({exc.strerror or type(exc).__name__})") from exc
    except ValueError as exc:  # bad JSON or bad UTF-8
        raise BackendError(f"{path}: corrupt recording (not JSON)") from exc


def _write_json(path: Path, doc: Any) -> None:
    write_text_atomic(path, json.dumps(doc, ensure_ascii=False, indent=1, default=str))
