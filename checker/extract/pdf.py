"""PDF -> Document. Only this module and its stages (pdf_*, pdfium_objects) import a PDF library.

The stages, each a function below:
1. read pages: pypdfium2 (about 2 ms a page) reads every page's text lines, boxes and
   fonts, the metadata, and whether there is a text layer at all (pdf_lines);
2. remove page furniture: page numbers, running headers and footers (pdf_lines);
3. read fragments: the table grids of the pages whose text names a standard table, and
   of the page after each table that reaches its page's foot (pdf_grids). pdfplumber's
   table finder reads them from chars and ruling lines that PDFium gives
   (pdfium_objects), so pdfminer parses no page; only a page PDFium's reading cannot
   match pdfminer's on (pdfium_objects.NeedsPdfminer) is read by pdfplumber as before;
4. place tables: fragments among the lines in reading order, a table printed over page
   breaks stitched into one grid (pdf_tables);
5. blocks: lines -> headings and paragraphs, beside the tables (pdf_blocks).
Every threshold is in pdf_settings.PdfSettings.
"""
from __future__ import annotations

import logging
from collections.abc import Collection

from ..document import Document
from ..errors import BrokenFile, EncryptedPdf, PdfTablesUnreadable, ScannedPdf, TooLarge
from ..settings import DEFAULT_LIMITS, Limits
from ..words import Words
from .bounds import refuse_long_text
from .pdf_blocks import blocks_from_items, margins
from .pdf_grids import Fragment, drawn, page_fragments
from .pdf_lines import Line, page_lines, without_furniture
from .pdf_settings import DEFAULT_PDF, PdfSettings
from .pdf_tables import placed, reaches_foot, stitch, table_from_fragment, table_pages

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # a FontBBox warning per glyph on Type3 fonts

BROKEN_STRUCTURE = Words("PDF 结构损坏", "broken PDF structure")
NO_PAGES = Words("没有页面", "no pages")
PAGES_OVER = Words("{pages} 页 > {limit}", "{pages} pages > {limit}")


