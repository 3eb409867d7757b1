"""Plain text and Markdown -> Document.

Headings are `#` lines of any level and bare numbered lines (一、… （一）…);
tables are runs of tab-separated lines or Markdown pipe tables. A crawler's capture
(`标题: …` lines above a `=== 正文 ===` rule) gives its header lines as metadata
(`capture:标题` …); the title and publication lines also stay as blocks, since they
are what the page printed.
"""
from __future__ import annotations

import re

from ..document import Block, Document, Heading, Location, Paragraph, Table, grid_from_texts

_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)")
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_SENTENCE_END = "。；;！？!?"
_CAPTURE_RULE = re.compile(r"^\s*={3,}\s*正文\s*={3,}\s*$")
_CAPTURE_FIELD = re.compile(r"^\s*([\u4e00-\u9fff]{2,6})\s*[:：]\s*(.*?)\s*$")
_CAPTURE_PRINTED = ("标题", "发布时间")   # header lines the page itself printed
MAX_CAPTURE_HEADER = 20                    # lines a crawler's header may take


def capture_header(lines: list[str]) -> tuple[dict[str, str], int] | None:
    """A crawler's header (`标题: …` … `=== 正文 ===`): its fields and the body's first line."""
    for i, line in enumerate(lines[:MAX_CAPTURE_HEADER]):
        if _CAPTURE_RULE.match(line):
            fields = {}
            for field_line in lines[:i]:
                m = _CAPTURE_FIELD.match(field_line)
                if m and m.group(2):
                    fields[f"capture:{m.group(1)}"] = m.group(2)
            return (fields, i + 1) if fields else None
    return None


def unescape(text: str) -> str:
    return _MARKDOWN_ESCAPE.sub(r"\1", text)


def _is_bare_heading(line: str) -> bool:
    """A short numbered line with no sentence punctuation: 一、总体情况."""
    stripped = line.strip()
    return bool(_NUMBERED.match(stripped)) and len(stripped) <= 40 and stripped[-1] not in _SENTENCE_END and "，" not in stripped


def _starts_table(lines: list[str], i: int) -> bool:
    """A run of tab lines is a table when one of them has two printed cells; tabs
    that only indent a paragraph or trail a heading do not make one."""
    while i < len(lines) and "\t" in lines[i]:
        if sum(1 for cell in lines[i].split("\t") if cell.strip()) >= 2:
            return True
        i += 1
    return False


def _pipe_cells(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [unescape(c.strip()) for c in re.split(r"(?<!\\)\|", body)]


def extract_text(text: str, *, markdown: bool = False) -> Document:
    lines = text.splitlines()
    blocks: list[Block] = []
    metadata: dict[str, str] = {}
    i = 0
    header = capture_header(lines)
    if header is not None:
        metadata, i = header
        for n, line in enumerate(lines[: i - 1]):
            if (m := _CAPTURE_FIELD.match(line)) and m.group(1) in _CAPTURE_PRINTED and m.group(2):
                blocks.append(Paragraph(line.strip(), Location(line=n + 1)))
    while i < len(lines):
        line = lines[i]
        lineno = i + 1
        if "\t" in line and _starts_table(lines, i):
            start = i
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append([unescape(c.strip()) for c in lines[i].split("\t")])
                i += 1
            # Tab-separated text loses merged cells: empty cells drift, so the
            # table is not positionally aligned.
            blocks.append(Table(grid_from_texts(rows), Location(line=start + 1),
                                [Location(line=n + 1) for n in range(start, i)], aligned=False))
            continue
        if line.lstrip().startswith("|") and line.count("|") >= 2:
            start = i
            rows, locs = [], []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                if not _PIPE_SEPARATOR.match(lines[i]):
                    rows.append(_pipe_cells(lines[i]))
                    locs.append(Location(line=i + 1))
                i += 1
            # Pipe tables cannot merge cells either: captured reports leave the same
            # drifting empty cells as tab-separated ones, even at constant width.
            blocks.append(Table(grid_from_texts(rows), Location(line=start + 1), locs, aligned=False))
            continue
        i += 1
        stripped = line.strip()
        if not stripped:
            continue
        atx = _ATX.match(stripped)
        if atx:
            blocks.append(Heading(unescape(atx.group(2)), len(atx.group(1)), Location(line=lineno)))
        elif _is_bare_heading(stripped):
            blocks.append(Heading(unescape(stripped), None, Location(line=lineno)))
        else:
            blocks.append(Paragraph(unescape(stripped), Location(line=lineno)))
    return Document(blocks, "markdown" if markdown else "text", metadata)
