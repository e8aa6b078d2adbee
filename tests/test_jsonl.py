"""JSONL streaming: records out as they finish, resumable, bad lines reported alone."""

import json

from summarizer.backends import FakeBackend
from summarizer.pipeline import summarize_jsonl


def backend():
    def respond(kwargs):
        if "summarize" in str(kwargs["messages"][-1]["content"]):
            return {"summary": "A short summary of the report for the reader."}
        return {"source": "the ministry", "via": None, "to": None, "when": None}
    return FakeBackend(respond)


def test_stream_is_resumable_and_reports_bad_lines(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = [{"id": f"a{i}", "text": f"Estavia has sent {i + 2},000 soldiers to Valmora, the ministry said."}
             for i in range(4)]
    src.write_text("\n".join(json.dumps(x) for x in lines[:3]) + "\nnot json\n")
    out = tmp_path / "out" / "records.jsonl"
    report = summarize_jsonl(src, out, model=backend(), concurrency=3)
    assert len(report.failed) == 1 and "in.jsonl:4" in report.failed[0].error
    assert sorted(json.loads(x)["article_id"] for x in out.read_text().splitlines()) == ["a0", "a1", "a2"]
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    second = backend()
    report = summarize_jsonl(src, out, model=second, use_cache=False)
    assert [o.article_id for o in report.outcomes] == ["a3"]  # the three done ones were skipped
    assert len(out.read_text().splitlines()) == 4
