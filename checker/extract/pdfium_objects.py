"""PDFium -> the plain char and edge dicts that pdfplumber's table finder reads.

pdfplumber's `TableFinder` and `Table.extract` need of a page only `edges`, `chars` and
`bbox`, as dicts shaped like pdfplumber's own. pdfplumber builds them from pdfminer, which
parses the page again (about 50 ms a page); here they come from the PDFium page that is
open anyway, made the way pdfminer and pdfplumber make them:

- paths: each subpath (from a move) classified as pdfminer does (a line, an axis-aligned
  closed rectangle, else a curve of its segments' end points), in page coordinates with
  the top at 0, then turned into edges as pdfplumber's `obj_to_edges` does. PDFium keeps
  coordinates as 32-bit floats; each is taken back to the shortest decimal that gives the
  same float (the number written in the content stream), and the matrix is applied in
  double precision as pdfminer does, so most edges come out bit-identical.
- chars: PDFium's text page, with the page's ActualText marks removed first (pdfminer
  reads each glyph's ToUnicode text and ignores ActualText), in content order, each box
  from its origin, its advance and the font's descent as pdfminer makes an LTChar's.

Where PDFium's reading cannot be made to match pdfminer's, `read_page` raises
`NeedsPdfminer` and the caller reads that page with pdfplumber as before.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

Matrix = tuple[float, float, float, float, float, float]
Obj = dict[str, Any]


class NeedsPdfminer(Exception):
    """This page is read with pdfminer: the reason is the message."""


@dataclass(frozen=True, slots=True)
class ObjectsPage:
    """The part of a pdfplumber page that table finding reads, from PDFium."""

    width: float
    height: float
    chars: list[Obj]
    edges: list[Obj]      # only those of objects `keep` accepted

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)


@lru_cache(maxsize=8192)   # a page's rules share a few coordinates: each is worked out once
def stream_number(value: float) -> float:
    """The shortest decimal that PDFium's 32-bit float was parsed from (74.3, not
    74.30000305): the operand as written, which pdfminer reads as a double."""
    for digits in range(6, 10):
        candidate = float(f"{value:.{digits}g}")
        if ctypes.c_float(candidate).value == value:
            return candidate
    return value


def _object_matrix(raw, obj) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        raise NeedsPdfminer("an object without a matrix")
    return (stream_number(m.a), stream_number(m.b), stream_number(m.c),
            stream_number(m.d), stream_number(m.e), stream_number(m.f))


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f   # pdfminer's apply_matrix_pt


def _subpaths(raw, obj) -> list[tuple[str, list[tuple[float, float]]]]:
    """(shape, points) of each subpath in pdfminer's terms: shape letters m, l, c, h,
    one point each (a Bézier's end point; h the subpath's start)."""
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[tuple[str, list[tuple[float, float]]]] = []
    shape, bezier = "", 0
    points: list[tuple[float, float]] = []
    for k in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, k)
        kind = raw.FPDFPathSegment_GetType(segment)
        if not raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            raise NeedsPdfminer("a path segment without a point")
        point = (stream_number(x.value), stream_number(y.value))
        closes = bool(raw.FPDFPathSegment_GetClose(segment))
        if kind == raw.FPDF_SEGMENT_MOVETO:
            if shape:
                out.append((shape, points))
            shape, points, bezier = "m", [point], 0
            continue
        if not shape:
            raise NeedsPdfminer("a path that does not start with a move")
        if kind == raw.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue            # a control point: pdfminer keeps only the end point
            letter = "c"
        elif kind == raw.FPDF_SEGMENT_LINETO:
            letter = "l"
        else:
            raise NeedsPdfminer("an unknown path segment")
        # PDFium closes a subpath by a line back to its start marked closing (or marks the
        # last point when it is the start already); pdfminer reads `h` there, with the
        # start as its point, and drops an `l` to the start just before an `h`.
        if closes and letter == "l" and point == points[0]:
            letter = "h"
        shape += letter
        points.append(point)
    if shape:
        out.append((shape, points))
    return out


def _path_objects(raw, obj, height: float) -> list[Obj]:
    """pdfminer's LTLine, LTRect and LTCurve of one path object, as pdfplumber's dicts
    (only the keys the table finder and `drawn` read)."""
    m = _object_matrix(raw, obj)
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke)):
        raise NeedsPdfminer("a path without a draw mode")
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    colour: tuple[float, ...] | None = None
    if raw.FPDFPageObj_GetFillColor(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        colour = (r.value / 255, g.value / 255, b.value / 255)
    base = {"stroke": bool(stroke.value), "fill": fill_mode.value != 0, "non_stroking_color": colour}
    out = []
    for shape, raw_points in _subpaths(raw, obj):
        if len(shape) < 2:
            continue            # a lone move: pdfminer paints nothing
        pts = [_apply(m, x, y) for x, y in raw_points]
        if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
            shape = shape[:-2] + "h"
            pts.pop()
        if shape in ("mlh", "ml"):
            out.append(_box("line", base, pts[:2], height))
            continue
        if shape in ("mlllh", "mllll"):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
            if pts[0] == pts[4] and square:
                out.append(_box("rect", base, [pts[0], pts[2]], height))
                continue
        curve = _box("curve", base, pts, height)
        curve["pts"] = [(x, height - y) for x, y in pts]
        out.append(curve)
    return out


def _box(kind: str, base: Obj, pts: list[tuple[float, float]], height: float) -> Obj:
    x0, x1 = min(p[0] for p in pts), max(p[0] for p in pts)
    y0, y1 = min(p[1] for p in pts), max(p[1] for p in pts)
    top, bottom = height - y1, height - y0     # pdfplumber's process_object
    return {**base, "object_type": kind, "x0": x0, "x1": x1, "y0": y0, "y1": y1, "top": top, "bottom": bottom,
            "doctop": top, "width": x1 - x0, "height": y1 - y0}


def _edges(obj: Obj) -> list[Obj]:
    """pdfplumber's utils.obj_to_edges (line_to_edge, rect_to_edges, curve_to_edges)."""
    kind = obj["object_type"]
    if kind == "line":
        return [{**obj, "orientation": "h" if obj["top"] == obj["bottom"] else "v"}]
    if kind == "rect":
        top = {**obj, "object_type": "rect_edge", "height": 0, "y0": obj["y1"], "bottom": obj["top"], "orientation": "h"}
        bottom = {**obj, "object_type": "rect_edge", "height": 0, "y1": obj["y0"], "top": obj["top"] + obj["height"],
                  "doctop": obj["doctop"] + obj["height"], "orientation": "h"}
        left = {**obj, "object_type": "rect_edge", "width": 0, "x1": obj["x0"], "orientation": "v"}
        right = {**obj, "object_type": "rect_edge", "width": 0, "x0": obj["x1"], "orientation": "v"}
        return [top, bottom, left, right]
    pts = obj["pts"]
    return [{"object_type": "curve_edge", "x0": min(p[0], q[0]), "x1": max(p[0], q[0]), "top": min(p[1], q[1]),
             "doctop": min(p[1], q[1]), "bottom": max(p[1], q[1]), "width": abs(p[0] - q[0]), "height": abs(p[1] - q[1]),
             "orientation": "v" if p[0] == q[0] else ("h" if p[1] == q[1] else None)}
            for p, q in zip(pts, pts[1:])]


