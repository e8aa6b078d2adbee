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


FURNITURE = """VALMORA CITY -- Valmoran engineers finished the bridge over the Lisk river on Monday, the ministry said.

Photo caption: Villagers cross the old ford near Orvel; the flood last spring displaced 4,000 people.

Get the Morning Desk in your inbox every weekday - join 80,000 readers.

KEY FIGURES
Soldiers on the border: about 12,000 according to the ministry of defence.

====================
NEWSLETTER | Border Watch
Every Friday we count the convoys: last month 300 trucks crossed the Lisk river.
====================

The ministry said a second bridge would open in the autumn if the weather held up.
"""


def test_captions_sign_up_prompts_and_boxes_are_not_body_and_the_body_goes_on_after_them():
    texts = [s.text for s in Article.from_text("a", FURNITURE).sentences]
    assert texts == [
        "VALMORA CITY -- Valmoran engineers finished the bridge over the Lisk river on Monday, the ministry said.",
        "The ministry said a second bridge would open in the autumn if the weather held up.",
    ]


def test_a_body_sentence_that_mentions_subscribers_or_a_photo_stays():
    text = ("Countries that subscribe to the accord sent 300 observers, the mission said on Friday.\n"
            "A photo released by the army showed 40 soldiers at the crossing near the Orvel dam.\n")
    assert len(Article.from_text("a", text).sentences) == 2
