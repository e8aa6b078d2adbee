"""Treaty records of the ``cited`` strategy: one per event a sentence states.

The model reads a treaty sentence (name, parties, actor, date phrase); which events the
sentence states, and the date each one owns, is the program's reading of its verbs.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from summarizer.article import Article
from summarizer.dates import find_date_phrases, is_date_word
from summarizer.grammar import coordinated_subject, parse
from summarizer.names import normalise_name
from summarizer.records import Evidence, TreatyReference
from summarizer.strategies.cited_answers import CLAUSE_SPLIT, dates_of, not_echoed, verbatim_in_article
from summarizer.strategies.cited_plan import SentenceTask, TreatyAnswer, uses_article_words
from summarizer.strategies.treaty_events import TREATY_ACTIONS_ANY, restates_an_event, treaty_events
from summarizer.vocabulary import (
    known_treaty,
    CEASEFIRE_EVENT,
    CEASEFIRE_NOUN,
    COMMERCIAL,
    MEMBERSHIP_ACT,
    ONE_PARTY_EACH,
    ONE_STATE_WITH_AND,
    SAME_ACT_OPENING,
    TREATY_NAME_STOP,
    TREATY_NOUN,
    TREATY_POINTS_BACK,
    TREATY_WORD,
)

__all__ = ["names_a_treaty", "sentence_treaties", "treaty_events", "treaty_phrase", "treaty_records", "without_restatements"]


def sentence_treaties(task: SentenceTask, treaty: Any | None, article: Article, ref: dt.date | None,
                      evidence: Evidence, earlier_treaty: TreatyReference | None) -> list[TreatyReference]:
    """The treaty records of one sentence from the model's answer (``treaty``) and its text."""
    s = task.sentence
    # A treaty name the sentence does not write is the prompt's example echoed back: no record.
    # A sentence that only points back ("approved its withdrawal") may name a treaty written earlier.
    named_in = article.text[:s.end] if task.treaty_named_before else s.text
    if COMMERCIAL.search(s.text):
        return []  # a contract with a price or a company: trade, not a treaty between states
    again = SAME_ACT_OPENING.match(s.text)
    if again and earlier_treaty is not None and earlier_treaty.action != "mentioned" \
            and not treaty_events(s.text) and not TREATY_NOUN.search(s.text) and _names_a_party(s.text, again.end("who")):
        # "Poland did so on 10 September": the last event told, by another party, on its own date.
        dated = [d for d in find_date_phrases(s.text)]
        return [earlier_treaty.model_copy(update={
            "actor": again.group("who"), "evidence": evidence,
            "date": dates_of(dated[0].text, ref)[0] if dated else None})]
    if treaty is not None and treaty.treaty and not names_a_treaty(treaty.treaty, article.text):
        # "partnership" for "the treaty on partnership": the sentence's own name, noun included
        written = _with_its_noun(treaty.treaty, s.text)
        treaty = treaty.model_copy(update={"treaty": written}) if written else treaty
    if treaty is not None and treaty.treaty and not_echoed(treaty.treaty, article) \
            and uses_article_words(treaty.treaty, named_in) and (
                names_a_treaty(treaty.treaty, article.text)
                or (CEASEFIRE_NOUN.search(treaty.treaty) and CEASEFIRE_EVENT.search(s.text))):
        return treaty_records(treaty, s.text, evidence, article, ref)
    if task.treaty and treaty_events(s.text):
        # The model's name is not the sentence's: the sentence's own wording names the treaty,
        # or a bare "the deal" points back to the treaty named before. Only for an event: a
        # passing mention the model could not name is not worth a guess.
        own = treaty_phrase(s.text)
        known = known_treaty(s.text)
        cease = CEASEFIRE_EVENT.search(s.text) and CEASEFIRE_NOUN.search(s.text)
        own = own or (known.group(0) if known else None) or (cease.group(0) if cease else None)
        # "the deal", "Article 4" alone, or an act with no treaty noun ("approved its
        # withdrawal"): the treaty named before.
        back = earlier_treaty if own is None and earlier_treaty is not None \
            and (TREATY_POINTS_BACK.search(s.text) or _ARTICLE_ONLY.search(s.text)
                 or (task.treaty_named_before and not TREATY_NOUN.search(s.text))) else None
        if own is None and back is None:
            # "Under an agreement the two governments concluded in May": the event is stated,
            # the treaty is not named; its noun is all the sentence gives.
            bare = _INDEFINITE_TREATY.search(s.text)
            body = MEMBERSHIP_ACT.search(s.text)  # "left the Economic Community of ...": the body's name
            own = body.group("body").strip() if body else bare.group(1) if bare else None
        if own or back:
            answer = TreatyAnswer(treaty=own or back.treaty, parties=getattr(treaty, "parties", None) or [],
                                  actor=getattr(treaty, "actor", None), when=getattr(treaty, "when", None))
            records = treaty_records(answer, s.text, evidence, article, ref)
            if back is not None:
                records = [r if r.parties else r.model_copy(update={"parties": list(back.parties)})
                           for r in records]
            return records
    return []


