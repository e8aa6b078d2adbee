"""Who a back-reference ("the agency", "it", "the spokesman") points to.

The program resolves what the article's words settle (``resolve``). Where they do not,
the model chooses from a closed list (``referent_options``).

"The group said ..." with no earlier speaker called a group: the program cannot tell
whom the article means, and a free answer from a small model is often a channel
("Telegram") or a word from the same sentence. The model is instead asked to choose
among the names written before the sentence that can speak (earlier speakers, bodies
whose head word can speak, acronyms), nearest first, or none of them.
"""

from __future__ import annotations

import re

from collections.abc import Sequence

from summarizer.attribution import AGENT_HEAD, DOCUMENT, PERSON, PRONOUN, attribute, is_back_reference
from summarizer.grammar import Phrase, parse, subjects
from summarizer.names import normalise_name
from summarizer.vocabulary import NOT_SPEAKERS, PERSON_TITLES, SPEAKER_HEADS

__all__ = ["MAX_OPTIONS", "full_name", "referent_options", "resolve"]

#: Enough for the bodies of a long article; a longer list only dilutes a small model's choice.
MAX_OPTIONS = 8

# A capitalised name of up to five words ("Rapid Support Forces", "Ministry of Defence").
_BODY = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’.&-]* ){0,4}[A-Z][\w'’&-]*"
                   r"(?: (?:of|for) (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})?)")
# "Israeli military", "Sudan's army": a capitalised owner and a lowercase head that can speak.
_OWNED = re.compile(rf"(?<![\w'’-])((?:[A-Z][\w'’.&-]* ){{1,3}}(?:{'|'.join(SPEAKER_HEADS)}))\b")
# An acronym the article spells out or uses twice ("(RSF)"); a dateline's capitals are not one.
_ACRONYM = re.compile(r"(?<![\w'’-])([A-Z]{2,6})(?![\w'’-])")
_LEADING = re.compile(r"^(?:The|A|An|This|That|Its|Their|In|On|At|But|And|While|After|Before)\s+", re.I)
_PERSONAL = re.compile(r"^(he|she|his|her)$", re.I)
_FULL_NAME = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w'’-]+$")


def _bodies(text: str) -> list[str]:
    """Names in ``text`` whose last (or governing) word can speak, in the order written."""
    found: list[tuple[int, str]] = []
    for match in _BODY.finditer(text):
        name = _LEADING.sub("", match.group(1).strip())
        owner, _, owned = re.sub(r" (?:of|for) ", "|", name, count=1).partition("|")
        if owned and not any(AGENT_HEAD.fullmatch(w) for w in owner.split()):
            name = _LEADING.sub("", owned)  # "Fighters of the X Movement": the movement
        words = name.split()
        if len(words) >= 2 and any(AGENT_HEAD.fullmatch(w) for w in words):
            found.append((match.start(), name))
    found += [(m.start(), _LEADING.sub("", m.group(1))) for m in _OWNED.finditer(text)]
    found += [(m.start(), m.group(1)) for m in _ACRONYM.finditer(text)
              if f"({m.group(1)})" in text or len(re.findall(rf"\b{m.group(1)}\b", text)) > 1]
    return [name for _, name in sorted(found)]


def referent_options(phrase: str, earlier_sentences: list[str], text_before: str) -> tuple[str, ...]:
    """The names ``phrase`` ("the group", "it", "he") may stand for, nearest first.

    Persons for "he"/"she"; bodies and speakers otherwise. Channels and platforms
    ("Telegram") never speak for themselves and are left out.
    """
    speakers = [a.name for a in (attribute(s) for s in earlier_sentences)
                if a.name and not is_back_reference(a.name)]
    # Nearest first: a speaker is as near as its sentence; bodies follow in reverse order of writing.
    ordered = list(reversed(speakers)) + list(reversed(_bodies(text_before)))
    options: list[str] = []
    seen: set[str] = set()
    personal = bool(_PERSONAL.match(phrase))
    for name in ordered:
        key = normalise_name(name)
        if not key or key in seen or NOT_SPEAKERS.match(name) or key == normalise_name(phrase) \
                or not re.search(r"[A-Z]", name):
            continue
        if personal != bool(_FULL_NAME.match(name) and not AGENT_HEAD.fullmatch(name.split()[-1])):
            continue
        seen.add(key)
        options.append(name)
        if len(options) == MAX_OPTIONS:
            break
    return tuple(options)


