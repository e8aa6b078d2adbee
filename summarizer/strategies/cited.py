"""The ``cited`` strategy, for small local models: the program finds, the model reads.

The program picks the sentences that can hold a record and decides what each
figure counts (``summarizer.figures``); the model answers only short reading
questions about one cited sentence at a time (who said it, about whom, where,
when). Evidence is the cited sentence's span, so it is grounded by
construction, and every figure comes from the text's own number phrase, so no
number can be invented. Each question shares the system-and-article prefix,
so llama.cpp evaluates only the question's tail again.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from summarizer.article import Article, Sentence
from summarizer.attribution import attribute, is_back_reference, resolve
from summarizer.dates import find_date_phrases, resolve_date
from summarizer.figures import Figure, derived_share, label_figures
from summarizer.grounding import INJECTION, span_evidence
from summarizer.prompts import load_prompt
from summarizer.sources import infer_kind
from summarizer.records import (
    CasualtyEstimate,
    Count,
    Source,
    TreatyAction,
    TreatyReference,
    TroopDeployment,
)

__all__ = ["SentenceTask", "build_records", "facts_model", "messages_for", "plan",
           "summary_model", "treaty_model"]

_CASUALTY_LABELS = ("killed", "wounded", "killed_or_wounded", "captured")
_TROOP_NOUN = re.compile(r"\b(troops|soldiers|forces|personnel|contingent|units?|servicemen|"
                         r"reinforcements|fighters|battalions?|brigades?|group|wave|rotation|detachment)\b", re.I)
_SENT = re.compile(r"\b(sen[dt]\w*|deploy\w*|dispatch\w*|transport\w*|arriv\w*|rotat\w*|crossed|"
                   r"moved|flown|shipped|airlifted|sailed)\b", re.I)
_NEW = re.compile(r"\b(additional|more|new|another|fresh|further|first|second|third|next|extra)\b", re.I)
_REDEPLOY = re.compile(r"\bredeploy\w*|\bwithdr[ae]w\w*", re.I)
_TREATY = re.compile(r"\b(treaty|treaties|pact|agreement|accord|alliance|convention)\b", re.I)
_GENERIC_ROLE = {"troops", "troop", "soldiers", "soldier", "personnel", "men", "others", "members",
                 "servicemen", "servicemembers", "fighters", "reinforcements"}
_ROLE = re.compile(r"\b(engineers|deminers|sappers|infantry(?:men)?|marines|paratroopers|commandos|"
                   r"special forces|mercenaries|conscripts|recruits|instructors|trainers|advisers|"
                   r"advisors|medics|construction workers)\b", re.I)


@dataclass
class SentenceTask:
    """One sentence the model is asked about, and what the program already knows of it."""

    sentence: Sentence
    troops: list[Figure] = field(default_factory=list)
    casualty_groups: list[list[Figure]] = field(default_factory=list)
    unsized_wave: bool = False
    treaty: bool = False
    # What only the model can answer: who a back-reference the program could not resolve
    # means ("the agency said"), and the second speaker of a two-claim sentence.
    ask_source: bool = False
    ask_source2: bool = False
    dated: bool = True  # the sentence has a date phrase for "when" to copy

    @property
    def asks_facts(self) -> bool:
        return bool(self.troops or self.casualty_groups or self.unsized_wave)


def _groups(figures: list[Figure]) -> list[list[Figure]]:
    # A label seen again starts another estimate ("X says 4,000; Y says 1,200").
    groups: list[list[Figure]] = []
    for figure in figures:
        if not groups or any(f.label == figure.label for f in groups[-1]):
            groups.append([])
        groups[-1].append(figure)
    return groups[:2]


def plan(article: Article) -> list[SentenceTask]:
    """The sentences worth asking about, with their figures already labelled."""
    tasks = []
    for sentence in article.sentences:
        text = sentence.text
        if INJECTION.search(text):
            continue
        figures = label_figures(text)
        task = SentenceTask(
            sentence,
            troops=[f for f in figures if f.label == "troops"],
            casualty_groups=_groups([f for f in figures if f.label in _CASUALTY_LABELS]),
            treaty=bool(_TREATY.search(text)),
        )
        task.unsized_wave = (not task.troops and bool(_TROOP_NOUN.search(text))
                             and bool(_SENT.search(text)) and bool(_NEW.search(text))
                             and not _REDEPLOY.search(text))
        if task.asks_facts or task.treaty:
            said = attribute(text)
            task.ask_source = bool(said.name and is_back_reference(said.name)
                                   and _resolved(said.name, task, article) is None)
            task.ask_source2 = len(task.casualty_groups) > 1 and not said.others
            task.dated = bool(find_date_phrases(text))
            tasks.append(task)
    return tasks


def messages_for(article: Article, question: str) -> list[dict[str, str]]:
    """System text and article first, the question last: the prefix is shared by every call."""
    return [
        {"role": "system", "content": load_prompt("system").body},
        {"role": "user", "content": "Article:\n" + article.numbered() + "\n\n" + question},
    ]


def _describe(figures: list[Figure]) -> str:
    names = {"troops": "troops sent", "killed": "killed", "wounded": "wounded",
             "killed_or_wounded": "killed or wounded", "captured": "captured"}
    return ", ".join(f'"{f.phrase.text}" ({names[f.label]})' for f in figures)


def facts_question(task: SentenceTask) -> str:
    """The question for one sentence: its text, its labelled figures, the fields wanted."""
    figures = task.troops + [f for g in task.casualty_groups for f in g]
    return load_prompt("facts").render(
        index=str(task.sentence.index), sentence=task.sentence.text,
        figures=_describe(figures) if figures else "none (an unsized deployment?)",
        fields=", ".join(facts_model(task).model_fields))


def treaty_question(task: SentenceTask) -> str:
    return load_prompt("treaty").render(index=str(task.sentence.index), sentence=task.sentence.text)


# --- what the model writes -------------------------------------------------

class _Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")


_STOP = {"the", "a", "an", "of", "and", "s", "in", "on", "for", "to"}


def written_in(name: str, text: str) -> bool:
    """Whether ``name`` is the article's own wording: verbatim, or only words the text uses.

    Small models reorder or drop a word ("Estavian intelligence agencies" for
    "Estavian, Norlandic and Valmoran intelligence agencies"); that is still a
    name the article gives, whereas a word the article never uses is invented.
    """
    lowered = text.lower()
    if name.strip().lower() in lowered:
        return True
    words = {w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in _STOP}
    return bool(words) and words <= set(re.findall(r"[a-z0-9]+", lowered))


class _FactsAnswer(BaseModel):
    # A field the question did not ask for (small models copy the examples' keys) is
    # ignored rather than re-asked: a re-ask costs a whole answer.
    model_config = ConfigDict(extra="ignore")


def facts_model(task: SentenceTask) -> type[BaseModel]:
    """The answer schema for one sentence: only what the program cannot read itself.

    Who said it and through whom come from the sentence's grammar
    (``summarizer.attribution``) and the source's kind from its name
    (``summarizer.sources``), so ``source`` is asked only for a back-reference the
    program could not resolve; ``when`` only where the sentence has a date phrase.
    """
    fields: dict[str, Any] = {}
    if task.ask_source:
        fields["source"] = (str | None, None)
    if task.unsized_wave:
        fields["sent"] = (bool, False)
    if task.troops or task.unsized_wave:
        fields["to"] = (str | None, None)
    if task.casualty_groups:
        fields["force"] = (str | None, None)
    if task.dated:
        fields["when"] = (str | None, None)
    if task.ask_source2:
        fields["source2"] = (str | None, None)
    # Names are not validated here: a name the article never writes is dropped in _source.
    return create_model("Facts", __base__=_FactsAnswer, **fields)


class TreatyAnswer(_Answer):
    treaty: str | None = None
    parties: list[str] = []
    action: TreatyAction = "mentioned"
    actor: str | None = None
    when: str | None = None
    provisions: str | None = None

    @field_validator("treaty", "actor", "when", "provisions", mode="before")
    @classmethod
    def _null_words(cls, value: Any) -> Any:
        # Small models write the JSON null as a string.
        return None if isinstance(value, str) and value.strip().lower() in ("null", "none", "") else value


def treaty_model() -> type[BaseModel]:
    return TreatyAnswer


def trim_summary(text: str, sentences: int = 3, chars: int = 500) -> str:
    """At most ``sentences`` whole sentences and about ``chars`` characters (small models run on)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", " ".join(text.split()))
    if len(parts) > 1 and not re.search(r"[.!?][\"”’)]*$", parts[-1]):
        parts = parts[:-1]  # a sentence cut off by the length cap
    kept: list[str] = []
    for part in parts[:sentences]:
        if kept and len(" ".join([*kept, part])) > chars:
            break
        kept.append(part)
    return " ".join(kept)