def _names_a_party(sentence: str, end: int) -> bool:
    """Whether the sentence's opening words up to ``end`` name a state, a body or a person, by the
    entity recogniser: "Poland", "the State Duma" can be a treaty's party; "Protests" cannot."""
    return any(e.label_ in ("GPE", "ORG", "NORP", "PERSON") and e.start_char < end
               for e in parse(sentence).ents)


def names_a_treaty(name: str, text: str) -> bool:
    """A treaty's name has a treaty noun ("the Ottawa Convention"), or is a proper name the
    article writes beside one ("New START ... the treaty"). "The Dacian exercise", "a
    moratorium" or a peacekeeping mission's acronym, named in a treaty sentence, are not treaties.
    """
    if TREATY_NOUN.search(name) or known_treaty(name):
        return True
    words = name.split()
    if not words or not words[-1][:1].isupper():
        return False
    return any(TREATY_NOUN.search(text[max(0, m.start() - 40):m.end() + 40])
               for m in re.finditer(re.escape(name), text))


def _with_its_noun(name: str, sentence: str) -> str | None:
    """The sentence's span for a treaty the model named without its noun: "the treaty on X" or
    "the X treaty" for "X"; None when the sentence writes no treaty noun beside the name."""
    noun = TREATY_WORD
    match = re.search(rf"{noun}\s+(?:on|of|for)\s+(?:the\s+)?{re.escape(name)}", sentence, re.I) \
        or re.search(rf"{re.escape(name)}\s+{noun}", sentence, re.I)
    return match.group(0) if match else None


_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]")
_ARTICLE_ONLY = re.compile(r"\bArticle \d+\b(?!\s+of\b)")
_INDEFINITE_TREATY = re.compile(r"\b(?:an?|another)\s+(" + TREATY_WORD + ")", re.I)


def treaty_phrase(sentence: str) -> str | None:
    """The treaty's name as the sentence writes it: a treaty noun with its modifiers.

    "froze the arbitration clause of the 1998 fisheries pact with Lutania" gives "1998
    fisheries pact with Lutania". Modifiers are the words left of the noun up to a determiner, preposition or
    verb, and a "with/between/on/of" phrase of capitalised words on its right. A bare noun
    ("the deal") names nothing: None. The longest such name in the sentence wins.
    """
    best: str | None = None
    for match in TREATY_NOUN.finditer(sentence):
        if match.group(1) is None:
            continue  # "Article 5" is a part of a treaty, not its name
        start = match.start()
        for word in reversed(list(re.finditer(r"\S+", sentence[:match.start()]))[-6:]):
            text = word.group()
            if (_CLAUSE_BREAK.search(text) or text.lower() in TREATY_NAME_STOP
                    or (text.islower() and text.endswith("ed")) or TREATY_ACTIONS_ANY.fullmatch(text)):
                break
            start = word.start()
        end = match.end()
        right = re.match(r"\s+(?:with|between|on|of)\s+(?:the\s+)?((?:[A-Z][\w'’.-]*|and|of|the)"
                         r"(?:\s+(?:[A-Z][\w'’.-]*|and|of|the)){0,5})", sentence[end:])
        if right:
            words_right = right.group(0).split()
            while words_right and words_right[-1] in {"and", "of", "the"}:
                words_right.pop()
            while words_right and is_date_word(words_right[-1].rstrip(".,;:")):
                words_right.pop()  # "the agreement on Monday": a date, not a party
            while words_right and words_right[-1] in {"and", "of", "the", "on", "with", "between"}:
                words_right.pop()
            if words_right and words_right[-1][0].isupper():
                end += len(right.group(0)[:right.group(0).rfind(words_right[-1]) + len(words_right[-1])])
        phrase = re.sub(r"(?<=[a-z])\.$", "", sentence[start:end].strip())
        if (start, end) != (match.start(), match.end()) and (best is None or len(phrase) > len(best)):
            best = phrase
    return best


