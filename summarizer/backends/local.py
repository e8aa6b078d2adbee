"""The embedded backend: llama.cpp in process; a re-ask is constrained by a JSON-Schema grammar."""

from __future__ import annotations

import os
import re
import threading
from typing import Any

from openai.types.chat import ChatCompletion

from summarizer.backends.base import BackendError, check_real_calls, llama_response_format
from summarizer.backends.engine_probe import probe_engine
from summarizer.backends.weights import cache_dir, resolve_weights

__all__ = ["DEFAULT_LOCAL_MODEL", "LocalBackend"]

DEFAULT_LOCAL_MODEL = "qwen2.5-1.5b"


def _opening(fmt: dict[str, Any] | None) -> str:
    """How a free answer starts: the object and its first asked key, ``{"name":``.

    Without a schema, ``{"`` (one token in the models' vocabularies: a bare ``{`` would
    leave the model in a shape it never saw, and it writes unquoted keys).
    """
    schema = (fmt or {}).get("json_schema", {}).get("schema") or (fmt or {}).get("schema") or {}
    keys = list(schema.get("properties", {}))
    # No space after the colon: ' "' is one token, and a prompt ending in a bare space
    # would split it.
    return f'{{"{keys[0]}":' if keys else '{"'


_UNSET = object()
_FENCE = re.compile(r"^\s*```(?:json)?\s*\n?(.*?)\n?```\s*$", re.S)


def _strip_code_fence(response: ChatCompletion) -> None:
    """Unwrap a ```json fence: free (grammar-less) answers often come wrapped in one."""
    message = response.choices[0].message if response.choices else None
    if message is not None and message.content:
        match = _FENCE.match(message.content)
        if match:
            message.content = match.group(1)


