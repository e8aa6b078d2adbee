"""Model backends, picked by ``provider:model`` strings.

- ``local:<name>`` or ``local:/path/model.gguf``: llama.cpp in process (the default).
- ``openai:<model>``: OpenAI, or any OpenAI-compatible server with ``base_url``.
- ``replay:<folder>``: responses recorded earlier (``record=<folder>`` records them).
- ``fake:<name>``: answers built from each request's schema (no model; for trying the pipeline).

Other providers register with ``register_provider(name, factory)``.
"""

from __future__ import annotations

from typing import Any

from summarizer.backends.base import Backend, allow_real_calls, check_real_calls
from summarizer.backends.fake import FakeBackend
from summarizer.backends.local import DEFAULT_LOCAL_MODEL
from summarizer.backends.registry import get_backend as _get_backend
from summarizer.backends.registry import provider_names, register_provider
from summarizer.backends.replay import ReplayBackend
from summarizer.errors import BackendError, RealCallBlocked, ReplayMiss

__all__ = [
    "DEFAULT_MODEL",
    "Backend",
    "BackendError",
    "FakeBackend",
    "RealCallBlocked",
    "ReplayBackend",
    "ReplayMiss",
    "allow_real_calls",
    "check_real_calls",
    "get_backend",
    "provider_names",
    "register_provider",
]

DEFAULT_MODEL = f"local:{DEFAULT_LOCAL_MODEL}"


def get_backend(spec: str | Backend = DEFAULT_MODEL, *, base_url: str | None = None,
                record: str | None = None, **options: Any) -> Backend:
    """The backend a ``provider:model`` string names (see ``summarizer.backends.registry``)."""
    return _get_backend(spec, base_url=base_url, record=record, default=DEFAULT_MODEL, **options)
