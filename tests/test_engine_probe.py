"""A native crash of the embedded engine becomes one line, never a bare signal."""

from __future__ import annotations

import subprocess

import pytest

from summarizer.backends import FakeBackend
from summarizer.backends import engine_probe
from summarizer.backends.engine_probe import EngineCrashed, engine_crashed, probe_engine
from summarizer.cli import main

# A child that dies the way llama.cpp built for the wrong CPU does.
_DIES_BY_SIGILL = "import os, signal; os.kill(os.getpid(), signal.SIGILL)"


@pytest.fixture
def no_engine(monkeypatch):
    """The probe without llama.cpp: a fixed fingerprint, and a counter of children started."""
    monkeypatch.setattr(engine_probe, "_engine_fingerprint", lambda: "test-build")
    monkeypatch.delenv("SUMMARIZER_SKIP_ENGINE_PROBE", raising=False)
    started = []
    real_run = subprocess.run

    def counting_run(*args, **kwargs):
        started.append(args[0])
        return real_run(*args, **kwargs)

    monkeypatch.setattr(engine_probe.subprocess, "run", counting_run)
    return started


def test_a_child_killed_by_sigill_is_reported_in_one_line(no_engine, monkeypatch, tmp_path):
    monkeypatch.setattr(engine_probe, "_CHILD", _DIES_BY_SIGILL)
    with pytest.raises(EngineCrashed) as caught:
        probe_engine(tmp_path / "model.gguf", 2, tmp_path / "probe.json")
    message = str(caught.value)
    assert message.startswith("the embedded model crashed: illegal instruction (SIGILL)")
    assert "Troubleshooting: CPU features" in message and "\n" not in message
    assert caught.value.signal_name == "SIGILL"
    assert not (tmp_path / "probe.json").exists()  # a crash is never remembered as a pass


def test_a_passing_probe_is_remembered(no_engine, monkeypatch, tmp_path):
    monkeypatch.setattr(engine_probe, "_CHILD", "pass")
    cache = tmp_path / "probe.json"
    probe_engine(tmp_path / "model.gguf", 2, cache)
    probe_engine(tmp_path / "model.gguf", 2, cache)
    assert len(no_engine) == 1
    # Another model (or another build or CPU) is probed again.
    probe_engine(tmp_path / "other.gguf", 2, cache)
    assert len(no_engine) == 2


def test_a_child_that_fails_without_a_signal_is_left_to_the_real_load(no_engine, monkeypatch, tmp_path):
    monkeypatch.setattr(engine_probe, "_CHILD", "raise SystemExit(3)")
    probe_engine(tmp_path / "model.gguf", 2, tmp_path / "probe.json")  # no exception
    assert not (tmp_path / "probe.json").exists()


def test_cli_prints_one_line_and_exits_2_when_the_engine_crashes(monkeypatch, tmp_path, capsys):
    def crashed(_request):
        raise engine_crashed("model.gguf", "SIGILL")

    monkeypatch.setattr("summarizer.pipeline.get_backend",
                        lambda *a, **k: FakeBackend(crashed, model_id="fake:crash"))
    article = tmp_path / "a.txt"
    article.write_text("Officials said 300 soldiers were sent to the border on Monday.\n")
    status = main([str(article), "--out", str(tmp_path / "out"), "--quiet", "--no-cache", "--no-brief"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert err == ["summarize: the embedded model crashed: illegal instruction (SIGILL) (llama.cpp was "
                   "built with CPU instructions this machine does not enable); see README, "
                   "'Troubleshooting: CPU features'"]
