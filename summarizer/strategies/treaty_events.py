"""Which treaty events a sentence states: the verbs of signing, ratifying, invoking, suspending,
leaving, joining and anniversaries, less the acts that are future, denied, restated or about troops."""

from __future__ import annotations

import re

from summarizer.dates import find_date_phrases
from summarizer.records import TreatyAction
from summarizer.strategies.cited_answers import CLAUSE_SPLIT
from summarizer.vocabulary import (
    ANNOUNCED_FUTURE,
    ANY_TROOPS,
    LEAVE_WORD,
    NOT_AN_ACT,
    SIGNED_INSTRUMENT,
    TREATY_ACTIONS,
    TREATY_CONDITION,
    TREATY_EVENT_NOUN,
    TREATY_FUTURE,
    TREATY_NOUN,
    TREATY_SAME_ACT,
    TREATY_WORD,
)

__all__ = ["TREATY_ACTIONS_ANY", "restates_an_event", "treaty_events"]


TREATY_ACTIONS_ANY = re.compile("|".join(p.pattern for p in TREATY_ACTIONS.values()), re.I)
# An event word as the object of another ("revoked its ratification"): one act, the first.
_ACT_ON_AN_ACT = re.compile(rf"\b(?:{TREATY_ACTIONS_ANY.pattern})\s+(?:its|their|the|his|her)\s+$", re.I)


# "completed their withdrawal from Niger": a place left, not a treaty ("withdrew from the Pact").
_FROM_A_PLACE = re.compile(r"\s+(?:of\s+[\w'’-]+\s+)?from\s+(?!the\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?![\w\s'’-]*"
                           r"(?:" + TREATY_WORD + "))", re.I)
_PROPOSAL_AFTER = re.compile(r"\s+(?:bill|draft|plan|proposal|motion|legislation|request)\b", re.I)
# "the assembly approved its withdrawal": the act approved is the event.
_APPROVED = re.compile(r"\bapprov\w+\s+(?:its|their|the)\s+$", re.I)
#: "joined" is an accession when what is joined is named or a treaty noun ("joined the Pact").
# What a leaving word leaves: a treaty by its noun or name, a body of states, or "it" (a treaty named before).
# With no object, a date or the clause's end follows: "X left in 2021, a year after Y withdrew".
_LEAVES_A_TREATY = re.compile(r"\s+(?:it\b|(?:the\s+)?(?-i:[A-Z])(?![\w-]*['’]s\b)|(?:[\w'’-]+\s+){0,3}(?:" + TREATY_NOUN.pattern + "))"
                              r"|\s*(?:[,.;]|$)|\s+(?:in|on|last|this|earlier|later|after|before|since|when|a year|"
                              r"months|weeks|days)\b", re.I)
# "pulled Belgrade's forces out of", "withdrew 300 troops from": a force taken out of a place.
_TROOPS_OUT = re.compile(r"(?:^|\s)\s*(?:(?:its|their|the|his|her|all|some|about|[\d,]+|[A-Z][\w'’-]*)\s+){0,3}"
                         r"(?:forces|troops|soldiers|personnel|units|contingent|army)\b", re.I)
# "X remain suspended" with no treaty, participation or "it" in the clause before it.
_STATE_OF_THINGS = re.compile(r"^(?:(?!" + TREATY_WORD + r"|\b(?:it|its|participation|membership|implementation|"
                              r"application|obligations|talks|cooperation)\b)[^,;:])*?"
                              r"\b(?:remain|remains|remained|were|was|are|is|been|be)\s+(?:\w+\s+)?$", re.I)
