"""Every error the library raises on purpose, under one root that carries data.

Callers catch ``SummarizerError`` to handle them all; each subclass keeps what a
caller needs to act (the path, the model, the number of attempts, the tokens spent)
as attributes, so no one parses a message. ``str(exc)`` is always one line.

    SummarizerError
    ├── InputError ·········· a bad input file or row (path, reason, line)
    ├── SchemaError ········· a written document does not validate (schema name)
    ├── GroundingError ······ a quote is not at its offsets in the article
    ├── ExtractionError ····· an article could not become grounded records
    ├── StructuredError ····· the model's answer never validated (model, attempts, usage)
    ├── RunError ············ a problem that fails every article alike
    └── BackendError ········ a backend could not produce a completion (model)
        ├── RealCallBlocked · a real call while real calls are switched off
        ├── ReplayMiss ······ no recorded response for this request (key)
        ├── WeightsError ···· embedded weights missing or not matching their hash (model)
        └── EngineCrashed ··· the embedded engine was killed by a signal (signal_name)

``InputError``, ``SchemaError`` and ``GroundingError`` are also ``ValueError`` (bad
values); the rest are also ``RuntimeError``, as they were before this root existed.
"""

from __future__ import annotations

import os
from typing import Any

__all__ = ["BackendError", "EngineCrashed", "ExtractionError", "GroundingError", "InputError",
           "RealCallBlocked", "ReplayMiss", "RunError", "SchemaError", "StructuredError",
           "SummarizerError", "WeightsError"]


class SummarizerError(Exception):
    """The root of every error this library raises on purpose."""


class InputError(SummarizerError, ValueError):
    """A bad input file (or JSONL row); ``str()`` is one line: ``<path>[:<line>]: <reason>``."""

    def __init__(self, path: str | os.PathLike[str], reason: str, *, line: int | None = None) -> None:
        self.path, self.reason, self.line = str(path), reason, line
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {reason}")


class SchemaError(SummarizerError, ValueError):
    """A document does not validate against its committed JSON Schema."""

    def __init__(self, message: str, *, schema: str | None = None) -> None:
        self.schema = schema
        super().__init__(message)


class GroundingError(SummarizerError, ValueError):
    """An evidence quote is not the article's text at its offsets."""


class ExtractionError(SummarizerError, RuntimeError):
    """An article could not be turned into grounded records."""


class StructuredError(SummarizerError, RuntimeError):
    """The model's output never validated within its re-asks."""

    def __init__(self, message: str, *, model_id: str | None = None, attempts: int = 0,
                 usage: dict[str, Any] | None = None, last_error: str | None = None) -> None:
        self.model_id, self.attempts, self.usage, self.last_error = model_id, attempts, usage, last_error
        super().__init__(message)


class RunError(SummarizerError, RuntimeError):
    """A problem that would fail every article alike (no weights, bad model string)."""


class BackendError(SummarizerError, RuntimeError):
    """A backend could not produce a completion (after its own retries)."""

    def __init__(self, message: str = "", *, model_id: str | None = None) -> None:
        self.model_id = model_id
        super().__init__(message)


class RealCallBlocked(BackendError):
    """A real model call was attempted while real calls are switched off (unit tests)."""


class ReplayMiss(BackendError):
    """A replay backend has no recorded response for a request."""

    def __init__(self, message: str, *, key: str | None = None, model_id: str | None = None) -> None:
        self.key = key
        super().__init__(message, model_id=model_id)


class WeightsError(BackendError):
    """Embedded weights missing, incomplete, or not matching their pinned hash."""


class EngineCrashed(BackendError):
    """The embedded engine was killed by a signal while evaluating a first prompt."""

    def __init__(self, message: str, *, model_path: str, signal_name: str) -> None:
        self.model_path, self.signal_name = model_path, signal_name
        super().__init__(message)