def summary_model() -> type[BaseModel]:
    """A summary whose every figure must appear in the article (checked via context)."""

    class SummaryAnswer(_Answer):
        # Trimmed to whole sentences before the length check: a summary that runs on is
        # cut, not re-asked (a re-ask costs a whole grammar-constrained answer). The cap
        # stays in the schema for a constrained re-ask.
        summary: str = Field(min_length=20, max_length=450)

        @field_validator("summary", mode="before")
        @classmethod
        def _trim(cls, value: Any) -> Any:
            return trim_summary(value, chars=450) if isinstance(value, str) else value

        @model_validator(mode="after")
        def _figures(self, info: ValidationInfo) -> SummaryAnswer:
            article: Article | None = (info.context or {}).get("article")
            if article is not None:
                have = {n.replace(",", "") for n in re.findall(r"\d[\d,.]*\d|\d", article.text)}
                for n in re.findall(r"\d[\d,.]*\d|\d", self.summary):
                    if n.replace(",", "").rstrip(".") not in have:
                        raise ValueError(f"figure {n} is not in the article; use only its figures")
            return self

    return SummaryAnswer


# --- from answers to records -------------------------------------------------

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
    if not name or not name.strip() or not written_in(name, article.text):
        return None
    name = name.strip()
    via = via.strip() if via and via.strip() and via.strip().lower() != name.lower() else None
    via = via if via and written_in(via, article.text) else None
    return Source(name=name, via=via, kind=infer_kind(name, article.text) or "unnamed")


