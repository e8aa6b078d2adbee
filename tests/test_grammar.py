"""The parser's reading of who said what: invented sentences, one construction each."""

from __future__ import annotations

import pytest

from summarizer import grammar
from summarizer.grammar import GrammarUnavailable, claim_speaker, subjects
from summarizer.referents import resolve, salient
from summarizer.vocabulary import REPORTING_VERBS

VERBS = frozenset(v for v in REPORTING_VERBS if " " not in v)


def _said(sentence: str, figure: str) -> str | None:
    phrase = claim_speaker(sentence, sentence.index(figure), VERBS)
    return phrase.text if phrase else None


@pytest.mark.parametrize("sentence, figure, speaker", [
    # each figure belongs to the reporting verb that governs it, whatever the order
    ("The Norland army has put the militia's strength at about 5,000, while Orvel radio, the rebels' "
     "station, says the figure is nearer 6,000.", "5,000", "The Norland army"),
    ("The Norland army has put the militia's strength at about 5,000, while Orvel radio, the rebels' "
     "station, says the figure is nearer 6,000.", "6,000", "Orvel radio"),
    ("The ministry estimated that 300 were killed and 900 wounded, but the monitors counted fewer than "
     "200 dead.", "900", "The ministry"),
    ("The ministry estimated that 300 were killed and 900 wounded, but the monitors counted fewer than "
     "200 dead.", "200", "the monitors"),
    # the reporting clause after the claim, and "according to"
    ("Thirty sappers died in the blast, the Valmoran defence ministry said on Monday.", "Thirty",
     "the Valmoran defence ministry"),
    ("Forty people were killed, according to the Lisk health ministry.", "Forty", "the Lisk health ministry"),
    # a contrasted clause is owned by its own subject, not by the speaker of the main clause
    ("Governor Ana Ruiz put the losses at 700, while Estavian estimates were far lower, around 150.",
     "150", "Estavian estimates"),
    # no reporting verb: nobody is quoted
    ("Some 2,000 marines landed at the port in May.", "2,000", None),
])
def test_the_speaker_who_owns_each_figure(sentence, figure, speaker):
    assert _said(sentence, figure) == speaker


def test_subjects_come_main_clause_first():
    found = [s.text for s in subjects("The Orvel Front, which controls the valley, said its fighters held the dam.")]
    assert found[0] == "The Orvel Front"


def test_a_pronoun_takes_up_the_nearest_subject_of_its_kind():
    before = ["The Marsh Liberation Army stormed the depot at dawn.",
              "Colonel Ines Maro, who leads the garrison, said the attack was repelled."]
    # "he"/"she": a person; "it": a body, never a person, and passing over plural "officials"
    assert salient("she", before) == "Ines Maro"
    assert salient("it", before) == "Marsh Liberation Army"
    assert salient("it", ["Lisk officials said the road was shut."]) is None
    # resolve() asks the parse first, the last speaker after
    assert resolve("it", ["Colonel Ines Maro"], " ".join(before), before) == "Marsh Liberation Army"


def test_a_missing_pipeline_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(grammar, "PIPELINE", "no_such_pipeline_package")
    grammar._pipeline.cache_clear()
    try:
        with pytest.raises(GrammarUnavailable, match="no_such_pipeline_package"):
            grammar._pipeline()
    finally:
        monkeypatch.undo()
        grammar._pipeline.cache_clear()


def test_the_parse_finds_a_speaker_the_word_patterns_lose_behind_a_long_aside():
    import datetime as dt

    from summarizer.article import Article
    from summarizer.strategies.cited_plan import plan
    from summarizer.strategies.cited_records import build_records

    # the aside holds a limit word ("permitted to") that limits no troops
    text = ("A port official in Sarvik, speaking on condition that his name be withheld since staff are not "
            "permitted to brief reporters, told Orvel Radio that about 600 marines had landed overnight.\n")
    article = Article.from_text("g", text)
    (task,) = plan(article)
    (deployment,) = build_records(task, None, None, article, dt.date(2026, 3, 4))["troop_deployments"]
    assert deployment.source is not None and deployment.source.name == "A port official in Sarvik"


def test_an_acronym_set_beside_a_description_is_the_speakers_name_and_a_name_earlier_in_the_sentence_resolves():
    import datetime as dt

    from summarizer.article import Article
    from summarizer.strategies.cited_plan import plan
    from summarizer.strategies.cited_records import build_records

    def source_of(text: str) -> str | None:
        article = Article.from_text("g", text)
        records = [r for task in plan(article)
                   for r in build_records(task, None, None, article, dt.date(2026, 3, 4))["casualty_estimates"]]
        return records[0].source.name if records and records[0].source else None

    # the parse's subject is a description; the acronym beside it is the name
    assert source_of("Two observers were hurt near the dam on Friday when rioters stormed the post, "
                     "the UN observer mission, UNOLK, said.\n") == "UNOLK"
    # "the coast guard" takes up the name written earlier in its own sentence
    assert source_of("Three fishermen died after a pursuit by Norland's coast guard ended on the rocks, "
                     "the coast guard said.\n") == "Norland's coast guard"
