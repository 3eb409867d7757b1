"""JSON per DOMAIN.md §6 (plus status, tool_version, options …): one object per file, one per
line (JSON Lines), the same shape for one file and for many (record.Record.to_dict)."""
from __future__ import annotations

from typing import TextIO

from ..record import Record
from .screen import json_line


class JsonReporter:
    def __init__(self, stream: TextIO, **_: object) -> None:
        self.stream = stream

    def start(self) -> None:
        pass

    def add(self, record: Record) -> None:
        self.stream.write(json_line(record.to_dict(for_readers=True)) + "\n")

    def finish(self) -> None:
        self.stream.flush()
