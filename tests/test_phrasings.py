"""Further constructions of conflict reporting, on sentences written for these tests.

Figures: euphemisms and maimings, a loss "with the loss of", casualties as another act's
object, an army's standing size against troops sent, members sent. Treaties: a ceasefire
concluded, a treaty known by its short name, a relative clause's treaty, troops withdrawing.
Sources: a name given after its description, "citing its own", a coordinated reporting verb,
and a surname standing for the full name.
"""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.article import Article
from summarizer.attribution import attribute
from summarizer.figures import label_figures
from summarizer.grammar import claim_speaker
from summarizer.grounding import span_evidence
from summarizer.numbers import find_number_phrases
from summarizer.referents import full_name
from summarizer.strategies.cited_plan import TreatyAnswer, plan
from summarizer.strategies.cited_treaties import sentence_treaties, treaty_events, without_restatements


def labels(sentence: str) -> list[tuple[str, str]]:
    return [(f.phrase.text, f.label) for f in label_figures(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("The brigade said it had repelled the assault with the loss of three of its own men.", [("three", "killed")]),
    ("Seven Borduran marines lost limbs in the minefield, the navy said.", [("Seven", "wounded")]),
    ("Four soldiers paid the ultimate price while nine others sustained injuries.",
     [("Four", "killed"), ("nine", "wounded")]),
    # The dead replaced are not what the reinforcements count.
    ("Some 2,500 reinforcements followed in March, making up for their dead and their wounded.",
     [("Some 2,500", "troops")]),
    # A casualty word right after the noun is the figure's own, whatever verb governs it.
    ("Valdor's war ministry says enemy losses have reached about 240,000 soldiers killed and wounded.",
     [("about 240,000", "killed_or_wounded")]),
    ("The ministry claimed its units had killed or wounded more than 900 rebel fighters on Sunday.",
     [("more than 900", "killed_or_wounded")]),
])
def test_casualty_phrasings(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Recruits, arrests and troops that left are no deployment.
    ("The navy plans the recruitment of 6,000 new sailors next year.", [("6,000", "other")]),
    ("Police arrested 31 others in raids across the province.", [("31", "other")]),
    ("The last of about 800 Garnish soldiers left the river base in May.", [("about 800", "other")]),
    # An army's standing size is none, unless a verb of sending governs the figure.
    ("The kingdom has 25,000 active-duty soldiers.", [("25,000", "other")]),
    ("The governor sent about 450 active-duty Marines to the port city in June.", [("about 450", "troops")]),
    ("Roughly 1,300 National Guard members now patrol the capital.", [("Roughly 1,300", "troops")]),
    # Members sent, and the noun said once for two states.
    ("Idaho has sent 120 members, and Utah has sent about 90.", [("120", "troops"), ("about 90", "troops")]),
    # Peacekeepers are deployed by name, even where a mission "has" them.
    ("The mission, which has some 8,000 peacekeepers from 30 countries along the frontier, said it was watching.",
     [("some 8,000", "troops"), ("30", "other")]),
    ("The militia, which has an estimated 3,000 fighters, denied the claim.", [("an estimated 3,000", "other")]),
    # Attackers, the trapped and deserters; an allowance; troops about to go home.
    ("About 300 fighters stormed the town on Sunday, residents said.", [("About 300", "other")]),
    ("Ostria said 1,500 of its soldiers were encircled near the river.", [("1,500", "other")]),
    ("Some 500 soldiers deserted last month, the ministry said.", [("Some 500", "other")]),
    ("Vell sent 300 troops who attacked rebel positions.", [("300", "troops")]),
    ("The deal allows Vell to keep 2,000 troops in the enclave.", [("2,000", "other")]),
    ("Some 1,200 troops are due to leave by the end of the year.", [("Some 1,200", "other")]),
    ("Some 1,200 troops are due to leave for the front in May.", [("Some 1,200", "troops")]),
])
def test_troop_phrasings(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert labels(sentence) == expected


def test_a_phone_number_or_a_toll_free_line_is_no_figure() -> None:
    sentence = "Residents can call the toll-free number 0700-3311-482 for help."
    assert find_number_phrases(sentence) == [] and labels(sentence) == []


def _article(body: str) -> Article:
    return Article.from_text("t1", "Headline\n\nPORT VELA, March 4, 2026 -- " + body + "\n")


def _treaties(body: str, answers: dict[str, TreatyAnswer]) -> list[tuple[str, str, str | None]]:
    article, out = _article(body), []
    for task in plan(article):
        if not task.treaty:
            continue
        s = task.sentence
        answer = next((a for k, a in answers.items() if k in s.text), None)
        out += sentence_treaties(task, answer, article, dt.date(2026, 3, 4),
                                 span_evidence(article.text, s.start, s.end), out[-1] if out else None)
    return [(r.treaty, r.action, r.date) for r in without_restatements(out)]


def test_a_ceasefire_concluded_is_a_signing_and_one_named_in_passing_is_no_record() -> None:
    body = ("Shelling went on overnight despite the ceasefire. "
            "Under the truce that Amberland and Vosk agreed on 2 March, their forces had 30 days to withdraw.")
    answer = TreatyAnswer(treaty="truce", parties=["Amberland", "Vosk"])
    assert _treaties(body, {"truce": answer}) == [("truce", "signed", "2026-03-02")]
    events = treaty_events("Both leaders accepted a \"full and lasting\" ceasefire during talks in Lirsk.")
    assert [a for a, _ in events] == ["signed"]


def test_a_mediators_brokering_is_the_same_signing() -> None:
    sentence = "The fighting stopped with the truce Amberland and Vosk agreed on 2 March, which Lirsk brokered."
    assert [a for a, _ in treaty_events(sentence)] == ["signed"]


def test_a_treaty_known_by_its_short_name_is_asked_about_and_a_bare_the_treaty_points_back_to_it() -> None:
    body = ("When New START lapses next year, neither side will face a limit. "
            "The two presidents signed the treaty at Lirsk on 3 May 2011.")
    answers = {"lapses": TreatyAnswer(treaty="New START"),
               # the model names another treaty: the one named before stands
               "Lirsk": TreatyAnswer(treaty="Harbour Accord", actor="The two presidents")}
    assert _treaties(body, answers) == [("New START", "mentioned", None), ("New START", "signed", "2011-05-03")]


def test_a_treaty_the_relative_clause_joins_is_an_accession() -> None:
    sentence = "Vosk says the mines breach the Lirsk Convention that both states have joined."
    assert [a for a, _ in treaty_events(sentence)] == ["acceded"]


def test_troops_who_withdraw_leave_no_treaty() -> None:
    sentence = "Under the Lirsk accord, Vosk's forces had 60 days to withdraw from the valley."
    assert [a for a, _ in treaty_events(sentence)] == []


@pytest.mark.parametrize("sentence, name, via", [
    ("Vardo, a monitoring charity, put the toll at 900, citing its own contacts.", "Vardo", None),
    ("The army, known as VDF, said on Monday it had killed 12 rebels.", "VDF", None),
    ("The UN mission VELMA said two peacekeepers were wounded.", "VELMA", None),
    ("The Pentagon estimates that 900 troops are there.", "The Pentagon", None),
])
def test_sources_named_after_their_description(sentence: str, name: str, via: str | None) -> None:
    said = attribute(sentence)
    assert (said.name, said.via) == (name, via)


def test_a_noun_that_looks_like_a_reporting_verb_names_no_speaker() -> None:
    # "states" here is the Baltic states, and the comma inside "3,000" cuts no phrase
    said = attribute("I would also note that more than 3,000 soldiers from the 4th Division began "
                     "arriving in the Baltic states in recent weeks.")
    assert said.name is None


def test_a_coordinated_reporting_verb_shares_the_first_verbs_subject() -> None:
    sentence = "The mission blamed the rebels and said its troops had killed four of the attackers."
    speaker = claim_speaker(sentence, sentence.index("four"), frozenset({"said"}))
    assert speaker is not None and speaker.text == "The mission"


def test_a_surname_stands_for_the_person_named_in_full() -> None:
    earlier = ["Defence spokeswoman Ana Ruiz told reporters on Monday that the talks failed.",
               "Lebanese Hezbollah fired rockets.", "Troops moved into Northern Vell on Monday.",
               "Chief of staff Gen. Markus Kangye spoke."]
    assert [full_name(n, earlier) for n in ("Ruiz", "Hezbollah", "Vell", "Kangye", "Okafor")] == [
        "Ana Ruiz", "Hezbollah", "Vell", "Markus Kangye", "Okafor"]


def test_a_described_body_points_back_and_a_legislator_is_named_by_the_person() -> None:
    from summarizer.attribution import is_back_reference

    assert is_back_reference("The London-based monitor") and not is_back_reference("The Vell Monitor")
    assert attribute("Opposition deputy Ana Ruiz disputed the figures, saying 40 had died.").name == "Ana Ruiz"


@pytest.mark.parametrize("sentence, unsized", [
    ("The ministry said it had sent several hundred troops to the border town.", True),
    ("Vell dispatched reinforcements to the northern province on Friday.", True),
    ("Thousands of troops were flown to the coast overnight, officials said.", True),
    ("The army has thousands of troops in the region.", False),
    ("Vell sent troops to the border town in 2019.", False),
])
def test_a_wave_sized_only_vaguely_is_an_unsized_wave(sentence: str, unsized: bool) -> None:
    tasks = plan(_article(sentence))
    assert any(t.unsized_wave for t in tasks) == unsized


@pytest.mark.parametrize("sentence, actions", [
    ("Train services between the two towns remain suspended.", []),
    ("The treaty remains suspended.", ["suspended"]),
    ("Ratification was hard-fought in the capital.", []),
    ("Vell signed a deal with Ostria, a deal that Lusaria and Pell both denounced.", ["signed"]),
    ("The junta denounced the 2011 accord on foreign bases in March.", ["withdrawn"]),
    ("The mediators eased the quarrel, leaving Pell's grievances untouched.", []),
    # "Forces" in a treaty's name is no troops withdrawing
    ("Ostria suspended its part in the Treaty on Allied Armed Forces of the North in 2009, then withdrew "
     "outright in May 2021.", ["suspended", "withdrawn"]),
])
def test_what_is_and_is_not_a_treaty_act(sentence: str, actions: list[str]) -> None:
    assert [a for a, _ in treaty_events(sentence)] == actions


def test_that_month_belongs_to_the_year_written_before_it() -> None:
    from summarizer.strategies.cited_treaties import treaty_records

    article = _article("The 2016 Pell accord between the government and six armed groups, signed in Lirsk that "
                       "March, has largely collapsed. The Ostrian Senate approved its ratification in "
                       "October of that year.")
    dates = [[(r.action, r.date) for r in treaty_records(TreatyAnswer(treaty="2016 Pell accord"), s.text,
                                                          span_evidence(article.text, s.start, s.end), article,
                                                          dt.date(2026, 3, 4))]
             for s in article.sentences]
    assert dates == [[("signed", "2016-03")], [("ratified", "2016-10")]]


def test_a_transcript_label_takes_the_full_name_from_the_header_in_capitals() -> None:
    header = "PRESS BRIEFING BY DEFENCE SPOKESWOMAN ANA RUIZ\n\n"
    assert full_name("Ruiz", ["MS. RUIZ: Good morning."], header) == "Ana Ruiz"
    assert full_name("Ruiz", [], "BRIEFING BY RUIZ\n") == "Ruiz"


@pytest.mark.parametrize("sentence, actions", [
    ("Ostria became a party to the convention in 1999.", ["acceded"]),
    ("Leaders gathered to mark 30 years since the accord was signed.", ["anniversary"]),
    ("Vell walked out of the treaty in 2018.", ["withdrawn"]),
    ("Vell put the treaty on hold in March.", ["suspended"]),
    ("The deal collapsed in 2018 when Lusaria abandoned it.", ["withdrawn"]),
    ("Troops abandoned their positions under the truce.", []),
])
def test_more_ways_to_state_a_treaty_event(sentence: str, actions: list[str]) -> None:
    assert [a for a, _ in treaty_events(sentence)] == actions


@pytest.mark.parametrize("sentence, name", [
    # A speaker after its verb, once the claim is told.
    ("At least 40 soldiers were killed, said Colonel Ana Ruiz, a spokeswoman for the army.", "Colonel Ana Ruiz"),
    ("At least 40 soldiers were killed on Monday, said the Vell army on Tuesday.", "the Vell army"),
    ("\"We sent 300 troops to the border,\" said Ruiz.", "Ruiz"),
    # A title, then the name with its rank.
    ("A spokesman for the Vell army, Col. Ana Ruiz, said 40 soldiers died.", "Col. Ana Ruiz"),
])
def test_a_speaker_after_its_verb_or_after_a_title(sentence: str, name: str) -> None:
    assert attribute(sentence).name == name


def test_it_takes_up_a_subject_the_recogniser_cut_short_of_its_owner() -> None:
    from summarizer.referents import salient

    earlier = "Syria's health ministry reported on Friday that shelling had hit a clinic overnight."
    assert salient("It", [earlier]) == "Syria's health ministry"
