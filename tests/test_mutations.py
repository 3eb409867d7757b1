"""Changing any single number of 表三 or 表四 in a consistent report produces an
arithmetic error whose location includes that cell; the unchanged report none.

The change is made to the printed cell of the parsed document (the text an
extractor produced), so the whole chain from mapping to rules is exercised.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.check import check_document
from checker.document import Cell, Document
from checker.extract import read_document
from checker.facts import build_facts
from checker.findings import CellRef

from .conftest import HTML_SAMPLES, ROOT, SEED, replace_cell
from .mutation import DEFAULT_REPORTS, catch_rate, document_of

CLEAN = next(p for p in HTML_SAMPLES if p.stem == "county_2024_clean")


@cache
def _document(path) -> Document:
    return read_document(path)


@cache
def _sources(path) -> dict[CellRef, tuple[Cell, int]]:
    facts = build_facts(_document(path))
    out = {}
    for table_id in ("t3", "t4"):
        for (row, col), mapped in facts.tables[table_id].cells.items():
            value = facts.values[CellRef(table_id, row, col)]
            out[CellRef(table_id, row, col)] = (mapped.source, value.number)
    return out


def arithmetic_errors_naming(path, ref: CellRef, new_value: int) -> list:
    source, _ = _sources(path)[ref]
    result = check_document(replace_cell(_document(path), source, str(new_value)), str(path))
    return [f for f in result.findings
            if f.category == "arithmetic" and f.severity == "error" and f.location.involves(ref)]


@pytest.mark.parametrize("path", [SEED, CLEAN], ids=lambda p: p.stem)
def test_unchanged_report_has_no_arithmetic_finding(path):
    findings = check_document(_document(path), str(path)).findings
    assert [f for f in findings if f.category == "arithmetic"] == []


@pytest.mark.parametrize("path", [SEED, CLEAN], ids=lambda p: p.stem)
def test_every_single_cell_change_is_caught_at_that_cell(path):
    refs = _sources(path)
    assert len(refs) == 25 * 7 + 15
    missed = []
    for ref, (_, number) in refs.items():
        for new in {number + 1, number + 7} | ({number - 1} if number > 0 else set()):
            if not arithmetic_errors_naming(path, ref, new):
                missed.append((ref, number, new))
    assert missed == []


@settings(max_examples=60, deadline=None)
@given(index=st.integers(0, 25 * 7 + 15 - 1), delta=st.integers(-40, 40).filter(bool))
def test_random_change_of_clean_sample_is_caught(index, delta):
    ref, (_, number) = list(_sources(CLEAN).items())[index]
    new = number + delta
    if new < 0:
        return  # a negative count is a value finding (VAL004), tested there
    assert arithmetic_errors_naming(CLEAN, ref, new)


# --- every real report and HTML sample, as printed and with its zeros left blank ---------

BROAD = [(p, blank) for p in DEFAULT_REPORTS for blank in (False, True)
         if not (blank is False and p in ("samples/qingzu_2024.txt", "samples/html/county_2024_clean.html"))]


@pytest.mark.parametrize("path, zeros_blank", BROAD, ids=[f"{Path(p).stem}{'-blank' if b else ''}" for p, b in BROAD])
def test_every_number_changed_is_caught_in_real_reports_and_samples(path, zeros_blank):
    """A blank counts as 0, so a report printing its zeros blank is checked as fully as
    one printing them (issue: 16 of 20 changes to such a report went unnoticed)."""
    rate = catch_rate(ROOT / path, zeros_blank=zeros_blank)
    assert rate.missed == []
    assert rate.tried > 0 or path == "samples/qingzu_2024.txt"


def test_blank_zeros_version_of_a_real_report_reads_the_same_numbers():
    """Blanking zeros changes no other number; the blanks are one warning per table, said
    by whole columns, whole rows and the rest, and no sum fails."""
    printed = build_facts(document_of(ROOT / "samples/huaian_2024.pdf", False))
    blanked = check_document(document_of(ROOT / "samples/huaian_2024.pdf", True), "huaian")
    t3 = {ref: v for ref, v in blanked.facts.values.items() if ref.table == "t3"}
    assert sum(v.problem == "blank" for v in t3.values()) == 110
    assert {r: v.number for r, v in t3.items() if v.number} == {
        r: v.number for r, v in printed.values.items() if r.table == "t3" and v.number}
    assert [(f.rule, f.severity.value, f.location.table) for f in blanked.findings] == [
        ("VAL001", "warning", None), ("VAL001", "warning", "t3"), ("CON010", "warning", None)]
    assert blanked.findings[1].message.startswith(
        "表三有110个单元格空白，按0计（没有的应填0）：「科研机构」「社会公益组织」两列全部空白；"
        "「要求提供公开出版物」「无正当理由大量反复申请」两行全部空白；另有「上年结转申请」行「商业企业」「法律服务机构」「其他」列、")
    assert blanked.findings[1].evidence is None   # never 「空白 | 空白 | …」 as the printed text


def test_seed_with_every_zero_left_blank_is_read_and_says_so_once_per_table():
    """The seed's tab-separated tables with each 0 left blank: rows with nothing after their
    label are blank rows (not unreadable), 表四's row is its data row, and nothing but the
    blanks and the seed's own three warnings is reported."""
    result = check_document(document_of(SEED, True), "seed")
    assert [(f.rule, f.severity.value) for f in result.findings] == [
        ("STR012", "warning"), ("VAL001", "warning"), ("VAL001", "warning"), ("VAL001", "warning"),
        ("CON010", "warning"), ("CON007", "warning")]
    assert [f.message for f in result.findings if f.rule == "VAL001"] == [
        f"{name}有{n}个单元格空白，按0计（没有的应填0）：整张表全部空白" for name, n in (("表二", 10), ("表三", 175), ("表四", 15))]
