"""The typed records written for each article.

These field names are a public contract: the eval suite, the brief and outside
consumers read them. Every model is strict (``extra="forbid"``) so that a
misspelt key is an error, not a silently dropped value.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "ArticleRecords",
    "CasualtyEstimate",
    "Count",
    "Evidence",
    "PartialDate",
    "Source",
    "SourceKind",
    "StrictModel",
    "TreatyAction",
    "TreatyReference",
    "TroopDeployment",
]

_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _check_partial_date(value: str) -> str:
    if not _PARTIAL_DATE.match(value):
        raise ValueError(f"not a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    return value


PartialDate = Annotated[
    str,
    AfterValidator(_check_partial_date),
    Field(
        pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$",
        description="Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD.",
    ),
]

SourceKind = Literal[
    "intelligence_agency", "government", "military", "head_of_state", "media", "analyst", "unnamed"
]
TreatyAction = Literal[
    "signed", "ratified", "invoked", "suspended", "withdrawn", "acceded", "anniversary", "mentioned"
]


class StrictModel(BaseModel):
    """A model whose unknown keys are errors, not silently dropped values."""

    model_config = ConfigDict(extra="forbid")


class Count(StrictModel):
    """A figure as the article states it: bounds plus whether it is approximate.

    "over 10,000" -> low 10000, high None; "up to 12,000" -> low None, high 12000;
    "some 11,000" -> 11000/11000 approximate.
    """

    low: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    approximate: bool = False

    @model_validator(mode="after")
    def _bounds(self) -> Count:
        if self.low is None and self.high is None:
            raise ValueError("a Count needs at least one bound")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        return self


class Source(StrictModel):
    """Who a figure or claim is attributed to, and who relayed it."""

    name: str = Field(min_length=1, description="As the article attributes it.")
    via: str | None = Field(default=None, description="Outlet or intermediary that relayed it.")
    kind: SourceKind


class Evidence(StrictModel):
    """A verbatim quote and its character offsets into the article text.

    Offsets are computed by the program (see ``summarizer.grounding``), never
    taken from the model.
    """

    quote: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _span(self) -> Evidence:
        if self.end - self.start != len(self.quote):
            raise ValueError("evidence span length does not match the quote")
        return self


class TroopDeployment(StrictModel):
    """One wave of troops sent, or a running total (``cumulative``)."""

    troops: Count | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    destination: str | None = None
    role: str | None = None
    cumulative: bool = False
    source: Source | None = None
    evidence: Evidence


class CasualtyEstimate(StrictModel):
    """Casualty figures for one force, with the source they are attributed to."""

    force: str = Field(min_length=1)
    killed: Count | None = None
    wounded: Count | None = None
    killed_or_wounded: Count | None = None
    captured: Count | None = None
    as_of: PartialDate | None = None
    source: Source | None = None
    evidence: Evidence


class TreatyReference(StrictModel):
    """A treaty named or described in the article, and what was done with it."""

    treaty: str = Field(min_length=1, description="Name as written.")
    parties: list[str] = Field(default_factory=list)
    action: TreatyAction
    actor: str | None = None
    date: PartialDate | None = None
    provisions: str | None = None
    evidence: Evidence


class ArticleRecords(StrictModel):
    """Everything extracted from one article."""

    article_id: str = Field(min_length=1)
    published: PartialDate | None = None
    summary: str = ""
    troop_deployments: list[TroopDeployment] = Field(default_factory=list)
    casualty_estimates: list[CasualtyEstimate] = Field(default_factory=list)
    treaty_references: list[TreatyReference] = Field(default_factory=list)
