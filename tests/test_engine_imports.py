"""The engine's modules import one another without a circle, and none imports inside a
function to dodge one: each kind's module files its kinds, the loader reads the registry."""
from __future__ import annotations

import ast

from .conftest import ROOT

ENGINE = ROOT / "checker" / "engine"


def _engine_imports(path) -> tuple[set[str], list[int]]:
    """(engine modules imported at the top level, lines of imports inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top, nested = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            nested += [n.lineno for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                top.add(node.module.split(".")[0])
            else:
                top.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("checker.engine."):
            top.add(node.module.split(".")[2])
    return top, nested


def test_engine_has_no_import_circle():
    modules = {p.stem: p for p in ENGINE.glob("*.py") if p.stem != "__init__"}
    graph = {}
    for name, path in modules.items():
        imports, nested = _engine_imports(path)
        assert not nested, f"{path.name} imports inside a function (lines {nested})"
        graph[name] = imports & set(modules)
    done: set[str] = set()

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert name not in trail, "import circle: " + " -> ".join((*trail[trail.index(name):], name))
        if name in done:
            return
        for other in sorted(graph[name]):
            visit(other, (*trail, name))
        done.add(name)

    for name in sorted(graph):
        visit(name, ())
    assert graph["rule"] <= set() and "loader" not in graph["identities"]   # the model imports no kind


def test_every_kind_is_filed_with_its_function():
    from checker.engine.registry import COMPUTED, KINDS

    assert {"sum", "equation", "computed", "copy_overlap"} <= set(KINDS)
    for spec in (*KINDS.values(), *COMPUTED.values()):
        assert callable(spec.function) and spec.function.__module__.startswith("checker.engine."), spec.name
