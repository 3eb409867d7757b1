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
from ..words import Words

CHARS_OVER = Words("{chars}字，上限{limit}字", "{chars} characters, the limit is {limit}")
BLOCKS_OVER = Words("{blocks}段，上限{limit}段", "{blocks} blocks, the limit is {limit}")


def refuse_long_text(name: str, chars: int, limits: Limits) -> None:
    if chars > limits.max_text_chars:
        raise TextTooLong(name, CHARS_OVER(chars=chars, limit=limits.max_text_chars))


def text_chars(document: Document) -> int:
    """Characters of the headings, paragraphs and cells (a merged cell counted once)."""
    chars = sum(len(block.text) for block in document.text_blocks())
    for table in (b for b in document.blocks if isinstance(b, Table)):
        chars += sum(len(cell.text) for cell in {id(c): c for row in table.rows for c in row}.values())
    return chars


def refuse_overlong(document: Document, name: str, limits: Limits) -> None:
    if len(document.blocks) > limits.max_blocks:
        raise TextTooLong(name, BLOCKS_OVER(blocks=len(document.blocks), limit=limits.max_blocks))
    refuse_long_text(name, text_chars(document), limits)
