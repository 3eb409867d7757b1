"""Reporters: each formats records, none computes. One protocol for every output: `start()`,
`add(record)` for each file's record.Record, `finish()`; --format takes its choices from REPORTERS.
A terminal or JSON reporter is made over a stream; a CSV, XLSX or HTML one over its -o target."""
from __future__ import annotations

from typing import Protocol

from ..record import Record
from .json import JsonReporter
from .pages import HtmlReporter
from .sheets import CsvReporter, XlsxReporter
from .terminal import TerminalReporter


class Reporter(Protocol):
    def start(self) -> None: ...

    def add(self, record: Record) -> None: ...

    def finish(self) -> None: ...


# stream formats first, then those written to -o (the order --help lists them in)
REPORTERS: dict[str, type] = {"json": JsonReporter, "rich": TerminalReporter,
                              "csv": CsvReporter, "xlsx": XlsxReporter, "html": HtmlReporter}
__all__ = ["REPORTERS", "CsvReporter", "HtmlReporter", "JsonReporter", "Reporter", "TerminalReporter",
           "XlsxReporter"]
