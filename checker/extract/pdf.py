"""PDF -> Document. The only module that imports a PDF library.

Two passes: pypdfium2 (about 2 ms a page) reads every page's text, line boxes
and fonts, the metadata, and whether there is a text layer at all; pdfplumber
(about 50 ms a page) finds table grids, and only on the pages whose text names
a standard table and the page after each (a table continues there).
"""
from __future__ import annotations

import ctypes
import logging
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from ..chars import compact, fix_radicals, looks_traditional, simplify
from ..document import Block, Cell, Document, Heading, Location, Paragraph, Table
from ..errors import BrokenFile, EncryptedPdf, PdfTablesUnreadable, ScannedPdf, TooLarge
from ..settings import DEFAULT_LIMITS, Limits
from ..words import Words
from .bounds import refuse_long_text

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # a FontBBox warning per glyph on Type3 fonts

BROKEN_STRUCTURE = Words("PDF 结构损坏", "broken PDF structure")
NO_PAGES = Words("没有页面", "no pages")
PAGES_OVER = Words("{pages} 页 > {limit}", "{pages} pages > {limit}")

CONTINUES_NEAR_BOTTOM = 110.0   # a table ending this close to the page's foot may go on overleaf
MARGIN_BAND = 27.0              # points from the paper's top or bottom edge: header and footer only
_PAGE_NUMBER = re.compile(r"^[-—–－~\s]*(第\s*)?\d{1,4}\s*(页|/\s*\d{1,4})?(\s*共\s*\d+\s*页)?[-—–－~\s]*$")
_HEADING_FONT = re.compile(r"黑体|楷体|Hei|Kai|SimHei|KaiTi|Bold|bold|小标宋|XBS|FZXBS|方正小标宋", re.I)
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)")
_SENTENCE_END = "。；;！？!?："


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


def _page_lines(page, page_number: int) -> list[Line]:
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


def _is_page_furniture(line: Line, repeated: set[str], running: set[tuple[str, float]]) -> bool:
    """Page numbers (-3-, 第3页, 3/6) and running headers or footers."""
    key = compact(line.text)
    return bool(_PAGE_NUMBER.match(key)) or key in repeated or _running_key(line) in running


def _edge_counts(pages: list[list[Line]], key) -> Counter:
    """On how many pages each key occurs among the first and last two lines."""
    counts: Counter = Counter()
    for lines in pages:
        counts.update({key(l) for l in lines[:2] + lines[-2:]})
    return counts


