"""Leaderboard rendering and the baseline gate."""

import json

from summarizer.evals.report import compare, markdown, regressions, update_baselines


def results(f1=0.8, invented=0):
    metrics = {"f1.troop_deployments": f1, "f1.casualty_estimates": 0.5, "f1.treaty_references": 1.0,
               "count_accuracy": 1.0, "attribution_accuracy": 0.9, "grounding_rate": 1.0,
               "schema_validity": 1.0, "invented_numbers": invented, "seconds_per_article": 12.0}
    return {"generated": "now", "runs": [{"model": "local:m", "dataset": "seeds", "metrics": metrics}]}


def test_baseline_round_trip_and_deltas(tmp_path):
    update_baselines(results(), tmp_path)
    assert json.loads((tmp_path / "local_m.json").read_text())["seeds"]["f1.troop_deployments"] == 0.8
    now = results(f1=0.9)
    compare(now, tmp_path)
    assert round(now["runs"][0]["delta"]["f1.troop_deployments"], 3) == 0.1
    assert "0.90 (+0.10)" in markdown(now)


def test_gate_catches_drops_beyond_tolerance_in_either_direction(tmp_path):
    update_baselines(results(), tmp_path)
    worse, more_invented, noise = results(f1=0.7), results(invented=1), results(f1=0.79)
    for r in (worse, more_invented, noise):
        compare(r, tmp_path)
    gated = ["f1.troop_deployments", "invented_numbers"]
    assert regressions(worse, gated, 0.02) and regressions(more_invented, gated, 0.02)
    assert regressions(noise, gated, 0.02) == []