# A denunciation leaves a treaty only when the treaty is its object: "denounced the 2018 accord".
_DENOUNCES_A_TREATY = re.compile(r"\s+(?:it\b|(?:the|its|their|a|an)\s+(?:[\w'’-]+\s+){0,4}?(?:" + TREATY_WORD + r"))", re.I)
# "its troops had a month to withdraw": the troops are who withdraws, from a place.
# (Lowercase: "the Treaty on Conventional Armed Forces" is a treaty's name, not troops.)
_TROOPS_LEAVING = re.compile(r"\b(?:forces|troops|soldiers|army|units|fighters|contingent)\b[^.;,]{0,30}\s$")
# "the convention that both states have joined": the treaty is the relative clause's object.
_TREATY_RELATIVE = re.compile(r"(?:" + TREATY_NOUN.pattern + r")\s+(?:that|which)\s+[^.;,]{0,40}$", re.I)
_JOINS_A_TREATY = re.compile(r"\s+(?:the\s+)?(?:[A-Z]|(?:[\w-]+\s+){0,3}(?:" + TREATY_NOUN.pattern + "))")


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
            announced = action == "withdrawn" and ANNOUNCED_FUTURE.search(sentence[:match.start()])
            if (TREATY_FUTURE.search(sentence[max(0, match.start() - 25):match.start()]) and not announced) \
                    or TREATY_CONDITION.search(sentence[max(0, match.start() - 60):match.start()]):
                continue
            if action == "signed" and (
                    re.search(r"anniversary of\s+(?:the\s+|its\s+)?$|years since\b[^.;]{0,60}$",
                              sentence[:match.start()], re.I)
                    or re.match(r"\w*\s+into law\b", sentence[match.end():], re.I)
                    or SIGNED_INSTRUMENT.match(sentence[match.end():])):
                continue  # the signing an anniversary counts from; a bill "signed into law"; a decree
            if action == "acceded" and match.group().lower().startswith("join") and not _JOINS_A_TREATY.match(
                    sentence[match.end():match.end() + 60]) \
                    and not _TREATY_RELATIVE.search(sentence[max(0, match.start() - 60):match.start()]):
                continue  # "joining neighbours who ..." joins no treaty
            if action == "withdrawn" and LEAVE_WORD.match(match.group()) and not _LEAVES_A_TREATY.match(
                    sentence[match.end():match.end() + 60]):
                continue  # "leaving the grievances untouched" leaves no treaty
            if action == "withdrawn" and match.group().lower().startswith("denounc") and not _DENOUNCES_A_TREATY.match(
                    sentence[match.end():match.end() + 80]):
                continue  # "a deal both neighbours denounced": condemned, not left
            if action == "suspended" and _STATE_OF_THINGS.search(sentence[:match.start()]):
                continue  # "train services remain suspended": no treaty is the subject
            if NOT_AN_ACT.search(sentence[max(0, match.start() - 12):match.start()]):
                continue  # "this is not a withdrawal"
            if action == "withdrawn" and (_TROOPS_OUT.match(sentence[match.end():match.end() + 60])
                                          or _TROOPS_OUT.search(match.group())
                                          or _TROOPS_LEAVING.search(sentence[max(0, match.start() - 40):match.start()])):
                continue  # "pulled the army's forces out of the province": troops leave a place, not a treaty
            if _ACT_ON_AN_ACT.search(sentence[:match.start()]) and not _APPROVED.search(sentence[:match.start()]):
                continue  # "revoked its ratification" is one act: the revoking
            if _restates(sentence, match) or _PROPOSAL_AFTER.match(sentence, match.end()):
                continue  # pointing back to an act; "a withdrawal bill" is no act yet
            if match.group().lower() == "withdrawal" and ANY_TROOPS.search(sentence) \
                    and _FROM_A_PLACE.match(sentence, match.end()):
                continue  # troops withdrawing from a country leave no treaty
            found.append((match.start(), action))  # type: ignore[arg-type]
    found.sort()
    for match in TREATY_SAME_ACT.finditer(sentence):
        before = [a for p, a in found if p < match.start()]
        if before:  # "Latvia left in April, and Estonia followed": the same act, once more
            found.append((match.start(), before[-1]))
    found.sort()
    signings = [p for p, a in found if a == "signed"]
    if len(signings) > 1:
        # "the truce A and B agreed, which C brokered": the mediator's brokering is the same signing
        found = [(p, a) for p, a in found if not (a == "signed" and p != signings[0]
                                                   and sentence[p:p + 8].lower().startswith("brokered"))]
    events: list[tuple[TreatyAction, int]] = []
    for position, action in found:
        same = [p for a, p in events if a == action]
        if same and not CLAUSE_SPLIT.search(sentence[same[-1]:position]):
            continue
        if any(p == position for _, p in events):
            continue
        events.append((action, position))
    return events


def _restates(sentence: str, match: re.Match[str]) -> bool:
    """An act named by its noun with "the", and no date in its clause, points back to an
    event stated before ("Tarvania condemned the ratification")."""
    # The noun opening the sentence ("Ratification was hard-fought") points back as "the" does.
    if not TREATY_EVENT_NOUN.fullmatch(match.group()) \
            or not re.search(r"\b(?:the|this|that)\s+$|^\W*$", sentence[:match.start()], re.I):
        return False
    cuts = [m.end() for m in CLAUSE_SPLIT.finditer(sentence[:match.start()])]
    later = CLAUSE_SPLIT.search(sentence, match.end())
    clause = (cuts[-1] if cuts else 0, later.start() if later else len(sentence))
    return not any(clause[0] <= d.start and d.end <= clause[1] for d in find_date_phrases(sentence))


def restates_an_event(sentence: str) -> bool:
    """The sentence names a treaty act only by its noun, as a reference back to it."""
    return any(_restates(sentence, m) for p in TREATY_ACTIONS.values() for m in p.finditer(sentence))
