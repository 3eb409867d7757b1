"""Inputs a review found mis-read; each must now read right."""
from __future__ import annotations

from checker.check import check_bytes
from checker.dates import body_kind
from checker.document import Location
from checker.facts import body_from_title
from checker.prose import Sentence, statements_in

from .conftest import PINGTAN, SEED


def _html(body: str) -> bytes:
    return f"<html><body>{body}</body></html>".encode()


def test_overview_subheadings_in_standard_wording_are_not_sections():
    page = PINGTAN.read_text(encoding="utf-8").replace(
        "<span>（一）主动公开方面。</span>", "</p><p>（一）主动公开政府信息情况</p><p>")
    result = check_bytes(page.encode("utf-8"), "p.html")
    assert [s.heading for s in result.sections][:2] == ["一、总体情况", "二、主动公开政府信息情况"]
    assert not [f for f in result.findings if f.rule in ("STR002", "STR010")]


def test_tab_indented_paragraphs_and_tab_trailed_headings_are_text():
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("## 二、主动公开政府信息情况", "## 二、主动公开政府信息情况\t")
    text = text.replace("强化思想认识，提高政治站位。", "\t强化思想认识，提高政治站位。")
    result = check_bytes(text.encode("utf-8"), "seed.txt")
    assert [s.id for s in result.sections] == ["overview", "proactive", "requests", "appeals", "problems", "other"]
    assert len(result.tables["t3"]) == 25


def test_a_place_name_reports_for_its_government():
    assert body_kind("北京市") == body_kind("某某市某某区") == "government"
    assert body_kind("云江市生态环境局") == "department"
    assert body_from_title("中国人民银行政府信息公开工作2023年度报告") == "中国人民银行"
    assert body_from_title("关于云江市2024年政府信息公开工作年度报告") == "云江市"


def _statements(text: str):
    return [(s.quantity, s.number) for s in statements_in(Sentence(text, None, Location()), 2024)]


def test_counts_that_are_not_disclosure_requests_are_not_compared():
    assert _statements("全年答复网民留言320件。") == []
    assert _statements("收到行政复议申请2件。") == [("review", 2)]
    assert _statements("全年共受理政府信息公开申请15件。") == [("handled", 15)]


def test_negations_that_do_not_deny_requests():
    for sentence in ("公众无需申请即可查阅。", "对没有现成信息需要另行制作的申请，及时告知申请人。",
                     "2023年以来，本局持续推进政务公开。"):
        page = PINGTAN.read_text(encoding="utf-8").replace("全年办理政府信息公开申请218件。", f"全年办理政府信息公开申请218件。{sentence}")
        rules = [f.rule for f in check_bytes(page.encode("utf-8"), "p.html").findings]
        assert "CON006" not in rules and "CON002" not in rules, sentence


def test_breadcrumb_is_not_the_title():
    page = PINGTAN.read_text(encoding="utf-8").replace(
        '<div class="article_title">', '<div>首页 > 政府信息公开 > 政府信息公开年报</div><div class="article_title">')
    result = check_bytes(page.encode("utf-8"), "p.html")
    assert result.title == "平潭综合实验区2024年度政府信息公开工作年度报告" and result.year == 2024


def test_page_laid_out_in_a_table_is_read_as_text():
    page = PINGTAN.read_text(encoding="utf-8")
    head, rest = page.split('<div class="article_content">', 1)
    body, tail = rest.rsplit("</div>", 1)
    layout = head + '<table width="100%"><tr><td class="left">导航</td><td>' + body + "</td></tr></table>" + tail
    result = check_bytes(layout.encode("utf-8"), "layout.html")
    assert [s.id for s in result.sections] == ["overview", "proactive", "requests", "appeals", "problems", "other"]
    assert result.tables == check_bytes(PINGTAN.read_bytes(), "p.html").tables
