"""Publication dates and date phrases resolved to partial ISO dates.

Articles date events relative to when they were written ("last November", "on
Monday", "earlier this month"). ``parse_published`` reads the article's own date
from its header; ``resolve_date`` turns a phrase into "YYYY", "YYYY-MM" or
"YYYY-MM-DD" against that date, choosing the most recent past reading, since news
reports what has happened; ``find_date_phrases`` finds such phrases in running text.

Pure and regex-based: the standard library only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import chain

__all__ = ["DatePhrase", "find_date_phrases", "is_date_word", "parse_published", "resolve_date"]

_MONTH_NAMES = (
    "January February March April May June July August September October November"
    " December"
).split()
_MONTHS = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS.update({name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES, start=1)})
_MONTHS["sept"] = 9
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def is_date_word(word: str) -> bool:
    """Whether ``word`` names a month or a weekday ("in March", "on Monday")."""
    return word.lower().rstrip(".") in _MONTHS or word.capitalize() in _WEEKDAYS


# Each season's first month (northern hemisphere, meteorological seasons).
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_NUMBER_WORDS = "one two three four five six seven eight nine ten".split()
_COUNTS = {"a": 1, "an": 1, **{w: i for i, w in enumerate(_NUMBER_WORDS, start=1)}}
_FLAGS = re.IGNORECASE | re.ASCII
# Same-length replacements keep offsets valid while letting ASCII-mode \s see them.
_SPACES = str.maketrans({c: " " for c in "\xa0\u2007\u2009\u202f"})

# Abbreviations only with a day or year: a bare "Jan" or "Dec" is more often a name.
_MON_FULL = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_MON = rf"(?:{_MON_FULL}|(?:Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.?)"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"
_YEAR = r"(?<![0-9])[12][0-9]{3}(?![0-9])"
_ISO = r"[0-9]{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?(?![0-9])"
_DAY_MONTH = rf"{_DAY}\s+(?:of\s+)?{_MON}|{_MON}\s+{_DAY}(?!,?[0-9])"
_FULL_DATE = rf"(?:{_MON}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR})"

_PREFIX = re.compile(
    r"^(?:(?:on|in|since|by|during|until|till|from|through|as\s+of|of|the)\s+"
    r"|(?:early|earlier|mid|middle|late|later|end|start|beginning)(?:\s*-\s*|\s+)(?:(?:in|of)\s+)?)",
    _FLAGS,
)
_ABSOLUTE = [
    re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?", _FLAGS),
    re.compile(rf"(?P<mon>{_MON})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})", _FLAGS),
    re.compile(
        rf"(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MON}),?\s+(?P<y>{_YEAR})", _FLAGS
    ),
    re.compile(rf"(?P<mon>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR})", _FLAGS),
    re.compile(
        rf"(?:{'|'.join(_SEASONS)})\s+(?:of\s+)?(?P<y>{_YEAR})|(?P<y2>{_YEAR})", _FLAGS
    ),
]
_MONTH_DAY = re.compile(
    rf"(?P<mon>{_MON})\s+(?P<d>{_DAY})|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<mon2>{_MON})",
    _FLAGS,
)
_MONTH_REL = re.compile(
    rf"(?:(?P<pre>last|this|next)\s+)?(?P<mon>{_MON})(?:,?\s+(?:of\s+)?(?P<post>last|this|next)\s+year)?",
    _FLAGS,
)
_WEEKDAY = re.compile(
    rf"(?:(?P<pre>last|this\s+past|this|next)\s+)?(?P<wd>{'|'.join(_WEEKDAYS)})", _FLAGS
)
_PERIOD = re.compile(r"(?P<which>last|this|next)\s+(?P<unit>year|month)", _FLAGS)
_AGO = re.compile(
    rf"(?P<n>[0-9]+|{'|'.join(_COUNTS)})\s+(?P<unit>year|month|day)s?\s+ago", _FLAGS
)
_SEASON = re.compile(
    rf"(?P<which>last|this)\s+(?P<season>{'|'.join(_SEASONS)})", _FLAGS
)
_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}

_UNIT_NOUNS = (
    r"soldiers|troops|people|men|personnel|fighters|civilians|casualties|killed|dead"
)


def _cs(pattern: str) -> str:
    # Month and weekday names must be capitalised in running text ("troops may march").
    return f"(?-i:{pattern})"


_SEASON_ALT = "|".join(_SEASONS)
_FIND = re.compile(
    r"(?<![\w$.,\-/:])(?P<prefix>(?:(?:on|in|since|by|during|until|till|from|as\s+of)\s+)?"
    r"(?:(?:the\s+)?(?:early|earlier|mid|middle|late|later|end|start|beginning)"
    r"(?:\s*-\s*|\s+)(?:(?:in|of)\s+)?(?:the\s+)?)?)"
    r"(?P<body>"
    + "|".join(
        [
            _ISO,
            _cs(_FULL_DATE),
            _cs(rf"{_MON},?\s+(?:of\s+)?{_YEAR}"),
            _cs(_DAY_MONTH),
            rf"(?:last|this|next)\s+{_cs(_MON_FULL)}",
            _cs(_MON_FULL) + r"(?:,?\s+(?:of\s+)?(?:last|this|next)\s+year)?",
            rf"(?:(?:last|this\s+past|this|next)\s+)?{_cs('|'.join(_WEEKDAYS))}",
            r"(?:last|this|next)\s+(?:year|month)",
            rf"(?:[0-9]+|{'|'.join(_COUNTS)})\s+(?:year|month|day)s?\s+ago",
            rf"(?:last|this)\s+(?:{_SEASON_ALT})",
            rf"(?:{_SEASON_ALT})\s+(?:of\s+)?{_YEAR}",
            "yesterday|today|tomorrow",
            rf"(?:19|20)[0-9]{{2}}(?![0-9]|,[0-9]|\.[0-9]|-[a-z]|\s+(?:{_UNIT_NOUNS})\b)",
        ]
    )
    + r")(?!\w)",
    _FLAGS,
)


@dataclass(frozen=True)
class DatePhrase:
    """A date phrase found in text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """Format a partial date, or None when it is not a real calendar date."""
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return (
        f"{year:04d}"
        + (f"-{month:02d}" if month else "")
        + (f"-{day:02d}" if day else "")
    )


