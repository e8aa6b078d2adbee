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
from summarizer.attribution import attribute, is_back_reference, speaker_name
from summarizer.dates import find_date_phrases
from summarizer.figures import Figure, derived_share, whose
from summarizer.grammar import claim_speaker
from summarizer.grounding import span_evidence
from summarizer.kinds import CASUALTY_FIELDS
from summarizer.names import normalise_name
from summarizer.referents import full_name
from summarizer.records import (
    CasualtyEstimate,
    Count,
    Source,
    TreatyReference,
    TroopDeployment,
)
from summarizer.sources import infer_kind
from summarizer.strategies.cited_answers import (
    dates_of,
    not_echoed,
    verbatim_in_article,
)
from summarizer.strategies.cited_plan import (
    SentenceTask,
    resolved_back_reference,
    uses_article_words,
)
from summarizer.strategies.cited_treaties import sentence_treaties
from summarizer.strategies.treaty_events import treaty_events
from summarizer.transcript import turn_speaker
from summarizer.vocabulary import PRESENCE_AFTER, PRESENCE_BEFORE, REPORTING_VERBS

__all__ = ["attributed_sources", "build_records", "claim_source", "cumulative", "merge_follow_ups", "treaty_events"]

_ROLE = re.compile(r"\b(engineers|deminers|sappers|infantry(?:men)?|marines|paratroopers|commandos|"
                   r"special forces|mercenaries|conscripts|recruits|instructors|trainers|advisers|"
                   r"advisors|medics|construction workers)\b", re.I)


def _source(name: str | None, via: str | None, article: Article) -> Source | None:
    """The Source, keeping only names the article writes (others are the model's guesses)."""
    name = not_echoed(name, article)
    if not name or not uses_article_words(name, article.text):
        return None
    name = full_name(name.strip(), [x.text for x in article.sentences],
                     article.text[:article.sentences[0].start] if article.sentences else "")
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


def _parsed_speaker(task: SentenceTask) -> str | None:
    """Where the word patterns found no speaker, the subject of the reporting verb that governs
    the sentence's first figure in the parse ("An officer in X, speaking on condition of
    anonymity since ..., told AP that N ...")."""
    figures = task.troops + [f for group in task.casualty_groups for f in group]
    if not figures:
        return None
    phrase = claim_speaker(task.sentence.text, figures[0].phrase.start, _SPEAKING)
    if phrase is None or phrase.pronoun:
        return None
    if phrase.apposition and phrase.head[:1].islower():
        return phrase.apposition  # "the UN peacekeeping force, UNFICYP, said": the name, not the description
    return speaker_name(phrase.text)


def attributed_sources(task: SentenceTask, facts: Any | None, article: Article) -> list[Source | None]:
    """The source of each claim in the sentence: its grammar first, the model's reading after.

    The sentence's wording decides who is quoted and through whom (``summarizer.attribution``);
    the model is heard only for back-references the program cannot resolve. A sentence that
    attributes its claim to no one has no source, whatever the model guessed.
    """
    get = (lambda name: getattr(facts, name, None)) if facts is not None else (lambda name: None)
    said = attribute(task.sentence.text)
    if not said.cue:
        # A transcript's turn is its labelled speaker's ("MS. RUIZ: We have 900 troops there.").
        speaker = turn_speaker(article.text, task.sentence.start) or _parsed_speaker(task)
        if speaker and is_back_reference(speaker):
            speaker = _speaker(speaker, get("source"), task, article)
        turn = _source(speaker, None, article) if speaker else None
        return [turn, turn]
    first = _source(_speaker(said.name, get("source"), task, article), said.via, article)
    # A second source only where the sentence names a second speaker: otherwise every claim
    # of the sentence is the one speaker's ("the army said it lost 7 and killed 40").
    second_name = said.others[0] if said.others else None
    second = _source(_speaker(second_name, get("source2"), task, article), said.via,
                     article) if second_name else None
    return [first, second or first]


