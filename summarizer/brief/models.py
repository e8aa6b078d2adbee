"""The brief's types: claims merged across articles, their disagreements, a timeline."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from summarizer.kinds import KINDS, RECORD_TYPES
from summarizer.records import Count, PartialDate, SourceKind, StrictModel, TreatyAction

__all__ = ["Brief", "Claim", "Disagreement", "FigureField", "RecordType", "SourcedFigure", "Support",
           "TimelineEvent", "format_count"]

RecordType = Literal[RECORD_TYPES]  # type: ignore[valid-type]
FigureField = Literal[tuple(f for k in KINDS for f in k.figure_names)]  # type: ignore[valid-type]


class Support(StrictModel):
    """One article's statement of a claim: its evidence and the source as that article names it."""

    article_id: str
    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    source: str | None = None
    via: str | None = None


class Claim(StrictModel):
    """Equivalent records from one or more articles; fields not of its type stay null."""

    id: str
    record_type: RecordType
    figures: dict[FigureField, Count] = Field(default_factory=dict)
    source: str | None = Field(default=None, description="Longest spelling among the supports.")
    source_kind: SourceKind | None = None
    date: PartialDate | None = Field(
        default=None, description="Deployment start, casualty as_of or treaty date (most precise).")
    end: PartialDate | None = None
    force: str | None = None
    destination: str | None = None
    cumulative: bool | None = None
    role: str | None = None
    treaty: str | None = None
    action: TreatyAction | None = None
    actor: str | None = None
    parties: list[str] = Field(default_factory=list)
    supports: list[Support] = Field(min_length=1)


class SourcedFigure(StrictModel):
    """One claim's figure inside a disagreement."""

    claim_id: str
    source: str | None
    count: Count
    date: PartialDate | None = None
    article_ids: list[str]


class Disagreement(StrictModel):
    """Different figures for one quantity (one field of one group) from different sources."""

    id: str
    record_type: Literal["troop_deployments", "casualty_estimates"]
    subject: str = Field(description="The force, or the wave and where it went.")
    field: FigureField
    date: PartialDate | None = None
    figures: list[SourcedFigure] = Field(min_length=2)
    spread: Count = Field(description="Lowest stated bound to highest stated bound.")
    ranges_overlap: bool = Field(description="Every stated range shares a value: wording differs, "
                                             "the figures need not conflict.")


class TimelineEvent(StrictModel):
    """A deployment wave (or running total) or a treaty event, for the timeline."""

    date: PartialDate | None = None
    end: PartialDate | None = None
    kind: Literal["deployment_wave", "deployment_total", "treaty"]
    label: str
    claim_ids: list[str]


class Brief(StrictModel):
    """Claims merged across articles, their disagreements, a timeline and an opening."""

    articles: list[str]
    opening: str = ""
    opening_model: str | None = Field(default=None,
                                      description="Model that wrote the opening; null: template.")
    claims: list[Claim] = Field(default_factory=list)
    disagreements: list[Disagreement] = Field(default_factory=list)
    timeline: list[TimelineEvent] = Field(default_factory=list)


def format_count(count: Count, *, words: bool = False) -> str:
    """A Count as text: "2,150", "~2,150", "≥2,150", "≤2,150", "2,000–2,500".

    ``words`` gives "about 2,150", "at least 2,150", "up to 2,150", "2,000 to 2,500".
    """
    low = f"{count.low:,}" if count.low is not None else None
    high = f"{count.high:,}" if count.high is not None else None
    approx = ("about " if words else "~") if count.approximate else ""
    if low == high:
        return f"{approx}{low}"
    if high is None:
        return f"{'at least ' if words else '≥'}{approx if words else ''}{low}"
    if low is None:
        return f"{'up to ' if words else '≤'}{approx if words else ''}{high}"
    return f"{approx}{low}{' to ' if words else '–'}{high}"