def _month(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"[a-z]+", "", text.lower()))


def _normalise(phrase: str) -> str:
    text = " ".join(phrase.translate(_SPACES).split()).strip(" .,;:!?'\"()")
    while (stripped := _PREFIX.sub("", text, count=1)) != text:
        text = stripped
    return text


def _absolute(text: str) -> str | None:
    for regex in _ABSOLUTE:
        if m := regex.fullmatch(text):
            groups = m.groupdict()
            year = int(groups.get("y") or groups["y2"])
            month = int(groups["m"]) if groups.get("m") else None
            if groups.get("mon"):
                month = _month(groups["mon"])
            day = _day(groups["d"]) if groups.get("d") else None
            return _iso(year, month, day)
    return None


def _add_days(ref: dt.date, days: int) -> str | None:
    try:
        return (ref + dt.timedelta(days=days)).isoformat()
    except OverflowError:  # beyond year 1 or 9999
        return None


def _shift_months(ref: dt.date, months: int) -> str | None:
    index = ref.year * 12 + ref.month - 1 + months
    return _iso(index // 12, index % 12 + 1)


def _relative(text: str, ref: dt.date) -> str | None:
    if (m := _PERIOD.fullmatch(text)) is not None:
        step = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
        if m["unit"].lower() == "year":
            return _iso(ref.year + step)
        return _shift_months(ref, step)
    if (m := _AGO.fullmatch(text)) is not None:
        n, unit = _COUNTS.get(m["n"].lower()) or int(m["n"]), m["unit"].lower()
        if unit == "year":
            return _iso(ref.year - n)
        if unit == "month":
            return _shift_months(ref, -n)
        return _add_days(ref, -min(n, 10**7))
    if text.lower() in _DAYS:
        return _add_days(ref, _DAYS[text.lower()])
    if (m := _MONTH_DAY.fullmatch(text)) is not None:
        month, day = _month(m["mon"] or m["mon2"]), _day(m["d"] or m["d2"])
        # The latest such day on or before the article date (Feb 29: a leap year).
        for year in range(ref.year, ref.year - 8, -1):
            found = _iso(year, month, day)
            if found and dt.date.fromisoformat(found) <= ref:
                return found
        return None
    if (m := _MONTH_REL.fullmatch(text)) is not None:
        month = _month(m["mon"])
        pre, post = (m["pre"] or "").lower(), (m["post"] or "").lower()
        if post:
            return _iso(ref.year + {"last": -1, "this": 0, "next": 1}[post], month)
        if pre == "this":
            return _iso(ref.year, month)
        if pre == "next":
            return _iso(ref.year + (month <= ref.month), month)
        # Plain: latest on or before the article's month; "last": strictly before it.
        return _iso(
            ref.year - (month > ref.month or (pre == "last" and month == ref.month)),
            month,
        )
    if (m := _WEEKDAY.fullmatch(text)) is not None:
        pre = " ".join((m["pre"] or "").lower().split())
        target = _WEEKDAYS.index(m["wd"].title())
        if pre == "next":
            return _add_days(ref, (target - ref.weekday() - 1) % 7 + 1)
        back = (ref.weekday() - target) % 7
        if back == 0 and pre in ("last", "this past"):
            back = 7  # "last Monday" said on a Monday means a week ago
        return _add_days(ref, -back)
    if (m := _SEASON.fullmatch(text)) is not None:
        start = _SEASONS[m["season"].lower()]
        # Seasons fit no month; the year in which it began is all we can say.
        # "this": the one under way, else this year's; "last": the one before it.
        current = ref.year if ref.month >= start else ref.year - 1
        if m["which"].lower() == "this":
            return _iso(ref.year if start != 12 else current)
        in_season = 0 <= (ref.month - start) % 12 < 3
        return _iso(current - 1 if in_season else current)
    return None


def resolve_date(phrase: str, reference: dt.date | None) -> str | None:
    """Resolve a date phrase to "YYYY", "YYYY-MM" or "YYYY-MM-DD".

    Absolute phrases ("June 2023", "March 5, 2023", "in 2022", "2023-06-19") need
    no reference. Relative ones ("last November", "on Monday", "Dec. 20",
    "earlier this month") are read against ``reference``, the article's date, and
    give None without one. Unknown phrases give None.
    """
    text = _normalise(phrase)
    if not text:
        return None
    if (absolute := _absolute(text)) is not None:
        return absolute
    return _relative(text, reference) if reference is not None else None


def find_date_phrases(text: str) -> list[DatePhrase]:
    """Find date phrases in running text, sorted and non-overlapping.

    A phrase keeps its preposition and modifier ("in November", "since 2014",
    "mid-January") so that ``resolve_date`` sees what the article said. Month and
    weekday names must be capitalised, and a bare "May" needs a preposition, so
    "troops may march" is not a date; years followed by "troops" are not dates.
    """
    found = []
    for m in _FIND.finditer(text.translate(_SPACES)):
        if m["body"] == "May" and not m["prefix"]:
            continue
        found.append(DatePhrase(m.start(), m.end(), text[m.start() : m.end()]))
    return found


def parse_published(text: str) -> str | None:
    """The article's publication date ("YYYY-MM-DD") from its first ~400 characters.

    A labelled date ("date 2024-03-05", "Published: March 5, 2024") wins; otherwise
    the first full date in the header, such as a byline "by Jane Doe March 5, 2024
    7:06 AM". None when the header holds no complete, valid date.
    """
    head = text[:400].translate(_SPACES)
    date_rx = rf"(?P<d>[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}(?![0-9])|{_FULL_DATE})"
    labelled = (
        rf"\b(?:date|dated|published|posted|updated)\b\s*(?:on\s+)?[:\-]?\s*{date_rx}"
    )
    for m in chain(
        re.finditer(labelled, head, _FLAGS),
        re.finditer(rf"(?<![\w\-]){date_rx}", head, _FLAGS),
    ):
        resolved = _absolute(_normalise(m["d"]))
        if resolved is not None and len(resolved) == 10:
            return resolved
    return None
