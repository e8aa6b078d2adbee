"""A scripted backend for tests: a function decides each reply, nothing leaves the process."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from openai.types.chat import ChatCompletion

__all__ = ["FakeBackend", "completion"]


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
    """Answers each request with ``responder(kwargs)``: a JSON string, a JSON-able object,
    or a whole ``ChatCompletion`` (to script a finish reason)."""

    mode = "json_schema"
    cache_tag = ""

    def __init__(self, responder: Callable[[dict[str, Any]], Any], model_id: str = "fake:test",
                 preferred_strategy: str = "cited") -> None:
        self.responder = responder
        self.model_id = model_id
        self.preferred_strategy = preferred_strategy
        self.calls: list[dict[str, Any]] = []

    def create(self, *, constrain: bool = False, **kwargs: Any) -> ChatCompletion:
        self.calls.append(kwargs)
        reply = self.responder(kwargs)
        if isinstance(reply, ChatCompletion):
            return reply
        content = reply if isinstance(reply, str) else json.dumps(reply)
        prompt = sum(len(str(m.get("content", "")).split()) for m in kwargs.get("messages", []))
        return completion(content, prompt_tokens=prompt, completion_tokens=len(content.split()))
