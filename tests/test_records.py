import pytest
from pydantic import ValidationError

from summarizer.records import ArticleRecords, Count, Evidence, TroopDeployment


def test_count_needs_a_bound_and_ordered_bounds():
    assert Count(low=10, high=None).low == 10
    with pytest.raises(ValidationError):
        Count()
    with pytest.raises(ValidationError):
        Count(low=5, high=4)


def test_evidence_span_must_match_quote_length():
    Evidence(quote="abc", start=3, end=6)
    with pytest.raises(ValidationError):
        Evidence(quote="abc", start=3, end=7)


def test_unknown_fields_and_bad_dates_are_rejected():
    ev = {"quote": "x", "start": 0, "end": 1}
    with pytest.raises(ValidationError):
        TroopDeployment(evidence=ev, size=3)
    with pytest.raises(ValidationError):
        TroopDeployment(evidence=ev, start="2024-13")
    for ok in ("2024", "2024-02", "2024-02-29"):
        assert TroopDeployment(evidence=ev, start=ok).start == ok


def test_article_records_defaults():
    records = ArticleRecords(article_id="a")
    assert records.troop_deployments == [] and records.published is None