def _nearest_date(sentence: str, position: int, bound: tuple[int, int], name: str | None) -> str | None:
    """The date phrase of the clause around ``position``: the first after it, else the last before.

    A year inside the treaty's name ("the 1998 fisheries pact") dates the treaty, not this event.
    """
    named = [(m.start(), m.end()) for m in re.finditer(re.escape(name), sentence, re.I)] if name else []
    phrases = [d for d in find_date_phrases(sentence) if bound[0] <= d.start and d.end <= bound[1]
               and not any(a <= d.start and d.end <= b for a, b in named)]
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
    if not events and restates_an_event(sentence):
        return []  # the act was recorded where the article first stated it
    if not events:
        return [TreatyReference(treaty=treaty.treaty, parties=parties, action="mentioned", actor=None,
                                date=None, provisions=provisions, evidence=evidence)]
    cuts = [p for _, p in events[1:]]
    records: list[TreatyReference] = []
    for n, (action, position) in enumerate(events):
        # Each event owns the text from its own verb's clause to the next event's verb.
        left = 0 if n == 0 else max(m.end() for m in CLAUSE_SPLIT.finditer(sentence[:position])
                                    ) if CLAUSE_SPLIT.search(sentence[:position]) else 0
        right = cuts[n] if n < len(cuts) else len(sentence)
        when = _nearest_date(sentence, position, (left, right), treaty.treaty)
        if when is None and len(events) == 1:
            when = verbatim_in_article(not_echoed(treaty.when, article), article)
        event_ref = _year_referred_to(sentence, position, when, article) or ref
        subject = _subject_of(sentence[left:position]) if len(events) > 1 else None
        if records and any(r.action == action for r in records) and (
                when is None or dates_of(when, event_ref)[0] in {r.date for r in records if r.action == action}) \
                and (subject is None or subject in {r.actor for r in records}):
            continue  # the same act restated ("held in abeyance ... has suspended"), not a second one
        own_actor = actor if len(events) == 1 or (actor and actor.lower() in sentence[left:right].lower()) \
            else subject
        for one in _each_party(sentence, position) if action in ONE_PARTY_EACH else [own_actor]:
            records.append(TreatyReference(
                treaty=treaty.treaty, parties=parties, action=action, actor=one or own_actor,
                date=dates_of(when, event_ref)[0], provisions=provisions, evidence=evidence))
    return records


def _year_referred_to(sentence: str, position: int, when: str | None, article: Article) -> dt.date | None:
    """"signed in 2019 ... that February", "in December of that year": the month belongs to the
    year the text wrote last before it, not to the article's own year. The end of that year is
    the reference the month is read against; None when the phrase is not such an anaphor."""
    if not when or when not in sentence:
        return None
    at = min((m.start() for m in re.finditer(re.escape(when), sentence)), key=lambda p: abs(p - position))
    if not (re.search(r"\bthat\s+$", sentence[:at]) or re.match(r"\s+of\s+that\s+year\b", sentence[at + len(when):])):
        return None
    start = article.text.find(sentence)
    before = (article.text[:start] if start >= 0 else "") + sentence[:at]
    years = re.findall(r"(?<![\d,.])(19\d\d|20\d\d)(?![\d,])", before)
    return dt.date(int(years[-1]), 12, 31) if years else None


def _each_party(sentence: str, position: int) -> list[str | None]:
    """The parties of a coordinated subject of the event verb at ``position``, one act each
    ("Estavia and Vell ratified it in 2004"); [None] (the actor as read) for one party."""
    conjuncts = coordinated_subject(sentence, position)
    if len(conjuncts) < 2 or ONE_STATE_WITH_AND.search(sentence[conjuncts[0].start:conjuncts[-1].end]):
        return [None]
    return [c.text for c in conjuncts]


def _subject_of(before_verb: str) -> str | None:
    """The capitalised name right before an event's verb: "a year after the Vellan Republic withdrew"."""
    match = re.search(r"(?:^|\s)((?:[A-Z][\w'’.-]*\s+){1,4})(?:(?:also|formally|later|then|itself)\s+)?$",
                      before_verb)
    return match.group(1).strip() if match else None


def without_restatements(records: list[TreatyReference]) -> list[TreatyReference]:
    """An event stated again later in the article ("the pact, signed in May, ...") is one record.

    A later record of the same treaty and act is a restatement when it adds no other date or
    actor; each party's own ratification (another actor or date) stays a record of its own. A
    signing named in passing with no date or actor is the one a later sentence tells in full.
    """
    out: list[TreatyReference] = []
    for n, record in enumerate(records):
        if record.action == "signed" and record.date is None and record.actor is None and any(
                _same_treaty(record.treaty, later.treaty) and later.action == "signed" and later.date
                for later in records[n + 1:]):
            continue  # "since the truce agreed at Lirsk took hold": the signing told in full later
        if record.action != "mentioned" and any(
                _same_treaty(record.treaty, kept.treaty) and record.action == kept.action
                and record.date in (None, kept.date) and record.actor in (None, kept.actor)
                and set(record.parties) <= set(kept.parties)
                for kept in out):
            continue
        out.append(record)
    return out


def _same_treaty(a: str, b: str) -> bool:
    x, y = normalise_name(a), normalise_name(b)
    return x == y or x in y or y in x
