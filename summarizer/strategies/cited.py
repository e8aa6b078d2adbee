"""The ``cited`` strategy, for small local models: the program finds, the model reads.

The program picks the sentences that can hold a record and labels their figures
(``cited_plan``); the model answers short reading questions about one cited sentence
at a time, all sharing the system-and-article prefix so llama.cpp evaluates only each
question's tail; the answers and the program's figures become records
(``cited_records``). Evidence is the cited sentence's span, and every figure is the
text's own number phrase, so no number can be invented.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from summarizer.article import Article
from summarizer.backends.base import Backend
from summarizer.chunking import LOCAL_MAX_CHARS, LOCAL_OVERLAP, chunk_article, merge_records
from summarizer.errors import StructuredError
from summarizer.kinds import RECORD_TYPES
from summarizer.prompts import load_prompt
from summarizer.records import ArticleRecords
from summarizer.strategies.base import StrategyRun
from summarizer.strategies.cited_plan import (
    facts_model,
    facts_question,
    messages_for,
    plan,
    summary_model,
    treaty_model,
    treaty_question,
)
from summarizer.strategies.cited_records import build_records, merge_follow_ups
from summarizer.strategies.cited_treaties import without_restatements
from summarizer.structured import structured_call

__all__ = ["SUMMARY_MAX_TOKENS", "CitedStrategy"]

# About 70 words: room for the 2 short sentences asked for. Small models often run on,
# copying the article out; each token past this would cost a decode step, so the
# answer is cut here and trimmed to its whole sentences.
SUMMARY_MAX_TOKENS = 96


class CitedStrategy:
    """Reading questions per cited sentence; a long article is read in overlapping windows."""

    name = "cited"

    def run(self, article: Article, backend: Backend, run: StrategyRun) -> dict[str, Any]:
        retries = 1 if run.max_retries is None else run.max_retries
        return _cited_chunked(article, backend, run.published, run, retries)


def _cited_chunked(article: Article, backend: Backend, published: str | None, result: StrategyRun,
                   retries: int) -> dict[str, Any]:
    """``_cited`` over the whole article, or over overlapping windows when it is too long.

    The local model's context holds about 8,000 characters of numbered article
    besides the prompt; a longer article is read window by window (each window
    answers for its own sentences) and the records merged without duplicates.
    """
    if len(article.numbered()) <= LOCAL_MAX_CHARS:
        return _cited(article, backend, published, result, {"article": article}, retries)
    chunks = chunk_article(article, LOCAL_MAX_CHARS, LOCAL_OVERLAP)
    parts = []
    for chunk in chunks:
        warnings_before = len(result.warnings)
        fields = _cited(chunk.article, backend, published, result, {"article": chunk.article},
                        retries, only=chunk.owned_indices, with_summary=chunk.index == 0)
        result.warnings[warnings_before:] = [f"chunk {chunk.index + 1}/{len(chunks)}: {w}"
                                             for w in result.warnings[warnings_before:]]
        parts.append(ArticleRecords.model_validate({
            "article_id": article.article_id, "published": published,
            **{k: [r.model_dump() for r in v] if isinstance(v, list) else v for k, v in fields.items()}}))
    merged = merge_records(parts)
    return {"summary": merged.summary, **{name: getattr(merged, name) for name in RECORD_TYPES}}


def _cited(article: Article, backend: Backend, published: str | None, result: StrategyRun,
           context: dict[str, Any], retries: int, only: frozenset[int] | None = None,
           with_summary: bool = True) -> dict[str, Any]:
    ref = dt.date.fromisoformat(published) if published else None
    fields: dict[str, Any] = {name: [] for name in RECORD_TYPES}
    for task in plan(article):
        if only is not None and task.sentence.index not in only:
            continue
        facts = treaty = None
        where = f"sentence [{task.sentence.index}]"
        if task.asks_facts:
            try:
                facts = structured_call(
                    backend, messages_for(article, facts_question(task)),
                    facts_model(task), context=context, max_retries=retries,
                    max_tokens=160, stats=result.stats)
            except StructuredError as exc:
                # Figures and attribution come from the text, so the records stand; the
                # model's reading (back-references, places, dates) is lost.
                result.warnings.append(f"{where}: model's reading dropped, {exc}")
        if task.treaty:
            try:
                treaty = structured_call(
                    backend, messages_for(article, treaty_question(task)),
                    treaty_model(), context=context,
                    max_retries=retries, max_tokens=200, stats=result.stats)
            except StructuredError as exc:
                result.warnings.append(f"{where}: treaty reference dropped, {exc}")
        earlier = fields["treaty_references"][-1] if fields["treaty_references"] else None
        for name, records in build_records(task, facts, treaty, article, ref, earlier).items():
            fields[name].extend(records)
    for name in fields:
        fields[name] = _unique(fields[name])
    fields["casualty_estimates"] = merge_follow_ups(fields["casualty_estimates"], article)
    fields["treaty_references"] = without_restatements(fields["treaty_references"])
    # An unsized new wave is usually restated through the article: it is one claim.
    unsized = [d for d in fields["troop_deployments"] if d.troops is None]
    fields["troop_deployments"] = [d for d in fields["troop_deployments"]
                                   if d.troops is not None or d is unsized[0]]
    if not with_summary:
        fields["summary"] = ""
        return fields
    try:
        answer = structured_call(backend, messages_for(article, load_prompt("summary").body),
                                 summary_model(), context=context, max_retries=retries,
                                 max_tokens=SUMMARY_MAX_TOKENS, stats=result.stats,
                                 keep_truncated=True)
        fields["summary"] = answer.summary  # trimmed to whole sentences by its validator
    except StructuredError as exc:
        # An extractive lead is always faithful: better than no summary.
        result.warnings.append(f"summary: fell back to the lead sentences, {exc}")
        fields["summary"] = " ".join(s.text for s in article.sentences[:2])
    return fields


def _unique(records: list[Any]) -> list[Any]:
    """The same claim stated twice in an article is one record (the first statement)."""
    seen, out = set(), []
    for record in records:
        key = record.model_dump_json(exclude={"evidence"}).lower()
        if key not in seen:
            seen.add(key)
            out.append(record)
    return out
