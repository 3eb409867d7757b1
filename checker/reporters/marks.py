"""How a drawn table marks its cells, in one place for the terminal and the HTML pages:
which cells findings name (the worst severity; whether a finding is about that very cell
or it is one of its identity's cells), and what a cell shows (its number, 未读出 for a
run-on cell no reading decides, the print of a blank or non-number cell, and `*` after a
run-on cell split by what the report says)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..findings import CellRef, Finding, Severity
from .words import UNREAD_TEXT, value_text

DECIDED_SIGN = "*"


@dataclass(frozen=True)
class CellMark:
    severity: Severity              # the worst of the findings naming the cell
    own: bool                       # some finding is about this very cell (the pages outline it)
    own_severity: Severity | None = None   # the worst of the findings about this very cell
    messages: tuple[str, ...] = ()  # the findings' messages (the pages' tooltip)

    @property
    def signed(self) -> bool:
        """A finding about this very cell is its worst: the terminal adds that severity's sign."""
        return self.own_severity == self.severity


def cell_marks(findings: Iterable[Finding]) -> dict[CellRef, CellMark]:
    """Per cell a finding names: the worst severity, whether it is a finding's own cell, the messages."""
    marks: dict[CellRef, CellMark] = {}
    for f in findings:
        own = f.location.cell
        named = ([own] if own else []) + [ref for ref in f.location.cells if ref != own]
        for ref in named:
            old = marks.get(ref)
            severity = f.severity if old is None or f.severity.rank < old.severity.rank else old.severity
            messages = old.messages if old else ()
            if f.message and f.message not in messages:
                messages = (*messages, f.message)
            own_severity = old.own_severity if old else None
            if ref == own and (own_severity is None or f.severity.rank < own_severity.rank):
                own_severity = f.severity
            marks[ref] = CellMark(severity, own_severity is not None, own_severity, messages)
    return marks


def cell_text(value: object, printed: str | None, *, unread: bool, decided: bool, blank: str | None = None) -> str:
    """What a drawn cell shows: 未读出; its number; for a cell with no number its print (or
    `blank`, for a drawing without the print), 空白 when it printed nothing; `*` when decided."""
    if unread:
        text = UNREAD_TEXT
    elif value is None:
        text = blank if blank is not None else (printed or "空白")
    else:
        text = value_text(value)
    return text + DECIDED_SIGN if decided else text
