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
    # one person or a few, left unnamed, whatever body they belong to
    ("a source in the Estavian navy", "unnamed"),
    ("two Norland officials", "unnamed"),
    ("Norland officials", "government"),
])
def test_kind_from_the_name(name, kind):
    assert infer_kind(name) == kind


def test_kind_from_the_first_mention_in_the_article():
    assert infer_kind("DIS", ARTICLE) == "intelligence_agency"
    assert infer_kind("Ana Ruiz", ARTICLE) == "government"
    assert infer_kind("Piet Varga", ARTICLE) == "military"
    assert infer_kind("Someone Else", ARTICLE) is None


def test_kind_of_an_acronym_from_where_the_article_spells_it_out():
    text = ("About 700 marines sailed, the Unified Defence Command (UDC) said. "
            "The rebels of the Southern Liberation Front (SLF) said they fought back. "
            "Quorvia's Coastal Intelligence Bureau [CIB] said more would follow.")
    assert infer_kind("UDC", text) == "military"
    assert infer_kind("the SLF", text) == "military"
    assert infer_kind("CIB", text) == "intelligence_agency"


def test_kind_of_a_person_from_the_apposition_that_introduces_them():
    text = "Ola Brun, a member of Norland's parliamentary defence committee, told reporters so."
    assert infer_kind("Ola Brun", text) == "government"


@pytest.mark.parametrize("name, kind", [
    ("the Pentagon", "government"), ("UN human rights office", "government"), ("NATO", "government"),
    ("Human Rights Watch", "analyst"), ("the Red Cross", "analyst"), ("Reuters", "media"),
    ("Al Jazeera", "media"), ("press secretary", "government"), ("Defence Intelligence", "military"),
    # Office-holders by title; armed bodies named "Forces" or "Guard".
    ("Defence Secretary Ana Ruiz", "government"), ("Northern province governor Tomas Vell", "government"),
    ("the Vellan Democratic Forces", "military"), ("the Republican Guard", "military"),
    ("the Islamic Front", None),
])
def test_kinds_of_bodies_beyond_ministries_and_agencies(name: str, kind: str) -> None:
    # The gold rules' kinds: UN offices and intergovernmental bodies are governments, NGOs are
    # analysts, wires are media, a defence ministry's intelligence arm is military.
    assert infer_kind(name) == kind
