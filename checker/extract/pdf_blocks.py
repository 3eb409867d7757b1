"""Stage 5 of a PDF: the placed lines and tables -> headings, paragraphs and tables."""
from __future__ import annotations

import re
from collections import Counter

from ..chars import compact
from ..document import Block, Heading, Location, Paragraph, Table
from .pdf_lines import Line
from .pdf_settings import DEFAULT_PDF, PdfSettings

_HEADING_FONT = re.compile(r"黑体|楷体|Hei|Kai|SimHei|KaiTi|Bold|bold|小标宋|XBS|FZXBS|方正小标宋", re.I)
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)")
_SENTENCE_END = "。；;！？!?："


def margins(pages: list[list[Line]], s: PdfSettings = DEFAULT_PDF) -> tuple[float, float]:
    """The body's left margin (the commonest line start) and right margin (the commonest
    end among the lines reaching near the rightmost)."""
    body = [l for lines in pages for l in lines if l.x1 > l.x0]
    if not body:
        return 0.0, 0.0
    left = Counter(round(l.x0) for l in body).most_common(1)[0][0]
    right = max(l.x1 for l in body)
    right = Counter(round(l.x1) for l in body if l.x1 > right - s.right_margin_band).most_common(1)[0][0]
    return left, right


def _is_heading(line: Line, right_margin: float, s: PdfSettings) -> bool:
    text = line.text
    if len(compact(text)) > s.heading_max_chars or text.endswith(("。", "；")):
        return False
    if _HEADING_FONT.search(line.font):
        return True
    short = right_margin - line.x1 > s.heading_short
    return bool(_NUMBERED.match(text)) and short and "。" not in text


def _joins_with_space(before: str, after: str) -> bool:
    """Latin words wrapped over a line keep a space; Chinese text joins directly."""
    return before[-1:].isascii() and before[-1:].isalnum() and after[:1].isascii() and after[:1].isalnum()


def blocks_from_items(items: list[Line | Table], left: float, right: float, s: PdfSettings = DEFAULT_PDF) -> list[Block]:
    """Join visual lines into paragraphs: a new one starts after a heading or a
    table, at an indented line, or after a line that stops short of the margin."""
    blocks: list[Block] = []
    buffer: list[Line] = []

    def flush() -> None:
        if buffer:
            text = "".join(l.text if i == 0 or not _joins_with_space(buffer[i - 1].text, l.text) else " " + l.text
                           for i, l in enumerate(buffer))
            blocks.append(Paragraph(text, Location(page=buffer[0].page)))
            buffer.clear()

    for item in items:
        if isinstance(item, Table):
            flush()
            blocks.append(item)
            continue
        if _is_heading(item, right, s):
            flush()
            blocks.append(Heading(item.text, 1 if _HEADING_FONT.search(item.font) else None, Location(page=item.page)))
            continue
        indented = item.x0 - left > s.indent
        previous_short = bool(buffer) and right - buffer[-1].x1 > s.short_line
        ends_sentence = (bool(buffer) and buffer[-1].text.endswith(tuple(_SENTENCE_END))
                         and right - buffer[-1].x1 > s.sentence_short)
        if buffer and (indented or previous_short or ends_sentence):
            flush()
        buffer.append(item)
    flush()
    return blocks
