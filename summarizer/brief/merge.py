"""Merging records across articles into claims, and finding where sources disagree.

Analysts read across articles: one casualty estimate repeated by several outlets
is one claim with several supports; two sources giving different figures for the
same quantity is a disagreement. ``build_brief`` is deterministic and uses no
model: the same records (in any order) always give the same brief.

Rules, kept simple on purpose (each is a function below):

- *Names* are compared normalised: lower case, punctuation and a leading "the"
  dropped. A source written with an acronym in brackets, "Norland Security
  Bureau (NSB)", is the same source as "NSB" and as "Norland Security Bureau"
  (spellings are joined transitively across every article of the brief).
- *Dates* are compatible when equal at the coarser precision ("2019" ~
  "2019-03") or when one is missing.
- *A claim* is one or more records of the same type with the same figures
  (``low``/``high`` of every Count field), the same source (no source and an
  unnamed one, "citing unidentified sources", count as the same), the same quantity
  (force; or wave destination and the cumulative flag; or treaty action and
  parties) and compatible dates.
- *A group* is the claims about one quantity: casualties of one force at a
  compatible date; deployments of one wave (compatible start and destination,
  same cumulative flag). A claim that fits several groups is kept apart rather
  than guessed into one.
- *A disagreement* is a group in which two different sources give different
  figures for the same field (a source re-hedging its own figure is not one).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from summarizer.brief.models import (
    Brief,
    Claim,
    Disagreement,
    SourcedFigure,
    Support,
    TimelineEvent,
    format_count,
)
from summarizer.kinds import FIGURE_FIELDS
from summarizer.names import normalise_name
from summarizer.records import ArticleRecords, Count

__all__ = ["dates_compatible", "merge_brief", "source_keys"]


_BRACKETED = re.compile(r"\s*[(\[]\s*([A-Za-z][A-Za-z.&]{1,11})\s*[)\]]")
_FORCE_NOUNS = re.compile(r"(?: (?:troops|soldiers|forces|force|army|military|personnel|"
                          r"servicemen|fighters|units))+$")
_PLACE_NOUNS = re.compile(r"(?: (?:region|oblast|province|district|area|border area))+$")


def _acronym(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def source_keys(name: str) -> set[str]:
    """Keys under which ``name`` is the same source as another name sharing any key.

    "Norland Security Bureau (NSB)" -> {"norland security bureau", "nsb"}; "NSB"
    and "N.S.B." -> {"nsb"} (a name with no lower-case letter is an acronym).
    """
    keys = set()
    bracket = _BRACKETED.search(name)
    if bracket:
        keys.add(_acronym(bracket.group(1)))
        name = _BRACKETED.sub(" ", name)
    bare = name.strip()
    if bare and not re.search(r"[a-z]", bare) and len(_acronym(bare)) <= 8:
        keys.add(_acronym(bare))
    elif normalise_name(bare):
        keys.add(normalise_name(bare))
    return keys or {normalise_name(name)}


def _force_key(force: str) -> str:
    key = normalise_name(force)
    return _FORCE_NOUNS.sub("", key) or key


def _place_key(place: str | None) -> str | None:
    if place is None:
        return None
    key = normalise_name(place)
    return _PLACE_NOUNS.sub("", key) or key


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal at the coarser precision ("2019" ~ "2019-03"), or one of them missing."""
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


# --- clustering -------------------------------------------------------------------------------

@dataclass
class _Cluster:
    key: Hashable
    soft: list[str | None]
    members: list[int] = field(default_factory=list)


def _fits(a: str | None, b: str | None, is_date: bool) -> bool:
    if a is None or b is None:
        return True
    return dates_compatible(a, b) if is_date else a == b


