"""What a figure in a sentence counts: troops sent, killed, wounded, captured, or something else.

Small local models confuse these (troops sent labelled as killed), so this is
decided from the words around each number phrase, the way a reader does:
the casualty word of the figure's own clause ("300 soldiers were killed", "the
number of killed or wounded ... at 4,000"), or a troop noun right after it
("1,500 engineers were sent"). The model is then asked only what needs reading
comprehension: who said it, about whom, where and when.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.grammar import counted_noun, governing_verb
from summarizer.numbers import NumberPhrase, find_number_phrases
from summarizer.records import Count
from summarizer.vocabulary import (
    ACTING_FORCE_AFTER,
    ANY_TROOPS,
    ARMY_SIZE_BEFORE,
    CASUALTIES_AS_OBJECT,
    CASUALTY_VERB_BEFORE,
    CASUALTY_WORDS,
    DEPLOYED_BY_NAME,
    HAS_BEFORE,
    HELD_BEFORE,
    LIVES_AFTER,
    LOCATED_AFTER,
    NOT_A_DEPLOYMENT_AFTER,
    NOT_A_DEPLOYMENT_BEFORE,
    NOT_PEOPLE,
    NOUN_PHRASE_END,
    PERSON_NOUN,
    PERSON_SUFFIX,
    POLICE_NOUN,
    RELEASED,
    RELEASED_AFTER,
    SENT,
    SENT_JUST_BEFORE,
    STANDING_FORCE_AFTER,
    TROOP_LIMIT,
    TROOP_NOUN,
    TROOP_NUMBER_OF,
    TROOP_PRESENCE_AT,
    TROOP_TOTAL_TO,
    UNIT_NOUN,
    WAVE_OF,
    FigureLabel,
)

__all__ = ["Figure", "FigureLabel", "derived_share", "label_figures", "whose", "without_breakdowns",
           "without_restatements"]

_SENT_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}(?:has|have|had)?\s*(?:sent|deployed|dispatched|stationed)\b", re.I)
_TOTAL_BEFORE = re.compile(r"\b(total|tally)\b[^,;]{0,80}\bto\s*$|\badding to\s+(the\s+)?$", re.I)
# Where one figure's clause ends and the next begins.
_CLAUSE_BREAK = re.compile(r";|\bwhile\b|\bwhereas\b|\bbut\b|\bcompared\b|—|\bversus\b", re.I)
# A bare number inside a name ("Tower 9", "Route 66", "Brigade 12") counts nothing.
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)\b(?!(?:On|In|At|By|Since|From|Monday|Tuesday|Wednesday|Thursday|"
                          r"Friday|Saturday|Sunday|Another|Some|About|Around|Nearly|Almost|Only|Over|Roughly|"
                          r"Just|All|The|Those|These|Up|Under|Fewer|More|Less)\b)[A-Z][\w'’]*[ -]$")
# A figure that is part of the casualty figure before it: "26 people, including 14 soldiers".
_PART_OF = re.compile(r"\b(?:including|among them|among whom|of whom|of them)\s*$", re.I)
# The second object of the verb that governed the figure before: "<noun phrase> and".
_SECOND_OBJECT = re.compile(r"^[\s\w'’-]{0,40}?\b(?:and|as well as)\s+$", re.I)
# A verb of its own after the figure takes it out of the earlier verb's reach ("and 300 troops were sent").
_OWN_VERB = re.compile(r"\b(?:were|was|are|is|have|has|had|will|would)\b|" + SENT.pattern, re.I)
_SAME_QUANTITY = re.compile(r"\b(?:the (?:figure|number|total|count|estimate)|it)\b[^,;]{0,30}$", re.I)
# Modifiers between a figure and the noun it counts: "40 more Ruritanian border guards".
_MODIFIERS = re.compile(r"^\s*(?:(?:more|other|additional|further|extra|of|the|its|their|his|her|our|"
                        r"[A-Z][\w.'’-]*|[a-z]+(?:al|ary|ic|ed|ive|ian|ish|ese|an|ing|-\w+))\s+){0,4}")
_SHARE = re.compile(
    r"\b(half|a third|one[- ]third|two[- ]thirds|a quarter|one[- ]quarter|three[- ]quarters)\s+of\s+"
    r"(?:whom|them|those)\b[^.;]{0,40}?\b(killed|dead|died|wounded|injured|captured|fatal)", re.I)
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")


def _comma_clause(text: str) -> str:
    """The text after its last clause comma (not the one inside "3,100"): a limit ("allowed to")
    in an aside before it ("who was not allowed to brief the media, told ...") limits no troops."""
    cuts = [m.end() for m in _COMMA.finditer(text)]
    return text[cuts[-1]:] if cuts else text


_AND = re.compile(r"^[^,;]{0,50}?\s(?:and|with|plus)\s+$", re.I)
_SHARE_OF = re.compile(r"^\s*(?:of|per ?cent|percent|%)\b", re.I)
_FRACTIONS = {"half": 1 / 2, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3,
              "a quarter": 1 / 4, "one quarter": 1 / 4, "three quarters": 3 / 4}


@dataclass(frozen=True)
class Figure:
    """A number phrase in a sentence and what it counts."""

    phrase: NumberPhrase
    label: FigureLabel


def _casualty_label(text: str) -> FigureLabel | None:
    # The earliest casualty word wins; at one position the longer phrase
    # ("killed or wounded" over "killed").
    found = [(m.start(), -len(m.group(0)), label) for label, pattern in CASUALTY_WORDS
             for m in [pattern.search(text)] if m]
    return min(found)[2] if found else None


def _counts(after: str) -> str | None:
    """What the noun after a figure counts: "people", "things", or None when no noun follows.

    The words after the figure are read up to the end of its noun phrase; the first
    person noun makes it people ("40 Ruritanian border guards"), the first plural
    noun that names no person makes it things ("nine camps", "two vessels").
    """
    tokens = re.findall(r"[\w'’%-]+|[^\w\s]", after)[:6]
    for i, token in enumerate(tokens):
        if not re.match(r"[\w%]", token) or token.lower() in NOUN_PHRASE_END:
            return None
        rest = " ".join(tokens[i:])
        if PERSON_NOUN.match(rest) or (PERSON_SUFFIX.match(token) and not NOT_PEOPLE.match(token)):
            return "people"
        if UNIT_NOUN.match(rest) or NOT_PEOPLE.match(token):
            return "things"
        if re.fullmatch(r"[a-z]{3,}(?<!ous)(?<!ss)(?<!is)(?<!us)s", token):
            return "things"  # a plural head noun that names no person
    return None


def _label(sentence: str, phrase: NumberPhrase, prev_end: int, next_start: int) -> FigureLabel:
    label = _read_label(sentence, phrase, prev_end, next_start)
    if label == "troops" and phrase.text.lower() == "one":
        return "other"  # one person is a casualty or nothing, never a deployment
    if label == "captured":
        before = sentence[prev_end:phrase.start]
        if RELEASED.search(before) or RELEASED_AFTER.match(sentence[phrase.end:next_start]):
            return "other"  # captives freed or handed over are no longer held
    return label


def _read_label(sentence: str, phrase: NumberPhrase, prev_end: int, next_start: int) -> FigureLabel:
    after = sentence[phrase.end:next_start]
    cut = _CLAUSE_BREAK.search(after)
    after_clause = after[: cut.start()] if cut else after
    counts = _counts(after)
    if UNIT_NOUN.match(after) or (counts == "things" and not TROOP_NOUN.match(after)):
        return "other"
    if phrase.text.isdigit() and _NAME_BEFORE.search(sentence[max(0, phrase.start - 30):phrase.start]):
        return "other"  # a number inside a name
    before = sentence[prev_end:phrase.start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    before_clause = before[breaks[-1].end():] if breaks else before
    if ARMY_SIZE_BEFORE.search(before_clause) and counts == "people" and not DEPLOYED_BY_NAME.match(after):
        return "other"  # an army's size, whatever later words say of its losses
    # "N casualties, a third of them fatal": the share is a second figure, not what N counts.
    after_label = "killed" if LIVES_AFTER.match(after) else _casualty_label(
        _SHARE.sub(" ", CASUALTIES_AS_OBJECT.sub(" ", after_clause)))
    troop_after = TROOP_NOUN.match(after)
    noun_end = troop_after.end() if troop_after else 0
    noun = None if troop_after else counted_noun(sentence, phrase.start)
    if noun and not _SHARE_OF.match(after) and noun in after:
        # "200 Marines arrived": the parse finds the noun the capital hid from the word patterns
        troop_after = TROOP_NOUN.match(" " + noun.lower())
        noun_end = after.index(noun) + len(noun)
    own_casualty = _casualty_label(_COMMA.split(after[noun_end:])[0][:30]) if troop_after else None
    if after_label and troop_after and not own_casualty \
            and SENT.fullmatch(governing_verb(sentence, phrase.start) or ""):
        # "Colombia sent 5,000 soldiers ..., after an offensive left dozens dead": the dead belong to
        # another clause; the figure's own verb sends troops. A casualty word right after the noun
        # ("reached N soldiers killed and wounded") is the figure's own, whatever the verb.
        after_label = None
    # The verb that governs the figure decides first: "the raid killed 40 people and wounded 90".
    for verb_label, verb in CASUALTY_VERB_BEFORE:
        if verb.search(before_clause):
            return "killed_or_wounded" if after_label == "killed_or_wounded" else verb_label
    if HELD_BEFORE.search(before_clause) and counts == "people" and not NOT_A_DEPLOYMENT_AFTER.match(after):
        return "captured"  # "the militia is still holding 31 aid workers"
    if after_label:
        return after_label
    if not troop_after:
        label = _casualty_label(before_clause[-80:])
        if label:
            return label
    if troop_after and (TROOP_LIMIT.search(_comma_clause(before_clause)[-90:])
                        or (NOT_A_DEPLOYMENT_BEFORE.search(before_clause) and not DEPLOYED_BY_NAME.match(after))
                        or NOT_A_DEPLOYMENT_AFTER.match(after)
                        or ((STANDING_FORCE_AFTER.match(after) or ACTING_FORCE_AFTER.match(after))
                            and not SENT_JUST_BEFORE.search(before_clause))):
        return "other"  # a ceiling, an army's size, a force on alert or leaving: not a deployment
    if troop_after and HAS_BEFORE.search(before_clause) and not LOCATED_AFTER.match(after[noun_end:]) \
            and not DEPLOYED_BY_NAME.match(after):
        return "other"  # "the group, which has an estimated N fighters": its size, not a force anywhere
    if troop_after and POLICE_NOUN.search(troop_after.group(0)) and not SENT.search(sentence):
        return "other"  # "the national police has 10,000 officers": a force's size, nobody sent
    if troop_after:
        return "troops"
    if SENT_JUST_BEFORE.search(before_clause) and re.match(r"\s*members\b", after, re.I):
        return "troops"  # "the state has sent 120 members": members of the force being sent
    if TROOP_TOTAL_TO.search(before_clause) and counts is None:
        return "troops"  # "its garrison has grown to roughly N": the force's size now
    if WAVE_OF.search(before_clause) and counts is None:
        return "troops"  # "a second contingent of around N followed"
    if TROOP_PRESENCE_AT.search(before_clause) and counts is None and not TROOP_LIMIT.search(_comma_clause(before_clause)[-90:]):
        return "troops"  # "put the force's presence there at about N"
    if TROOP_NUMBER_OF.search(before_clause):
        # "put the number of its troops there at 3,000"; "caps the number of troops at N" is a limit
        return "other" if TROOP_LIMIT.search(_comma_clause(before_clause)[-90:]) else "troops"
    if (_SENT_AFTER.match(after) or _TOTAL_BEFORE.search(before_clause)) and ANY_TROOPS.search(sentence):
        return "troops"  # "adding to the 11,000 it has sent", "bringing the total ... to 15,000"
    return "other"


def label_figures(sentence: str) -> list[Figure]:
    """Every number phrase of ``sentence`` with what it counts.

    A figure with no words of its own that follows a casualty figure in a
    comparison ("..., while others put it at 1,200") counts the same thing.
    """
    phrases = find_number_phrases(sentence)
    figures: list[Figure] = []
    for i, phrase in enumerate(phrases):
        prev_end = phrases[i - 1].end if i else 0
        next_start = phrases[i + 1].start if i + 1 < len(phrases) else len(sentence)
        label = _label(sentence, phrase, prev_end, next_start)
        between = sentence[prev_end:phrase.start]
        after_casualty = bool(figures) and figures[-1].label not in ("troops", "other")
        after = sentence[phrase.end:next_start]
        people = label == "troops" or _counts(after) == "people"
        if label in ("troops", "other") and after_casualty and people and _PART_OF.search(between):
            label = "other"  # "killed 26 people, including 14 soldiers": a part of the toll
        elif label in ("troops", "other") and after_casualty and people and _SECOND_OBJECT.match(between) \
                and not _OWN_VERB.search(after):
            label = figures[-1].label  # "killed 40 militants and 12 soldiers": one verb, two objects
        elif label == "other" and figures and figures[-1].label == "troops" and _counts(after) is None \
                and _AND.match(between) and LOCATED_AFTER.match(after):
            label = "troops"  # "3,100 soldiers in Norland and some 400 in Lisk": the noun said once
        elif label == "other" and figures and figures[-1].label == "troops" and _counts(after) is None \
                and SENT_JUST_BEFORE.search(between):
            label = "troops"  # "A has sent 120 members, and B has sent about 90": the noun said once
        elif label == "other" and figures and figures[-1].label == "troops" and _counts(after) is None \
                and _CLAUSE_BREAK.search(between) and _SAME_QUANTITY.search(between):
            label = "troops"  # "X put the force at N, while Y gives the number as M"
        elif label == "other" and after_casualty:
            if _CLAUSE_BREAK.search(between) and not UNIT_NOUN.match(sentence[phrase.end:]):
                label = figures[-1].label
        figures.append(Figure(phrase, label))
    return figures


_SKIP_BEFORE_NOUN = {"more", "other", "others", "of", "the", "its", "their", "his", "her", "our", "additional",
                     "further", "extra", "them", "whom", "those"}
_CASUALTY_HEADS = {"dead", "wounded", "injured", "killed", "casualties", "bodies", "fatalities", "deaths", "injuries",
                   "lives", "victims"}


def whose(sentence: str, figure: Figure) -> str | None:
    """Whose losses the figure's own noun phrase names: "32 junta soldiers" -> "junta soldiers".

    Only a phrase that says whose (a modifier before the person noun) is returned; a bare
    "soldiers" or "men" leaves the question to the reader of the whole article.
    """
    tokens = re.findall(r"[\w'’-]+|[^\w\s]", sentence[figure.phrase.end:])[:8]
    words: list[str] = []
    for token in tokens:
        lower = token.lower()
        if not words and lower in _SKIP_BEFORE_NOUN:
            continue
        if not re.match(r"\w", token) or (lower in NOUN_PHRASE_END and lower not in _SKIP_BEFORE_NOUN):
            return None
        words.append(token)
        if lower in _CASUALTY_HEADS:
            return None  # "N either killed or wounded": the noun says what happened, not to whom
        if PERSON_NOUN.match(lower) or (PERSON_SUFFIX.match(token) and not NOT_PEOPLE.match(token)):
            if len(words) == 1 or len(words) > 4:
                return None
            return " ".join(words)
    return None


def derived_share(sentence: str, total: Count) -> tuple[FigureLabel, Count] | None:
    """"N casualties, two-thirds of whom were killed": the derived figure and its label."""
    match = _SHARE.search(sentence)
    if match is None or total.low is None or total.low != total.high:
        return None
    share = _FRACTIONS[match.group(1).lower().replace("-", " ")]
    label = _casualty_label(match.group(2)) or "other"
    value = round(total.low * share)
    return label, Count(low=value, high=value, approximate=True)


def without_breakdowns(figures: list[Figure]) -> list[Figure]:
    """Troop figures that only break down another one are parts of it, not deployments of their own.

    "N personnel: A engineers and B builders" with A + B = N states one deployment of N.
    """
    def exact(f: Figure) -> bool:
        return f.phrase.count.low is not None and f.phrase.count.low == f.phrase.count.high

    for i, whole in enumerate(figures):
        if whole.label != "troops" or not exact(whole):
            continue
        parts = [f for f in figures[i + 1:] if f.label in ("troops", "other") and exact(f)]
        for n in range(len(parts), 1, -1):
            if sum(p.phrase.count.low or 0 for p in parts[:n]) == whole.phrase.count.low:
                dropped = {id(p) for p in parts[:n]}
                return [f for f in figures if id(f) not in dropped]
    return figures


_DEFINITE = re.compile(r"\bthe\s+$", re.I)


def without_restatements(figures: list[Figure], sentence: str, earlier: str) -> list[Figure]:
    """Figures that only point back to a figure stated before are not claims of their own.

    "The 3,500 included special forces" after "3,500 soldiers were sent": the definite
    article marks a number the reader has already met, so the earlier sentence holds the claim.
    """
    pointing = [f for f in figures if f.label != "other"
                and _DEFINITE.search(sentence[max(0, f.phrase.start - 8):f.phrase.start])]
    if not pointing:
        return figures
    met = {n for p in find_number_phrases(earlier) for n in (p.count.low, p.count.high) if n is not None}
    dropped = {id(f) for f in pointing if {f.phrase.count.low, f.phrase.count.high} & met}
    return [f for f in figures if id(f) not in dropped]
