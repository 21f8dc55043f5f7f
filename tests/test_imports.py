"""The package's import graph: every module imports on its own, and no two modules import each other.

A circle hidden by an import inside a function still breaks the day someone moves that import to the top (or
imports the other module first), so the graph counts imports at every level: module, function, ``TYPE_CHECKING``.
"""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "newsgraph"


def _name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _targets(module: str, path: Path, node: ast.AST) -> set[str]:
    """The newsgraph modules an import statement loads (``from . import x`` loads the submodule ``x``)."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in MODULES}
    if not isinstance(node, ast.ImportFrom):
        return set()
    if node.level:
        base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        base = base[:len(base) - (node.level - 1)]
        source = ".".join(base + ([node.module] if node.module else []))
    else:
        source = node.module or ""
    found = set()
    for alias in node.names:
        if f"{source}.{alias.name}" in MODULES:
            found.add(f"{source}.{alias.name}")
        elif source in MODULES:
            found.add(source)
    return found


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[module] = set().union(*(_targets(module, path, node) for node in ast.walk(tree))) - {module}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_circle_finder_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_imports_inside_functions():
    graph = import_graph()
    assert "newsgraph.evaluate.gold_gum" in graph["newsgraph.evaluate.gold"]
    assert "newsgraph.enrichment.nlp" in graph["newsgraph.pipeline"]  # also imported inside enrich()


def test_no_import_circle():
    assert circles(import_graph()) == []


STAGES = ("sources", "extraction", "enrichment", "dedup", "linking", "quotebank", "storage", "query", "export")
SHARED = ("model", "ids", "errors", "record", "text", "lang", "safe")
CONTRACT = "newsgraph.storage.base"  # the store's interface types: any stage may code against them
# The read side: queries over a store, the export they offer, the registry's name lookup (linking.lookup reads a
# store's EntityRegistry; it writes nothing), and the cluster rules a quotation page is shown by.
READERS = {"query": ("storage", "export", "linking", "quotebank")}


def _top(module: str) -> str:
    return module.split(".")[1] if "." in module else module


def test_a_stage_imports_only_the_shared_helpers_never_another_stage():
    """docs/ARCHITECTURE.md's rule: shared helpers and the store contract, never another stage's modules."""
    crossings = sorted((module, target) for module, targets in import_graph().items() if _top(module) in STAGES
                       for target in targets
                       if _top(target) != _top(module) and _top(target) not in SHARED and target != CONTRACT
                       and _top(target) not in READERS.get(_top(module), ()))
    assert crossings == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_imports(module):
    importlib.import_module(module)
