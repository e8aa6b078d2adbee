"""Who a sentence attributes its claim to, read from its grammar (made-up wire copy)."""

import pytest

from summarizer.attribution import Attribution, attribute, is_back_reference
from summarizer.referents import resolve

CASES = [
    ("Quorvia has moved roughly 2,300 medics to Tessaly, Quorvia's interior ministry told Kestrel "
     "News on Friday.", "Quorvia's interior ministry", "Kestrel News"),
    ("Citing unnamed officials, the Valmora Herald reported that a new contingent arrived.",
     "unnamed officials", "the Valmora Herald"),
    ("The Norland Post, citing two defence officials, reported that 900 soldiers arrived.",
     "two defence officials", "The Norland Post"),
    ("Western officials said about 800 soldiers were killed in May, the Norland Wire reported.",
     "Western officials", "the Norland Wire"),
    ("Up to 2,600 sailors were redeployed over the winter, according to Tessaly's Foreign "
     "Intelligence Office, which said a second group was expected.",
     "Tessaly's Foreign Intelligence Office", None),
    ("Separately, Ana Ruiz, a member of the defence committee, told reporters that the "
     "Intelligence Bureau estimated 300 had died.", "the Intelligence Bureau", "Ana Ruiz"),
    ("Norland's army chief said at least 120 soldiers had been killed and 430 wounded in March.",
     "Norland's army chief", None),
    ("DRAVENPORT, Jun 3 (Kestrel News) - Quorvia's naval intelligence directorate said in a "
     "briefing that two brigades had lost 340 sailors.", "Quorvia's naval intelligence directorate",
     None),
    ("Roughly 450 reservists reached the coast, according to data the statistics office published "
     "in October.", "the statistics office", None),
    ("Estavia sent more soldiers north, according to a report from Norland's spy agency.",
     "Norland's spy agency", None),
    ("Both Aram, Bex, and Cal have confirmed that more than 500 troops were sent in 2024.", "Aram", None),
    ("Estavian, Norlandic, and Valmoran intelligence agencies estimate that 10 to 12 battalions "
     "were deployed.", "Estavian intelligence agencies", None),
    ("According to Quorvian officials and Dravish intelligence sources, roughly 650 marines have "
     "been deployed.", "Quorvian officials", None),
    ("Quorvian and Dravish military sources indicated that over 240 gunners were flown in.",
     "Quorvian and Dravish military sources", None),
    ("Aram's claim is much higher than a March 3 estimate from the Bureau, which said at least "
     "30 soldiers had been killed.", "the Bureau", None),
    ("Estavia has dispatched more troops, an official for Norland's Intelligence Bureau (NIB) "
     "claimed on Feb. 2.", "Norland's Intelligence Bureau", None),
    ("However, it follows earlier Bureau statements indicating that over 900 troops were sent.",
     "Bureau", None),
]


@pytest.mark.parametrize("sentence, name, via", CASES)
def test_source_and_relay_are_read_from_the_sentence(sentence, name, via):
    said = attribute(sentence)
    assert (said.name, said.via, said.cue) == (name, via, True)


@pytest.mark.parametrize("sentence", [
    "Up to 12,000 troops were deployed to the north last fall to support the army.",
    "The newest imagery suggests that between 2,500 and 4,000 reservists were mobilised.",
])
def test_a_claim_with_no_speaker_has_no_attribution(sentence):
    assert attribute(sentence) == Attribution()


def test_a_second_claim_after_while_has_its_own_speaker():
    said = attribute("The General Staff put deaths at more than 7,000, while the Valmoran "
                     "ministry said fewer than 90 had died.")
    assert said.name == "The General Staff" and said.others == ("the Valmoran ministry",)
    said = attribute("Aram put the number at 400, while Norland assessments were lower, around 120.")
    assert said.others == ("Norland",)


def test_back_references_point_to_the_latest_kindred_name():
    earlier = ["Estavia's defence ministry", "Norland's National Intelligence Service", "officials"]
    assert is_back_reference("the agency") and is_back_reference("It")
    assert not is_back_reference("the Bureau") and not is_back_reference("Norland officials")
    assert resolve("the agency", earlier) == "Norland's National Intelligence Service"
    assert resolve("the ministry", earlier) == "Estavia's defence ministry"
    assert resolve("it", earlier) == "officials"
    assert resolve("the embassy", earlier) is None