def _repeated_lines(pages: list[list[Line]]) -> set[str]:
    """Lines printed at the top or bottom of most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    counts = _edge_counts(pages, lambda l: compact(l.text))
    return {text for text, n in counts.items() if n >= max(3, len(pages) * 0.6) and len(text) < 40}


_DIGITS = re.compile(r"\d+")


def _running_key(line: Line) -> tuple[str, float]:
    """A line's text with its numbers masked, and its height on the page: a browser's
    header (print date, page title) and footer (URL, 2/5) differ only in numbers."""
    return _DIGITS.sub("#", compact(line.text)), round(line.top)


def _running_lines(pages: list[list[Line]]) -> set[tuple[str, float]]:
    """Lines at the same height on nearly every page, equal but for their numbers."""
    if len(pages) < 2:
        return set()
    counts = _edge_counts(pages, lambda l: _running_key(l) if l.x1 > l.x0 else None)  # no box, no height
    return {key for key, n in counts.items() if key is not None and n >= max(2, len(pages) * 0.6)}


# --- tables (pdfplumber) ------------------------------------------------------

PAGE_STRIDE = 100_000.0   # y offset per page, so cells of several pages sort in reading order
COLUMN_SNAP = 6.0         # points within which column edges of stitched fragments are one edge


@dataclass(slots=True)
class Fragment:
    """A table as printed on one page (or several, once stitched): its cells'
    boxes and texts, in points, y growing down the document."""

    cells: list[tuple[float, float, float, float, str]]
    page: int              # first page
    last_page: int
    x0: float
    x1: float
    top: float             # on its first page
    bottom: float          # on its last page
    page_height: float


def _cluster(values: list[float], tolerance: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _column_edges(cells: list[tuple[float, float, float, float, str]]) -> list[float]:
    # Fragments of one table on two pages can be drawn a few points apart; no real
    # column is that narrow, so column edges snap with a wider tolerance than rows.
    return _cluster([c[0] for c in cells] + [c[2] for c in cells], COLUMN_SNAP)


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def grid_from_cells(cells: list[tuple[float, float, float, float, str]]) -> tuple[list[list[Cell]], list[float]] | None:
    """Cell boxes -> a full grid over the union of their edges, and each grid row's
    top: each printed cell covers every grid position its box spans (pdfplumber
    reports those as None)."""
    xs = _column_edges(cells)
    ys = _cluster([c[1] for c in cells] + [c[3] for c in cells])
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_cols < 2 or n_rows < 1:
        return None  # WPS text frames come out as one-column "tables": they are text
    grid: list[list[Cell | None]] = [[None] * n_cols for _ in range(n_rows)]
    for x0, top, x1, bottom, text in cells:
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        cell = Cell(text, (r0, c0))
        for r in range(r0, max(r1, r0 + 1)):
            for c in range(c0, max(c1, c0 + 1)):
                if r < n_rows and c < n_cols and grid[r][c] is None:
                    grid[r][c] = cell
    full = [[cell or Cell("", (r, c)) for c, cell in enumerate(row)] for r, row in enumerate(grid)]
    # An edge of a neighbouring merged cell (or of an empty remnant of one cut by
    # a page break) can split one printed row into two grid rows; the second has
    # no text of its own, only copies from above: drop it. A column is dropped
    # only when it has no cell of its own at all (a wholly blank 总计 column stays).
    keep_rows = [r for r in range(n_rows) if r == 0 or any(c.text and c.origin[0] == r for c in full[r])]
    keep_cols = [c for c in range(n_cols) if c == 0 or any(full[r][c].origin[1] == c for r in range(n_rows))]
    return [[full[r][c] for c in keep_cols] for r in keep_rows], [ys[r] for r in keep_rows]


def _open_edges(page, bbox: tuple[float, float, float, float]) -> list[float]:
    """Where a table's vertical rules run past its top or bottom: a row cut by a
    page break often has no border on the cut side, so its cells never close."""
    x0, top, x1, bottom = bbox
    verticals = [e for e in page.edges if e["orientation"] == "v" and x0 - 2 <= e["x0"] <= x1 + 2]
    above = [e["top"] for e in verticals if e["top"] < top - 3 <= e["bottom"]]
    below = [e["bottom"] for e in verticals if e["top"] <= bottom + 3 < e["bottom"]]
    return ([min(above)] if len(above) >= 2 else []) + ([max(below)] if len(below) >= 2 else [])


def _is_white(colour: object) -> bool:
    """Gray 1, RGB (1, 1, 1) or CMYK (0, 0, 0, 0): the colour of the paper."""
    values = (colour,) if isinstance(colour, (int, float)) else colour
    if not isinstance(values, (tuple, list)) or not all(isinstance(v, (int, float)) for v in values):
        return False  # a pattern or an unknown colour space: take it as visible
    if len(values) in (1, 3):
        return all(v >= 0.99 for v in values)
    return len(values) == 4 and all(v <= 0.01 for v in values)


def _drawn(obj: dict) -> bool:
    """False for a rect that leaves no mark: WPS paints a white, unstroked strip
    behind every text line, and stacked strips look like a one-column table
    glued to the real grid below them."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    return bool(obj.get("fill")) and not _is_white(obj.get("non_stroking_color"))


Row = list[tuple[float, float, float, float, str]]   # one grid row's printed cells


def _is_prose_row(row: Row, x0: float, x1: float) -> bool:
    """One cell across the whole grid holding prose, a heading or nothing: text
    printed above or below the table and caught by its rules. A 表二 block
    caption (第二十条第（一）项) is the table's own and stays."""
    if len(row) != 1:
        return False
    left, _, right, _, text = row[0]
    return left - x0 < 2 and x1 - right < 2 and "第二十条" not in compact(text)


