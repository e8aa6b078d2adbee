"""Leaderboard reports (JSON, Markdown, PNG) and the baseline gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from summarizer.evals.runner import HEADLINE
from summarizer.io import write_json_atomic, write_text_atomic

__all__ = ["baseline_path", "compare", "markdown", "regressions", "update_baselines", "write_reports"]


def baseline_path(folder: Path, model_id: str) -> Path:
    return folder / (model_id.replace(":", "_").replace("/", "_") + ".json")


def _baseline(folder: Path, model_id: str, dataset: str) -> dict[str, Any] | None:
    path = baseline_path(folder, model_id)
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get(dataset)


def compare(results: dict[str, Any], baselines: Path) -> None:
    """Add ``baseline`` and ``delta`` to every run (in place)."""
    for run in results["runs"]:
        base = _baseline(baselines, run["model"], run["dataset"])
        run["baseline"] = base
        run["delta"] = {k: (v - base[k]) if base and base.get(k) is not None and v is not None else None
                        for k, v in run["metrics"].items()}


def regressions(results: dict[str, Any], gated: list[str], tolerance: float) -> list[str]:
    """Gated metrics that fell below the committed baseline by more than ``tolerance``."""
    higher = dict(HEADLINE)
    found = []
    for run in results["runs"]:
        base = run.get("baseline")
        if not base:
            continue
        for name in gated:
            now, then = run["metrics"].get(name), base.get(name)
            if now is None or then is None:
                continue
            worse = (then - now) if higher.get(name, True) else (now - then)
            if worse > tolerance:
                found.append(f"{run['model']} on {run['dataset']}: {name} {now:.3f} < baseline {then:.3f}")
    return found


def update_baselines(results: dict[str, Any], baselines: Path) -> list[Path]:
    """Write each run's metrics as the model's committed baseline."""
    written = []
    for run in results["runs"]:
        path = baseline_path(baselines, run["model"])
        doc = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        doc[run["dataset"]] = run["metrics"]
        write_json_atomic(path, doc)
        written.append(path)
    return sorted(set(written))


def _cell(value: float | None, delta: float | None, name: str) -> str:
    if value is None:
        return "–"
    text = f"{value:.0f}" if name == "invented_numbers" else f"{value:.2f}"
    if name == "seconds_per_article":
        text = f"{value:.1f}"
    if delta is not None and abs(delta) >= 0.005:
        text += f" ({delta:+.2f})"
    return text


def markdown(results: dict[str, Any]) -> str:
    """A leaderboard table fit for a pull-request comment."""
    names = [n for n, _ in HEADLINE]
    short = {"f1.troop_deployments": "F1 deploy", "f1.casualty_estimates": "F1 casualty",
             "f1.treaty_references": "F1 treaty", "count_accuracy": "counts",
             "attribution_accuracy": "attribution", "grounding_rate": "grounded",
             "schema_validity": "valid", "invented_numbers": "invented",
             "seconds_per_article": "s/article", "brief.claims_precision": "brief claims P",
             "brief.claims_recall": "brief claims R", "brief.disagreements_precision": "disagree P",
             "brief.disagreements_recall": "disagree R"}
    lines = [f"## Leaderboard ({results['generated']})", "",
             "| model | dataset | " + " | ".join(short[n] for n in names) + " |",
             "|---|---|" + "---:|" * len(names)]
    for run in results["runs"]:
        delta = run.get("delta") or {}
        cells = [_cell(run["metrics"].get(n), delta.get(n), n) for n in names]
        lines.append(f"| {run['model']} | {run['dataset']} | " + " | ".join(cells) + " |")
    lines += ["", "Figures in brackets: change against the committed baseline (`evals/baselines/`)."]
    return "\n".join(lines) + "\n"


def chart(results: dict[str, Any], path: Path) -> bool:
    """A PNG of F1 by model and record type; False when matplotlib is not installed."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    types = ["troop_deployments", "casualty_estimates", "treaty_references"]
    runs = results["runs"]
    fig, ax = plt.subplots(figsize=(max(6, 1.6 * len(runs)), 4))
    width = 0.8 / len(types)
    for t, kind in enumerate(types):
        values = [run["metrics"][f"f1.{kind}"] or 0 for run in runs]
        ax.bar([i + t * width for i in range(len(runs))], values, width, label=kind.replace("_", " "))
    ax.set_xticks([i + width for i in range(len(runs))])
    ax.set_xticklabels([f"{r['model']}\n{r['dataset']}" for r in runs], fontsize=7)
    ax.set_ylim(0, 1)
    ax.set_ylabel("F1")
    ax.set_title("Record-level F1 by model and record type")
    ax.legend(fontsize=7)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def write_reports(results: dict[str, Any], folder: Path) -> list[Path]:
    """``latest.json``, ``latest.md`` and ``latest.png`` under ``folder``."""
    written = [folder / "latest.json", folder / "latest.md"]
    write_json_atomic(written[0], results)
    write_text_atomic(written[1], markdown(results))
    if chart(results, folder / "latest.png"):
        written.append(folder / "latest.png")
    return written
