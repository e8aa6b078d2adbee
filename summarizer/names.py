"""Names compared as written, give or take case, punctuation, a possessive and a leading article.

One rule for everything that compares names: the brief joining sources across articles,
the scorer matching a prediction's source to gold's, gold's alias tables.
"""

from __future__ import annotations

import re

__all__ = ["normalise_name"]

_PUNCT = re.compile(r"[^\w\s]")
_POSSESSIVE = re.compile(r"['\u2019]s\b")


def normalise_name(name: str) -> str:
    """Lower case; possessive 's, punctuation and a leading "the"/"a"/"an" dropped; spaces collapsed."""
    text = _POSSESSIVE.sub("", name.lower())
    text = " ".join(_PUNCT.sub(" ", text).split())
    return re.sub(r"^(the|a|an) ", "", text)
