"""Prose findings on a real report: what they say, where they point (section and
paragraph, item 10), and how the tables' blanks are read for them."""
from __future__ import annotations

from checker import check_file
from checker.chars import compact
from checker.check import check_bytes, check_document, record_of
from checker.document import Location
from checker.engine.computed import _count
from checker.extract import document_from_bytes
from checker.findings import CellRef
from checker.places import place_text, wording_of
from checker.prose import Sentence, statements_in
from checker.reporters import pages

from .conftest import SAMPLES, replace_cell

SHANGHAI = SAMPLES / "shanghai_bgt_2019.html"
HUAIAN = SAMPLES / "huaian_2024.pdf"
SENTENCE_13 = "信息公开类行政复议7件，诉讼9件，均获维持，继续保持了省级政府零败诉的记录，维护了市政府依法行政、公开透明的良好形象。"


def _prose(record: dict) -> list[tuple]:
    return [(f["rule"], f["severity"], f["location"], f.get("expected"), f.get("actual"))
            for f in record["findings"] if f["rule"] in ("CON004", "CON005", "CON006", "CON012", "CON013", "CON014", "CON015")]


def test_shanghai_prose_against_its_tables():
    """The paragraph (二)依申请公开方面 of section 一 (its 10th printed paragraph) says
    予以公开及部分公开258件, 无法提供265件, 复议7件、诉讼9件均获维持; the tables, read with
    blanks as 0 and blank 总计 as the row's sum, say 275, 337 and 5+2 / 8+1. Its other
    figures (受理859, 答复805, 结转18/72, 不予公开35, 不予处理158, 零败诉) agree."""
    record = check_file(SHANGHAI).to_dict()
    t3 = lambda row: {"table": "t3", "row": row, "column": "total"}  # noqa: E731
    t4 = lambda column: {"table": "t4", "column": column}  # noqa: E731
    here = {"section": "overview", "paragraph": 10}
    assert _prose(record) == [
        ("CON012", "warning", {**t3("result.granted"), **here, "cells": [t3("result.granted"), t3("result.partial")]}, 275, 258),
        ("CON012", "warning", {**t3("result.unable.not_held"), **here, "cells": [
            t3("result.unable.not_held"), t3("result.unable.needs_creation"), t3("result.unable.unclear")]}, 337, 265),
        ("CON013", "warning", {**t4("review.upheld"), **here, "cells": [t4("review.upheld"), t4("review.pending")]}, 5, 7),
        ("CON013", "warning", {**t4("litigation_direct.upheld"), **here,
                               "cells": [t4("litigation_direct.upheld"), t4("litigation_direct.pending")]}, 8, 9),
    ]
    messages = [f["message"] for f in record["findings"] if f["rule"] == "CON013"]
    assert messages == [f"正文说行政复议7件「均获维持」，表四行政复议结果维持5件、尚未审结2件：「{SENTENCE_13}」",
                        f"正文说行政诉讼9件「均获维持」，表四行政诉讼结果维持8件、尚未审结1件：「{SENTENCE_13}」"]


def test_count_reads_blanks_as_the_comparisons_do():
    facts = check_file(SHANGHAI).facts
    assert _count(facts, "t3", "result.granted", "total") == 258 + 12 + 1 + 1     # blank 总计: the row's sum
    assert _count(facts, "t3", "result.denied.law_forbidden", "total") == 0        # a blank row: 0
    assert _count(facts, "t3", "new", "total") == 859                             # printed
    assert _count(facts, "t4", "review", "corrected") == 0                         # blank: 0
    assert _count(facts, "t3", "result.other", "total") == 0                       # the 2019 row, printed blank
    document = facts.document
    source = facts.tables["t3"].cells[("result.granted", "commercial")].source
    slashed = check_document(replace_cell(document, source, "/"), "s.html").facts
    assert _count(slashed, "t3", "result.granted", "commercial") is None           # '/': not a number
    assert _count(slashed, "t3", "result.granted", "total") is None                # so neither is the sum it is in


def test_places_name_section_and_paragraph():
    record = check_file(SHANGHAI).to_dict()
    places = [place_text(f["location"], wording_of(record)) for f in record["findings"] if f["rule"] == "CON012"]
    assert places == ["表三「予以公开」行「总计」列 / 第一部分第10段", "表三「本机关不掌握相关政府信息」行「总计」列 / 第一部分第10段"]
    assert place_text({"section": "problems", "paragraph": 2}, wording_of(record)) == "第五部分第2段"
    assert place_text({"paragraph": 3}, wording_of(record)) == "开头第3段"
    assert place_text({"section": "problems"}, wording_of(record)) == "第五部分"


