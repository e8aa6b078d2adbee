"""Property and fuzz tests (hypothesis, bounded and derandomized), and the long-article chunker.

- ``read_article`` on arbitrary bytes: text, or ``InputError`` with a one-line
  message starting with the path; never any other exception.
- ``locate``: a quote taken from the text is always found, at offsets that
  slice back to it (also after typography and whitespace are normalised).
- ``chunk_article`` / ``merge_records``: windows fit, every sentence is owned
  once, overlap is the previous window's tail, and merging chunk records gives
  the records of the whole article without duplicates.
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from summarizer.article import Article, Sentence
from summarizer.backends import FakeBackend
from summarizer.chunking import (
    LOCAL_MAX_CHARS,
    LOCAL_OVERLAP,
    chunk_article,
    merge_records,
    numbered_length,
)
from summarizer.extract import extract
from summarizer.grounding import GroundingError, locate
from summarizer.io import InputError, read_article
from summarizer.records import ArticleRecords

FUZZ = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])

# --- read_article -----------------------------------------------------------------

_TEXTISH = st.text(alphabet=st.characters(codec="utf-8"), max_size=400)
_MARKUP = st.lists(st.sampled_from([
    "<p>", "</p>", "<html>", "<body>", "<div class='x'>", "<![", "<![CDATA[", "]]>", "<!--", "-->",
    "<!doctype html>", "<script>", "</script>", "&amp;", "&#0;", "&#xD800;", "&#99999999;", "<", ">",
    "</", "<a href=\"", "\"", "\x00", "\r\n", "\n\n", " ", "The port reopened on Monday.",
    "\u00e9", "\u2019", "\ufeff",
]), max_size=40).map("".join)
_PREFIXES = st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                             codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, b"\x00", b"\xff"])


@st.composite
def file_bytes(draw: Any) -> bytes:
    """Arbitrary bytes, text in assorted encodings and broken HTML, behind assorted BOMs."""
    body = draw(st.one_of(
        st.binary(max_size=600),
        _TEXTISH.map(lambda t: t.encode("utf-8")),
        st.tuples(_TEXTISH, st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "latin-1",
                                             "cp1252", "utf-8"]))
        .map(lambda te: te[0].encode(te[1], errors="replace")),
        _MARKUP.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    ))
    return draw(_PREFIXES) + body


def _check_read(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            text = read_article(path)
        except InputError as exc:
            message = str(exc)
            assert message.startswith(f"{path}: ") and len(message) > len(f"{path}: ")
            assert "\n" not in message and "\r" not in message
            assert exc.path == str(path)
        else:
            assert isinstance(text, str) and text.strip()


@FUZZ
@given(data=file_bytes(), suffix=st.sampled_from([".txt", ".md", ".html", ".htm"]))
def test_read_article_returns_text_or_a_one_line_input_error(data, suffix):
    _check_read(data, suffix)


@pytest.mark.parametrize("data", [
    b"<p>Body text of the page here.<![ bogus [ ]]></p>",  # html.parser raises AssertionError
    codecs.BOM_UTF32_LE + "Utf-32 text, read as such.".encode("utf-32-le"),
    codecs.BOM_UTF16_LE + b"\x00\xd8",  # a lone surrogate
    codecs.BOM_UTF32_BE + b"\x7f\xff\xff\xff",  # beyond U+10FFFF
])
def test_read_article_corner_cases(data):
    _check_read(data, ".html")
    _check_read(data, ".txt")


def test_utf32_with_a_bom_is_not_mistaken_for_utf16(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(codecs.BOM_UTF32_LE + "Crews reopened the pass on Monday.".encode("utf-32-le"))
    assert read_article(path) == "Crews reopened the pass on Monday."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_detected(tmp_path, codec):
    path = tmp_path / "wide.txt"
    text = "Crews reopened the pass on Monday, caf\u00e9 owners said.\n"
    path.write_bytes(text.encode(codec))
    assert read_article(path) == text


@pytest.mark.parametrize("data", [b"\x01\x00" * 200, b"\x00\x07" * 200, b"A\x00" * 3 + b"\x00\x00" * 50])
def test_nul_patterned_binary_is_still_binary(tmp_path, data):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="binary file, not text"):
        read_article(path)


def test_malformed_html_still_gives_its_text(tmp_path):
    path = tmp_path / "odd.html"
    path.write_text("<html><body><script>var x = 1;</script><p>Crews reopened the pass on "
                    "Monday.</p><![ odd [ ]]><p>Traffic resumed.</p></body></html>", encoding="utf-8")
    text = read_article(path)
    assert "Crews reopened the pass on Monday." in text and "Traffic resumed." in text
    assert "var x" not in text and "<" not in text


def test_the_size_limit_is_reported_in_mib(tmp_path, monkeypatch):
    from summarizer import io

    monkeypatch.setattr(io, "MAX_BYTES", 1024)
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 3 * 1024 * 1024)
    with pytest.raises(InputError, match=r"file is 3\.0 MiB, larger than the 0 MiB limit"):
        read_article(path)


# --- locate ---------------------------------------------------------------------

_EQUIVALENT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                             "\u2013": "-", "\u2014": "-"})
_ARTICLE_TEXT = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8"),
                       st.sampled_from(list("\u2019\u2018\u201c\u201d\u2013\u2014 \n\t.,"))),
    min_size=1, max_size=300)


@FUZZ
@given(text=_ARTICLE_TEXT, data=st.data())
def test_a_quote_from_the_text_is_always_found_where_it_is(text, data):
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    end = data.draw(st.integers(start + 1, len(text)), label="end")
    quote = text[start:end]
    assume(quote.strip())
    near = data.draw(st.integers(0, len(text)), label="near")
    ev = locate(text, quote, near=near)
    assert text[ev.start:ev.end] == ev.quote == quote.strip()
    assert ev.end - ev.start == len(ev.quote)


@FUZZ
@given(text=_ARTICLE_TEXT, data=st.data())
def test_a_retyped_quote_is_found_and_the_article_s_own_characters_returned(text, data):
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    end = data.draw(st.integers(start + 1, len(text)), label="end")
    # what a model might write: straight quotes and dashes, whitespace runs collapsed
    retyped = " ".join(text[start:end].translate(_EQUIVALENT).split())
    assume(retyped)
    ev = locate(text, retyped)
    assert text[ev.start:ev.end] == ev.quote
    assert " ".join(ev.quote.translate(_EQUIVALENT).split()) == retyped


@FUZZ
@given(text=_ARTICLE_TEXT, quote=st.text(max_size=40))
def test_locate_finds_or_raises_grounding_error(text, quote):
    try:
        ev = locate(text, quote)
    except GroundingError:
        return
    assert text[ev.start:ev.end] == ev.quote


# --- chunking -------------------------------------------------------------------

def make_article(lengths: list[int], article_id: str = "long") -> Article:
    """An article whose body is one sentence per length, offsets into its own text."""
    parts, sentences, pos = [], [], 0
    for i, length in enumerate(lengths):
        body = f"S{i} " + "w" * max(0, length - len(f"S{i} ") - 1) + "."
        sentences.append(Sentence(i, pos, pos + len(body), body))
        parts.append(body)
        pos += len(body) + 1
    return Article(article_id, " ".join(parts) + "\n", sentences)


def check_chunks(article: Article, max_chars: int, overlap: int) -> None:
    chunks = chunk_article(article, max_chars, overlap)
    owned = [s for c in chunks for s in c.owned]
    assert owned == article.sentences  # every sentence owned once, in order
    for i, chunk in enumerate(chunks):
        assert chunk.index == i
        assert chunk.article.text is article.text and chunk.article.article_id == article.article_id
        assert chunk.owned or not article.sentences, "every chunk makes progress"
        length = numbered_length(chunk.sentences)
        assert length == len(chunk.article.numbered())
        if length > max_chars:  # only one sentence too long to fit anywhere
            assert chunk.oversized and len(chunk.sentences) == 1
        else:
            assert not chunk.oversized
        for s in chunk.sentences:
            assert article.text[s.start:s.end] == s.text
        context = chunk.sentences[:chunk.first_owned]
        if i == 0:
            assert context == []
        else:
            previous = chunks[i - 1].sentences
            assert context == previous[len(previous) - len(context):]  # the previous tail
            assert numbered_length(context) + (1 if context else 0) <= overlap


@FUZZ
@given(lengths=st.lists(st.integers(5, 300), max_size=60), max_chars=st.integers(20, 1500),
       data=st.data())
def test_chunks_fit_own_every_sentence_once_and_overlap_the_previous_tail(lengths, max_chars, data):
    overlap = data.draw(st.integers(0, max_chars - 1), label="overlap")
    check_chunks(make_article(lengths), max_chars, overlap)


def test_a_short_article_is_one_chunk_the_article_itself():
    article = make_article([80] * 5)
    (chunk,) = chunk_article(article, LOCAL_MAX_CHARS, LOCAL_OVERLAP)
    assert chunk.article is article and chunk.owned == article.sentences
    assert (chunk.start, chunk.end) == (0, article.sentences[-1].end)


def test_a_long_article_is_cut_with_overlap():
    article = make_article([100] * 200)  # about 21,000 numbered characters
    chunks = chunk_article(article, LOCAL_MAX_CHARS, LOCAL_OVERLAP)
    assert len(chunks) == 3
    assert all(c.first_owned == 5 for c in chunks[1:])  # 5 sentences of ~106 characters in 600
    assert all(len(c.article.numbered()) <= LOCAL_MAX_CHARS for c in chunks)
    check_chunks(article, LOCAL_MAX_CHARS, LOCAL_OVERLAP)


def test_no_overlap_and_an_oversized_sentence():
    article = make_article([50, 50, 400, 50])
    chunks = chunk_article(article, 120, 0)
    assert [[s.index for s in c.sentences] for c in chunks] == [[0, 1], [2], [3]]
    assert [c.oversized for c in chunks] == [False, True, False]
    # with overlap: a sentence too long to repeat is not repeated, and context that would
    # push a new sentence over the limit is dropped, never the progress
    chunks = chunk_article(article, 120, 60)
    assert [[s.index for s in c.sentences] for c in chunks] == [[0, 1], [2], [3]]
    assert [c.first_owned for c in chunks] == [0, 0, 0]
    chunks = chunk_article(make_article([50] * 4), 120, 60)
    assert [[s.index for s in c.sentences] for c in chunks] == [[0, 1], [1, 2], [2, 3]]
    assert [c.first_owned for c in chunks] == [0, 1, 1]


@pytest.mark.parametrize("max_chars, overlap", [(0, 0), (-5, 0), (100, 100), (100, -1)])
def test_bad_limits_are_refused(max_chars, overlap):
    with pytest.raises(ValueError):
        chunk_article(make_article([50]), max_chars, overlap)


# --- merging --------------------------------------------------------------------

LONG = ("The {n} regiment of Norveland moved about {k},000 soldiers to the border town of "
        "Quessa, the defence ministry said on Tuesday.\n\nLocal farmers in district {n} said "
        "the harvest in their valley had been good and markets stayed open all week.\n\n")


def long_text(paragraphs: int) -> str:
    names = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth"]
    return "".join(LONG.format(n=names[i % 12], k=i + 1) for i in range(paragraphs))


def responder(kwargs: dict[str, Any]) -> Any:
    question = str(kwargs["messages"][-1]["content"])
    if "summarize" in question:
        return {"summary": "Norveland moved soldiers to Quessa, the defence ministry said."}
    return {"source": "the defence ministry", "via": None, "kind": "government", "to": "Quessa",
            "when": "on Tuesday", "total": False}


def test_merging_chunk_records_gives_the_whole_article_s_records_once():
    text = long_text(12)
    whole = Article.from_text("long", text)
    assert len(whole.sentences) == 24
    full = extract(whole, FakeBackend(responder), strategy="cited").records
    assert len(full.troop_deployments) == 12
    chunks = chunk_article(whole, 1200, 400)
    assert len(chunks) >= 3 and all(c.first_owned > 0 for c in chunks[1:])
    parts = [extract(c.article, FakeBackend(responder), strategy="cited").records for c in chunks]
    assert sum(len(p.troop_deployments) for p in parts) > 12  # overlap asked some twice
    merged = merge_records(parts)
    assert merged == full
    spans = [(r.evidence.start, r.evidence.end) for r in merged.troop_deployments]
    assert len(set(spans)) == len(spans) == 12
    for record in merged.troop_deployments:
        assert text[record.evidence.start:record.evidence.end] == record.evidence.quote


def _records(*deployments: tuple[int, int, int], summary: str = "",
             published: str | None = None) -> ArticleRecords:
    text = long_text(3)
    return ArticleRecords.model_validate({
        "article_id": "m", "published": published, "summary": summary,
        "troop_deployments": [{"troops": {"low": n, "high": None, "approximate": False},
                               "evidence": {"quote": text[a:b], "start": a, "end": b}}
                              for n, a, b in deployments]})


def test_merge_rules():
    first = _records((100, 0, 40), (200, 0, 40), summary="", published=None)  # two in one sentence
    second = _records((100, 0, 40), (300, 20, 60), (200, 90, 130), (400, 200, 240),
                      summary="Lead summary.", published="2024-05")
    third = _records((500, 300, 340), summary="Later summary.", published="2024")
    merged = merge_records([first, second, third])
    got = [(r.troops.low, r.evidence.start) for r in merged.troop_deployments]
    # kept: both of chunk 1's sentence; dropped: 100 (same span), 300 (overlaps chunk 1's span),
    # 200 (same content as an earlier record); kept: 400, 500
    assert got == [(100, 0), (200, 0), (400, 200), (500, 300)]
    assert merged.summary == "Lead summary." and merged.published == "2024-05"
    assert merged.article_id == "m"
    assert merge_records([third]) == third
    with pytest.raises(ValueError):
        merge_records([])
