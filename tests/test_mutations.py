"""Changing any single number of 表三 or 表四 in a consistent report produces an
arithmetic error whose location includes that cell; the unchanged report none.

The change is made to the printed cell of the parsed document (the text an
extractor produced), so the whole chain from mapping to rules is exercised.
"""
from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.check import check_document
from checker.document import Cell, Document
from checker.extract import read_document
from checker.facts import build_facts
from checker.findings import CellRef

from .conftest import HTML_SAMPLES, SEED, replace_cell

CLEAN = next(p for p in HTML_SAMPLES if p.stem == "county_2024_clean")


@lru_cache(maxsize=None)
def _document(path) -> Document:
    return read_document(path)


@lru_cache(maxsize=None)
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
