"""What each figure of a sentence counts, and whether a troop figure is a running total."""

import pytest

from summarizer.figures import label_figures
from summarizer.strategies.cited_records import cumulative


def labelled(sentence):
    return [(f.phrase.text, f.label, f.label == "troops" and cumulative(sentence, f))
            for f in label_figures(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("Estavia sent about 1,500 engineers to Valmora in March.", [("about 1,500", "troops", False)]),
    ("The ministry said more than 6,000 Estavian troops have been deployed since the war began.",
     [("more than 6,000", "troops", True)]),
    ("Norland's army chief said at least 120 soldiers had been killed and 430 wounded.",
     [("at least 120", "killed", False), ("430", "wounded", False)]),
    # a wave and the running total it adds to, in one sentence
    ("Quorvia plans to dispatch another 1,800 troops to Tessaly, adding to the roughly 7,400 it "
     "has stationed on the island since the mission began.",
     [("1,800", "troops", False), ("roughly 7,400", "troops", True)]),
    ("Tessaly has deployed some 2,200 additional soldiers since October, bringing the total "
     "strength of its forces on the border to nearly 9,000.",
     [("some 2,200", "troops", False), ("nearly 9,000", "troops", True)]),
    ("Dravia is to deploy a fresh company of at least 250 combat engineers to relieve units that "
     "have served there since January.", [("at least 250", "troops", False)]),
    # a casualty verb before the troop noun: losses, not a deployment
    ("A missile attack on Friday killed up to 85 Tessalian soldiers, the naval command said.",
     [("up to 85", "killed", False)]),
    ("The town of about 15,000 people hosts a garrison.", [("about 15,000", "other", False)]),
    # limits on troop numbers are not deployments
    ("The senate agreed to lift the cap on the deployment from 2,500 to 3,200 troops.",
     [("from 2,500 to 3,200", "other", False)]),
    ("Under the pact, both navies may station no more than 800 sailors in the strait.",
     [("no more than 800", "other", False)]),
])
def test_figures_are_labelled_from_their_own_clause(sentence, expected):
    assert labelled(sentence) == expected


def test_a_figure_the_reader_has_already_met_is_no_new_claim():
    from summarizer.figures import without_restatements
    earlier = "Ostravia flew 2,700 marines to the islands in May, its navy said."
    sentence = ("The navy said the 2,700 marines came mostly from two coastal brigades, and 400 more "
                "marines would follow.")
    kept = without_restatements(label_figures(sentence), sentence, earlier)
    assert [f.phrase.text for f in kept if f.label == "troops"] == ["400"]
    # the same words with no earlier mention: the figure is the claim
    fresh = without_restatements(label_figures(sentence), sentence, "The navy gave no figures.")
    assert [f.phrase.text for f in fresh if f.label == "troops"] == ["2,700", "400"]


@pytest.mark.parametrize("sentence, expected", [
    # one verb, two objects: both are losses
    ("Marsh Front gunmen said they had slain 31 guards and 19 Tessalian sailors near the dam.",
     [("31", "killed", False), ("19", "killed", False)]),
    # a part of a toll is not a deployment
    ("The blast at the depot killed at least 40 people, including 12 conscripts.",
     [("at least 40", "killed", False), ("12", "other", False)]),
    # a verb of its own after the second figure takes it out of the first verb's reach
    ("The raid killed 15 insurgents and 600 troops were flown to the valley afterwards.",
     [("15", "killed", False), ("600", "troops", False)]),
    # captives held by the other side
    ("Footage from Orvel showed the three Dravian soldiers held by the militia.",
     [("three", "captured", False)]),
    # the size of an army, a base's capacity, a fighting group: nobody sent
    ("Valmora today keeps roughly 85,000 men and women in uniform.", [("roughly 85,000", "other", False)]),
    ("Once finished, the airfield will be capable of housing some 7,500 personnel.",
     [("some 7,500", "other", False)]),
    ("Their raids came in groups of 15 to 25 fighters.", [("15 to 25", "other", False)]),
    # a force there now is a running total
    ("Norland has some 4,400 soldiers in the two provinces, officials say.",
     [("some 4,400", "troops", True), ("two", "other", False)]),
    ("Roughly 650 Estavian soldiers currently serve at the Lisk barracks.", [("Roughly 650", "troops", True)]),
    ("Observers put the brigade's presence near Lisk at about 3,300.", [("about 3,300", "troops", True)]),
    # the same quantity in a rival's words
    ("Observers put the brigade's presence near Lisk at about 3,300, while Orvel radio says the number "
     "is closer to 4,000 once cooks and drivers are counted.",
     [("about 3,300", "troops", True), ("4,000", "troops", False)]),
    # a mission's peacekeepers are deployed by name; an army's soldiers are its size
    ("The observer mission says it fields about 2,900 peacekeepers from 30 nations.",
     [("about 2,900", "troops", True), ("30", "other", False)]),
    ("A third wave of around 1,200 followed in the autumn.", [("around 1,200", "troops", False)]),
    # a quoted verb still governs its figure; a share of a toll is a second figure
    ('The garrison said it had "liquidated" more than 70 raiders.', [("more than 70", "killed", False)]),
    ("Monitors put the militia's losses, dead and wounded together, at some 1,800, about half of them "
     "fatal.", [("some 1,800", "killed_or_wounded", False)]),
])
def test_what_a_figure_counts_beyond_its_noun(sentence, expected):
    assert labelled(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the parse finds the noun behind a capital, and the figure's own verb over a later clause's dead
    ("Some 300 Marines landed at the Lisk airfield before dawn.", [("Some 300", "troops", False)]),
    ("Norland flew 1,800 soldiers to the delta on Sunday, its army said, after floods there left dozens "
     "dead.", [("1,800", "troops", False)]),
    # a group's own size is no force anywhere, unless where they are follows
    ("The Marsh Front, which has an estimated 2,000 fighters, controls the valley.",
     [("an estimated 2,000", "other", False)]),
    ("The militia, a group that its founder says counts some 12,000 recruits, held a parade.",
     [("some 12,000", "other", False)]),
    ("Valmora has about 1,300 soldiers in the two border districts.",
     [("about 1,300", "troops", True), ("two", "other", False)]),
    # the noun said once for two places
    ("Norland keeps 3,100 soldiers in Estavia and some 400 in Lisk.",
     [("3,100", "troops", True), ("some 400", "troops", True)]),
    # the wounded flown out, and what a treaty allows
    ("Three of the guards were flown to Lisk for treatment.", [("Three", "other", False)]),
    ("The pact lets Orvel keep a battalion, far more than the 300 troops it was permitted to keep before.",
     [("300", "other", False)]),
])
def test_what_a_figure_counts_read_from_its_parse(sentence, expected):
    assert labelled(sentence) == expected
