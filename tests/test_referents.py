"""A back-reference the program cannot resolve: the model chooses from the names written before."""

from summarizer.article import Article
from summarizer.referents import resolve
from summarizer.backends import FakeBackend
from summarizer.extract import extract
from summarizer.referents import MAX_OPTIONS, referent_options
from summarizer.strategies.cited_plan import facts_model, facts_question, plan

TEXT = (
    "date 2031-05-20 Fighters of the Harran Liberation Movement (HLM) overran a border post near Kest "
    "on Saturday, Norland's interior ministry said.\n\n"
    "In a message posted on Telegram, the group said it had captured 37 border guards.\n"
)


def test_options_are_the_speakers_and_bodies_written_before_nearest_first():
    options = referent_options("the group", [
        "Fighters of the Harran Liberation Movement (HLM) overran a border post, Norland's interior "
        "ministry said."], "Fighters of the Harran Liberation Movement (HLM) overran a border post, "
                           "Norland's interior ministry said. In a message posted on Telegram,")
    assert options[0] == "Norland's interior ministry"
    assert "Harran Liberation Movement" in options and "HLM" in options
    assert "Telegram" not in options  # a channel never speaks for itself


def test_he_and_she_choose_among_persons_only():
    earlier = ["General Oskar Venn said 40 soldiers were hurt.", "The Valmoran army said 12 died."]
    assert referent_options("he", earlier, " ".join(earlier)) == ("General Oskar Venn",)


def test_options_are_few():
    earlier = [f"The {chr(65 + i)}lpha Tor Ministry said {i} died." for i in range(12)]
    assert len(referent_options("the ministry", earlier, " ".join(earlier))) == MAX_OPTIONS


def test_the_question_lists_the_options_and_the_schema_holds_the_answer_to_them():
    article = Article.from_text("r1", TEXT)
    task = next(t for t in plan(article) if t.casualty_groups)
    assert task.ask_source and "Harran Liberation Movement" in task.source_options
    assert '"Harran Liberation Movement"' in facts_question(task)
    schema = facts_model(task).model_json_schema()
    allowed = [branch.get("enum") for branch in schema["properties"]["source"]["anyOf"] if "enum" in branch]
    assert allowed == [list(task.source_options)]


def test_the_models_choice_becomes_the_source():
    def respond(request):
        if request.sentence == 1:
            return {"source": "Harran Liberation Movement", "force": "border guards", "when": None}
        return {"summary": "Fighters captured 37 border guards."}

    records = extract(Article.from_text("r1", TEXT), FakeBackend(respond)).records
    assert records.casualty_estimates[0].source.name == "Harran Liberation Movement"


def test_a_titled_body_resolves_the_back_reference_without_the_model():
    before = "Oslavia's Ministry of Foreign Affairs issued a note. Observers met on Monday. "
    assert resolve("the ministry", ["Observers"], before) == "Oslavia's Ministry of Foreign Affairs"
    assert resolve("the foreign ministry", ["Observers"], before) == "Oslavia's Ministry of Foreign Affairs"
    assert resolve("the health ministry", ["Observers"], before) is None
    assert resolve("the ministry", ["Observers"], "Ministry staff met. ") is None


def test_a_question_in_the_article_claims_nothing_and_is_not_asked_about():
    article = Article.from_text("r2", "Q: Will more Norland troops be sent to the coast?\n\n"
                                      "A: Norland sent 400 more troops to the coast on Monday.\n")
    asked = [t.sentence.text for t in plan(article)]
    assert asked == ["A: Norland sent 400 more troops to the coast on Monday."]
