"""OpenAI and any OpenAI-compatible server (vLLM, Ollama, llama.cpp's server).

Transport retries (429 and 5xx with backoff, honouring Retry-After) are the
``openai`` client's own; validation re-asks happen in ``summarizer.structured``.
"""

from __future__ import annotations

import os
from typing import Any

from openai.types.chat import ChatCompletion

from summarizer.backends.base import BackendError, check_real_calls

__all__ = ["OpenAIBackend"]

_NO_KEY = "sk-no-key-required"


class OpenAIBackend:
    """Chat completions over HTTP with the official client."""

    def __init__(self, model: str, *, base_url: str | None = None, api_key: str | None = None,
                 mode: str | None = None, timeout: float = 120.0, max_retries: int = 3) -> None:
        self.model = model
        self.base_url = base_url or os.environ.get("OPENAI_BASE_URL") or None
        key = api_key or os.environ.get("OPENAI_API_KEY")
        if not key:
            if self.base_url is None:
                raise BackendError(
                    f"openai:{model} needs an API key: set OPENAI_API_KEY, or pass --base-url "
                    "for a local OpenAI-compatible server"
                )
            key = _NO_KEY  # local servers usually ignore the key but the client wants one
        self.model_id = f"openai:{model}"
        # Real OpenAI does tool calls best; compatible servers vary, JSON schema is widest.
        self.mode = mode or ("tools" if self.base_url is None else "json_schema")
        self.timeout = timeout
        self.max_retries = max_retries
        self._api_key = key
        self._client: Any = None

    def __repr__(self) -> str:  # never show the key
        return f"OpenAIBackend(model={self.model!r}, base_url={self.base_url!r})"

    def _get_client(self) -> Any:
        if self._client is None:
            from openai import OpenAI

            self._client = OpenAI(api_key=self._api_key, base_url=self.base_url,
                                  timeout=self.timeout, max_retries=self.max_retries)
        return self._client

    def create(self, **kwargs: Any) -> ChatCompletion:
        """One completion; transport errors become ``BackendError`` with a short reason."""
        check_real_calls(self.model_id)
        import openai

        kwargs["model"] = self.model
        kwargs.setdefault("temperature", 0.0)
        try:
            return self._get_client().chat.completions.create(**kwargs)
        except openai.APITimeoutError as exc:
            raise BackendError(f"{self.model_id}: request timed out after {self.timeout:g}s") from exc
        except openai.APIConnectionError as exc:
            raise BackendError(f"{self.model_id}: connection failed ({_reason(exc)})") from exc
        except openai.APIStatusError as exc:
            raise BackendError(f"{self.model_id}: HTTP {exc.status_code} from server") from exc


def _reason(exc: BaseException) -> str:
    cause = exc.__cause__ or exc.__context__
    return type(cause).__name__ if cause else type(exc).__name__
