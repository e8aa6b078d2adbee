"""Evidence grounding: find a quote in the article, and check a span against it.

Offsets are computed here, never taken from a model. A quote that is not in the
article verbatim is not evidence: callers reject the record and re-ask.
"""

from __future__ import annotations

import re

from summarizer.errors import GroundingError

from summarizer.records import ArticleRecords, Evidence

__all__ = ["INJECTION", "GroundingError", "evidence_errors", "locate", "span_evidence"]

#: Sentences that address the reader's tools rather than report news are never evidence.
INJECTION = re.compile(r"\b(ignore|disregard|forget)\b[^.]{0,40}\b(instructions?|prompts?|rules)\b|"
                       r"\bsystem prompt\b|\byou are (now )?an? (ai|assistant|language model)\b", re.I)

# Models often normalise typography; these pairs are the only liberties we
# forgive, and the returned quote is always the article's own text.
_EQUIVALENT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def span_evidence(text: str, start: int, end: int) -> Evidence:
    """Evidence for ``text[start:end]`` (used when the program chose the span)."""
    return Evidence(quote=text[start:end], start=start, end=end)


def locate(text: str, quote: str, near: int = 0) -> Evidence:
    """Return the evidence for ``quote`` in ``text``, offsets computed here.

    Exact matches win; otherwise a match that differs only in quote marks,
    dashes or runs of whitespace is accepted and the article's own characters
    are returned. When the quote occurs more than once, the occurrence at or
    after ``near`` is taken. Raises ``GroundingError`` when it is absent.
    """
    quote = quote.strip()
    if not quote:
        raise GroundingError("empty evidence quote")
    index = text.find(quote, near)
    if index < 0:
        index = text.find(quote)
    if index >= 0:
        return Evidence(quote=quote, start=index, end=index + len(quote))
    # Same length-preserving normalisation on both sides keeps offsets valid.
    folded_text = text.translate(_EQUIVALENT)
    pattern = r"\s+".join(re.escape(part) for part in quote.translate(_EQUIVALENT).split())
    match = re.search(pattern, folded_text)
    if match is None:
        raise GroundingError(f"quote not found in the article: {quote[:80]!r}")
    return span_evidence(text, match.start(), match.end())


def evidence_errors(records: ArticleRecords, text: str) -> list[str]:
    """Every evidence span in ``records`` that does not match ``text`` (empty when all ground)."""
    errors = []
    for kind in ("troop_deployments", "casualty_estimates", "treaty_references"):
        for i, record in enumerate(getattr(records, kind)):
            ev = record.evidence
            if text[ev.start : ev.end] != ev.quote:
                errors.append(f"{kind}[{i}]: quote not at offsets {ev.start}-{ev.end}")
    return errors