@pytest.mark.parametrize("sentence, name, via", [
    # a title before the name, an aside after it
    ("Tessaly's navy, which carries out most of the patrols, has lost more: the Tessalian interior "
     "minister, Ilka Dorn, told parliament that 210 sailors had drowned.", "Ilka Dorn", None),
    ("Ana Ruiz, who sits on the defence committee, said the Intelligence Bureau also believed "
     "that 400 engineers had been sent.", "the Intelligence Bureau", "Ana Ruiz"),
    ("The Orvel Foundation, a private research group, said drone footage suggested a lower "
     "count of 45.", "The Orvel Foundation", None),
    ("Some 3,000 troops will follow, according to the Norland Wire, which cited Estavian "
     "officials.", "Estavian officials", "the Norland Wire"),
    ("Senator Jorn Tavi disputed the tally, saying the garrison had buried 58 marines.",
     "Senator Jorn Tavi", None),
    ("The new tally sits far below an estimate of 2,150 deaths it gave in October.", "it", None),
    # "claims" here is a noun, not the verb
    ("A spokeswoman for the Dravish ministry told Kestrel News the Tessalian claims were invented "
     "and said that fewer than 140 sailors had drowned.", "the Dravish ministry", "Kestrel News"),
])
def test_harder_attributions(sentence, name, via):
    said = attribute(sentence)
    assert (said.name, said.via) == (name, via)


def test_documents_and_descriptions_resolve_to_who_wrote_them():
    before = ("Dravia's interior ministry issued a brief statement late on Thursday. "
              "Defence Minister Ana Ruiz spoke at the ceremony. ")
    assert resolve("the statement", ["Defence Minister Ana Ruiz"], before) == "Dravia's interior ministry"
    before = "The Valmoran defence ministry gave no figure. Officials met on Monday. "
    assert resolve("the defence ministry", ["Officials"], before) == "Valmoran defence ministry"
    # a news agency is not "the agency" that made the estimate
    assert resolve("the agency", ["Norland's Intelligence Service", "the Norland news agency Wire"]) \
        == "Norland's Intelligence Service"


@pytest.mark.parametrize("sentence, name, via", [
    # a possessive title between the name and its verb
    ("Ilka Dorn, Norland's deputy foreign minister, said on a trip to Lisk that 900 sappers would follow.",
     "Ilka Dorn", None),
    ("Brig. Gen. Tomas Vell, the navy's spokesman, told Radio Orvel that 14 raiders were shot dead.",
     "Brig. Gen. Tomas Vell", "Radio Orvel"),
    # an unnamed person in a place speaks as written; a person's title gives way to the name
    ("A port official in Sarvik, who was not authorised to speak, said 11 bodies had been recovered.",
     "A port official in Sarvik", None),
    ("Gunfire from a patrol boat wounded three fishermen near the reef, Tessalian navy spokeswoman "
     "Mira Osk wrote on X.", "Mira Osk", None),
    # sources quoted by an outlet; a count or a report by a body
    ("Dravia keeps about 5,000 soldiers in the south, according to military sources quoted by the "
     "Norland Wire.", "military sources", "Norland Wire"),
    ("The militia has up to 900 fighters, according to a tally by the Orvel Institute for Peace Studies.",
     "the Orvel Institute for Peace Studies", None),
    ("A study by Norland researchers published in May put the toll at 460.", "Norland researchers", None),
    # a description in front of a name is not part of it
    ("Separately, the Dravia-backed Marsh Front said it had killed 30 guards.", "Marsh Front", None),
    ("Vell recalled that a drone had wounded nine sailors in the spring.", "Vell", None),
    ("Officials in Port Sarvik said 30 were killed.", "Officials in Port Sarvik", None),
])
def test_attributions_around_titles_and_descriptions(sentence, name, via):
    said = attribute(sentence)
    assert (said.name, said.via) == (name, via)


def test_a_title_points_back_to_its_holder_and_a_capitalised_body_to_its_full_name():
    before = ("Rear Adm. Lena Kvist, the Norland navy press secretary, opened the briefing. "
              "The Estavian Ministry of Interior issued figures. ")
    assert resolve("the press secretary", [], before) == "Rear Adm. Lena Kvist"
    assert is_back_reference("The Ministry") and not is_back_reference("the Bureau")
    assert resolve("The Ministry", [], before) == "Estavian Ministry of Interior"
