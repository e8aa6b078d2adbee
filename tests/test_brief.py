"""The brief across articles: merging claims, grouping quantities, disagreements, the opening."""

from __future__ import annotations

import json

import pytest

from summarizer.backends import FakeBackend
from summarizer.brief import (
    Brief,
    build_brief,
    dates_compatible,
    format_count,
    source_keys,
)
from summarizer.brief.opening import (
    allowed_figures,
    opening_with_origin,
    template_opening,
    unsupported_figures,
)
from summarizer.names import normalise_name
from summarizer.prompts import load_prompt
from summarizer.records import Count
from summarizer.schemas import validate_document

from .briefkit import article, casualty, count, deployment, source, three_outlets, treaty


def _casualty_articles(*specs):
    """One article per (source name, force, as_of, killed) spec."""
    made = []
    for n, (name, force, as_of, killed) in enumerate(specs):
        sentence = f"{name} said {killed:,} {force} were killed."
        made.append(article(f"art-{n}", [sentence], casualties=(
            casualty(0, force, source(name) if name else None, as_of, killed=count(killed)),)))
    return [r for r, _ in made]


# --- names, dates, figures --------------------------------------------------------------------

def test_names_are_normalised_and_bracketed_acronyms_join():
    assert normalise_name("The Norland Security Bureau.") == "norland security bureau"
    assert normalise_name("Estavia's army") == "estavia army"
    assert source_keys("Norland Security Bureau (NSB)") == {"norland security bureau", "nsb"}
    assert source_keys("NSB") == source_keys("N.S.B.") == {"nsb"}
    assert source_keys("the Norland Security Bureau") == {"norland security bureau"}


def test_dates_are_compatible_at_the_coarser_precision_or_when_missing():
    assert dates_compatible("2021", "2021-03-14")
    assert dates_compatible("2021-03", "2021-03-14")
    assert dates_compatible(None, "2019")
    assert not dates_compatible("2021-03", "2021-05")
    assert not dates_compatible("2020", "2021-05")


@pytest.mark.parametrize(("c", "short", "words"), [
    (Count(low=2150, high=2150), "2,150", "2,150"),
    (Count(low=2150, high=2150, approximate=True), "~2,150", "about 2,150"),
    (Count(low=2150), "≥2,150", "at least 2,150"),
    (Count(high=2150), "≤2,150", "up to 2,150"),
    (Count(low=1500, high=2150), "1,500–2,150", "1,500 to 2,150"),
])
def test_format_count(c, short, words):
    assert format_count(c) == short and format_count(c, words=True) == words


# --- merging ----------------------------------------------------------------------------------

def test_the_same_claim_from_three_outlets_is_one_claim_with_three_supports():
    records, texts = three_outlets()
    brief = build_brief(records)
    assert len(brief.claims) == 1
    claim = brief.claims[0]
    assert claim.record_type == "casualty_estimates"
    assert claim.figures["killed"].low == claim.figures["killed"].high == 640
    assert claim.source == "Norland Security Bureau (NSB)"  # the longest spelling
    assert [s.article_id for s in claim.supports] == ["wire-a", "wire-b", "wire-c"]
    assert [s.via for s in claim.supports] == ["Halvik Tribune", "Corvin Herald", None]
    for s in claim.supports:
        assert texts[s.article_id][s.start:s.end] == s.quote
    assert brief.disagreements == []


def test_different_forces_are_not_merged():
    brief = build_brief(_casualty_articles(("Estavian army", "Estavian troops", None, 640),
                                           ("Estavian army", "Norland troops", None, 640)))
    assert len(brief.claims) == 2
    assert brief.disagreements == []


def test_incompatible_dates_are_not_merged_and_compatible_ones_are():
    brief = build_brief(_casualty_articles(("Estavian army", "Estavian troops", "2021-03", 640),
                                           ("Estavian army", "Estavian troops", "2021-05", 640),
                                           ("Estavian army", "Estavian troops", "2021", 640)))
    dated = sorted((c.date, len(c.supports)) for c in brief.claims)
    # "2021" fits both months, so it is not guessed into either.
    assert dated == [("2021", 1), ("2021-03", 1), ("2021-05", 1)]
    brief = build_brief(_casualty_articles(("Estavian army", "Estavian troops", "2021-03", 640),
                                           ("Estavian army", "Estavian troops", "2021", 640),
                                           ("Estavian army", "Estavian troops", None, 640)))
    assert [(c.date, len(c.supports)) for c in brief.claims] == [("2021-03", 3)]


def test_different_sources_or_figures_are_different_claims():
    brief = build_brief(_casualty_articles(("Estavian army", "Estavian troops", None, 640),
                                           ("Norland Security Bureau", "Estavian troops", None, 640),
                                           ("Estavian army", "Estavian troops", None, 95)))
    assert len(brief.claims) == 3


