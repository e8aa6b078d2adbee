"""Who a sentence attributes its claim to, read from the sentence's grammar.

Small models swap the roles in "Citing the ministry, the Wire reported ..." and
name the outlet as the source of "X said ..., the Wire reported"; the grammar of
attribution in wire copy is regular enough for the program to read it:

- ``S said/estimated/told O ...``, ``..., S said.``       -> source S (via O when O is named)
- ``according to S``                                      -> source S
- ``O, citing S, reported ...`` / ``Citing S, O reported`` -> source S via O
- ``S said ..., O reported``                               -> source S via O
- ``S1 told reporters that S2 estimated ...``              -> source S2 via S1

A subject that only points back ("the agency", "it", "the official") is
resolved in ``summarizer.referents``. A sentence with no
attribution at all has no source (the gold rule: an unattributed claim has
source null). The model's reading is kept only where the grammar says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summarizer.dates import is_date_word
from summarizer.grammar import is_noun_at
from summarizer.vocabulary import (
    AUDIENCES, PLACED_SPEAKERS, PLURAL_SPEAKERS, REPORTING_NOUNS, REPORTING_VERBS, SPEAKER_HEADS, SPEAKING_DOCUMENTS,
)

__all__ = ["AGENT_HEAD", "Attribution", "DOCUMENT", "PERSON", "PRONOUN", "attribute", "is_back_reference", "speaker_name"]

_VERBS = "|".join(REPORTING_VERBS)
_VERB = re.compile(rf"\b({_VERBS})\b")
_NOUN_TOO = REPORTING_NOUNS
# "..., aid agencies estimate, and ...": after a plural agent the word is the verb.
_AGENT_BEFORE = re.compile(rf"\b({'|'.join(PLURAL_SPEAKERS)})\s+$", re.I)
_NOUN_NEXT = re.compile(r"\s*(were|was|are|is|have|had|of|by|in|from|and|about|on|for|[\"”,.;:])", re.I)
_DETERMINER = re.compile(r"\b(a|an|the|its|his|her|their|this|that|these|those|of|described|denied|"
                         r"dismissed|rejected|questioned|cited)\s+$", re.I)
# A lowercase past-tense word inside a "subject" means it is a clause ("on Tuesday described").
_INNER_VERB = re.compile(r"(?<![\w-])(?!(?:unnamed|unidentified|armed|united|retired|elected|allied|"
                         r"combined|based|detailed|informed|respected)\b)[a-z]+ed\b")
# Between a subject and its verb: "the agency on Thursday also said".
_ADVERBIAL = re.compile(r"(\s+(?:on|in|late|early|last)\s+\w+(?:\s+\w+)?|\s+also|\s+separately|"
                        r"\s+now|\s+previously|\s+earlier|\s+later|\s+has|\s+have|\s+had)+$", re.I)
# "officials in Port Vela": a capitalised place after a speaker noun is part of the speaker.
_PLACE_AFTER = re.compile(rf"\b(?i:{'|'.join(PLACED_SPEAKERS)})\s+(?:in|from|at)\s+([A-Z][\w'’-]+)(?:\s+\w+){{0,2}}$")
# (The comma inside "2,000" separates nothing.)
_BOUNDARY = re.compile(r"""(?<!\d),|,(?!\d)|[;:"“”()]|\s[-–—]+\s|\b(?:while|but|whereas|that|and that|as)\s|"""
                       r"""\b(?:said|says|told|tells|reported|stated|added|noted|announced)\s""")
# "CITY, Feb 11 (Agency) -- ": the dateline names the wire that filed the story, not a source.
_DATELINE = re.compile(r"^[A-Z][A-Z/ .'-]+,?[^-–—()]{0,40}?(\([^)]*\))?\s*[-–—]+\s*")
# "..., while U.S. estimates were lower": a second claim owned by a named body.
_CONTRAST_OWNER = re.compile(r"\b(?:while|whereas|but)\s+((?:[A-Z][\w.'’-]*\s+)+)(?:assessments?|estimates?|"
                             r"figures|intelligence|reports?|data|officials)\b")
