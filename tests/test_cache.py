"""The response cache: a warm re-run asks nothing; any change to prompt or text misses."""

from summarizer.backends import FakeBackend
from summarizer.cache import cache_key
from summarizer.pipeline import summarize_paths

TEXT = "Estavia has sent more than 2,000 soldiers to Valmora, the ministry said on Monday.\n"


def backend():
    def respond(kwargs):
        if "summarize" in str(kwargs["messages"][-1]["content"]):
            return {"summary": "Estavia sent more than 2,000 soldiers, the ministry said."}
        return {"source": "the ministry", "via": None,  "to": "Valmora",
                "when": None}
    return FakeBackend(respond)


def test_warm_rerun_makes_no_model_call(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    first = backend()
    report = summarize_paths([tmp_path / "a.txt"], model=first, out_dir=tmp_path / "out")
    assert first.calls and not report.outcomes[0].cached
    second = backend()
    report = summarize_paths([tmp_path / "a.txt"], model=second, out_dir=tmp_path / "out2")
    assert second.calls == [] and report.outcomes[0].cached
    assert (tmp_path / "out2" / "a.json").read_text() == (tmp_path / "out" / "a.json").read_text()
    third = backend()
    summarize_paths([tmp_path / "a.txt"], model=third, out_dir=None, use_cache=False)
    assert third.calls


def test_key_changes_with_every_input(monkeypatch):
    base = cache_key("local:m", "cited", "a", TEXT)
    assert base != cache_key("local:other", "cited", "a", TEXT)
    assert base != cache_key("local:m", "single", "a", TEXT)
    assert base != cache_key("local:m", "cited", "a", TEXT + " ")
    from summarizer import cache

    monkeypatch.setattr(cache, "prompts_fingerprint", lambda: "edited")
    assert base != cache_key("local:m", "cited", "a", TEXT)