def _top_objects(raw, page) -> list[Any]:
    objects = []
    for j in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, j)
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_FORM:
            # A form XObject's objects have matrices relative to the form: not composed here.
            raise NeedsPdfminer("a form XObject")
        objects.append(obj)
    return objects


def _drop_actual_text(raw, objects: list[Any]) -> None:
    """pdfminer reads a glyph's text from its font (ToUnicode) and ignores marked-content
    ActualText; PDFium's text page prefers ActualText (Chromium's prints wrap a glyph
    shared by two characters, '／' printed with the glyph ToUnicode calls '∕', in one).
    Removing the param from the page in memory (the file is not touched) makes PDFium
    read the font's text as pdfminer does."""
    key = ctypes.create_string_buffer(b"ActualText")
    for obj in objects:
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
            continue
        for k in range(raw.FPDFPageObj_CountMarks(obj)):
            mark = raw.FPDFPageObj_GetMark(obj, k)
            raw.FPDFPageObjMark_RemoveParam(obj, mark, key)


def _address(handle) -> int:
    """A PDFium handle as a number: the same object through two API calls is one key."""
    return ctypes.c_void_p.from_buffer(handle).value or 0   # the pointer's own bytes: 5x faster than a cast


def _chars(raw, textpage, objects: list[Any], height: float) -> list[Obj]:
    order = {_address(obj): n for n, obj in enumerate(objects) if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_TEXT}
    read: set[int] = set()
    descents: dict[int, float] = {}
    x, y = ctypes.c_double(), ctypes.c_double()
    m = raw.FS_MATRIX()
    advance, descent = ctypes.c_float(), ctypes.c_float()
    keyed: list[tuple[int, int, Obj]] = []
    for i in range(raw.FPDFText_CountChars(textpage)):
        if raw.FPDFText_IsGenerated(textpage, i):
            continue            # a space or line break PDFium made up: pdfminer has no such char
        code = raw.FPDFText_GetUnicode(textpage, i)
        if raw.FPDFText_HasUnicodeMapError(textpage, i) or code in (0, 2, 3, 0xFFFE) or raw.FPDFText_IsHyphen(textpage, i):
            # No text for the glyph (pdfminer writes "(cid:N)") or a hyphen PDFium rewrote.
            raise NeedsPdfminer("a glyph PDFium gives other text than its font")
        obj = raw.FPDFText_GetTextObject(textpage, i)
        key = _address(obj)
        if key not in order:
            raise NeedsPdfminer("text outside the page's own objects")
        read.add(key)
        raw.FPDFText_GetCharOrigin(textpage, i, ctypes.byref(x), ctypes.byref(y))
        raw.FPDFText_GetMatrix(textpage, i, m)
        a, b, c, d = m.a, m.b, m.c, m.d
        if b or c:
            raise NeedsPdfminer("rotated or skewed text")
        size = raw.FPDFText_GetFontSize(textpage, i)
        font = raw.FPDFTextObj_GetFont(obj)
        text = chr(code)
        if not raw.FPDFFont_GetGlyphWidth(font, code, size, ctypes.byref(advance)):
            raise NeedsPdfminer("a glyph without a width")
        font_key = _address(font)
        if font_key not in descents:
            raw.FPDFFont_GetDescent(font, 1.0, ctypes.byref(descent))
            descents[font_key] = min(descent.value, -descent.value)   # pdfminer: always negative
        # pdfminer's LTChar: (0, descent) to (advance, descent + size) in text space.
        x0, x1 = x.value, x.value + advance.value * a
        y0 = y.value + descents[font_key] * size * d
        y1 = y0 + size * d
        x0, x1 = min(x0, x1), max(x0, x1)
        y0, y1 = min(y0, y1), max(y0, y1)
        char = {"object_type": "char", "text": text, "x0": x0, "x1": x1, "top": height - y1, "bottom": height - y0,
                "doctop": height - y1, "width": x1 - x0, "height": y1 - y0, "size": y1 - y0,
                "upright": a * d > 0}
        keyed.append((order[key], i, char))
    for obj in objects:
        key = _address(obj)
        if key in order and key not in read:
            font = raw.FPDFTextObj_GetFont(obj)
            if _address(font) not in descents and not _procedure_font(raw, font):
                # No glyph of its font was read: not a space of a working font but a font
                # PDFium cannot use (a damaged font program), whose text pdfminer still reads.
                raise NeedsPdfminer("text in a font PDFium reads nothing of")
            keyed.append((order[key], -1, _blank(raw, obj, height)))
    keyed.sort(key=lambda t: (t[0], t[1]))   # content order, as pdfminer reads (PDFium sorts a line by x)
    return [char for _, _, char in keyed]


