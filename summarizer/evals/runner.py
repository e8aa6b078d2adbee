"""Run models over gold datasets and score them: the leaderboard behind ``summarize eval``."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.backends import get_backend
from summarizer.cache import ResponseCache
from summarizer.evals.gold import Dataset, load_dataset
from summarizer.evals.scorer import aggregate, score_article
from summarizer.pipeline import ArticleOutcome, extract_file

__all__ = ["EvalConfig", "HEADLINE", "evaluate", "flat_metrics", "load_config"]

#: The figures a leaderboard row shows, in order (name, higher_is_better).
HEADLINE = (
    ("f1.troop_deployments", True), ("f1.casualty_estimates", True), ("f1.treaty_references", True),
    ("count_accuracy", True), ("attribution_accuracy", True), ("grounding_rate", True),
    ("schema_validity", True), ("invented_numbers", False), ("seconds_per_article", False),
    ("brief.claims_precision", True), ("brief.claims_recall", True),
    ("brief.disagreements_precision", True), ("brief.disagreements_recall", True),
)


@dataclass
class EvalConfig:
    """``evals/config.toml``: datasets, gate tolerance and per-model thresholds."""

    root: Path
    datasets: dict[str, dict[str, str]]
    tolerance: float
    gated: list[str]
    thresholds: dict[str, dict[str, float]]
    ci: dict[str, list[str]]

    def thresholds_for(self, model: str, dataset: str) -> dict[str, float]:
        """A model's floors on one dataset: its own, overridden by a ``[thresholds."M".dataset]`` table."""
        table = self.thresholds.get(model, {})
        floors = {k: v for k, v in table.items() if not isinstance(v, dict)}
        floors.update(table.get(dataset, {}) if isinstance(table.get(dataset), dict) else {})
        return floors

    def dataset(self, name: str) -> Dataset:
        spec = self.datasets[name]
        return load_dataset(name, self.root / spec["articles"], self.root / spec["gold"])


def load_config(root: Path) -> EvalConfig:
    """Read ``evals/config.toml`` under ``root`` (the project checkout)."""
    doc = tomllib.loads((root / "evals" / "config.toml").read_text(encoding="utf-8"))
    return EvalConfig(root=root, datasets=doc["datasets"], tolerance=doc["gate"]["tolerance"],
                      gated=doc["gate"]["metrics"], thresholds=doc.get("thresholds", {}),
                      ci=doc.get("ci", {}))


def flat_metrics(scores: dict[str, Any]) -> dict[str, float | None]:
    """The headline figures of one run as a flat mapping."""
    flat: dict[str, float | None] = {f"f1.{k}": v["f1"] for k, v in scores["types"].items()}
    flat.update({f"precision.{k}": v["precision"] for k, v in scores["types"].items()})
    flat.update({f"recall.{k}": v["recall"] for k, v in scores["types"].items()})
    for name in ("brief.claims_precision", "brief.claims_recall",
                 "brief.disagreements_precision", "brief.disagreements_recall"):
        if name in scores:
            flat[name] = scores[name]
    for name in ("count_accuracy", "attribution_accuracy", "grounding_rate", "invented_numbers",
                 "schema_validity", "seconds_per_article", "prompt_tokens_per_article",
                 "completion_tokens_per_article", "retries"):
        flat[name] = scores.get(name)
    return flat


def _brief_scores(predictions: dict[str, Any], data: Dataset, config: EvalConfig) -> dict[str, Any]:
    """Brief-level precision/recall when the dataset has a gold brief (``brief.json``)."""
    import json

    from summarizer.brief import build_brief
    from summarizer.evals.brief_score import score_brief
    from summarizer.records import ArticleRecords

    gold_path = config.root / config.datasets[data.name]["gold"] / "brief.json"
    if not gold_path.is_file() or not predictions:
        return {}
    brief = build_brief([ArticleRecords.model_validate(p) for p in predictions.values()])
    result = score_brief(brief, json.loads(gold_path.read_text(encoding="utf-8")), data.aliases)
    return {f"brief.{part}_{rate}": result[part][rate]
            for part in ("claims", "disagreements") for rate in ("precision", "recall")}


OnArticle = Callable[[str, str, ArticleOutcome], None]


def evaluate(models: list[str], config: EvalConfig, datasets: list[str] | None = None, *,
             base_url: str | None = None, strategy: str | None = None, use_cache: bool = True,
             out_dir: Path | None = None, on_article: OnArticle | None = None,
             record: str | None = None, update_recording: bool = False) -> dict[str, Any]:
    """Every model over every dataset: scores and cost per (model, dataset) run.

    ``record`` stores every response of the (single) model for ``replay:`` (cache off); with
    ``update_recording`` requests already recorded there are answered from the recording and
    responses no request used are deleted at the end.
    """
    runs = []
    cache = ResponseCache() if use_cache and record is None else None
    for model in models:
        backend = get_backend(model, base_url=base_url, record=record, reuse_recorded=update_recording)
        for name in datasets or list(config.datasets):
            data = config.dataset(name)
            article_scores, failures, predictions = [], [], {}
            seconds = prompt = completion = retries = 0.0
            target = out_dir / backend.model_id.replace(":", "_").replace("/", "_") / name if out_dir else None
            for article_id, path in data.paths.items():
                outcome = extract_file(path, backend, target, strategy, set(), cache)
                if on_article is not None:
                    on_article(backend.model_id, name, outcome)
                if outcome.extraction is None:
                    failures.append(outcome.error)
                    continue
                predictions[article_id] = outcome.extraction.records.model_dump(mode="json")
                stats = outcome.extraction.stats
                seconds += stats.seconds
                prompt += stats.prompt_tokens
                completion += stats.completion_tokens
                retries += stats.retries
                article_scores.append(score_article(outcome.extraction.records, data.gold[article_id],
                                                    data.texts[article_id], data.aliases))
            scores = aggregate(article_scores)
            scores.update(_brief_scores(predictions, data, config))
            n = len(data.paths)
            scores.update(schema_validity=len(article_scores) / n if n else 1.0,
                          # Answers read back from a recording take no model time: no figure.
                          seconds_per_article=(seconds / n if n else 0.0)
                          if getattr(backend, "timed", True) else None,
                          prompt_tokens_per_article=prompt / n if n else 0.0,
                          completion_tokens_per_article=completion / n if n else 0.0,
                          retries=retries)
            runs.append({"model": backend.model_id, "dataset": name, "scores": scores,
                         "metrics": flat_metrics(scores), "failures": failures,
                         "predictions": predictions})
    if update_recording and runs:
        backend.prune()  # type: ignore[attr-defined]
    return {"generated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "runs": runs}
