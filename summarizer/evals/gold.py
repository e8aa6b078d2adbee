"""Gold answers and source aliases, as labelled under ``evals/gold/README.md``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.kinds import RECORD_TYPES
from summarizer.names import normalise_name
from summarizer.records import ArticleRecords

__all__ = ["RECORD_TYPES", "Aliases", "Dataset", "GoldArticle", "load_dataset"]



@dataclass(frozen=True)
class GoldArticle:
    """One article's gold records; ``optional`` holds indices a prediction may skip."""

    article_id: str
    records: ArticleRecords
    optional: dict[str, frozenset[int]]


@dataclass
class Aliases:
    """The canonical source names each spelling stands for, compared by equality after
    ``normalise_name`` (never by substring: "the agency" is not every agency).

    A spelling may stand for two bodies in two different articles (two countries'
    "National Intelligence Service"); no article names both, so within an article a shared
    canonical name still means the same body.
    """

    table: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, *mappings: dict[str, list[str]]) -> Aliases:
        table: dict[str, set[str]] = {}
        for mapping in mappings:
            for canonical, spellings in mapping.items():
                for spelling in [canonical, *spellings]:
                    table.setdefault(normalise_name(spelling), set()).add(canonical)
        return cls({k: frozenset(v) for k, v in table.items()})

    def canonicals(self, name: str) -> frozenset[str]:
        key = normalise_name(name)
        return self.table.get(key, frozenset({key}))

    def canonical(self, name: str | None) -> str | None:
        """A canonical name for ``name`` (its normalised self when no table lists it)."""
        return None if name is None else min(self.canonicals(name))

    def same(self, a: str | None, b: str | None) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return bool(self.canonicals(a) & self.canonicals(b))


@dataclass
class Dataset:
    """Articles (id -> text) with their gold answers and aliases."""

    name: str
    texts: dict[str, str]
    gold: dict[str, GoldArticle]
    aliases: Aliases
    paths: dict[str, Path]


def load_dataset(name: str, articles: Path, gold_dir: Path) -> Dataset:
    """Load every gold file in ``gold_dir`` and the article text it labels from ``articles``."""
    gold, texts, paths = {}, {}, {}
    for path in sorted(gold_dir.glob("*.json")):
        if path.name.startswith("aliases") or path.name == "brief.json":  # brief: cross-article gold
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        records = ArticleRecords.model_validate(doc["records"])
        optional = {k: frozenset(doc.get("optional", {}).get(k, [])) for k in RECORD_TYPES}
        gold[records.article_id] = GoldArticle(records.article_id, records, optional)
        article_path = next(articles.glob(f"{records.article_id}.*"))
        paths[records.article_id] = article_path
        texts[records.article_id] = article_path.read_text(encoding="utf-8")
    mappings = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("aliases*.json"))]
    return Dataset(name, texts, gold, Aliases.from_mapping(*mappings), paths)
