"""The scorer on small hand-made cases."""

from summarizer.evals.gold import Aliases, GoldArticle
from summarizer.evals.scorer import aggregate, invented_numbers, match_records, score_article
from summarizer.records import ArticleRecords, CasualtyEstimate, TreatyReference, TroopDeployment

TEXT = ("The ministry said more than 2,000 soldiers went to Valmora last year. "
        "The army chief said 120 were killed and 430 wounded. "
        "Estavia and Norland signed a security pact in 2021.")
ALIASES = Aliases.from_mapping({"Defence Ministry": ["the ministry", "MoD"],
                                "Army chief": ["the army chief"]})


def ev(sentence_no):
    parts = TEXT.split(". ")
    start = sum(len(p) + 2 for p in parts[:sentence_no])
    quote = parts[sentence_no] + ("" if sentence_no == len(parts) - 1 else ".")
    return {"quote": quote, "start": start, "end": start + len(quote)}


def dep(low=2000, high=None, source="the ministry", start="2024", **kw):
    return TroopDeployment.model_validate({
        "troops": None if low is None and high is None else {"low": low, "high": high},
        "start": start, "destination": "Valmora", "evidence": ev(0),
        "source": {"name": source, "kind": "government"} if source else None, **kw})


def cas(killed=120, wounded=430, source="the army chief"):
    return CasualtyEstimate.model_validate({
        "force": "soldiers", "killed": {"low": killed, "high": killed},
        "wounded": {"low": wounded, "high": wounded} if wounded else None, "evidence": ev(1),
        "source": {"name": source, "kind": "military"}})


def treaty(action="signed"):
    return TreatyReference.model_validate({"treaty": "security pact", "parties": ["Estavia", "Norland"],
                                           "action": action, "date": "2021", "evidence": ev(2)})


def gold(optional=None, **records):
    opt = {"troop_deployments": frozenset(), "casualty_estimates": frozenset(),
           "treaty_references": frozenset(), **(optional or {})}
    return GoldArticle("a", ArticleRecords(article_id="a", **records), opt)


def test_evidence_helper_is_right():
    for n in range(3):
        e = ev(n)
        assert TEXT[e["start"]:e["end"]] == e["quote"]


def test_perfect_prediction_scores_one_everywhere():
    g = gold(troop_deployments=[dep()], casualty_estimates=[cas()], treaty_references=[treaty()])
    pred = ArticleRecords(article_id="a", troop_deployments=[dep(source="MoD")],
                          casualty_estimates=[cas()], treaty_references=[treaty()])
    result = aggregate([score_article(pred, g, TEXT, ALIASES)])
    for kind in ("troop_deployments", "casualty_estimates", "treaty_references"):
        assert result["types"][kind]["f1"] == 1.0
    assert result["count_accuracy"] == 1.0 and result["attribution_accuracy"] == 1.0
    assert result["grounding_rate"] == 1.0 and result["invented_numbers"] == 0


def test_wrong_figure_is_a_false_positive_and_a_miss():
    g = gold(troop_deployments=[dep()])
    pred = ArticleRecords(article_id="a", troop_deployments=[dep(low=3000)])
    t = aggregate([score_article(pred, g, TEXT, ALIASES)])["types"]["troop_deployments"]
    assert (t["tp"], t["fp"], t["fn"]) == (0, 1, 1) and t["f1"] == 0.0


def test_right_figure_wrong_source_matches_but_fails_attribution():
    g = gold(casualty_estimates=[cas()])
    pred = ArticleRecords(article_id="a", casualty_estimates=[cas(source="the ministry")])
    result = aggregate([score_article(pred, g, TEXT, ALIASES)])
    assert result["types"]["casualty_estimates"]["f1"] == 1.0
    assert result["count_accuracy"] == 1.0 and result["attribution_accuracy"] == 0.0


def test_partial_casualty_figures_match_but_count_accuracy_drops():
    g = gold(casualty_estimates=[cas()])
    pred = ArticleRecords(article_id="a", casualty_estimates=[cas(wounded=None)])
    result = aggregate([score_article(pred, g, TEXT, ALIASES)])
    assert result["types"]["casualty_estimates"]["tp"] == 1
    assert result["count_accuracy"] == 0.0


