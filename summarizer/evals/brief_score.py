"""Scores of a predicted brief against the gold brief (``evals/gold/brief.json``): pure functions.

- *Claims* match one to one: same record type, same figures (``low``/``high`` of every
  field; the hedge is not compared), and the same canonical source through
  ``Aliases`` (any spelling among the predicted claim's supports may match; no source
  and an unnamed one both count as unattributed). Treaty claims have neither figures
  nor a source: they match on action, compatible date and the same actor.
- *Disagreements* match one to one: same record type and field, and at least two
  distinct figures (bounds) in common, so both name the same conflict.

Matched gold items listed under ``optional`` earn credit; missed ones cost nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from summarizer.brief import Brief, Claim, Disagreement, dates_compatible
from summarizer.names import normalise_name
from summarizer.evals.gold import Aliases

__all__ = ["claims_match", "disagreements_match", "score_brief"]

T = TypeVar("T")


def _figures(claim: Claim) -> dict[str, tuple[int | None, int | None]]:
    return {name: (c.low, c.high) for name, c in claim.figures.items()}


def _sources(claim: Claim, aliases: Aliases) -> set[str | None]:
    if claim.source is None or claim.source_kind == "unnamed":
        return {None}
    names = {claim.source, *(s.source for s in claim.supports if s.source)}
    return {aliases.canonical(n) for n in names}


def claims_match(pred: Claim, gold: Claim, aliases: Aliases) -> bool:
    """Whether ``pred`` states the claim ``gold`` states (see the module docstring)."""
    if pred.record_type != gold.record_type:
        return False
    if gold.record_type == "treaty_references":
        same_actor = (pred.actor is None) == (gold.actor is None) and (
            pred.actor is None or aliases.same(pred.actor, gold.actor)
            or normalise_name(pred.actor) == normalise_name(gold.actor or ""))
        return pred.action == gold.action and dates_compatible(pred.date, gold.date) and same_actor
    if _figures(pred) != _figures(gold):
        return False
    wanted = next(iter(_sources(gold, aliases)))
    return wanted in _sources(pred, aliases)


def disagreements_match(pred: Disagreement, gold: Disagreement) -> bool:
    """Same record type and field, and at least two distinct figures in common."""
    if (pred.record_type, pred.field) != (gold.record_type, gold.field):
        return False
    bounds = {(f.count.low, f.count.high) for f in pred.figures}
    return len(bounds & {(f.count.low, f.count.high) for f in gold.figures}) >= 2


def _match(preds: Sequence[T], golds: Sequence[T],
           same: Callable[[T, T], bool]) -> list[tuple[int, int]]:
    # Greedy in gold order, then prediction order: deterministic, and exact enough for
    # keys this strict (an item rarely matches more than one on the other side).
    pairs, used = [], set()
    for j, g in enumerate(golds):
        i = next((i for i, p in enumerate(preds) if i not in used and same(p, g)), None)
        if i is not None:
            used.add(i)
            pairs.append((i, j))
    return pairs


def _rates(pairs: list[tuple[int, int]], n_pred: int, golds: Sequence[Any],
           optional: set[str]) -> dict[str, Any]:
    matched = {j for _, j in pairs}
    tp = len(pairs)
    fp = n_pred - tp
    fn = sum(1 for j, g in enumerate(golds) if j not in matched and g.id not in optional)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def score_brief(pred: Brief, gold: dict[str, Any], aliases: Aliases) -> dict[str, Any]:
    """Claim-level and disagreement-level precision, recall and F1 of ``pred``.

    ``gold`` is the gold file's content: ``{"brief": <Brief>, "optional": {"claims":
    [ids], "disagreements": [ids]}}`` (a bare Brief document is accepted too).
    ``matched`` lists (predicted id, gold id) pairs, for reports.
    """
    gold_brief = Brief.model_validate(gold.get("brief", gold))
    optional = gold.get("optional", {})
    claim_pairs = _match(pred.claims, gold_brief.claims,
                         lambda p, g: claims_match(p, g, aliases))
    dis_pairs = _match(pred.disagreements, gold_brief.disagreements, disagreements_match)
    claims = _rates(claim_pairs, len(pred.claims), gold_brief.claims, set(optional.get("claims", [])))
    disagreements = _rates(dis_pairs, len(pred.disagreements), gold_brief.disagreements,
                           set(optional.get("disagreements", [])))
    disagreements["spread_exact"] = sum(
        (pred.disagreements[i].spread.low, pred.disagreements[i].spread.high)
        == (gold_brief.disagreements[j].spread.low, gold_brief.disagreements[j].spread.high)
        for i, j in dis_pairs)
    return {"claims": claims, "disagreements": disagreements, "matched": {
        "claims": [(pred.claims[i].id, gold_brief.claims[j].id) for i, j in claim_pairs],
        "disagreements": [(pred.disagreements[i].id, gold_brief.disagreements[j].id)
                          for i, j in dis_pairs]}}