_SPEAKING = frozenset(v for v in REPORTING_VERBS if " " not in v)


def claim_source(sentence: str, figure: Figure | None, sources: list[Source | None]) -> Source | None:
    """Which of a sentence's two speakers owns one figure's claim, read from the parse.

    "X put the force at 5,000, while Y says it is nearer 6,000": the order of the figures
    does not say whose each is (a troop figure and a toll, or two waves, can share a
    sentence); the reporting verb that governs each figure does. None when the sentence has
    one speaker, or the parse names neither.
    """
    first, second = sources
    if figure is None or first is None or second is None or first == second:
        return None
    phrase = claim_speaker(sentence, figure.phrase.start, _SPEAKING)
    said = normalise_name(phrase.text) if phrase else ""
    for source in (first, second):
        name = normalise_name(source.name)
        if said and name and (f" {name} " in f" {said} " or f" {said} " in f" {name} "):
            return source
    return None


_TOTAL_CUE = re.compile(r"\b(since|in total|so far|to date|altogether|overall|in all|cumulative\w*|"
                        r"total (number|of))\b", re.I)
_PERFECT = re.compile(r"\b(have|has)\s+(been\s+)?(sent|deployed|dispatched|given|provided|supplied|"
                      r"transferred|stationed)\b", re.I)


_WAVE_BEFORE = re.compile(r"\b(another|additional|fresh|further|new|extra|latest|next)\b[^,;]{0,30}$", re.I)
_WAVE_AFTER = re.compile(r"^\s*(more|additional|extra|new|fresh)\b", re.I)


# A comma or semicolon between clauses; the comma inside "3,100" separates no clause.
_CLAUSE_MARK = re.compile(r";|,(?!\d)|(?<!\d),")


def _clause(sentence: str, start: int, end: int) -> str:
    marks = [m.start() for m in _CLAUSE_MARK.finditer(sentence)]
    left = max([i for i in marks if i < start], default=-1) + 1
    right = min([i for i in marks if i >= end], default=len(sentence))
    return sentence[left:right]


def cumulative(sentence: str, figure: Figure | None = None) -> bool:
    """A running total ("since the war began", "have been deployed" with no time window)?

    A figure tied to a time window ("last year", "in March") is one wave, and so is
    one marked as new ("another 3,000", "1,000 more"). A force that is there now ("has some
    N soldiers in", "N currently serve at", "put its presence at N") is a total. With ``figure``, only its own
    clause is read: "sent another 3,000, adding to the 11,000 sent since ..." holds a
    wave and a total.
    """
    if figure is not None:
        start, end = figure.phrase.start, figure.phrase.end
        clause = _clause(sentence, start, end)
        clause_start = sentence.find(clause)
        marked_new = _WAVE_BEFORE.search(sentence[max(0, start - 40):start]) or \
            _WAVE_AFTER.match(sentence[end:])
        if marked_new and not re.search(r"\btotal\b", clause, re.I):
            return False
        if _TOTAL_CUE.search(clause) or re.search(r"\b(adding to|bringing)\b", clause, re.I):
            return True
        # A force there now ("has some N soldiers in", "N soldiers currently serve at") is a total.
        if PRESENCE_BEFORE.search(sentence[clause_start:start]) or PRESENCE_AFTER.match(sentence[end:]):
            return True
        sentence = clause
    if _TOTAL_CUE.search(sentence):
        return True
    windows = [d for d in find_date_phrases(sentence) if not d.text.lower().startswith("since")]
    return bool(_PERFECT.search(sentence)) and not windows


def _sole_date(sentence: str, ref: dt.date | None) -> str | None:
    """The one date a casualty sentence gives, when the model gave none ("said on Sunday that ...").

    An estimate's date is when it was made or what it refers to, and a sentence with one date
    phrase has no other candidate; "since ..." opens a period and dates no estimate.
    """
    phrases = [d for d in find_date_phrases(sentence) if not d.text.lower().startswith("since")]
    return dates_of(phrases[0].text, ref)[0] if len(phrases) == 1 else None


