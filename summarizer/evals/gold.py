"""Gold answers and source aliases, as labelled under ``evals/gold/README.md``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.kinds import RECORD_TYPES
from summarizer.records import ArticleRecords

__all__ = ["RECORD_TYPES", "Aliases", "Dataset", "GoldArticle", "load_dataset"]



@dataclass(frozen=True)
class GoldArticle:
    """One article's gold records; ``optional`` holds indices a prediction may skip."""

    article_id: str
    records: ArticleRecords
    optional: dict[str, frozenset[int]]


_NORMALISE = re.compile(r"[^\w\s]")


def normalise_name(name: str) -> str:
    """Lower case, punctuation and a leading article dropped, spaces collapsed."""
    text = " ".join(_NORMALISE.sub(" ", name.lower()).split())
    return re.sub(r"^(the|a|an) ", "", text)


@dataclass
class Aliases:
    """Canonical source name for any spelling the articles use."""

    table: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, mapping: dict[str, list[str]]) -> Aliases:
        table = {}
        for canonical, spellings in mapping.items():
            for spelling in [canonical, *spellings]:
                table[normalise_name(spelling)] = canonical
        return cls(table)

    def canonical(self, name: str | None) -> str | None:
        """The canonical name; an unknown spelling that contains a known one maps to it."""
        if name is None:
            return None
        key = normalise_name(name)
        if key in self.table:
            return self.table[key]
        contained = [k for k in self.table if len(k) >= 3 and re.search(rf"\b{re.escape(k)}\b", key)]
        return self.table[max(contained, key=len)] if contained else key

    def same(self, a: str | None, b: str | None) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return self.canonical(a) == self.canonical(b)


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
        if path.name in ("aliases.json", "brief.json"):  # brief.json: the cross-article gold
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        records = ArticleRecords.model_validate(doc["records"])
        optional = {k: frozenset(doc.get("optional", {}).get(k, [])) for k in RECORD_TYPES}
        gold[records.article_id] = GoldArticle(records.article_id, records, optional)
        article_path = next(articles.glob(f"{records.article_id}.*"))
        paths[records.article_id] = article_path
        texts[records.article_id] = article_path.read_text(encoding="utf-8")
    mapping = json.loads((gold_dir / "aliases.json").read_text(encoding="utf-8"))
    return Dataset(name, texts, gold, Aliases.from_mapping(mapping), paths)
