"""OpenAI and any OpenAI-compatible server (vLLM, Ollama, llama.cpp's server).

Transport retries (429 and 5xx with backoff, honouring Retry-After) are the
``openai`` client's own; validation re-asks happen in ``summarizer.structured``.
Every failure becomes a one-line ``BackendError`` naming the model and the
reason; the API key never appears in one (server text is scrubbed of it).
"""

from __future__ import annotations

import json
import os
import re
import threading
from typing import Any, NoReturn
from urllib.parse import urlsplit, urlunsplit

from openai.types.chat import ChatCompletion

from summarizer.backends.base import BackendError, check_real_calls, llama_response_format

__all__ = ["OpenAIBackend"]

_NO_KEY = "sk-no-key-required"
# Anything shaped like an OpenAI-style secret key, whoever's it is.
_KEYLIKE = re.compile(r"\b(sk|pk|rk)-[A-Za-z0-9_\-]{6,}")
_TAGS = re.compile(r"<[^>]{0,200}>")
_MAX_REASON = 200


class OpenAIBackend:
    """Chat completions over HTTP with the official client.

    ``http_client`` (an ``httpx.Client``) is handed to the OpenAI client as is: tests give one
    with an ``httpx.MockTransport`` instead of starting a server.
    """

    preferred_strategy = "single"
    cache_tag = ""

    def __init__(self, model: str, *, base_url: str | None = None, api_key: str | None = None,
                 mode: str | None = None, timeout: float = 120.0, max_retries: int = 3,
                 http_client: Any = None) -> None:
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
        self._http_client = http_client
        self._client: Any = None
        self._client_lock = threading.Lock()  # summarize_jsonl calls from several threads
        # llama-cpp-python's server refuses response_format json_schema (HTTP 500) and reads a
        # schema only as {"type": "json_object", "schema": ...}: switched on its first refusal.
        self._schema_as_json_object = False

    def __repr__(self) -> str:  # never show the key (nor credentials inside the URL)
        return f"OpenAIBackend(model={self.model!r}, base_url={_public_url(self.base_url)!r})"

    def _get_client(self) -> Any:
        with self._client_lock:
            if self._client is None:
                from openai import OpenAI

                self._client = OpenAI(api_key=self._api_key, base_url=self.base_url,
                                      timeout=self.timeout, max_retries=self.max_retries,
                                      http_client=self._http_client)
            return self._client

    def close(self) -> None:
        """Close the HTTP connections (a later call opens new ones)."""
        with self._client_lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    def create(self, *, constrain: bool = False, **kwargs: Any) -> ChatCompletion:
        """One completion; transport errors become ``BackendError`` with a short reason.

        The response format is always sent, so every answer is constrained (``constrain`` adds
        nothing here).
        """
        check_real_calls(self.model_id)
        import openai

        kwargs["model"] = self.model
        kwargs.setdefault("temperature", 0.0)
        fmt = kwargs.get("response_format")
        wants_schema = isinstance(fmt, dict) and fmt.get("type") == "json_schema"
        if wants_schema and self._schema_as_json_object:
            kwargs["response_format"] = llama_response_format(fmt)
        try:
            response = self._get_client().chat.completions.create(**kwargs)
        except openai.APITimeoutError as exc:  # the client retries these: say how often
            self._fail(f"request timed out after {self.timeout:g}s{self._tries()}", exc)
        except openai.APIConnectionError as exc:
            self._fail(f"connection failed to {_public_url(self.base_url) or 'api.openai.com'} "
                       f"({_reason(exc)}){self._tries()}", exc)
        except openai.APIStatusError as exc:
            if wants_schema and kwargs["response_format"] is fmt and "json_schema" in _server_message(exc):
                self._schema_as_json_object = True  # the server wants llama-cpp-python's form
                return self.create(**kwargs)
            hint = " (check OPENAI_API_KEY)" if exc.status_code in (401, 403) else ""
            detail = _server_message(exc)
            self._fail(f"HTTP {exc.status_code} from server{': ' + detail if detail else ''}{hint}", exc)
        except openai.APIResponseValidationError as exc:
            self._fail(f"the server's answer is not a chat completion ({_reason(exc)})", exc)
        except json.JSONDecodeError as exc:  # a 200 whose body is not JSON at all
            self._fail(f"the server's answer is not a chat completion (invalid JSON: {exc.msg})", exc)
        except openai.OpenAIError as exc:
            self._fail(f"{type(exc).__name__}: {_short(str(exc))}", exc)
        if not isinstance(response, ChatCompletion) or not getattr(response, "choices", None) \
                or getattr(response.choices[0], "message", None) is None:
            shown = _short(response if isinstance(response, str) else type(response).__name__)
            self._fail(f"the server's answer is not a chat completion: {shown or 'empty body'}")
        return response

    def _tries(self) -> str:
        return f", {1 + self.max_retries} attempts" if self.max_retries > 0 else ""

    def _fail(self, reason: str, exc: BaseException | None = None) -> NoReturn:
        """Raise the one-line ``BackendError``; drop the cause if it carries the key."""
        error = BackendError(f"{self.model_id}: {self._scrub(reason)}")
        if exc is not None and self._carries_key(exc):
            raise error from None
        raise error from exc

    def _scrub(self, text: str) -> str:
        if self._api_key and self._api_key != _NO_KEY:
            text = text.replace(self._api_key, "***")
        return _KEYLIKE.sub("***", text)

    def _carries_key(self, exc: BaseException) -> bool:
        texts = [str(exc), repr(getattr(exc, "body", None))]
        cause = exc.__cause__ or exc.__context__
        if cause is not None:
            texts.append(str(cause))
        return any(self._scrub(t) != t for t in texts)


def _public_url(url: str | None) -> str | None:
    """``url`` without any user:password part."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<invalid url>"
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def _short(text: str) -> str:
    text = " ".join(_TAGS.sub(" ", text).split())
    return text if len(text) <= _MAX_REASON else text[: _MAX_REASON - 1] + "…"


def _reason(exc: BaseException) -> str:
    """The underlying transport error in a few words."""
    cause = exc.__cause__ or exc.__context__
    culprit = cause if cause is not None else exc
    text = _short(str(culprit))
    name = type(culprit).__name__
    return f"{name}: {text}" if text and text != name else name


def _server_message(exc: Any) -> str:
    """The error text a server sent with a 4xx/5xx, shortened to one line."""
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict):
            body = error.get("message") or error.get("detail") or error
        else:
            body = error
    if body is None:
        try:
            body = exc.response.text
        except Exception:  # noqa: BLE001 - a body we cannot read is just not shown
            body = ""
    return _short(body if isinstance(body, str) else str(body))
