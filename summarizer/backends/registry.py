"""``provider:model`` strings to backends, through one registry that built-ins use too.

As langextract's ``providers/router.py`` does, a provider is registered lazily by name
with a ``"package.module:factory"`` target, imported on first use, so listing the
providers imports no backend (llama.cpp, the OpenAI client). A third party registers its
own the same way; an unknown provider lists the known ones.

A factory is called as ``factory(model, base_url=..., **options)``; it may ignore options
that do not concern it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from summarizer.backends.base import Backend
from summarizer.errors import BackendError

__all__ = ["get_backend", "provider_names", "register_provider"]

Factory = Callable[..., Backend]
_PROVIDERS: dict[str, Factory | str] = {}


def register_provider(name: str, factory: Factory | str) -> None:
    """Make ``name:<model>`` strings build backends with ``factory`` (or ``"module:attr"``)."""
    _PROVIDERS[name] = factory


def provider_names() -> list[str]:
    return sorted(_PROVIDERS)


def _factory(name: str) -> Factory:
    entry = _PROVIDERS[name]
    if isinstance(entry, str):
        module, _, attr = entry.partition(":")
        obj = importlib.import_module(module)
        for part in attr.split("."):
            obj = getattr(obj, part)
        entry = _PROVIDERS[name] = obj  # type: ignore[assignment]
    return entry  # type: ignore[return-value]


def get_backend(spec: str | Backend, *, base_url: str | None = None, record: str | None = None,
                default: str = "", reuse_recorded: bool = False, **options: Any) -> Backend:
    """The backend a ``provider:model`` string names (a Backend passes through).

    ``record`` wraps the backend so every response is also stored in that folder for
    ``replay:``; with ``reuse_recorded`` a request already stored there is answered from it.
    """
    if not isinstance(spec, str):
        backend: Backend = spec
    else:
        provider, sep, model = spec.partition(":")
        if not sep or not model or provider not in _PROVIDERS:
            example = f" (e.g. {default}, openai:gpt-4o-mini)" if default else ""
            raise BackendError(f"bad model {spec!r}: expected provider:model with provider one of "
                               f"{', '.join(provider_names())}{example}")
        backend = _factory(provider)(model, base_url=base_url, **options)
    if record:
        from summarizer.backends.replay import ReplayBackend

        backend = ReplayBackend(record, inner=backend, reuse=reuse_recorded)
    return backend


def _local(model: str, *, base_url: str | None = None, **options: Any) -> Backend:
    from summarizer.backends.local import LocalBackend

    return LocalBackend(model, **options)


def _openai(model: str, *, base_url: str | None = None, **options: Any) -> Backend:
    from summarizer.backends.openai_compat import OpenAIBackend

    return OpenAIBackend(model, base_url=base_url, **options)


def _replay(folder: str, *, base_url: str | None = None, **_: Any) -> Backend:
    from summarizer.backends.replay import ReplayBackend

    return ReplayBackend(folder)


def _fake(name: str, *, base_url: str | None = None, **options: Any) -> Backend:
    from summarizer.backends.fake import FakeBackend

    return FakeBackend.from_spec(name, **options)


# The built-ins, registered through the same call a plugin uses.
register_provider("local", _local)
register_provider("openai", _openai)
register_provider("replay", _replay)
register_provider("fake", _fake)
