"""Extractors: HTML grids and decoding, text and Markdown tables, headings."""
from __future__ import annotations

from checker.check import check_bytes
from checker.document import Heading, Paragraph, Table
from checker.extract import document_from_bytes
from checker.extract.encoding import declared_charset, decode

from .conftest import SEED


def _tables(doc):
    return [b for b in doc.blocks if isinstance(b, Table)]


def test_html_spans_expand_to_a_full_grid_sharing_origins():
    html = """<table><tr><td rowspan=2 colspan=2>A</td><td>B</td></tr><tr><td>C</td></tr>
              <tr><td>1</td><td colspan=2>2</td></tr></table>"""
    table = _tables(document_from_bytes(f"<html><body>{html}</body></html>".encode(), "t.html"))[0]
    assert table.texts() == [["A", "A", "B"], ["A", "A", "C"], ["1", "2", "2"]]
    assert table.rows[1][1].origin == table.rows[0][0].origin == (0, 0)
    assert table.rows[2][2].origin == (2, 1)


def test_html_without_end_tags_upper_case_and_unquoted_attributes():
    html = "<HTML><BODY><TABLE><TR><TD COLSPAN=2>x<TR><TD>1<TD>2</TABLE></BODY></HTML>"
    assert _tables(document_from_bytes(html.encode(), "t.html"))[0].texts() == [["x", "x"], ["1", "2"]]


def test_html_cell_text_from_nested_tags_breaks_and_nbsp():
    html = "<table><tr><td><p><span>12</span></p></td><td>商业<br>企业</td><td>&nbsp;</td></tr></table>"
    assert _tables(document_from_bytes(f"<html><body>{html}</body></html>".encode(), "t.html"))[0].texts() == [
        ["12", "商业\n企业", ""]]


def test_html_br_separated_div_becomes_paragraphs():
    doc = document_from_bytes("<html><body><div>一、总体情况<br>正文第一段。<br><br>二、主动公开政府信息情况</div></body></html>".encode(), "t.html")
    assert [b.text for b in doc.blocks] == ["一、总体情况", "正文第一段。", "二、主动公开政府信息情况"]


def test_gbk_page_decodes_by_declared_charset_or_fallback():
    text = "<html><head><meta charset=gb2312></head><body><p>政府信息公开堃</p></body></html>"
    data = text.encode("gbk")  # 堃 is GBK but not GB2312: decode with the superset
    assert declared_charset(data) == "gb18030"
    assert "堃" in decode(data, "gb18030")
    assert decode(text.replace("charset=gb2312", "").encode("gbk")).count("政府信息公开") == 1
    assert decode("\ufeff政务".encode("utf-8")) == "政务"


def test_text_headings_tables_and_escapes():
    doc = document_from_bytes(SEED.read_bytes(), str(SEED))
    headings = [(b.text, b.level) for b in doc.blocks if isinstance(b, Heading)]
    assert headings[:3] == [("濮阳县庆祖镇人民政府 2024 年政府信息公开工作年度报告", 1), ("一、总体情况", 2), ("一、总体情况", 3)]
    assert any("围绕*镇中心工作" in b.text for b in doc.blocks if isinstance(b, Paragraph))  # \* unescaped
    tables = _tables(doc)
    assert [len(t.rows) for t in tables] == [14, 28, 4]
    assert not any(t.aligned for t in tables)
    assert tables[1].row_location(3).line == 49  # 一、本年新收… (the table starts at line 46)


def test_bare_numbered_line_is_a_heading():
    doc = document_from_bytes("某局2024年政府信息公开工作年度报告\n一、总体情况\n本年度，我局……。\n".encode(), "a.txt")
    assert isinstance(doc.blocks[1], Heading) and doc.blocks[1].level is None
    assert isinstance(doc.blocks[2], Paragraph)


def test_markdown_pipe_tables_read_like_tab_tables():
    """The seed with every tab table rewritten as a Markdown pipe table gives the same result."""
    lines = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        lines.append("| " + " | ".join(line.split("\t")) + " |" if "\t" in line else line)
    markdown = check_bytes("\n".join(lines).encode("utf-8"), "seed.md")
    text = check_bytes(SEED.read_bytes(), str(SEED))
    assert markdown.to_dict()["format"] == "markdown"
    assert markdown.tables == text.tables
    assert [f.rule for f in markdown.findings] == [f.rule for f in text.findings]


def test_traditional_page_is_simplified_before_matching():
    simplified = "<html><body><p>某区人民政府2022年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度共收到申请十件，已全部办结，无结转。</p></body></html>"
    import opencc
    traditional = opencc.OpenCC("s2t").convert(simplified)
    assert traditional != simplified
    result = check_bytes(traditional.encode("utf-8"), "t.html")
    assert result.title == "某区人民政府2022年政府信息公开工作年度报告"
    assert [s.heading for s in result.sections] == ["一、总体情况"]
