"""The program's reading of figures and treaty events, on sentences written for these tests.

Each case is a construction of conflict reporting (a governing verb, a noun that is not a
person, a force that is not being sent, a treaty event verb), not a sentence of any article.
"""

from __future__ import annotations

import pytest

from summarizer.article import Article
from summarizer.figures import label_figures
from summarizer.strategies.cited_answers import not_echoed
from summarizer.strategies.cited_treaties import treaty_events, treaty_records
from summarizer.strategies.cited_plan import TreatyAnswer


def labels(sentence: str) -> list[tuple[str, str]]:
    return [(f.phrase.text, f.label) for f in label_figures(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    # The verb that governs a figure decides, not a casualty word later in the sentence.
    ("The raid killed 52 people and wounded 130 others, local officials said.",
     [("52", "killed"), ("130", "wounded")]),
    ("Its commandos killed 9 rebel fighters and captured 4 in the operation.",
     [("9", "killed"), ("4", "captured")]),
    ("A mortar round landed near the depot, killing 5 guards.", [("5", "killed")]),
    # "Lost N" and a death toll are deaths; hostages held by the other side are captured.
    ("The navy said it had lost 14 sailors in the sinking.", [("14", "killed")]),
    ("Officials put the death toll at more than 800, while the rebels said fewer than 60 people had died.",
     [("more than 800", "killed"), ("fewer than 60", "killed")]),
    ("The militia is holding 41 hostages, the ministry said.", [("41", "captured")]),
    # Casualty nouns and the euphemisms of military statements.
    ("Rescuers pulled 14 bodies from the rubble.", [("14", "killed")]),
    ("The army said 35 militants were neutralised in the operation.", [("35", "killed")]),
    ("Ostria said it had repelled the assault, eliminating up to 150 enemy troops.", [("up to 150", "killed")]),
    ("The fighting has claimed more than 1,500 lives since March.", [("more than 1,500", "killed")]),
    ("The ministry reported 45 fatalities and 110 injuries.", [("45", "killed"), ("110", "wounded")]),
    ("About 5,000 troops arrived to protect the lives of civilians.", [("About 5,000", "troops")]),
    # Missing soldiers are neither casualties nor a deployment.
    ("Fifteen soldiers went missing after the ambush.", [("Fifteen", "other")]),
    # A figure that counts things, or sits inside a name, counts no one.
    ("Pirates have sunk three tankers and killed at least six sailors since June.",
     [("three", "other"), ("at least six", "killed")]),
    ("A drone hit Checkpoint 17 overnight.", [("17", "other")]),
    ("The alliance, founded in 1949, now has 32 members.", [("32", "other")]),
    # Troops that are not being sent: an army's size, a force on alert, a force leaving.
    ("The Ruritanian army, which can field roughly 300,000 soldiers, is on alert.",
     [("roughly 300,000", "other")]),
    ("Valdor has put 2,500 soldiers on high alert along the frontier.", [("2,500", "other")]),
    ("Lutania's navy, which numbers about 40,000 sailors, sent two frigates.",
     [("about 40,000", "other"), ("two", "other")]),
    ("Around 900 Ostrian troops finished their withdrawal from the island in May.", [("Around 900", "other")]),
    ("The government is weighing withdrawing about 3,000 troops from the north.", [("about 3,000", "other")]),
    ("Ostria has about 200,000 active-duty troops.", [("about 200,000", "other")]),
    ("The country's armed forces total 150,000 personnel.", [("150,000", "other")]),
    ("The ministry said 2,000 soldiers had completed their training.", [("2,000", "other")]),
    ("The US keeps 28,500 troops in South Ostria.", [("28,500", "troops")]),
    # Soldiers trained, raised, evacuated or taken out of a place, or a cap on their number.
    ("The training mission has trained more than 60,000 Ostrian soldiers since 2022.",
     [("more than 60,000", "other")]),
    ("The government mobilised 300,000 reservists in September.", [("300,000", "other")]),
    ("Vela evacuated 1,200 soldiers from the island.", [("1,200", "other")]),
    ("Carpania will pull 700 troops out of the region by June.", [("700", "other")]),
    ("The deal caps the number of foreign troops at 5,000.", [("5,000", "other")]),
    ("Ostria sent 500 more troops to train local forces.", [("500", "troops")]),
    # Troops sent, with modifiers the list of troop words does not hold.
    ("Kingstonia moved roughly 6,000 extra paramilitary soldiers into the hills.",
     [("roughly 6,000", "troops")]),
    ("Monitors put the number of Carlan troops fighting in the delta at between 2,000 and 2,500.",
     [("between 2,000 and 2,500", "troops")]),
    ("The ministry said it had begun moving some 900 special operations troops to the border.",
     [("some 900", "troops")]),
    ("Another 150 Ghanaian police officers arrived in the capital in May.", [("150", "troops")]),
    ("Its garrison has grown to roughly 2,600, officials said.", [("roughly 2,600", "troops")]),
    # Arrivals sent to replace the dead are troops, not the dead.
    ("About 1,800 of its soldiers reached the front in March to replace the dead and wounded.",
     [("About 1,800", "troops")]),
    # Formations counted are not a head count; an army's size and a parade are not deployments.
    ("The army said it was sending four more infantry battalions to the valley.", [("four", "other")]),
    ("Officials say the navy can still field roughly 20,000 sailors despite the losses.",
     [("roughly 20,000", "other")]),
    ("The kingdom's army, about 90,000 active personnel, is the region's largest.", [("about 90,000", "other")]),
    ("Its coast guard, founded in 1990, numbers about 3,000 men.", [("about 3,000", "other")]),
    ("Around 8,000 soldiers marched across the main square during the victory parade.",
     [("Around 8,000", "other")]),
    # The bodies of soldiers are their deaths; people held by the other side are captives.
    ("Villagers said the bodies of 14 soldiers were found near the bridge.", [("14", "killed")]),
    ("The militia is still holding 31 aid workers, the agency said.", [("31", "captured")]),
])
def test_what_a_figure_counts(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Vela joined the alliance in April 2023, doubling its border with the bloc.", ["acceded"]),
    ("Ostria invoked Article 4 of the alliance's founding treaty on Tuesday.", ["invoked"]),
    ("The parliament ratified the accord on Tuesday, and the president signed it a day later.",
     ["ratified", "signed"]),
    ("Carpania on Friday marked the 20th anniversary of the Delmar Pact, signed in 2006.",
     ["anniversary", "signed"]),
    ("Borduria quit the Skies Accord in 2019.", ["withdrawn"]),
    ("The northern states suspended the fisheries convention last month.", ["suspended"]),
    ("Ostria formally became the alliance's 33rd member on Thursday.", ["acceded"]),
    ("Both chambers approved the accord last week.", ["ratified"]),
    ("Carpania halted its participation in the treaty in 2023.", ["suspended"]),
    ("The two sides halted fighting after signing the accord.", ["signed"]),
    ("Officials marked 75 years since the treaty was signed.", ["anniversary"]),
    ("The president signed into law a bill ratifying the pact.", ["ratified"]),
    ("The cabinet approved the draft agreement.", []),
    # Revoking a ratification is one act: the revoking.
    ("Borduria revoked its ratification of the Skies Accord in 2022.", ["withdrawn"]),
    # A treaty named with no act, or an act that has not happened, is no event.
    ("The Delmar Pact, which ended the war, remains in force.", []),
    ("Carpania will ratify the pact next year, officials said.", []),
    ("Lutania refused to sign the protocol.", []),
    ("No troops will move before the pact is ratified by parliament.", []),
    ("Opposition deputies pressed ministers to quit the arms treaty.", []),
    ("Vela voted to leave the pact, joining neighbours who call it outdated.", ["withdrawn"]),
    # A legislature by its own name ratifies for its state; "May" the month is no modal verb.
    ("The Senate ratified the pact in May, and Ruritania's Diet approved it in July.", ["ratified", "ratified"]),
    # A legislature approving a withdrawal withdraws; "followed" repeats the act by another party.
    ("In March the Ostrelian Saeima approved its withdrawal, and Vell's Sejm followed on Friday.",
     ["withdrawn", "withdrawn"]),
    ("Diplomats marked the centenary of the Lisbon Convention, which was signed on 3 May 1925.",
     ["anniversary", "signed"]),
    # An act named again by its noun points back to it; with a date of its own it is stated here.
    ("Carpania condemned the ratification.", []),
    ("The withdrawal from the fisheries accord drew little comment in the capital.", []),
    ("The ratification of the accord by the assembly on Tuesday ended a long dispute.", ["ratified"]),
    ("The deal was followed by a second accord in 2019.", []),
])
def test_treaty_events_are_the_sentences_own_verbs(sentence: str, expected: list[str]) -> None:
    assert [action for action, _ in treaty_events(sentence)] == expected


