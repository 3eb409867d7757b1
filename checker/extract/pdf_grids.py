"""Stage 3 of a PDF: the table grids printed on one page, as Fragments.

A page here is anything with pdfplumber's `edges`, `chars`, `bbox` and `height`: a
pdfplumber page filtered by `drawn`, or the PDFium-built one of `pdfium_objects`. Both
go through pdfplumber's own table finder (`TableFinder`), so the grids are pdfplumber's.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..chars import compact, fix_radicals
from .pdf_settings import DEFAULT_PDF, PdfSettings

CellBox = tuple[float, float, float, float, str]   # x0, top, x1, bottom, text
Row = list[CellBox]                                 # one grid row's printed cells


@dataclass(slots=True)
class Fragment:
    """A table as printed on one page (or several, once stitched): its cells'
    boxes and texts, in points, y growing down the document."""

    cells: list[CellBox]
    page: int              # first page
    last_page: int
    x0: float
    x1: float
    top: float             # on its first page
    bottom: float          # on its last page
    page_height: float


def cluster(values: list[float], tolerance: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def column_edges(cells: list[CellBox], settings: PdfSettings = DEFAULT_PDF) -> list[float]:
    # Fragments of one table on two pages can be drawn a few points apart; no real
    # column is that narrow, so column edges snap with a wider tolerance than rows.
    return cluster([c[0] for c in cells] + [c[2] for c in cells], settings.column_snap)


def is_white(colour: object, settings: PdfSettings = DEFAULT_PDF) -> bool:
    """Gray 1, RGB (1, 1, 1) or CMYK (0, 0, 0, 0): the colour of the paper."""
    values = (colour,) if isinstance(colour, (int, float)) else colour
    if not isinstance(values, (tuple, list)) or not all(isinstance(v, (int, float)) for v in values):
        return False  # a pattern or an unknown colour space: take it as visible
    if len(values) in (1, 3):
        return all(v >= settings.white for v in values)
    return len(values) == 4 and all(v <= 1 - settings.white for v in values)


def drawn(obj: dict) -> bool:
    """False for a rect that leaves no mark: WPS paints a white, unstroked strip
    behind every text line, and stacked strips look like a one-column table
    glued to the real grid below them."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    return bool(obj.get("fill")) and not is_white(obj.get("non_stroking_color"))


def _verticals(page) -> list[dict]:
    return [e for e in page.edges if e["orientation"] == "v"]


def _open_edges(page, bbox: tuple[float, float, float, float], s: PdfSettings) -> list[float]:
    """Where a table's vertical rules run past its top or bottom: a row cut by a
    page break often has no border on the cut side, so its cells never close."""
    x0, top, x1, bottom = bbox
    verticals = [e for e in _verticals(page) if x0 - s.rule_reach <= e["x0"] <= x1 + s.rule_reach]
    above = [e["top"] for e in verticals if e["top"] < top - s.open_overshoot <= e["bottom"]]
    below = [e["bottom"] for e in verticals if e["top"] <= bottom + s.open_overshoot < e["bottom"]]
    return ([min(above)] if len(above) >= s.open_rules else []) + ([max(below)] if len(below) >= s.open_rules else [])


def _cut_side(page, bbox: tuple[float, float, float, float], s: PdfSettings) -> list[float]:
    """A merged label column cut at a page break (三、本年度办理结果 over 22 rows) may be
    left without its rule on the cut side, and then falls out of the table: where a
    rule runs down most of the table's side, close the table's top and bottom."""
    x0, top, x1, bottom = bbox
    covered: Counter[int] = Counter()
    for e in _verticals(page):
        x = e["x0"]
        beside = x0 - s.side_column < x < x0 - s.rule_reach or x1 + s.rule_reach < x < x1 + s.side_column
        if beside and e["top"] >= top - s.open_overshoot and e["bottom"] <= bottom + s.open_overshoot:
            covered[round(x)] += e["bottom"] - e["top"]
    return [top, bottom] if any(length > s.side_cover * (bottom - top) for length in covered.values()) else []


