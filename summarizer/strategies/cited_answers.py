"""What of a model's answer the article backs: its own dates, verbatim values, no echoed examples.

Shared by the ``cited`` strategy's record builders (``cited_records``, ``cited_treaties``).
"""

from __future__ import annotations

import datetime as dt
import re

from summarizer.article import Article
from summarizer.dates import resolve_date
from summarizer.prompts import load_prompt

__all__ = ["CLAUSE_SPLIT", "dates_of", "not_echoed", "verbatim_in_article"]

_WINDOW = re.compile(r"^(?:between|from)\s+(.+?)\s+(?:and|to|through|until)\s+(.+)$", re.I)


def dates_of(phrase: str | None, ref: dt.date | None) -> tuple[str | None, str | None]:
    if not phrase:
        return None, None
    window = _WINDOW.match(phrase.strip())
    if window:
        return resolve_date(window.group(1), ref), resolve_date(window.group(2), ref)
    return resolve_date(phrase, ref), None


def verbatim_in_article(value: str | None, article: Article) -> str | None:
    if not value or value.strip().lower() not in article.text.lower():
        return None
    return value.strip()


def _example_text() -> str:
    # The prompts' worked examples: a value found there and not in the article is the example
    # echoed back by a small model, not a reading of the article.
    return " ".join(load_prompt(name).body for name in ("system", "facts", "treaty")).lower()


def not_echoed(value: str | None, article: Article) -> str | None:
    """``value`` stripped, or None when it is empty or copied from the prompts' examples."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    lowered = value.lower()
    if lowered in _example_text() and lowered not in article.text.lower():
        return None
    return value


CLAUSE_SPLIT = re.compile(r",\s|;\s|\s(?:and|but|while|after|before)\s")