def _article(body: str) -> Article:
    return Article.from_text("t1", "Headline\n\nPORT VELA, March 4, 2026 -- " + body + "\n")


def test_each_event_is_a_record_with_its_own_date() -> None:
    sentence = "Carpania on Friday marked the 20th anniversary of the Delmar Pact, signed in 2006."
    article = _article(sentence)
    s = next(x for x in article.sentences if "anniversary" in x.text)
    answer = TreatyAnswer(treaty="Delmar Pact", parties=["Carpania"], actor="Carpania", when="in 2006")
    import datetime as dt

    from summarizer.grounding import span_evidence

    records = treaty_records(answer, s.text, span_evidence(article.text, s.start, s.end), article,
                             dt.date(2026, 3, 4))
    assert [(r.action, r.date) for r in records] == [("anniversary", "2026-02-27"), ("signed", "2006")]


@pytest.mark.parametrize("sentence, actor, expected", [
    # Each party ratifies for itself; a joint signing or exit is one act of them all.
    ("Carpania and the Ostrian Republic ratified the Delmar Pact in 2011.", "Carpania",
     [("ratified", "Carpania"), ("ratified", "the Ostrian Republic")]),
    ("Carpania, Upper Vell and Ostria ratified the Delmar Pact in 2011.", None,
     [("ratified", "Carpania"), ("ratified", "Upper Vell"), ("ratified", "Ostria")]),
    ("The Delmar Pact was ratified by Carpania, Vell and Ostria in 2011.", None,
     [("ratified", "Carpania"), ("ratified", "Vell"), ("ratified", "Ostria")]),
    ("Trinidad and Tobago ratified the Delmar Pact in 2011.", "Trinidad and Tobago",
     [("ratified", "Trinidad and Tobago")]),
    ("Carpania, Vell and Ostria left the Delmar Pact together in 2011.", "Carpania, Vell and Ostria",
     [("withdrawn", "Carpania, Vell and Ostria")]),
    ("Carpania and Vell signed the Delmar Pact in 2011.", "Carpania and Vell", [("signed", "Carpania and Vell")]),
])
def test_a_coordinated_subject_acts_once_per_party_where_each_acts_for_itself(
        sentence: str, actor: str | None, expected: list[tuple[str, str]]) -> None:
    import datetime as dt

    from summarizer.grounding import span_evidence

    article = _article(sentence)
    s = next(x for x in article.sentences if "Delmar" in x.text)
    answer = TreatyAnswer(treaty="Delmar Pact", parties=[], actor=actor, when="in 2011")
    records = treaty_records(answer, s.text, span_evidence(article.text, s.start, s.end), article,
                             dt.date(2026, 3, 4))
    assert [(r.action, r.actor) for r in records] == expected
    assert {r.date for r in records} == {"2011"}


