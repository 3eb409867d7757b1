"""Auditor outputs (CSV, xlsx, HTML pages) written from real result records."""
from __future__ import annotations

import csv
import os
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from checker.check import check_file
from checker.record import Record, finding_from_dict
from checker.reporters import pages, sheets
from checker.reporters.words import severity_name

from .conftest import ROOT, SAMPLES, load_json

COUNTY = SAMPLES / "html" / "county_2024_errors.html"
SAMPLE_FILES = [COUNTY, SAMPLES / "qingzu_2024.txt", SAMPLES / "huaian_2024.pdf",
                SAMPLES / "html" / "city_dept_2020_template2019.html"]
FAILURE = {"file": "x.pdf", "status": "unreadable", "error": "x.pdf：文件已损坏或不完整，无法打开。",
           "findings": [], "summary": {"error": 0, "warning": 0, "info": 0}}


@pytest.fixture(scope="module")
def checked() -> list[dict]:
    # Relative paths, as a batch run from the repository names them.
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        out = [check_file(str(path.relative_to(ROOT))).to_dict() for path in SAMPLE_FILES]
    finally:
        os.chdir(here)
    for record in out:
        record["status"] = "ok"
    return out


@pytest.fixture
def records(checked) -> list[dict]:
    county = dict(checked[0], baselined=2,
                  cross_year={"paired_with": "samples/html/county_2023.html", "last_year": 2023,
                              "overlap": {"document": 0.71, "problems": None}})
    return [county, *checked[1:], dict(FAILURE)]


