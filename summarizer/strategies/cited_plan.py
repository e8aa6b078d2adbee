"""The ``cited`` strategy's reading plan: which sentences to ask about, and what to ask.

The program picks the sentences that can hold a record and decides what each
figure counts (``summarizer.figures``); the model answers only short reading
questions about one cited sentence at a time (who said it, about whom, where,
when). Evidence is the cited sentence's span, so it is grounded by
construction, and every figure comes from the text's own number phrase, so no
number can be invented. Each question shares the system-and-article prefix,
so llama.cpp evaluates only the question's tail again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

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
from summarizer.attribution import attribute, is_back_reference
from summarizer.dates import find_date_phrases
from summarizer.figures import Figure, label_figures, without_breakdowns, without_restatements
from summarizer.grounding import INJECTION
from summarizer.kinds import CASUALTY_FIELDS, KINDS
from summarizer.prompts import load_prompt
from summarizer.referents import referent_options, resolve
from summarizer.vocabulary import (
    known_treaty,
    CEASEFIRE_EVENT,
    MEMBERSHIP_ACT,
    NEW_WAVE,
    REDEPLOY,
    SAME_ACT_OPENING,
    SENT,
    TREATY_ACTIONS,
    TREATY_BACK_EVENT,
    TREATY_NOUN,
    UNSIZED,
    VAGUE_SIZE,
    WAVE_NOUN,
)

__all__ = ["SentenceTask", "TreatyAnswer", "facts_model", "facts_question", "messages_for", "plan",
           "resolved_back_reference", "summary_model", "treaty_model", "treaty_question", "trim_summary",
           "uses_article_words"]

@dataclass
class SentenceTask:
    """One sentence the model is asked about, and what the program already knows of it."""

    sentence: Sentence
    troops: list[Figure] = field(default_factory=list)
    casualty_groups: list[list[Figure]] = field(default_factory=list)
    unsized_wave: bool = False
    treaty: bool = False
    # The sentence states a treaty event about a treaty named only earlier ("approved its withdrawal").
    treaty_named_before: bool = False
    # What only the model can answer: who a back-reference the program could not resolve
    # means ("the agency said"), and the second speaker of a two-claim sentence.
    ask_source: bool = False
    ask_source2: bool = False
    # The names the back-reference may stand for: the model chooses among them (or none).
    source_options: tuple[str, ...] = ()
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


def _treaty_names(text: str) -> set[str]:
    """Proper names the sentence gives a treaty: "New START" in "the New START treaty", "(JCPOA)".

    A later sentence may name the treaty by these alone ("Carpania suspended New START").
    """
    names = {m.group(1) for m in re.finditer(r"\(([A-Z][A-Z0-9-]{2,9})\)", text)}
    known = known_treaty(text)
    if known:
        names.add(known.group(0))
    for match in TREATY_NOUN.finditer(text):
        head = re.search(r"((?:[A-Z][\w'’-]*\s+){1,4})$", text[:match.start()])
        if head:
            words = head.group(1).split()
            while words and words[0].lower() in ("the", "a", "an", "its", "their"):
                words.pop(0)
            if words and len(" ".join(words)) >= 3:
                names.add(" ".join(words))
    return names


def _names_a_known_treaty(text: str, names: set[str]) -> bool:
    """The sentence states a treaty event and names a treaty only by a name written earlier."""
    return any(re.search(rf"\b{re.escape(n)}\b", text) for n in names) and any(
        p.search(text) for p in TREATY_ACTIONS.values())


def plan(article: Article) -> list[SentenceTask]:
    """The sentences worth asking about, with their figures already labelled."""
    tasks = []
    treaty_seen = False
    treaty_names: set[str] = set()
    for sentence in article.sentences:
        text = sentence.text
        if INJECTION.search(text) or text.rstrip(" \"'”’)").endswith("?"):
            continue  # an instruction to the model, or a question: neither claims anything
        figures = without_restatements(without_breakdowns(label_figures(text)), text,
                                       " ".join(x.text for x in article.sentences[:sentence.index]))
        named = bool(TREATY_NOUN.search(text) or MEMBERSHIP_ACT.search(text) or known_treaty(text)
                     or CEASEFIRE_EVENT.search(text))
        task = SentenceTask(
            sentence,
            troops=[f for f in figures if f.label == "troops"],
            casualty_groups=_groups([f for f in figures if f.label in CASUALTY_FIELDS]),
            treaty=named or (treaty_seen and (bool(TREATY_BACK_EVENT.search(text) or SAME_ACT_OPENING.match(text))
                                              or _names_a_known_treaty(text, treaty_names))),
            treaty_named_before=not named and treaty_seen,
        )
        treaty_seen = treaty_seen or named
        if named:
            treaty_names |= _treaty_names(text)
        task.unsized_wave = (not task.troops and bool(WAVE_NOUN.search(text))
                             and bool(SENT.search(text))
                             and bool(NEW_WAVE.search(text) or UNSIZED.search(text) or VAGUE_SIZE.search(text))
                             and not REDEPLOY.search(text))
        if task.asks_facts or task.treaty:
            said = attribute(text)
            if said.name and is_back_reference(said.name) \
                    and resolved_back_reference(said.name, task, article) is None:
                task.source_options = referent_options(
                    said.name, [x.text for x in article.sentences[:sentence.index]],
                    article.text[:sentence.start])
                task.ask_source = bool(task.source_options)
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
    asked = {f.name: f.asked for k in KINDS for f in k.figures}
    return ", ".join(f'"{f.phrase.text}" ({asked[f.label]})' for f in figures)


def facts_question(task: SentenceTask) -> str:
    """The question for one sentence: its text, its labelled figures, the fields wanted."""
    figures = task.troops + [f for g in task.casualty_groups for f in g]
    options = ""
    if task.source_options:
        said = attribute(task.sentence.text).name
        options = (f'\nFor source, who "{said}" is: one of '
                   + ", ".join(f'"{o}"' for o in task.source_options) + ", or null.")
    return load_prompt("facts").render(
        index=str(task.sentence.index), sentence=task.sentence.text,
        figures=_describe(figures) if figures else "none (an unsized deployment?)",
        fields=", ".join(facts_model(task).model_fields), options=options)


def treaty_question(task: SentenceTask) -> str:
    return load_prompt("treaty").render(index=str(task.sentence.index), sentence=task.sentence.text)


# --- what the model writes -------------------------------------------------

class _Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")


_STOP = {"the", "a", "an", "of", "and", "s", "in", "on", "for", "to"}


def uses_article_words(name: str, text: str) -> bool:
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
        fields["source"] = (Literal[task.source_options] | None, None)  # type: ignore[valid-type]
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


class TreatyAnswer(BaseModel):
    """What the model reads of a treaty sentence; which events it states is the program's reading.

    An ``action`` the model adds anyway (the system prompt's example shows one) is ignored: the
    event verbs of the sentence decide (``cited_records.treaty_events``).
    """

    # The docstring is the schema's description, sent with every treaty question: editing it
    # changes every recorded request. (``cited_records`` re-exports ``treaty_events``.)
    model_config = ConfigDict(extra="ignore")
    treaty: str | None = None
    parties: list[str] = []
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


def resolved_back_reference(said: str, task: SentenceTask, article: Article) -> str | None:
    earlier = [a.name for a in (attribute(x.text) for x in article.sentences[:task.sentence.index])
               if a.name]
    # The name a back-reference takes up may stand earlier in its own sentence ("after a pursuit
    # by X's border police ..., the border police said").
    at = task.sentence.text.find(said)
    return resolve(said, earlier, article.text[:task.sentence.start + max(at, 0)],
                   [x.text for x in article.sentences[:task.sentence.index]])
