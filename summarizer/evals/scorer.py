"""Field-level scores of predicted records against gold: pure functions, no I/O.

Records are matched one to one per type, by figures first, then source, then
evidence overlap. Matched gold records marked optional earn credit; missed ones
cost nothing. On matched pairs each field is checked under the gold rules
(Counts exact, dates at the precision gold gives, sources through aliases).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from summarizer.evals.gold import RECORD_TYPES, Aliases, GoldArticle
from summarizer.names import normalise_name
from summarizer.kinds import FIGURE_FIELDS, KIND, KINDS
from summarizer.numbers import find_number_phrases
from summarizer.records import ArticleRecords, Count

__all__ = ["ArticleScore", "TypeScore", "aggregate", "invented_numbers", "match_records",
           "score_article"]

_SHARES = (1 / 2, 1 / 3, 2 / 3, 1 / 4, 3 / 4)


def _bounds(count: Count | None) -> tuple[int | None, int | None] | None:
    return None if count is None else (count.low, count.high)


def _figures(record: Any, kind: str) -> dict[str, tuple[int | None, int | None] | None]:
    return {f: _bounds(getattr(record, f)) for f in FIGURE_FIELDS[kind]}


def _overlap(a: Any, b: Any) -> bool:
    return a.evidence.start < b.evidence.end and b.evidence.start < a.evidence.end


def _similar(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    x, y = normalise_name(a), normalise_name(b)
    if not x or not y:
        return x == y
    if x in y or y in x:
        return True
    tx, ty = set(x.split()), set(y.split())
    return len(tx & ty) / len(tx | ty) >= 0.5


def _date_ok(pred: str | None, gold: str | None) -> bool:
    if gold is None:
        return pred is None
    return pred is not None and len(pred) >= len(gold) and pred[: len(gold)] == gold


def _source_name(record: Any) -> str | None:
    return record.source.name if getattr(record, "source", None) else None


def _pair_score(pred: Any, gold: Any, kind: str, aliases: Aliases) -> float | None:
    """How well ``pred`` fits ``gold``; None when they cannot be the same record."""
    pf, gf = _figures(pred, kind), _figures(gold, kind)
    same_source = aliases.same(_source_name(pred), _source_name(gold))
    overlap = _overlap(pred, gold)
    if kind == "troop_deployments":
        if pf["troops"] != gf["troops"]:
            return None
        if gf["troops"] is None and not (same_source or overlap):
            return None
    elif kind == "casualty_estimates":
        shared = {(f, v) for f, v in pf.items() if v is not None} & {
            (f, v) for f, v in gf.items() if v is not None}
        if not shared:
            return None
    elif not (overlap or _similar(pred.treaty, gold.treaty)):
        return None
    return 2.0 * (pf == gf) + 1.0 * same_source + 0.5 * overlap


def match_records(preds: list[Any], golds: list[Any], kind: str,
                  aliases: Aliases) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs, best-scoring pairs taken first."""
    candidates = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            score = _pair_score(p, g, kind, aliases)
            if score is not None:
                candidates.append((-score, i, j))
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _field_checks(pred: Any, gold: Any, kind: str, aliases: Aliases) -> dict[str, bool]:
    checks = {f"count.{f}": _bounds(getattr(pred, f)) == _bounds(getattr(gold, f))
              for f in FIGURE_FIELDS[kind]}
    if KIND[kind].sourced:
        ps, gs = pred.source, gold.source
        checks["source.name"] = aliases.same(_source_name(pred), _source_name(gold))
        checks["source.via"] = aliases.same(ps.via if ps else None, gs.via if gs else None)
        checks["source.kind"] = (ps.kind if ps else None) == (gs.kind if gs else None)
    compare = {"date": _date_ok, "similar": _similar, "equal": lambda a, b: a == b,
               "names": lambda a, b: {normalise_name(p) for p in a} == {normalise_name(p) for p in b}}
    for name, how in KIND[kind].checks.items():
        checks[name] = compare[how](getattr(pred, name), getattr(gold, name))
    if kind == "treaty_references":  # an actor may be a source's other spelling
        checks["actor"] = checks["actor"] or aliases.same(pred.actor, gold.actor)
    return checks


