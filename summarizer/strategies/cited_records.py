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
from summarizer.records import CasualtyEstimate, Count, Source, TreatyReference, TroopDeployment
from summarizer.sources import infer_kind
from summarizer.strategies.cited_plan import (
    SentenceTask,
    resolved_back_reference,
    uses_article_words,
)

__all__ = ["attributed_sources", "build_records", "cumulative"]

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
    if not name or not name.strip() or not uses_article_words(name, article.text):
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
    start, end = _dates(_verbatim_in_article(get("when"), article), ref)
    destination = _verbatim_in_article(get("to"), article)
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
            force=(get("force") or "unspecified").strip() or "unspecified",
            as_of=start, source=group_source, evidence=evidence, **counts))
    # A treaty name the sentence does not write is the prompt's example echoed back: no record.
    if treaty is not None and treaty.treaty and uses_article_words(treaty.treaty, s.text):
        # Parties and actors the article never names are copied from the prompt's example.
        parties = [p for p in treaty.parties if p.strip() and uses_article_words(p, article.text)]
        actor = treaty.actor if treaty.actor and uses_article_words(treaty.actor, article.text) else None
        out["treaty_references"].append(TreatyReference(
            treaty=treaty.treaty, parties=parties, action=treaty.action,
            actor=actor, date=_dates(_verbatim_in_article(treaty.when, article), ref)[0], provisions=treaty.provisions,
            evidence=evidence))
    return out
