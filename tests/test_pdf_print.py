"""PDF reading regressions on real reports and on pages printed by a browser."""
from __future__ import annotations

import dataclasses
import re

import pytest

from checker import check_file
from checker.chars import compact
from checker.check import check_document
from checker.document import Table
from checker.extract import pdf as pdf_extract
from checker.extract import pdf_grids, read_document
from checker.extract.pdf import extract_pdf
from checker.extract.pdf_settings import DEFAULT_PDF
from checker.templates import table_page_words

from .conftest import SAMPLES, load_json, section_pairs

HONGZE = SAMPLES / "hongze_2023.pdf"
# Its real defects: 表二 in the 2021 layout beside a 2019 表三, 表四 totals printed 0, 五 thin.
HONGZE_FINDINGS = [("ARI004", "error", "litigation_after_review.total"), ("ARI004", "error", "review.total"),
                   ("CON010", "warning", None), ("TPL001", "error", None)]


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
    monkeypatch.setattr(pdf_extract, "drawn", lambda obj: True)
    _hongze_reads_exactly()


@pytest.mark.parametrize("colour, white", [
    ((1.0, 1.0, 1.0), True), (1, True), ((1.0,), True), ((0, 0, 0, 0), True),
    ((0.776, 0.851, 0.945), False), (0, False), ((0, 0, 0, 1), False), ("P0", False), (None, False),
])
def test_paper_white(colour, white):
    assert pdf_grids.is_white(colour) is white


# --- pages printed by a browser (Chromium, with its default header and footer) ---------

PRINTS = SAMPLES / "pdf"
LAST_ROW_ALONE = PRINTS / "county_2024_errors.browser.pdf"   # 表三's 四、结转下年度继续办理 alone on p6
TALL = PRINTS / "county_2024_clean.browser.pdf"              # 表二 on p2-3, 表三 on p3-5, 表四 on p5-6
# The date each print's site header gives (发布时间): the publication date, never the print date.
PUBLISHED = {
    "city_dept_2020_template2019.browser.pdf": "2021-01-20", "county_2024_clean.browser.pdf": "2025-01-20",
    "county_2024_errors.browser.pdf": "2025-01-20", "district_2022_traditional.browser.pdf": "2023-01-20",
    "pingtan_2024.browser.pdf": "2025-01-20", "shanghai_bgt_2019.browser.pdf": "2020-01-31",
    "township_2023_gbk.browser.pdf": "2024-01-26",
}


def _t3_tables(path) -> list[Table]:
    doc = read_document(path)
    return [b for b in doc.blocks if isinstance(b, Table) and any("本年新收" in c.text for r in b.rows for c in r)]


def test_every_browser_print_is_listed():
    assert sorted(p.name for p in PRINTS.glob("*.browser.pdf")) == sorted(PUBLISHED)


def test_last_row_alone_overleaf_joins_its_table():
    """Item 4: 表三's last row alone at the top of p6, no header repeated, the browser's
    footer and header printed between it and the rest: one table, the row read."""
    result = check_file(LAST_ROW_ALONE)
    want = load_json(SAMPLES / "html" / "county_2024_errors.truth.json")["tables"]["t3"]["carried_forward"]
    assert result.to_dict()["tables"]["t3"]["carried_forward"] == want == {
        "natural": 5, "commercial": 4, "research": 0, "social": 0, "legal": 2, "other_org": 1, "total": 11}
    pages = {ref.column: v.location.page for ref, v in result.facts.values.items()
             if ref.table == "t3" and ref.row == "carried_forward"}
    assert set(pages.values()) == {6}
    [t3] = _t3_tables(LAST_ROW_ALONE)
    assert len(t3.rows) == 28 and sorted({loc.page for loc in t3.row_locations}) == [3, 4, 5, 6]
    assert "STR007" not in {f.rule for f in result.findings}


def test_continuation_page_without_a_table_word_is_read():
    """A page holding only the end of a table may name no table: it is read because the
    table before it is the last thing on its page, however far above the foot it ends."""
    words = table_page_words() - {"结转下年度继续办理", "未经复议直接起诉", "复议后起诉"}
    never_near = dataclasses.replace(DEFAULT_PDF, continues_near_bottom=0.0)
    document = extract_pdf(LAST_ROW_ALONE.read_bytes(), str(LAST_ROW_ALONE), table_words=words, settings=never_near)
    tables = check_document(document, str(LAST_ROW_ALONE)).to_dict()["tables"]
    assert tables == load_json(SAMPLES / "html" / "county_2024_errors.truth.json")["tables"]


def test_row_without_its_upper_rule_on_a_continued_page(monkeypatch):
    """Chromium draws no rule above the first row of p5 (the break falls inside a merged
    group): on a continued page, rules starting above every table found close it."""
    monkeypatch.setattr(pdf_grids, "_open_edges", lambda page, bbox, settings: [])
    tables = check_file(TALL).to_dict()["tables"]
    assert tables == load_json(SAMPLES / "html" / "county_2024_clean.truth.json")["tables"]


def test_tall_rows_over_pages_read_as_one_table_each():
    """Item 5: 表二 over two pages, 表三 over three, 表四's header cut: each one grid."""
    doc = read_document(TALL)
    pages = [sorted({loc.page for loc in b.row_locations}) for b in doc.blocks if isinstance(b, Table)]
    assert pages == [[2, 3], [3, 4, 5], [5, 6]]
    [t3] = _t3_tables(TALL)
    assert (len(t3.rows), t3.width) == (28, 10)


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_browser_header_and_footer_are_not_text(name):
    """The print date, page title, URL and 1/6 Chromium prints on every page are gone;
    the site's own 标题/发布时间 lines stay, and 发布时间 is the publication date."""
    path = PRINTS / name
    result = check_file(path)
    texts = [b.text for b in result.facts.document.blocks if not isinstance(b, Table)]
    assert not [t for t in texts if "http://" in t or re.search(r"\d{1,2}/\d{1,2}/\d{2}, \d{1,2}:\d{2}", t)]
    assert not compact(result.facts.title).startswith("标题")
    first = result.facts.published[0]
    assert (first.source, first.date.isoformat()) == ("page", PUBLISHED[name])
    assert not [f for f in result.findings if f.rule.startswith("TIM")]
