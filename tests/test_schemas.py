import json

import pytest

from summarizer.records import ArticleRecords
from summarizer.schemas import SCHEMA_MODELS, SchemaError, generate_schema, schemas_folder, validate_document


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_committed_schema_matches_the_models(name):
    committed = json.loads((schemas_folder() / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert committed == generate_schema(name), "run: python -m summarizer.schemas"


def test_jsonschema_rejects_what_pydantic_would_reject():
    good = ArticleRecords(article_id="a").model_dump(mode="json")
    validate_document("article_records", good)
    with pytest.raises(SchemaError, match="troop_deployments"):
        validate_document("article_records", {**good, "troop_deployments": [{"troops": {"low": -1}}]})
    with pytest.raises(SchemaError):
        validate_document("article_records", {**good, "extra": 1})