def test_a_value_copied_from_the_prompts_examples_is_rejected_unless_the_article_writes_it() -> None:
    from summarizer.prompts import load_prompt

    example = "commits each to defend the other"
    assert example in load_prompt("system").body  # the example this test leans on
    assert not_echoed(example, _article("The two states signed a trade pact in 2020.")) is None
    written = _article("The two states signed a pact in 2020 that commits each to defend the other.")
    assert not_echoed(example, written) == example
    assert not_echoed("  ", written) is None


@pytest.mark.parametrize("sentence, name", [
    # A speaker, then asides, then the verb.
    ("Carpania's navy, in a statement from its press office, the CPO, said 12 of its sailors had been killed.",
     "Carpania's navy"),
    ("The Lutanian army, for its part, says its raids killed at least 75 rebels.", "The Lutanian army"),
    # An attribution inserted mid-sentence: after a plural agent, "estimate" is the verb.
    ("The drought has killed more than 3,000 people, relief agencies estimate, and displaced many more.",
     "relief agencies"),
    # Analysts speak for the institution they work at.
    ("Analysts at the Vell Institute for Strategy said about 500 soldiers had died.", "Vell Institute for Strategy"),
    # Intelligence named by its country is the body; the first of a list of capitals speaks.
    ("Ostrian intelligence said 900 soldiers had died.", "Ostrian intelligence"),
    ("Kyiv, Seoul and Washington have confirmed that 2,000 troops arrived in the region.", "Kyiv"),
    # Monitors document and record; a passive claim names its source after "by".
    ("Human rights monitors documented at least 230 civilian deaths.", "Human rights monitors"),
    ("The toll of 45 dead was confirmed by local hospital officials.", "local hospital officials"),
    # A place after a speaker noun says which officials; a date after it does not.
    ("Shelling killed 16 civilians, officials in Vell district said.", "officials in Vell district"),
    ("Officials on Monday said 40 soldiers had died.", "Officials"),
    # Apposition after the speaker; a speaking body's head noun; the speaker of a relative clause.
    ("The Northern Relief League, a charity that runs clinics in the region, says 900 civilians have died.",
     "The Northern Relief League"),
    ("The interior ministry of the exile government, the administration set up by deposed lawmakers, said "
     "30 soldiers died.", "The interior ministry of the exile government"),
    ("In a statement on its website, the council said 40 of its fighters had been killed.", "the council"),
    ("The group claimed the raid through its Voice of the Hills radio, which said 25 soldiers were killed.",
     "Voice of the Hills radio"),
    ("The UN mission in Carpania said at least 40 civilians were killed.", "The UN mission in Carpania"),
])
def test_who_a_sentence_attributes_its_claim_to(sentence: str, name: str) -> None:
    from summarizer.attribution import attribute

    assert attribute(sentence).name == name


