"""The ``openai:`` backend against a real OpenAI-compatible server, not a mocked transport.

llama-cpp-python's own server (``python -m llama_cpp.server``) is started on 127.0.0.1
for this module with a local model, and the pipeline talks to it over HTTP through the
official client: N parallel requests must give the sequential run's records, and a warm
re-run must not send a single request.

The model is qwen2.5-0.5b, not the smaller gemma3-270m: the server grammar-constrains
every JSON answer, and with gemma's 262k-token vocabulary and its answers running off
the grammar (copying the prompt's examples, failing validation, re-asked) the same
articles took longer and gave fallbacks instead of records to compare.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from summarizer.backends import get_backend
from summarizer.backends.weights import resolve_weights
from summarizer.cli import main
from summarizer.pipeline import RunReport, summarize_jsonl

pytestmark = pytest.mark.real_model

MODEL = "qwen2.5-0.5b"
READY_WITHIN_S = 180

# Made up: one troop deployment, one casualty report, one treaty (each asks the model).
ARTICLES = {
    "estavia-border": (
        "date 2031-04-12 Estavia Sends More Troops to Northern Border\n\n"
        "The government of Estavia said on Tuesday that it had sent about 2,000 additional troops "
        "to its northern border with Norland.\n\n"
        "Defence minister Ilka Varro told reporters the soldiers would stay until the spring floods end."
    ),
    "norland-clash": (
        "date 2031-05-03 Clash Near River Osk Leaves Soldiers Dead\n\n"
        "At least 14 Norland soldiers were killed and 30 wounded in a clash near the River Osk, "
        "the Norland army said on Saturday.\n\n"
        "Estavian officials disputed the figures and called for calm."
    ),
    "harbour-pact": (
        "date 2031-06-20 Estavia and Norland Sign Harbour Pact\n\n"
        "Estavia and Norland signed the Osk Harbour Agreement on Friday, ending a two-year dispute "
        "over fishing rights.\n\n"
        "Both governments said the pact would be reviewed after five years."
    ),
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Any:
    """Base URL of a llama_cpp.server on a free loopback port; stopped after the module."""
    gguf = resolve_weights(MODEL)
    port = _free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    # Greedy answers (our backend sends temperature 0) and a fixed seed: reproducible.
    # The server's default is one thread for two cores; give it them all.
    cmd = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1",
           "--port", str(port), "--n_ctx", "4096", "--seed", "0",
           "--n_threads", str(os.cpu_count() or 1), "--verbose", "False"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + READY_WITHIN_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"llama_cpp.server exited with status {proc.returncode} before it was "
                            f"ready; its log ends:\n{_tail(log)}")
            try:
                with urllib.request.urlopen(base_url + "/models", timeout=5) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server not answering GET {base_url}/models after "
                            f"{READY_WITHIN_S}s; its log ends:\n{_tail(log)}")
            time.sleep(0.25)
        yield base_url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:  # a generation still running keeps uvicorn waiting
            proc.kill()
            proc.wait()


class Counting:
    """The real backend, counting the requests sent through it and how many overlapped."""

    def __init__(self, base_url: str) -> None:
        # "json" (response_format json_object, the schema in the prompt): llama_cpp.server's
        # own schema form ({"type": "json_object", "schema": ...}, what the default mode
        # falls back to, see the CLI test below) decodes slower here.
        self.inner = get_backend(f"openai:{MODEL}", base_url=base_url, mode="json")
        self.model_id, self.mode = self.inner.model_id, self.inner.mode
        self.preferred_strategy, self.cache_tag = self.inner.preferred_strategy, self.inner.cache_tag
        self.calls = self.in_flight = self.peak = 0
        self._lock = threading.Lock()

    def create(self, *, constrain: bool = False, **kwargs: Any) -> Any:
        with self._lock:
            self.calls += 1
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
        try:
            return self.inner.create(constrain=constrain, **kwargs)
        finally:
            with self._lock:
                self.in_flight -= 1


def _write_jsonl(path: Path, ids: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": ARTICLES[i]}) + "\n" for i in ids),
                    encoding="utf-8")
    return path


def _results(report: RunReport, out: Path) -> dict[str, Any]:
    """Per article: the written record, the warnings and the call tally (seconds left out)."""
    assert not report.failed, [o.error for o in report.failed]
    written = {doc["article_id"]: doc for doc in map(json.loads, out.read_text().splitlines())}
    return {o.article_id: {"record": written[o.article_id], "warnings": o.extraction.warnings,
                           "stats": {k: v for k, v in o.extraction.stats.to_dict().items()
                                     if k != "seconds"}}
            for o in report.outcomes}


def test_parallel_requests_give_the_sequential_runs_records(server, tmp_path):
    """Three articles at once on one shared backend: same records as one at a time.

    ``cited`` makes several small calls per article, so requests from different
    articles interleave at the server; any state shared across threads would show.
    """
    src = _write_jsonl(tmp_path / "in.jsonl", list(ARTICLES))
    results, peaks = {}, {}
    for concurrency in (1, 3):
        backend, out = Counting(server), tmp_path / f"j{concurrency}" / "records.jsonl"
        report = summarize_jsonl(src, out, model=backend, strategy="cited",
                                 concurrency=concurrency, use_cache=False)
        results[concurrency], peaks[concurrency] = _results(report, out), backend.peak
        assert backend.calls >= len(ARTICLES)  # every article asked the server
    assert peaks[1] == 1 and peaks[3] > 1, f"requests in flight at most: {peaks}"
    assert set(results[1]) == set(ARTICLES) == set(results[3])
    for article_id in ARTICLES:
        one, three = results[1][article_id], results[3][article_id]
        # What the program reads (figures, evidence, sources) must never depend on concurrency.
        assert _program_read(three["record"]) == _program_read(one["record"]), article_id
        # The model's answers must be the same too, except after a re-ask: the server reuses the
        # KV cache of whatever prompt came before, so the order of requests changes the numerics
        # slightly, and a re-asked answer (a near tie by nature) may then come out otherwise.
        if one["stats"]["retries"] == 0 and three["stats"]["retries"] == 0:
            assert three == one, article_id


def _program_read(record: dict[str, Any]) -> dict[str, Any]:
    keep = ("troops", "killed", "wounded", "killed_or_wounded", "captured", "source", "evidence")
    return {kind: [{k: r.get(k) for k in keep if k in r} for r in record[kind]]
            for kind in ("troop_deployments", "casualty_estimates")}


def test_a_warm_rerun_sends_no_request(server, tmp_path):
    """With the response cache on, the second run is served from disk: zero requests.

    Counted at the backend, the only way to the server; the second run writes to a
    fresh file, so it is the cache and not the resume logic that skips the model.
    """
    src = _write_jsonl(tmp_path / "in.jsonl", ["estavia-border", "norland-clash"])
    cold, warm = Counting(server), Counting(server)
    first = summarize_jsonl(src, tmp_path / "cold.jsonl", model=cold, strategy="cited",
                            concurrency=2, use_cache=True)
    second = summarize_jsonl(src, tmp_path / "warm.jsonl", model=warm, strategy="cited",
                             concurrency=2, use_cache=True)
    assert cold.calls >= 2 and not any(o.cached for o in first.outcomes)
    assert warm.calls == 0 and all(o.cached for o in second.outcomes)
    assert _results(second, tmp_path / "warm.jsonl") == _results(first, tmp_path / "cold.jsonl")


def test_cli_against_the_server_with_default_settings(server, tmp_path):
    """What a user types: ``summarize --jsonl ... --model openai:M --base-url URL -j 2``.

    The default mode sends ``json_schema``, which llama_cpp.server refuses (HTTP 500); the
    backend then switches to llama-cpp-python's own schema form and goes on.
    """
    src = _write_jsonl(tmp_path / "in.jsonl", ["estavia-border", "norland-clash"])
    status = main(["--jsonl", str(src), "--model", f"openai:{MODEL}", "--base-url", server,
                   "--strategy", "cited", "--concurrency", "2", "--no-cache", "--quiet",
                   "--out", str(tmp_path / "out")])
    assert status == 0
    written = [json.loads(line) for line in (tmp_path / "out" / "records.jsonl").read_text().splitlines()]
    assert sorted(doc["article_id"] for doc in written) == ["estavia-border", "norland-clash"]
