"""The storage seam holds: no SQL outside a backend's package, no backend imported from outside storage/, and no
import circle inside storage/ (read from the source, so a new module is checked as soon as it exists)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsgraph"
BACKENDS = ("sqlite", "postgres")
SQL = re.compile(r"\b(SELECT\b.+\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|CREATE\s+(TABLE|INDEX|VIRTUAL)|DELETE\s+FROM|"
                 r"UPDATE\s+\w+\s+SET|PRAGMA\s+\w+)\b", re.IGNORECASE | re.DOTALL)


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield path, name, ast.parse(path.read_text(encoding="utf-8"))


def _imports(name: str, is_package: bool, tree: ast.AST, module_level: bool) -> set[str]:
    """Absolute names of the modules ``tree`` imports (``from x import y`` counts x and x.y)."""
    base = name.split(".") if is_package else name.split(".")[:-1]
    nodes = tree.body if module_level else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            root = ".".join(base[:len(base) - node.level + 1] + ([node.module] if node.module else [])) \
                if node.level else node.module
            found.add(root)
            found |= {f"{root}.{alias.name}" for alias in node.names}
    return found


def _in_backend(name: str) -> bool:
    return any(name == f"newsgraph.storage.{b}" or name.startswith(f"newsgraph.storage.{b}.") for b in BACKENDS)


def _sql_strings(tree: ast.AST) -> list[str]:
    """String constants that read as SQL, docstrings left out (they may talk about SQL)."""
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and SQL.search(node.value)]


def test_no_sql_outside_a_backend_package():
    found = {name: _sql_strings(tree) for _, name, tree in _modules()}
    assert sum(len(v) for k, v in found.items() if _in_backend(k)) > 50  # the pattern does find SQL
    assert {name: strings for name, strings in found.items() if strings and not _in_backend(name)} == {}


def test_only_storage_imports_a_backend():
    offenders = [f"{name} imports {target}" for path, name, tree in _modules()
                 if not name.startswith("newsgraph.storage")
                 for target in _imports(name, path.name == "__init__.py", tree, module_level=False)
                 if _in_backend(target)]
    assert offenders == []


def test_no_import_circle_in_storage():
    graph = {name: {t for t in _imports(name, path.name == "__init__.py", tree, module_level=False)
                    if t.startswith("newsgraph.storage")}
             for path, name, tree in _modules() if name.startswith("newsgraph.storage")}
    graph = {name: {t for t in targets if t in graph and t != name} for name, targets in graph.items()}
    # A package imports its own modules by design (its __init__ re-exports them); only module-to-module edges count.
    packages = {name for name in graph if any(other.startswith(name + ".") for other in graph)}

    def cycle_from(start: str) -> list[str]:
        stack, seen = [(start, [start])], set()
        while stack:
            node, path = stack.pop()
            for nxt in graph[node] - packages:
                if nxt == start:
                    return path + [nxt]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, path + [nxt]))
        return []

    assert [c for c in map(cycle_from, sorted(set(graph) - packages)) if c] == []