def _open(data: bytes, name: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPdf(name) from exc
        raise BrokenFile(name, BROKEN_STRUCTURE()) from exc


def read_pages(pdf, name: str, limits: Limits) -> tuple[list[list[Line]], list[float], dict[str, str]]:
    """Stage 1: every page's lines and height, and the document's metadata."""
    import pypdfium2 as pdfium

    n_pages = len(pdf)
    if n_pages == 0:
        raise BrokenFile(name, NO_PAGES())
    if n_pages > limits.max_pages:
        raise TooLarge(name, PAGES_OVER(pages=n_pages, limit=limits.max_pages))
    metadata = {f"pdf:{k}": str(v) for k, v in pdf.get_metadata_dict().items() if v}
    pages, heights = [], []
    try:
        for i in range(n_pages):
            page = pdf[i]
            pages.append(page_lines(page, i + 1))
            heights.append(page.get_height())
    except pdfium.PdfiumError as exc:
        raise BrokenFile(name, str(exc)) from exc
    return pages, heights, metadata


def read_fragments(pdf, data: bytes, pages: list[list[Line]], name: str, table_words: Collection[str],
                   s: PdfSettings = DEFAULT_PDF) -> dict[int, list[Fragment]]:
    """Stage 3: the grids of the table pages. PDFium's objects first; whatever that route
    meets (a page pdfminer must read and cannot, a PDFium error) sends the whole file down
    the old route: pdfplumber, and if pdfminer cannot parse the file (a broken xref, bytes
    deleted or repeated: pdfium repairs such files), pdfplumber on pdfium's own copy of
    what it read, written out clean. A file neither reads is damaged."""
    for read in (lambda: _pdfium_tables(pdf, data, pages, table_words, s),
                 lambda: _plumber_tables(data, pages, table_words, s)):
        try:
            return read()
        except MemoryError:
            raise
        except Exception:   # PdfiumError, PdfminerException, PSSyntaxError, KeyError …
            pass
    try:
        return _plumber_tables(_rewritten(data), pages, table_words, s)
    except MemoryError:
        raise
    except Exception as exc:
        raise PdfTablesUnreadable(name) from exc


def _table_queue(pages: list[list[Line]], table_words: Collection[str], fragments_of, s: PdfSettings) -> dict[int, list[Fragment]]:
    """The pages that name a table, and each page after one whose table reaches its foot
    (the table may go on there). Pages go in order, each next page straight after its
    predecessor, so a page is read once, and knows whether a table may go on onto it."""
    fragments_by_page: dict[int, list[Fragment]] = {}
    queue = [(i, False) for i in table_pages(pages, table_words)]
    while queue:
        i, continued = queue.pop(0)
        if i >= len(pages) or i in fragments_by_page:
            continue
        found = fragments_of(i, continued)
        fragments_by_page[i] = found
        if any(reaches_foot(f, pages[i], found, s) for f in found):
            queue.insert(0, (i + 1, True))
    return fragments_by_page


def _pdfium_tables(pdf, data: bytes, pages: list[list[Line]], table_words: Collection[str],
                   s: PdfSettings) -> dict[int, list[Fragment]]:
    """Grids from PDFium's chars and paths. The fallback: a page on which PDFium's reading
    cannot be made pdfminer's (pdfium_objects.NeedsPdfminer: a rotated page, a media box
    off the origin, a form XObject, rotated text, a glyph without Unicode text or a hyphen
    PDFium rewrote, text PDFium's text page drops as a repeat or in a font it reads no
    glyph of) is read by pdfplumber. A file whose cross-reference table PDFium rebuilt (a
    damaged file) goes down the old route whole: pdfminer and PDFium read damage apart."""
    from .pdfium_objects import NeedsPdfminer, read_page, repaired

    if repaired(pdf):
        raise NeedsPdfminer("a damaged file: today's reading (pdfminer, then the repaired copy)")
    plumber = None
    try:
        def fragments_of(i: int, continued: bool) -> list[Fragment]:
            nonlocal plumber
            try:
                return page_fragments(read_page(pdf, i, drawn), i + 1, continued, s)
            except NeedsPdfminer:
                pass
            if plumber is None:
                plumber = _plumber_open(data)
            return _plumber_page_fragments(plumber, i, continued, s)

        return _table_queue(pages, table_words, fragments_of, s)
    finally:
        if plumber is not None:
            plumber.close()


def _plumber_open(data: bytes):
    import io

    import pdfplumber

    return pdfplumber.open(io.BytesIO(data))


def _plumber_page_fragments(plumber, i: int, continued: bool, s: PdfSettings) -> list[Fragment]:
    page = plumber.pages[i]
    try:
        return page_fragments(page.filter(drawn), i + 1, continued, s)
    finally:
        page.close()


def _plumber_tables(data: bytes, pages: list[list[Line]], table_words: Collection[str],
                    s: PdfSettings) -> dict[int, list[Fragment]]:
    """pdfplumber's grids of the table pages, pdfminer parsing each (the old route)."""
    if not table_pages(pages, table_words):
        return {}
    with _plumber_open(data) as plumber:
        return _table_queue(pages, table_words, lambda i, continued: _plumber_page_fragments(plumber, i, continued, s), s)


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


def extract_pdf(data: bytes, name: str, *, limits: Limits = DEFAULT_LIMITS,
                table_words: Collection[str] = (), settings: PdfSettings = DEFAULT_PDF) -> Document:
    pdf = _open(data, name)
    try:
        pages, heights, metadata = read_pages(pdf, name, limits)                 # 1
        chars = sum(len(l.text) for lines in pages for l in lines)
        if chars < settings.min_chars_per_page * len(pages):
            raise ScannedPdf(name)
        refuse_long_text(name, chars, limits)   # before the table pass, which costs far more a character
        pages = without_furniture(pages, settings)                                # 2
        fragments_by_page = read_fragments(pdf, data, pages, name, table_words, settings)   # 3
    finally:
        pdf.close()
    items = stitch(placed(pages, fragments_by_page, settings), heights, settings)   # 4
    tables = [table_from_fragment(item, settings) if isinstance(item, Fragment) else item for item in items]
    left, right = margins(pages, settings)
    return Document(blocks_from_items([b for b in tables if b is not None], left, right, settings), "pdf", metadata)  # 5
