"""A long article is read window by window and its records merged without duplicates."""

from summarizer.article import Article
from summarizer.backends import FakeBackend
from summarizer.chunking import LOCAL_MAX_CHARS
from summarizer.extract import extract

FILLER = "Officials met in the capital to discuss the harvest and the roads on a quiet day. "


def test_long_article_is_chunked_and_every_figure_kept_once():
    parts = []
    for i in range(6):
        parts.append(f"Estavia has sent {i + 2},000 soldiers to Valmora, the ministry said.")
        parts.append(FILLER * 40)
    text = "\n\n".join(parts)
    assert len(text) > 2 * LOCAL_MAX_CHARS

    def respond(kwargs):
        if "summarize" in str(kwargs["messages"][1]["content"]).split("\n\n")[-1]:
            return {"summary": "Estavia sent soldiers to Valmora, the ministry said."}
        return {"source": "the ministry", "via": None, "to": "Valmora", "when": None}

    backend = FakeBackend(respond)
    result = extract(Article.from_text("long", text), backend)
    lows = sorted(d.troops.low for d in result.records.troop_deployments)
    assert lows == [2000, 3000, 4000, 5000, 6000, 7000]
    for d in result.records.troop_deployments:
        assert text[d.evidence.start:d.evidence.end] == d.evidence.quote
    # each prompt stays within the window size the local model's context allows
    assert max(len(c["messages"][1]["content"]) for c in backend.calls) < LOCAL_MAX_CHARS + 1500
    assert result.records.summary