def resolve(phrase: str, earlier: list[str], text_before: str = "",
            earlier_sentences: Sequence[str] = ()) -> str | None:
    """The earlier named source a back-reference points to, latest first.

    "the agency" points to the last speaker whose name has "agency" (or a kindred
    word) in it, else to the last name written before that ends the same way
    ("the defence ministry" -> "Valmoran defence ministry"); a pronoun or "the
    statement" points to the last speaker of all. With ``earlier_sentences``, a pronoun
    ("it", "he") points first to the nearest subject of the right kind (``salient``).
    """
    # "people close to the group" names no one when "the group" is what is being resolved.
    names = [n for n in reversed(earlier) if not is_back_reference(n)
             and not (len(phrase.split()) > 1 and phrase.lower() in n.lower())]
    phrase = phrase.lower() if is_back_reference(phrase) else phrase  # "The Ministry notes" at a sentence start
    document = DOCUMENT.match(phrase)
    if document and text_before:
        # "X issued a statement ... The statement said": the document's author.
        issued = list(re.finditer(rf"((?:[A-Z][\w'’-]*\s+)(?:[\w'’-]+\s+){{0,3}}?)(?:issued|released|"
                                  rf"published|put out|said in)\s+(?:a|an|its)\s+(?:\w+\s+)?"
                                  rf"{document.group(3)}", text_before))
        if issued:
            return issued[-1].group(1).strip()
    if PRONOUN.match(phrase) or document:
        nearest = salient(phrase, earlier_sentences) if _SALIENT.match(phrase) else None
        if nearest:
            return nearest
        if phrase.lower() in ("it", "its"):  # "it" is a body, not the person quoted last
            bodies = [n for n in names if not (PERSON.fullmatch(n) and not AGENT_HEAD.search(n))]
            names = bodies or names
        return names[0] if names else None
    if _TITLE_HEAD.search(phrase) and text_before:
        # "the spokesman", "the press secretary": the holder of that title the article named last
        # ("army spokesman Col. Ana Ruiz", "Ana Ruiz, the ministry's press secretary").
        title = re.sub(r"spokes(?:man|woman|person)$", "spokes(?:man|woman|person)",
                       re.escape(re.sub(r"^(?:the|that|this)\s+", "", phrase.strip(), flags=re.I)))
        named = [m.group(1) or m.group(2) for m in _named_holder(title).finditer(text_before)]
        if named:
            return named[-1].strip()
    found = _kindred(phrase, names)
    if found is None and text_before:
        tail = " ".join(phrase.split()[1:])
        written = list(re.finditer(rf"(?<![\w'’-])((?!(?:The|A|An|This|That|It)\b)[A-Z][\w'’-]*\s+"
                                   rf"(?:[A-Z][\w'’-]*\s+){{0,3}}){re.escape(tail)}\b", text_before))
        if written:
            return (written[-1].group(1) + tail).strip()
        titled = _titled_name(phrase, text_before)
        if titled:
            return titled
    return found


_SALIENT = re.compile(r"^(it|its|he|she|his|her)$", re.I)
# Head words of a subject that is a person by what they do, named or not ("the RSF's leader").
_PERSON_HEAD = re.compile(rf"^(?:{'|'.join(PERSON_TITLES)}|leader|head|chief|member|officer|soldier)s?$", re.I)


def salient(pronoun: str, earlier_sentences: Sequence[str]) -> str | None:
    """The nearest earlier subject a pronoun can stand for, read from each sentence's parse.

    A subject is the most prominent thing a sentence speaks of, and a pronoun in the next
    sentences most often takes it up: "he"/"she" a person the entity recogniser names, "it" a
    body (never a person, nor a plural such as "officials"). Sentences are searched nearest first, main clause first; a subject
    that is itself a pronoun or a back-reference is passed over.
    """
    personal = pronoun.lower() in ("he", "she", "his", "her")
    for sentence in reversed(earlier_sentences):
        for subject in subjects(sentence):
            name = _subject_name(subject)
            if name is None or is_back_reference(name) or NOT_SPEAKERS.match(name):
                continue
            if personal and subject.entity == "PERSON":
                return name
            if not personal and subject.entity != "PERSON" and not _PERSON_HEAD.match(subject.head) \
                    and not subject.plural \
                    and (AGENT_HEAD.search(subject.head) or subject.entity in ("ORG", "NORP", "GPE")):
                return name
    return None


def _subject_name(subject: Phrase) -> str | None:
    """The name a subject phrase gives: its named entity when its head is one ("the banned X
    Army" -> "X Army"), else the phrase without its article; None for a pronoun or a phrase
    with no capitalised word."""
    if subject.pronoun:
        return None
    # An entity the recogniser cut short of its owner ("health ministry" of "Lebanon's health
    # ministry") is no name: the whole phrase is.
    entity = subject.entity_text if subject.entity_text[:1].isupper() else ""
    name = _LEADING.sub("", entity or subject.text)
    return name if re.search(r"[A-Z]", name) else None


