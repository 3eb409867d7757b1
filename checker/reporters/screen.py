"""Text from a report (title, heading, cell, message, file name) on a terminal: always
text, never codes. `visible` is the one place that decides what a terminal may receive;
every terminal writer (the report, the batch summary, `report --db`, the sentences on
stderr) goes through it, and rich output is built from `Text` objects made by
console.plain, so no report text is ever read as console markup. No rich here: a sentence
on stderr needs none.
"""
from __future__ import annotations

import json
import re
import sys
from typing import TextIO

# C0 (tab and newline apart), DEL, C1 (CSI, OSC … as single code points), the bidirectional
# overrides and isolates (text shown in another order than it is stored), and lone
# surrogates (bytes of a file name that are not UTF-8). ESC is among the C0, so an escape
# sequence, an OSC title or hyperlink with or without its terminator, is left inert.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_LAYOUT = re.compile("[\t\n]")


def _shown(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:          # a byte that is not UTF-8, as surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: object, *, layout: bool = False) -> str:
    """`text` with every control character written out as an escape (ESC → `\\x1b`), so
    nothing in it acts on the terminal. With `layout`, tabs and newlines are kept."""
    text = "" if text is None else str(text)
    text = _UNSAFE.sub(_shown, text)
    return text if layout else _LAYOUT.sub(_shown, text)


def json_line(value: object) -> str:
    """One JSON Lines record that is safe on a terminal too: the characters `visible`
    escapes are written as JSON escapes (`\\u009b`), so the text they stand for is unchanged."""
    text = json.dumps(value, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def say(sentence: object, stream: TextIO | None = None) -> None:
    """One sentence for a person on stderr (it may name a file or quote a report)."""
    print(visible(sentence), file=stream or sys.stderr)
