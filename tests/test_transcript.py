"""Transcripts attribute by layout: each turn is its labelled speaker's (invented text)."""

from __future__ import annotations

import datetime as dt

from summarizer.article import Article
from summarizer.strategies.cited_plan import plan
from summarizer.strategies.cited_records import build_records
from summarizer.transcript import turn_speaker

BRIEFING = """Transcript: Norland defence ministry briefing, 4 March

SPOKESWOMAN ANA RUIZ: Good morning. I have two announcements before questions.

Q: How many soldiers are in Lisk now?

MS. RUIZ: We have about 1,400 soldiers in Lisk. Two of our engineers were wounded there on Monday.

Q: Valmora's army says 30 of your soldiers were killed. Is that right?

MS. RUIZ: I will not comment on that.
"""


def test_each_turn_is_its_labelled_speakers_and_a_question_is_no_ones():
    assert turn_speaker(BRIEFING, BRIEFING.index("We have")) == "Ana Ruiz"
    assert turn_speaker(BRIEFING, BRIEFING.index("Two of our")) == "Ana Ruiz"
    assert turn_speaker(BRIEFING, BRIEFING.index("How many")) is None


def test_labelled_turns_give_records_their_speaker_and_a_dateline_is_no_label():
    article = Article.from_text("t", BRIEFING)
    found = [(article.text[r.evidence.start:r.evidence.end], r.source.name if r.source else None)
             for task in plan(article)
             for records in build_records(task, None, None, article, dt.date(2026, 3, 4)).values()
             for r in records]
    assert [name for quote, name in found if "1,400" in quote or "engineers" in quote] == ["Ana Ruiz"] * 2
    # the question's own attribution stands: Valmora's army, not the speaker of the turn
    assert [name for quote, name in found if "30 of your" in quote] == ["Valmora's army"]
    # one label is no transcript: "LISK:" opening a wire story names a city
    wire = "LISK: Norland has sent 400 soldiers to the border, the ministry said on Monday.\n"
    assert turn_speaker(wire, 10) is None