def test_a_figure_that_breaks_down_another_is_part_of_it() -> None:
    from summarizer.figures import without_breakdowns

    sentence = "Ostria will send 900 more personnel, 300 sappers and 600 builders, the envoy said."
    kept = without_breakdowns(label_figures(sentence))
    assert [(f.phrase.text, f.label) for f in kept if f.label == "troops"] == [("900", "troops")]
    separate = "Ostria sent 900 soldiers in May and 300 sappers in June."
    assert len([f for f in without_breakdowns(label_figures(separate)) if f.label == "troops"]) == 2


def test_a_sentence_saying_a_wave_was_not_sized_asks_about_an_unsized_deployment() -> None:
    from summarizer.strategies.cited_plan import plan

    article = _article("Carpania said a group of drone operators, whose number it did not give, "
                       "had arrived at the border. Farmers expect rain.")
    (task,) = plan(article)
    assert task.unsized_wave and not task.troops


def test_a_treaty_event_pointing_back_to_an_earlier_treaty_is_asked_about() -> None:
    from summarizer.strategies.cited_plan import plan

    article = _article("Vela and Ostria signed the Harbour Accord in 2019. "
                       "Vela's parliament approved its withdrawal in May. Farmers expect rain.")
    tasks = plan(article)
    assert [(t.treaty, t.treaty_named_before) for t in tasks] == [(True, False), (True, True)]


@pytest.mark.parametrize("sentence, name", [
    ("Both capitals on Monday invoked the arbitration clause of the 2011 fisheries deal with Lutania.",
     "2011 fisheries deal with Lutania"),
    ("Vela revoked its ratification of the Open Harbours Convention.", "Open Harbours Convention"),
    ("Ostria signed a defence agreement with Vela and Carpania.", "defence agreement with Vela and Carpania"),
    ("Ostria invoked Article 4 of the Harbour Treaty.", "Harbour Treaty"),
    # A bare noun names nothing of its own.
    ("Vela withdrew from the agreement in 2020.", None),
])
def test_the_sentence_names_a_treaty_in_its_own_words(sentence: str, name: str | None) -> None:
    from summarizer.strategies.cited_treaties import treaty_phrase

    assert treaty_phrase(sentence) == name


def _treaty_records_of(body: str, answers: dict[str, TreatyAnswer | None], raw: bool = False) -> list:
    """Treaty records of every treaty sentence, the model answering from ``answers`` by keyword."""
    import datetime as dt

    from summarizer.grounding import span_evidence
    from summarizer.strategies.cited_plan import plan
    from summarizer.strategies.cited_treaties import sentence_treaties

    article, out = _article(body), []
    for task in plan(article):
        s = task.sentence
        answer = next((a for k, a in answers.items() if k in s.text), None)
        out += sentence_treaties(task, answer, article, dt.date(2026, 3, 4),
                                 span_evidence(article.text, s.start, s.end), out[-1] if out else None)
    return out if raw else [(r.treaty, r.action, r.date) for r in out]