def test_count_accuracy_is_only_over_records_whose_match_leaves_figures_open():
    # A troop match needs the count, so a matched troop record says nothing about counts: only
    # the casualty record (matched on one of its two figures) is counted.
    g = gold(troop_deployments=[dep()], casualty_estimates=[cas()])
    pred = ArticleRecords(article_id="a", troop_deployments=[dep()],
                          casualty_estimates=[cas(wounded=None)])
    result = aggregate([score_article(pred, g, TEXT, ALIASES)])
    assert result["types"]["troop_deployments"]["tp"] == 1
    assert result["count_accuracy"] == 0.0
    only_troops = aggregate([score_article(ArticleRecords(article_id="a", troop_deployments=[dep()]),
                                           gold(troop_deployments=[dep()]), TEXT, ALIASES)])
    assert only_troops["count_accuracy"] is None


def test_optional_gold_earns_credit_but_costs_nothing_when_missed():
    g = gold(troop_deployments=[dep(), dep(low=None, source="the army chief")],
             optional={"troop_deployments": frozenset({1})})
    only_required = ArticleRecords(article_id="a", troop_deployments=[dep()])
    t = aggregate([score_article(only_required, g, TEXT, ALIASES)])["types"]["troop_deployments"]
    assert (t["tp"], t["fn"], t["f1"]) == (1, 0, 1.0)
    both = ArticleRecords(article_id="a", troop_deployments=[dep(), dep(low=None, source="the army chief")])
    t = aggregate([score_article(both, g, TEXT, ALIASES)])["types"]["troop_deployments"]
    assert (t["tp"], t["fp"]) == (2, 0)


def test_dates_are_checked_at_gold_precision():
    g = gold(troop_deployments=[dep(start="2024")])
    finer = ArticleRecords(article_id="a", troop_deployments=[dep(start="2024-05")])
    wrong = ArticleRecords(article_id="a", troop_deployments=[dep(start="2023")])
    ok = aggregate([score_article(finer, g, TEXT, ALIASES)])["types"]["troop_deployments"]["fields"]
    bad = aggregate([score_article(wrong, g, TEXT, ALIASES)])["types"]["troop_deployments"]["fields"]
    assert ok["start"] == 1.0 and bad["start"] == 0.0


def test_matching_is_one_to_one():
    pairs = match_records([dep(), dep()], [dep()], "troop_deployments", ALIASES)
    assert pairs == [(0, 0)]


def test_invented_numbers_spare_stated_and_derived_figures():
    assert invented_numbers(dep(low=2000), "troop_deployments", TEXT) == []
    assert invented_numbers(dep(low=7777), "troop_deployments", TEXT) == [7777]
    derived = CasualtyEstimate.model_validate({"force": "x", "evidence": ev(1),
                                               "killed": {"low": 80, "high": 80, "approximate": True}})
    assert invented_numbers(derived, "casualty_estimates", TEXT) == []  # two-thirds of 120


def test_ungrounded_evidence_lowers_the_grounding_rate():
    bad = dep()
    bad = bad.model_copy(update={"evidence": bad.evidence.model_copy(update={"start": 1, "end": 1 + len(bad.evidence.quote)})})
    pred = ArticleRecords(article_id="a", troop_deployments=[bad])
    assert aggregate([score_article(pred, gold(), TEXT, ALIASES)])["grounding_rate"] == 0.0


def test_aliases_match_spellings_by_equality_after_normalisation():
    assert ALIASES.same("MoD", "The Ministry")
    assert ALIASES.same("the MoD", "mod.")  # case, punctuation and a leading article
    # A name that merely contains a listed spelling is not that body.
    assert not ALIASES.same("an MoD official", "MoD")
    assert not ALIASES.same("MoD", "the army chief")
    assert ALIASES.same(None, None) and not ALIASES.same(None, "MoD")


def test_an_alias_never_joins_two_bodies_through_a_shared_word():
    aliases = Aliases.from_mapping({"Norland Security Bureau": ["the bureau", "NSB"],
                                    "Norland news agency": ["the agency", "NNA"]})
    assert not aliases.same("Norland's news agency", "NSB")
    assert not aliases.same("the agency", "the bureau")
    assert aliases.same("Norland news agency", "NNA")


def test_one_spelling_in_two_tables_matches_each_body_it_stands_for():
    aliases = Aliases.from_mapping({"Estavian Intelligence Service": ["EIS", "the service"]},
                                   {"Valmoran Intelligence Service": ["VIS", "the service"]})
    assert aliases.same("the service", "EIS") and aliases.same("the service", "VIS")
    assert not aliases.same("EIS", "VIS")
