"""Stage 4 of a PDF: place the fragments among the lines in reading order, stitch a table
printed over page breaks into one, and make each a Table grid."""
from __future__ import annotations

from collections.abc import Collection

from ..chars import compact, looks_traditional, simplify
from ..document import Cell, Location, Table
from .pdf_grids import CellBox, Fragment, cluster, column_edges
from .pdf_lines import Line, in_margin
from .pdf_settings import DEFAULT_PDF, PdfSettings


def table_pages(pages: list[list[Line]], table_words: Collection[str]) -> list[int]:
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


def reaches_foot(fragment: Fragment, lines: list[Line], others: list[Fragment], s: PdfSettings = DEFAULT_PDF) -> bool:
    """Near the foot of its page, or nothing but margin text below it: a table with
    tall rows breaks well above the foot when the next row does not fit."""
    if fragment.bottom > fragment.page_height - s.continues_near_bottom:
        return True
    below = [l for l in lines if l.top > fragment.bottom - s.below_table and not in_margin(l, fragment.page_height, s)]
    return not below and not any(f.top > fragment.bottom for f in others)


def placed(pages: list[list[Line]], fragments_by_page: dict[int, list[Fragment]],
           s: PdfSettings = DEFAULT_PDF) -> list[Line | Fragment]:
    """Every page's lines and table fragments in reading order; a table's own text
    is read from its grid."""
    items: list[Line | Fragment] = []
    near = s.inside_table
    for i, lines in enumerate(pages):
        fragments = fragments_by_page.get(i, [])
        here: list[tuple[float, Line | Fragment]] = []
        for line in lines:
            middle_x, middle_y = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
            if not any(f.x0 - near <= middle_x <= f.x1 + near and f.top - near <= middle_y <= f.bottom + near
                       for f in fragments):
                here.append((line.top, line))
        here += [(f.top, f) for f in fragments]
        here.sort(key=lambda item: item[0])  # stable: pdfium's line order, tables by their top edge
        items += [item for _, item in here]
    return items


def _continues(before: Fragment, after: Fragment, s: PdfSettings) -> bool:
    """`after` carries on `before` over a page break (nothing printed between them): the
    next page, the same width, and one's column edges among the other's (a fragment
    whose merged cells hide some rules has fewer). Two tables printed one after the
    other, each with its own column widths, stay two."""
    if (after.page != before.last_page + 1 or abs(after.x0 - before.x0) >= s.same_width
            or abs(after.x1 - before.x1) >= s.same_width):
        return False
    fewer, more = sorted((column_edges(before.cells, s), column_edges(after.cells, s)), key=len)
    return all(any(abs(x - y) <= s.column_snap for y in more) for x in fewer)


def stitch(items: list[Line | Fragment], heights: list[float], s: PdfSettings = DEFAULT_PDF) -> list[Line | Fragment]:
    """One table printed over page breaks: a fragment and the next one, with nothing
    between them but margin text (a browser's footer and header), are one grid."""
    out: list[Line | Fragment] = []
    open_: Fragment | None = None
    for item in items:
        if isinstance(item, Fragment):
            if open_ is not None and _continues(open_, item, s):
                open_.cells += item.cells
                open_.last_page, open_.bottom = item.page, item.bottom
                continue
            open_ = item
        elif not in_margin(item, heights[item.page - 1], s):
            open_ = None
        out.append(item)
    return out


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def grid_from_cells(cells: list[CellBox], s: PdfSettings = DEFAULT_PDF) -> tuple[list[list[Cell]], list[float]] | None:
    """Cell boxes -> a full grid over the union of their edges, and each grid row's
    top: each printed cell covers every grid position its box spans (pdfplumber
    reports those as None)."""
    xs = column_edges(cells, s)
    ys = cluster([c[1] for c in cells] + [c[3] for c in cells], s.row_snap)
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


def table_from_fragment(fragment: Fragment, s: PdfSettings = DEFAULT_PDF) -> Table | None:
    built = grid_from_cells(fragment.cells, s)
    if built is None:
        return None
    grid, tops = built
    kept = [(row, int(top // s.page_stride) + 1) for row, top in zip(grid, tops) if any(c.text for c in row)]
    return Table([r for r, _ in kept], Location(page=fragment.page), [Location(page=p) for _, p in kept], aligned=True)
