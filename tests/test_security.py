"""Security: the API key never reaches a file, a message or a log; output names stay in OUT.

The key check runs real HTTP calls against ``FakeOpenAI`` (127.0.0.1 only),
through the recorder, the CLI and the response cache, with a server that
echoes the key back in its error bodies the way a careless proxy might.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import traceback
from pathlib import Path
from typing import Any

import pytest

from summarizer.backends import BackendError, FakeBackend, get_backend
from summarizer.backends.openai_compat import OpenAIBackend
from summarizer.cli import main
from summarizer.io import article_id_for, safe_output_path
from summarizer.pipeline import summarize_paths
from summarizer.structured import structured_call

from .test_faults import (
    _OPENED,
    ARTICLES,
    ASK,
    GOOD,
    MODEL,
    OK,
    FakeOpenAI,
    Reading,
    Reply,
    real_calls,
    write_articles,
)


@pytest.fixture
def api_key(monkeypatch) -> str:
    key = f"sk-test-LEAKCHECK-{secrets.token_hex(12)}"
    monkeypatch.setenv("OPENAI_API_KEY", key)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    return key


def files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()]


def assert_absent(key: str, *texts: str) -> None:
    for text in texts:
        assert key not in text
        assert key[len("sk-test-"):] not in text  # not even without its prefix


def echoing(key: str, word: str, status: int = 401):
    """Fails requests mentioning ``word`` with an error body that quotes the key back."""
    failure = Reply("status", status=status,
                    body={"error": {"message": f"Incorrect API key provided: {key}.", "code": "bad_key"}})
    return lambda n, body: failure if word in json.dumps(body) else OK


# --- the API key -----------------------------------------------------------------

def test_backend_errors_and_their_tracebacks_never_show_the_key(api_key, real_calls):
    for status in (401, 403, 500, 503):
        plan = [Reply("status", status=status, headers={"Retry-After": "0.01"},
                      body={"error": {"message": f"bad key {api_key} for this model"}})]
        with FakeOpenAI(plan) as server:
            backend = get_backend(MODEL, base_url=server.url, max_retries=1)
            _OPENED.append(backend)
            with pytest.raises(BackendError) as info:
                structured_call(backend, ASK, Reading)
        assert server.headers[0]["authorization"] == f"Bearer {api_key}"  # the key was in play
        message = str(info.value)
        assert message.startswith(f"{MODEL}: HTTP {status} from server: bad key ***")
        assert_absent(api_key, message, repr(info.value), repr(backend), str(vars(backend).keys()),
                      "".join(traceback.format_exception(info.value)))
        if status in (401, 403):
            assert message.endswith("(check OPENAI_API_KEY)")


def test_url_credentials_are_not_shown(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    backend = OpenAIBackend("m", base_url="http://user:hunter22secret@127.0.0.1:9/v1")
    assert "hunter22secret" not in repr(backend) and "127.0.0.1:9" in repr(backend)


def test_the_key_never_reaches_files_output_or_logs(api_key, real_calls, tmp_path, capsys, caplog):
    caplog.set_level(logging.DEBUG)  # openai, httpx and instructor log at debug
    cache = Path(os.environ["SUMMARIZER_CACHE"])
    paths = [str(p) for p in write_articles(tmp_path / "in")]
    seen: list[str] = []

    # 1. the recorder, one succeeding and one failing call
    with FakeOpenAI(echoing(api_key, "Brellin")) as server:
        recorder = get_backend(MODEL, base_url=server.url, record=str(tmp_path / "rec-api"))
        _OPENED.append(recorder.inner)
        assert structured_call(recorder, [{"role": "user", "content": "Count boats at Tarsk."}],
                               Reading).place == ""
        with pytest.raises(BackendError) as info:
            structured_call(recorder, [{"role": "user", "content": "Rain at Brellin?"}], Reading)
        seen += [str(info.value), "".join(traceback.format_exception(info.value))]

    # 2. the CLI recording, then the CLI with the cache (recording bypasses the cache),
    #    each with one article failing, then a clean cached re-run
    with FakeOpenAI(echoing(api_key, "Brellin")) as server:
        common = ["--model", MODEL, "--base-url", server.url]
        assert main([*paths, *common, "--record", str(tmp_path / "rec-cli"),
                     "--out", str(tmp_path / "out-rec")]) == 1
        assert main([*paths, *common, "--out", str(tmp_path / "out")]) == 1
    with FakeOpenAI([OK]) as server:
        assert main([*paths, "--model", MODEL, "--base-url", server.url,
                     "--out", str(tmp_path / "out")]) == 0
        assert len(server.requests) == 1  # the two others came from the cache
        assert all(h["authorization"] == f"Bearer {api_key}" for h in server.headers)
    captured = capsys.readouterr()
    assert "HTTP 401 from server: Incorrect API key provided: ***" in captured.err

    written = files_under(tmp_path, cache)
    names = {p.relative_to(tmp_path).parts[0] for p in written if tmp_path in p.parents}
    assert {"rec-api", "rec-cli", "out-rec", "out"} <= names
    assert len([p for p in written if cache in p.parents]) == 3
    assert len(list((tmp_path / "rec-cli").glob("*.json"))) == 3  # backend.json and two answers
    log_text = caplog.text + "\n".join(
        f"{r.getMessage()} {r.exc_text or ''} {r.args!r}" for r in caplog.records)
    assert "Incorrect API key" in log_text or "401" in log_text  # the logs did see the failures
    assert_absent(api_key, captured.out, captured.err, log_text, *seen,
                  *(p.read_bytes().decode("utf-8", "replace") for p in written))


def test_the_recording_stores_requests_and_answers_only(api_key, real_calls, tmp_path):
    with FakeOpenAI([Reply("content", content=GOOD)]) as server:
        recorder = get_backend(MODEL, base_url=server.url, record=str(tmp_path / "rec"))
        _OPENED.append(recorder.inner)
        structured_call(recorder, ASK, Reading)
    stored = [json.loads(p.read_text()) for p in (tmp_path / "rec").glob("*.json")
              if p.name != "backend.json"]
    assert len(stored) == 1 and set(stored[0]) == {"request", "response"}
    assert "model" not in stored[0]["request"] and "api_key" not in json.dumps(stored[0])


# --- output file names -----------------------------------------------------------

def respond(kwargs: dict[str, Any]) -> Any:
    if "summar" in str(kwargs["messages"][-1]["content"]).lower():
        return {"summary": "A faithful short summary of this article."}
    return {"source": None, "via": None, "kind": None, "to": None, "when": None, "total": False}


NASTY_STEMS = ["..\\..\\escape", "..%2F..%2Fescape", "....", ". .", ".hidden", "-rf",
               "\u2025\u2215escape", "con", "a" * 240, "tab\there", "new\nline", "$(touch x)"]


@pytest.mark.parametrize("article_id", [
    "../escape", "../../etc/passwd", "..", ".", "", "/abs/path", "a/../../b", "..\\..\\b",
    "\u2025/\u2025/up", "x\x00y", "~/.ssh/id", "a" * 500,
])
def test_safe_output_path_stays_in_the_output_directory(tmp_path, article_id):
    out = tmp_path / "out"
    target = safe_output_path(out, article_id)
    assert target.parent == out.resolve()
    assert not target.name.startswith(".") and len(target.name) <= 255


def test_file_stems_cannot_escape_the_output_directory(tmp_path):
    inputs = tmp_path / "in" / "deep"
    inputs.mkdir(parents=True)
    for stem in NASTY_STEMS:
        (inputs / f"{stem}.txt").write_text(ARTICLES["alpha"], encoding="utf-8")
    out = tmp_path / "out" / "inner"
    before = set(files_under(tmp_path))
    report = summarize_paths([inputs], model=FakeBackend(respond), out_dir=out, use_cache=False)
    assert len(report.outcomes) == len(NASTY_STEMS) and all(o.ok for o in report.outcomes)
    outputs = [o.output for o in report.outcomes]
    assert len(set(outputs)) == len(outputs)  # no article overwrote another
    for output in outputs:
        assert output.parent == out.resolve() and not output.name.startswith(".")
    assert set(files_under(tmp_path)) - before == set(outputs)


def test_stems_that_reduce_to_the_same_id_keep_both_outputs(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a b.txt").write_text(ARTICLES["alpha"], encoding="utf-8")
    (tmp_path / "in" / "a_b.md").write_text(ARTICLES["charlie"], encoding="utf-8")
    assert article_id_for(tmp_path / "a b.txt") == article_id_for(tmp_path / "a_b.md") == "a_b"
    out = tmp_path / "out"
    report = summarize_paths([tmp_path / "in"], model=FakeBackend(respond), out_dir=out,
                             use_cache=False)
    assert [o.article_id for o in report.outcomes] == ["a_b", "a_b_"]
    assert sorted(p.name for p in out.iterdir()) == ["a_b.json", "a_b_.json"]
    for outcome in report.outcomes:
        doc = json.loads(outcome.output.read_text(encoding="utf-8"))
        assert doc["article_id"] == outcome.article_id


def test_a_symlink_in_the_output_directory_is_not_followed(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me", encoding="utf-8")
    (out / "alpha.json").symlink_to(outside)
    (tmp_path / "alpha.txt").write_text(ARTICLES["alpha"], encoding="utf-8")
    report = summarize_paths([tmp_path / "alpha.txt"], model=FakeBackend(respond), out_dir=out,
                             use_cache=False)
    assert "escapes the output directory" in report.outcomes[0].error
    assert outside.read_text(encoding="utf-8") == "keep me"


def test_an_article_called_brief_does_not_overwrite_the_brief(tmp_path):
    (tmp_path / "brief.txt").write_text(ARTICLES["alpha"], encoding="utf-8")
    out = tmp_path / "out"
    report = summarize_paths([tmp_path / "brief.txt"], model=FakeBackend(respond), out_dir=out,
                             use_cache=False, brief=True)
    (outcome,) = report.outcomes
    assert outcome.article_id == "brief_" and outcome.output == (out / "brief_.json").resolve()
    doc = json.loads(outcome.output.read_text(encoding="utf-8"))
    assert doc["article_id"] == "brief_" and doc["troop_deployments"]
    assert (out / "brief.json").is_file() and report.brief_error is None
