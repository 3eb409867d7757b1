"""The document model every extractor produces: ordered blocks with locations.

Extractors know file formats and nothing of reports; everything after them
knows reports and nothing of file formats. This module imports nothing of ours.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Location:
    """Where something was printed: a page for paged formats, a line for text (and, in a
    capture's one-line body, the character where it starts: `column`, from 1)."""

    page: int | None = None
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int | None  # 1 = top; None when the format gives no level (a bare numbered line)
    location: Location = Location()


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    location: Location = Location()


@dataclass(frozen=True, slots=True)
class Cell:
    """One grid position. A merged cell is repeated over every position it
    covers, all copies sharing the `origin` (row, column) of the printed cell."""

    text: str
    origin: tuple[int, int]


@dataclass(slots=True)
class Table:
    rows: list[list[Cell]]
    location: Location = Location()
    row_locations: list[Location] = field(default_factory=list)
    # True when the source fixes cell positions (HTML, DOCX, PDF grids); False
    # for tab-separated and pipe tables in text, where empty cells drift.
    aligned: bool = True

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def texts(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.rows]

    def row_location(self, index: int) -> Location:
        if index < len(self.row_locations):
            return self.row_locations[index]
        return self.location


Block = Heading | Paragraph | Table


@dataclass(slots=True)
class Document:
    blocks: list[Block]
    format: str  # text | markdown | html | pdf | docx
    metadata: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the extractor could not read

    def text_blocks(self) -> list[Heading | Paragraph]:
        return [b for b in self.blocks if not isinstance(b, Table)]


def grid_from_texts(rows: list[list[str]]) -> list[list[Cell]]:
    """Cells for a grid with no merged cells (each cell its own origin)."""
    return [[Cell(text, (r, c)) for c, text in enumerate(row)] for r, row in enumerate(rows)]
