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

__all__ = ["infer_kind"]

_RULES: list[tuple[SourceKind, re.Pattern[str]]] = [
    ("unnamed", re.compile(r"\b(unidentified|unnamed|anonymous|undisclosed|sources? (familiar|close))\b", re.I)),
    ("intelligence_agency", re.compile(r"\b(intelligence (service|agency|agencies|services|sources?|officials?|community)|"
                                       r"spy (agency|service|chief)|security service)\b", re.I)),
    ("head_of_state", re.compile(r"\b(president|prime minister|premier|king|queen|emir|chancellor|"
                                 r"supreme leader|head of state)\b(?!ial)", re.I)),
    ("military", re.compile(r"\b(military|army|armed forces|general staff|defen[cs]e forces|navy|air force|"
                            r"command(er|s)?|colonel|general|brigadier|lieutenant|major|captain|admiral|"
                            r"troops|special (operations )?forces|battalion|brigade|rebels?|militia)\b", re.I)),
    ("analyst", re.compile(r"\b(analysts?|institute|think[- ]tank|experts?|researchers?|observers?|"
                           r"monitor(ing group)?|study of war|professor|university|centre for|center for)\b", re.I)),
    ("government", re.compile(r"\b(ministry|minister|ministers|officials?|government|cabinet|presidential|"
                              r"adviser|advisor|spokes(man|woman|person)|foreign office|embassy|kremlin|"
                              r"white house|state department|parliament|lawmakers?|senator|mp|deputy|"
                              r"authorities|administration)\b", re.I)),
    ("media", re.compile(r"\b(news agency|newspaper|daily|times|post|journal|herald|gazette|tribune|"
                         r"television|tv|broadcaster|radio|media|outlet|press|wire service)\b", re.I)),
]
# A "... intelligence chief" or "military intelligence" is the armed forces' own service.
_MILITARY_INTELLIGENCE = re.compile(r"\bmilitary intelligence\b", re.I)


def _first_mention_context(name: str, text: str, words: int = 6) -> str:
    index = text.lower().find(name.lower())
    if index < 0:
        return ""
    before = re.split(r"[.!?]\s", text[max(0, index - 120):index])[-1]
    return " ".join(before.split()[-words:])


def infer_kind(name: str, article_text: str = "") -> SourceKind | None:
    """The kind of source ``name`` is, or None when neither it nor its mention says."""
    for scope in (name, _first_mention_context(name, article_text) + " " + name):
        if _MILITARY_INTELLIGENCE.search(scope):
            return "military"
        for kind, pattern in _RULES:
            if pattern.search(scope):
                return kind
    return None
