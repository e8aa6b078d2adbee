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
    ("Estavia will send another 3,000 troops to Norland, adding to the roughly 11,000 it has sent "
     "there since its first deployment.",
     [("3,000", "troops", False), ("roughly 11,000", "troops", True)]),
    ("Estavia has sent about 3,500 additional troops since February, bringing the total number of "
     "its personnel there to about 15,000.",
     [("about 3,500", "troops", False), ("about 15,000", "troops", True)]),
    ("Valmora will send a fresh battalion of at least 600 infantry soldiers to replace troops who "
     "have been there since May.", [("at least 600", "troops", False)]),
    # a casualty verb before the troop noun: losses, not a deployment
    ("A drone strike on Monday killed up to 200 Estavian soldiers, the General Staff said.",
     [("up to 200", "killed", False)]),
    ("The town of about 15,000 people hosts a garrison.", [("about 15,000", "other", False)]),
    # limits on troop numbers are not deployments
    ("Parliament voted to raise the ceiling on the mission from 1,000 to 1,400 soldiers.",
     [("from 1,000 to 1,400", "other", False)]),
    ("Under its terms each side may keep no more than 1,500 troops inside the zone.",
     [("no more than 1,500", "other", False)]),
])
def test_figures_are_labelled_from_their_own_clause(sentence, expected):
    assert labelled(sentence) == expected
