"""The Ray path (``summarizer.scale``) against a local Ray started here, offline.

One local Ray (2 CPUs) serves the module; model calls go to the replay recording of the
default model or to fakes, and real calls are switched off in the workers too.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from summarizer.backends.fake import FakeBackend
from summarizer.cli import main
from summarizer.pipeline import summarize_paths
from summarizer.scale import looks_like_ray_address, require_ray, summarize_dataset

ray = pytest.importorskip("ray")
pq = pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
REPLAY = f"replay:{ROOT / 'evals' / 'replay' / 'local-qwen2.5-1.5b'}"
# Invented for these tests.
ARTICLES = {
    "harbour": "Officials in the port town of Velmora said on Monday that 300 engineers had "
               "arrived to repair the harbour wall.\n\nThe mayor said the work would take a month.",
    "valley": "A regional council reported on Tuesday that 40 families had left the flooded "
              "valley.\n\nVolunteers handed out blankets at the school.",
    "ridge": "KILLME The observers said 12 patrols crossed the ridge on Friday.\n\nNo one was hurt, "
             "according to the observers' weekly note.",
    "delta": "Farmers in the delta said the new canal had doubled the rice harvest.\n\nThe ministry "
             "promised 2 more canals next year.",
}


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers get this module's fakes
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {"SUMMARIZER_BLOCK_REAL_CALLS": "1"}})
    yield
    ray.shutdown()


def _articles(folder: Path, names=tuple(ARTICLES)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(ARTICLES[name], encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.json")) if p.stem != "brief"}


def test_ray_run_writes_the_sequential_files_and_an_error_row_for_a_bad_file(tmp_path):
    bad = tmp_path / "in" / "empty.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"")
    inputs = [str(SEEDS), str(bad)]
    sequential = summarize_paths(inputs, model=REPLAY, out_dir=tmp_path / "seq", use_cache=False)
    report = summarize_dataset(inputs, model=REPLAY, out=tmp_path / "ray", actors=2, use_cache=False)

    assert _files(tmp_path / "ray") == _files(tmp_path / "seq")
    assert len(_files(tmp_path / "ray")) == len(list(SEEDS.glob("*.txt"))) == 5
    assert [o.article_id for o in report.outcomes] == [o.article_id for o in sequential.outcomes]
    assert [o.error for o in report.outcomes] == [o.error for o in sequential.outcomes]
    assert report.failed[0].error == f"{bad}: empty file"
    table = pq.read_table(tmp_path / "ray" / "records.parquet").to_pylist()
    assert [r["article_id"] for r in table] == [o.article_id for o in sequential.outcomes]
    assert table[-1]["error"] == f"{bad}: empty file" and table[-1]["records"] is None
    assert json.loads(table[0]["records"]) == json.loads(_files(tmp_path / "seq")[f"{table[0]['article_id']}.json"])


def test_a_rerun_skips_what_is_written(tmp_path):
    folder = _articles(tmp_path / "in", ("harbour", "valley", "delta"))
    out = tmp_path / "out"
    summarize_dataset([folder], model="fake:x", out=out, actors=2, use_cache=False)
    (out / "valley.json").unlink()
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")}
    report = summarize_dataset([folder], model="fake:x", out=out, actors=2, use_cache=False,
                               table="jsonl")
    rows = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    assert [(r["article_id"], r["skipped"]) for r in rows] == [
        ("delta", True), ("harbour", True), ("valley", False)]
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.json") if p.name != "valley.json"} == before
    assert (out / "valley.json").is_file() and not report.failed


def _logging_fake(log: str, marker: str) -> FakeBackend:
    """A fake that logs each request's article and kills its own process, once, on "KILLME"."""
    def respond(request):
        text = request.messages[-1]["content"]
        name = next(n for n in ARTICLES if ARTICLES[n].split("\n")[0][:40] in text)
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(name + "\n")
        if "KILLME" in text and not os.path.exists(marker):
            Path(marker).touch()
            os._exit(1)  # the actor's process dies mid-batch
        from summarizer.backends.fake import answer_from_schema

        return answer_from_schema(request.schema)

    return FakeBackend(respond, model_id="fake:logging", preferred_strategy="single")


