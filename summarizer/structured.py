"""Structured calls: a Pydantic model out of any backend, validated and re-asked.

instructor does the work (schema in the request, validation with a context,
the validation error sent back on retry); this module only counts what every
attempt cost, because instructor keeps retry cost out of sight.
"""

from __future__ import annotations

import re
import time
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from summarizer.backends.base import Backend, BackendError

__all__ = ["CallStats", "StructuredError", "structured_call"]

T = TypeVar("T", bound=BaseModel)


class StructuredError(RuntimeError):
    """The model's output never validated within ``max_retries`` re-asks."""


@dataclass
class CallStats:
    """Cost of model calls: every attempt counted, retries included."""

    calls: int = 0
    attempts: int = 0
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0

    def add(self, other: CallStats) -> None:
        """Add another tally into this one."""
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "seconds": round(self.seconds, 3)}


def _mode(name: str) -> Any:
    import instructor

    return {"json_schema": instructor.Mode.JSON_SCHEMA, "tools": instructor.Mode.TOOLS,
            "json": instructor.Mode.JSON}[name]


def structured_call(backend: Backend, messages: list[dict[str, str]], response_model: type[T], *,
                    context: dict[str, Any] | None = None, max_retries: int = 2,
                    max_tokens: int = 1024, stats: CallStats | None = None,
                    keep_truncated: bool = False, **options: Any) -> T:
    """Ask ``backend`` for a ``response_model``; validators see ``context``.

    On a validation error instructor re-asks with the error, up to
    ``max_retries`` more times; then ``StructuredError`` is raised. Every
    attempt's tokens and time are added to ``stats``. ``options`` go to the backend
    (``grammar="always"`` asks the local backend to constrain even a first attempt).
    With ``keep_truncated``, an answer cut off by ``max_tokens`` is read as far as it
    goes (an open string is closed) and validated as it stands, instead of failing:
    for free text whose validator trims it, the cap is then a length limit.
    """
    import instructor
    from instructor.core import InstructorError

    tally = stats if stats is not None else CallStats()

    def counting_create(**kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            response = backend.create(**kwargs)
        finally:
            tally.attempts += 1
            tally.seconds += time.perf_counter() - started
        usage = getattr(response, "usage", None)
        if usage is not None:
            tally.prompt_tokens += usage.prompt_tokens or 0
            tally.completion_tokens += usage.completion_tokens or 0
        return response

    create = instructor.patch(create=counting_create, mode=_mode(backend.mode))
    tally.calls += 1
    before = tally.attempts
    try:
        return create(messages=messages, response_model=response_model, context=context,
                      max_retries=max_retries, max_tokens=max_tokens, **options)
    except BackendError:
        raise
    except InstructorError as exc:
        cause = exc.__cause__ or exc.__context__
        if isinstance(cause, BackendError):
            raise cause from exc
        truncated = _truncated_answer(exc, response_model, context) if keep_truncated else None
        if truncated is not None:
            return truncated
        raise StructuredError(
            f"{backend.model_id}: output failed validation after {tally.attempts - before} "
            f"attempt(s): {_short(exc)}"
        ) from exc
    finally:
        tally.retries += max(0, tally.attempts - before - 1)


def _truncated_answer(exc: BaseException, response_model: type[T],
                      context: dict[str, Any] | None) -> T | None:
    """The partial answer of a call cut off by its token cap, if it still validates."""
    from instructor.core import IncompleteOutputException
    from jiter import from_json
    from pydantic import ValidationError

    seen: BaseException | None = exc
    while seen is not None and not isinstance(seen, IncompleteOutputException):
        seen = seen.__cause__ or seen.__context__
    completion = getattr(seen, "last_completion", None)
    try:
        content = completion.choices[0].message.content  # type: ignore[union-attr]
        data = from_json(content.encode(), partial_mode="trailing-strings")
        return response_model.model_validate(data, context=context)
    except (AttributeError, IndexError, TypeError, ValueError, ValidationError):
        return None


def _short(exc: BaseException) -> str:
    """The last validation message of a failed call, without instructor's XML dump."""
    text = " ".join(str(exc).split())
    text = re.sub(r"For further information visit \S+", " ", text)
    messages = re.findall(r"(?:Value error, )?([^\[\]<>]{3,200}?) \[type=", text)
    if messages:
        return messages[-1].strip()
    return re.sub(r"<[^>]+>", " ", text)[:200].strip()
