"""The eval runner records what it runs, so a real run can be replayed offline."""

from pathlib import Path

from summarizer.evals.runner import evaluate, load_config

ROOT = Path(__file__).resolve().parents[2]
REPLAY = ROOT / "evals" / "replay" / "local-qwen2.5-1.5b"


def test_a_recorded_eval_replays_to_the_same_scores(tmp_path):
    config = load_config(ROOT)
    recorded = evaluate([f"replay:{REPLAY}"], config, ["seeds"], use_cache=False,
                        record=str(tmp_path / "rec"))
    replayed = evaluate([f"replay:{tmp_path / 'rec'}"], config, ["seeds"], use_cache=False)
    first, second = recorded["runs"][0], replayed["runs"][0]
    assert first["failures"] == [] and second["model"] == "local:qwen2.5-1.5b"
    assert {k: second["metrics"][k] for k in config.gated} == {k: first["metrics"][k] for k in config.gated}
    assert len(list((tmp_path / "rec").glob("*.json"))) > 5  # responses plus backend.json
    # Answers read back from a folder (here both runs') take no model time: no seconds figure.
    assert first["metrics"]["seconds_per_article"] is None
    assert second["metrics"]["seconds_per_article"] is None


def test_a_dataset_table_overrides_a_models_floors(tmp_path):
    (tmp_path / "evals").mkdir()
    (tmp_path / "evals" / "config.toml").write_text(
        '[datasets.seeds]\narticles = "seeds"\ngold = "g"\n[gate]\ntolerance = 0.05\nmetrics = []\n'
        '[thresholds."local:m"]\ncount_accuracy = 0.8\nattribution_accuracy = 0.5\n'
        '[thresholds."local:m".seeds]\nattribution_accuracy = 0.9\n', encoding="utf-8")
    config = load_config(tmp_path)
    assert config.thresholds_for("local:m", "seeds") == {"count_accuracy": 0.8, "attribution_accuracy": 0.9}
    assert config.thresholds_for("local:m", "devset") == {"count_accuracy": 0.8, "attribution_accuracy": 0.5}
    assert config.thresholds_for("local:other", "seeds") == {}
