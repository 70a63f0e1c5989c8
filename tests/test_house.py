"""The shape of the code: folders in pipeline order, small rooms, no cycles, no asserts.

The folder names tell a document's trip (load, validate, render, bundle); an import
that runs back up that order, or a cycle, would let a later stage reach into an
earlier one's internals and is refused here, at the first commit that adds it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "gpai_docs"

# Pipeline order, lowest first: a room may import only rooms of its own rank or below.
RANKS = {
    "errors": 0,
    "diagnostics": 0,
    "escaping": 0,
    "fileio": 1,
    "yamlio": 1,
    "law": 1,
    "crawlstats": 2,
    "models": 2,
    "load": 3,
    "scaffold": 4,
    "validate": 4,
    "render": 5,
    "report": 6,
    "bundle": 6,
    "integrations": 7,
    "cli": 8,
    "__init__": 9,
    "__main__": 9,
}
MAX_MODULE_LINES = 350
MAX_FUNCTION_LINES = 80


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        yield ".".join(("gpai_docs", *parts)), path


MODULES = dict(_modules())


def _imports(name: str, path: Path) -> set[str]:
    """Every gpai_docs module ``name`` imports, at the top or inside a function."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            # `from P import m` runs module P.m when m is one, else P itself.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            # Every import runs the root package first: that edge explains nothing.
            if target and target not in (name, "gpai_docs"):
                found.add(target)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_room_has_a_rank() -> None:
    assert {_room(m) for m in MODULES} <= set(RANKS)


def test_no_import_runs_back_up_the_pipeline() -> None:
    upward = sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if RANKS[_room(target)] > RANKS[_room(module)]
    )
    assert upward == []


def cycles_in(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle a depth-first walk meets, each as the trail from a module back to itself."""
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the current trail, 2 done

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return cycles


def test_the_cycle_finder_finds_a_cycle_through_a_function_level_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles_in(graph) == [["a", "b", "c", "a"]]
    assert cycles_in({"a": {"b"}, "b": set()}) == []


def test_the_import_reader_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from gpai_docs.render import build\n", encoding="utf-8")
    assert _imports("gpai_docs.x", module) == {"gpai_docs.render.build"}


def test_there_is_no_import_cycle() -> None:
    assert cycles_in(GRAPH) == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_rooms_are_small(module: str) -> None:
    path = MODULES[module]
    text = path.read_text(encoding="utf-8")
    count = len(text.splitlines())
    assert count <= MAX_MODULE_LINES, f"{module} has {count} lines; split it by what it does"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_assert_guards_the_code(module: str) -> None:
    """``python -O`` removes asserts; a check that matters raises a real error."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    lines = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Assert)]
    assert lines == []
