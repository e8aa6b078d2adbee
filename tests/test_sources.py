import pytest

from summarizer.sources import infer_kind

ARTICLE = ("Norland's Defence Intelligence Service (DIS) said on Monday that 300 troops left. "
           "Defence Minister Ana Ruiz told reporters the figure was lower. "
           "Army spokesman Colonel Piet Varga disagreed.")


@pytest.mark.parametrize("name, kind", [
    ("the Estavian intelligence agency", "intelligence_agency"),
    ("President Ivo Marin", "head_of_state"),
    ("Estavia's defence ministry", "government"),
    ("Norland's General Staff", "military"),
    ("unidentified sources", "unnamed"),
    ("the Valmora Herald", "media"),
    ("analysts at the Institute for Conflict Studies", "analyst"),
    ("military intelligence chief Ada Vos", "military"),
    ("presidential adviser Lev Ott", "government"),
])
def test_kind_from_the_name(name, kind):
    assert infer_kind(name) == kind


def test_kind_from_the_first_mention_in_the_article():
    assert infer_kind("DIS", ARTICLE) == "intelligence_agency"
    assert infer_kind("Ana Ruiz", ARTICLE) == "government"
    assert infer_kind("Piet Varga", ARTICLE) == "military"
    assert infer_kind("Someone Else", ARTICLE) is None
