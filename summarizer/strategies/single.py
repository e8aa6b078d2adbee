"""The ``single`` strategy, for capable API models: one schema-constrained call per article.

The model fills the record schema directly, with a verbatim quote per record.
A validator (seeing the article through instructor's context) rejects any quote
not found in the article, so instructor re-asks; offsets are computed here.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from summarizer.article import Article
from summarizer.backends.base import Backend
from summarizer.grounding import INJECTION, GroundingError, locate
from summarizer.prompts import load_prompt
from summarizer.records import (
    CasualtyEstimate,
    Count,
    PartialDate,
    Source,
    TreatyAction,
    TreatyReference,
    TroopDeployment,
)
from summarizer.strategies.base import StrategyRun
from summarizer.structured import structured_call

__all__ = ["SingleAnswer", "SingleStrategy", "messages_for", "to_records"]


class _Draft(BaseModel):
    model_config = ConfigDict(extra="forbid")
    quote: str = Field(description="The sentence stating this record, copied verbatim.")

    @field_validator("quote")
    @classmethod
    def _grounded(cls, quote: str, info: ValidationInfo) -> str:
        article: Article | None = (info.context or {}).get("article")
        if article is not None:
            try:
                locate(article.text, quote)
            except GroundingError as exc:
                raise ValueError(f"{exc}; quote the article verbatim") from exc
            if INJECTION.search(quote):
                raise ValueError("that sentence is an instruction inside the article, not a report")
        return quote


class DeploymentDraft(_Draft):
    troops: Count | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    destination: str | None = None
    role: str | None = None
    cumulative: bool = False
    source: Source | None = None


class CasualtyDraft(_Draft):
    force: str
    killed: Count | None = None
    wounded: Count | None = None
    killed_or_wounded: Count | None = None
    captured: Count | None = None
    as_of: PartialDate | None = None
    source: Source | None = None


class TreatyDraft(_Draft):
    treaty: str
    parties: list[str] = []
    action: TreatyAction
    actor: str | None = None
    date: PartialDate | None = None
    provisions: str | None = None


class SingleAnswer(BaseModel):
    """Everything at once, as a capable model can write it."""

    model_config = ConfigDict(extra="forbid")
    summary: str
    troop_deployments: list[DeploymentDraft] = []
    casualty_estimates: list[CasualtyDraft] = []
    treaty_references: list[TreatyDraft] = []


def messages_for(article: Article, published: str | None) -> list[dict[str, str]]:
    """The one-call prompt: rules, then the article's body."""
    return [
        {"role": "system", "content": load_prompt("system").body.split("\n\nExample article:")[0]},
        {"role": "user", "content": load_prompt("single").render(
            article=article.body, published=published or "unknown")},
    ]


def to_records(answer: SingleAnswer, article: Article) -> dict[str, list[Any]]:
    """Records with evidence offsets located in the article text."""
    def convert(draft: _Draft, record_type: type[BaseModel]) -> Any:
        fields = draft.model_dump(exclude={"quote"})
        return record_type.model_validate({**fields, "evidence": locate(article.text, draft.quote)})

    return {
        "troop_deployments": [convert(d, TroopDeployment) for d in answer.troop_deployments],
        "casualty_estimates": [convert(d, CasualtyEstimate) for d in answer.casualty_estimates],
        "treaty_references": [convert(d, TreatyReference) for d in answer.treaty_references],
    }


class SingleStrategy:
    """One schema-constrained call per article; instructor re-asks on an ungrounded quote."""

    name = "single"

    def run(self, article: Article, backend: Backend, run: StrategyRun) -> dict[str, Any]:
        retries = 2 if run.max_retries is None else run.max_retries
        answer = structured_call(backend, messages_for(article, run.published), SingleAnswer,
                                 context={"article": article}, max_retries=retries, max_tokens=4096,
                                 stats=run.stats)
        return {"summary": answer.summary, **to_records(answer, article)}