def test_pdf_place_has_paragraph_and_page():
    result = check_file(HUAIAN)
    document = result.facts.document
    source = result.facts.tables["t4"].cells[("review", "upheld")].source
    changed = check_document(replace_cell(document, source, "70"), "huaian.pdf").to_dict()
    finding = next(f for f in changed["findings"] if f["rule"] == "CON013")
    assert place_text(finding["location"], wording_of(changed)) == "表四「行政复议·结果维持」 / 第一部分第3段 / 第2页"


def test_html_page_links_a_finding_to_its_quoted_paragraph():
    page = pages.record_page(record_of(check_file(SHANGHAI)))
    assert ('<a href="#cell-t3.result.granted.total">表三「予以公开」行「总计」列</a> / '
            '<a href="#para-overview-10">第一部分第10段</a>') in page
    quoted = page[page.index('<tr id="para-overview-10">'):]
    assert quoted.startswith('<tr id="para-overview-10"><td>第一部分第10段</td><td>予以公开及部分公开258件，占33.9%；<br>')
    assert page.count('id="para-') == 1


def test_paragraph_moves_but_fingerprint_stays():
    """A paragraph added above shifts the paragraph number, as a re-exported file shifts
    pages: the reviewed finding keeps its fingerprint (rule, body, year, cell, section)."""
    page = SHANGHAI.read_text(encoding="utf-8")
    before = [(f["location"]["paragraph"], f["fingerprint"]) for f in check_file(SHANGHAI).to_dict()["findings"]
              if f["rule"] == "CON013"]
    marker = "（二）依申请公开方面"
    assert page.count(marker) == 1
    edited = page.replace(marker, "另起一段说明。</p><p>" + marker)
    after = [(f["location"]["paragraph"], f["fingerprint"]) for f in check_bytes(edited.encode("utf-8"), str(SHANGHAI)).to_dict()["findings"]
             if f["rule"] == "CON013"]
    assert [p for p, _ in before] == [10, 10] and [p for p, _ in after] == [11, 11]
    assert [fp for _, fp in before] == [fp for _, fp in after]


def test_pdf_printed_lines_make_the_html_paragraphs():
    """Chromium's Noto PDF gives one block per printed line: joined again, its sentences
    and their paragraphs are the HTML's."""
    def stated(path):
        facts = check_file(path).facts
        return [(s.quantity, s.number, s.sentence.section, s.sentence.paragraph, compact(s.sentence.text))
                for s in facts.statements]
    html = stated(SAMPLES / "html" / "county_2024_errors.html")
    assert html == stated(SAMPLES / "pdf" / "county_2024_errors.noto.pdf")
    assert ("received", 201, "overview", 6) in [t[:4] for t in html]


def test_numbers_about_another_year_run_to_the_end_of_the_sentence():
    def stated(text):
        return [(s.quantity, s.number) for s in statements_in(Sentence(text, None, Location()), 2024)]
    assert stated("2023年予以公开60件，不予公开12件。") == []
    assert stated("上年度共收到申请80件，办结申请78件，本年度收到申请75件。") == [("received", 75)]
    assert stated("2024年收到申请75件，较2023年增加3件。") == [("received", 75)]
    assert stated("全年共收到依申请公开信息12条。") == []
    assert stated("全年共收到政府信息公开申请0条。") == [("received", 0)]


def test_prose_location_survives_json_and_document_model():
    document = document_from_bytes(SHANGHAI.read_bytes(), str(SHANGHAI))
    finding = next(f for f in check_document(document, "s.html").findings if f.rule == "CON012")
    assert (finding.location.section, finding.location.paragraph, finding.location.cell) == (
        "overview", 10, CellRef("t3", "result.granted", "total"))


def test_a_sentence_before_section_one_is_placed_in_the_opening():
    """Title, 发布日期 and the opening paragraph come before 一、总体情况: 开头第3段."""
    page = SHANGHAI.read_text(encoding="utf-8").replace("统计期限从2019年1月1日", "统计期限从2018年1月1日")
    record = check_bytes(page.encode("utf-8"), str(SHANGHAI)).to_dict()
    finding = next(f for f in record["findings"] if f["rule"] == "CON003")
    assert finding["location"] == {"paragraph": 3}
    assert place_text(finding["location"], wording_of(record)) == "开头第3段"
