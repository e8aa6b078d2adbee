"""Model backends, picked by ``provider:model`` strings.

- ``local:<name>`` or ``local:/path/model.gguf``: llama.cpp in process (the default).
- ``openai:<model>``: OpenAI, or any OpenAI-compatible server with ``base_url``.
- ``replay:<folder>``: responses recorded earlier (``record=<folder>`` records them).
"""

from __future__ import annotations

from typing import Any

from summarizer.backends.base import (
    Backend,
    BackendError,
    RealCallBlocked,
    allow_real_calls,
    check_real_calls,
)
from summarizer.backends.fake import FakeBackend
from summarizer.backends.local import DEFAULT_LOCAL_MODEL
from summarizer.backends.replay import ReplayBackend, ReplayMiss

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
]

DEFAULT_MODEL = f"local:{DEFAULT_LOCAL_MODEL}"

_PROVIDERS = ("local", "openai", "replay")


def get_backend(spec: str | Backend = DEFAULT_MODEL, *, base_url: str | None = None,
                record: str | None = None, **options: Any) -> Backend:
    """The backend a ``provider:model`` string names (a Backend passes through).

    ``record`` wraps the backend so every response is also stored in that folder
    for ``replay:``.
    """
    if not isinstance(spec, str):
        backend: Backend = spec
    else:
        provider, sep, model = spec.partition(":")
        if not sep or not model or provider not in _PROVIDERS:
            raise BackendError(
                f"bad model {spec!r}: expected provider:model with provider one of "
                f"{', '.join(_PROVIDERS)} (e.g. {DEFAULT_MODEL}, openai:gpt-4o-mini)"
            )
        if provider == "local":
            from summarizer.backends.local import LocalBackend

            backend = LocalBackend(model, **options)
        elif provider == "openai":
            from summarizer.backends.openai_compat import OpenAIBackend

            backend = OpenAIBackend(model, base_url=base_url, **options)
        else:
            backend = ReplayBackend(model)
    if record:
        backend = ReplayBackend(record, inner=backend)
    return backend
