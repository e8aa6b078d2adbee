"""The seams: provider registry, strategy registry, the fake built from the request, rows checked
up front, an injected HTTP client, one error root."""

from __future__ import annotations

import json

import pytest

from summarizer.article import Article
from summarizer.backends import FakeBackend, get_backend, provider_names, register_provider
from summarizer.backends.base import real_calls_allowed
from summarizer.backends.fake import FakeRequest, answer_from_schema
from summarizer.backends.openai_compat import OpenAIBackend
from summarizer.errors import BackendError, ExtractionError, InputError, StructuredError, SummarizerError
from summarizer.extract import extract
from summarizer.io import check_jsonl_row
from summarizer.pipeline import summarize_jsonl
from summarizer.strategies.base import StrategyRun, get_strategy, register_strategy
from summarizer.structured import structured_call

TEXT = ("date 2026-04-02 Norland has sent 1,200 soldiers to the Valmora border, the defence "
        "ministry said on Tuesday.\n\nFarmers expect a good harvest this season.\n")


def test_fake_and_replay_are_reachable_by_model_string_and_unknown_lists_known():
    fake = get_backend("fake:schema")
    assert isinstance(fake, FakeBackend) and fake.model_id == "fake:schema"
    with pytest.raises(BackendError) as caught:
        get_backend("nosuch:model")
    for name in ("local", "openai", "replay", "fake"):
        assert name in str(caught.value)


def test_a_third_party_provider_registers_like_the_built_ins():
    register_provider("echo", lambda model, **options: FakeBackend(model_id=f"echo:{model}"))
    try:
        assert "echo" in provider_names() and get_backend("echo:x").model_id == "echo:x"
    finally:
        from summarizer.backends import registry

        registry._PROVIDERS.pop("echo")


def test_the_schema_driven_fake_runs_the_whole_pipeline():
    result = extract(Article.from_text("a1", TEXT), get_backend("fake:schema"))
    (deployment,) = result.records.troop_deployments
    assert deployment.troops.low == 1200 and deployment.evidence.quote.startswith("Norland has sent")


def test_the_fake_reads_the_request_for_its_function():
    seen: list[FakeRequest] = []

    def respond(request: FakeRequest):
        seen.append(request)
        return answer_from_schema(request.schema)

    extract(Article.from_text("a1", TEXT), FakeBackend(respond))
    about_sentence = [r for r in seen if r.sentence is not None]
    assert about_sentence and {r.sentence for r in about_sentence} == {0}
    assert all(r.schema and r.schema.get("type") == "object" for r in seen)


def test_strategies_are_looked_up_by_name_and_third_parties_can_add_one():
    class Nothing:
        name = "nothing"

        def run(self, article, backend, run: StrategyRun):
            run.warnings.append("asked nothing")
            return {"summary": "Nothing was asked of the model here."}

    register_strategy("nothing", Nothing())
    result = extract(Article.from_text("a1", TEXT), FakeBackend(), strategy="nothing")
    assert result.records.troop_deployments == [] and result.warnings == ["asked nothing"]
    with pytest.raises(ExtractionError, match="cited, nothing, single"):
        get_strategy("unknown")


@pytest.mark.parametrize("line, reason", [
    ('{"id": "", "text": "Some text."}', "'id' is empty"),
    ('{"id": "a", "text": "  "}', "'text' is empty"),
    ('{"id": ["a"], "text": "x"}', "'id' must be a string, not list"),
    ('{"text": "x"}', "not a JSON object with 'id' and 'text'"),
    ("not json", "not valid JSON"),
])
def test_jsonl_rows_are_checked_with_the_line_number(line, reason):
    with pytest.raises(InputError) as caught:
        check_jsonl_row(line, "in.jsonl", 7)
    assert str(caught.value).startswith(f"in.jsonl:7: {reason}") and caught.value.line == 7


def test_a_bad_jsonl_row_is_rejected_before_any_model_call(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "", "text": TEXT}) + "\n")
    backend = FakeBackend()
    report = summarize_jsonl(src, tmp_path / "out.jsonl", model=backend, use_cache=False)
    assert backend.calls == [] and report.failed[0].error == f"{src}:1: 'id' is empty"


def test_an_injected_http_client_carries_the_requests():
    import httpx2

    bodies = []

    def handler(request):
        bodies.append(json.loads(request.content))
        answer = json.dumps({"summary": "The ministry said troops were sent to the border."})
        return httpx2.Response(200, json={
            "id": "c1", "object": "chat.completion", "created": 0, "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": answer}}],
            "usage": {"prompt_tokens": 3, "completion_tokens": 5, "total_tokens": 8}})

    client = httpx2.Client(transport=httpx2.MockTransport(handler))
    backend = OpenAIBackend("m", base_url="http://model.invalid/v1", api_key="k", http_client=client,
                            max_retries=0)
    with real_calls_allowed():
        response = backend.create(messages=[{"role": "user", "content": "hi"}], max_tokens=5)
    assert bodies[0]["model"] == "m" and "summary" in response.choices[0].message.content


def test_errors_share_one_root_and_carry_data():
    def never_valid(request):
        return "not json"

    with pytest.raises(StructuredError) as caught:
        structured_call(FakeBackend(never_valid), [{"role": "user", "content": "q"}],
                        type("M", (__import__("pydantic").BaseModel,), {"__annotations__": {"x": int}}),
                        max_retries=1)
    error = caught.value
    assert isinstance(error, SummarizerError)
    assert error.model_id == "fake:test" and error.attempts == 2 and error.usage["completion_tokens"] > 0
    assert "\n" not in str(error)