class LocalBackend:
    """A GGUF model run by llama-cpp-python, loaded lazily on the first call.

    llama-cpp-python keeps the KV cache of the previous prompt and re-evaluates
    only the tokens after the longest common prefix, so passes that share a
    prefix (system text and article first) pay for their own tail only.
    """

    mode = "json_schema"
    preferred_strategy = "cited"

    def __init__(self, model: str = DEFAULT_LOCAL_MODEL, *, n_ctx: int = 4096,
                 n_threads: int | None = None, seed: int = 0, grammar: str | None = None) -> None:
        self.model = model
        self.model_id = f"local:{model}"
        self.n_ctx = n_ctx
        self.n_threads = n_threads or max(1, os.cpu_count() or 1)
        self.seed = seed
        # "always": every answer is grammar-constrained; "retry": the first attempt is free
        # (grammar sampling over a 150k-token vocabulary costs more than the forward pass)
        # and only a re-ask after a failed parse is constrained.
        self.grammar = grammar or os.environ.get("SUMMARIZER_LOCAL_GRAMMAR", "retry")
        if self.grammar not in ("always", "retry"):
            raise BackendError(f"grammar must be 'always' or 'retry', not {self.grammar!r}")
        self._llama: Any = None
        self._chat_formatter: Any = _UNSET
        self._lock = threading.Lock()

    @property
    def cache_tag(self) -> str:
        """Settings that change answers without changing the request (part of cache keys)."""
        return f"grammar={self.grammar}"

    def _load(self) -> Any:
        if self._llama is None:
            path = resolve_weights(self.model)
            try:
                from llama_cpp import Llama
            except ImportError as exc:  # pragma: no cover - depends on the install
                raise BackendError(
                    "the local backend needs llama-cpp-python: pip install 'summarizer[local]'"
                ) from exc
            # A build for the wrong CPU dies by a signal on its first matrix product: find out
            # in a child process, so the user gets a message instead of a silent exit.
            probe_engine(path, self.n_threads, cache_dir().parent / "engine-probe.json")
            self._llama = Llama(model_path=str(path), n_ctx=self.n_ctx, n_threads=self.n_threads,
                                seed=self.seed, verbose=False)
        return self._llama

    def perf(self) -> dict[str, float]:
        """llama.cpp's own counters since load: prompt tokens evaluated, tokens decoded, times."""
        if self._llama is None:
            return {"prompt_eval_tokens": 0, "prompt_eval_ms": 0.0, "decode_tokens": 0, "decode_ms": 0.0}
        import llama_cpp

        data = llama_cpp.llama_perf_context(self._llama._ctx.ctx)
        return {"prompt_eval_tokens": data.n_p_eval, "prompt_eval_ms": data.t_p_eval_ms,
                "decode_tokens": data.n_eval, "decode_ms": data.t_eval_ms}

    def create(self, *, constrain: bool = False, **kwargs: Any) -> ChatCompletion:
        """One completion, greedy by default for reproducible output.

        A first attempt is free and starts at its first asked key; a re-ask (or every call, with
        ``grammar="always"``) is constrained by the response format's JSON-Schema grammar.
        """
        check_real_calls(self.model_id)
        kwargs.pop("model", None)
        kwargs.setdefault("temperature", 0.0)
        opening = None
        if self.grammar == "always" or constrain:
            kwargs["response_format"] = llama_response_format(kwargs.get("response_format"))
        else:
            opening = _opening(kwargs.pop("response_format", None))
        # llama.cpp holds one KV cache: calls must not interleave.
        with self._lock:
            llama = self._load()
            try:
                response = None
                if opening is not None:
                    response = self._complete_json_prefilled(llama, opening, **kwargs)
                if response is None:
                    response = llama.create_chat_completion_openai_v1(**kwargs)
            except ValueError as exc:
                if "exceed context window" not in str(exc):
                    raise
                raise BackendError(f"{self.model_id}: prompt too long for the model's context "
                                   f"({exc})") from exc
        if "response_format" not in kwargs:
            _strip_code_fence(response)
        return response

    def _complete_json_prefilled(self, llama: Any, opening: str, *, messages: list[dict[str, Any]],
                                 max_tokens: int | None = None, temperature: float = 0.0,
                                 **_: Any) -> ChatCompletion | None:
        """A free answer whose first characters are written for the model: ``opening``.

        Without a grammar, small models open with a code fence and pretty-print the
        object over many lines, and each of those tokens is decoded several times slower
        than a prompt token is read; they also lead with a key the question did not ask
        for, copied from the examples. Starting the answer at its first asked key costs
        nothing. Models whose weights carry no chat template take llama-cpp-python's own
        route (None).
        """
        formatter = self._formatter(llama)
        if formatter is None:
            return None
        rendered = formatter(messages=messages)
        prompt = llama.tokenize(rendered.prompt.encode() + opening.encode(),
                                add_bos=not rendered.added_special, special=True)
        stop = rendered.stop if isinstance(rendered.stop, list) else [rendered.stop] if rendered.stop else []
        out = llama.create_completion(prompt=prompt, max_tokens=max_tokens, temperature=temperature,
                                      stop=stop, seed=self.seed)
        choice = out["choices"][0]
        return ChatCompletion.model_validate({
            "id": out["id"], "object": "chat.completion", "created": out["created"],
            "model": self.model_id, "usage": out["usage"],
            "choices": [{"index": 0, "finish_reason": choice["finish_reason"] or "stop",
                         "message": {"role": "assistant", "content": opening + choice["text"]}}],
        })

    def _formatter(self, llama: Any) -> Any:
        if self._chat_formatter is _UNSET:
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter

            template = llama.metadata.get("tokenizer.chat_template")
            self._chat_formatter = template and Jinja2ChatFormatter(
                template=template, eos_token=self._token_text(llama, llama.token_eos()),
                bos_token=self._token_text(llama, llama.token_bos()))
        return self._chat_formatter or None

    @staticmethod
    def _token_text(llama: Any, token: int) -> str:
        return llama._model.token_get_text(token) if token != -1 else ""