def invented_numbers(record: Any, kind: str, text: str) -> list[int]:
    """Figures of ``record`` found neither in the article nor derivable as a share of one."""
    stated: set[int] = set()
    for phrase in find_number_phrases(text):
        stated |= {v for v in (phrase.count.low, phrase.count.high) if v is not None}
    stated |= {int(d.replace(",", "")) for d in re.findall(r"\d[\d,]*", text) if d.replace(",", "")}
    bad = []
    for name in FIGURE_FIELDS[kind]:
        count = getattr(record, name)
        for value in (count.low, count.high) if count else ():
            if value is None or value in stated:
                continue
            if count.approximate and any(round(n * s) == value for n in stated for s in _SHARES):
                continue
            bad.append(value)
    return bad


@dataclass
class TypeScore:
    """Counts for one record type (summed over articles before rates are taken)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    field_right: dict[str, int] = field(default_factory=dict)
    field_total: dict[str, int] = field(default_factory=dict)
    counts_right: int = 0
    attribution_right: int = 0

    def add(self, other: TypeScore) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.counts_right += other.counts_right
        self.attribution_right += other.attribution_right
        for k, v in other.field_right.items():
            self.field_right[k] = self.field_right.get(k, 0) + v
        for k, v in other.field_total.items():
            self.field_total[k] = self.field_total.get(k, 0) + v

    def rates(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f1, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "count_accuracy": self.counts_right / self.tp if self.tp else None,
                "attribution_accuracy": self.attribution_right / self.tp if self.tp else None,
                "fields": {k: self.field_right[k] / n for k, n in sorted(self.field_total.items()) if n}}


@dataclass
class ArticleScore:
    """Scores of one article's prediction."""

    article_id: str
    types: dict[str, TypeScore]
    records: int = 0
    grounded: int = 0
    invented: int = 0


def score_article(pred: ArticleRecords, gold: GoldArticle, text: str, aliases: Aliases) -> ArticleScore:
    """Match and score every record type of one article."""
    score = ArticleScore(pred.article_id, {k: TypeScore() for k in RECORD_TYPES})
    for kind in RECORD_TYPES:
        preds, golds = getattr(pred, kind), getattr(gold.records, kind)
        pairs = match_records(preds, golds, kind, aliases)
        ts = score.types[kind]
        matched_gold = {j for _, j in pairs}
        ts.tp = len(pairs)
        ts.fp = len(preds) - len(pairs)
        ts.fn = sum(1 for j in range(len(golds)) if j not in matched_gold and j not in gold.optional[kind])
        for i, j in pairs:
            checks = _field_checks(preds[i], golds[j], kind, aliases)
            for name, ok in checks.items():
                ts.field_total[name] = ts.field_total.get(name, 0) + 1
                ts.field_right[name] = ts.field_right.get(name, 0) + ok
            counts_ok = all(ok for n, ok in checks.items() if n.startswith("count."))
            ts.counts_right += counts_ok
            ts.attribution_right += counts_ok and checks.get("source.name", True)
        for record in preds:
            score.records += 1
            ev = record.evidence
            score.grounded += text[ev.start:ev.end] == ev.quote
            score.invented += bool(invented_numbers(record, kind, text))
    return score


def aggregate(scores: list[ArticleScore]) -> dict[str, Any]:
    """Micro-averaged rates over articles: per type, plus grounding and invented numbers."""
    totals = {k: TypeScore() for k in RECORD_TYPES}
    for s in scores:
        for k in RECORD_TYPES:
            totals[k].add(s.types[k])
    records = sum(s.records for s in scores)
    sourced = [k.name for k in KINDS if k.sourced]
    # Count accuracy only where a match does not already require equal figures (a troop match
    # does): on casualty records, a match needs one shared figure and the others may differ.
    counted = [k.name for k in KINDS if k.figures and not k.matched_on_figures]
    matched = sum(totals[k].tp for k in sourced)
    counted_matches = sum(totals[k].tp for k in counted)
    return {
        "types": {k: totals[k].rates() for k in RECORD_TYPES},
        "count_accuracy": (sum(totals[k].counts_right for k in counted) / counted_matches)
        if counted_matches else None,
        "attribution_accuracy": (sum(totals[k].attribution_right for k in sourced) / matched)
        if matched else None,
        "grounding_rate": sum(s.grounded for s in scores) / records if records else 1.0,
        "invented_numbers": sum(s.invented for s in scores),
        "records": records,
        "articles": len(scores),
    }
