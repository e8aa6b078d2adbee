"""JSON Schemas generated from the records, committed under ``schemas/``.

Every file the CLI writes is validated against the committed schema with
``jsonschema``, independently of Pydantic, so a drift between the two is caught.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from summarizer.brief import Brief
from summarizer.errors import SchemaError
from summarizer.records import ArticleRecords

__all__ = ["SCHEMA_MODELS", "SchemaError", "generate_schema", "load_schema", "validate_document",
           "write_schemas"]

SCHEMA_MODELS: dict[str, type[BaseModel]] = {"article_records": ArticleRecords, "brief": Brief}


def generate_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of ``SCHEMA_MODELS[name]`` as Pydantic generates it."""
    schema = SCHEMA_MODELS[name].model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{name}.schema.json", **schema}


def schemas_folder() -> Path:
    """``schemas/`` in a checkout, or the copy shipped inside the package."""
    checkout = Path(__file__).resolve().parent.parent / "schemas"
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files("summarizer.schemas_data")))


def write_schemas(folder: Path | None = None) -> list[Path]:
    """Regenerate every committed schema file (``python -m summarizer.schemas``)."""
    folder = folder or schemas_folder()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMA_MODELS:
        path = folder / f"{name}.schema.json"
        path.write_text(json.dumps(generate_schema(name), indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The committed schema ``schemas/<name>.schema.json``."""
    return json.loads((schemas_folder() / f"{name}.schema.json").read_text(encoding="utf-8"))


def validate_document(name: str, doc: Any) -> None:
    """Raise ``SchemaError`` (first error, with its JSON path) unless ``doc`` validates."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(load_schema(name))
    error = next(iter(sorted(validator.iter_errors(doc), key=lambda e: list(e.path))), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        raise SchemaError(f"{name} schema: {where}: {error.message}", schema=name)


if __name__ == "__main__":
    for written_path in write_schemas():
        print(written_path)