_CONTRAST = re.compile(r"\b(while|whereas|but)\b|;|,\s*and\b")
# Between a speaker's verb and a second speaker whose claim they relay: "told reporters that".
_RELAY_GAP = re.compile(r"^\s*([\w'’-]+\s+){0,8}?(that\s*)?$")
_CITING = re.compile(r"\b(?:citing|which cited|who cited|quoting)\s+([^,.;]+)", re.I)
# "The toll was confirmed by hospital officials": a passive claim's agent.
_PASSIVE_BY = re.compile(r"\b(?:confirmed|reported|given|announced|released|provided|published|compiled|issued|"
                         r"verified|documented|recorded)\s+by\s+([^,.;]+?)(?=,|\.|;|$| which | who | that | in a )",
                         re.I)
_ACCORDING = re.compile(r"\baccording to\s+([^,.;]+?)(?=,|\.|;|$| which | who | that | in a )", re.I)
_TOLD = re.compile(r"^\s*(?:the\s+)?([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*)")
AGENT_HEAD = re.compile(rf"\b({'|'.join(SPEAKER_HEADS)})\b", re.I)
PRONOUN = re.compile(r"^(it|he|she|they|its|his|her|their)$", re.I)
# "the statement said", "the report added": the document speaks for its last named author.
DOCUMENT = re.compile(rf"^(the|that|this)\s+(\w+\s+)?({'|'.join(SPEAKING_DOCUMENTS)})$", re.I)
_GENERIC = re.compile(rf"^({'|'.join(AUDIENCES)})\b", re.I)
_MAX_WORDS = 14
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "not",
              "january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december"}
# "according to a report from X", "according to figures X released": X is the source.
_REPORT_OF = re.compile(r"^(?:an?\s+|the\s+)?(?:\w+\s+)?(?:reports?|statements?|figures|data|estimates?|"
                        r"assessments?|briefings?|counts?|tally|tallies|analysis|study|survey|review|database|tracker)\s+(?:(?:from|by|of|released by|issued by)\s+"
                        r"(?P<who>.+)|(?:that\s+)?(?P<who2>.+?)\s+(?:released|published|issued|gave|"
                        r"provided)\b.*)$", re.I)


@dataclass(frozen=True)
class Attribution:
    """A sentence's attribution: who (as written), through whom, and whether there is any."""

    name: str | None = None
    via: str | None = None
    cue: bool = False
    others: tuple[str, ...] = ()  # speakers of further claims in the sentence ("..., while S2 said")


_ACRONYM = re.compile(r"\s*[\(\[][A-Z][A-Za-z.]{1,7}[\)\]]")
# "an official for X", "a spokesman of X": the body speaks through its official.
_OFFICIAL_FOR = re.compile(r"^(?:an?|the)\s+(?:\w+\s+)?(?:official|spokes\w+|representative)s?\s+"
                           r"(?P<prep>for|of|from|at|with|in)\s+(.+)$", re.I)
# "analysts at the X Institute": the institution is the source.
_EXPERTS_AT = re.compile(r"^(?:\w+\s+)?(?:analysts?|experts?|researchers?|scholars?|economists?)\s+at\s+"
                         r"(?:the\s+)?(.+)$", re.I)
_DESCRIBED = re.compile(r"^(?:the\s+)?(?:\S+\s+)?\S+-(?:linked|backed|run|owned|controlled|led|allied|aligned|"
                       r"affiliated|based|funded|supported|sponsored|armed)\s+(?=[A-Z])")
# A lowercase title and a capitalised name after it: the name alone.
_TITLE_BEFORE_NAME = re.compile(rf"(?:^|\s)(?-i:[a-z]+)\s+((?:[A-Z][\w.'’-]+\s+){{1,3}}[A-Z][\w'’-]+)$")
# "A report by X circulated in July": the report's author speaks.
_DOCUMENT_BY = re.compile(r"^(?:an?|the)\s+(?:\w+\s+)?(?:report|statement|assessment|count|study|analysis|"
                          r"review|survey|tally)\s+(?:by|from|of)\s+(.+?)\s+(?:[a-z]+ed)\b.*$", re.I)