def _titled_name(phrase: str, text_before: str) -> str | None:
    """The last proper name written before whose head word is the back-reference's head:
    "the ministry" -> "the Federal Ministry of Defence", "the defence ministry" -> "Ministry of
    Defence" (every other word of the back-reference must be in the name)."""
    words = phrase.split()
    head = words[-1]
    if not head.isalpha() or not head.islower():
        return None
    name = re.compile(rf"(?<![\w'’-])((?:[A-Z][\w'’-]*\s+){{0,3}}{head.capitalize()}"
                      rf"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){{0,3}})?)")
    for match in reversed(list(name.finditer(text_before))):
        # A name never runs over a line break: "PRESS RELEASE\nFederal Ministry" is a heading and a name.
        found = re.sub(r"^(?:The|A|An|This|That|Its|Their)\s+", "", match.group(1).strip().split("\n")[-1])
        if len(found.split()) < 2:
            continue  # "Ministry officials", "The Ministry" at a sentence start: no name
        if all(w.lower() in found.lower() for w in words[1:-1]):
            return found
    return None


_TITLED = r"(?:(?:Col|Lt|Gen|Brig|Maj|Capt|Adm|Sgt|Cmdr|Dr|Mr|Ms|Mrs)\.?\s+|(?:Colonel|General|Major|Captain|Admiral|" \
          r"Lieutenant|Brigadier|Commander|Rear|Vice)\s+)*"
_TITLE_HEAD = re.compile(rf"^(?:the|that|this)\s+(?:[\w'’-]+\s+){{0,2}}(?:{'|'.join(PERSON_TITLES)})$", re.I)


def _named_holder(title: str) -> re.Pattern[str]:
    """A person named with ``title`` before or after the name: "spokesman Col. Ana Ruiz",
    "Ana Ruiz, a spokeswoman for ...", "Ana Ruiz, the Pentagon press secretary"."""
    name = rf"((?-i:{_TITLED}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}}))"
    return re.compile(rf"\b{title},?\s+{name}|{name},\s+(?:an?|the)\s+(?:[\w'’.-]+\s+){{0,3}}{title}\b", re.I)


def _kindred(phrase: str, names: list[str]) -> str | None:
    head = phrase.split()[-1].lower().rstrip("s")
    kin = {"agency": ("agency", "service", "bureau", "directorate", "intelligence"),
           "service": ("service", "agency", "intelligence"),
           "bureau": ("bureau", "agency", "intelligence"),
           "directorate": ("directorate", "intelligence"),
           "spokesman": ("spokes",), "spokeswoman": ("spokes",), "spokesperson": ("spokes",)}
    words = kin.get(head, (head,))
    # The body itself before a person of it: "the ministry" is "the Vellan defence ministry",
    # not "a ministry spokesman" quoted later.
    names = sorted(names, key=lambda n: n.split()[-1].lower().rstrip("s") != head)
    for name in names:
        if head in ("agency", "service", "bureau") and re.search(r"\b(news|press|wire)\b", name, re.I):
            continue  # a news agency is not "the agency" that made the estimate
        if any(w in name.lower() for w in words):
            return name
    return None


def full_name(name: str, sentences: Sequence[str], preamble: str = "") -> str:
    """A person named again by the surname alone ("Ruiz said"), or by a transcript's label, is the
    person named in full earlier ("Ana Ruiz"): the gold rule takes the most specific name. The
    parse decides: the words before the surname must be proper nouns that name no place, group or
    nationality and are no title, so "Northern Vell" never stands for "Vell". ``preamble`` is the
    text before the body (a transcript's header)."""
    if not re.fullmatch(r"[A-Z][\w'’-]+", name):
        return name
    for sentence in sentences:
        if not re.search(rf"[A-Z][\w'’.]*\s+{re.escape(name)}\b", sentence):
            continue
        tokens = list(parse(sentence))
        for i, token in enumerate(tokens):
            if token.text != name or token.ent_type_ not in ("", "PERSON"):
                continue
            first = i
            while first > 0 and i - first < 2 and tokens[first - 1].pos_ == "PROPN" \
                    and tokens[first - 1].ent_type_ in ("", "PERSON") \
                    and not _TITLE.fullmatch(tokens[first - 1].text.rstrip(".")):
                first -= 1
            if first < i:
                return sentence[tokens[first].idx:token.idx + len(token.text)]
    # A briefing's header writes the speaker in capitals: "... BY PENTAGON SPOKESMAN ANA RUIZ".
    for line in (x for x in [*preamble.splitlines(), *sentences] if x.isupper()):
        caps = re.search(rf"\b([A-Z][A-Z'’-]+)\s+{re.escape(name.upper())}\b", line)
        if caps and not _TITLE.fullmatch(caps.group(1)) and caps.group(1).lower() not in _NOT_A_FIRST_NAME:
            return f"{caps.group(1).title()} {name.title()}"
    return name


_NOT_A_FIRST_NAME = frozenset("by with and of the for from to at on in as".split())


_TITLE = re.compile(rf"(?i:{'|'.join(PERSON_TITLES)}|mr|mrs|ms|dr|gen|col|lt|maj|capt|sgt|adm|sen|rep|gov)")
