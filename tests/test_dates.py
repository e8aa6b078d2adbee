"""Tests for summarizer.dates: publication dates and partial ISO dates for phrases."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer import dates
from summarizer.dates import (
    DatePhrase,
    find_date_phrases,
    parse_published,
    resolve_date,
)

REF = dt.date(2024, 3, 5)  # a Tuesday


def test_public_names() -> None:
    assert sorted(dates.__all__) == [
        "DatePhrase",
        "find_date_phrases",
        "is_date_word",
        "parse_published",
        "resolve_date",
    ]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("date 2024-03-05\ntitle Border talks stall\n", "2024-03-05"),
        ("Date: 2023-11-30\n\nBody text.", "2023-11-30"),
        ("Border talks stall\nMarch 5, 2024\n\nBody", "2024-03-05"),
        ("Border talks stall\nMar. 5, 2024 | Reuters", "2024-03-05"),
        ("Sept. 9, 2023 - The ministry said", "2023-09-09"),
        ("Border talks stall\n5 March 2024\nBody", "2024-03-05"),
        ("By Jane Doe March 5, 2024 7:06 AM\nThe ministry said", "2024-03-05"),
        # A labelled date wins over an earlier one in the headline.
        ("The June 1, 2021 accord\nPublished: 2024-02-10\n", "2024-02-10"),
        # An impossible date is passed over for the next real one.
        ("2024-02-30 draft\nFebruary 28, 2024", "2024-02-28"),
    ],
)
def test_parse_published(header: str, expected: str) -> None:
    assert parse_published(header) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No date in this header at all.",
        "Only a month: March 2024, and a year 2024.",
        "x" * 450 + " March 5, 2024",  # beyond the header
    ],
)
def test_parse_published_none(text: str) -> None:
    assert parse_published(text) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("last year", "2023"),
        ("this year", "2024"),
        ("Last Year", "2023"),
        ("in 2022", "2022"),
        ("since 2014", "2014"),
        ("in November", "2023-11"),
        ("November", "2023-11"),
        ("in February", "2024-02"),
        ("in March", "2024-03"),
        ("last November", "2023-11"),
        ("last March", "2023-03"),
        ("November last year", "2023-11"),
        ("November of last year", "2023-11"),
        ("February this year", "2024-02"),
        ("earlier this month", "2024-03"),
        ("this month", "2024-03"),
        ("last month", "2024-02"),
        ("Jan. 13", "2024-01-13"),
        ("January 13", "2024-01-13"),
        ("13 January", "2024-01-13"),
        ("on Jan. 13th", "2024-01-13"),
        ("Dec. 20", "2023-12-20"),
        ("March 5", "2024-03-05"),
        ("March 6", "2023-03-06"),
        ("on Monday", "2024-03-04"),
        ("on Tuesday", "2024-03-05"),  # the reference date's own weekday
        ("Wednesday", "2024-02-28"),
        ("last Tuesday", "2024-02-27"),
        ("yesterday", "2024-03-04"),
        ("mid-January", "2024-01"),
        ("early February", "2024-02"),
        ("late January", "2024-01"),
        ("late last year", "2023"),
        ("the end of last year", "2023"),
        ("last fall", "2023"),
        ("last autumn", "2023"),
        ("last summer", "2023"),
        ("last spring", "2023"),
        ("last winter", "2023"),
        ("two years ago", "2022"),
        ("three days ago", "2024-03-02"),
        ("June 2023", "2023-06"),
        ("March 5, 2023", "2023-03-05"),
        ("5 March 2023", "2023-03-05"),
        ("2023-06-19", "2023-06-19"),
        ("summer of 2023", "2023"),
    ],
)
def test_resolve_against_reference(phrase: str, expected: str) -> None:
    assert resolve_date(phrase, REF) == expected


def test_seasons_follow_the_reference_month() -> None:
    # In October the summer just gone is this year's.
    assert resolve_date("last summer", dt.date(2024, 10, 2)) == "2024"


def test_leap_day_without_year_picks_a_leap_year() -> None:
    assert resolve_date("Feb. 29", dt.date(2025, 3, 1)) == "2024-02-29"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("June 2023", "2023-06"),
        ("March 5, 2023", "2023-03-05"),
        ("in 2022", "2022"),
        ("2023-06-19", "2023-06-19"),
        ("last year", None),
        ("in November", None),
        ("on Monday", None),
        ("Jan. 13", None),
        ("yesterday", None),
    ],
)
def test_resolve_without_reference(phrase: str, expected: str | None) -> None:
    assert resolve_date(phrase, None) == expected


@pytest.mark.parametrize(
    "phrase",
    ["", "soon", "last week", "a while back", "2023-13-01", "February 30, 2023"],
)
def test_unknown_or_invalid_is_none(phrase: str) -> None:
    assert resolve_date(phrase, REF) is None


def test_find_date_phrases_in_a_sentence() -> None:
    text = (
        "The brigade, formed in 2019, moved in November and again on Monday; "
        "by mid-January 2,000 troops had left, and on Jan. 13 the ministry "
        "cited the accord of 5 March 2022."
    )
    phrases = find_date_phrases(text)
    assert [p.text for p in phrases] == [
        "in 2019",
        "in November",
        "on Monday",
        "by mid-January",
        "on Jan. 13",
        "5 March 2022",
    ]
    assert [resolve_date(p.text, REF) for p in phrases] == [
        "2019",
        "2023-11",
        "2024-03-04",
        "2024-01",
        "2024-01-13",
        "2022-03-05",
    ]
    for p in phrases:
        assert text[p.start : p.end] == p.text


@pytest.mark.parametrize(
    "text",
    [
        "Officials may march on the capital.",
        "Prime minister May said so.",
        "It sent 2000 troops and 4,000 more.",
        "The 1990s and the 2014-era plans.",
    ],
)
def test_find_ignores_lookalikes(text: str) -> None:
    assert find_date_phrases(text) == []


def test_find_relative_phrases() -> None:
    text = (
        "Last year and earlier this month, two years ago and yesterday, last fall too."
    )
    assert [p.text for p in find_date_phrases(text)] == [
        "Last year",
        "earlier this month",
        "two years ago",
        "yesterday",
        "last fall",
    ]


def test_find_returns_date_phrase_objects() -> None:
    assert find_date_phrases("since 2014") == [DatePhrase(0, 10, "since 2014")]


# --- properties ---------------------------------------------------------------

days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@given(days, days | st.none())
def test_full_written_date_resolves_to_itself(
    day: dt.date, ref: dt.date | None
) -> None:
    assert resolve_date(day.strftime("%B %-d, %Y"), ref) == day.isoformat()
    assert resolve_date(day.isoformat(), ref) == day.isoformat()


@given(
    st.integers(min_value=1, max_value=12), days, st.sampled_from(["", "in ", "last "])
)
def test_month_name_never_after_reference_month(
    month: int, ref: dt.date, prefix: str
) -> None:
    name = dt.date(2000, month, 1).strftime("%B")
    resolved = resolve_date(f"{prefix}{name}", ref)
    assert resolved is not None
    assert resolved <= f"{ref.year:04d}-{ref.month:02d}"
    assert resolved.endswith(f"-{month:02d}")


@given(days)
def test_last_year_is_previous_year(ref: dt.date) -> None:
    assert resolve_date("last year", ref) == str(ref.year - 1)


@given(
    days, st.integers(min_value=1, max_value=28), st.integers(min_value=1, max_value=12)
)
def test_month_day_is_on_or_before_reference(
    ref: dt.date, day: int, month: int
) -> None:
    phrase = dt.date(2000, month, day).strftime("%B %-d")
    resolved = resolve_date(phrase, ref)
    assert resolved is not None
    assert ref - dt.timedelta(days=366) < dt.date.fromisoformat(resolved) <= ref


@given(st.text())
def test_find_never_raises_and_offsets_hold(text: str) -> None:
    found = find_date_phrases(text)
    for p, q in zip(found, found[1:]):
        assert p.end <= q.start
    for p in found:
        assert text[p.start : p.end] == p.text
        resolve_date(p.text, dt.date(2024, 3, 5))
    resolve_date(text, None)
    parse_published(text)
