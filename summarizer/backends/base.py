"""The one protocol every model backend implements, and the switch that blocks real calls.

A backend turns OpenAI-shaped chat-completion arguments into an OpenAI
``ChatCompletion``. Structured output, validation and re-asking are layered on
top by ``summarizer.structured`` (through instructor), identically for every
backend, so a replayed or fake backend exercises the same code as a real one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol, runtime_checkable

from openai.types.chat import ChatCompletion

from summarizer.errors import BackendError, RealCallBlocked

__all__ = ["Backend", "BackendError", "RealCallBlocked", "allow_real_calls", "check_real_calls",
           "llama_response_format", "real_calls_allowed"]


@runtime_checkable
class Backend(Protocol):
    """A chat-completion endpoint: local model, remote server, replay or fake."""

    #: ``provider:model`` string identifying what answers (part of every cache key).
    model_id: str
    #: instructor mode suited to this backend: ``json_schema``, ``tools`` or ``json``.
    mode: str
    #: The strategy this backend answers best (``cited`` for small local models, ``single``
    #: for capable API models); used when the caller names none.
    preferred_strategy: str
    #: Settings that change answers without changing the request (part of response-cache keys).
    cache_tag: str

    def create(self, *, constrain: bool = False, **kwargs: Any) -> ChatCompletion:
        """One chat completion; kwargs follow OpenAI's ``chat.completions.create``.

        ``constrain``: the caller needs this answer to follow the response format exactly
        (a re-ask after an answer failed to parse). A backend that always constrains ignores it.
        """
        ...


def llama_response_format(fmt: dict[str, Any] | None) -> dict[str, Any] | None:
    """OpenAI's ``json_schema`` response format in the form llama-cpp-python reads.

    llama-cpp-python (in process or as ``llama_cpp.server``) builds a grammar only for
    ``{"type": "json_object", "schema": ...}`` and silently ignores ``json_schema``, which
    would leave the output unconstrained.
    """
    if fmt and fmt.get("type") == "json_schema":
        return {"type": "json_object", "schema": fmt["json_schema"]["schema"]}
    return fmt


_REAL_CALLS_ALLOWED = os.environ.get("SUMMARIZER_BLOCK_REAL_CALLS", "") not in ("1", "true", "yes")


def allow_real_calls(allowed: bool) -> None:
    """Switch real model calls on or off for this process (tests switch them off)."""
    global _REAL_CALLS_ALLOWED
    _REAL_CALLS_ALLOWED = allowed


@contextmanager
def real_calls_allowed(allowed: bool = True) -> Iterator[None]:
    """Real calls on (or off) inside the block, restored after it, whatever happens."""
    global _REAL_CALLS_ALLOWED
    before, _REAL_CALLS_ALLOWED = _REAL_CALLS_ALLOWED, allowed
    try:
        yield
    finally:
        _REAL_CALLS_ALLOWED = before


def check_real_calls(model_id: str) -> None:
    """Raise ``RealCallBlocked`` if real calls are off; real backends call this first."""
    if not _REAL_CALLS_ALLOWED:
        raise RealCallBlocked(f"real model call to {model_id} blocked (real calls are switched off)")