def speaker_name(phrase: str) -> str | None:
    """A subject phrase the parser found, cleaned as the sentence's own speakers are; None if
    it cannot speak ("the figure", "it")."""
    name = _clean(_first_of(phrase))
    return name if name and _is_agent(name) and not PRONOUN.match(name) else None


# "NIS statements", "Western assessments": the owner of the report is the source.
_OWNED_REPORT = re.compile(r"(?:^|\s)((?:[A-Z][\w.'’-]*\s+)+)(?:statements?|reports?|estimates?|"
                           r"assessments?|figures|data|briefings?)$")


def _clean(phrase: str | None) -> str | None:
    if phrase is None:
        return None
    phrase = phrase.strip()
    document = _DOCUMENT_BY.match(phrase)
    if document:
        phrase = document.group(1)
    official = _OFFICIAL_FOR.match(phrase)
    if official and official.group("prep").lower() in ("in", "at") and not AGENT_HEAD.search(official.groups()[-1]):
        official = None  # "an official in <town>": where an unnamed person speaks, not a body
    official = official or _EXPERTS_AT.match(phrase)
    if official and re.search(r"[A-Z]", official.groups()[-1]):
        phrase = official.groups()[-1]
    # "the Moscow-backed X", "the state-run Y": a description in front of the name.
    phrase = _DESCRIBED.sub("", phrase.strip())
    titled = _TITLE_BEFORE_NAME.search(phrase)
    if titled and AGENT_HEAD.fullmatch(phrase[:titled.start(1)].split()[-1]):
        phrase = titled.group(1)  # "coast guard spokesman Ana Ruiz": the person is the most specific name
    # "the UN mission VELMA", "the rights group Vardo": the name after its description
    described = re.fullmatch(r"(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?(?-i:[a-z][\w-]*)\s+((?-i:[A-Z][A-Z0-9-]{2,}))", phrase)
    if described and AGENT_HEAD.search(phrase[:described.start(1)]):
        phrase = described.group(1)
    owned = _OWNED_REPORT.search(phrase)
    if owned:
        phrase = owned.group(1)
    phrase = re.sub(r"^\s*(?:and|but|while|also|then)\s+", "", phrase.strip(), flags=re.I)
    place = _PLACE_AFTER.search(phrase)
    if place and not is_date_word(place.group(1)):
        phrase = phrase.strip(" ,;:'\"“”‘’")  # "officials in Vell district": where they speak from
    else:
        phrase = _ADVERBIAL.sub("", phrase).strip(" ,;:'\"“”‘’")
    if not phrase or len(phrase.split()) > _MAX_WORDS or not re.search(r"[A-Za-z]", phrase):
        return None
    return phrase


def _is_agent(phrase: str | None) -> bool:
    """A phrase that can say something: a name (capitalised), an agent noun, or a pronoun."""
    if not phrase:
        return False
    words = phrase.split()
    if PRONOUN.match(phrase) or DOCUMENT.match(phrase):
        return True
    if _INNER_VERB.search(phrase) or words[-1].lower() in _NOT_NAMES:
        return False
    if any(w[:1].isupper() for w in words if w.lower() not in ("the", "a", "an")):
        return True
    return bool(AGENT_HEAD.search(words[-1]))


# Heads that name no one even when capitalised at a sentence's start; "the Kremlin" is a name.
_GENERIC_BODIES = frozenset({"ministry", "agency", "department", "office", "committee", "commission", "council",
                             "government", "mission", "command", "directorate", "bureau", "service"})


_DESCRIPTOR = re.compile(r"[A-Z][\w.]*-(?:based|linked|backed|run|led|owned|funded|allied|aligned|born)")


