"""What kind of source a name is, from the words of the name and of its first mention.

Small models pick the kind badly (an intelligence agency called "government", a
president called "military"), while the article's own wording says it plainly:
"... Intelligence Service", "President ...", "military spokesperson ...". The
title in front of a person's first mention is read too ("Defence Minister Ana
Ruiz" makes "Ruiz" a government source).
"""

from __future__ import annotations

import re

from summarizer.records import SourceKind
from summarizer.vocabulary import SOURCE_KIND_WORDS as _RULES

__all__ = ["infer_kind"]

# A "... intelligence chief" or "military intelligence" is the armed forces' own service.
# "Defence Intelligence" on its own is the armed forces' too; a "Defence Intelligence Service" is an agency.
_MILITARY_INTELLIGENCE = re.compile(r"\bmilitary intelligence\b|\bdefen[cs]e intelligence\b"
                                    r"(?!\s+(?:service|agency|organi[sz]ation))", re.I)


def _first_mention_context(name: str, text: str, words: int = 6) -> str:
    index = text.lower().find(name.lower())
    if index < 0:
        return ""
    before = re.split(r"[.!?]\s", text[max(0, index - 120):index])[-1]
    return " ".join(before.split()[-words:])


def _expansion(name: str, text: str) -> str:
    """What an acronym stands for where the article spells it out: "Joint Staff (JS)" for "JS"."""
    acronym = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    if not re.fullmatch(r"[A-Z][A-Z.&]{1,7}", acronym):
        return ""
    spelled = re.search(rf"((?:[A-Z][\w'’-]*\s+(?:of\s+|for\s+|and\s+)?)+)[\(\[]{re.escape(acronym)}[\)\]]", text)
    if spelled:
        return spelled.group(1)
    known = re.search(rf"(\w+(?:\s+\w+){{0,4}}),?\s+known (?:by its acronym |as )?{re.escape(acronym)}\b", text)
    return known.group(1) if known else ""


def _apposition(name: str, text: str) -> str:
    """What the article says a person is: "Ana Ruiz, a member of parliament's ... committee,"."""
    match = re.search(rf"{re.escape(name)},\s+((?:an?|the)\s+[^,.]{{3,80}})", text)
    return match.group(1) if match else ""


def infer_kind(name: str, article_text: str = "") -> SourceKind | None:
    """The kind of source ``name`` is, or None when neither it nor its mention says."""
    for scope in (name, _expansion(name, article_text),
                  _first_mention_context(name, article_text) + " " + name,
                  _apposition(name, article_text)):
        if _MILITARY_INTELLIGENCE.search(scope):
            return "military"
        for kind, pattern in _RULES:
            if pattern.search(scope):
                return kind
    return None
