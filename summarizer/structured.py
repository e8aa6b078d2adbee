"""Structured calls: a Pydantic model out of any backend, validated and re-asked.

instructor does the work (schema in the request, validation with a context,
the validation error sent back on retry); this module only counts what every
attempt cost, because instructor keeps retry cost out of sight.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from summarizer.backends.base import Backend, BackendError
from summarizer.errors import StructuredError

__all__ = ["CallStats", "StructuredError", "structured_call"]

T = TypeVar("T", bound=BaseModel)


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
    attempt's tokens and time are added to ``stats``. ``options`` go to the backend.
    A re-ask is sent with ``constrain=True`` (the local backend then samples under the
    schema's grammar).
    With ``keep_truncated``, an answer cut off by ``max_tokens`` is read as far as it
    goes (an open string is closed) and validated as it stands, instead of failing:
    for free text whose validator trims it, the cap is then a length limit.
    """
    import instructor
    from instructor.core import InstructorError

    tally = stats if stats is not None else CallStats()

    def counting_create(**kwargs: Any) -> Any:
        started = time.perf_counter()
        retry = tally.attempts > before  # instructor re-asks after a failed parse
        try:
            response = backend.create(constrain=retry, **kwargs)
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
        attempts = tally.attempts - before
        reason = _last_validation_message(exc)
        raise StructuredError(
            f"{backend.model_id}: output failed validation after {attempts} attempt(s): {reason}",
            model_id=backend.model_id, attempts=attempts, last_error=reason,
            usage={"prompt_tokens": tally.prompt_tokens, "completion_tokens": tally.completion_tokens},
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


def _last_validation_message(exc: BaseException) -> str:
    """The message of the last failed attempt's error, read from the exceptions themselves.

    instructor keeps each failed attempt's exception; a Pydantic ``ValidationError`` gives
    its errors as data (the last one is what the model got wrong last).
    """
    from pydantic import ValidationError

    failed = getattr(exc, "failed_attempts", None) or []
    candidates = [a.exception for a in failed] + [exc.__cause__, exc.__context__, exc]
    for error in reversed([c for c in candidates if c is not None]):
        if isinstance(error, ValidationError) and error.errors():
            detail = error.errors()[-1]
            message = str(detail.get("msg", "")).removeprefix("Value error, ")
            where = ".".join(str(p) for p in detail.get("loc", ()))
            return f"{where}: {message}" if where else message
    last = next((c for c in reversed(candidates) if c is not None), exc)
    return " ".join(f"{type(last).__name__}: {last}".split())[:200]
