"""The ``cited`` strategy's records: the program's figures and the model's answers, per sentence.

Figures and attribution come from the text; the model's answers fill only what the
program cannot read (whose losses, where, when, a back-reference). A name, place or date
the article never writes is the model's guess and is dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from summarizer.article import Article
from summarizer.attribution import attribute, is_back_reference
from summarizer.dates import find_date_phrases, resolve_date
from summarizer.figures import Figure, derived_share
from summarizer.grounding import span_evidence
from summarizer.kinds import CASUALTY_FIELDS
from summarizer.names import normalise_name
from summarizer.vocabulary import TREATY_ACTIONS, TREATY_FUTURE
from summarizer.records import CasualtyEstimate, Count, Source, TreatyAction, TreatyReference, TroopDeployment
from summarizer.prompts import load_prompt
from summarizer.sources import infer_kind
from summarizer.strategies.cited_plan import (
    SentenceTask,
    resolved_back_reference,
    uses_article_words,
)

__all__ = ["attributed_sources", "build_records", "cumulative", "merge_follow_ups", "not_echoed", "treaty_events",
           "treaty_records"]

_ROLE = re.compile(r"\b(engineers|deminers|sappers|infantry(?:men)?|marines|paratroopers|commandos|"
                   r"special forces|mercenaries|conscripts|recruits|instructors|trainers|advisers|"
                   r"advisors|medics|construction workers)\b", re.I)


_WINDOW = re.compile(r"^(?:between|from)\s+(.+?)\s+(?:and|to|through|until)\s+(.+)$", re.I)


def _dates(phrase: str | None, ref: dt.date | None) -> tuple[str | None, str | None]:
    if not phrase:
        return None, None
    window = _WINDOW.match(phrase.strip())
    if window:
        return resolve_date(window.group(1), ref), resolve_date(window.group(2), ref)
    return resolve_date(phrase, ref), None


def _source(name: str | None, via: str | None, article: Article) -> Source | None:
    """The Source, keeping only names the article writes (others are the model's guesses)."""
    name = not_echoed(name, article)
    if not name or not uses_article_words(name, article.text):
        return None
    name = name.strip()
    via = via.strip() if via and via.strip() and via.strip().lower() != name.lower() else None
    via = via if via and uses_article_words(via, article.text) else None
    return Source(name=name, via=via, kind=infer_kind(name, article.text) or "unnamed")


def _speaker(said: str | None, model_name: str | None, task: SentenceTask, article: Article) -> str | None:
    """The sentence's own speaker; a back-reference resolved to an earlier name, else the model's."""
    if said is None or not is_back_reference(said):
        return said
    if model_name and uses_article_words(model_name, article.text) and not is_back_reference(model_name):
        fallback: str | None = model_name
    else:  # "the ministry" as written still says something; a bare "it" says nothing
        fallback = None if len(said.split()) == 1 else said
    return resolved_back_reference(said, task, article) or fallback


def attributed_sources(task: SentenceTask, facts: Any | None, article: Article) -> list[Source | None]:
    """The source of each claim in the sentence: its grammar first, the model's reading after.

    The sentence's wording decides who is quoted and through whom (``summarizer.attribution``);
    the model is heard only for back-references the program cannot resolve. A sentence that
    attributes its claim to no one has no source, whatever the model guessed.
    """
    get = (lambda name: getattr(facts, name, None)) if facts is not None else (lambda name: None)
    said = attribute(task.sentence.text)
    if not said.cue:
        return [None, None]
    first = _source(_speaker(said.name, get("source"), task, article), said.via, article)
    second_name = said.others[0] if said.others else get("source2")
    second = _source(_speaker(second_name, get("source2"), task, article), said.via if said.others
                     else None, article) if second_name else None
    return [first, second]


_TOTAL_CUE = re.compile(r"\b(since|in total|so far|to date|altogether|overall|in all|cumulative\w*|"
                        r"total (number|of))\b", re.I)
_PERFECT = re.compile(r"\b(have|has)\s+(been\s+)?(sent|deployed|dispatched|given|provided|supplied|"
                      r"transferred|stationed)\b", re.I)


_WAVE_BEFORE = re.compile(r"\b(another|additional|fresh|further|new|extra|latest|next)\b[^,;]{0,30}$", re.I)
_WAVE_AFTER = re.compile(r"^\s*(more|additional|extra|new|fresh)\b", re.I)


def _clause(sentence: str, start: int, end: int) -> str:
    left = max(sentence.rfind(",", 0, start), sentence.rfind(";", 0, start)) + 1
    stops = [i for i in (sentence.find(",", end), sentence.find(";", end)) if i >= 0]
    return sentence[left:min(stops) if stops else len(sentence)]


def cumulative(sentence: str, figure: Figure | None = None) -> bool:
    """A running total ("since the war began", "have been deployed" with no time window)?

    A figure tied to a time window ("last year", "in March") is one wave, and so is
    one marked as new ("another 3,000", "1,000 more"). With ``figure``, only its own
    clause is read: "sent another 3,000, adding to the 11,000 sent since ..." holds a
    wave and a total.
    """
    if figure is not None:
        start, end = figure.phrase.start, figure.phrase.end
        clause = _clause(sentence, start, end)
        marked_new = _WAVE_BEFORE.search(sentence[max(0, start - 40):start]) or \
            _WAVE_AFTER.match(sentence[end:])
        if marked_new and not re.search(r"\btotal\b", clause, re.I):
            return False
        if _TOTAL_CUE.search(clause) or re.search(r"\b(adding to|bringing)\b", clause, re.I):
            return True
        sentence = clause
    if _TOTAL_CUE.search(sentence):
        return True
    windows = [d for d in find_date_phrases(sentence) if not d.text.lower().startswith("since")]
    return bool(_PERFECT.search(sentence)) and not windows


def _verbatim_in_article(value: str | None, article: Article) -> str | None:
    if not value or value.strip().lower() not in article.text.lower():
        return None
    return value.strip()


def _role(sentence: str, figure: Figure | None) -> str | None:
    tail = sentence[figure.phrase.end:figure.phrase.end + 60] if figure else sentence
    match = _ROLE.search(tail)
    return match.group(1).lower() if match else None


def build_records(task: SentenceTask, facts: Any | None, treaty: Any | None, article: Article,
                  ref: dt.date | None) -> dict[str, list[Any]]:
    """Records for one sentence from the program's figures and the model's answers."""
    s = task.sentence
    evidence = span_evidence(article.text, s.start, s.end)
    get = (lambda name: getattr(facts, name, None)) if facts is not None else (lambda name: None)
    out: dict[str, list[Any]] = {"troop_deployments": [], "casualty_estimates": [],
                                 "treaty_references": []}
    sources = attributed_sources(task, facts, article)
    source = sources[0]
    # A place or date the article never wrote is the model's guess: dropped, not re-asked.
    start, end = _dates(_verbatim_in_article(not_echoed(get("when"), article), article), ref)
    destination = _verbatim_in_article(not_echoed(get("to"), article), article)
    if destination and re.search(rf"\bfrom\s+(?:\S+\s+){{0,4}}?{re.escape(destination)}", s.text, re.I) \
            and not re.search(rf"\b(?:to|into|in|at|toward|towards)\s+(?:\S+\s+){{0,3}}?{re.escape(destination)}",
                              s.text, re.I):
        destination = None  # where the troops left from, not where they went
    # The program found an unsized new wave; the model confirms or rejects it. An answer that
    # leaves "sent" out (small models drop fields) keeps the program's reading.
    confirmed = get("sent") if facts is not None and "sent" in facts.model_fields_set else True
    waves = list(task.troops) or ([None] if task.unsized_wave and confirmed else [])
    for figure in waves:
        out["troop_deployments"].append(TroopDeployment(
            troops=figure.phrase.count if figure else None, start=start, end=end,
            destination=destination, role=_role(s.text, figure),
            cumulative=figure is not None and cumulative(s.text, figure),
            source=source, evidence=evidence))
    for n, group in enumerate(task.casualty_groups):
        counts: dict[str, Count] = {}
        for figure in group:
            counts.setdefault(figure.label, figure.phrase.count)
            if figure.label == "killed_or_wounded":
                derived = derived_share(s.text, figure.phrase.count)
                if derived and derived[0] in CASUALTY_FIELDS:
                    counts.setdefault(derived[0], derived[1])
        group_source = sources[min(n, 1)]
        out["casualty_estimates"].append(CasualtyEstimate(
            force=not_echoed(get("force"), article) or "unspecified",
            as_of=start, source=group_source, evidence=evidence, **counts))
    # A treaty name the sentence does not write is the prompt's example echoed back: no record.
    # A sentence that only points back ("approved its withdrawal") may name a treaty written earlier.
    named_in = article.text[:s.end] if task.treaty_named_before else s.text
    if treaty is not None and treaty.treaty and not_echoed(treaty.treaty, article) \
            and uses_article_words(treaty.treaty, named_in):
        out["treaty_references"] = treaty_records(treaty, s.text, evidence, article, ref)
    return out


def _example_text() -> str:
    # The prompts' worked examples: a value found there and not in the article is the example
    # echoed back by a small model, not a reading of the article.
    return " ".join(load_prompt(name).body for name in ("system", "facts", "treaty")).lower()


def not_echoed(value: str | None, article: Article) -> str | None:
    """``value`` stripped, or None when it is empty or copied from the prompts' examples."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    lowered = value.lower()
    if lowered in _example_text() and lowered not in article.text.lower():
        return None
    return value


_CLAUSE_SPLIT = re.compile(r",\s|;\s|\s(?:and|but|while|after|before)\s")


def treaty_events(sentence: str) -> list[tuple[TreatyAction, int]]:
    """The treaty events a sentence states, in order, each with where its verb stands.

    An event is a verb of signing, ratifying, invoking, suspending, leaving, joining or
    marking an anniversary; a future or refused act ("will ratify", "refused to sign") is
    none. The same act repeated in one clause is one event; in another clause ("X left in
    2021, a year after Y withdrew") it is another. No event word: the treaty is mentioned.
    """
    found: list[tuple[int, TreatyAction]] = []
    for action, pattern in TREATY_ACTIONS.items():
        for match in pattern.finditer(sentence):
            if TREATY_FUTURE.search(sentence[max(0, match.start() - 25):match.start()]):
                continue
            if action == "signed" and re.search(r"anniversary of\s+(?:the\s+|its\s+)?$",
                                                sentence[:match.start()], re.I):
                continue  # "the anniversary of the signing" is the anniversary
            found.append((match.start(), action))  # type: ignore[arg-type]
    found.sort()
    events: list[tuple[TreatyAction, int]] = []
    for position, action in found:
        same = [p for a, p in events if a == action]
        if same and not _CLAUSE_SPLIT.search(sentence[same[-1]:position]):
            continue
        if any(p == position for _, p in events):
            continue
        events.append((action, position))
    return events


def _nearest_date(sentence: str, position: int, bound: tuple[int, int]) -> str | None:
    """The date phrase of the clause around ``position``: the first after it, else the last before."""
    phrases = [d for d in find_date_phrases(sentence) if bound[0] <= d.start and d.end <= bound[1]]
    after = [d for d in phrases if d.start >= position]
    before = [d for d in phrases if d.start < position]
    chosen = after[0] if after else (before[-1] if before else None)
    return chosen.text if chosen else None


def treaty_records(treaty: Any, sentence: str, evidence: Any, article: Article,
                   ref: dt.date | None) -> list[TreatyReference]:
    """One record per treaty event of the sentence; a treaty named with no event is mentioned."""
    parties = [p.strip() for p in treaty.parties
               if not_echoed(p, article) and uses_article_words(p, article.text)]
    actor = not_echoed(treaty.actor, article)
    actor = actor if actor and uses_article_words(actor, article.text) else None
    provisions = not_echoed(treaty.provisions, article)
    events = treaty_events(sentence)
    if not events:
        return [TreatyReference(treaty=treaty.treaty, parties=parties, action="mentioned", actor=None,
                                date=None, provisions=provisions, evidence=evidence)]
    cuts = [p for _, p in events[1:]]
    records: list[TreatyReference] = []
    for n, (action, position) in enumerate(events):
        # Each event owns the text from its own verb's clause to the next event's verb.
        left = 0 if n == 0 else max(m.end() for m in _CLAUSE_SPLIT.finditer(sentence[:position])
                                    ) if _CLAUSE_SPLIT.search(sentence[:position]) else 0
        right = cuts[n] if n < len(cuts) else len(sentence)
        when = _nearest_date(sentence, position, (left, right))
        if when is None and len(events) == 1:
            when = _verbatim_in_article(not_echoed(treaty.when, article), article)
        if records and any(r.action == action for r in records) and (
                when is None or _dates(when, ref)[0] in {r.date for r in records if r.action == action}):
            continue  # the same act restated ("held in abeyance ... has suspended"), not a second one
        own_actor = actor if len(events) == 1 or (actor and actor.lower() in sentence[left:right].lower()) else None
        records.append(TreatyReference(
            treaty=treaty.treaty, parties=parties, action=action, actor=own_actor,
            date=_dates(when, ref)[0], provisions=provisions, evidence=evidence))
    return records


_GENERIC_FORCE = {"soldiers", "troops", "forces", "units", "army", "personnel", "servicemen", "men", "military",
                  "its", "their", "own", "of", "the", "unspecified"}


def _same_force(a: str, b: str) -> bool:
    wa, wb = (set(normalise_name(x).split()) - _GENERIC_FORCE for x in (a, b))
    return not wa or not wb or bool(wa & wb)


def merge_follow_ups(records: list[CasualtyEstimate], article: Article) -> list[CasualtyEstimate]:
    """A follow-up sentence adding another figure to the same source's estimate is the same record.

    "The ministry said 40 soldiers were killed. It said 90 more were wounded." states one
    estimate (the gold rule: one record per force, source and date), so the next sentence's
    figures join the first record, whose evidence stays the first statement. Only adjacent
    sentences, one source, figures of different kinds and compatible dates and forces merge.
    """
    def sentence_of(record: CasualtyEstimate) -> int:
        return next((i for i, s in enumerate(article.sentences)
                     if s.start <= record.evidence.start < max(s.end, s.start + 1)), -2)

    out: list[CasualtyEstimate] = []
    for record in records:
        prev = out[-1] if out else None
        if (prev is not None and prev.source and record.source
                and normalise_name(prev.source.name) == normalise_name(record.source.name)
                and sentence_of(record) == sentence_of(prev) + 1
                and all(getattr(prev, f) is None or getattr(record, f) is None for f in CASUALTY_FIELDS)
                and (record.as_of is None or prev.as_of is None or record.as_of == prev.as_of)
                and _same_force(prev.force, record.force)):
            update = {f: getattr(prev, f) or getattr(record, f) for f in CASUALTY_FIELDS}
            out[-1] = prev.model_copy(update={**update, "as_of": prev.as_of or record.as_of})
            continue
        out.append(record)
    return out
