"""Long articles: overlapping windows of sentences, and records merged back without duplicates.

A model with a small context (the embedded model has ``n_ctx`` 4096 tokens)
cannot read a long article in one prompt. ``chunk_article`` cuts the body's
sentences into windows that each fit ``max_chars`` (measured as the numbered
text the prompts show, ``[i] sentence`` per line), each window repeating the
last sentences of the previous one (up to ``overlap`` characters) so that a
reference like "the ministry said" still has its antecedent in view.

A window is an ordinary ``Article`` holding the *whole* text and a slice of
the sentences, with their original indices and offsets, so every strategy,
prompt and grounding check works on it unchanged and evidence offsets stay
offsets into the original text. Each sentence is *owned* by exactly one
chunk (the first that contains it); asking only about owned sentences means
no sentence is asked about twice.

``merge_records`` joins the records of all chunks: a record whose evidence
span overlaps a span an earlier chunk already reported is the same sentence
read twice and is dropped, and records with equal content (evidence aside)
are one, as within a single extraction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.article import Article, Sentence
from summarizer.records import ArticleRecords

__all__ = ["LOCAL_MAX_CHARS", "LOCAL_OVERLAP", "RECORD_KINDS", "Chunk", "chunk_article",
           "merge_records", "numbered_length"]

#: Article characters per window for the embedded model (n_ctx 4096 tokens): English news runs
#: at 4.3-5.3 characters per Qwen2.5 token, so 8,000 characters are about 1,600-1,900 tokens,
#: which leaves room for the system prompt (~680 tokens), the question (~100-250) and the
#: answer (up to 220) with a margin for number-dense or non-English text.
LOCAL_MAX_CHARS = 8000
#: Characters of the previous window repeated at the start of the next (two or three sentences).
LOCAL_OVERLAP = 600

RECORD_KINDS = ("troop_deployments", "casualty_estimates", "treaty_references")


@dataclass(frozen=True)
class Chunk:
    """One window of an article: an ``Article`` view plus which of its sentences it owns.

    ``article.sentences[:first_owned]`` repeat the end of the previous chunk
    (context only); ``owned`` are the sentences this chunk answers for.
    """

    index: int
    article: Article
    first_owned: int
    max_chars: int

    @property
    def sentences(self) -> list[Sentence]:
        return self.article.sentences

    @property
    def owned(self) -> list[Sentence]:
        return self.article.sentences[self.first_owned:]

    @property
    def owned_indices(self) -> frozenset[int]:
        """Sentence indices (``Sentence.index``) this chunk answers for."""
        return frozenset(s.index for s in self.owned)

    @property
    def start(self) -> int:
        """Offset in the article text of the window's first character."""
        return self.article.sentences[0].start

    @property
    def end(self) -> int:
        return self.article.sentences[-1].end

    @property
    def oversized(self) -> bool:
        """True when the window is over ``max_chars``: one sentence alone is longer."""
        return numbered_length(self.article.sentences) > self.max_chars


def _cost(sentence: Sentence) -> int:
    """Characters ``sentence`` adds to ``Article.numbered()``: ``[i] text`` plus a newline."""
    return len(f"[{sentence.index}] ") + len(sentence.text) + 1


def numbered_length(sentences: Sequence[Sentence]) -> int:
    """``len()`` of the numbered text of ``sentences`` (what a cited prompt shows)."""
    return max(0, sum(_cost(s) for s in sentences) - 1)


def chunk_article(article: Article, max_chars: int, overlap: int = 0) -> list[Chunk]:
    """Overlapping windows of ``article``'s sentences, each at most ``max_chars`` long.

    Length is measured as ``numbered_length`` of the window, overlap included.
    Each window after the first starts with the previous window's last
    sentences, as many as fit in ``overlap`` characters (and never so many
    that no new sentence fits). Sentences are never split, so a single
    sentence longer than ``max_chars`` gets a window of its own that is over
    the limit. An article that fits, or has no sentences, is one chunk (the
    article itself).
    """
    if max_chars <= 0:
        raise ValueError(f"max_chars must be positive, got {max_chars}")
    if overlap < 0 or overlap >= max_chars:
        raise ValueError(f"overlap must be in [0, max_chars), got {overlap}")
    sentences = article.sentences
    if numbered_length(sentences) <= max_chars:
        return [Chunk(0, article, 0, max_chars)]
    chunks: list[Chunk] = []
    first_new = 0  # position in ``sentences`` of the first sentence no chunk owns yet
    while first_new < len(sentences):
        # Context: the previous chunk's tail, within ``overlap``.
        begin = first_new
        if chunks:
            used = 0
            while begin > 0 and used + _cost(sentences[begin - 1]) <= overlap:
                begin -= 1
                used += _cost(sentences[begin])
        # New sentences: as many as fit; at least one, or there is no progress.
        size = sum(_cost(s) for s in sentences[begin:first_new])
        stop = first_new
        while stop < len(sentences) and (stop == first_new or size + _cost(sentences[stop]) - 1 <= max_chars):
            size += _cost(sentences[stop])
            stop += 1
        # The one new sentence may not fit beside its context: then drop context, not progress.
        while begin < first_new and size - 1 > max_chars:
            size -= _cost(sentences[begin])
            begin += 1
        window = Article(article_id=article.article_id, text=article.text,
                         sentences=list(sentences[begin:stop]))
        chunks.append(Chunk(len(chunks), window, first_new - begin, max_chars))
        first_new = stop
    return chunks


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _content_key(record: Any) -> str:
    return record.model_dump_json(exclude={"evidence"}).lower()


def merge_records(parts: Sequence[ArticleRecords]) -> ArticleRecords:
    """One ``ArticleRecords`` from the records of every chunk, in chunk order.

    - ``article_id`` from the first part; ``published`` the first one known.
    - ``summary``: the first non-empty one (the first chunk holds the lead, where news
      articles say what happened; callers that want more can condense all of them).
    - Records of each kind: a record is dropped when its evidence span overlaps a span
      an *earlier* chunk reported for that kind (the same sentence, read again as
      context), or when an earlier record has the same content apart from evidence
      (the same claim stated twice). Records of one chunk that share a span are kept:
      one sentence can state two estimates.
    """
    if not parts:
        raise ValueError("merge_records needs at least one part")
    merged: dict[str, list[Any]] = {kind: [] for kind in RECORD_KINDS}
    for kind in RECORD_KINDS:
        claimed: list[tuple[int, int]] = []  # spans reported by chunks before this one
        seen: set[str] = set()
        for part in parts:
            spans = []
            for record in getattr(part, kind):
                span = (record.evidence.start, record.evidence.end)
                key = _content_key(record)
                if key in seen or any(_overlaps(span, other) for other in claimed):
                    continue
                seen.add(key)
                spans.append(span)
                merged[kind].append(record)
            claimed.extend(spans)
    first = parts[0]
    return ArticleRecords(
        article_id=first.article_id,
        published=next((p.published for p in parts if p.published), None),
        summary=next((p.summary for p in parts if p.summary.strip()), ""),
        **{kind: [r.model_dump() for r in records] for kind, records in merged.items()},
    )
