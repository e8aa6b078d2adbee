"""The package's layering, read from its source: who may import whom, no cycles, small modules.

- records, prompts and the domain vocabulary (kinds, names, errors) import no backend and
  no strategy;
- backends import no strategy, and nothing that runs the pipeline;
- no import cycle among modules (imports at module level: a function's own import runs
  when it is called, after every module is loaded);
- only the command-line modules print or open a console: the library never writes to the
  terminal (a ``__main__`` block of a script-like module may);
- no module is over 400 lines;
- only ``summarizer.scale`` imports Ray, and only inside functions (the ``scale`` extra is
  optional: the core and ``import summarizer.scale`` work without it).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "summarizer"
MAX_LINES = 400
CLI_MODULES = {"summarizer.cli", "summarizer.evals.cli"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, *, top_level_only: bool) -> set[str]:
    """The ``summarizer`` modules ``path`` imports (``from a import b`` counts ``a.b`` if a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        found |= {n for n in names if n in MODULES}
    return found


def _matches(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


RULES = [
    # (modules the rule is about, modules they must never import)
    (("summarizer.records", "summarizer.prompts", "summarizer.kinds", "summarizer.names",
      "summarizer.errors"),
     ("summarizer.backends", "summarizer.strategies", "summarizer.extract", "summarizer.pipeline",
      "summarizer.cli")),
    (("summarizer.backends",),
     ("summarizer.strategies", "summarizer.extract", "summarizer.pipeline", "summarizer.cli",
      "summarizer.evals", "summarizer.brief")),
    (("summarizer.strategies",), ("summarizer.pipeline", "summarizer.cli", "summarizer.evals")),
    (("summarizer.brief",), ("summarizer.backends", "summarizer.strategies", "summarizer.cli")),
]


@pytest.mark.parametrize("owners, forbidden", RULES)
def test_layering_contract(owners, forbidden):
    broken = [f"{m} imports {i}" for m, path in MODULES.items() if _matches(m, owners)
              for i in sorted(_imports(path, top_level_only=False)) if _matches(i, forbidden)]
    assert broken == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for dep in sorted(graph.get(module, ())):
            if state.get(dep) == 1:
                cycles.append(trail[trail.index(dep):] + [dep])
            elif dep not in state:
                visit(dep, trail + [dep])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return cycles


def test_no_import_cycles():
    graph = {m: _imports(p, top_level_only=True) - {m} for m, p in MODULES.items()}
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c", "a"]]


def _prints_outside_main(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    guarded: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "__main__" in ast.unparse(node.test):
            guarded |= {id(n) for n in ast.walk(node)}
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and id(node) not in guarded
            and ast.unparse(node.func) in ("print", "Console", "sys.stdout.write", "sys.stderr.write")]


def test_only_the_command_line_prints():
    printing = {m: lines for m, p in MODULES.items() if m not in CLI_MODULES
                and (lines := _prints_outside_main(p))}
    assert printing == {}
    assert all(_prints_outside_main(MODULES[m]) for m in CLI_MODULES)  # the check sees prints


def test_no_module_is_over_the_size_limit():
    long = {m: n for m, p in MODULES.items()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_checks_see_the_package():
    """The walk finds the modules the rules name (a rename would otherwise pass silently)."""
    for owners, forbidden in RULES:
        for prefix in owners + forbidden:
            assert any(_matches(m, (prefix,)) for m in MODULES), prefix
    assert "summarizer.backends.local" in _imports(MODULES["summarizer.backends.registry"],
                                                    top_level_only=False)


def _third_party_imports(path: Path, *, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body if top_level_only else ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_only_the_scale_package_imports_ray_and_only_lazily():
    outside = [m for m, p in MODULES.items() if not _matches(m, ("summarizer.scale",))
               and "ray" in _third_party_imports(p, top_level_only=False)]
    eager = [m for m, p in MODULES.items() if "ray" in _third_party_imports(p, top_level_only=True)]
    assert outside == [] and eager == []
    assert any("ray" in _third_party_imports(p, top_level_only=False)  # the check sees Ray
               for m, p in MODULES.items() if _matches(m, ("summarizer.scale",)))
