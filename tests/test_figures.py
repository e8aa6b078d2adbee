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
