"""The ``Strategy`` protocol and the registry that ``extract()`` looks strategies up in.

A strategy decides how a backend is asked about one article and owns those model
calls; it returns the record fields (``summary`` and one list per record kind).
Grounding, validation and writing stay with the caller, identical for every strategy.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from summarizer.article import Article
from summarizer.backends.base import Backend
from summarizer.errors import ExtractionError
from summarizer.structured import CallStats

__all__ = ["Strategy", "StrategyRun", "get_strategy", "register_strategy", "strategy_names"]


@dataclass
class StrategyRun:
    """What one article's extraction spends and notices: every call's cost and any warning."""

    published: str | None = None
    max_retries: int | None = None
    stats: CallStats = field(default_factory=CallStats)
    warnings: list[str] = field(default_factory=list)


@runtime_checkable
class Strategy(Protocol):
    """How records are asked of a model: ``cited`` (small local models) or ``single`` (API models)."""

    name: str

    def run(self, article: Article, backend: Backend, run: StrategyRun) -> dict[str, Any]:
        """``{"summary": str, "<record kind>": [records], ...}`` for ``article``."""
        ...


_REGISTRY: dict[str, Strategy | str] = {}


def register_strategy(name: str, strategy: Strategy | str) -> None:
    """Make ``name`` usable as ``extract(..., strategy=name)``.

    ``strategy`` is an instance, or ``"package.module:Class"``, imported and built on first use
    (built-ins register this way, so importing the registry imports no strategy).
    """
    _REGISTRY[name] = strategy


def strategy_names() -> list[str]:
    return sorted(_REGISTRY)


register_strategy("cited", "summarizer.strategies.cited:CitedStrategy")
register_strategy("single", "summarizer.strategies.single:SingleStrategy")


def get_strategy(name: str) -> Strategy:
    """The registered strategy ``name``; an unknown name lists the known ones."""
    try:
        entry = _REGISTRY[name]
    except KeyError:
        raise ExtractionError(f"unknown strategy {name!r}; choose from "
                              f"{', '.join(strategy_names())}") from None
    if isinstance(entry, str):
        module, _, cls = entry.partition(":")
        entry = _REGISTRY[name] = getattr(importlib.import_module(module), cls)()
    return entry