def test_a_model_name_the_sentence_does_not_write_gives_way_to_the_sentences_own() -> None:
    # The model "knows" the treaty by another name; the record keeps the article's wording.
    answer = TreatyAnswer(treaty="Lutanian Fisheries Treaty", parties=["Lutania"], when="on Monday")
    records = _treaty_records_of(
        "Both capitals on Monday invoked the arbitration clause of the 2011 fisheries deal with Lutania.",
        {"arbitration": answer})
    assert records == [("2011 fisheries deal with Lutania", "invoked", "2026-03-02")]


def test_a_bare_the_deal_with_an_event_points_back_to_the_treaty_named_before() -> None:
    named = TreatyAnswer(treaty="Harbour Accord", parties=["Vela", "Ostria"], when="in 2019")
    records = _treaty_records_of(
        "Vela and Ostria signed the Harbour Accord in 2019. Ostria withdrew from the deal in 2023. "
        "The deal was popular with fishermen.",
        {"Harbour Accord": named, "withdrew": None, "popular": None})
    # The withdrawal is the named treaty's event; a bare mention with no event adds nothing.
    assert records == [("Harbour Accord", "signed", "2019"), ("Harbour Accord", "withdrawn", "2023")]


def test_one_speaker_owns_every_claim_of_its_sentence() -> None:
    import datetime as dt

    from summarizer.strategies.cited_plan import plan
    from summarizer.strategies.cited_records import build_records

    article = _article("The Carpanian army said it had lost 7 soldiers and that 40 attackers had been killed.")
    (task,) = plan(article)
    records = build_records(task, None, None, article, dt.date(2026, 3, 4))["casualty_estimates"]
    assert [r.source.name for r in records] == ["The Carpanian army"] * len(records) and len(records) == 2


def test_a_treaty_event_restated_later_is_one_record() -> None:
    from summarizer.strategies.cited_treaties import without_restatements

    records = _treaty_records_of(
        "Vela and Ostria signed the Harbour Accord on Monday. The Harbour Accord was signed in the capital. "
        "Ostria's parliament ratified the Harbour Accord in May, and Vela's in June.",
        {"Monday": TreatyAnswer(treaty="Harbour Accord", parties=["Vela", "Ostria"], when="on Monday"),
         "capital": TreatyAnswer(treaty="Harbour Accord", parties=["Vela", "Ostria"]),
         "parliament": TreatyAnswer(treaty="Harbour Accord", parties=["Ostria"])}, raw=True)
    events = [(r.action, r.date) for r in records]
    assert events == [("signed", "2026-03-02"), ("signed", None), ("ratified", "2025-05")]
    assert [(r.action, r.date) for r in without_restatements(records)] == [
        ("signed", "2026-03-02"), ("ratified", "2025-05")]
    # Another party's own act is not a restatement.
    other = records[2].model_copy(update={"parties": ["Vela"], "date": None})
    assert len(without_restatements([*records, other])) == 3


@pytest.mark.parametrize("sentence, low", [
    ("The death toll passed 1,000 on Monday.", 1000),
    ("Deaths topped 500, officials said.", 500),
    ("The toll has surpassed 2,000.", 2000),
])
def test_a_toll_that_passed_a_figure_has_it_as_its_lower_bound(sentence: str, low: int) -> None:
    (figure,) = label_figures(sentence)
    assert (figure.label, figure.phrase.count.low, figure.phrase.count.high) == ("killed", low, None)


def test_a_second_speaker_after_a_semicolon_owns_the_second_claim() -> None:
    from summarizer.attribution import attribute

    said = attribute("The army said 40 soldiers were killed; the rebels put the figure at 300.")
    assert (said.name, said.others) == ("The army", ("the rebels",))


@pytest.mark.parametrize("second", ["The Lutanian army said 90 more were wounded.",
                                    "A Lutanian army spokesman said 90 more were wounded."])
