"""One vocabulary for places: one cell key, and every place named in the report's own
template words, alike in a finding's message and in its 位置 column."""
from __future__ import annotations

from checker.check import check_bytes, record_of
from checker.findings import CellRef
from checker.places import ANY_TEMPLATE, Wording, cell_key, cell_name, cell_of_key, key_of_place, place_text, wording_of
from checker.reporters.pages import record_page

from .conftest import ROOT

SHANGHAI_2019 = ROOT / "samples" / "shanghai_bgt_2019.html"


def test_one_cell_key_both_ways():
    for ref in (CellRef("t3", "result.total", "natural"), CellRef("t4", "review", "upheld"),
                CellRef("t3", "result.denied.third_party", "legal")):
        assert cell_of_key(cell_key(ref)) == ref
    assert cell_key(CellRef("t3", "result.total", "natural")) == "t3.result.total.natural"
    assert key_of_place({"table": "t4", "column": "review.upheld"}) == "t4.review.upheld"
    assert key_of_place({"table": "t3", "row": "new", "column": "natural", "page": 2}) == "t3.new.natural"
    assert key_of_place({"table": "t3", "row": "new"}) is None


def test_a_row_is_named_by_the_reports_own_template():
    ref = CellRef("t2", "normative_docs", "made")
    assert cell_name(ref, Wording("2019")) == "「规范性文件」行「本年新制作数量」列"
    assert cell_name(ref, Wording("2021")) == "「行政规范性文件」行「本年新制作数量」列"
    assert cell_name(ref, Wording("2021", {"t2": "2019"})) == "「规范性文件」行「本年新制作数量」列"
    assert cell_name(ref, ANY_TEMPLATE) == "「行政规范性文件」行「本年新制作数量」列"   # newest first
    # a row only one template has is named by it whatever the report's template
    assert cell_name(CellRef("t2", "procurement", "count"), Wording("2021")).startswith("「政府集中采购」行")


def test_message_and_place_column_say_the_same_row_on_a_2019_report():
    """The bug: a 2019 report's 表二 row read 「行政规范性文件」 in the message and
    「规范性文件」 in the 位置 column."""
    html = SHANGHAI_2019.read_text(encoding="utf-8")
    cell = '<p>规范性文件</p></td><td nowrap="nowrap" style="width:149px;"><p align="center">60</p>'
    assert html.count(cell) == 1
    html = html.replace(cell, cell.replace(">60<", ">六十<"))
    result = check_bytes(html.encode("utf-8"), "shanghai_2019.html")
    assert result.template == "2019"
    record = result.to_dict()
    about = [f for f in record["findings"] if f["location"].get("row") == "normative_docs"]
    assert about
    for finding in about:
        assert "行政规范性文件" not in finding["message"], finding["message"]
        assert "「规范性文件」行" in finding["message"]
        assert place_text(finding["location"], wording_of(record)).startswith("表二「规范性文件」行「本年新制作数量」列")
    page = record_page(record_of(result))
    assert "行政规范性文件" not in page

