"""The scorer's figures as deepeval metrics, so ``deepeval test run evals/`` and pytest both gate.

One test case is one (model, dataset) run: ``actual_output`` holds the
predictions as JSON (article id -> records) and ``metadata`` names
the dataset, whose gold the metric scores against with the pure scorer.
Nothing here calls a model: these metrics run offline.
"""

from __future__ import annotations

import json
import os
from typing import Any

os.environ.setdefault("DEEPEVAL_TELEMETRY_OPT_OUT", "YES")

from deepeval.metrics import BaseMetric  # noqa: E402
from deepeval.test_case import LLMTestCase  # noqa: E402

from summarizer.evals.gold import Dataset  # noqa: E402
from summarizer.evals.scorer import aggregate, score_article  # noqa: E402
from summarizer.records import ArticleRecords  # noqa: E402

__all__ = ["ScoreMetric", "metrics_for", "run_test_case"]


def run_test_case(run: dict[str, Any], dataset: Dataset) -> LLMTestCase:
    """The deepeval test case of one evaluation run (see ``summarizer.evals.runner``)."""
    return LLMTestCase(
        name=f"{run['model']} on {run['dataset']}",
        input=f"{len(dataset.paths)} articles of {dataset.name}",
        actual_output=json.dumps(run["predictions"]),
        expected_output=json.dumps(sorted(dataset.gold)),
        metadata={"articles": len(dataset.paths), "failures": run["failures"]},
    )


class ScoreMetric(BaseMetric):
    """One headline figure of the scorer, held to a threshold (``lower_is_better`` for counts)."""

    def __init__(self, name: str, dataset: Dataset, threshold: float, lower_is_better: bool = False):
        self.figure = name
        self.dataset = dataset
        self.threshold = threshold
        self.lower_is_better = lower_is_better
        self.async_mode = False
        self.include_reason = True
        self.evaluation_model = None

    def _figures(self, test_case: LLMTestCase) -> dict[str, Any]:
        predictions = json.loads(test_case.actual_output or "{}")
        scores = [score_article(ArticleRecords.model_validate(predictions[a]), self.dataset.gold[a],
                                self.dataset.texts[a], self.dataset.aliases)
                  for a in self.dataset.gold if a in predictions]
        figures = aggregate(scores)
        figures.update({f"f1.{k}": v["f1"] for k, v in figures["types"].items()})
        articles = (test_case.metadata or {}).get("articles") or len(self.dataset.gold)
        figures["schema_validity"] = len(scores) / articles
        return figures

    def measure(self, test_case: LLMTestCase, *args: Any, **kwargs: Any) -> float:
        value = self._figures(test_case)[self.figure]
        self.score = float(value if value is not None else 0.0)
        ok = self.score <= self.threshold if self.lower_is_better else self.score >= self.threshold
        self.success = bool(ok)
        self.reason = f"{self.figure} = {self.score:.3f} ({'≤' if self.lower_is_better else '≥'} {self.threshold} required)"
        return self.score

    async def a_measure(self, test_case: LLMTestCase, *args: Any, **kwargs: Any) -> float:
        return self.measure(test_case)

    def is_successful(self) -> bool:
        return bool(self.success)

    @property
    def __name__(self) -> str:  # deepeval reads the metric's name here
        return f"summarizer {self.figure}"


def metrics_for(thresholds: dict[str, float], dataset: Dataset) -> list[ScoreMetric]:
    """The metrics a model's thresholds (``evals/config.toml``) ask for."""
    metrics = []
    for key, value in thresholds.items():
        if key == "f1":
            metrics += [ScoreMetric(f"f1.{k}", dataset, value) for k in
                        ("troop_deployments", "casualty_estimates", "treaty_references")]
        elif key == "invented_numbers":
            metrics.append(ScoreMetric(key, dataset, value, lower_is_better=True))
        else:
            metrics.append(ScoreMetric(key, dataset, value))
    return metrics
