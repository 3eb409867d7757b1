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
               "matching", "chars", "normalize", "values", "mapping", "prose", "dates", "pairing"},
    # Pairing reads records and facts; it knows no rule, file or output. It reads the templates'
    # wording (rules/templates): what every report shares is not copied text.
    "pairing": {"bodies", "chars", "document", "facts", "findings", "normalize", "prose", "templates"},
    "bodies": {"chars", "normalize"},
    "fingerprints": {"bodies", "errors", "findings", "words"},
    # Reporters format only: results, findings, and the template labels they print.
    "reporters": {"reporters", "findings", "result", "document", "templates"},
}


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
