"""The single-call strategy: quotes are checked against the article and re-asked."""

from summarizer.article import Article
from summarizer.backends import FakeBackend
from summarizer.extract import extract

TEXT = ("Estavia has sent more than 2,000 soldiers to Valmora, the defence ministry told Reuters "
        "on Monday.\n\nFarmers in the south expect a good harvest after the spring rains this season.\n")


def answer(quote):
    return {"summary": "Estavia sent troops.", "troop_deployments": [{
        "quote": quote, "troops": {"low": 2000, "high": None, "approximate": False},
        "destination": "Valmora", "cumulative": False,
        "source": {"name": "the defence ministry", "via": "Reuters", "kind": "government"}}]}


def test_offsets_are_computed_by_the_program():
    quote = "Estavia has sent more than 2,000 soldiers to Valmora"
    result = extract(Article.from_text("s", TEXT), FakeBackend(lambda kw: answer(quote)),
                     strategy="single")
    ev = result.records.troop_deployments[0].evidence
    assert (ev.start, ev.end) == (0, len(quote)) and TEXT[ev.start:ev.end] == quote


def test_a_quote_not_in_the_article_is_re_asked():
    replies = iter([answer("Estavia sent 2,000 men to Valmora"), answer("the defence ministry told Reuters")])
    backend = FakeBackend(lambda kw: next(replies))
    result = extract(Article.from_text("s", TEXT), backend, strategy="single")
    assert result.stats.retries == 1
    assert "not found" in str(backend.calls[1]["messages"])
    ev = result.records.troop_deployments[0].evidence
    assert TEXT[ev.start:ev.end] == ev.quote
