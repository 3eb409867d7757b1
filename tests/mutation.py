"""Single-cell changes of 表三/表四 numbers, and whether the arithmetic rules catch them.

The change is made to the printed cell of the parsed document (the text an extractor
produced), so the whole chain from mapping to rules is exercised. A change is caught when the
arithmetic errors about that cell (its own cell, one of its identity's cells, or its row)
are not the unchanged report's: a new or changed error, or (where the change corrects a
wrong cell) one gone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from checker.check import check_document
from checker.document import Cell, Document, Table
from checker.extract import read_document
from checker.facts import build_facts
from checker.findings import CellRef, Finding
from checker.normalize import parse_cell

from .conftest import replace_cell

DEFAULT_REPORTS = ("samples/qingzu_2024.txt", "samples/pingtan_2024.html", "samples/huaian_2024.pdf",
                   "samples/hongze_2023.pdf", "samples/shanghai_bgt_2019.html",
                   *(f"samples/html/{p.name}" for p in sorted((Path(__file__).parent.parent / "samples" / "html").glob("*.html"))))


@dataclass
class CatchRate:
    tried: int = 0
    caught: int = 0
    missed: list[str] = field(default_factory=list)


def blank_zeros(document: Document) -> Document:
    """The same report with every cell printed 0 left blank."""
    blocks = []
    for block in document.blocks:
        if isinstance(block, Table):
            rows = [[Cell("", c.origin) if parse_cell(c.text).number == 0 and parse_cell(c.text).kind == "number"
                     else c for c in row] for row in block.rows]
            block = Table(rows, block.location, block.row_locations, block.aligned)
        blocks.append(block)
    return Document(blocks, document.format, document.metadata, document.notes)


@lru_cache(maxsize=None)
def document_of(path: Path, zeros_blank: bool) -> Document:
    document = read_document(path)
    return blank_zeros(document) if zeros_blank else document


def number_cells(document: Document) -> dict[CellRef, tuple[Cell, int]]:
    """Every 表三/表四 cell printed as a whole number, with its printed cell."""
    facts = build_facts(document)
    out = {}
    for table_id in ("t3", "t4"):
        if table_id not in facts.tables:
            continue
        for (row, col), mapped in facts.tables[table_id].cells.items():
            value = facts.values[CellRef(table_id, row, col)]
            if mapped.source is not None and isinstance(value.number, int):
                out[CellRef(table_id, row, col)] = (mapped.source, value.number)
    return out


def _about(finding: Finding, ref: CellRef) -> bool:
    loc = finding.location
    return loc.involves(ref) or (loc.cell is not None and loc.cell.table == ref.table and loc.cell.row == ref.row)


def _key(finding: Finding) -> tuple:
    return finding.rule, finding.location.cell, finding.expected, finding.actual


def arithmetic_errors(document: Document, name: str) -> list[Finding]:
    return [f for f in check_document(document, name, select=["ARI"]).findings
            if f.category.value == "arithmetic" and f.severity.value == "error"]


def caught(document: Document, name: str, ref: CellRef, source: Cell, new: int, before: list[Finding]) -> bool:
    changed = replace_cell(document, source, str(new))
    after = {_key(f) for f in arithmetic_errors(changed, name) if _about(f, ref)}
    return after != {_key(f) for f in before if _about(f, ref)}


def catch_rate(path: Path, *, zeros_blank: bool = False, deltas: tuple[int, ...] = (1,)) -> CatchRate:
    document = document_of(path, zeros_blank)
    before = arithmetic_errors(document, str(path))
    out = CatchRate()
    for ref, (source, number) in number_cells(document).items():
        for delta in deltas:
            new = number + delta
            if new < 0:
                continue
            out.tried += 1
            if caught(document, str(path), ref, source, new, before):
                out.caught += 1
            else:
                out.missed.append(f"{ref.table}.{ref.row}.{ref.column}:{number}->{new}")
    return out
