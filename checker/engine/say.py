"""A finding of a rule: its sentence (from the rule file) over the values a kind names."""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TypedDict

from ..document import Location as DocLocation
from ..findings import CellRef, Finding, Location, Number
from ..prose import Sentence
from .rule import Rule


def finding(rule: Rule, location: Location, say: Mapping[str, object], *, expected: Number | str | None = None,
            actual: Number | str | None = None, evidence: str | None = None, variant: str | None = None) -> Finding:
    """A finding of `rule`, its message formatted once from the kind's values in `say`;
    `variant` names the case's own sentence in the rule's `[messages]` ("many", "blank", …)."""
    message = rule.message_for(variant).format(**{k: show(v) for k, v in say.items()})
    return Finding(rule.code, rule.category, rule.severity, message, location, expected, actual, evidence)


def show(value: object) -> object:
    """Decimals without trailing zeros: 25.1000 -> 25.1, 3E+2 -> 300."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return value


class Printed(TypedDict, total=False):
    page: int | None
    line: int | None


def printed_at(loc: DocLocation | None) -> Printed:
    """A finding's page or line: `Location(…, **printed_at(loc))`."""
    return {"page": loc.page, "line": loc.line} if loc else {}


def sentence_place(sentence: Sentence, cell: CellRef | None = None, cells: tuple[CellRef, ...] = ()) -> Location:
    """Where a sentence stands: its section and paragraph, and page or line where the file has them."""
    return Location(section=sentence.section, paragraph=sentence.paragraph, cell=cell, cells=cells,
                    **printed_at(sentence.location))
