"""Shared helpers: sample paths, whole-result comparison, cell mutation."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.document import Cell, Document, Table

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "qingzu_2024.txt"
PINGTAN = SAMPLES / "pingtan_2024.html"
HTML_SAMPLES = sorted((SAMPLES / "html").glob("*.html"))


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def finding_tuples(findings: list[dict]) -> list[tuple]:
    """(rule, severity, location without the identity's cell list, expected, actual)."""
    out = []
    for f in findings:
        loc = {k: v for k, v in f["location"].items() if k not in ("cells", "line", "page")}
        out.append((f["rule"], f["severity"], json.dumps(loc, sort_keys=True), f.get("expected"), f.get("actual")))
    return sorted(out, key=repr)


def section_pairs(sections: list[dict]) -> list[tuple[str, str]]:
    return [(s["id"], s["heading"]) for s in sections]


def replace_cell(document: Document, source: Cell, text: str) -> Document:
    """A copy of the document with one printed cell (every copy of a merged one) changed."""
    blocks = []
    for block in document.blocks:
        if isinstance(block, Table) and any(c is source for row in block.rows for c in row):
            rows = [[Cell(text, c.origin) if c.origin == source.origin else c for c in row] for row in block.rows]
            block = Table(rows, block.location, block.row_locations, block.aligned)
        blocks.append(block)
    return Document(blocks, document.format, document.metadata)


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES
