"""JSON per DOMAIN.md §6: one object per checked file, one per line (JSON Lines)."""
from __future__ import annotations

import json
from typing import TextIO

from ..result import Result


class JsonReporter:
    def __init__(self, stream: TextIO, **_: object) -> None:
        self.stream = stream

    def add(self, result: Result) -> None:
        self.stream.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")

    def add_failure(self, name: str, sentence: str) -> None:
        self.stream.write(json.dumps({"file": name, "error": sentence}, ensure_ascii=False) + "\n")

    def finish(self) -> None:
        self.stream.flush()
