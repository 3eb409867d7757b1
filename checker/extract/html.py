"""HTML -> Document (beautifulsoup4 with the lxml parser).

`html.parser` loses every cell of pages that omit `</td>` (legal HTML), so
only lxml is used. rowspan/colspan are expanded into a full grid whose copies
share the origin of the printed cell.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, CData, Comment, NavigableString, PageElement, Tag

from ..document import Block, Cell, Document, Heading, Paragraph, Table
from ..settings import DEFAULT_LIMITS, Limits

_SKIP = {"script", "style", "noscript", "template", "head", "iframe", "select", "option", "button", "svg", "object", "title"}
_BLOCK = {"p", "div", "li", "ul", "ol", "section", "article", "header", "footer", "blockquote", "center",
          "dl", "dt", "dd", "pre", "form", "main", "aside", "nav", "figure", "figcaption", "address",
          "hr", "caption", "body", "html", "tbody", "thead", "tfoot", "tr", "td", "th", "font-block"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_WHITESPACE = re.compile(r"[ \t\r\f\v\u00a0\u3000\u2002\u2003\u200b]+")


def _clean(text: str) -> str:
    lines = (_WHITESPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _span(tag: Tag, attr: str, limit: int) -> int:
    raw = str(tag.get(attr, "1")).strip()
    m = re.match(r"\d+", raw)
    return max(1, min(int(m.group()), limit)) if m else 1


class _Walker:
    """Walks the body in document order, cutting text into blocks."""

    def __init__(self, limits: Limits, root: Tag) -> None:
        self.limits = limits
        self.root = root
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.cells_used = 0
        self.text_lengths: dict[int, int] | None = None

    def flush(self, level: int | None = None) -> None:
        text = _clean("".join(self.buffer)).replace("\n", " ")
        self.buffer.clear()
        if text:
            self.blocks.append(Heading(text, level) if level else Paragraph(text))

    def walk(self, node: Tag) -> None:
        """Every descendant in document order, without recursion: a page of 100 000 nested
        tags is read as any other. Each open element's stack entry says how it ends: a
        heading's level, 0 for a block (a paragraph ends), None for inline markup."""
        stack: list[tuple[Iterator[PageElement], int | None]] = [(iter(node.children), None)]
        while stack:
            children, ends = stack[-1]
            child = next(children, _END)
            if child is _END:
                stack.pop()
                if ends is not None:
                    self.flush(ends or None)
                continue
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                self.buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in _SKIP:
                continue
            if name == "br":
                self.flush()
            elif name == "table" and self.is_layout_table(child):
                self.flush()
                stack.append((iter(child.children), 0))  # a page laid out in a table: its cells are text, not a grid
            elif name == "table":
                self.flush()
                self.add_table(child)
            elif name in _HEADINGS:
                self.flush()
                stack.append((iter(child.children), _HEADINGS[name]))
            elif name in _BLOCK:
                self.flush()
                stack.append((iter(child.children), 0))
            else:
                stack.append((iter(child.children), None))

    def add_table(self, table: Tag) -> None:
        """The table's grid, then the grids of the tables nested in it, in document order."""
        todo = [table]
        while todo:
            current = todo.pop()
            grid, nested = grid_from_html_table(current, self.limits, self.limits.max_table_cells - self.cells_used)
            self.cells_used += sum(len(r) for r in grid)
            if grid:
                self.blocks.append(Table(grid))
            todo.extend(reversed(nested))

    def is_layout_table(self, table: Tag) -> bool:
        if self.text_lengths is None:   # measured once for the whole page, when first needed
            self.text_lengths = _text_lengths(self.root, LAYOUT_CELL_CHARS + 1)
        return _is_layout_table(table, self.text_lengths)


LAYOUT_CELL_CHARS = 300   # no cell of a statistics table holds this much text


_END = object()   # an exhausted iterator's next()
_TEXT_TYPES = (NavigableString, CData)   # what get_text() counts in a cell (not comments, scripts, styles)


def _own_parts(table: Tag) -> tuple[list[Tag], list[Tag], list[Tag]]:
    """The rows, cells and directly nested tables that belong to `table`, not to a table
    nested in it, in document order: one walk that stops at each nested table (so a page of
    5 000 nested tables costs each of them its own size, not the size of all below it)."""
    rows: list[Tag] = []
    cells: list[Tag] = []
    nested: list[Tag] = []
    stack = [iter(table.children)]
    while stack:
        child = next(stack[-1], _END)
        if child is _END:
            stack.pop()
            continue
        if not isinstance(child, Tag):
            continue
        if child.name == "table":
            nested.append(child)
            continue
        if child.name == "tr":
            rows.append(child)
        elif child.name in ("td", "th"):
            cells.append(child)
        stack.append(iter(child.children))
    return rows, cells, nested


