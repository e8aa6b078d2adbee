"""The brief scorer on hand-made cases, and the committed gold brief's integrity."""

from __future__ import annotations

import json
from pathlib import Path

from summarizer.brief import Brief, build_brief
from summarizer.evals.brief_score import claims_match, score_brief
from summarizer.evals.gold import Aliases, load_dataset
from summarizer.schemas import validate_document

from ..briefkit import article, casualty, count, deployment, source, treaty

ROOT = Path(__file__).resolve().parents[2]
ALIASES = Aliases.from_mapping({"Norland Security Bureau": ["NSB", "Norland's spy agency"],
                                "Estavian defence ministry": ["the ministry"]})


def _brief(*specs) -> Brief:
    """One article per (source name, killed) spec, all about Estavian troops."""
    made = []
    for n, (name, killed) in enumerate(specs):
        made.append(article(f"a{n}", [f"{name} said {killed} were killed."], casualties=(
            casualty(0, "Estavian troops", source(name) if name else None, killed=count(killed)),)))
    return build_brief([r for r, _ in made])


def _gold(brief: Brief, optional=None) -> dict:
    return {"brief": brief.model_dump(mode="json"), "optional": optional or {}}


def test_a_perfect_prediction_scores_one():
    gold = _brief(("NSB", 640), ("the ministry", 95))
    result = score_brief(gold, _gold(gold), ALIASES)
    assert result["claims"]["f1"] == 1.0 and result["disagreements"]["f1"] == 1.0
    assert result["disagreements"]["spread_exact"] == 1


def test_sources_match_through_aliases_and_figures_must_be_equal():
    gold = _brief(("Norland Security Bureau", 640))
    assert score_brief(_brief(("Norland's spy agency", 640)), _gold(gold), ALIASES)["claims"]["tp"] == 1
    wrong_figure = score_brief(_brief(("NSB", 650)), _gold(gold), ALIASES)["claims"]
    assert (wrong_figure["tp"], wrong_figure["fp"], wrong_figure["fn"]) == (0, 1, 1)
    wrong_source = score_brief(_brief(("Halvik Institute", 640)), _gold(gold), ALIASES)["claims"]
    assert wrong_source["recall"] == 0.0


def test_an_unmerged_duplicate_costs_precision_not_recall():
    gold = _brief(("NSB", 640), ("NSB", 640))
    assert len(gold.claims) == 1
    split = _brief(("NSB", 640), ("Norland's spy agency", 640))  # two spellings build_brief can't join
    assert len(split.claims) == 2
    result = score_brief(split, _gold(gold), ALIASES)["claims"]
    assert (result["tp"], result["fp"], result["fn"]) == (1, 1, 0)
    assert result["precision"] == 0.5 and result["recall"] == 1.0


def test_missing_an_optional_gold_item_costs_nothing():
    gold = _brief(("NSB", 640), ("the ministry", 95))
    pred = _brief(("NSB", 640))
    ministry = next(c.id for c in gold.claims if c.source == "the ministry")
    strict = score_brief(pred, _gold(gold), ALIASES)
    lenient = score_brief(pred, _gold(gold, {"claims": [ministry], "disagreements": ["d1"]}), ALIASES)
    assert strict["claims"]["recall"] == 0.5 and strict["disagreements"]["recall"] == 0.0
    assert lenient["claims"]["recall"] == 1.0 and lenient["disagreements"]["recall"] == 1.0


def test_a_disagreement_matches_when_it_names_the_same_conflict():
    gold = _brief(("NSB", 640), ("the ministry", 95), ("Halvik Institute", 450))
    pred = _brief(("NSB", 640), ("the ministry", 95))  # one source fewer: same conflict
    result = score_brief(pred, _gold(gold), ALIASES)["disagreements"]
    assert (result["tp"], result["fp"], result["fn"], result["spread_exact"]) == (1, 0, 0, 1)
    other = _brief(("NSB", 640), ("the ministry", 140))
    assert score_brief(other, _gold(gold), ALIASES)["disagreements"]["tp"] == 0
    none = score_brief(_brief(("NSB", 640)), _gold(gold), ALIASES)["disagreements"]
    assert (none["precision"], none["recall"]) == (1.0, 0.0)


def test_unattributed_and_unnamed_sources_are_the_same_and_treaties_match_on_the_event():
    made = [article("a", ["Some 2,150 troops went to Valmora.", "Estavia ratified the Ostrin Pact."],
                    deployments=(deployment(0, count(2150), None),),
                    treaties=(treaty(1, "Ostrin Pact", "ratified", "2020-05", "Estavia"),)),
            article("b", ["Citing unnamed officials, it said 2,150 troops went to Valmora.",
                          "The Ostrin accord was ratified in 2020."],
                    deployments=(deployment(0, count(2150), source("unnamed officials", None,
                                                                   "unnamed")),),
                    treaties=(treaty(1, "Ostrin accord", "ratified", "2020", "Estavia"),))]
    one, two = (build_brief([r]) for r, _ in made)
    for kind in ("troop_deployments", "treaty_references"):
        a = next(c for c in one.claims if c.record_type == kind)
        b = next(c for c in two.claims if c.record_type == kind)
        assert claims_match(a, b, ALIASES) and claims_match(b, a, ALIASES)
    signed = treaty(1, "Ostrin Pact", "signed", "2020")
    three = build_brief([article("c", ["x", "The Ostrin Pact was signed in 2020."],
                                 treaties=(signed,))[0]])
    assert not claims_match(three.claims[0], one.claims[1], ALIASES)


def test_the_seed_gold_brief_is_valid_and_consistent():
    doc = json.loads((ROOT / "evals" / "gold" / "brief.json").read_text(encoding="utf-8"))
    validate_document("brief", doc["brief"])
    brief = Brief.model_validate(doc["brief"])
    ids = {c.id for c in brief.claims}
    assert set(doc["optional"]["claims"]) <= ids
    assert set(doc["optional"]["disagreements"]) <= {d.id for d in brief.disagreements}
    assert all(f.claim_id in ids for d in brief.disagreements for f in d.figures)
    assert all(i in ids for e in brief.timeline for i in e.claim_ids)
    aliases = json.loads((ROOT / "evals" / "gold" / "aliases.json").read_text(encoding="utf-8"))
    assert {c.source for c in brief.claims if c.source and c.source_kind != "unnamed"} <= set(aliases)
    # Every support quotes its article verbatim at its offsets.
    data = load_dataset("seeds", ROOT / "seeds", ROOT / "evals" / "gold")
    for c in brief.claims:
        for s in c.supports:
            assert data.texts[s.article_id][s.start:s.end] == s.quote


def test_the_gold_folder_still_loads_with_the_brief_in_it():
    data = load_dataset("seeds", ROOT / "seeds", ROOT / "evals" / "gold")
    assert "brief" not in data.gold and len(data.gold) == len(data.texts) > 0
