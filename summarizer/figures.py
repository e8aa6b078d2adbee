"""What a figure in a sentence counts: troops sent, killed, wounded, captured, or something else.

Small local models confuse these (troops sent labelled as killed), so this is
decided from the words around each number phrase, the way a reader does:
the casualty word of the figure's own clause ("300 soldiers were killed", "the
number of killed or wounded ... at 4,000"), or a troop noun right after it
("1,500 engineers were sent"). The model is then asked only what needs reading
comprehension: who said it, about whom, where and when.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from summarizer.numbers import NumberPhrase, find_number_phrases
from summarizer.records import Count

__all__ = ["Figure", "FigureLabel", "derived_share", "label_figures"]

FigureLabel = Literal["troops", "killed", "wounded", "killed_or_wounded", "captured", "other"]

_CASUALTY_WORDS: list[tuple[FigureLabel, re.Pattern[str]]] = [
    ("killed_or_wounded", re.compile(
        r"\b(casualt\w*|killed (or|and) wounded|wounded (or|and) killed|killed or injured|"
        r"dead or wounded|dead and wounded|killed or wounded)\b", re.I)),
    ("captured", re.compile(r"\b(captured|taken prisoner|prisoners?( of war)?|POWs?|surrendered)\b", re.I)),
    ("killed", re.compile(r"\b(killed|dead|died|deaths?|lost their lives|fatalit\w*)\b", re.I)),
    ("wounded", re.compile(r"\b(wounded|injured|injur\w*|hurt)\b", re.I)),
]
_TROOP_NOUN = re.compile(
    r"^[\s,]*(?:(?:[A-Z][\w.'’-]*|additional|more|new|other|foreign|elite|special|combat|regular|"
    r"fresh|further|extra|of|its|their|the|military|army|armed)\s+){0,4}"
    r"(troops?|soldiers?|servicemen|servicemembers|personnel|fighters|engineers|deminers|"
    r"sappers|infantry(?:men)?|marines|paratroopers|commandos|special forces|reinforcements|"
    r"mercenaries|conscripts|recruits|instructors|trainers|advisers|advisors|medics|"
    r"men|others|members)\b")
_UNIT_NOUN = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}(pieces|artillery|missiles?|rockets?|shells?|rounds|drones?|tanks?|"
    r"vehicles|guns|km|kilomet\w+|miles?|%|percent|per cent|days?|weeks?|months?|years?|hours?|"
    r"dollars|euros|tons?|tonnes|villages|towns|times|nations|countries|square)\b", re.I)
# A limit on troop numbers: "raise the ceiling from 1,000 to 1,400", "may keep no more than 1,500".
_LIMIT = re.compile(r"\b(ceiling|cap|caps|capped|limit|limits|limited|maximum|quota|may keep|may station|"
                    r"allowed to|permitted to|under (its|the) terms)\b", re.I)
# A casualty verb right before the figure: "the strike killed up to 200 soldiers".
_STRUCK = re.compile(r"\b(killed|wounded|injured|captured)\s*$", re.I)
_SENT_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}(?:has|have|had)?\s*(?:sent|deployed|dispatched|stationed)\b", re.I)
_TOTAL_BEFORE = re.compile(r"\b(total|tally)\b[^,;]{0,80}\bto\s*$|\badding to\s+(the\s+)?$", re.I)
_ANY_TROOPS = re.compile(r"\b(troops|soldiers|personnel|forces|servicemen)\b", re.I)
# Where one figure's clause ends and the next begins.
_CLAUSE_BREAK = re.compile(r";|\bwhile\b|\bwhereas\b|\bbut\b|\bcompared\b|—|\bversus\b", re.I)
_SHARE = re.compile(
    r"\b(half|a third|one[- ]third|two[- ]thirds|a quarter|one[- ]quarter|three[- ]quarters)\s+of\s+"
    r"(?:whom|them|those)\b[^.;]{0,40}?\b(killed|dead|died|wounded|injured|captured)", re.I)
_FRACTIONS = {"half": 1 / 2, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3,
              "a quarter": 1 / 4, "one quarter": 1 / 4, "three quarters": 3 / 4}


@dataclass(frozen=True)
class Figure:
    """A number phrase in a sentence and what it counts."""

    phrase: NumberPhrase
    label: FigureLabel


def _casualty_label(text: str) -> FigureLabel | None:
    # The earliest casualty word wins; at one position the longer phrase
    # ("killed or wounded" over "killed").
    found = [(m.start(), -len(m.group(0)), label) for label, pattern in _CASUALTY_WORDS
             for m in [pattern.search(text)] if m]
    return min(found)[2] if found else None


def _label(sentence: str, phrase: NumberPhrase, prev_end: int, next_start: int) -> FigureLabel:
    after = sentence[phrase.end:next_start]
    cut = _CLAUSE_BREAK.search(after)
    after_clause = after[: cut.start()] if cut else after
    if _UNIT_NOUN.match(after):
        return "other"
    label = _casualty_label(after_clause)
    if label:
        return label
    before = sentence[prev_end:phrase.start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    before_clause = before[breaks[-1].end():] if breaks else before
    troop_after = _TROOP_NOUN.match(after)
    struck = _STRUCK.search(before_clause)
    if troop_after and struck:
        return _casualty_label(struck.group(1)) or "other"  # "a strike killed up to 200 soldiers"
    if not troop_after:
        label = _casualty_label(before_clause[-80:])
        if label:
            return label
    if troop_after and _LIMIT.search(before_clause[-90:]):
        return "other"  # a ceiling or a treaty's cap on troops is not a deployment
    if troop_after:
        return "troops"
    if (_SENT_AFTER.match(after) or _TOTAL_BEFORE.search(before_clause)) and _ANY_TROOPS.search(sentence):
        return "troops"  # "adding to the 11,000 it has sent", "bringing the total ... to 15,000"
    return "other"


def label_figures(sentence: str) -> list[Figure]:
    """Every number phrase of ``sentence`` with what it counts.

    A figure with no words of its own that follows a casualty figure in a
    comparison ("..., while others put it at 1,200") counts the same thing.
    """
    phrases = find_number_phrases(sentence)
    figures: list[Figure] = []
    for i, phrase in enumerate(phrases):
        prev_end = phrases[i - 1].end if i else 0
        next_start = phrases[i + 1].start if i + 1 < len(phrases) else len(sentence)
        label = _label(sentence, phrase, prev_end, next_start)
        if label == "other" and figures and figures[-1].label not in ("troops", "other"):
            between = sentence[prev_end:phrase.start]
            if _CLAUSE_BREAK.search(between) and not _UNIT_NOUN.match(sentence[phrase.end:]):
                label = figures[-1].label
        figures.append(Figure(phrase, label))
    return figures


def derived_share(sentence: str, total: Count) -> tuple[FigureLabel, Count] | None:
    """"N casualties, two-thirds of whom were killed": the derived figure and its label."""
    match = _SHARE.search(sentence)
    if match is None or total.low is None or total.low != total.high:
        return None
    share = _FRACTIONS[match.group(1).lower().replace("-", " ")]
    label = _casualty_label(match.group(2)) or "other"
    value = round(total.low * share)
    return label, Count(low=value, high=value, approximate=True)