def _text_lengths(root: Tag, cap: int) -> dict[int, int]:
    """len(tag.get_text(strip=True)), capped at `cap`, of every tag under `root` (by id), in
    one walk from the leaves up, without recursion."""
    lengths: dict[int, int] = {}
    stack: list[tuple[Tag, Iterator[PageElement]]] = [(root, iter(root.children))]
    totals = [0]
    while stack:
        node, children = stack[-1]
        child = next(children, _END)
        if child is _END:
            stack.pop()
            total = totals.pop()
            lengths[id(node)] = total
            if totals:
                totals[-1] = min(cap, totals[-1] + total)
        elif isinstance(child, Tag):
            stack.append((child, iter(child.children)))
            totals.append(0)
        elif type(child) in _TEXT_TYPES:
            totals[-1] = min(cap, totals[-1] + len(str(child).strip()))
    return lengths


def _is_layout_table(table: Tag, text_lengths: dict[int, int]) -> bool:
    """A table used to lay out a page: one column, or a cell holding paragraphs of prose."""
    rows, own_cells, _ = _own_parts(table)
    if not own_cells:
        return False
    if all(len([td for td in tr.find_all(["td", "th"], recursive=False)]) <= 1 for tr in rows):
        return True
    return any(text_lengths[id(td)] > LAYOUT_CELL_CHARS for td in own_cells)


def _cell_text(td: Tag) -> str:
    """Cell text with <br>/<p> breaks kept as newlines; nested tables left out."""
    parts: list[str] = []
    stack: list[tuple[Iterator[PageElement], bool]] = [(iter(td.children), False)]
    while stack:
        children, breaks = stack[-1]
        child = next(children, _END)
        if child is _END:
            stack.pop()
            if breaks:
                parts.append("\n")
            continue
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            parts.append(str(child))
        elif isinstance(child, Tag):
            name = child.name.lower()
            if name in _SKIP or name == "table":
                continue
            if name == "br":
                parts.append("\n")
            elif name in _BLOCK or name in _HEADINGS:
                parts.append("\n")
                stack.append((iter(child.children), True))
            else:
                stack.append((iter(child.children), False))
    return _clean("".join(parts))


def grid_from_html_table(table: Tag, limits: Limits, cell_budget: int) -> tuple[list[list[Cell]], list[Tag]]:
    """Expand rowspan/colspan into a rectangular grid; also return nested tables.

    Every span is charged against `cell_budget` before it is expanded, so a page
    of huge spans stops early instead of filling memory."""
    rows, _, nested = _own_parts(table)
    pending: dict[tuple[int, int], Cell] = {}
    grid: list[list[Cell]] = []
    budget = cell_budget
    for tr in rows:
        cells = [td for td in tr.find_all(["td", "th"], recursive=False)]
        r = len(grid)
        if not cells and not any(key[0] == r for key in pending):
            continue
        row: list[Cell] = []

        def take_pending() -> None:
            while (r, len(row)) in pending:
                row.append(pending.pop((r, len(row))))

        for td in cells:
            take_pending()
            rowspan = _span(td, "rowspan", limits.max_span)
            colspan = _span(td, "colspan", limits.max_span)
            budget -= rowspan * colspan
            if budget < 0:
                break
            cell = Cell(_cell_text(td), (r, len(row)))
            start = len(row)
            for dc in range(colspan):
                row.append(cell)
                for dr in range(1, rowspan):
                    pending[(r + dr, start + dc)] = cell
        # A merged cell from above may stand right of this row's last printed cell.
        right = [c for (pr, c) in pending if pr == r]
        while right and len(row) <= max(right):
            if (r, len(row)) in pending:
                row.append(pending.pop((r, len(row))))
            else:
                row.append(Cell("", (r, len(row))))
        if budget < 0:
            break  # a table this large is not a report table; stop expanding
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    for r, row in enumerate(grid):
        row.extend(Cell("", (r, c)) for c in range(len(row), width))
    return grid, nested


def extract_html(text: str, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    soup = BeautifulSoup(text, "lxml")
    metadata: dict[str, str] = {}
    if soup.title and soup.title.string:
        metadata["html_title"] = _clean(soup.title.string)
    for meta in soup.find_all("meta"):
        name = str(meta.get("name", "")).strip()
        if name and meta.get("content"):
            metadata[f"meta:{name}"] = _clean(str(meta.get("content")))
    walker = _Walker(limits, soup)
    walker.walk(soup.body or soup)
    walker.flush()
    return Document(walker.blocks, "html", metadata)
