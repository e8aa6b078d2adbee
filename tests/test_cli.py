"""The CLI as a function: exit codes, one-line errors, outputs that validate and ground."""

import json

import pytest

from summarizer.cli import main
from summarizer.schemas import validate_document

from .conftest import ROOT, SEEDS

REPLAY = ROOT / "evals" / "replay" / "local-qwen2.5-1.5b"
SEED = SEEDS / "001_4c5be07e5f3f8541.txt"


def check_output(path, source):
    doc = json.loads(path.read_text(encoding="utf-8"))
    validate_document("article_records", doc)
    text = source.read_text(encoding="utf-8")
    quotes = [r["evidence"] for k in ("troop_deployments", "casualty_estimates", "treaty_references")
              for r in doc[k]]
    assert quotes, "the recorded run found records"
    for ev in quotes:
        assert text[ev["start"]:ev["end"]] == ev["quote"]
    return doc


def test_replayed_run_writes_valid_grounded_records(tmp_path, capsys):
    assert main([str(SEED), "--model", f"replay:{REPLAY}", "--out", str(tmp_path)]) == 0
    doc = check_output(tmp_path / f"{SEED.stem}.json", SEED)
    assert doc["article_id"] == SEED.stem and doc["published"] == "2025-02-27"
    assert "1 written" in capsys.readouterr().out


def test_bad_inputs_fail_alone_with_one_line_each(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "out"
    code = main([str(SEED), str(empty), str(tmp_path / "missing.txt"), "--model",
                 f"replay:{REPLAY}", "--out", str(out), "--quiet"])
    assert code == 1
    err = capsys.readouterr().err
    assert f"{empty}: empty file" in err and "missing.txt: no such file" in err
    check_output(out / f"{SEED.stem}.json", SEED)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{SEED.stem}.json", "brief.html", "brief.json", "brief.md"])


def test_a_changed_request_is_not_silently_replayed(tmp_path, capsys):
    other = tmp_path / "other.txt"
    other.write_text("Estavia has sent more than 2,000 soldiers to Valmora, the ministry said.\n")
    assert main([str(other), "--model", f"replay:{REPLAY}", "--out", str(tmp_path)]) == 1
    assert "no recorded response" in capsys.readouterr().err


def test_unusable_model_exits_2_with_one_line(capsys):
    assert main([str(SEED), "--model", "bogus"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("summarize: bad model 'bogus'") and "\n" not in err


def test_help_explains_models_and_exit_status(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert "local:qwen2.5-1.5b" in text and "exit status" in text
