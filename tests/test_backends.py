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
    # Only a recording that asks a live backend every question measures the model's time.
    assert recorder.timed and not replay.timed
    assert replay.create(**request).choices[0].message.content == first.choices[0].message.content
    with pytest.raises(ReplayMiss):
        replay.create(messages=[{"role": "user", "content": "other"}])
    for path in (tmp_path / "rec").iterdir():
        assert "SECRET" not in path.read_text()


def test_updating_a_recording_asks_the_model_only_new_requests_and_prunes_the_unused(tmp_path):
    folder = str(tmp_path / "rec")
    asked = lambda text: {"messages": [{"role": "user", "content": text}], "max_tokens": 5}  # noqa: E731
    first = FakeBackend(lambda kw: {"n": 1})
    recorder = get_backend(first, record=folder)
    for text in ("kept", "dropped"):
        recorder.create(**asked(text))
    second = FakeBackend(lambda kw: {"n": 2})
    updater = get_backend(second, record=folder, reuse_recorded=True)
    assert updater.create(**asked("kept")).choices[0].message.content == '{"n": 1}'
    assert updater.create(**asked("new")).choices[0].message.content == '{"n": 2}'
    assert [c.messages[0]["content"] for c in second.calls] == ["new"]  # the recorded one was not asked
    assert not updater.timed  # some answers came from the folder
    assert len(updater.prune()) == 1
    replay = get_backend(f"replay:{folder}")
    assert replay.create(**asked("new")).choices[0].message.content == '{"n": 2}'
    with pytest.raises(ReplayMiss):
        replay.create(**asked("dropped"))


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


# --- the local backend's free first attempt, without llama.cpp -----------------

class _FakeLlama:
    """What LocalBackend uses of llama_cpp.Llama: a chat template, tokenizer and two calls."""

    def __init__(self, template: str | None) -> None:
        self.metadata = {"tokenizer.chat_template": template} if template else {}
        self._model = type("M", (), {"token_get_text": staticmethod(lambda t: {1: "<s>", 2: "</s>"}[t])})()
        self.prompts: list[bytes] = []
        self.chat_calls: list[dict] = []

    def token_eos(self) -> int:
        return 2

    def token_bos(self) -> int:
        return 1

    def tokenize(self, text: bytes, add_bos: bool = True, special: bool = False) -> list[int]:
        self.prompts.append(text)
        return list(text)

    def create_completion(self, *, prompt, max_tokens, temperature, stop, seed):
        text = ' "Valmora"}' if bytes(prompt).endswith(b'":') else 'to": "Valmora"}'
        return {"id": "c1", "created": 0, "usage": {"prompt_tokens": len(prompt), "completion_tokens": 5,
                                                   "total_tokens": len(prompt) + 5},
                "choices": [{"text": text, "finish_reason": "stop"}]}

    def create_chat_completion_openai_v1(self, **kwargs):
        from summarizer.backends.fake import completion

        self.chat_calls.append(kwargs)
        return completion('```json\n{"to": null}\n```')


@pytest.fixture
def local_with(monkeypatch):
    from summarizer.backends import allow_real_calls
    from summarizer.backends.local import LocalBackend

    def make(template: str | None) -> tuple[LocalBackend, _FakeLlama]:
        backend, llama = LocalBackend("qwen2.5-1.5b"), _FakeLlama(template)
        monkeypatch.setattr(backend, "_load", lambda: llama)
        return backend, llama

    allow_real_calls(True)
    yield make
    allow_real_calls(False)


MESSAGES = [{"role": "system", "content": "S"}, {"role": "user", "content": "Q"}]


def test_a_free_local_answer_starts_at_the_first_asked_key_the_backend_wrote(local_with):
    backend, llama = local_with("{% for m in messages %}<{{ m.role }}>{{ m.content }}{% endfor %}<assistant>")
    schema = {"type": "object", "properties": {"to": {}, "when": {}}}
    response = backend.create(messages=MESSAGES, max_tokens=20,
                              response_format={"type": "json_schema", "json_schema": {"schema": schema}})
    # The first attempt is free (no grammar): the chat template is rendered here and the
    # answer begins at its first asked key, so no fence, pretty-printing or unasked key.
    assert llama.prompts[-1] == b'<system>S<user>Q<assistant>{"to":'
    assert response.choices[0].message.content == '{"to": "Valmora"}'
    assert response.usage.completion_tokens == 5 and not llama.chat_calls

    backend.create(messages=MESSAGES, max_tokens=20)  # no schema: just the object
    assert llama.prompts[-1].endswith(b'<assistant>{"')


def test_a_constrained_retry_and_a_model_without_template_take_llama_cpps_route(local_with):
    backend, llama = local_with("{% for m in messages %}{{ m.content }}{% endfor %}")
    retry = [*MESSAGES, {"role": "assistant", "content": "x"}, {"role": "user", "content": "fix"}]
    backend.create(messages=retry, max_tokens=20, constrain=True,
                   response_format={"type": "json_schema", "json_schema": {"schema": {"type": "object"}}})
    assert llama.chat_calls[-1]["response_format"] == {"type": "json_object", "schema": {"type": "object"}}

    backend, llama = local_with(None)
    response = backend.create(messages=MESSAGES, max_tokens=20)
    assert llama.chat_calls and response.choices[0].message.content == '{"to": null}'  # fence stripped
