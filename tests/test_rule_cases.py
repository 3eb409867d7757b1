"""Runs every tests/rules/<CODE>.toml: named cases on a sample, optionally mutated,
each expecting the exact findings of that rule (sqlfluff-style rule fixtures).

A case may
- `replace` = [[old, new], …]: edit the sample's text (each `old` must occur exactly once);
- `set` = {"t3.result.granted.natural" = "3", …}: change printed cells of the parsed document;
- `drop_table` = "t4": remove that table from the parsed document;
- `drop_row` = "t3.result.other.unpaid_fee": remove that row's printed grid row (after the
  mutations above), as a publisher leaving a row out would;
- `last` = {sample, replace, set, drop_table}: last year's report of the same body, built
  the same way, for the cross-year and copy rules (XYR, CPY).
`expect` lists the rule's findings as {table, row, column, section, expected, actual}
(keys left out are not compared).
"""
from __future__ import annotations

import tomllib

import pytest

from checker.check import check_document, cross_year_findings, record_of
from checker.document import Document, Table
from checker.extract import document_from_bytes
from checker.facts import build_facts
from checker.findings import json_number
from checker.mapping import classify_table
from checker.places import cell_of_key

from .conftest import ROOT, replace_cell

FIXTURES = sorted((ROOT / "tests" / "rules").glob("*.toml"))


def build_case_document(case: dict) -> tuple[Document, str]:
    path = ROOT / case["sample"]
    data = path.read_bytes()
    for old, new in case.get("replace", []):
        old_b, new_b = old.encode("utf-8"), new.encode("utf-8")
        assert data.count(old_b) == 1, f"{case['name']}: {old!r} occurs {data.count(old_b)} times"
        data = data.replace(old_b, new_b)
    document = document_from_bytes(data, str(path))
    if "drop_table" in case:
        document = Document([b for b in document.blocks
                             if not (isinstance(b, Table) and classify_table(b) == case["drop_table"])],
                            document.format, document.metadata)
    if "drop_row" in case:
        document = drop_printed_row(document, case["drop_row"])
    for cell_id, text in case.get("set", {}).items():
        facts = build_facts(document)
        ref = cell_of_key(cell_id)
        source = facts.tables[ref.table].cells[(ref.row, ref.column)].source
        document = replace_cell(document, source, text)
    return document, str(path)


def drop_printed_row(document: Document, row_id: str) -> Document:
    """The document without the grid row that prints `row_id` ("t3.result.other.unpaid_fee")."""
    table_id, row = row_id.split(".", 1)
    sources = {id(c.source) for (r, _), c in build_facts(document).tables[table_id].cells.items()
               if r == row and c.source is not None}
    blocks = []
    for block in document.blocks:
        if isinstance(block, Table):
            kept = [(cells, loc) for cells, loc in zip(block.rows, block.row_locations or [block.location] * len(block.rows))
                    if not any(id(c) in sources for c in cells)]
            block = Table([c for c, _ in kept], block.location, [l for _, l in kept], block.aligned)
        blocks.append(block)
    return Document(blocks, document.format, document.metadata)


def finding_fields(finding) -> dict:
    loc = finding.location
    out = {"expected": json_number(finding.expected), "actual": json_number(finding.actual)}
    if loc.cell is not None:
        out.update(table=loc.cell.table, row=loc.cell.row, column=loc.cell.column)
    elif loc.table is not None:
        out["table"] = loc.table
        if loc.row is not None:
            out["row"] = loc.row
    if loc.section is not None:
        out["section"] = loc.section
    if loc.paragraph is not None:
        out["paragraph"] = loc.paragraph
    return out


def _cases():
    for path in FIXTURES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data["case"]:
            yield pytest.param(data["rule"], case, id=f"{data['rule']}::{case['name']}")


@pytest.mark.parametrize("code, case", list(_cases()))
def test_rule_case(code, case):
    document, name = build_case_document(case)
    result = check_document(document, name)
    findings = list(result.findings)
    if "last" in case:
        last_document, last_name = build_case_document({"name": case["name"], **case["last"]})
        pair, _ = cross_year_findings(record_of(result), record_of(check_document(last_document, last_name)))
        findings += pair
    got = [finding_fields(f) for f in findings if f.rule == code]
    want = case["expect"]
    unmatched = list(got)
    for w in want:
        match = next((g for g in unmatched if all(g.get(k) == v for k, v in w.items())), None)
        assert match is not None, f"{code}: no finding matches {w}; got {got}"
        unmatched.remove(match)
    assert unmatched == [], f"{code}: unexpected {unmatched}"
    if "message" in case:
        assert [f.message for f in findings if f.rule == code] == [case["message"]]
