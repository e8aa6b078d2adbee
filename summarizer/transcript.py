"""Who speaks in a transcript: the speaker label that opens each turn ("MS. RUIZ:", "Q:").

A briefing transcript attributes by layout, not by grammar: every sentence of a turn is
the labelled speaker's, with no "she said" anywhere. An article is read as a transcript
only when at least two lines open with a person's label (an honorific, or "Q:" for a
reporter's question), so a dateline ("QUETTA:") or a box label ("ALSO READ:") never counts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarizer.vocabulary import HONORIFICS

__all__ = ["turn_speaker"]

_HONORIFIC = "|".join(HONORIFICS)
# "MS. RUIZ:", "DEPUTY PRESS SECRETARY ANA RUIZ:", "Q:"; a label is all capitals.
_LABEL = re.compile(rf"^(?P<label>(?-i:Q|QUESTION|(?:[A-Z][A-Z.'’-]*\s+){{0,6}}?(?:{_HONORIFIC})\.?\s+[A-Z][A-Z'’-]+|"
                    rf"(?:[A-Z][A-Z.'’-]+\s+){{2,7}}[A-Z][A-Z'’-]+)):\s+\S", re.M)
_QUESTION = re.compile(r"^(?:Q|QUESTION)$")
_PERSONAL = re.compile(rf"(?-i:(?:{_HONORIFIC})\.?\s)|^Q$|^QUESTION$")


@lru_cache(maxsize=64)
def _turns(text: str) -> tuple[tuple[int, str], ...]:
    labels = [(m.start(), m.group("label")) for m in _LABEL.finditer(text)]
    personal = [label for _, label in labels if _PERSONAL.search(label)]
    return tuple(labels) if len(personal) >= 2 else ()


def turn_speaker(text: str, offset: int) -> str | None:
    """The name of the speaker whose turn holds ``offset``, as the article writes it in prose
    ("MS. RUIZ" -> "Ana Ruiz" when "Ana Ruiz" is written), or None: no transcript, a reporter's
    question, or a label naming no one the article names."""
    turns = [(start, label) for start, label in _turns(text) if start <= offset]
    if not turns:
        return None
    label = turns[-1][1]
    if _QUESTION.match(label):
        return None
    surname = label.split()[-1].capitalize()
    # The given name written before the surname, without the titles before it: in the prose,
    # else in a fuller label ("SPOKESWOMAN ANA RUIZ:").
    named = re.search(rf"\b([A-Z][a-z][\w'’-]*)\s+{re.escape(surname)}\b", text)
    if named:
        return f"{named.group(1)} {surname}"
    fuller = next((other.split() for _, other in _turns(text)
                   if other.split()[-1] == label.split()[-1] and len(other.split()) > 1
                   and other.split()[-2].rstrip(".") not in HONORIFICS), None)
    return f"{fuller[-2].capitalize()} {surname}" if fuller else surname