def test_unattributed_waves_merge_only_with_unattributed_ones():
    made = [article(f"d{n}", ["Estavia sent 2,150 troops to Valmora in 2019."], deployments=(
        deployment(0, count(2150), src, "2019"),)) for n, src in
        enumerate([None, None, source("Estavian defence ministry")])]
    brief = build_brief([r for r, _ in made])
    assert sorted(len(c.supports) for c in brief.claims) == [1, 2]


def test_build_brief_is_deterministic_whatever_the_input_order():
    records, _ = three_outlets()
    more = _casualty_articles(("Estavian army", "Estavian troops", None, 95))
    one = build_brief(records + more).model_dump()
    two = build_brief(list(reversed(records + more))).model_dump()
    assert one == two


# --- disagreements ----------------------------------------------------------------------------

def test_different_figures_from_two_sources_is_one_disagreement_with_the_spread():
    brief = build_brief(_casualty_articles(
        ("Norland Security Bureau", "Estavian troops", "2021-03", 640),
        ("Estavian defence ministry", "Estavian soldiers", "2021-03-14", 95)))
    assert len(brief.claims) == 2
    assert len(brief.disagreements) == 1
    d = brief.disagreements[0]
    assert (d.record_type, d.field, d.subject) == ("casualty_estimates", "killed", "Estavian troops")
    assert (d.spread.low, d.spread.high) == (95, 640)
    assert not d.ranges_overlap
    assert {(f.source, f.count.low) for f in d.figures} == {
        ("Norland Security Bureau", 640), ("Estavian defence ministry", 95)}
    assert d.date == "2021-03-14"


def test_open_bounds_count_at_their_stated_end_and_overlap_is_reported():
    made = [
        article("a", ["The ministry said at least 2,150 were killed."], casualties=(
            casualty(0, "Estavian troops", source("Estavian defence ministry"),
                     killed=count(2150, None)),)),
        article("b", ["The bureau said up to 2,400 were killed."], casualties=(
            casualty(0, "Estavian troops", source("Norland Security Bureau"),
                     killed=count(None, 2400)),)),
    ]
    (d,) = build_brief([r for r, _ in made]).disagreements
    assert (d.spread.low, d.spread.high) == (2150, 2400)
    assert d.ranges_overlap  # 2,150 to 2,400 satisfies both


def test_a_source_re_hedging_its_own_figure_is_not_a_disagreement():
    made = [
        article("a", ["The bureau said about 640 were killed."], casualties=(
            casualty(0, "Estavian troops", source("NSB"), killed=count(640, approximate=True)),)),
        article("b", ["The bureau said at least 640 were killed."], casualties=(
            casualty(0, "Estavian troops", source("Norland Security Bureau (NSB)"),
                     killed=count(640, None)),)),
    ]
    brief = build_brief([r for r, _ in made])
    assert len(brief.claims) == 2 and brief.disagreements == []


def test_an_undated_claim_joins_the_one_dated_group_it_fits_but_not_one_of_several():
    one_group = build_brief(_casualty_articles(
        ("Estavian army", "Estavian troops", "2021-03", 95),
        ("Norland Security Bureau", "Estavian troops", None, 640)))
    assert len(one_group.disagreements) == 1
    two_groups = build_brief(_casualty_articles(
        ("Estavian army", "Estavian troops", "2021-03", 95),
        ("Estavian army", "Estavian troops", "2021-06", 140),
        ("Norland Security Bureau", "Estavian troops", None, 640),
        ("Halvik Institute", "Estavian troops", None, 450)))
    # The dated figures are two moments, not a dispute; the undated pair disagree among themselves.
    (d,) = two_groups.disagreements
    assert {f.count.low for f in d.figures} == {640, 450} and d.date is None


def test_deployment_waves_group_by_start_and_destination_and_totals_apart():
    made = [
        article("a", ["Estavia sent 2,150 troops to the Valmora region in March 2019."], deployments=(
            deployment(0, count(2150), source("Estavian defence ministry"), "2019-03",
                       "Valmora region"),)),
        article("b", ["Norland said 2,400 Estavian troops reached Valmora in 2019."], deployments=(
            deployment(0, count(2400), source("Norland Security Bureau"), "2019", "Valmora"),)),
        article("c", ["Estavia has sent some 7,500 troops to Valmora in all."], deployments=(
            deployment(0, count(7500, approximate=True), source("Estavian defence ministry"),
                       cumulative=True),)),
        article("d", ["A second wave of 2,400 went to Tessia in 2020."], deployments=(
            deployment(0, count(2400), source("Norland Security Bureau"), "2020", "Tessia"),)),
    ]
    brief = build_brief([r for r, _ in made])
    (d,) = brief.disagreements
    assert d.subject == "wave to Valmora region" and d.date == "2019-03"
    assert (d.spread.low, d.spread.high) == (2150, 2400)
    kinds = [(e.kind, e.date) for e in brief.timeline]
    assert kinds == [("deployment_wave", "2019-03"), ("deployment_wave", "2020"),
                     ("deployment_total", None)]