def test_a_follow_up_from_the_same_body_or_its_spokesman_joins_the_estimate(second: str) -> None:
    import datetime as dt

    from summarizer.strategies.cited_plan import plan
    from summarizer.strategies.cited_records import build_records, merge_follow_ups

    article = _article("The Lutanian army said 40 of its soldiers were killed. " + second)
    records = [r for task in plan(article)
               for r in build_records(task, None, None, article, dt.date(2026, 3, 4))["casualty_estimates"]]
    (merged,) = merge_follow_ups(records, article)
    assert (merged.killed.low, merged.wounded.low) == (40, 90)


def test_a_treaty_named_later_by_its_proper_name_alone_is_asked_about() -> None:
    from summarizer.strategies.cited_plan import plan

    article = _article("Vela and Ostria signed the Harbour START treaty in 2010. "
                       "Ostria suspended its participation in Harbour START in 2023. "
                       "Harbour START inspectors toured the port. Farmers expect rain.")
    tasks = plan(article)
    # The suspension is asked about; a sentence naming it with no event is not.
    assert [(t.treaty, t.treaty_named_before) for t in tasks] == [(True, False), (True, True)]


def test_an_unnamed_source_tells_an_outlet_and_a_second_speaker_after_and_owns_the_second_claim() -> None:
    from summarizer.attribution import attribute

    told = attribute("Rebels ambushed a convoy on Friday, killing at least 11 soldiers, a military source told Reuters.")
    assert (told.name, told.via) == ("a military source", "Reuters")
    two = attribute("Carpania's army says 1,200 of its soldiers died, and Vell counts more than 2,000 of its own dead.")
    assert (two.name, two.others) == ("Carpania's army", ("Vell",))


def test_a_treaty_name_does_not_take_a_weekday_or_an_armed_group_for_a_treaty() -> None:
    from summarizer.strategies.cited_treaties import treaty_phrase
    from summarizer.vocabulary import TREATY_NOUN

    assert treaty_phrase("The two parties signed the coalition agreement on Monday.") == "coalition agreement"
    assert not TREATY_NOUN.search("The Northern Liberation Alliance Army (NLAA) seized the town on Tuesday.")


@pytest.mark.parametrize("sentence, expected", [
    # Captives freed or handed over are no longer held: no casualty figure.
    ("The rebels freed eight hostages on Sunday, and the government released 300 prisoners in return.",
     [("eight", "other"), ("300", "other")]),
    ("A third group of 11 hostages was handed over in the south.", [("11", "other")]),
    ("Rebels captured 40 soldiers and later released 12 of them.", [("40", "captured"), ("12", "other")]),
    # An army's size stays a size whatever the sentence later says of its losses.
    ("The army, which officials say can field around 90,000 soldiers, has lost ground, and hundreds of its "
     "men have been captured.", [("around 90,000", "other")]),
])
def test_freed_captives_and_an_armys_size_are_no_casualty_figures(sentence: str,
                                                                  expected: list[tuple[str, str]]) -> None:
    assert labels(sentence) == expected


def test_a_treaty_act_with_no_name_of_its_own_takes_the_treaty_before_or_its_bare_noun() -> None:
    echoed = TreatyAnswer(treaty="mutual security pact", parties=["Vela"], when="in April")
    records = _treaty_records_of(
        "Ostria and Vela signed the Harbour Accord in 2019. Vela invoked Article 3 again in 2024. "
        "In April the Lutanian Saeima approved its withdrawal, and Carpania's Sejm followed on Friday. "
        "Under an agreement the two governments concluded in May 2025, patrols were halved.",
        {"Harbour": TreatyAnswer(treaty="Harbour Accord", parties=["Ostria", "Vela"], when="in 2019"),
         "Saeima": echoed})
    assert records == [("Harbour Accord", "signed", "2019"), ("Harbour Accord", "invoked", "2024"),
                       ("Harbour Accord", "withdrawn", "2025-04"), ("Harbour Accord", "withdrawn", "2026-02-27"),
                       ("agreement", "signed", "2025-05")]


def test_a_second_party_doing_the_same_act_is_a_record_of_its_own() -> None:
    records = _treaty_records_of(
        "Borduria left the Skies Accord, which allowed observation flights, in 2021, a year after the Vellan "
        "Republic withdrew.",
        {"Skies": TreatyAnswer(treaty="Skies Accord", parties=["Borduria"], actor="Borduria", when="2021")},
        raw=True)
    assert [(r.action, r.actor, r.date) for r in records] == [("withdrawn", "Borduria", "2021"),
                                                              ("withdrawn", "Vellan Republic", None)]


