"""How much a document may hold once read: a report has some thousands of characters and
some hundreds of blocks, and every later stage costs time per character and per block
(a single 40 MB line, or a Word file of half a million one-word paragraphs, took minutes).
Past the bounds (settings.Limits) the file gets one sentence, errors.TextTooLong (too big,
as past any limit), instead of a check that ends at the time limit.
"""
from __future__ import annotations

from ..document import Document, Table
from ..errors import TextTooLong
from ..settings import Limits


def refuse_long_text(name: str, chars: int, limits: Limits) -> None:
    if chars > limits.max_text_chars:
        raise TextTooLong(name, f"{chars}字，上限{limits.max_text_chars}字")


def text_chars(document: Document) -> int:
    """Characters of the headings, paragraphs and cells (a merged cell counted once)."""
    chars = sum(len(block.text) for block in document.text_blocks())
    for table in (b for b in document.blocks if isinstance(b, Table)):
        chars += sum(len(cell.text) for cell in {id(c): c for row in table.rows for c in row}.values())
    return chars


def refuse_overlong(document: Document, name: str, limits: Limits) -> None:
    if len(document.blocks) > limits.max_blocks:
        raise TextTooLong(name, f"{len(document.blocks)}段，上限{limits.max_blocks}段")
    refuse_long_text(name, text_chars(document), limits)
