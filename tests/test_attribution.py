"""Who a sentence attributes its claim to, read from its grammar (made-up wire copy)."""

import pytest

from summarizer.attribution import Attribution, attribute, is_back_reference, resolve

CASES = [
    ("Estavia has sent about 1,500 engineers to Valmora, Estavia's defence ministry told Reuters "
     "on Tuesday.", "Estavia's defence ministry", "Reuters"),
    ("Citing unnamed officials, the Valmora Herald reported that a new contingent arrived.",
     "unnamed officials", "the Valmora Herald"),
    ("The Norland Post, citing two defence officials, reported that 900 soldiers arrived.",
     "two defence officials", "The Norland Post"),
    ("Western officials said about 800 soldiers were killed in May, the Norland Wire reported.",
     "Western officials", "the Norland Wire"),
    ("Up to 4,000 soldiers were moved last autumn, according to Norland's National Intelligence "
     "Service, which said more may follow.", "Norland's National Intelligence Service", None),
    ("Separately, Ana Ruiz, a member of the defence committee, told reporters that the "
     "Intelligence Bureau estimated 300 had died.", "the Intelligence Bureau", "Ana Ruiz"),
    ("Norland's army chief said at least 120 soldiers had been killed and 430 wounded in March.",
     "Norland's army chief", None),
    ("KARSTADT, Feb 11 (Reuters) - Valmora's military intelligence directorate said on Wednesday "
     "that units had lost 500 men.", "Valmora's military intelligence directorate", None),
    ("Some 600 soldiers crossed the river, according to figures the ministry released in August.",
     "the ministry", None),
    ("Estavia sent more soldiers north, according to a report from Norland's spy agency.",
     "Norland's spy agency", None),
    ("Both Aram, Bex, and Cal have confirmed that more than 500 troops were sent in 2024.", "Aram", None),
    ("Estavian, Norlandic, and Valmoran intelligence agencies estimate that 10 to 12 battalions "
     "were deployed.", "Estavian intelligence agencies", None),
    ("According to Norland officials and Western intelligence sources, around 900 troops have "
     "been sent.", "Norland officials", None),
    ("Norland and Western intelligence sources indicated that over 100 soldiers were dispatched.",
     "Norland and Western intelligence sources", None),
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
    "The latest intelligence suggests that between 1,000 and 3,000 troops were moved.",
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
    ("Norland's army, which does most of the fighting, has suffered more: the Norlandic defence "
     "minister, Ola Brun, told parliament that 900 soldiers had died.", "Ola Brun", None),
    ("Ana Ruiz, who sits on the defence committee, said the Intelligence Bureau also believed "
     "that 400 engineers had been sent.", "the Intelligence Bureau", "Ana Ruiz"),
    ("The Valmora Institute, an independent think tank, said satellite images suggested a "
     "smaller toll of 60.", "The Valmora Institute", None),
    ("Some 3,000 troops will follow, according to the Norland Wire, which cited Estavian "
     "officials.", "Estavian officials", "the Norland Wire"),
    ("Deputy Ola Brun disputed the figures, saying the contingent had lost 96 soldiers.",
     "Deputy Ola Brun", None),
    ("That compares with an estimate of 4,700 casualties it gave in January.", "it", None),
    # "claims" here is a noun, not the verb
    ("A spokesman for the Valmoran ministry told Reuters the Norlandic claims were propaganda "
     "and said that fewer than 300 soldiers had died.", "the Valmoran ministry", "Reuters"),
])
def test_harder_attributions(sentence, name, via):
    said = attribute(sentence)
    assert (said.name, said.via) == (name, via)


def test_documents_and_descriptions_resolve_to_who_wrote_them():
    before = ("Valmora's foreign ministry issued a statement on Monday. "
              "Defence Minister Ana Ruiz spoke at the ceremony. ")
    assert resolve("the statement", ["Defence Minister Ana Ruiz"], before) == "Valmora's foreign ministry"
    before = "The Valmoran defence ministry gave no figure. Officials met on Monday. "
    assert resolve("the defence ministry", ["Officials"], before) == "Valmoran defence ministry"
    # a news agency is not "the agency" that made the estimate
    assert resolve("the agency", ["Norland's Intelligence Service", "the Norland news agency Wire"]) \
        == "Norland's Intelligence Service"
