"""PDF reading regressions on real reports and on pages printed by a browser."""
from __future__ import annotations

import pytest

from checker import check_file
from checker.extract import pdf as pdf_extract

from .conftest import SAMPLES, load_json, section_pairs

HONGZE = SAMPLES / "hongze_2023.pdf"
# Its real defects: 表二 in the 2021 layout beside a 2019 表三, 表四 totals printed 0, 五 thin.
HONGZE_FINDINGS = [("ARI004", "error", "litigation_after_review.total"), ("ARI004", "error", "review.total"),
                   ("CON010", "warning", None), ("TPL001", "warning", None)]


def _hongze_reads_exactly() -> None:
    result = check_file(HONGZE).to_dict()
    want = load_json(HONGZE.with_suffix(".expected.json"))
    assert section_pairs(result["sections"]) == section_pairs(want["sections"])
    assert [s["location"]["page"] for s in result["sections"]] == [1, 2, 3, 4, 4, 5]
    assert result["tables"] == want["tables"]
    assert sorted((f["rule"], f["severity"], f["location"].get("column")) for f in result["findings"]) == HONGZE_FINDINGS


def test_wps_heading_above_its_table_is_section_two():
    """WPS paints a white strip behind every line; stacked, they made the prose
    and 「二、主动公开政府信息情况」 above 表二 rows of one table (STR001)."""
    _hongze_reads_exactly()


def test_prose_rows_caught_by_a_grid_are_text(monkeypatch):
    """Were the strips visible, the grid's leading rows of one full-width cell of
    prose or a heading are still text; the 第二十条 caption row stays the table's."""
    monkeypatch.setattr(pdf_extract, "_drawn", lambda obj: True)
    _hongze_reads_exactly()


@pytest.mark.parametrize("colour, white", [
    ((1.0, 1.0, 1.0), True), (1, True), ((1.0,), True), ((0, 0, 0, 0), True),
    ((0.776, 0.851, 0.945), False), (0, False), ((0, 0, 0, 1), False), ("P0", False), (None, False),
])
def test_paper_white(colour, white):
    assert pdf_extract._is_white(colour) is white
