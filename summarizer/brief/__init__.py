"""The brief across articles: equivalent records merged into claims, conflicts found, an opening.

- ``models``: the types (``Brief``, ``Claim``, ``Disagreement``, ...);
- ``merge``: records -> claims, disagreements, timeline (deterministic, no prose);
- ``opening``: the opening sentences, a template or a model held to the claims' figures;
- ``render``: Markdown, a self-contained HTML page, and writing them (imported on demand).
"""

from __future__ import annotations

from typing import Any

from summarizer.brief.merge import dates_compatible, merge_brief, source_keys
from summarizer.brief.models import (
    Brief,
    Claim,
    Disagreement,
    FigureField,
    RecordType,
    SourcedFigure,
    Support,
    TimelineEvent,
    format_count,
)
from summarizer.brief.opening import opening
from summarizer.records import ArticleRecords

__all__ = ["Brief", "Claim", "Disagreement", "FigureField", "RecordType", "SourcedFigure", "Support",
           "TimelineEvent", "brief_opening", "build_brief", "dates_compatible", "format_count",
           "merge_brief", "source_keys"]


def build_brief(records: list[ArticleRecords]) -> Brief:
    """Merged claims, disagreements and timeline of ``records``, with the template opening.

    Deterministic: the same records, in any order, give the same brief.
    ``summarizer.brief.render.write_brief`` can have a model write the opening instead.
    """
    brief = merge_brief(records)
    brief.opening = opening(brief)
    return brief


def brief_opening(brief: Brief, backend: Any = None) -> str:
    """Two or three opening sentences; every figure in them appears in some claim.

    Without a backend: a deterministic template. With a ``summarizer.backends.Backend``: the
    model writes it (re-asked while it cites a figure found in no claim), and the template
    is used if it never gets it right. See ``summarizer.brief.opening``.
    """
    return opening(brief, backend)
