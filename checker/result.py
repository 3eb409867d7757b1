"""One checked file: what was read and what was found, as DOMAIN.md §6 JSON."""
from __future__ import annotations

from dataclasses import dataclass, field

from .document import Location
from .facts import ReportFacts
from .findings import CellRef, Finding, Summary, json_number
from .fingerprints import fingerprint_findings
from .places import cell_key
from .templates import TABLE_IDS


@dataclass(frozen=True, slots=True)
class SectionOut:
    id: str
    heading: str
    location: Location


@dataclass(frozen=True, slots=True)
class Result:
    """What the check of one file found, with the facts it read (check.record_of makes the
    record every later stage carries)."""

    file: str
    format: str
    title: str | None
    body: str | None
    year: int | None
    template: str | None
    sections: list[SectionOut]
    tables: dict[str, dict]
    findings: list[Finding]
    table_templates: dict[str, str] = field(default_factory=dict)
    facts: ReportFacts | None = None   # kept for reporters that draw the tables

    @property
    def summary(self) -> Summary:
        return Summary.of(self.findings)

    def to_dict(self) -> dict[str, object]:
        record: dict[str, object] = {
            "file": self.file,
            "format": self.format,
            "title": self.title,
            "body": self.body,
            "year": self.year,
            "template": self.template,
            "table_templates": self.table_templates,
            "sections": [
                {"id": s.id, "heading": s.heading, "location": _location(s.location)} for s in self.sections
            ],
            "tables": self.tables,
            "read_by": read_by_keys(self.facts) if self.facts else {},
            "unread": unread_keys(self.facts) if self.facts else [],
            "findings": [f.to_dict() for f in self.findings],
            "summary": self.summary.to_dict(),
        }
        fingerprint_findings(record)
        return record


def read_by_keys(facts: ReportFacts) -> dict[str, str]:
    """Run-on cells read by an identity or the prose (cell key -> rule codes, or "text")."""
    return {cell_key(ref): by for ref, by in sorted(facts.read_by.items(), key=lambda kv: str(kv[0]))}


def unread_keys(facts: ReportFacts) -> list[str]:
    """Run-on cells no reading decides: left out of `tables` (EXT003-EXT006 say why)."""
    return [cell_key(ref) for table_id in TABLE_IDS for ref in unread_cells(facts, table_id)]


def _location(loc: Location) -> dict[str, int]:
    return {k: v for k, v in (("page", loc.page), ("line", loc.line)) if v is not None}


def unread_cells(facts: ReportFacts, table_id: str) -> list[CellRef]:
    """The cells of a crawled table's run-together rows that no reading decides."""
    mapped = facts.tables.get(table_id)
    if mapped is None:
        return []
    return [ref for run in mapped.runs for r, c in run.cells
            if facts.values[ref := CellRef(table_id, r, c)].problem == "unreadable"]


def tables_from_facts(facts: ReportFacts) -> dict[str, dict]:
    """Every mapped cell, in template order: a number, or null (the finding quotes the print)."""
    out: dict[str, dict] = {}
    for table_id in TABLE_IDS:
        mapped = facts.tables.get(table_id)
        template = facts.template_for(table_id)
        if mapped is None or template is None:
            continue
        spec = template.tables[table_id]
        rows = list(spec.row_ids) + [r for r in mapped.row_order if r not in spec.row_ids]
        grid: dict[str, object] = {}
        unread = {(ref.row, ref.column) for ref in unread_cells(facts, table_id)}   # EXT003-6 say why
        for row in rows:
            if row not in mapped.row_order:
                continue
            cols = [c for (r, c) in mapped.cells if r == row and (r, c) not in unread]
            cells = {c: json_number(facts.values[CellRef(table_id, row, c)].number) for c in cols}
            if table_id == "t4":
                grid.update({f"{row}.{c}": v for c, v in cells.items()})
            elif cells:
                grid[row] = cells
        out[table_id] = grid
    return out
