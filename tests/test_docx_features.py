"""Word specifics: heading styles, merged cells, a table nested in a cell, text boxes."""
from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml

from checker.document import Heading, Paragraph, Table
from checker.extract import document_from_bytes

TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>'
    '<w:p><w:r><w:t>文本框中的说明文字</w:t></w:r></w:p>'
    '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>'
)


def _build() -> bytes:
    d = docx.Document()
    d.add_heading("某局2024年政府信息公开工作年度报告", level=1)
    d.add_heading("一、总体情况", level=2)
    body = d.add_paragraph("本年度工作情况如下。")
    body._p.append(parse_xml(TEXT_BOX))
    table = d.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "表头"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "合并"
    table.cell(1, 1).text, table.cell(1, 2).text = "1", "2"
    table.cell(2, 1).text, table.cell(2, 2).text = "3", "4"
    inner = table.cell(2, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "内", "嵌"
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_docx_headings_text_box_merged_and_nested_tables():
    doc = document_from_bytes(_build(), "draft.docx")
    assert doc.format == "docx"
    headings = [(b.text, b.level) for b in doc.blocks if isinstance(b, Heading)]
    assert headings == [("某局2024年政府信息公开工作年度报告", 1), ("一、总体情况", 2)]
    paragraphs = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert paragraphs == ["本年度工作情况如下。", "文本框中的说明文字"]   # the text box is not lost
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 2
    outer, inner = tables
    assert outer.texts() == [["表头", "表头", "表头"], ["合并", "1", "2"], ["合并", "3", "4"]]
    assert outer.rows[0][2].origin == outer.rows[0][0].origin        # gridSpan
    assert outer.rows[2][0].origin == outer.rows[1][0].origin        # vMerge continue
    assert inner.texts() == [["内", "嵌"]]
