"""Where the data lives and the limits that keep a check bounded."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

RULES_DIR = Path(os.environ.get("GOVCHECK_RULES", Path(__file__).resolve().parent.parent / "rules"))


@dataclass(frozen=True)
class Limits:
    """Bounds on the work one file may cause (never hang on a huge input)."""

    max_bytes: int = 50 * 1024 * 1024
    max_table_cells: int = 200_000   # spans are clipped so one table cannot explode
    max_span: int = 200              # largest rowspan/colspan honoured
    max_pages: int = 500             # a PDF longer than this is not an annual report
    max_unpacked_bytes: int = 200 * 1024 * 1024   # a Word file's parts, as its zip says they unpack
    max_xml_bytes: int = 50 * 1024 * 1024         # … and its XML parts (parsed: about 15 times that in memory)
    max_text_chars: int = 1_000_000  # a report's text: over 100 times the longest real one
    max_blocks: int = 20_000         # headings, paragraphs and tables: over 300 times a real report's

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_table_cells", "max_span", "max_pages", "max_unpacked_bytes", "max_xml_bytes",
                     "max_text_chars", "max_blocks"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)}")


DEFAULT_LIMITS = Limits()
