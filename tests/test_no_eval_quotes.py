"""No code, prompt or test quotes an evaluation article.

The articles under seeds/, evals/devset/ and evals/testset/ measure the program; a rule
that copies one of their sentences (into a regex, a prompt example or a unit test) makes
the measure say nothing about articles the program has not seen. The guard: no 8-word
run (lowercased, words are runs of [a-z0-9]) of a code, prompt or test file is also a run
of an article. Article text appears only in the failure message, never in output.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_DIRS = ("seeds", "evals/devset", "evals/testset")
ARTICLE_SUFFIXES = {".txt", ".md", ".html"}
CODE_DIRS = ("summarizer", "tests", "bench")  # their .py files
PROMPT_DIR = "prompts"  # every file
N = 8

_WORD = re.compile(r"[a-z0-9]+")


def grams(text: str, n: int = N) -> set[str]:
    """The text's runs of ``n`` words, lowercased, each joined by single spaces."""
    words = _WORD.findall(text.lower())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="ignore")


def _article_files() -> list[Path]:
    found = []
    for name in ARTICLE_DIRS:
        folder = ROOT / name
        if folder.is_dir():
            found += sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in ARTICLE_SUFFIXES)
    return found


@lru_cache(maxsize=1)
def article_index() -> dict[str, str]:
    """Each 8-word run of an article -> the name of the (first) article that has it."""
    index: dict[str, str] = {}
    for path in _article_files():
        for gram in grams(_read(path)):
            index.setdefault(gram, path.relative_to(ROOT).as_posix())
    return index


def _require_articles() -> None:
    if not any((ROOT / name).is_dir() for name in ARTICLE_DIRS):
        pytest.skip("no evaluation article folders (seeds/, evals/devset/, evals/testset/) here")


def checked_files() -> list[Path]:
    files = []
    for name in CODE_DIRS:
        folder = ROOT / name
        if folder.is_dir():
            files += sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)
    prompts = ROOT / PROMPT_DIR
    if prompts.is_dir():
        files += sorted(p for p in prompts.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return files


def shared_runs(path: Path, index: dict[str, str]) -> dict[str, list[str]]:
    """The runs ``path`` shares with an article, grouped by the article's name."""
    hits: dict[str, list[str]] = {}
    for gram in grams(_read(path)):
        if gram in index:
            hits.setdefault(index[gram], []).append(gram)
    return {article: sorted(runs) for article, runs in hits.items()}


def test_no_code_prompt_or_test_shares_eight_words_with_an_evaluation_article():
    _require_articles()
    index = article_index()
    assert index, "the article folders exist but hold no article text"
    problems = []
    for path in checked_files():
        for article, runs in sorted(shared_runs(path, index).items()):
            shown = "; ".join(f"'{run}'" for run in runs[:3])
            more = f" (+{len(runs) - 3} more)" if len(runs) > 3 else ""
            problems.append(f"{path.relative_to(ROOT).as_posix()} shares {len(runs)} run(s) of {N} "
                            f"words with {article}: {shown}{more}")
    assert not problems, "files quote evaluation articles; write new text instead:\n" + "\n".join(problems)


def _seed_sentence() -> tuple[str, str]:
    """A sentence of at least 10 words from one article (a seed article first), read now."""
    articles = _article_files()
    seeds_first = sorted(articles, key=lambda p: p.relative_to(ROOT).parts[0] != "seeds")
    for path in seeds_first:
        for sentence in re.split(r"(?<=[.!?])\s+", _read(path)):
            if len(_WORD.findall(sentence.lower())) >= 10:
                return path.relative_to(ROOT).as_posix(), " ".join(sentence.split())
    pytest.skip("no evaluation article has a sentence of ten words")


def test_the_guard_catches_a_planted_copy_and_passes_new_text(tmp_path):
    _require_articles()
    index = article_index()
    article, sentence = _seed_sentence()
    planted = tmp_path / "planted.py"
    planted.write_text(f"# a rule's example, copied from an article:\n# {sentence}\nRULE = None\n",
                       encoding="utf-8")
    hits = shared_runs(planted, index)
    found = {run for runs in hits.values() for run in runs}
    missed = len(grams(sentence) - found)
    assert hits, f"a sentence copied from {article} was not detected"
    assert missed == 0, f"{missed} runs of the sentence copied from {article} were not detected"
    assert set(hits) <= {p.relative_to(ROOT).as_posix() for p in _article_files()}
    fresh = tmp_path / "fresh.py"
    fresh.write_text("# The Quorvian coast guard said on a windy afternoon that nine lighthouse keepers\n"
                     "# had counted 4,321 gulls near the old pier before the ferry left.\n", encoding="utf-8")
    reported = len(shared_runs(fresh, index))
    assert reported == 0, "newly written text was reported as a quote"