def _trim_prose_rows(rows: list[Row], x0: float, x1: float) -> list[Row]:
    while rows and _is_prose_row(rows[0], x0, x1):
        rows = rows[1:]
    while rows and _is_prose_row(rows[-1], x0, x1):
        rows = rows[:-1]
    return rows


def _fragment(table, page_number: int, page_height: float) -> Fragment | None:
    """One pdfplumber table as a Fragment, rows of prose at its ends left to the text."""
    rows = [[(b[0], b[1], b[2], b[3], fix_radicals(t or "")) for b, t in zip(row.cells, texts) if b is not None]
            for row, texts in zip(table.rows, table.extract())]
    x0, _, x1, _ = table.bbox
    rows = _trim_prose_rows(rows, x0, x1)
    cells = [c for row in rows for c in row]
    if len(_column_edges(cells)) <= 2:
        return None  # WPS text frames come out as one-column "tables": they are text
    offset = (page_number - 1) * PAGE_STRIDE
    top, bottom = min(c[1] for c in cells), max(c[3] for c in cells)
    cells = [(a, t + offset, b, u + offset, text) for a, t, b, u, text in cells]
    return Fragment(cells, page_number, page_number, min(c[0] for c in cells), max(c[2] for c in cells),
                    top, bottom, page_height)


SIDE_COLUMN = 200.0   # points beside a table within which a cut merged label column may stand


def _cut_side(page, bbox: tuple[float, float, float, float]) -> list[float]:
    """A merged label column cut at a page break (三、本年度办理结果 over 22 rows) may be
    left without its rule on the cut side, and then falls out of the table: where a
    rule runs down most of the table's side, close the table's top and bottom."""
    x0, top, x1, bottom = bbox
    covered: Counter[int] = Counter()
    for e in page.edges:
        x = e["x0"]
        if (e["orientation"] == "v" and (x0 - SIDE_COLUMN < x < x0 - 2 or x1 + 2 < x < x1 + SIDE_COLUMN)
                and e["top"] >= top - 3 and e["bottom"] <= bottom + 3):
            covered[round(x)] += e["bottom"] - e["top"]
    return [top, bottom] if any(length > 0.8 * (bottom - top) for length in covered.values()) else []


def _open_top(page, found) -> list[float]:
    """On a page that may carry on a table from the page before: where vertical rules
    start above every table found. A row there lost its upper rule at the break (a
    one-row remnant then forms no cell at all)."""
    tops = [t.bbox[1] for t in found]
    starts = Counter(round(e["top"]) for e in page.edges if e["orientation"] == "v"
                     and all(e["top"] < top - 3 for top in tops))
    shared = [y for y, n in starts.items() if n >= 2]
    return [float(min(shared))] if shared else []


def _page_fragments(page, page_number: int, continued: bool = False) -> list[Fragment]:
    page = page.filter(_drawn)
    found = page.find_tables()
    extra = [y for t in found for y in _open_edges(page, t.bbox) + _cut_side(page, t.bbox)]
    if continued:
        extra += _open_top(page, found)
    if extra:
        found = page.find_tables({"explicit_horizontal_lines": extra})
    fragments = (_fragment(table, page_number, page.height) for table in found)
    return [f for f in fragments if f is not None]


def _continues(before: Fragment, after: Fragment) -> bool:
    """`after` carries on `before` over a page break (nothing printed between them): the
    next page, the same width, and one's column edges among the other's (a fragment
    whose merged cells hide some rules has fewer). Two tables printed one after the
    other, each with its own column widths, stay two."""
    if after.page != before.last_page + 1 or abs(after.x0 - before.x0) >= 8 or abs(after.x1 - before.x1) >= 8:
        return False
    fewer, more = sorted((_column_edges(before.cells), _column_edges(after.cells)), key=len)
    return all(any(abs(x - y) <= COLUMN_SNAP for y in more) for x in fewer)


def _in_margin(line: Line, height: float) -> bool:
    """Printed where no body text goes: a browser's header and footer sit in the
    outer 0.4 inch of the paper."""
    return line.bottom < MARGIN_BAND or line.top > height - MARGIN_BAND