def _refine(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a if b is None else b
    return a if len(a) >= len(b) else b


def _cluster(items: Sequence[tuple[Hashable, tuple[str | None, ...]]],
             date_slots: tuple[bool, ...]) -> list[list[int]]:
    """Group item indices: same hard key, soft values compatible with the cluster.

    Fully known and most precise items go first, so vague ones are placed last:
    an item fitting exactly one cluster joins it; one fitting several joins the
    one exactly as vague as itself (undated with undated), else starts its own,
    as does one fitting none. Clusters come back ordered by their first member.
    """
    order = sorted(range(len(items)), key=lambda i: (
        sum(v is None for v in items[i][1]),
        -sum(len(v or "") for v, d in zip(items[i][1], date_slots, strict=True) if d),
        [v or "" for v in items[i][1]], i))
    clusters: list[_Cluster] = []
    for i in order:
        key, soft = items[i]
        fitting = [c for c in clusters if c.key == key and all(
            _fits(a, b, d) for a, b, d in zip(c.soft, soft, date_slots, strict=True))]
        exact = [c for c in fitting if c.soft == list(soft)]
        if len(fitting) == 1 or exact:
            target = fitting[0] if len(fitting) == 1 else exact[0]
            target.soft = [_refine(a, b) for a, b in zip(target.soft, soft, strict=True)]
        else:
            target = _Cluster(key, list(soft))
            clusters.append(target)
        target.members.append(i)
    groups = [sorted(c.members) for c in clusters]
    return sorted(groups, key=lambda g: g[0])


class _Sources:
    """Union-find over source keys, so spellings are joined across the whole brief."""

    def __init__(self, names: list[str]) -> None:
        self.parent: dict[str, str] = {}
        for name in names:
            keys = sorted(source_keys(name))
            for key in keys:
                self.parent.setdefault(key, key)
            for key in keys[1:]:
                self.parent[self._root(key)] = self._root(keys[0])

    def _root(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def identity(self, name: str | None) -> str | None:
        return None if name is None else self._root(min(source_keys(name)))


# --- building the brief -----------------------------------------------------------------------

def _figures(record: Any, kind: str) -> dict[str, Count]:
    return {f: getattr(record, f) for f in FIGURE_FIELDS[kind] if getattr(record, f) is not None}


def _named_source(name: str | None, kind: str | None) -> str | None:
    # "citing unidentified sources" names no one: it is as unattributed as no source at all.
    return None if kind == "unnamed" else name


def _merge_key(record: Any, kind: str, sources: _Sources) -> tuple[Hashable, tuple[str | None, ...]]:
    figures = tuple(sorted((f, c.low, c.high) for f, c in _figures(record, kind).items()))
    if kind == "treaty_references":
        parties = frozenset(normalise_name(p) for p in record.parties)
        what = parties or normalise_name(record.treaty)
        actor = normalise_name(record.actor) if record.actor else None
        return (kind, record.action, what), (record.date, actor)
    source = sources.identity(_named_source(record.source.name if record.source else None,
                                          record.source.kind if record.source else None))
    if kind == "casualty_estimates":
        return (kind, figures, source, _force_key(record.force)), (record.as_of,)
    return (kind, figures, source, record.cumulative), (record.start, _place_key(record.destination))


def _first(values: list[Any]) -> Any:
    return next((v for v in values if v is not None), None)


def _most_precise(values: list[str | None]) -> str | None:
    known = [v for v in values if v is not None]
    return max(known, key=len) if known else None


def _claim(claim_id: str, kind: str, members: list[tuple[str, Any]]) -> Claim:
    records = [r for _, r in members]
    supports = [Support(article_id=aid, quote=r.evidence.quote, start=r.evidence.start,
                        end=r.evidence.end, source=r.source.name if getattr(r, "source", None) else None,
                        via=r.source.via if getattr(r, "source", None) else None)
                for aid, r in members]
    figures = {}
    for name, count in _figures(records[0], kind).items():
        # Same bounds by construction; keep the hedge if any article hedged.
        figures[name] = count.model_copy(update={"approximate": any(
            getattr(r, name).approximate for r in records)})
    names = [s.source for s in supports if s.source]
    base: dict[str, Any] = {"id": claim_id, "record_type": kind, "figures": figures,
                            "supports": supports, "source": max(names, key=len) if names else None}
    if kind == "treaty_references":
        return Claim(**base, treaty=max((r.treaty for r in records), key=len),
                     action=records[0].action,
                     actor=_first([r.actor for r in records]),
                     date=_most_precise([r.date for r in records]),
                     parties=max((r.parties for r in records), key=len))
    base["source_kind"] = _first([r.source.kind if r.source else None for r in records])
    if kind == "casualty_estimates":
        return Claim(**base, force=records[0].force, date=_most_precise([r.as_of for r in records]))
    return Claim(**base, date=_most_precise([r.start for r in records]),
                 end=_most_precise([r.end for r in records]), cumulative=records[0].cumulative,
                 destination=_first([r.destination for r in records]),
                 role=_first([r.role for r in records]))


def _claims(records: list[ArticleRecords]) -> list[Claim]:
    ordered = sorted(records, key=lambda r: r.article_id)
    names = [r.source.name for a in ordered for kind in ("troop_deployments", "casualty_estimates")
             for r in getattr(a, kind) if r.source is not None]
    sources = _Sources(names)
    claims: list[Claim] = []
    for kind in FIGURE_FIELDS:
        found = [(a.article_id, r) for a in ordered for r in getattr(a, kind)]
        keys = [_merge_key(r, kind, sources) for _, r in found]
        slots = (True, False) if kind != "casualty_estimates" else (True,)
        for members in _cluster(keys, slots):
            claims.append(_claim(f"c{len(claims) + 1}", kind, [found[i] for i in members]))
    return claims


def _groups(claims: list[Claim]) -> list[list[Claim]]:
    casualties = [c for c in claims if c.record_type == "casualty_estimates"]
    deployments = [c for c in claims if c.record_type == "troop_deployments"]
    groups = [[deployments[i] for i in g] for g in _cluster(
        [(c.cumulative, (c.date, _place_key(c.destination))) for c in deployments], (True, False))]
    groups += [[casualties[i] for i in g] for g in _cluster(
        [(_force_key(c.force or ""), (c.date,)) for c in casualties], (True,))]
    return groups


def _subject(group: list[Claim]) -> str:
    first = group[0]
    if first.record_type == "casualty_estimates":
        return first.force or "unknown force"
    place = _first([c.destination for c in group]) or "unstated destination"
    return f"{'total sent to' if first.cumulative else 'wave to'} {place}"


def _spread(counts: list[Count]) -> tuple[Count, bool]:
    # An open bound ("at least N", "up to N") counts at its stated end.
    lows = [c.low if c.low is not None else c.high for c in counts]
    highs = [c.high if c.high is not None else c.low for c in counts]
    floor = max(c.low if c.low is not None else 0 for c in counts)
    ceiling = min(c.high if c.high is not None else float("inf") for c in counts)
    return Count(low=min(lows), high=max(highs)), floor <= ceiling


def _disagreements(groups: list[list[Claim]], sources: _Sources) -> list[Disagreement]:
    found: list[Disagreement] = []
    for group in groups:
        kind = group[0].record_type
        for name in FIGURE_FIELDS[kind]:
            stating = [c for c in group if name in c.figures]
            pairs = {(sources.identity(_named_source(c.source, c.source_kind)),
                      (c.figures[name].low, c.figures[name].high)) for c in stating}
            if not any(s1 != s2 and f1 != f2 for s1, f1 in pairs for s2, f2 in pairs):
                continue
            spread, overlap = _spread([c.figures[name] for c in stating])
            found.append(Disagreement(
                id=f"d{len(found) + 1}", record_type=kind, subject=_subject(group), field=name,
                date=_most_precise([c.date for c in group]), spread=spread, ranges_overlap=overlap,
                figures=[SourcedFigure(claim_id=c.id, source=c.source, count=c.figures[name],
                                       date=c.date,
                                       article_ids=sorted({s.article_id for s in c.supports}))
                         for c in stating]))
    return found


def _timeline(claims: list[Claim], groups: list[list[Claim]]) -> list[TimelineEvent]:
    events = []
    for group in groups:
        if group[0].record_type != "troop_deployments":
            continue
        sized = [f"{format_count(c.figures['troops'])} ({c.source or 'unattributed'})"
                 for c in group if "troops" in c.figures]
        label = _subject(group) + (": " + "; ".join(sized) if sized else ": size not disclosed")
        events.append(TimelineEvent(
            date=_most_precise([c.date for c in group]), end=_most_precise([c.end for c in group]),
            kind="deployment_total" if group[0].cumulative else "deployment_wave", label=label,
            claim_ids=[c.id for c in group]))
    for c in claims:
        if c.record_type == "treaty_references":
            by = f" by {c.actor}" if c.actor else ""
            events.append(TimelineEvent(date=c.date, kind="treaty", claim_ids=[c.id],
                                        label=f"{c.treaty}: {c.action}{by}"))
    return sorted(events, key=lambda e: (e.date is None, e.date or "", int(e.claim_ids[0][1:])))


def merge_brief(records: list[ArticleRecords]) -> Brief:
    """Merge equivalent records across articles into claims; find disagreements; a timeline.

    Deterministic: articles are taken in ``article_id`` order, whatever the input order.
    No prose: the opening is left empty (``summarizer.brief.opening`` writes it).
    """
    claims = _claims(records)
    sources = _Sources([n for c in claims for n in (c.source, *(s.source for s in c.supports)) if n])
    groups = _groups(claims)
    brief = Brief(articles=sorted(r.article_id for r in records), claims=claims,
                  disagreements=_disagreements(groups, sources), timeline=_timeline(claims, groups))
    return brief
