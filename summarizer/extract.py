"""Article text in, validated and grounded records out.

read article -> build prompt -> backend call -> validated records -> grounding.
The strategy decides how the model is asked (``cited`` for small local models,
``single`` for capable API models); both end in the same ``ArticleRecords``,
whose evidence is checked against the text before it is returned.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer.article import Article
from summarizer.backends import DEFAULT_MODEL, Backend, get_backend
from summarizer.dates import parse_published
from summarizer.errors import ExtractionError
from summarizer.grounding import evidence_errors
from summarizer.records import ArticleRecords
from summarizer.strategies.base import StrategyRun, get_strategy, strategy_names
from summarizer.structured import CallStats

__all__ = ["Extraction", "ExtractionError", "default_strategy", "extract", "strategy_names",
           "summarize_article"]


@dataclass
class Extraction:
    """Records for one article plus what it cost and anything worth a warning."""

    records: ArticleRecords
    model_id: str
    strategy: str
    stats: CallStats = field(default_factory=CallStats)
    warnings: list[str] = field(default_factory=list)


def default_strategy(backend: Backend) -> str:
    """The strategy the backend declares it answers best."""
    return backend.preferred_strategy


def extract(article: Article, backend: Backend, *, strategy: str | None = None,
            max_retries: int | None = None) -> Extraction:
    """Extract every record type from ``article`` with ``backend``."""
    strategy = strategy or default_strategy(backend)
    chosen = get_strategy(strategy)
    if not article.sentences:
        raise ExtractionError("no article body found (no prose paragraphs)")
    published = parse_published(article.text)
    result = Extraction(ArticleRecords(article_id=article.article_id, published=published),
                        backend.model_id, strategy)
    run = StrategyRun(published=published, max_retries=max_retries, stats=result.stats,
                      warnings=result.warnings)
    fields = chosen.run(article, backend, run)
    result.records = ArticleRecords.model_validate(
        {**result.records.model_dump(), **{k: [r.model_dump() for r in v] if isinstance(v, list)
                                           else v for k, v in fields.items()}})
    problems = evidence_errors(result.records, article.text)
    if problems:  # a bug, not a model error: never write ungrounded evidence
        raise ExtractionError("evidence not grounded: " + "; ".join(problems))
    return result


def summarize_article(text: str, *, article_id: str = "article", model: str | Backend = DEFAULT_MODEL,
                      strategy: str | None = None, base_url: str | None = None) -> ArticleRecords:
    """Typed, evidence-grounded records for one article's text.

    ``model`` is a ``provider:model`` string (``local:qwen2.5-1.5b``,
    ``openai:gpt-4o-mini``, ``replay:folder``) or a backend object.
    """
    backend = get_backend(model, base_url=base_url)
    return extract(Article.from_text(article_id, text), backend, strategy=strategy).records
