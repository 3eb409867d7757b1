"""Report text as rich renderables for the terminal writers (the report, the batch summary,
`report --db`, `rules`): always through screen.visible, never markup."""
from __future__ import annotations

from rich.text import Text

from .screen import visible


def plain(value: object, style: str = "") -> Text:
    """Report text as a rich cell or line: visible, never markup."""
    return Text(visible(value), style=style)
