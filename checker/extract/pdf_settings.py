"""Every threshold of the PDF extractor, in points unless named otherwise, with why.

Like pdfplumber's own `TableSettings`: one frozen object, passed down the stages, so a
number is changed in one place and a test can try another value.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class PdfSettings:
    # --- page furniture ---
    margin_band: float = 27.0              # from the paper's top or bottom edge: a browser's header and footer only
    running_min_pages: int = 2             # a running line (equal but for numbers) is on at least this many pages …
    repeated_min_pages: int = 3            # … a repeated line (equal text) on at least this many …
    furniture_share: float = 0.6           # … and on this share of all pages
    repeated_max_chars: int = 40           # a running header is short; a repeated long line is text

    # --- table grids (pdfplumber's table finder, its own defaults written out) ---
    snap_tolerance: float = 3.0            # rules this close are one rule (pdfplumber's default)
    join_tolerance: float = 3.0            # collinear rules with a gap this small are one (default)
    edge_min_length: float = 3.0           # shorter rules are ticks, not cell borders (default)
    intersection_tolerance: float = 3.0    # rules this close to crossing cross (default)
    text_tolerance: float = 3.0            # a cell's chars: a gap this wide splits words, tops this close are a line
    rule_reach: float = 2.0                # a vertical rule this far outside a table's sides is still its own
    open_overshoot: float = 3.0            # a vertical rule running this far past a table's top or bottom goes on
    open_rules: int = 2                    # so many rules running on mark an open row (one may be a frame's side)
    side_column: float = 200.0             # beside a table within which a cut merged label column may stand
    side_cover: float = 0.8                # share of the table's height a cut column's rule must run down
    prose_row_margin: float = 2.0          # a one-cell row this close to both sides spans the grid: prose caught by rules
    white: float = 0.99                    # colour components this close to the paper's (1, or 0 ink in CMYK) are white

    # --- placing: stitching fragments over pages, reading order ---
    continues_near_bottom: float = 110.0   # a table ending this close to the page's foot may go on overleaf
    page_stride: float = 100_000.0         # y offset per page, so cells of several pages sort in reading order
    column_snap: float = 6.0               # column edges of stitched fragments this close are one edge
    row_snap: float = 2.0                  # row edges this close are one row edge
    same_width: float = 8.0                # two fragments whose sides are this close are one table's width
    inside_table: float = 1.0              # a line whose middle is this close to a table's box is the table's text
    below_table: float = 1.0               # a line whose top is this far above a table's bottom may still be below it

    # --- lines -> headings and paragraphs ---
    heading_max_chars: int = 40            # a heading is short
    heading_short: float = 40.0            # a numbered heading stops this far short of the right margin
    indent: float = 12.0                   # a line starting this far right of the margin starts a paragraph
    short_line: float = 28.0               # a line stopping this far short of the margin ends its paragraph
    sentence_short: float = 14.0           # … or this far, when it ends a sentence
    right_margin_band: float = 40.0        # lines ending within this of the rightmost one set the right margin
    min_chars_per_page: int = 20           # fewer characters a page than this: a scan with no text layer

    def table_settings(self, explicit_horizontal_lines: list[float] | None = None) -> dict[str, Any]:
        """pdfplumber's TableSettings as a dict (resolved by pdfplumber), with extra rules."""
        out: dict[str, Any] = {
            "vertical_strategy": "lines", "horizontal_strategy": "lines",
            "snap_tolerance": self.snap_tolerance, "join_tolerance": self.join_tolerance,
            "edge_min_length": self.edge_min_length, "intersection_tolerance": self.intersection_tolerance,
        }
        if explicit_horizontal_lines:
            out["explicit_horizontal_lines"] = explicit_horizontal_lines
        return out

    def text_settings(self) -> dict[str, float]:
        """Table.extract's keywords: how a cell's chars become its text."""
        return {"x_tolerance": self.text_tolerance, "y_tolerance": self.text_tolerance}


DEFAULT_PDF = PdfSettings()
