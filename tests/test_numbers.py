"""Tests for summarizer.numbers: figure phrases to Counts, and finding them in text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer import numbers
from summarizer.numbers import NumberPhrase, find_number_phrases, parse_count
from summarizer.records import Count


def exact(n: int) -> Count:
    return Count(low=n, high=n, approximate=False)


def approx(n: int) -> Count:
    return Count(low=n, high=n, approximate=True)


def test_public_names() -> None:
    assert sorted(numbers.__all__) == [
        "NumberPhrase",
        "find_number_phrases",
        "parse_count",
    ]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("4,000", exact(4000)),
        ("4000", exact(4000)),
        ("1.5 million", exact(1_500_000)),
        ("2 million", exact(2_000_000)),
        ("three", exact(3)),
        ("Twelve", exact(12)),
        ("a dozen", exact(12)),
        ("two dozen", exact(24)),
        ("two hundred", exact(200)),
        ("seventy", exact(70)),
        ("seventy-five", exact(75)),
        ("one hundred and forty", exact(140)),
        ("six thousand three hundred", exact(6300)),
        ("a hundred thousand", exact(100_000)),
        ("zero", exact(0)),
        ("0", exact(0)),
    ],
)
def test_plain_numbers(phrase: str, expected: Count) -> None:
    assert parse_count(phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    ["dozens", "hundreds", "thousands", "several", "a few", "several thousand",
     "a few hundred", "tens of thousands", "", "no figure here", "64%", "2nd", "7:06",
     "1.5"],
)  # fmt: skip
def test_vague_or_non_counts_are_none(phrase: str) -> None:
    assert parse_count(phrase) is None


@pytest.mark.parametrize(
    "qualifier",
    ["about", "around", "approximately", "roughly", "some", "an estimated", "estimated",
     "nearly", "almost", "close to", "just under", "~", "ABOUT"],
)  # fmt: skip
def test_approximate_qualifiers(qualifier: str) -> None:
    assert parse_count(f"{qualifier} 7,800") == approx(7800)


def test_tilde_without_space() -> None:
    assert parse_count("~7,800") == approx(7800)


@pytest.mark.parametrize(
    "phrase",
    ["over 4,500", "more than 4,500", "at least 4,500", "upwards of 4,500",
     "in excess of 4,500", "no fewer than 4,500", "just over 4,500", "above 4,500",
     "exceeding 4,500", "4,500+", "4,500-plus", "4,500 or more", "More Than 4,500"],
)  # fmt: skip
def test_lower_bounds(phrase: str) -> None:
    assert parse_count(phrase) == Count(low=4500, high=None, approximate=False)


@pytest.mark.parametrize(
    "phrase",
    ["up to 900", "as many as 900", "at most 900", "no more than 900", "fewer than 900",
     "less than 900", "under 900", "below 900", "900 or fewer"],
)  # fmt: skip
def test_upper_bounds(phrase: str) -> None:
    assert parse_count(phrase) == Count(low=None, high=900, approximate=False)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("between 200 and 350", Count(low=200, high=350)),
        ("between 10,000 and 12,000", Count(low=10_000, high=12_000)),
        ("1,000 to 3,000", Count(low=1000, high=3000)),
        ("1,000-3,000", Count(low=1000, high=3000)),
        ("1,000\u20133,000", Count(low=1000, high=3000)),
        ("from 60 to 85", Count(low=60, high=85)),
        ("between two hundred and three hundred", Count(low=200, high=300)),
        ("about 1,000 to 1,500", Count(low=1000, high=1500, approximate=True)),
        ("roughly between 40 and 45", Count(low=40, high=45, approximate=True)),
        # A scale word on the upper end carries over to the lower one.
        ("between 1 and 2 million", Count(low=1_000_000, high=2_000_000)),
        ("1.5-2 million", Count(low=1_500_000, high=2_000_000)),
    ],
)
def test_ranges(phrase: str, expected: Count) -> None:
    assert parse_count(phrase) == expected


def test_backwards_range_is_not_a_range() -> None:
    assert parse_count("between 350 and 200") is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("two-thirds of 4,500", approx(3000)),
        ("two thirds of 4,500", approx(3000)),
        ("half of 900", approx(450)),
        ("a third of 1,000", approx(333)),
        ("three-quarters of 1,200", approx(900)),
        ("one-fifth of the 2,500", approx(500)),
        ("half of 5", approx(3)),  # rounds half up, not to even
        ("64% of 1,200", approx(768)),
        ("12.5 percent of 800", approx(100)),
        ("40 per cent of 2,000", approx(800)),
        ("more than half of 900", Count(low=450, high=None, approximate=True)),
        ("up to a quarter of 2,000", Count(low=None, high=500, approximate=True)),
    ],
)
def test_fractions(phrase: str, expected: Count) -> None:
    assert parse_count(phrase) == expected


def test_parse_count_reads_a_year_shaped_number_as_a_count() -> None:
    assert parse_count("2000") == exact(2000)


def test_parse_count_tolerates_surrounding_words_with_one_figure() -> None:
    assert parse_count("more than 4,500 soldiers") == Count(low=4500)
    assert parse_count(" roughly 7,800 troops. ") == approx(7800)
    assert parse_count("300 engineers and 400 medics") is None


def texts(text: str) -> list[str]:
    return [p.text for p in find_number_phrases(text)]


def test_find_keeps_qualifiers_and_maximal_phrases() -> None:
    text = (
        "By Friday more than 4,500 soldiers had crossed, and between 200 and 350 "
        "engineers followed; roughly 7,800 more waited while two-thirds of 4,500 "
        "reservists were still training."
    )
    phrases = find_number_phrases(text)
    assert [p.text for p in phrases] == [
        "more than 4,500",
        "between 200 and 350",
        "roughly 7,800",
        "two-thirds of 4,500",
    ]
    assert [p.count for p in phrases] == [
        Count(low=4500),
        Count(low=200, high=350),
        approx(7800),
        approx(3000),
    ]
    for p in phrases:
        assert text[p.start : p.end] == p.text


@pytest.mark.parametrize(
    "text",
    [
        "The brigade was formed in 2019 and has served since 2014.",
        "It happened on March 5, 2024 at 7:06 AM local time.",
        "It happened on 5 March 2024 at 9 p.m.",
        "Dated 2023-06-19 and filed at 14:30.",
        "The second wave and the 3rd battalion arrived in the 1990s.",
        "Turnout was 64% and support stood at 38 percent.",
        "Aid worth $4 million and 200 dollars arrived.",
        "A two-week pause and a 24/7 watch, one of many.",
        "The 2014-2022 period, and fighting between 2015 and 2017.",
        "Dozens died, hundreds fled, thousands more and several hundred stayed.",
    ],
)
def test_find_skips_dates_times_ordinals_percentages_and_money(text: str) -> None:
    assert texts(text) == []


def test_find_keeps_year_shaped_counts_followed_by_a_unit() -> None:
    assert texts("In 2021, 2000 troops and about 1990 civilians left.") == [
        "2000",
        "about 1990",
    ]


def test_find_keeps_sizes_and_number_words() -> None:
    assert texts("A 4,000-strong force with three battalions and a dozen tanks") == [
        "4,000",
        "three",
        "a dozen",
    ]


def test_may_as_a_verb_is_not_a_month() -> None:
    assert texts("As many as 12 may have died in May.") == ["As many as 12"]


def test_find_handles_non_breaking_spaces() -> None:
    text = "about\xa01,200\xa0troops"
    (phrase,) = find_number_phrases(text)
    assert phrase == NumberPhrase(0, 11, "about\xa01,200", approx(1200))


# --- properties ---------------------------------------------------------------

counts = st.integers(min_value=0, max_value=10**7)


@given(counts)
def test_any_integer_parses_with_and_without_separators(n: int) -> None:
    assert parse_count(f"{n:,}") == Count(low=n, high=n)
    assert parse_count(str(n)) == Count(low=n, high=n)


@given(counts, st.sampled_from(["about", "roughly", "some", "an estimated", "nearly"]))
def test_approximate_qualifier_property(n: int, qualifier: str) -> None:
    assert parse_count(f"{qualifier} {n:,}") == Count(low=n, high=n, approximate=True)


@given(
    counts,
    st.sampled_from(["more than", "at least", "over", "in excess of", "just over"]),
)
def test_lower_bound_property(n: int, qualifier: str) -> None:
    assert parse_count(f"{qualifier} {n:,}") == Count(low=n, high=None)


@given(
    counts,
    st.sampled_from(["up to", "as many as", "no more than", "fewer than", "under"]),
)
def test_upper_bound_property(n: int, qualifier: str) -> None:
    assert parse_count(f"{qualifier} {n:,}") == Count(low=None, high=n)


@given(counts, counts, st.booleans())
def test_between_property(a: int, b: int, commas: bool) -> None:
    low, high = min(a, b), max(a, b)
    fmt = "{:,}" if commas else "{}"
    phrase = f"between {fmt.format(low)} and {fmt.format(high)}"
    assert parse_count(phrase) == Count(low=low, high=high)


FILLER = [
    "the",
    "brigade",
    "crossed",
    "river",
    "near",
    "town",
    "officials",
    "said",
    "and",
]


@given(
    st.lists(st.sampled_from(FILLER), max_size=6),
    st.lists(st.sampled_from(FILLER), max_size=6),
    counts,
    st.sampled_from(["", "about ", "more than ", "up to ", "~"]),
)
def test_find_in_filler_text_property(
    before: list[str], after: list[str], n: int, qualifier: str
) -> None:
    phrase = f"{qualifier}{n:,}"
    text = " ".join([*before, phrase, *after])
    found = find_number_phrases(text)
    matching = [p for p in found if p.text == phrase]
    assert len(matching) == 1
    assert matching[0].count == parse_count(phrase)
    for p in found:
        assert text[p.start : p.end] == p.text


@given(st.text())
def test_find_never_raises_and_offsets_hold(text: str) -> None:
    found = find_number_phrases(text)
    assert [p.start for p in found] == sorted(p.start for p in found)
    for p, q in zip(found, found[1:]):
        assert p.end <= q.start
    for p in found:
        assert text[p.start : p.end] == p.text
    parse_count(text)