def is_back_reference(phrase: str) -> bool:
    """'it', 'the agency', 'the official', 'the two ministries': names no one by itself.

    "A military source" introduces an unnamed speaker; it points back to no one.
    """
    words = phrase.split()
    if PRONOUN.match(phrase) or DOCUMENT.match(phrase):
        return True
    # A sentence's first word is capitalised whatever it is: "The Ministry notes" points back,
    # while "the Bureau" inside a sentence is a body's name.
    generic = _GENERIC_BODIES if words[0] == "The" else frozenset()
    # "the London-based monitor": a description, however capitalised its first half
    return (words[0].lower() == "the" and all(w[:1].islower() or w.lower() in generic or _DESCRIPTOR.fullmatch(w)
                                              for w in words[1:])
            and bool(AGENT_HEAD.search(words[-1])))


def _subject_before(sentence: str, verb_start: int) -> str | None:
    head = _ACRONYM.sub("", sentence[:verb_start])
    cuts = [m.end() for m in _BOUNDARY.finditer(head)]
    return _clean(head[cuts[-1]:] if cuts else head)


_APPOSITION = re.compile(r"^(a|an|the)\s+([\w'’-]+\s+){0,3}(of|for|at|on|in|with)\b|^(a|an)\s+|"
                         # a title: "the Pentagon press secretary", "Russia's security council secretary"
                         r"^(?:(?:the)\s+|[A-Z][\w.'’-]*(?:'s|’s)\s+)(?:[\w.'’-]+\s+){0,4}?(?-i:[a-z])[\w-]*$|"
                         r"^the\s+(?:[\w'’-]+\s+){1,3}(?:that|which|who|set up|formed|run|created|founded|led)\b|"
                         r"^(an?|the)\s+(?:[\w'’-]+\s+){0,5}(think tank|agency|group|body|outlet|"
                         r"newspaper|broadcaster|daily|service|unit|organi[sz]ation)$", re.I)
# ", who sits on the committee,", ", in the same report,": asides between a name and its verb.
_INSERT = re.compile(r"^(who|which|in|at|on|during|according|speaking|writing|for (its|their|his|her) part|"
                     r"meanwhile|however|too|also|in turn|separately|for now|so far)\b", re.I)
# An acronym or short name restated as an aside: ", the PO,".
_SHORT_NAME = re.compile(r"(?:the\s+)?[A-Z][A-Z0-9&.-]{1,7}")
PERSON = re.compile(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}")


_SOURCE_OF = re.compile(r"\b(?:reports?|statements?|figures|data|estimates?|assessments?|briefings?)\s+"
                        r"(?:from|by|of|released by|issued by)\s+([^,;]+)$", re.I)
# "X claimed the raid through its Y agency, which said": Y speaks.
_THROUGH = re.compile(r"\b(?:through|via)\s+(?:its|their|his|her|the)\s+([^,;]+)$", re.I)
_RELATIVE = re.compile(r",\s*(?:which|who)\s*$", re.I)
_LIST_TAIL = re.compile(r"^\s*(?:and|or)\s+\S|^\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?:and|or)\s+[A-Z]")
_CLAUSE = re.compile(r"\b(is|was|are|were|been|than)\b")