def typed(records: list[dict]) -> list[Record]:
    """The writers take typed records: these, read back through the one serialiser."""
    return [Record.from_dict(r) for r in records]


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# -- CSV ----------------------------------------------------------------------------------------
def test_csv_files_carry_a_bom_and_one_header_row(records, tmp_path):
    paths = sheets.write_csv(typed(records), tmp_path)
    assert paths == [tmp_path / "reports.csv", tmp_path / "findings.csv"]
    for path in paths:
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        assert b"None" not in raw
    header = (tmp_path / "reports.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",") == sheets.REPORT_HEADER
    assert header.startswith("文件,格式,机关,年度")


def test_reports_csv_has_one_row_per_record_with_the_summary_counts(records, tmp_path):
    sheets.write_csv(typed(records), tmp_path)
    rows = read_csv(tmp_path / "reports.csv")
    assert [r["文件"] for r in rows] == [r["file"] for r in records]
    for row, record in zip(rows, records):
        assert row["错误数"] == str(record["summary"]["error"])
        assert row["警告数"] == str(record["summary"]["warning"])
        assert row["提示数"] == str(record["summary"]["info"])
    county, qingzu, *_, failure = rows
    assert (county["机关"], county["年度"], county["模板"], county["状态"]) == \
        ("青岚县人民政府", "2024", "2021", "已检查")
    assert (county["错误数"], county["警告数"]) == ("6", "4")
    assert county["已审阅未显示"] == "2"
    assert county["上年报告"] == "samples/html/county_2023.html"
    assert (county["全文重合率"], county["第五部分重合率"]) == ("0.71", "")
    assert qingzu["已审阅未显示"] == "" and qingzu["说明"] == ""
    assert failure["状态"] == "无法读取"
    assert failure["说明"] == FAILURE["error"]
    assert failure["机关"] == failure["年度"] == ""


def test_findings_csv_has_every_finding_with_its_cell(records, tmp_path):
    sheets.write_csv(typed(records), tmp_path)
    rows = read_csv(tmp_path / "findings.csv")
    assert len(rows) == sum(len(r["findings"]) for r in records) == 10 + 3 + 1
    county = [r for r in rows if r["文件"] == "samples/html/county_2024_errors.html"]
    key = lambda r: (r["规则"], r["级别"], r["表"], r["行"], r["列"],
                     r["应为"], r["实为"])
    got = [key(r) for r in county]
    # The cell the sample misprints (truth: 予以公开·自然人 64, should be 62).
    assert ("ARI005", "警告", "表三", "予以公开", "自然人", "62", "64") in got
    assert ("ARI001", "错误", "表三", "予以公开", "总计", "76", "74") in got
    # 表四's JSON names a cell by its column ("review.total"): the sheet shows its row and column.
    assert ("ARI004", "错误", "表四", "行政复议", "总计", "6", "7") in got
    assert ("VAL002", "警告", "表三", "保护第三方合法权益", "法律服务机构", "", "／") in got
    # Every reviewed finding of the sample is there.
    county_record = typed(records[:1])[0]
    for f in load_json(SAMPLES / "html" / "county_2024_errors.findings.json")["findings"]:
        place = sheets._place(county_record, finding_from_dict({"category": "value", "message": "", **f}))
        want = (f["rule"], severity_name(f["severity"]), *(place[k] or "" for k in ("table", "row", "column")),
                str(f.get("expected", "")), str(f.get("actual", "")))
        assert want in got, want
    structure = next(r for r in county if r["规则"] == "STR004")
    assert (structure["章节"], structure["表"], structure["原文"]) == \
        ("第五部分", "", "五、存在的主要问题及改进情况")
    assert all(r["指纹"] and r["机关"] == "青岚县人民政府" and r["年度"] == "2024" for r in county)
    huaian = [r for r in rows if r["文件"] == "samples/huaian_2024.pdf"]
    assert [(r["规则"], r["章节"], r["页"], r["行号"]) for r in huaian] == \
        [("CON010", "第五部分", "5", "")]
    qingzu = [r for r in rows if r["文件"] == "samples/qingzu_2024.txt"]
    assert [(r["规则"], r["行号"]) for r in qingzu] == [("STR012", "5"), ("CON010", "82"), ("CON007", "96")]


def test_csv_text_that_looks_like_a_formula_is_kept_as_text(tmp_path):
    record = {"file": "=cmd.html", "summary": {"error": 1, "warning": 0, "info": 0},
              "findings": [{"rule": "VAL002", "category": "value", "severity": "error", "message": "m", "location": {},
                            "actual": "-", "evidence": "=1+2", "expected": -3}]}
    sheets.write_csv(typed([record]), tmp_path)
    row = read_csv(tmp_path / "findings.csv")[0]
    assert (row["文件"], row["原文"], row["实为"], row["应为"]) == \
        ("'=cmd.html", "'=1+2", "-", "-3")


# -- xlsx ---------------------------------------------------------------------------------------
def test_xlsx_has_two_sheets_with_header_filter_and_numbers(records, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = sheets.write_xlsx(typed(records), tmp_path / "out" / "检查结果.xlsx")
    assert path == tmp_path / "out" / "检查结果.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["报告", "问题"]
    reports, problems = book["报告"], book["问题"]
    assert [c.value for c in reports[1]] == sheets.REPORT_HEADER
    assert [c.value for c in problems[1]] == sheets.FINDING_HEADER
    assert reports.auto_filter.ref == f"A1:N{len(records) + 1}"
    assert problems.auto_filter.ref == "A1:R15"
    assert reports.freeze_panes == problems.freeze_panes == "A2"
    assert all(c.font.bold for c in reports[1])
    county = [c.value for c in reports[2]]
    assert county[:9] == ["samples/html/county_2024_errors.html", "HTML", "青岚县人民政府", 2024, "2021", "已检查", 6, 4, 0]
    assert county[9:13] == [2, "samples/html/county_2023.html", 0.71, None]
    assert reports.cell(2, 12).number_format == "0%"
    failure = [c.value for c in reports[len(records) + 1]]
    assert (failure[5], failure[13], failure[2]) == ("无法读取", FAILURE["error"], None)
    rows = [[c for c in row] for row in problems.iter_rows(min_row=2)]
    granted = next(r for r in rows if r[3].value == "ARI005" and r[8].value == "予以公开")
    assert [c.value for c in granted[7:10]] == ["表三", "予以公开", "自然人"]
    assert (granted[13].value, granted[14].value) == (62, 64)
    assert isinstance(granted[13].value, int) and isinstance(granted[2].value, int)
    error = next(r for r in rows if r[5].value == "错误")
    assert error[5].fill.fgColor.rgb.endswith("FFC7CE")
    assert granted[5].fill.fgColor.rgb.endswith("FFEB9C")
    assert reports.column_dimensions["A"].width > reports.column_dimensions["D"].width


def test_xlsx_keeps_formula_like_text_as_text(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    record = {"file": "a.html", "summary": {}, "findings": [
        {"rule": "VAL002", "category": "value", "severity": "warning", "message": "m", "location": {},
         "evidence": "=SUM(A1)\x07"}]}
    book = openpyxl.load_workbook(sheets.write_xlsx(typed([record]), tmp_path / "a.xlsx"))
    cell = book["问题"].cell(2, 16)
    assert (cell.value, cell.data_type) == ("=SUM(A1)", "s")


def test_xlsx_without_openpyxl_says_how_to_install_it(records, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now raises ImportError
    with pytest.raises(sheets.MissingDependency, match="pip install openpyxl"):
        sheets.write_xlsx(typed(records), tmp_path / "a.xlsx")
    assert not (tmp_path / "a.xlsx").exists()


# -- HTML ---------------------------------------------------------------------------------------
class Page(HTMLParser):
    """Ids with their attributes and text, every href, and tags that would load something."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.ids: dict[str, dict] = {}
        self.hrefs: list[str] = []
        self.loads: list[str] = []
        self.rows: list[list[str]] = []  # text of each <tr> of the index's body
        self._open: list[dict] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag in ("link", "img", "iframe") or (tag == "script" and "src" in attrs):
            self.loads.append(tag)
        if tag == "tr":
            self.rows.append([])
        if "id" in attrs:
            entry = {"tag": tag, "attrs": attrs, "text": ""}
            self.ids[attrs["id"]] = entry
            self._open.append(entry)
        elif tag in ("td", "th"):
            self._open.append({"tag": tag, "text": ""})

    def handle_endtag(self, tag):
        if self._open and self._open[-1]["tag"] == tag:
            done = self._open.pop()
            if tag in ("td", "th") and self.rows:
                self.rows[-1].append(done["text"].strip())

    def handle_data(self, data):
        for entry in self._open:
            entry["text"] += data


def write_pages(records, folder) -> tuple[Path, dict[str, Page]]:
    index = pages.write_html(typed(records), folder)
    return index, {r["file"]: Page((folder / pages.page_name(r)).read_text(encoding="utf-8")) for r in records}


def test_report_page_highlights_the_misprinted_cell_and_links_to_it(records, tmp_path):
    _, parsed = write_pages(records, tmp_path)
    page = parsed["samples/html/county_2024_errors.html"]
    truth = load_json(SAMPLES / "html" / "county_2024_errors.truth.json")["tables"]
    cell = page.ids["cell-t3.result.granted.natural"]
    assert cell["tag"] == "td"
    assert {"sev-error", "own"} <= set(cell["attrs"]["class"].split())
    assert cell["text"].split()[0] == str(truth["t3"]["result.granted"]["natural"]) == "64"
    assert "表三「予以公开」行「自然人」列应为62（印为64）" in cell["attrs"]["title"]
    assert "#cell-t3.result.granted.natural" in page.hrefs
    # Every link of the finding list lands on an anchor of the page.
    for href in page.hrefs:
        if href.startswith("#"):
            assert href[1:] in page.ids, href
    # The "／" cell is null in the record: shown as such, amber, with the finding as tooltip.
    slash = page.ids["cell-t3.result.denied.third_party.legal"]
    assert slash["text"].split()[0] == pages.NULL_TEXT
    assert "sev-warning" in slash["attrs"]["class"].split()
    assert "写作「／」" in slash["attrs"]["title"]
    blank_t4 = page.ids["cell-t4.litigation_direct.pending"]
    assert blank_t4["text"].split()[0] == pages.NULL_TEXT
    assert page.ids["cell-t4.review.total"]["text"].split()[0] == str(truth["t4"]["review.total"])
    # A cell no finding names: plain.
    plain = page.ids["cell-t3.new.natural"]
    assert plain["attrs"]["class"] == "num" and "title" not in plain["attrs"]
    assert plain["text"] == str(truth["t3"]["new"]["natural"])
    assert page.ids["cell-t2.fees.amount"]["text"] == str(truth["t2"]["fees"]["amount"])
    assert page.loads == []


def test_report_page_prints_locations_labels_and_metadata(records, tmp_path):
    write_pages(records, tmp_path)
    county = (tmp_path / pages.page_name(records[0])).read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in county and "<style>" in county
    assert ">表三「予以公开」行「自然人」列</a>" in county
    assert ">表四「行政诉讼·未经复议直接起诉·尚未审结」</a>" in county
    assert '<a href="#section-problems">第五部分</a>' in county
    assert "另有 2 项已审阅的问题未显示" in county and "全文 71%，第五部分 未知" in county
    assert "<title>青岚县人民政府2024年政府信息公开工作年度报告</title>" in county
    huaian = (tmp_path / pages.page_name(records[2])).read_text(encoding="utf-8")
    assert "第五部分 / 第5页" in huaian
    qingzu = (tmp_path / pages.page_name(records[1])).read_text(encoding="utf-8")
    assert "第一部分 / 第5行" in qingzu
    old = Page((tmp_path / pages.page_name(records[3])).read_text(encoding="utf-8"))
    # Template 2019: its own 表二 columns and the single （六）其他处理 row, before 总计.
    labels = [row[0] for row in old.rows if row]
    assert "其他处理" in labels and labels.index("其他处理") < labels.index("办理结果总计")
    assert "其他处理·其他" not in labels
    assert ["", "本年新制作数量", "本年新公开数量", "对外公开总数量"] in old.rows
    assert old.ids["cell-t2.procurement.amount"]["text"] == "386.52"


def test_index_lists_every_record_and_links_to_pages_on_disk(records, tmp_path):
    index, _ = write_pages(records, tmp_path)
    assert index == tmp_path / "index.html"
    page = Page(index.read_text(encoding="utf-8"))
    links = page.hrefs
    assert len(links) == len(records)
    for href in links:
        assert (tmp_path / unquote(href)).is_file()
    body_rows = page.rows[1:]
    assert sorted(r[0] for r in body_rows) == sorted(r["file"] for r in records)
    # Most errors first; the failure record right after (0 errors but not checked).
    assert body_rows[0] == ["samples/html/county_2024_errors.html", "青岚县人民政府", "2024", "2021", "已检查", "6", "4"]
    assert body_rows[1] == ["x.pdf", "", "", "", "无法读取", "0", "0"]
    assert page.loads == []
    failure = (tmp_path / pages.page_name(FAILURE)).read_text(encoding="utf-8")
    assert FAILURE["error"] in failure and "无法读取" in failure and 'href="index.html"' in failure


def test_pages_escape_text_from_the_document(tmp_path):
    record = {"file": 'd/"<b>&.html', "status": "ok", "title": "<script>alert(1)</script>", "body": "A&B",
              "year": 2024, "template": "2021", "summary": {"error": 1, "warning": 0, "info": 0},
              "tables": {"t3": {"new": {"natural": None}}},
              "findings": [{"rule": "VAL001", "category": "value", "severity": "error", "message": '"><img src=x>',
                            "location": {"table": "t3", "row": "new", "column": "natural"}}]}
    pages.write_html(typed([record]), tmp_path)
    name = pages.page_name(record)
    assert name.endswith(".html") and "/" not in name and '"' not in name and "<" not in name
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert "<script>alert" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "A&amp;B" in text
    page = Page(text)
    assert page.ids["cell-t3.new.natural"]["attrs"]["title"] == '"><img src=x>'
    assert "sev-error" in page.ids["cell-t3.new.natural"]["attrs"]["class"]
    assert page.ids["cell-t3.new.natural"]["text"].split()[0] == pages.NULL_TEXT
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in index and Page(index).hrefs and (tmp_path / unquote(Page(index).hrefs[0])).is_file()


def test_page_names_are_safe_and_distinct_per_path():
    a = pages.page_name({"file": "2024/青岚县 年报.pdf"})
    b = pages.page_name({"file": "2023/青岚县 年报.pdf"})
    assert a != b and a.startswith("青岚县_年报-") and len(a) == len("青岚县_年报-") + 8 + len(".html")
