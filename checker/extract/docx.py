"""DOCX -> Document (python-docx).

Tables are read from the XML cells (w:tc) so that merged cells keep one origin:
gridSpan repeats a cell to the right, vMerge="continue" repeats the cell above.
Text in text boxes (w:txbxContent) is read where it is anchored, not dropped.
"""
from __future__ import annotations

import io
import re
import zipfile

from ..document import Block, Cell, Document, Heading, Location, Paragraph, Table
from ..errors import BrokenFile, NestedTooDeep, UnpackedTooLarge
from ..settings import DEFAULT_LIMITS, Limits
from ..words import Words

NO_BODY = Words("没有正文", "no document body")
BYTES = Words("{size} 字节", "{size} bytes")
UNPACKED = Words("{what}共{total}，其中 {largest} {size}，上限{limit}", "{what}{total} in all, {largest} {size}, the limit is {limit}")
XML_PARTS = Words("XML 部件", "XML parts ")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"(?:heading|标题)\s*(\d)", re.I)


def _in_text_box(node, element) -> bool:
    """Whether `node` sits in a text box nested inside `element` (not around it)."""
    for ancestor in node.iterancestors():
        if ancestor is element:
            return False
        if ancestor.tag == W + "txbxContent":
            return True
    return False


def _text(element) -> str:
    """Text of a w:p element (runs, tabs and breaks), without nested text-box contents."""
    parts = []
    for node in element.iter(W + "t", W + "tab", W + "br", W + "cr"):
        if _in_text_box(node, element):
            continue
        if node.tag == W + "t":
            parts.append(node.text or "")
        elif node.tag == W + "tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts).strip()


def _paragraph_blocks(p, styles: dict[str, str]) -> list[Block]:
    """A Word paragraph -> blocks. Lines separated by hard breaks (w:br, as pages
    pasted from the web have) are paragraphs of their own, as <br> is in HTML."""
    blocks: list[Block] = []
    lines = [line.strip() for line in _text(p).split("\n") if line.strip()]
    style_id = p.find(f"{W}pPr/{W}pStyle")
    name = styles.get(style_id.get(W + "val"), "") if style_id is not None else ""
    level = _HEADING_STYLE.search(name)
    outline = p.find(f"{W}pPr/{W}outlineLvl")
    if level is None and outline is not None and outline.get(W + "val", "9").isdigit():
        outline_level = int(outline.get(W + "val"))
        heading_level = outline_level + 1 if outline_level < 9 else None
    else:
        heading_level = int(level.group(1)) if level else None
    for line in lines:
        blocks.append(Heading(line, heading_level) if heading_level and len(lines) == 1 else Paragraph(line))
    for box in p.iter(W + "txbxContent"):
        for inner in box.iter(W + "p"):
            inner_text = _text(inner)
            if inner_text:
                blocks.append(Paragraph(inner_text))
    return blocks


def _cell_text(tc) -> str:
    lines = [_text(p) for p in tc.iterchildren(W + "p")]
    return "\n".join(line for line in lines if line)


def grid_from_docx_table(tbl, limits: Limits) -> tuple[list[list[Cell]], list]:
    """Expand gridSpan and vMerge into a full grid; also return nested tables."""
    grid: list[list[Cell]] = []
    nested = []
    for r, tr in enumerate(tbl.iterchildren(W + "tr")):
        row: list[Cell] = []
        for tc in tr.iterchildren(W + "tc"):
            props = tc.find(W + "tcPr")
            span, vmerge = 1, None
            if props is not None:
                grid_span = props.find(W + "gridSpan")
                if grid_span is not None and str(grid_span.get(W + "val", "1")).isdigit():
                    span = max(1, min(int(grid_span.get(W + "val")), limits.max_span))
                merge = props.find(W + "vMerge")
                if merge is not None:
                    vmerge = merge.get(W + "val", "continue")
            nested += list(tc.iterchildren(W + "tbl"))
            c = len(row)
            if vmerge == "continue" and r > 0 and c < len(grid[r - 1]):
                cell = grid[r - 1][c]  # the merged cell above continues here
            else:
                cell = Cell(_cell_text(tc), (r, c))
            row.extend([cell] * span)
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    for r, row in enumerate(grid):
        row.extend(Cell("", (r, c)) for c in range(len(row), width))
    return grid, nested


def _megabytes(size: int) -> str:
    return f"{size / 1024 ** 2:.0f} MB" if size >= 1024 ** 2 else BYTES(size=size)


def _refuse_unpacked(data: bytes, name: str, limits: Limits) -> None:
    """python-docx unpacks every part it reaches into memory: a file whose parts unpack past
    the limit (a zip bomb: 19 MB that unpack to 4 GiB) is too big, said before anything is
    unpacked. The sizes are the zip's own, which zipfile holds every part to (a part that
    lies about its size fails its CRC: damaged)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return   # not a readable zip: python-docx says it is damaged
    xml = [part for part in parts if part.filename.endswith((".xml", ".rels"))]
    for chosen, what, limit in ((parts, "", limits.max_unpacked_bytes), (xml, XML_PARTS(), limits.max_xml_bytes)):
        total = sum(part.file_size for part in chosen)
        if total > limit:
            largest = max(chosen, key=lambda part: part.file_size)
            raise UnpackedTooLarge(name, UNPACKED(what=what, total=_megabytes(total), largest=largest.filename,
                                                  size=_megabytes(largest.file_size), limit=_megabytes(limit)))


def extract_docx(data: bytes, name: str, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _refuse_unpacked(data, name, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise BrokenFile(name, str(exc)) from exc
    except MemoryError:
        raise                 # past the memory limit: too big, not damaged
    except Exception as exc:  # a damaged zip or XML raises a variety of errors
        if "memory allocation failed" in str(exc).lower():   # lxml's word for a MemoryError
            raise MemoryError(str(exc)) from exc
        if "excessive depth" in str(exc).lower():
            raise NestedTooDeep(name) from exc
        raise BrokenFile(name, type(exc).__name__) from exc
    styles = {s.style_id: s.name or "" for s in document.styles}
    blocks: list[Block] = []
    cells_used = 0

    def add_table(tbl) -> None:
        nonlocal cells_used
        grid, nested = grid_from_docx_table(tbl, limits)
        cells_used += sum(len(r) for r in grid)
        if grid and cells_used <= limits.max_table_cells:
            blocks.append(Table(grid, Location(), [], aligned=True))
        for inner in nested:
            add_table(inner)

    body = document.element.body
    if body is None:
        raise BrokenFile(name, NO_BODY())
    for element in body.iterchildren():
        if element.tag == W + "p":
            blocks += _paragraph_blocks(element, styles)
        elif element.tag == W + "tbl":
            add_table(element)
        elif element.tag == W + "sdt":  # content controls wrap paragraphs and tables
            for inner in element.iter(W + "p", W + "tbl"):
                if inner.tag == W + "tbl":
                    add_table(inner)
                elif not any(a.tag == W + "tbl" for a in inner.iterancestors()):
                    blocks += _paragraph_blocks(inner, styles)
    props = document.core_properties
    metadata = {k: str(v) for k, v in (("docx:created", props.created), ("docx:modified", props.modified),
                                       ("docx:title", props.title)) if v}
    return Document(blocks, "docx", metadata)