@pytest.mark.parametrize("sentence, expected", [
    ("Vela, Ostria and Carpania formally left the Economic Community of Southern States on Wednesday.",
     "Economic Community of Southern States"),
    ("Ostria joined NATO in April 2023.", "NATO"),
    ("Carpania froze its participation in the Collective Defence Organisation last year.",
     "Collective Defence Organisation"),
    ("Poland joined the European Union sanctions push.", None),
    ("He left the Union Square office.", None),
])
def test_joining_or_leaving_a_body_of_states_is_a_treaty_event(sentence: str, expected: str | None) -> None:
    from summarizer.vocabulary import MEMBERSHIP_ACT

    match = MEMBERSHIP_ACT.search(sentence)
    assert (match.group("body") if match else None) == expected


def test_a_bill_to_withdraw_is_no_withdrawal_yet() -> None:
    assert treaty_events("The government sent a withdrawal bill to parliament on Monday.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("Across the provinces Ostria's gendarmerie employs about 6,500 officers.", [("about 6,500", "other")]),
    ("Ostria sent 200 police officers to the island.", [("200", "troops")]),
])
def test_police_are_a_deployment_only_when_sent(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert labels(sentence) == expected


@pytest.mark.parametrize("sentence, new", [
    ("Ministers insisted back then that the extra brigades had only been sent for the winter.", False),
    ("Ostria admitted for the first time that its soldiers had been deployed abroad.", False),
    ("Ostria sent additional troops to the coast.", True),
    ("The first troops arrived in the port on Monday.", True),
])
def test_a_wave_marked_new_is_not_one_pointed_back_to(sentence: str, new: bool) -> None:
    from summarizer.vocabulary import NEW_WAVE

    assert bool(NEW_WAVE.search(sentence)) is new


def test_back_references_find_the_body_not_a_person_of_it() -> None:
    from summarizer.attribution import attribute
    from summarizer.referents import resolve

    said = attribute("In the delta region, the defence ministry of the Provisional Council, the body formed by "
                     "exiled deputies, said 32 soldiers died.")
    assert said.name == "the defence ministry of the Provisional Council"
    assert resolve("the ministry", ["Vellan defence ministry", "a ministry spokesman"]) == "Vellan defence ministry"
    assert resolve("it", ["Vellan army", "Ana Ruiz Morales"]) == "Vellan army"
    assert resolve("the spokesman", ["Vellan army"],
                   "Col. Ana Ruiz, a spokeswoman for the Joint Staff, said 3,000 had arrived. ") == "Col. Ana Ruiz"


@pytest.mark.parametrize("sentence, expected", [
    # "One" counts when a person noun follows; one person is never a deployment.
    ("One Vellan medic was hurt by shrapnel near the bridge, its brigade reported.", [("One", "wounded")]),
    ("The prison service reported that one of its guards died in the riot.", [("one", "killed")]),
    ("One soldier said the unit was exhausted.", [("One", "other")]),
    ("Only one of the brigades moved north.", []),
    # Captives by nationality.
    ("Ostria still holds 23 Vellans, officials say.", [("23", "captured")]),
    ("The militia hold 14 Carpanians.", [("14", "captured")]),
])
def test_one_person_and_captives_by_nationality(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("About 900 Ostrian troops completed their withdrawal from Vela in May.", []),
    ("Ostria withdrew from New START in 2023, officials said, and moved troops north.", ["withdrawn"]),
    ("Carpanian diplomats praised the anniversary in a joint note.", []),
])
def test_troops_leaving_a_country_and_a_restated_anniversary_are_no_treaty_events(sentence: str,
                                                                                   expected: list[str]) -> None:
    assert [action for action, _ in treaty_events(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # Whose losses, when the figure's own words say: the program reads it, not the model.
    ("Hill militias said they shot dead 45 regime conscripts near the pass.", ["regime conscripts"]),
    ("The army said about 300 Vellan fighters were killed.", ["Vellan fighters"]),
    # A bare noun, or a casualty word, says nothing of whose: the model's reading stays.
    ("Ostria said 2,908 of its soldiers died.", [None]),
    ("Carpania lost 300 men.", [None]),
    ("About 3,000 of them were either killed or wounded.", [None]),
])
def test_whose_losses_from_the_figures_own_noun_phrase(sentence: str, expected: list[str | None]) -> None:
    from summarizer.figures import whose

    assert [whose(sentence, f) for f in label_figures(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # signing a decree or a law that ratifies is the ratification, not a signing of the treaty
    ("President Arlo Venn signed a decree on Friday ratifying the Marsh Water Accord, state radio said.",
     ["ratified"]),
    ("Days after the Saeima had backed the accord by 61 votes, Venn set her signature on the enabling "
     "law that ratifies it.", ["ratified", "ratified"]),
    # a legislature taking its state out of a convention; consultations requested under an article
    ("Deputies voted in March to take Valmora out of the Lisk Convention on cluster munitions.",
     ["withdrawn"]),
    ("Norland yesterday requested talks among the allies under Article 4 of the Orvel Treaty.", ["invoked"]),
])
def test_treaty_events_read_through_instruments_and_legislatures(sentence: str, expected: list[str]) -> None:
    assert [action for action, _ in treaty_events(sentence)] == expected


