from summarizer.article import Article, split_sentences

TEXT = """Headline Without A Full Stop

By Staff Writer

date 2024-03-05 The defence ministry said on Monday that about 900 engineers arrived in the port city. Gen. Ivo Marin told reporters the U.S. was informed.

Photo: a convoy near the border, taken last week (Reuters/Getty Images)

A second paragraph says more than 2,000 soldiers remain stationed in the northern region.

Read more
Dozens of tractors were sent to the farms this week, the ministry said in a statement.
"""


def test_body_skips_headlines_captions_and_everything_after_read_more():
    article = Article.from_text("a", TEXT)
    texts = [s.text for s in article.sentences]
    assert texts[0].startswith("The defence ministry said")  # date prefix stripped
    assert any("more than 2,000" in t for t in texts)
    assert not any("tractors" in t for t in texts)
    assert not any("convoy" in t for t in texts)
    for s in article.sentences:
        assert article.text[s.start:s.end] == s.text


def test_abbreviations_do_not_split_sentences():
    article = Article.from_text("a", TEXT)
    assert any(t.text.startswith("Gen. Ivo Marin told reporters the U.S. was informed.")
               for t in article.sentences)


def test_split_sentences_offsets():
    text = "xx One sentence here. Another one? Yes! Done"
    parts = split_sentences(text, 3, len(text))
    assert [p.text for p in parts] == ["One sentence here.", "Another one?", "Yes!", "Done"]
    assert all(text[p.start:p.end] == p.text for p in parts)


def test_numbered_view():
    article = Article.from_text("a", "First sentence of the body is here. Second sentence follows it now.")
    assert article.numbered().splitlines()[1].startswith("[1] Second")