def _reaches_foot(fragment: Fragment, lines: list[Line], others: list[Fragment]) -> bool:
    """Near the foot of its page, or nothing but margin text below it: a table with
    tall rows breaks well above the foot when the next row does not fit."""
    if fragment.bottom > fragment.page_height - CONTINUES_NEAR_BOTTOM:
        return True
    below = [l for l in lines if l.top > fragment.bottom - 1 and not _in_margin(l, fragment.page_height)]
    return not below and not any(f.top > fragment.bottom for f in others)


def _stitch(items: list[Line | Fragment], heights: list[float]) -> list[Line | Fragment]:
    """One table printed over page breaks: a fragment and the next one, with nothing
    between them but margin text (a browser's footer and header), are one grid."""
    out: list[Line | Fragment] = []
    open_: Fragment | None = None
    for item in items:
        if isinstance(item, Fragment):
            if open_ is not None and _continues(open_, item):
                open_.cells += item.cells
                open_.last_page, open_.bottom = item.page, item.bottom
                continue
            open_ = item
        elif not _in_margin(item, heights[item.page - 1]):
            open_ = None
        out.append(item)
    return out


def _table_from_fragment(fragment: Fragment) -> Table | None:
    built = grid_from_cells(fragment.cells)
    if built is None:
        return None
    grid, tops = built
    kept = [(row, int(top // PAGE_STRIDE) + 1) for row, top in zip(grid, tops) if any(c.text for c in row)]
    return Table([r for r, _ in kept], Location(page=fragment.page), [Location(page=p) for _, p in kept], aligned=True)


def _table_pages(pages: list[list[Line]], table_words: Collection[str]) -> list[int]:
    """0-based indexes of the pages whose text names a standard table (in traditional
    characters too: such pages are converted only after extraction). `table_words` come
    from the templates (templates.table_page_words); without them every page is read."""
    if not table_words:
        return list(range(len(pages)))
    texts = [compact("".join(l.text for l in lines)) for lines in pages]
    found = [i for i, text in enumerate(texts) if any(w in text for w in table_words)]
    if not found and looks_traditional("".join(texts)[:4000]):
        found = [i for i, text in enumerate(texts) if any(w in simplify(text) for w in table_words)]
    return found


# --- lines -> headings and paragraphs -----------------------------------------------

def _is_heading(line: Line, right_margin: float) -> bool:
    text = line.text
    if len(compact(text)) > 40 or text.endswith(("。", "；")):
        return False
    if _HEADING_FONT.search(line.font):
        return True
    short = right_margin - line.x1 > 40
    return bool(_NUMBERED.match(text)) and short and "。" not in text


def _blocks_from_items(items: list[Line | Table], left: float, right: float) -> list[Block]:
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
        if _is_heading(item, right):
            flush()
            blocks.append(Heading(item.text, 1 if _HEADING_FONT.search(item.font) else None, Location(page=item.page)))
            continue
        indented = item.x0 - left > 12
        previous_short = bool(buffer) and right - buffer[-1].x1 > 28
        ends_sentence = bool(buffer) and buffer[-1].text.endswith(tuple(_SENTENCE_END)) and right - buffer[-1].x1 > 14
        if buffer and (indented or previous_short or ends_sentence):
            flush()
        buffer.append(item)
    flush()
    return blocks


def _joins_with_space(before: str, after: str) -> bool:
    """Latin words wrapped over a line keep a space; Chinese text joins directly."""
    return before[-1:].isascii() and before[-1:].isalnum() and after[:1].isascii() and after[:1].isalnum()


def _placed(pages: list[list[Line]], fragments_by_page: dict[int, list[Fragment]]) -> list[Line | Fragment]:
    """Every page's lines and table fragments in reading order; a table's own text
    is read from its grid."""
    items: list[Line | Fragment] = []
    for i, lines in enumerate(pages):
        fragments = fragments_by_page.get(i, [])
        placed: list[tuple[float, Line | Fragment]] = []
        for line in lines:
            middle_x, middle_y = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
            if not any(f.x0 - 1 <= middle_x <= f.x1 + 1 and f.top - 1 <= middle_y <= f.bottom + 1 for f in fragments):
                placed.append((line.top, line))
        placed += [(f.top, f) for f in fragments]
        placed.sort(key=lambda item: item[0])  # stable: pdfium's line order, tables by their top edge
        items += [item for _, item in placed]
    return items


def _read_page(pdf, index: int) -> tuple[list[Line], float]:
    page = pdf[index]
    return _page_lines(page, index + 1), page.get_height()


def _read_tables(data: bytes, pages: list[list[Line]], name: str, table_words: Collection[str]) -> dict[int, list[Fragment]]:
    """The table grids (_plumber_tables). pdfium repairs a damaged file (a broken xref,
    bytes deleted or repeated) that pdfminer cannot parse: then pdfium's own copy of what
    it read, written out clean, is given to pdfplumber; a file neither reads is damaged."""
    try:
        return _plumber_tables(data, pages, table_words)
    except MemoryError:
        raise
    except Exception:   # PdfminerException, PSSyntaxError, KeyError …: whatever pdfminer meets
        pass
    try:
        return _plumber_tables(_rewritten(data), pages, table_words)
    except MemoryError:
        raise
    except Exception as exc:
        raise PdfTablesUnreadable(name) from exc


def _rewritten(data: bytes) -> bytes:
    """The document as pdfium read it, saved anew (a fresh cross-reference table)."""
    import io

    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        buffer = io.BytesIO()
        pdf.save(buffer)
        return buffer.getvalue()
    finally:
        pdf.close()


def _plumber_tables(data: bytes, pages: list[list[Line]], table_words: Collection[str]) -> dict[int, list[Fragment]]:
    """pdfplumber's grids of the pages that name a table, and of each page after
    one whose table reaches its foot (the table may go on there)."""
    import io

    import pdfplumber

    fragments_by_page: dict[int, list[Fragment]] = {}
    queue = [(i, False) for i in _table_pages(pages, table_words)]
    if not queue:
        return fragments_by_page
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        while queue:
            # Pages go in order, each next page straight after its predecessor, so
            # a page is read once, and knows whether a table may go on onto it.
            i, continued = queue.pop(0)
            if i >= len(pages) or i in fragments_by_page:
                continue
            page = plumber.pages[i]
            found = _page_fragments(page, i + 1, continued)
            fragments_by_page[i] = found
            if any(_reaches_foot(f, pages[i], found) for f in found):
                queue.insert(0, (i + 1, True))
            page.close()
    return fragments_by_page


def extract_pdf(data: bytes, name: str, *, limits: Limits = DEFAULT_LIMITS,
                table_words: Collection[str] = ()) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPdf(name) from exc
        raise BrokenFile(name, BROKEN_STRUCTURE()) from exc
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise BrokenFile(name, NO_PAGES())
        if n_pages > limits.max_pages:
            raise TooLarge(name, PAGES_OVER(pages=n_pages, limit=limits.max_pages))
        metadata = {f"pdf:{k}": str(v) for k, v in pdf.get_metadata_dict().items() if v}
        try:
            read = [_read_page(pdf, i) for i in range(n_pages)]
        except pdfium.PdfiumError as exc:
            raise BrokenFile(name, str(exc)) from exc
        pages, heights = [lines for lines, _ in read], [height for _, height in read]
    finally:
        pdf.close()
    chars = sum(len(l.text) for lines in pages for l in lines)
    if chars < 20 * n_pages:
        raise ScannedPdf(name)
    refuse_long_text(name, chars, limits)   # before the table pass, which costs far more a character
    repeated, running = _repeated_lines(pages), _running_lines(pages)
    pages = [[l for l in lines if not _is_page_furniture(l, repeated, running)] for lines in pages]

    fragments_by_page = _read_tables(data, pages, name, table_words)
    body = [l for lines in pages for l in lines if l.x1 > l.x0]
    left = Counter(round(l.x0) for l in body).most_common(1)[0][0] if body else 0.0
    right = max((l.x1 for l in body), default=0.0)
    right = Counter(round(l.x1) for l in body if l.x1 > right - 40).most_common(1)[0][0] if body else 0.0
    items = _stitch(_placed(pages, fragments_by_page), heights)
    blocks = [_table_from_fragment(item) if isinstance(item, Fragment) else item for item in items]
    return Document(_blocks_from_items([b for b in blocks if b is not None], left, right), "pdf", metadata)
