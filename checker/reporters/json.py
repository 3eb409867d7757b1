"""JSON per DOMAIN.md §6: one object per checked file, one per line (JSON Lines)."""
from __future__ import annotations

from typing import TextIO

from ..result import Result
from .screen import json_line


class JsonReporter:
    def __init__(self, stream: TextIO, **_: object) -> None:
        self.stream = stream

    def add(self, result: Result) -> None:
        self.stream.write(json_line(result.to_dict()) + "\n")

    def add_failure(self, name: str, sentence: str) -> None:
        self.stream.write(json_line({"file": name, "error": sentence}) + "\n")

    def finish(self) -> None:
        self.stream.flush()
