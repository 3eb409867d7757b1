"""Single-cell changes of 表三/表四 numbers, and whether the arithmetic rules catch them.

The change is made to the printed cell of the parsed document (the text an extractor
produced), so the whole chain from mapping to rules is exercised. A change is caught when the
arithmetic errors about that cell (its own cell, one of its identity's cells, or its row)
are not the unchanged report's: a new or changed error, or (where the change corrects a
wrong cell) one gone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from checker.check import check_document, simplify_document
from checker.document import Cell, Document, Table
from checker.engine import load_rule_set
from checker.engine.identities import use_rules
from checker.engine.readings import settle_runs
from checker.extract import document_from_bytes, read_document
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


@cache
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


# --- run-on crawl captures: the change is made to the capture's own digits ---------------

RUN_ON_NOTES = ("EXT003", "EXT004", "EXT005")


@dataclass(frozen=True)
class CaptureCell:
    """A 表三/表四 cell of a capture read as a whole number, and where its digits stand."""

    ref: CellRef
    number: int
    start: int          # offset of its digits in the capture's text
    end: int


def _capture_findings(data: bytes, name: str) -> list[Finding]:
    return [f for f in check_document(document_from_bytes(data, name), name, select=["ARI", *RUN_ON_NOTES]).findings
            if (f.category.value == "arithmetic" and f.severity.value == "error") or f.rule in RUN_ON_NOTES]


def capture_cells(text: str, name: str) -> list[CaptureCell]:
    """Every 表三/表四 cell whose row the reader read whole, with its digits' offsets: the
    run-on body is one line, and each printed row's figures start at its location's column."""
    facts = build_facts(simplify_document(document_from_bytes(text.encode("utf-8"), name)))
    use_rules(facts, load_rule_set())   # the identities that settle a run-on row's digits
    settle_runs(facts)
    line_start = {n + 1: sum(len(l) + 1 for l in text.split("\n")[:n]) for n in range(text.count("\n") + 1)}
    blocks = [b for b in facts.document.blocks if isinstance(b, Table)]
    out = []
    for table, (table_id, mapped) in zip(blocks, facts.tables.items()):
        if table_id == "t2":
            continue
        rows = [mapped.row_order] if table_id == "t4" else [[r] for r in mapped.row_order]
        for k, row_ids in enumerate(rows):
            refs = [CellRef(table_id, r, c) for r in row_ids for (rr, c) in mapped.cells if rr == r]
            values = [facts.values[ref] for ref in refs]
            if not refs or any(not isinstance(v.number, int) or not v.text for v in values):
                continue
            loc = table.row_locations[k]
            figures = table.rows[k][1].text
            offset, position = line_start[loc.line] + loc.column - 1, 0
            for ref, value in zip(refs, values):
                while figures[position].isspace():
                    position += 1
                assert figures.startswith(value.text, position), (figures, value.text)
                out.append(CaptureCell(ref, value.number, offset + position, offset + position + len(value.text)))
                position += len(value.text)
    return out


def _about_capture(finding: Finding, ref: CellRef) -> bool:
    loc = finding.location
    if finding.rule in RUN_ON_NOTES:
        return loc.table == ref.table and (loc.row is None or loc.row == ref.row)
    return _about(finding, ref)


def capture_catch_rate(path: Path, *, every: int = 1) -> CatchRate:
    """Each `every`-th cell of the capture changed by +1 in its digits: caught when an
    arithmetic error about it, or a run-on note on its row, is not the unchanged one's."""
    text = path.read_text(encoding="utf-8")
    before = _capture_findings(text.encode("utf-8"), path.name)
    out = CatchRate()
    for cell in capture_cells(text, path.name)[::every]:
        changed = text[:cell.start] + str(cell.number + 1) + text[cell.end:]
        after = _capture_findings(changed.encode("utf-8"), path.name)
        out.tried += 1
        if {_key(f) for f in after if _about_capture(f, cell.ref)} != {_key(f) for f in before if _about_capture(f, cell.ref)}:
            out.caught += 1
        else:
            out.missed.append(f"{cell.ref.table}.{cell.ref.row}.{cell.ref.column}:{cell.number}")
    return out