def test_timeline_sorts_by_date_with_undated_last_and_includes_treaties():
    made = [
        article("a", ["Estavia and Norland signed the Ostrin Pact in May 2020.",
                      "Norland ratified it in 2021.", "The pact was cited again."],
                treaties=(treaty(0, "Ostrin Pact", "signed", "2020-05", "Estavia and Norland"),
                          treaty(1, "Ostrin Pact", "ratified", "2021", "Norland"),
                          treaty(2, "Ostrin Pact", "mentioned"))),
        article("b", ["The Ostrin Pact, signed in 2020, binds both states."],
                treaties=(treaty(0, "Ostrin Pact", "signed", "2020"),)),
        article("c", ["Estavia sent 2,150 troops to Valmora in 2019."], deployments=(
            deployment(0, count(2150), None, "2019"),)),
    ]
    brief = build_brief([r for r, _ in made])
    treaties = [c for c in brief.claims if c.record_type == "treaty_references"]
    assert len(treaties) == 3  # the two "signed" references merge
    signed = next(c for c in treaties if c.action == "signed")
    assert signed.date == "2020-05" and len(signed.supports) == 2
    assert [(e.kind, e.date) for e in brief.timeline] == [
        ("deployment_wave", "2019"), ("treaty", "2020-05"), ("treaty", "2021"), ("treaty", None)]


def test_the_brief_validates_against_its_committed_schema():
    records, _ = three_outlets()
    doc = build_brief(records).model_dump(mode="json")
    validate_document("brief", doc)
    assert Brief.model_validate(json.loads(json.dumps(doc))) == build_brief(records)


# --- the opening ------------------------------------------------------------------------------

def _disputed_brief() -> Brief:
    records, _ = three_outlets()
    return build_brief(records + _casualty_articles(
        ("Estavian defence ministry", "Estavian troops", None, 95)))


def test_unsupported_figures_finds_counts_but_not_years_or_days():
    allowed = {640, 95}
    assert unsupported_figures("On 14 March 2021 the bureau said 640 were killed.", allowed) == []
    assert unsupported_figures("Two outlets said 650 were killed.", allowed) == [2, 650]


def test_the_template_opening_states_only_claim_figures():
    brief = _disputed_brief()
    text = template_opening(brief)
    assert brief.opening == text
    assert "640" in text and "95" in text and "disagree" in text
    assert unsupported_figures(text, allowed_figures(brief)) == []
    assert "No troop deployments" in template_opening(Brief(articles=["x"]))


def test_a_model_opening_with_an_invented_figure_is_re_asked():
    brief = _disputed_brief()
    replies = iter([{"opening": "The bureau said 650 Estavian troops were killed."},
                    {"opening": "The bureau said 640 Estavian troops were killed; the ministry "
                                "said 95."}])
    backend = FakeBackend(lambda kw: next(replies), model_id="fake:brief")
    text, model = opening_with_origin(brief, backend)
    assert text.startswith("The bureau said 640") and model == "fake:brief"
    assert len(backend.calls) == 2
    assert "650" in str(backend.calls[1]["messages"])  # the error went back to the model
    assert "Estavian troops" in backend.calls[0]["messages"][0]["content"]


def test_a_model_that_keeps_inventing_falls_back_to_the_template():
    brief = _disputed_brief()
    backend = FakeBackend(lambda kw: {"opening": "Some 900 were killed."})
    text, model = opening_with_origin(brief, backend)
    assert (text, model) == (template_opening(brief), None)
    assert len(backend.calls) == 3


def test_the_brief_prompt_is_versioned():
    prompt = load_prompt("brief")
    assert prompt.version == "1"
    assert "$claims" in prompt.body and "$disagreements" in prompt.body


def test_no_source_and_an_unnamed_source_are_both_unattributed():
    made = [article("a", ["Some 2,150 troops went to Valmora in 2019."], deployments=(
                deployment(0, count(2150), None, "2019"),)),
            article("b", ["Citing unnamed officials, the Halvik Tribune said 2,150 troops went."],
                    deployments=(deployment(0, count(2150), source("unnamed officials",
                                                                   "Halvik Tribune", "unnamed")),))]
    (claim,) = build_brief([r for r, _ in made]).claims
    assert claim.source == "unnamed officials" and claim.source_kind == "unnamed"
    assert [s.via for s in claim.supports] == [None, "Halvik Tribune"]


def test_a_number_in_a_name_is_not_an_invented_figure():
    made = article("a", ["Brigade 47 said 95 Estavian troops were killed."], casualties=(
        casualty(0, "Estavian troops", source("Brigade 47", kind="military"), killed=count(95)),))
    brief = build_brief([made[0]])
    assert "Brigade 47" in brief.opening and "95" in brief.opening
    assert unsupported_figures(brief.opening, allowed_figures(brief)) == []