def _resolved(said: str, task: SentenceTask, article: Article) -> str | None:
    earlier = [a.name for a in (attribute(x.text) for x in article.sentences[:task.sentence.index])
               if a.name]
    return resolve(said, earlier, article.text[:task.sentence.start])


def _speaker(said: str | None, model_name: str | None, task: SentenceTask, article: Article) -> str | None:
    """The sentence's own speaker; a back-reference resolved to an earlier name, else the model's."""
    if said is None or not is_back_reference(said):
        return said
    if model_name and written_in(model_name, article.text) and not is_back_reference(model_name):
        fallback: str | None = model_name
    else:  # "the ministry" as written still says something; a bare "it" says nothing
        fallback = None if len(said.split()) == 1 else said
    return _resolved(said, task, article) or fallback


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


def _written(value: str | None, article: Article) -> str | None:
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
    start, end = _dates(_written(get("when"), article), ref)
    destination = _written(get("to"), article)
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
                if derived and derived[0] in _CASUALTY_LABELS:
                    counts.setdefault(derived[0], derived[1])
        group_source = sources[min(n, 1)]
        out["casualty_estimates"].append(CasualtyEstimate(
            force=(get("force") or "unspecified").strip() or "unspecified",
            as_of=start, source=group_source, evidence=evidence, **counts))
    # A treaty name the sentence does not write is the prompt's example echoed back: no record.
    if treaty is not None and treaty.treaty and written_in(treaty.treaty, s.text):
        # Parties and actors the article never names are copied from the prompt's example.
        parties = [p for p in treaty.parties if p.strip() and written_in(p, article.text)]
        actor = treaty.actor if treaty.actor and written_in(treaty.actor, article.text) else None
        out["treaty_references"].append(TreatyReference(
            treaty=treaty.treaty, parties=parties, action=treaty.action,
            actor=actor, date=_dates(_written(treaty.when, article), ref)[0], provisions=treaty.provisions,
            evidence=evidence))
    return out
