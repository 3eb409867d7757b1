"""Reporters: each formats records, none computes. One protocol for every output: `start()`,
`add(record)` for each file's record.Record, `finish()`; --format takes its choices from REPORTERS.
A terminal or JSON reporter is made over a stream; a CSV, XLSX or HTML one over its -o target.

A reporter's module (and rich, for the terminal) is imported when its format is asked for:
`reporter_class` is the one way to get one."""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..record import Record


class Reporter(Protocol):
    def start(self) -> None: ...

    def add(self, record: Record) -> None: ...

    def finish(self) -> None: ...


# --format's choices, stream formats first, then those written to -o (the order --help lists
# them in): each with the module and class that write it
REPORTERS: dict[str, tuple[str, str]] = {"json": ("json", "JsonReporter"), "rich": ("terminal", "TerminalReporter"),
                                         "csv": ("sheets", "CsvReporter"), "xlsx": ("sheets", "XlsxReporter"),
                                         "html": ("pages", "HtmlReporter")}


def reporter_class(fmt: str) -> type:
    """The reporter of --format `fmt`, its module imported now."""
    module, name = REPORTERS[fmt]
    return getattr(import_module(f"{__name__}.{module}"), name)


__all__ = ["REPORTERS", "Reporter", "reporter_class"]
