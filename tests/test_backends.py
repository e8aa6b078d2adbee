import json

import pytest

from summarizer.backends import (
    BackendError,
    FakeBackend,
    RealCallBlocked,
    ReplayBackend,
    ReplayMiss,
    get_backend,
)
from summarizer.backends.weights import MODELS, WeightsError, resolve_weights


@pytest.mark.parametrize("spec", ["gpt-4o", "nope:model", "local:", ":x"])
def test_bad_model_strings_are_clear(spec):
    with pytest.raises(BackendError, match="provider:model"):
        get_backend(spec)


def test_real_calls_are_blocked_in_unit_tests():
    backend = get_backend("local:qwen2.5-1.5b")
    with pytest.raises(RealCallBlocked):
        backend.create(messages=[{"role": "user", "content": "hi"}])


def test_openai_without_a_key_says_how_to_fix_it(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(BackendError, match="OPENAI_API_KEY"):
        get_backend("openai:gpt-4o-mini")
    # a local compatible server needs no key
    backend = get_backend("openai:served", base_url="http://127.0.0.1:9/v1")
    assert backend.model_id == "openai:served" and "sk-" not in repr(backend)


def test_record_then_replay_returns_the_same_and_stores_no_key(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-SECRET-123")
    inner = FakeBackend(lambda kw: {"answer": kw["messages"][0]["content"]})
    recorder = get_backend(inner, record=str(tmp_path / "rec"))
    request = {"messages": [{"role": "user", "content": "hello"}], "max_tokens": 5}
    first = recorder.create(**request)
    replay = get_backend(f"replay:{tmp_path / 'rec'}")
    assert replay.model_id == "fake:test"
    assert replay.create(**request).choices[0].message.content == first.choices[0].message.content
    with pytest.raises(ReplayMiss):
        replay.create(messages=[{"role": "user", "content": "other"}])
    for path in (tmp_path / "rec").iterdir():
        assert "SECRET" not in path.read_text()


def test_replay_folder_must_be_a_recording(tmp_path):
    with pytest.raises(BackendError, match="not a replay recording"):
        ReplayBackend(tmp_path)


def test_weights_refuse_unknown_names_and_missing_files(tmp_path):
    with pytest.raises(WeightsError, match="unknown local model"):
        resolve_weights("no-such-model")
    with pytest.raises(WeightsError, match="no such GGUF"):
        resolve_weights(str(tmp_path / "x.gguf"))


def test_weights_hash_mismatch_is_refused(tmp_path, monkeypatch, isolated_cache):
    from summarizer.backends import weights

    part = tmp_path / "part01.bin"
    part.write_bytes(b"not really a model")
    monkeypatch.setattr(weights, "_chunk_path", lambda package, version: part)
    with pytest.raises(WeightsError, match="refusing to load"):
        resolve_weights("gemma3-270m")
    assert not any(isolated_cache.rglob("*.gguf"))


def test_weights_assemble_in_part_order_when_hash_matches(tmp_path, monkeypatch, isolated_cache):
    import hashlib
    from dataclasses import replace

    from summarizer.backends import weights

    chunks = {f"p{i}": tmp_path / f"p{i}.bin" for i in range(3)}
    for i, path in enumerate(chunks.values()):
        path.write_bytes(bytes([i]) * 10)
    joined = b"".join(p.read_bytes() for p in chunks.values())
    spec = replace(MODELS["gemma3-270m"], packages=tuple(chunks),
                   sha256=hashlib.sha256(joined).hexdigest())
    monkeypatch.setitem(weights.MODELS, "gemma3-270m", spec)
    monkeypatch.setattr(weights, "_chunk_path", lambda package, version: chunks[package])
    path = resolve_weights("gemma3-270m")
    assert path.read_bytes() == joined


def test_fake_backend_counts_calls():
    backend = FakeBackend(lambda kw: json.dumps({"ok": True}))
    backend.create(messages=[{"role": "user", "content": "x"}])
    assert len(backend.calls) == 1
