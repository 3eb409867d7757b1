"""Import contract between stages (ARCHITECTURE.md §2.3), checked with ast."""
from __future__ import annotations

import ast

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "checker"

# module (or package) -> the checker modules it may import
ALLOWED = {
    "document": set(),
    "findings": set(),
    "words": set(),                    # the language of govcheck's own sentences: below everything
    "errors": {"words"},
    "settings": set(),
    "chars": set(),
    # Report knowledge (numbering, numbers, labels) sits above character normalisation.
    "normalize": {"chars"},
    "extract": {"document", "errors", "chars", "settings", "extract", "words"},
    "engine": {"engine", "facts", "findings", "sections", "templates", "errors", "settings", "document", "splits",
               "matching", "chars", "normalize", "values", "mapping", "prose", "dates", "pairing", "places"},
    # Places name cells, rows and sections in a report's own template words (messages and reporters).
    "places": {"findings", "templates"},
    # Pairing reads records and facts; it knows no rule, file or output. It reads the templates'
    # wording (rules/templates): what every report shares is not copied text.
    "pairing": {"bodies", "chars", "document", "facts", "findings", "normalize", "prose", "templates", "values"},
    "bodies": {"chars", "normalize"},
    "fingerprints": {"bodies", "errors", "findings", "words", "record"},
    # Reporters format only: records, findings, and the template words they name places with.
    "reporters": {"reporters", "findings", "result", "document", "templates", "places", "record"},
}


# Every module of the package, lowest layer first: a module imports only modules of its own
# layer or below (the package's __version__ aside). A new module must be placed here.
LAYERS = (
    # the model: what a document, a finding and a limit are; character normalisation
    {"document", "findings", "errors", "settings", "chars", "names", "exit_codes", "interrupt", "words"},
    # files -> the document model
    {"extract", "inputs"},
    # report knowledge: templates, sections, tables, values, prose, the bodies that publish
    {"normalize", "matching", "templates", "bodies", "sections", "dates", "mapping", "values", "prose",
     "splits", "runon", "facts", "pairing", "places"},
    # the rules
    {"engine"},
    # the check of one file, its result, and the record every later stage carries (with its
    # findings' fingerprints)
    {"result", "check", "record", "fingerprints"},
    # runs over many files, the store, outputs
    {"batch", "limited", "store_file", "store", "season", "dask_engine", "reporters", "outputs"},
    # the command
    {"cli", "commands", "options", "__main__", "__init__"},
)
PACKAGE_CONSTANTS = {"__version__"}   # `from . import __version__`: a constant, not a stage


def layer_of(unit: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if unit in layer)


def units() -> dict[str, list]:
    """Each top-level module or package of checker/ with its files."""
    out: dict[str, list] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        out.setdefault(path.relative_to(PACKAGE).with_suffix("").parts[0], []).append(path)
    return out


def test_every_module_has_a_layer():
    placed = set().union(*LAYERS)
    assert sorted(set(units()) - placed) == []
    assert sorted(placed - set(units())) == []   # no layer names a module that is gone


@pytest.mark.parametrize("unit", sorted(units()))
def test_module_imports_only_its_layer_or_below(unit):
    for path in units()[unit]:
        above = {other for other in checker_imports(path) - {unit} - PACKAGE_CONSTANTS
                 if layer_of(other) > layer_of(unit)}
        assert not above, f"{path.relative_to(ROOT)} imports {sorted(above)} from a layer above"


def checker_imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                if node.module and node.module.startswith("checker"):
                    out.add(node.module.split(".")[1] if "." in node.module else "checker")
                continue
            base = list(parts[:-1])[: len(parts) - node.level]
            target = base + (node.module.split(".") if node.module else [])
            if target:
                out.add(target[0])
            else:
                out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name.split(".")[1] for a in node.names if a.name.startswith("checker."))
    return out


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_only_what_it_may(layer):
    paths = [PACKAGE / f"{layer}.py"] if (PACKAGE / f"{layer}.py").exists() else sorted((PACKAGE / layer).glob("*.py"))
    assert paths
    for path in paths:
        extra = checker_imports(path) - ALLOWED[layer] - {layer}
        assert not extra, f"{path.relative_to(ROOT)} imports {sorted(extra)}"