def _procedure_font(raw, font) -> bool:
    """A Type3 font (no name, no font program: each glyph a content procedure), as
    Chromium prints Noto with, one font to a few glyphs: a space may be its only glyph."""
    size = ctypes.c_size_t()
    name = ctypes.create_string_buffer(8)
    raw.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size))
    raw.FPDFFont_GetBaseFontName(font, name, 8)
    return size.value == 0 and not name.value


def _blank(raw, obj, height: float) -> Obj:
    """A text object PDFium's text page leaves out. One with no width is blank glyphs
    (Chromium prints each space as its own text object, and a space has no outline): it
    stands as one space, which ends a word wherever it stands, as pdfminer's spaces do.
    One with a width is a repeat of the text before (fake bold), which pdfminer keeps."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not raw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top))):
        raise NeedsPdfminer("a text object without bounds")
    if right.value - left.value >= 0.01:     # PDFium's kSizeEpsilon
        raise NeedsPdfminer("text PDFium's text page leaves out")
    size, advance = ctypes.c_float(), ctypes.c_float()
    m = _object_matrix(raw, obj)
    if m[1] or m[2] or not raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(size)):
        raise NeedsPdfminer("a blank text object PDFium cannot measure")
    font = raw.FPDFTextObj_GetFont(obj)
    if not raw.FPDFFont_GetGlyphWidth(font, 32, size.value, ctypes.byref(advance)):
        advance.value = 0.0
    x0, y = float(left.value), float(bottom.value)
    x1 = x0 + advance.value * m[0]
    y1 = y + size.value * m[3]
    y0, y1 = min(y, y1), max(y, y1)
    return {"object_type": "char", "text": " ", "x0": min(x0, x1), "x1": max(x0, x1), "top": height - y1,
            "bottom": height - y0, "doctop": height - y1, "width": abs(x1 - x0), "height": y1 - y0, "size": y1 - y0,
            "upright": m[0] * m[3] > 0}


def repaired(pdf) -> bool:
    """Whether PDFium had to rebuild the file's cross-reference table (a damaged file):
    pdfminer may read such a file otherwise, so it keeps today's reading."""
    import pypdfium2.raw as raw

    return not raw.FPDF_DocumentHasValidCrossReferenceTable(pdf.raw)


