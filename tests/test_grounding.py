import pytest

from summarizer.grounding import GroundingError, locate


def test_exact_quote_gets_program_offsets():
    text = "Alpha beta. The ministry said 300 troops left. Gamma."
    ev = locate(text, "The ministry said 300 troops left.")
    assert text[ev.start:ev.end] == ev.quote


def test_typography_and_whitespace_differences_return_the_articles_own_text():
    text = "He said \u201cmore than 400\u201d were sent \u2013 officials  agreed."
    ev = locate(text, 'He said "more than 400" were sent - officials agreed.')
    assert ev.quote == text[ev.start:ev.end]
    assert "\u201c" in ev.quote


def test_missing_quote_is_an_error():
    with pytest.raises(GroundingError):
        locate("Some article text.", "words the article never wrote")
    with pytest.raises(GroundingError):
        locate("Some article text.", "   ")


def test_repeated_quote_prefers_occurrence_after_hint():
    text = "Same line. Other. Same line."
    assert locate(text, "Same line.", near=5).start == text.rindex("Same line.")
