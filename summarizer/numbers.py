"""Turn stated figures into :class:`~summarizer.records.Count` values.

News copy states figures with hedges ("roughly 7,800"), bounds ("more than 4,500",
"up to 900"), ranges ("between 200 and 350") and fractions ("two-thirds of 4,500").
``parse_count`` reads one such phrase; ``find_number_phrases`` finds them in running
text with exact character offsets, skipping years, days of the month, clock times,
ordinals, money and bare percentages, which look like numbers but are not counts.

Pure and regex-based: no model, no network, only ``summarizer.records``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from summarizer.records import Count
from summarizer.vocabulary import ONE_PERSON

__all__ = ["NumberPhrase", "find_number_phrases", "parse_count"]

_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen"
        " fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 20 + 10 * i
    for i, w in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split()
    )
}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
_DENOMINATORS = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
for _n, _word in enumerate(
    "third fourth fifth sixth seventh eighth ninth tenth".split(), 3
):
    _DENOMINATORS[_word] = _DENOMINATORS[_word + "s"] = _n
_NUMERATORS = {"a": 1, "an": 1, **{w: v for w, v in _SMALL.items() if 1 <= v <= 10}}

_APPROX = (
    "about|around|approximately|approx.|roughly|some|an estimated|estimated|nearly"
)
_APPROX += "|almost|close to|just under|circa"
_LOWER = "over|more than|at least|upwards of|upward of|in excess of|above|no fewer than"
_LOWER += "|no less than|not less than|just over|well over|exceeding|greater than"
_LOWER += "|a minimum of"
# A toll that "passed" or "topped" a figure is above it: the figure is its lower bound.
_LOWER += "|passed|topped|surpassed|exceeded|passing|topping|surpassing"
_UPPER = (
    "up to|as many as|at most|no more than|not more than|fewer than|less than|under"
)
_UPPER += "|below|a maximum of|well under"
# Nouns that make a 4-digit number a head count rather than a year ("2000 troops").
_UNIT_NOUNS = (
    "soldiers|troops|troop|people|men|women|personnel|fighters|servicemen|"
    "service members|"
    "marines|sailors|airmen|civilians|casualties|police|officers|engineers|mercenaries|"
    "reservists|conscripts|recruits|volunteers|dead|killed|wounded|injured|prisoners"
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|"
    "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# Same-length replacements keep offsets valid while letting ASCII-mode \s see them.
_SPACES = str.maketrans({c: " " for c in "\xa0\u2007\u2009\u202f"})


def _alt(words: Iterable[str] | str) -> str:
    # Longest first so "more than" wins over a shorter prefix-sharing alternative.
    words = words.split("|") if isinstance(words, str) else words
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_UNIT = _alt(w for w, v in _SMALL.items() if 1 <= v <= 9)
_SUB100 = rf"(?:(?:{_alt(_TENS)})(?:[- ](?:{_UNIT}))?|{_alt(_SMALL)})"
_SUB1000 = rf"(?:(?:{_SUB100}|a)\s+hundred(?:\s+(?:and\s+)?{_SUB100})?|{_SUB100})"
_WORDS = (
    rf"(?:(?:{_SUB1000}|a)\s+(?:{_alt(_SCALES)})(?:\s+(?:and\s+)?{_SUB1000})?"
    rf"|(?:{_SUB100}|a)\s+dozen|{_SUB1000})"
)
_DIGITS = (
    rf"(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?:\.[0-9]+)?(?:\s+(?:{_alt(_SCALES)}))?"
)
# A number ends at a word boundary, not inside "1,2" or "7:06"; a hyphenated suffix
# ("two-week") makes it an adjective unless it is a size ("4,000-strong").
_END = r"(?!\w|[,.:/][0-9]|-(?!(?:strong|man|member|person|plus)\b)[a-z])"
_NUM = rf"(?:{_DIGITS}|{_WORDS}){_END}"
_START = r"(?<![\w$\u20ac\u00a3.,\-\u2013/:])"
_QUAL = (
    rf"(?P<approx>~|(?:{_alt(_APPROX)})(?=\s))"
    rf"|(?P<lower>(?:{_alt(_LOWER)})(?=\s))|(?P<upper>(?:{_alt(_UPPER)})(?=\s))"
)
_FLAGS = re.IGNORECASE | re.ASCII

_SINGLE = re.compile(
    rf"{_START}(?:(?:{_QUAL})\s*)?(?P<n>{_NUM})"
    r"(?:(?P<plus>\+|-plus\b|\s+or\s+more\b)|(?P<orless>\s+or\s+(?:fewer|less)\b))?",
    _FLAGS,
)
_RANGE = re.compile(
    rf"{_START}(?:(?P<approx>~|(?:{_alt(_APPROX)})(?=\s))\s*)?"
    rf"(?:between\s+(?P<a1>{_NUM})\s+and\s+(?P<b1>{_NUM})"
    rf"|from\s+(?P<a2>{_NUM})\s+to\s+(?P<b2>{_NUM})"
    rf"|(?P<a3>{_NUM})(?:\s?[-\u2013]\s?|\s+to\s+)(?P<b3>{_NUM}))",
    _FLAGS,
)
_FRACTION = re.compile(
    rf"{_START}(?:(?:{_QUAL})\s*)?(?:(?:(?P<num>{_alt(_NUMERATORS)})[\s-]+)?"
    rf"(?P<den>{_alt(_DENOMINATORS)})|(?P<pct>[0-9]+(?:\.[0-9]+)?)\s*(?:%|percent\b|per\s+cent\b))"
    r"\s+of\s+(?:(?:the|an\s+estimated|some|about|around|roughly|approximately|nearly)\s+)?"
    rf"(?P<n>{_NUM})",
    _FLAGS,
)
_AFTER_UNIT = re.compile(rf"\s+(?:{_UNIT_NOUNS})\b", _FLAGS)
_AFTER_NOT_COUNT = re.compile(
    r"\s*(?:%|percent\b|per\s+cent\b|[ap]\.?m\b\.?"
    r"|(?:dollars|euros|pounds|rubles|roubles|yuan)\b)",
    _FLAGS,
)
# Months match case-sensitively so "as many as 12 may have died" stays a count.
_BEFORE_MONTH = re.compile(rf"(?:{_MONTHS})\.?\s+$", re.ASCII)
_AFTER_MONTH = re.compile(rf"\s+(?:{_MONTHS})\b", re.ASCII)


@dataclass(frozen=True)
class NumberPhrase:
    """A figure found in text: ``text == source[start:end]``, parsed as ``count``."""

    start: int
    end: int
    text: str
    count: Count


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    count: Count
    atoms: tuple[str, ...]
    qualified: bool  # a hedge, bound or fraction was stated, so it is a figure


def _atom(text: str) -> tuple[Fraction, int]:
    """Value of one number (digits or words) and the scale word it ends with, if any."""
    words = re.findall(r"[a-z]+", text.lower())
    scale = _SCALES.get(words[-1], 1) if words else 1
    if text[0].isdigit():
        return Fraction(text.split()[0].replace(",", "")) * scale, scale
    total = current = 0
    for word in words:
        if word == "a":
            current = 1
        elif word in _SMALL or word in _TENS:
            current += _SMALL.get(word, 0) + _TENS.get(word, 0)
        elif word in ("hundred", "dozen"):
            current = (current or 1) * (100 if word == "hundred" else 12)
        elif word in _SCALES:
            total, current = total + (current or 1) * _SCALES[word], 0
    return Fraction(total + current), scale


def _whole(value: Fraction) -> int | None:
    # Counts are whole people; "1.5" with no scale word is a measurement, not a count.
    return int(value) if value.denominator == 1 else None


def _from_single(m: re.Match[str]) -> Count | None:
    value = _whole(_atom(m["n"])[0])
    if value is None:
        return None
    approx = m["approx"] is not None
    if m["lower"] or m["plus"]:
        return Count(low=value, high=None, approximate=approx)
    if m["upper"] or m["orless"]:
        return Count(low=None, high=value, approximate=approx)
    return Count(low=value, high=value, approximate=approx)


def _from_range(m: re.Match[str]) -> Count | None:
    a_text, b_text = next((m[f"a{i}"], m[f"b{i}"]) for i in (1, 2, 3) if m[f"a{i}"])
    (a, a_scale), (b, b_scale) = _atom(a_text), _atom(b_text)
    # "between 1 and 2 million": the scale word is shared by both ends.
    if a_scale == 1 and b_scale > 1 and a <= b / b_scale:
        a *= b_scale
    low, high = _whole(a), _whole(b)
    if low is None or high is None or low > high:
        return None
    return Count(low=low, high=high, approximate=m["approx"] is not None)


def _from_fraction(m: re.Match[str]) -> Count | None:
    if m["pct"]:
        share = Fraction(m["pct"]) / 100
    elif m["num"] or m["den"].lower() in ("half", "halves"):
        # Without a numerator "third of" is usually an ordinal ("the third of 12 ...").
        share = Fraction(
            _NUMERATORS[(m["num"] or "one").lower()], _DENOMINATORS[m["den"].lower()]
        )
    else:
        return None
    # Round half up (not banker's rounding): "half of 5" is 3, as a reader would say.
    value = int(_atom(m["n"])[0] * share + Fraction(1, 2))
    if m["lower"]:
        return Count(low=value, high=None, approximate=True)
    if m["upper"]:
        return Count(low=None, high=value, approximate=True)
    return Count(low=value, high=value, approximate=True)


def _candidates(text: str) -> list[_Candidate]:
    found = []
    for regex, build, atom_groups in (
        (_SINGLE, _from_single, ("n",)),
        (_RANGE, _from_range, ("a1", "b1", "a2", "b2", "a3", "b3")),
        (_FRACTION, _from_fraction, ("n",)),
    ):
        for m in regex.finditer(text):
            count = build(m)
            if count is not None:
                atoms = tuple(m[g] for g in atom_groups if m[g])
                groups = m.groupdict()
                qualified = regex is _FRACTION or any(
                    groups.get(g)
                    for g in ("approx", "lower", "upper", "plus", "orless")
                )
                found.append(_Candidate(m.start(), m.end(), count, atoms, qualified))
    return found


def _is_count(c: _Candidate, text: str) -> bool:
    """Whether a candidate, in context, is a figure and not a date, time or share."""
    # Context is matched in place (pos=, a short window) to stay linear on long texts.
    before = text[max(0, c.start - 16) : c.start]
    if _AFTER_NOT_COUNT.match(text, c.end):
        return False
    # A leading zero ("0700") or a third hyphenated group ("0700-3311-482") marks a phone
    # number or a code, not a figure.
    if any(re.fullmatch(r"0[0-9]{2,}", a) for a in c.atoms) or re.match(r"[-\u2013][0-9]", text[c.end:c.end + 2]):
        return False
    if c.qualified:
        return True
    is_year = [
        re.fullmatch(r"[0-9]{4}", a) is not None and 1900 <= int(a) <= 2100
        for a in c.atoms
    ]
    if all(is_year) and not _AFTER_UNIT.match(text, c.end):
        return False
    is_day = [
        re.fullmatch(r"[0-9]{1,2}", a) is not None and 1 <= int(a) <= 31
        for a in c.atoms
    ]
    if all(is_day) and (
        _BEFORE_MONTH.search(before) or _AFTER_MONTH.match(text, c.end)
    ):
        return False
    # A bare "one" is nearly always a pronoun ("one of the brigades"), unless a person noun
    # follows: "one officer was wounded", "one of its soldiers was killed".
    return not (len(c.atoms) == 1 and c.atoms[0].lower() == "one") or bool(ONE_PERSON.match(text, c.end))


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    # Earliest start first, longest first among equal starts: keeps maximal phrases.
    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if not chosen or c.start >= chosen[-1].end:
            chosen.append(c)
    return chosen


def find_number_phrases(text: str) -> list[NumberPhrase]:
    """Find stated figures in running text, sorted by start and non-overlapping.

    Each phrase includes its qualifier ("at least 4,500", "between 200 and 350",
    "two-thirds of 4,500"). Years ("in 2022"), days of the month ("March 5"), clock
    times ("7:06", "7 AM"), ordinals ("2nd"), money ("$4 million") and percentages
    that are not "X% of N" are skipped, as is a lone "one".
    """
    scan = text.translate(_SPACES)
    kept = [c for c in _candidates(scan) if _is_count(c, scan)]
    return [
        NumberPhrase(c.start, c.end, text[c.start : c.end], c.count)
        for c in _select(kept)
    ]


def parse_count(phrase: str) -> Count | None:
    """Parse one figure phrase ("roughly 7,800", "4,000+", "half of 900") into a Count.

    The whole phrase is read as a figure, so "2000" is 2,000 here even though
    ``find_number_phrases`` would take it for a year in running text. A phrase
    with extra words ("more than 4,500 soldiers") is accepted when it holds exactly
    one figure. Vague amounts ("dozens", "several thousand", "a few") give None.
    """
    scan = phrase.translate(_SPACES)
    stripped = scan.strip()
    offset = len(scan) - len(scan.lstrip())
    for c in _select(_candidates(scan)):
        if c.start == offset and c.end == offset + len(stripped):
            return c.count
    found = find_number_phrases(phrase)
    return found[0].count if len(found) == 1 else None
