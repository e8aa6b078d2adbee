"""summarizer: typed, evidence-grounded records from news articles.

    >>> from summarizer import summarize_article
    >>> records = summarize_article(text, article_id="wire-1")          # embedded local model
    >>> records = summarize_article(text, model="openai:gpt-4o-mini")   # any OpenAI-compatible model

Every record carries a verbatim evidence quote with character offsets into the
article, computed and checked by the program.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summarizer.brief import build_brief
    from summarizer.extract import summarize_article
    from summarizer.pipeline import RunReport, summarize_paths
    from summarizer.scale import summarize_dataset
    from summarizer.records import (
        ArticleRecords,
        CasualtyEstimate,
        Count,
        Evidence,
        Source,
        TreatyReference,
        TroopDeployment,
    )

__version__ = "0.1.0"

__all__ = [
    "ArticleRecords",
    "CasualtyEstimate",
    "Count",
    "Evidence",
    "RunReport",
    "Source",
    "TreatyReference",
    "TroopDeployment",
    "build_brief",
    "summarize_article",
    "summarize_dataset",
    "summarize_paths",
]

# Imported on first use: `import summarizer.records` stays light (no openai, no llama.cpp).
_HOME = {
    "build_brief": "summarizer.brief",
    "summarize_article": "summarizer.extract",
    "summarize_paths": "summarizer.pipeline",
    "summarize_dataset": "summarizer.scale",
    "RunReport": "summarizer.pipeline",
    **{name: "summarizer.records" for name in (
        "ArticleRecords", "CasualtyEstimate", "Count", "Evidence", "Source", "TreatyReference",
        "TroopDeployment")},
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(import_module(_HOME[name]), name)
    raise AttributeError(f"module 'summarizer' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