def _first_of(phrase: str) -> str:
    """The first source named in a joint attribution, as the gold rules read one.

    "Dravian officials and allied intelligence sources" -> "Dravian officials";
    "Estavian, Norlandic and Valmoran intelligence agencies" -> "Estavian intelligence
    agencies"; "Aram, Bex and Cal" -> "Aram".
    """
    phrase = re.sub(r"^(both|all|each of)\s+", "", phrase, flags=re.I)
    items = [i.strip() for i in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", phrase) if i.strip()]
    if len(items) < 2:
        return phrase
    first, last = items[0], items[-1]
    if AGENT_HEAD.search(first.split()[-1]):
        return first  # "A officials and B sources": two whole names
    if len(items) == 2:
        return phrase  # "A and B intelligence sources": one joint description
    if len(items) > 2 and all(len(i.split()) <= 2 for i in items[:-1]) and len(last.split()) > 1 \
            and AGENT_HEAD.search(last.split()[-1]):
        return first + " " + " ".join(last.split()[1:])  # adjectives sharing one head noun
    return first


def _speaker(head: str) -> str | None:
    """The subject ending ``head``: past an apposition ("Ana Ruiz, a member of X,"),
    a relative pronoun ("an estimate from X, which said"), or a list ("A, B and C said")."""
    relative = _RELATIVE.search(head)
    if relative:
        head = head[:relative.start()]
        source = _SOURCE_OF.search(head) or _THROUGH.search(head)
        return _clean(source.group(1)) if source else _subject_before(head, len(head))
    pronoun = re.search(r"\b(it|he|she|they)\s+(?:\w+\s+)?$", head, re.I)
    if pronoun and not _BOUNDARY.search(head[pronoun.end():]):
        return pronoun.group(1)  # "... casualties it gave in January"
    subject = _subject_before(head, len(head))
    if subject and _CLAUSE.search(subject):
        return None  # a clause, not a subject ("the claim is higher than a March estimate")
    if subject and _LIST_TAIL.match(head[head.rfind(","):].lstrip(",")) and "," in head:
        # "A, B, and C estimate": the list runs back over short comma-separated items.
        parts = head.split(",")
        start = len(parts) - 1
        while start > 0 and len(parts[start - 1].split()) <= 3 and re.search(r"[A-Z]", parts[start - 1]):
            start -= 1
        if start < len(parts) - 1:
            return _clean(_first_of(",".join(parts[start:])))
    if subject:
        return _clean(_first_of(subject))
    if not head.rstrip().endswith(","):
        return None
    # "X, <insert>, said": an apposition, a relative clause or an aside after the name, or
    # the name itself after a title ("the defence minister, Ana Ruiz, said").
    parts = head.rstrip()[:-1].split(",")
    if len(parts) < 2:
        return None
    insert = parts[-1].strip()
    if PERSON.fullmatch(insert) and not _APPOSITION.match(insert):
        return insert
    known_as = re.fullmatch(r"(?:also |better )?known as (?:the )?([A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})", insert)
    if known_as:
        return known_as.group(1)  # "the army, known as the VDF, said": the name, not the description
    # Walk back over up to three asides: "X, in a statement from its press office, the PO, said".
    at = len(parts) - 1
    while at >= 1 and len(parts) - at <= 3 and (_APPOSITION.match(parts[at].strip())
                                                 or _INSERT.match(parts[at].strip())
                                                 or _SHORT_NAME.fullmatch(parts[at].strip())):
        if at - 1 == 0 and _INSERT.match(parts[0].strip()) and _APPOSITION.match(parts[at].strip()):
            break  # "In the north, the ministry of X, the body that ..., said": the ministry speaks
        at -= 1
    return _speaker_plain(parts[at]) if at < len(parts) - 1 else None


def _speaker_plain(head: str) -> str | None:
    subject = _subject_before(head, len(head))
    return _clean(_first_of(subject)) if subject else None


# "N were killed, said the ministry": a speaker after its verb, once the claim is told.
_INVERTING = frozenset({"said", "says", "added", "stated", "wrote", "noted", "reported", "announced", "confirmed"})
_AFTER_A_CLAIM = re.compile(r"\w.*(?:,|[”\"])\s*$")
_INVERTED_SUBJECT = re.compile(r"\s+((?:the\s+)?[A-Za-z][^,.;:]*?(?:[A-Z]\.[^,;:]*?)?)(?=,|\.(?:\s|$)|;|:|$|\s+(?:on|in|at|during|"
                               r"late|early|last|this|after|before|when|while)\b)")


def _named(phrase: str | None) -> str | None:
    """The capitalised name at the start of a phrase ("Reuters", "Kyodo News"), if it is one."""
    if not phrase or _GENERIC.match(phrase.strip()):
        return None
    match = _TOLD.match(phrase)
    # "told Reuters." ends the sentence; "U.S." keeps its stop.
    return re.sub(r"(?<=[a-z]{2})\.$", "", match.group(1).strip()) if match else None


# Planning asks about every sentence before the one in hand (to resolve back-references)
# and again when building records: the answer depends on the sentence alone, so keep it.
@lru_cache(maxsize=4096)
def attribute(sentence: str) -> Attribution:
    """The attribution the sentence's own words give (names exactly as written)."""
    sentence = _DATELINE.sub("", sentence)
    citing = _CITING.search(sentence)
    if citing and re.match(r"(?:its|their|his|her)\b", citing.group(1), re.I):
        citing = None  # "X put the toll at N, citing its own sources": X's own claim, relayed by no one
    according = _ACCORDING.search(sentence)
    subjects: list[tuple[str, str, int]] = []  # (phrase, verb, offset of the phrase's verb)
    for verb in _VERB.finditer(sentence):
        if _DETERMINER.search(sentence[:verb.start()]) or (
                verb.group(1) in _NOUN_TOO and _NOUN_NEXT.match(sentence[verb.end():])
                and not _AGENT_BEFORE.search(sentence[:verb.start()])) or (
                verb.group(1) in _NOUN_TOO and not _AGENT_BEFORE.search(sentence[:verb.start()])
                and is_noun_at(sentence, verb.start())):
            continue  # "an estimate of", "described reports of", "the claims were": nouns
        subject = _speaker(sentence[:verb.start()])
        if subject is None and verb.group(1) in _INVERTING and _AFTER_A_CLAIM.search(sentence[:verb.start()]):
            inverted = _INVERTED_SUBJECT.match(sentence, verb.end())
            subject = _clean(_first_of(inverted.group(1))) if inverted else None  # "..., said the ministry."
        if subject is None and verb.group(1).endswith("ing") and subjects:
            continue  # "S said ..., saying": the same speaker
        if subject and _is_agent(subject) and not (citing and subject in citing.group(1)):
            subjects.append((subject, verb.group(1), verb.start(), verb.end()))
    if citing:
        cited = _clean(_first_of(citing.group(1)))
        relay = next((s for s, _, _, _ in subjects), None)
        if relay is None and sentence[:citing.start()].rstrip().endswith(","):
            head = sentence[:citing.start()].rstrip()[:-1]
            relay = _subject_before(head + " ", len(head) + 1)
            relay = re.sub(r"^according to\s+", "", relay, flags=re.I) if relay else None
        if cited:
            return Attribution(cited, relay, True)
    if according:
        quoted = re.match(r"^(.+?)\s+(?:quoted|cited)\s+by\s+(.+)$", according.group(1))
        report = _REPORT_OF.match(quoted.group(1) if quoted else according.group(1))
        name = _clean(_first_of(report.group("who") or report.group("who2") if report
                                else quoted.group(1) if quoted else according.group(1)))
        relay = _named(quoted.group(2)) if quoted else \
            next((s for s, v, _, _ in subjects if v in ("reported", "reports")), None)
        if name and _is_agent(name):
            return Attribution(name, relay if relay != name else None, True)
    contrast = _CONTRAST_OWNER.search(sentence)
    if not subjects:
        passive = _PASSIVE_BY.search(sentence)
        name = _clean(_first_of(passive.group(1))) if passive else None
        return Attribution(name, None, True) if name and _is_agent(name) else Attribution()
    name, verb, _, end = subjects[0]
    via = None
    if verb in ("told", "tells", "informed", "briefed"):
        via = _named(sentence[end:])
    others = []
    for second, second_verb, start, _ in subjects[1:]:
        at = sentence.rfind(second, end, start)
        gap = sentence[end:at] if at >= end else "-"
        if second_verb in ("reported", "reports", "said", "says") and _named(second) \
                and sentence.rstrip(" .\"”").endswith(second_verb):
            via = second  # "S said ..., the Wire reported."
        elif _CONTRAST.search(sentence[end:start]):
            others.append(second)  # "S1 put deaths at 7,000, while S2 said 90": a second claim
        elif re.search(r"\b(?:through|via)\b", gap):
            if _RELATIVE.search(sentence[:start]):
                return Attribution(second, None, True, tuple(others))  # "... through its radio, which said"
        elif not is_back_reference(second) and _named(second) and _RELAY_GAP.match(gap):
            # "S1 told reporters that S2 estimated ...": S2's claim, relayed by S1.
            return Attribution(second, name, True, tuple(others))
    if not others and contrast:
        others.append(contrast.group(1).strip())
    return Attribution(name, via, True, tuple(others))