def _role(sentence: str, figure: Figure | None) -> str | None:
    tail = sentence[figure.phrase.end:figure.phrase.end + 60] if figure else sentence
    match = _ROLE.search(tail)
    return match.group(1).lower() if match else None


def build_records(task: SentenceTask, facts: Any | None, treaty: Any | None, article: Article,
                  ref: dt.date | None, earlier_treaty: TreatyReference | None = None) -> dict[str, list[Any]]:
    """Records for one sentence from the program's figures and the model's answers.

    ``earlier_treaty`` is the last treaty recorded before this sentence, which a bare
    "the deal" points back to.
    """
    s = task.sentence
    evidence = span_evidence(article.text, s.start, s.end)
    get = (lambda name: getattr(facts, name, None)) if facts is not None else (lambda name: None)
    out: dict[str, list[Any]] = {"troop_deployments": [], "casualty_estimates": [],
                                 "treaty_references": []}
    sources = attributed_sources(task, facts, article)
    source = sources[0]
    # A place or date the article never wrote is the model's guess: dropped, not re-asked.
    start, end = dates_of(verbatim_in_article(not_echoed(get("when"), article), article), ref)
    destination = verbatim_in_article(not_echoed(get("to"), article), article)
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
            source=claim_source(s.text, figure, sources) or source, evidence=evidence))
    for n, group in enumerate(task.casualty_groups):
        counts: dict[str, Count] = {}
        for figure in group:
            counts.setdefault(figure.label, figure.phrase.count)
            if figure.label == "killed_or_wounded":
                derived = derived_share(s.text, figure.phrase.count)
                if derived and derived[0] in CASUALTY_FIELDS:
                    counts.setdefault(derived[0], derived[1])
        group_source = claim_source(s.text, group[0], sources) or sources[min(n, 1)]
        # Whose losses: the figure's own words when they say ("killed 32 <group> soldiers"); the
        # model's reading of the article only where they do not ("lost 300 men").
        named = next((w for w in (whose(s.text, f) for f in group) if w), None)
        out["casualty_estimates"].append(CasualtyEstimate(
            force=named or not_echoed(get("force"), article) or "unspecified",
            as_of=start or _sole_date(s.text, ref), source=group_source, evidence=evidence, **counts))
    out["treaty_references"] = sentence_treaties(task, treaty, article, ref, evidence, earlier_treaty)
    return out


_GENERIC_FORCE = {"soldiers", "troops", "forces", "units", "army", "personnel", "servicemen", "men", "military",
                  "its", "their", "own", "of", "the", "unspecified"}


def _same_force(a: str, b: str) -> bool:
    wa, wb = (set(normalise_name(x).split()) - _GENERIC_FORCE for x in (a, b))
    return not wa or not wb or bool(wa & wb)


def _same_speaker(a: str, b: str) -> bool:
    """One body, or its spokesman ("the General Staff" and "a General Staff spokesman")."""
    x, y = normalise_name(a), normalise_name(b)
    return x == y or (min(len(x), len(y)) > 3 and (f" {x} " in f" {y} " or f" {y} " in f" {x} "))


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
                and _same_speaker(prev.source.name, record.source.name)
                and sentence_of(record) == sentence_of(prev) + 1
                and all(getattr(prev, f) is None or getattr(record, f) is None for f in CASUALTY_FIELDS)
                and (record.as_of is None or prev.as_of is None or record.as_of == prev.as_of)
                and _same_force(prev.force, record.force)):
            update = {f: getattr(prev, f) or getattr(record, f) for f in CASUALTY_FIELDS}
            out[-1] = prev.model_copy(update={**update, "as_of": prev.as_of or record.as_of})
            continue
        out.append(record)
    return out