def test_a_contract_and_a_name_that_is_no_treaty_give_no_treaty_record() -> None:
    from summarizer.strategies.cited_treaties import names_a_treaty
    from summarizer.vocabulary import COMMERCIAL
    assert COMMERCIAL.search("Valmora's procurement office signed a deal with Orvel Aerospace for 40 jets.")
    assert not COMMERCIAL.search("The two states signed a defence pact on Monday.")
    text = ("The alliance will hold its Lisk Shield exercise next month. The New ORVEL arms treaty "
            "expires in May; ORVEL limits launchers.")
    assert names_a_treaty("New ORVEL", text) and names_a_treaty("Orvel Treaty", text)
    assert not names_a_treaty("Lisk Shield exercise", text)


def test_another_party_doing_the_same_act_in_a_sentence_of_its_own_is_a_record_for_it() -> None:
    answer = TreatyAnswer(treaty="Orvel Treaty", parties=["Norland"], actor="Norland")
    records = _treaty_records_of(
        "Norland invoked Article 4 of the Orvel Treaty on 2 March. Valmora did so on 3 March, after "
        "drones crossed its border. Protests followed in the capital.",
        {"Norland": answer, "Valmora": None, "Protests": None}, raw=True)
    assert [(r.action, r.actor, r.date) for r in records] == [
        ("invoked", "Norland", "2026-03-02"), ("invoked", "Valmora", "2026-03-03")]


def test_an_announced_withdrawal_is_a_withdrawal_and_a_treaty_on_a_date_points_back() -> None:
    # the gold rule: a state that announced its withdrawal has withdrawn (the exit taking effect is a second act)
    assert [a for a, _ in treaty_events("Lisk announced on 3 May that it would leave the Orvel Convention, "
                                        "and the exit took effect in November.")] == ["withdrawn", "withdrawn"]
    assert treaty_events("Lisk said it would leave the Orvel Convention if the talks failed.") == []
    from summarizer.vocabulary import TREATY_POINTS_BACK
    assert TREATY_POINTS_BACK.search("The senate approved the treaty on 22 May by 60 votes to 30.")
    assert not TREATY_POINTS_BACK.search("It signed the treaty on conventional forces.")


@pytest.mark.parametrize("sentence, expected", [
    # a leaving word leaves a treaty only when one follows, or a date, or the clause ends
    ("Turkey brokered the declaration between Lisk and Orvel in May, easing the quarrel but leaving the "
     "grievances untouched.", ["signed"]),
    ("Latvia left in 2021, a year after Estonia withdrew.", ["withdrawn", "withdrawn"]),
    ("Norland left the country in May.", []),
    # troops pulled out of a place leave no treaty; a denied act is none
    ("The accord ended the air campaign and pulled Orvel's forces out of the province.", []),
    ("This is not a withdrawal; it is a transition.", []),
    # ending a treaty: terminating it, or declaring it binds no more
    ("Orvel's president gave formal notice terminating the pact in March.", ["withdrawn"]),
    ("Orvel's cabinet says the country is no longer bound by the 1998 fisheries pact.", ["withdrawn"]),
    # an agreement announced is an agreement concluded
    ("Lisk and Orvel announced a deal on their shared border crossings on Friday.", ["signed"]),
])
def test_treaty_events_leaving_ending_and_announcing(sentence: str, expected: list[str]) -> None:
    assert [action for action, _ in treaty_events(sentence)] == expected
