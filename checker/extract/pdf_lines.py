"""Stages 1 and 2 of a PDF: each page's text lines (pypdfium2), and the page furniture
(page numbers, running headers and footers) taken out of them."""
from __future__ import annotations

import ctypes
import re
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from ..chars import compact, fix_radicals
from .pdf_settings import DEFAULT_PDF, PdfSettings

_PAGE_NUMBER = re.compile(r"^[-—–－~\s]*(第\s*)?\d{1,4}\s*(页|/\s*\d{1,4})?(\s*共\s*\d+\s*页)?[-—–－~\s]*$")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    font: str


def _font_of(textpage, index: int) -> str:
    import pypdfium2.raw as raw

    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    raw.FPDFText_GetFontInfo(textpage.raw, index, buffer, 128, ctypes.byref(flags))
    return buffer.value.decode("utf-8", "replace")


def page_lines(page, page_number: int) -> list[Line]:
    """Text lines of a page in pdfium's reading order, with their boxes and first font."""
    textpage = page.get_textpage()
    height = page.get_height()
    count = textpage.count_chars()
    text = textpage.get_text_range() if count else ""
    lines: list[Line] = []
    position = 0
    # pdfium's text has one position per character (its line breaks are generated characters).
    aligned = len(text) == count
    for raw_line in text.split("\r\n"):
        start = position
        position += len(raw_line) + 2
        stripped = raw_line.strip()
        if not stripped:
            continue
        if not aligned:
            lines.append(Line(fix_radicals(stripped), page_number, 0.0, 0.0, 0.0, 0.0, ""))
            continue
        indexes = [start + k for k, ch in enumerate(raw_line) if not ch.isspace()]
        left, bottom, _, top = textpage.get_charbox(indexes[0])
        _, _, right, _ = textpage.get_charbox(indexes[-1])
        boxes = [textpage.get_charbox(i) for i in (indexes[0], indexes[len(indexes) // 2], indexes[-1])]
        top = max(b[3] for b in boxes)
        bottom = min(b[1] for b in boxes)
        lines.append(Line(fix_radicals(stripped), page_number, left, right, height - top, height - bottom,
                          _font_of(textpage, indexes[0])))
    textpage.close()
    return lines


def in_margin(line: Line, height: float, settings: PdfSettings = DEFAULT_PDF) -> bool:
    """Printed where no body text goes: a browser's header and footer sit in the
    outer 0.4 inch of the paper."""
    return line.bottom < settings.margin_band or line.top > height - settings.margin_band


def _edge_counts(pages: list[list[Line]], key: Callable[[Line], Hashable]) -> Counter:
    """On how many pages each key occurs among the first and last two lines."""
    counts: Counter = Counter()
    for lines in pages:
        counts.update({key(l) for l in lines[:2] + lines[-2:]})
    return counts


def _repeated_lines(pages: list[list[Line]], settings: PdfSettings) -> set[str]:
    """Lines printed at the top or bottom of most pages: running headers and footers."""
    least = settings.repeated_min_pages
    if len(pages) < least:
        return set()
    counts = _edge_counts(pages, lambda l: compact(l.text))
    return {text for text, n in counts.items()
            if n >= max(least, len(pages) * settings.furniture_share) and len(text) < settings.repeated_max_chars}


def _running_key(line: Line) -> tuple[str, float]:
    """A line's text with its numbers masked, and its height on the page: a browser's
    header (print date, page title) and footer (URL, 2/5) differ only in numbers."""
    return _DIGITS.sub("#", compact(line.text)), round(line.top)


def _running_lines(pages: list[list[Line]], settings: PdfSettings) -> set[tuple[str, float]]:
    """Lines at the same height on nearly every page, equal but for their numbers."""
    least = settings.running_min_pages
    if len(pages) < least:
        return set()
    counts = _edge_counts(pages, lambda l: _running_key(l) if l.x1 > l.x0 else None)  # no box, no height
    return {key for key, n in counts.items()
            if key is not None and n >= max(least, len(pages) * settings.furniture_share)}


def without_furniture(pages: list[list[Line]], settings: PdfSettings = DEFAULT_PDF) -> list[list[Line]]:
    """Each page's lines less page numbers (-3-, 第3页, 3/6) and running headers or footers."""
    repeated, running = _repeated_lines(pages, settings), _running_lines(pages, settings)

    def furniture(line: Line) -> bool:
        key = compact(line.text)
        return bool(_PAGE_NUMBER.match(key)) or key in repeated or _running_key(line) in running

    return [[l for l in lines if not furniture(l)] for lines in pages]
