"""File -> Document: sniff the format, decode, hand to the right extractor.

Each extractor module (and the library it wraps: pypdfium2 and pdfplumber, bs4 and lxml,
the DOCX reader) is imported when the first file of its format comes, not before: a text
check never pays for the PDF libraries, and `govcheck --version` pays for none."""
from __future__ import annotations

import codecs
import re
from collections.abc import Collection
from pathlib import Path

from ..document import Document
from ..errors import BinaryFile, EmptyFile, FileMissing, NotAFile, TooLarge, UndecodableText, UnsupportedFormat
from ..settings import DEFAULT_LIMITS, Limits
from ..words import Words
from .bounds import refuse_long_text
from .encoding import declared_charset, decode
from .files import refuse_special
from .refusals import refusal

BYTES_OVER = Words("{size} 字节 > {limit}", "{size} bytes > {limit}")
OLD_WORD = Words("旧版 Word（.doc）请先另存为 .docx", "save old Word (.doc) files as .docx first")

_HTML_START = re.compile(rb"<\s*(!doctype\s+html|html|head|body|meta|table|div|p|title|span|h[1-6])\b", re.I)


def sniff_format(data: bytes, name: str) -> str:
    """pdf | docx | doc | html | markdown | text, from the bytes first, then the name."""
    head = data[:4096]
    if head.lstrip().startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:200_000] or name.lower().endswith(".docx") else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if _HTML_START.search(head.lstrip()[:1024]) or name.lower().endswith((".html", ".htm", ".shtml")):
        return "html"
    if name.lower().endswith((".md", ".markdown")):
        return "markdown"
    return "text"


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.02


def read_bytes(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    p = Path(path)
    if not p.exists():
        raise FileMissing(path)
    if p.is_dir():
        raise NotAFile(path)
    refuse_special(p)   # a device, FIFO or socket is never opened
    size = p.stat().st_size
    if size > limits.max_bytes:
        raise TooLarge(path, BYTES_OVER(size=size, limit=limits.max_bytes))
    return p.read_bytes()


def document_from_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS, *,
                        table_words: Collection[str] = ()) -> Document:
    """`table_words`: words that mark a PDF page holding a standard table (from the templates,
    which extractors do not read); without them every page of a PDF is read for grids."""
    if not data.strip():
        raise EmptyFile(name)
    if len(data) > limits.max_bytes:
        raise TooLarge(name, BYTES_OVER(size=len(data), limit=limits.max_bytes))
    fmt = sniff_format(data, name)
    refused = refusal(data, name, fmt)   # an archive, an OFD file, govcheck's own page: what to do instead
    if refused is not None:
        raise refused
    if fmt == "pdf":
        from .pdf import extract_pdf
        return extract_pdf(data, name, limits=limits, table_words=table_words)
    if fmt == "docx":
        from .docx import extract_docx
        return extract_docx(data, name, limits=limits)
    if fmt == "doc":
        raise UnsupportedFormat(name, OLD_WORD())
    if fmt == "zip":
        raise BinaryFile(name)
    has_bom = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not has_bom and _looks_binary(data):  # UTF-16 text (Notepad's "Unicode") is full of NULs
        raise BinaryFile(name)
    text = decode(data, declared_charset(data) if fmt == "html" else None)
    if text is None:
        raise UndecodableText(name)
    if not text.strip():  # full-width spaces only, say
        raise EmptyFile(name)
    if fmt != "html":     # a text file's text is the report: bounded before it is read
        refuse_long_text(name, len(text), limits)
    if fmt == "html":
        from .html import extract_html
        return extract_html(text, limits=limits)
    from .text import extract_text
    return extract_text(text, markdown=fmt == "markdown")


def read_document(path: str | Path, limits: Limits = DEFAULT_LIMITS, *, table_words: Collection[str] = ()) -> Document:
    return document_from_bytes(read_bytes(path, limits), str(path), limits, table_words=table_words)