def test_a_killed_worker_is_retried_and_nothing_is_written_twice(tmp_path):
    folder = _articles(tmp_path / "in")  # delta, harbour, ridge (kills), valley: one batch
    log, marker = tmp_path / "calls.log", tmp_path / "killed"
    factory = functools.partial(_logging_fake, str(log), str(marker))
    report = summarize_dataset([folder], model=factory, out=tmp_path / "ray", actors=1,
                               batch_size=4, use_cache=False)
    assert marker.exists() and not report.failed
    calls = log.read_text().split()
    # ridge was asked twice (its first process died); the others once, so written once:
    # the retried batch found delta's and harbour's files written and skipped them.
    assert sorted(calls) == ["delta", "harbour", "ridge", "ridge", "valley"]
    assert calls.index("ridge") == 2
    assert {o.article_id: o.cached for o in report.outcomes} == {
        "delta": True, "harbour": True, "ridge": False, "valley": False}
    marker.touch()
    summarize_paths([folder], model=functools.partial(_logging_fake, str(log), str(marker))(),
                    out_dir=tmp_path / "seq", use_cache=False)
    assert _files(tmp_path / "ray") == _files(tmp_path / "seq")


def test_jsonl_and_parquet_rows(tmp_path):
    import pyarrow as pa

    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(json.dumps({"id": "harbour", "text": ARTICLES["harbour"]}) + "\n"
                     + "{not json\n" + json.dumps({"id": "harbour", "text": "again"}) + "\n"
                     + json.dumps({"id": "valley", "text": ARTICLES["valley"]}) + "\n")
    report = summarize_dataset(jsonl, model="fake:x", out=tmp_path / "a", use_cache=False)
    assert [(o.article_id, o.error) for o in report.outcomes] == [
        ("harbour", None), (None, f"{jsonl}:2: not valid JSON (Expecting property name enclosed in double quotes)"),
        (None, f"{jsonl}:3: id 'harbour' repeats {jsonl}:1"), ("valley", None)]
    parquet = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["harbour", "blank", "valley"],
                             "text": [ARTICLES["harbour"], "  ", ARTICLES["valley"]]}), parquet)
    report = summarize_dataset(parquet, model="fake:x", out=tmp_path / "b", use_cache=False)
    assert [o.error for o in report.outcomes][1].endswith("'text' is empty")
    assert _files(tmp_path / "b") == _files(tmp_path / "a")


def test_cli_ray_writes_files_table_and_brief(tmp_path, capsys):
    folder = _articles(tmp_path / "in", ("harbour", "valley"))
    out = tmp_path / "out"
    assert main(["--ray", str(folder), "--model", "fake:x", "--out", str(out), "--actors", "2",
                 "--table", "jsonl", "--no-cache"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "brief.html", "brief.json", "brief.md", "harbour.json", "records.jsonl", "valley.json"]
    assert "2 written" in capsys.readouterr().out
    shutil.rmtree(out)
    assert main(["--ray", "--model", "nope", str(folder), "--out", str(out)]) == 2
    assert main(["--ray", str(folder), "--record", str(tmp_path / "rec"), "--out", str(out)]) == 2


def test_addresses_and_a_missing_extra(monkeypatch, tmp_path):
    assert looks_like_ray_address("auto") and looks_like_ray_address("10.0.0.5:6379")
    assert looks_like_ray_address("ray://head:10001")
    assert not looks_like_ray_address(str(SEEDS)) and not looks_like_ray_address("articles")
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(Exception, match="install the 'scale' extra"):
        require_ray()


@pytest.mark.real_model
def test_two_articles_through_two_actors_on_the_small_model(tmp_path):
    folder = _articles(tmp_path / "in", ("harbour", "valley"))
    report = summarize_dataset([folder], model="local:qwen2.5-0.5b", out=tmp_path / "ray", actors=2,
                               threads_per_worker=1, use_cache=False,
                               runtime_env={"env_vars": {"SUMMARIZER_BLOCK_REAL_CALLS": "0"}})
    assert not report.failed, [o.error for o in report.failed]
    from summarizer.backends.local import LocalBackend

    summarize_paths([folder], model=LocalBackend("qwen2.5-0.5b", n_threads=1),
                    out_dir=tmp_path / "seq", use_cache=False)
    assert _files(tmp_path / "ray") == _files(tmp_path / "seq")
    assert set(_files(tmp_path / "ray")) == {"harbour.json", "valley.json"}
