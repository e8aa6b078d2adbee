"""One spec per record kind: its model, its figure fields and their words, how it merges and is scored.

Everything that walks the record kinds (extraction passes, the brief's merging and
prose, its tables, the scorer) reads them from here, so a new figure field or record
kind is added in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from pydantic import BaseModel

from summarizer.records import CasualtyEstimate, TreatyReference, TroopDeployment

__all__ = ["CASUALTY_FIELDS", "FIGURE_FIELDS", "KIND", "KINDS", "RECORD_TYPES", "TREATY_ACTION_WORDS",
           "FigureField", "RecordKind"]


@dataclass(frozen=True)
class FigureField:
    """A ``Count`` field of a record: its name, and how it reads in prose and in a table."""

    name: str
    words: str   # "2,000 killed or wounded"
    title: str   # a table column
    asked: str   # how the cited strategy tells the model what a figure counts


@dataclass(frozen=True)
class RecordKind:
    """A record type: the list it fills on ``ArticleRecords``, its model and its rules.

    ``quantity`` names the fields that say which quantity two records of this kind are about
    (the brief merges and compares only records about one quantity); ``date`` is the field
    that dates a record; ``checks`` maps each field the scorer checks on a matched pair to
    how it compares them (``date``: at gold's precision; ``similar``: normalised words;
    ``equal``; ``names``: the set of normalised names).
    """

    name: str
    model: type[BaseModel]
    label: str
    figures: tuple[FigureField, ...]
    date: str
    quantity: tuple[str, ...]
    checks: Mapping[str, str]
    sourced: bool = True
    #: A prediction matches a gold record of this kind only if all their figures are equal, so
    #: "were the figures right" says nothing about matched records of this kind.
    matched_on_figures: bool = False

    @property
    def figure_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.figures)

    def figure(self, name: str) -> FigureField:
        return next(f for f in self.figures if f.name == name)


TROOPS = FigureField("troops", "troops", "Troops", "troops sent")
_CASUALTIES = (
    FigureField("killed", "killed", "Killed", "killed"),
    FigureField("wounded", "wounded", "Wounded", "wounded"),
    FigureField("killed_or_wounded", "killed or wounded", "Killed or wounded", "killed or wounded"),
    FigureField("captured", "captured", "Captured", "captured"),
)

KINDS: tuple[RecordKind, ...] = (
    RecordKind("troop_deployments", TroopDeployment, "deployments", (TROOPS,), date="start",
               quantity=("cumulative", "start", "destination"),
               checks=MappingProxyType({"start": "date", "end": "date", "destination": "similar",
                                        "cumulative": "equal"}),
               matched_on_figures=True),
    RecordKind("casualty_estimates", CasualtyEstimate, "casualties", _CASUALTIES, date="as_of",
               quantity=("force", "as_of"),
               checks=MappingProxyType({"as_of": "date", "force": "similar"})),
    RecordKind("treaty_references", TreatyReference, "treaties", (), date="date",
               quantity=("action", "parties", "date", "actor"),
               checks=MappingProxyType({"action": "equal", "date": "date", "actor": "similar",
                                        "parties": "names"}),
               sourced=False),
)
KIND: Mapping[str, RecordKind] = MappingProxyType({k.name: k for k in KINDS})
RECORD_TYPES: tuple[str, ...] = tuple(k.name for k in KINDS)
FIGURE_FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType({k.name: k.figure_names for k in KINDS})
CASUALTY_FIELDS: tuple[str, ...] = KIND["casualty_estimates"].figure_names

#: How each treaty action reads after the treaty's name ("the Treaty of X was signed").
TREATY_ACTION_WORDS: Mapping[str, str] = MappingProxyType({
    "signed": "was signed", "ratified": "was ratified", "invoked": "was invoked",
    "suspended": "was suspended", "withdrawn": "was left (withdrawal)", "acceded": "was joined",
    "anniversary": "marked an anniversary", "mentioned": "was mentioned",
})
