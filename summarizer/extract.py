"""Article text in, validated and grounded records out.

read article -> build prompt -> backend call -> validated records -> grounding.
The strategy decides how the model is asked (``cited`` for small local models,
``single`` for capable API models); both end in the same ``ArticleRecords``,
whose evidence is checked against the text before it is returned.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from summarizer.article import Article
from summarizer.backends import DEFAULT_MODEL, Backend, get_backend
from summarizer.chunking import LOCAL_MAX_CHARS, LOCAL_OVERLAP, chunk_article, merge_records
from summarizer.dates import parse_published
from summarizer.grounding import evidence_errors
from summarizer.prompts import load_prompt
from summarizer.records import ArticleRecords
from summarizer.strategies import cited, single
from summarizer.structured import CallStats, StructuredError, structured_call

__all__ = ["STRATEGIES", "Extraction", "ExtractionError", "extract", "summarize_article"]

STRATEGIES = ("cited", "single")
# About 70 words: room for the 2 short sentences asked for. Small models often run on,
# copying the article out; each token past this would cost a decode step, so the
# answer is cut here and trimmed to its whole sentences.
SUMMARY_MAX_TOKENS = 96
_PASSES = (("deployments", "troop_deployments"), ("casualties", "casualty_estimates"),
           ("treaties", "treaty_references"))


class ExtractionError(RuntimeError):
    """An article could not be turned into grounded records."""


@dataclass
class Extraction:
    """Records for one article plus what it cost and anything worth a warning."""

    records: ArticleRecords
    model_id: str
    strategy: str
    stats: CallStats = field(default_factory=CallStats)
    warnings: list[str] = field(default_factory=list)


def default_strategy(backend: Backend) -> str:
    """``single`` for remote API models, ``cited`` for everything local."""
    return "single" if backend.model_id.startswith("openai:") else "cited"


def extract(article: Article, backend: Backend, *, strategy: str | None = None,
            max_retries: int | None = None) -> Extraction:
    """Extract every record type from ``article`` with ``backend``."""
    strategy = strategy or default_strategy(backend)
    if strategy not in STRATEGIES:
        raise ExtractionError(f"unknown strategy {strategy!r}; choose from {', '.join(STRATEGIES)}")
    if not article.sentences:
        raise ExtractionError("no article body found (no prose paragraphs)")
    published = parse_published(article.text)
    result = Extraction(ArticleRecords(article_id=article.article_id, published=published),
                        backend.model_id, strategy)
    context = {"article": article}
    if strategy == "single":
        retries = 2 if max_retries is None else max_retries
        answer = structured_call(backend, single.messages_for(article, published), single.SingleAnswer,
                                 context=context, max_retries=retries, max_tokens=4096,
                                 stats=result.stats)
        fields: dict[str, Any] = {"summary": answer.summary, **single.to_records(answer, article)}
    else:
        fields = _cited_chunked(article, backend, published, result,
                                1 if max_retries is None else max_retries)
    result.records = ArticleRecords.model_validate(
        {**result.records.model_dump(), **{k: [r.model_dump() for r in v] if isinstance(v, list)
                                           else v for k, v in fields.items()}})
    problems = evidence_errors(result.records, article.text)
    if problems:  # a bug, not a model error: never write ungrounded evidence
        raise ExtractionError("evidence not grounded: " + "; ".join(problems))
    return result


def _cited_chunked(article: Article, backend: Backend, published: str | None, result: Extraction,
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
    return {"summary": merged.summary, **{name: getattr(merged, name) for _, name in _PASSES}}


def _cited(article: Article, backend: Backend, published: str | None, result: Extraction,
           context: dict[str, Any], retries: int, only: frozenset[int] | None = None,
           with_summary: bool = True) -> dict[str, Any]:
    ref = dt.date.fromisoformat(published) if published else None
    fields: dict[str, Any] = {name: [] for _, name in _PASSES}
    for task in cited.plan(article):
        if only is not None and task.sentence.index not in only:
            continue
        facts = treaty = None
        where = f"sentence [{task.sentence.index}]"
        if task.asks_facts:
            try:
                facts = structured_call(
                    backend, cited.messages_for(article, cited.facts_question(task)),
                    cited.facts_model(task), context=context, max_retries=retries,
                    max_tokens=160, stats=result.stats)
            except StructuredError as exc:
                # Figures and attribution come from the text, so the records stand; the
                # model's reading (back-references, places, dates) is lost.
                result.warnings.append(f"{where}: model's reading dropped, {exc}")
        if task.treaty:
            try:
                treaty = structured_call(
                    backend, cited.messages_for(article, cited.treaty_question(task)),
                    cited.treaty_model(), context=context,
                    max_retries=retries, max_tokens=200, stats=result.stats)
            except StructuredError as exc:
                result.warnings.append(f"{where}: treaty reference dropped, {exc}")
        for name, records in cited.build_records(task, facts, treaty, article, ref).items():
            fields[name].extend(records)
    for name in fields:
        fields[name] = _unique(fields[name])
    # An unsized new wave is usually restated through the article: it is one claim.
    unsized = [d for d in fields["troop_deployments"] if d.troops is None]
    fields["troop_deployments"] = [d for d in fields["troop_deployments"]
                                   if d.troops is not None or d is unsized[0]]
    if not with_summary:
        fields["summary"] = ""
        return fields
    try:
        answer = structured_call(backend, cited.messages_for(article, load_prompt("summary").body),
                                 cited.summary_model(), context=context, max_retries=retries,
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


def summarize_article(text: str, *, article_id: str = "article", model: str | Backend = DEFAULT_MODEL,
                      strategy: str | None = None, base_url: str | None = None) -> ArticleRecords:
    """Typed, evidence-grounded records for one article's text.

    ``model`` is a ``provider:model`` string (``local:qwen2.5-1.5b``,
    ``openai:gpt-4o-mini``, ``replay:folder``) or a backend object.
    """
    backend = get_backend(model, base_url=base_url)
    return extract(Article.from_text(article_id, text), backend, strategy=strategy).records