def _open_top(page, found: list[Any], s: PdfSettings) -> list[float]:
    """On a page that may carry on a table from the page before: where vertical rules
    start above every table found. A row there lost its upper rule at the break (a
    one-row remnant then forms no cell at all)."""
    tops = [t.bbox[1] for t in found]
    starts = Counter(round(e["top"]) for e in _verticals(page) if all(e["top"] < top - s.open_overshoot for top in tops))
    shared = [y for y, n in starts.items() if n >= s.open_rules]
    return [float(min(shared))] if shared else []


def _is_prose_row(row: Row, x0: float, x1: float, s: PdfSettings) -> bool:
    """One cell across the whole grid holding prose, a heading or nothing: text
    printed above or below the table and caught by its rules. A 表二 block
    caption (第二十条第（一）项) is the table's own and stays."""
    if len(row) != 1:
        return False
    left, _, right, _, text = row[0]
    return left - x0 < s.prose_row_margin and x1 - right < s.prose_row_margin and "第二十条" not in compact(text)


def _trim_prose_rows(rows: list[Row], x0: float, x1: float, s: PdfSettings) -> list[Row]:
    while rows and _is_prose_row(rows[0], x0, x1, s):
        rows = rows[1:]
    while rows and _is_prose_row(rows[-1], x0, x1, s):
        rows = rows[:-1]
    return rows


@dataclass(frozen=True, slots=True)
class _CharsOnly:
    """All that pdfplumber's Table.extract reads of a page: its chars."""

    chars: list[dict[str, Any]]


def _cell_texts(table, s: PdfSettings) -> list[list[str | None]]:
    """pdfplumber's Table.extract given only the chars inside the table's box: it tests
    every char of its page against every row, and no char outside the box is in a row
    (the same texts, in the same order, for a table's worth of work)."""
    from pdfplumber.table import Table as PlumberTable

    x0, top, x1, bottom = table.bbox
    inside = [c for c in table.page.chars
              if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom]
    return PlumberTable(_CharsOnly(inside), table.cells).extract(**s.text_settings())  # type: ignore[arg-type]


def _fragment(table, page_number: int, page_height: float, s: PdfSettings) -> Fragment | None:
    """One pdfplumber table as a Fragment, rows of prose at its ends left to the text."""
    rows = [[(b[0], b[1], b[2], b[3], fix_radicals(t or "")) for b, t in zip(row.cells, texts) if b is not None]
            for row, texts in zip(table.rows, _cell_texts(table, s))]
    x0, _, x1, _ = table.bbox
    rows = _trim_prose_rows(rows, x0, x1, s)
    cells = [c for row in rows for c in row]
    if len(column_edges(cells, s)) <= 2:
        return None  # WPS text frames come out as one-column "tables": they are text
    offset = (page_number - 1) * s.page_stride
    top, bottom = min(c[1] for c in cells), max(c[3] for c in cells)
    cells = [(a, t + offset, b, u + offset, text) for a, t, b, u, text in cells]
    return Fragment(cells, page_number, page_number, min(c[0] for c in cells), max(c[2] for c in cells),
                    top, bottom, page_height)


def find_tables(page, settings: dict[str, Any]) -> list[Any]:
    """pdfplumber's table finder on any page-like object (pdfplumber is imported here only)."""
    from pdfplumber.table import TableFinder

    return TableFinder(page, settings).tables


def page_fragments(page, page_number: int, continued: bool = False, s: PdfSettings = DEFAULT_PDF) -> list[Fragment]:
    """The grids of a page whose edges are those `drawn` keeps. `continued`: a table of the
    page before may go on here (its first row may have lost its upper rule)."""
    found = find_tables(page, s.table_settings())
    extra = [y for t in found for y in _open_edges(page, t.bbox, s) + _cut_side(page, t.bbox, s)]
    if continued:
        extra += _open_top(page, found, s)
    if extra:
        found = find_tables(page, s.table_settings(extra))
    fragments = (_fragment(table, page_number, page.height, s) for table in found)
    return [f for f in fragments if f is not None]
