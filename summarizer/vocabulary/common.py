"""The helpers every vocabulary module shares."""

from __future__ import annotations

from typing import Literal

__all__ = ["FigureLabel", "words"]

FigureLabel = Literal["troops", "killed", "wounded", "killed_or_wounded", "captured", "other"]


def words(*alternatives: str) -> str:
    """A regex alternation of whole words and phrases, longest first (so "killed or wounded" wins)."""
    return "|".join(sorted(alternatives, key=len, reverse=True))