def read_page(pdf, index: int, keep) -> ObjectsPage:
    """Page `index` of an open pypdfium2 document as chars and the edges of the objects
    `keep` accepts (pdfplumber's page.filter(keep).edges). Raises NeedsPdfminer."""
    import pypdfium2.raw as raw

    page = pdf[index]
    try:
        if page.get_rotation() % 360:
            raise NeedsPdfminer("a rotated page")   # pdfminer turns its coordinates
        left, bottom, right, top = (stream_number(v) for v in page.get_mediabox())
        if left or bottom:
            raise NeedsPdfminer("a media box away from the origin")   # pdfplumber shifts by it
        width, height = right - left, top - bottom
        objects = _top_objects(raw, page.raw)
        edges: list[Obj] = []
        kept: list[Obj] = []
        for obj in objects:
            if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_PATH:
                kept += [o for o in _path_objects(raw, obj, height) if keep(o)]
        by_kind: dict[str, list[Obj]] = {"line": [], "rect": [], "curve": []}
        for o in kept:
            by_kind[o["object_type"]].append(o)
        for kind in ("line", "rect", "curve"):   # pdfplumber's order: line, rect, then curve edges
            for o in by_kind[kind]:
                edges += _edges(o)
        _drop_actual_text(raw, objects)
        textpage = page.get_textpage()
        try:
            chars = [c for c in _chars(raw, textpage.raw, objects, height) if keep(c)]
        finally:
            textpage.close()
        return ObjectsPage(width, height, chars, edges)
    finally:
        page.close()
