"""An article as the pipeline sees it: its text, its body and its sentences.

Scraped articles carry page furniture (banners, bylines, captions, "Read next"
teasers, newsletter boxes). Records must come from the body only, so the body
is found here, once, and every later step works on its sentences. Offsets are
always into the original text, so evidence can be checked against the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Article", "Sentence", "split_sentences"]

# Section headers that end an article body on news sites: everything after them
# is navigation, teasers or sign-up boxes.
_END_MARKERS = re.compile(
    r"^\s*(read next|read more|related( articles| stories| coverage)?|more news|more from|"
    r"most read|recommended|editors'? picks|news feed|latest news|you may also like|"
    r"trending|subscribe|sign up|enter your email|what is your opinion|leave (a|the first) comment|"
    r"comments?|share this|advertisement)\b",
    re.IGNORECASE,
)
_DATE_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE)
# A body paragraph ends like prose; headlines, captions, buttons and truncated
# teasers ("...", "…") do not.
_PROSE_END = re.compile(r"[.!?][\"”’')\]]*\s*$")
_TRUNCATED = re.compile(r"(\.\.\.|…)\s*$")
# A photo credit in brackets at the end of a line ("(Staff/Agency Images)", "(Photo: ...)").
_CAPTION = re.compile(r"\([^()]*\b(Images|Photo|Photograph|Pictures|File photo)\b[^()]*\)\s*$", re.I)
_MIN_WORDS = 8
# A caption, credit or media label opening a line: "Photo: ...", "Photo caption: ...", "Video | ...".
_CAPTION_LABEL = re.compile(r"^\s*[\[(]?\s*(?:photo|picture|image|caption|pictured|file photo|top photo|main image|video|"
                            r"watch|listen|graphic|map)(?:\s+(?:caption|credit))?\s*[:|]", re.I)
# A sign-up prompt to the reader, wherever the page puts it (a live blog repeats them mid-page).
_SIGN_UP = re.compile(r"^\s*(?:sign up|subscribe|register)\b|\bin your inbox\b|"
                      r"\bjoin (?:more than |over )?[\d,]+ (?:other )?(?:readers|subscribers)\b", re.I)
# The label of a box the page sets apart ("KEY FIGURES", "NEWSLETTER | Desk", "Key developments"):
# the box runs to the next blank line.
_BOX_LABEL = re.compile(r"^\s*(?:key (?:figures|facts|developments|points|numbers)|in numbers|by the numbers|"
                        r"at a glance|fact ?box|also on our site|more on this story|newsletter|"
                        r"editor'?s note|sponsored|advertisement)\b", re.I)
_BOX_LABEL_WORDS = 8
# A rule of ===, ---, ***: two of them a few lines apart frame a box.
_RULE = re.compile(r"^\s*([=\-*_~#])\1{2,}\s*$")
_BOX_LINES = 6

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "adm", "cmdr",
    "sen", "rep", "gov", "pres", "st", "no", "vs", "etc", "approx", "est", "inc", "corp", "ltd",
    "u.s", "u.n", "u.k", "e.g", "i.e",
}
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article body, with offsets into the article text."""

    index: int
    start: int
    end: int
    text: str


def _ends_sentence(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return True
    word = re.search(r"([A-Za-z.]+)$", text[:dot])
    if not word:
        return True
    token = word.group(1).lower().strip(".")
    if token in _ABBREV:
        return False
    # Single capitals ("S. Estavia", initials) are abbreviations, not sentence ends.
    return not (len(token) == 1 and token.isalpha())


def split_sentences(text: str, start: int, end: int, first_index: int = 0) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences whose offsets point into ``text``."""
    out: list[Sentence] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if not _ends_sentence(text, match.start()):
            continue
        stop = match.end()
        piece_end = stop
        while piece_end > cursor and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > cursor:
            out.append(Sentence(first_index + len(out), cursor, piece_end, text[cursor:piece_end]))
        cursor = stop
    piece_end = end
    while piece_end > cursor and text[piece_end - 1].isspace():
        piece_end -= 1
    if piece_end > cursor:
        out.append(Sentence(first_index + len(out), cursor, piece_end, text[cursor:piece_end]))
    return out


def _is_body_paragraph(line: str) -> bool:
    stripped = line.strip()
    if len(stripped.split()) < _MIN_WORDS or _TRUNCATED.search(stripped):
        return False
    if _CAPTION.search(stripped) or _CAPTION_LABEL.match(stripped) or _SIGN_UP.search(stripped):
        return False
    return bool(_PROSE_END.search(stripped))


def _boxed_lines(lines: list[str]) -> set[int]:
    """Lines inside a box the page sets apart from the body: after a box label up to the next
    blank line, or between two rules (``====``) a few lines apart. The body goes on after it."""
    boxed: set[int] = set()
    rules = [i for i, line in enumerate(lines) if _RULE.match(line)]
    for first, second in zip(rules, rules[1:]):
        if second - first <= _BOX_LINES:
            boxed.update(range(first, second + 1))
    for i, line in enumerate(lines):
        if _BOX_LABEL.match(line) and (len(line.split()) <= _BOX_LABEL_WORDS or "|" in line):
            j = i
            while j < len(lines) and lines[j].strip():
                boxed.add(j)
                j += 1
    return boxed


@dataclass
class Article:
    """An article's text with its body sentences found.

    ``text`` is kept exactly as read, so offsets in evidence are offsets into it.
    """

    article_id: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)

    @classmethod
    def from_text(cls, article_id: str, text: str) -> Article:
        """Find the body paragraphs of ``text`` and split them into sentences."""
        sentences: list[Sentence] = []
        pos = 0
        lines = text.splitlines(keepends=True)
        boxed = _boxed_lines(lines)
        for number, line in enumerate(lines):
            line_start, pos = pos, pos + len(line)
            if _END_MARKERS.match(line) and len(line.split()) <= 6 and sentences:
                break
            if number in boxed or not _is_body_paragraph(line):
                continue
            begin = line_start + len(line) - len(line.lstrip())
            prefix = _DATE_PREFIX.match(line)
            if prefix:
                begin = line_start + prefix.end()
            sentences.extend(split_sentences(text, begin, line_start + len(line), len(sentences)))
        return cls(article_id=article_id, text=text, sentences=sentences)

    @property
    def body(self) -> str:
        """The body sentences joined by single spaces (for prompts that need prose)."""
        return " ".join(s.text for s in self.sentences)

    def numbered(self) -> str:
        """The body as numbered lines, ``[i] sentence``, for prompts that cite sentence ids."""
        return "\n".join(f"[{s.index}] {s.text}" for s in self.sentences)
