"""A test double that answers from a function of the request; nothing leaves the process.

As pydantic-ai's ``FunctionModel`` does, the fake hands its function the request
already read: the answer's JSON schema, which sentence the question is about and the
question's text (``FakeRequest``). With no function, it answers every request with the
smallest value its schema allows (``answer_from_schema``), as pydantic-ai's ``TestModel``
builds answers from a schema; ``fake:<name>`` model strings get that backend.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from typing import Any

from openai.types.chat import ChatCompletion

__all__ = ["FakeBackend", "FakeRequest", "answer_from_schema", "completion"]

_SENTENCE = re.compile(r"\bsentence \[(\d+)\]")


class FakeRequest(dict):
    """A chat-completion request (the kwargs, as a dict) with what a test needs read out."""

    @property
    def messages(self) -> list[dict[str, Any]]:
        return self.get("messages", [])

    @property
    def schema(self) -> dict[str, Any] | None:
        """The JSON schema the answer must follow, in any of the formats backends send."""
        fmt = self.get("response_format") or {}
        return (fmt.get("json_schema") or {}).get("schema") or fmt.get("schema") or None

    @property
    def question(self) -> str:
        """The first user message's last paragraph: the question after the shared article prefix."""
        user = next((m for m in self.messages if m.get("role") == "user"), None)
        return str(user.get("content", "")).rsplit("\n\n", 1)[-1] if user else ""

    @property
    def sentence(self) -> int | None:
        """The index of the sentence the question is about, if it is about one."""
        match = _SENTENCE.search(self.question)
        return int(match.group(1)) if match else None

    @property
    def is_retry(self) -> bool:
        """A re-ask: the model's failed answer and the error follow the question."""
        return len(self.messages) > 2


def answer_from_schema(schema: dict[str, Any] | None, defs: dict[str, Any] | None = None) -> Any:
    """The smallest value a JSON schema allows: null, false, 0, [], a filler string, required keys."""
    if not schema:
        return {}
    defs = schema.get("$defs", {}) if defs is None else defs
    if "$ref" in schema:
        return answer_from_schema(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = schema[key]
            if any(o.get("type") == "null" for o in options):
                return None
            return answer_from_schema(options[0], defs)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if isinstance(kind, list):
        if "null" in kind:
            return None
        kind = kind[0]
    if kind == "object":
        required = schema.get("required", [])
        return {name: answer_from_schema(sub, defs)
                for name, sub in schema.get("properties", {}).items() if name in required}
    if kind == "string":
        return "x" * schema.get("minLength", 0)
    return {"boolean": False, "integer": 0, "number": 0, "array": []}.get(kind)


def completion(content: str, *, prompt_tokens: int = 0, completion_tokens: int = 0,
               model: str = "fake", finish_reason: str = "stop") -> ChatCompletion:
    """An OpenAI ``ChatCompletion`` carrying ``content`` as the assistant message."""
    return ChatCompletion.model_validate({
        "id": "fake-0", "object": "chat.completion", "created": int(time.time()), "model": model,
        "choices": [{"index": 0, "finish_reason": finish_reason,
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    })


class FakeBackend:
    """Answers each request with ``responder(request)``: a JSON string, a JSON-able object,
    or a whole ``ChatCompletion`` (to script a finish reason). ``request`` is a ``FakeRequest``.
    """

    mode = "json_schema"
    cache_tag = ""

    def __init__(self, responder: Callable[[FakeRequest], Any] | None = None,
                 model_id: str = "fake:test", preferred_strategy: str = "cited") -> None:
        self.responder = responder or (lambda request: answer_from_schema(request.schema))
        self.model_id = model_id
        self.preferred_strategy = preferred_strategy
        self.calls: list[FakeRequest] = []

    @classmethod
    def from_spec(cls, name: str, **options: Any) -> FakeBackend:
        """``fake:<name>``: schema-driven answers, for trying the pipeline without a model."""
        return cls(model_id=f"fake:{name}", **options)

    def create(self, *, constrain: bool = False, **kwargs: Any) -> ChatCompletion:
        request = FakeRequest(kwargs)
        self.calls.append(request)
        reply = self.responder(request)
        if isinstance(reply, ChatCompletion):
            return reply
        content = reply if isinstance(reply, str) else json.dumps(reply)
        prompt = sum(len(str(m.get("content", "")).split()) for m in kwargs.get("messages", []))
        return completion(content, prompt_tokens=prompt, completion_tokens=len(content.split()))
