"""Mapped cells -> values: a number, or None with the reason and the printed text."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from .document import Location
from .findings import CellRef
from .mapping import MappedTable
from .normalize import parse_cell
from .templates import LabelSpec, load_templates

UNIT_FACTORS = {("元", "万元"): Decimal("0.0001")}


@dataclass(frozen=True, slots=True)
class Value:
    ref: CellRef
    number: int | Decimal | None     # None: blank, not a number, or not a valid count
    text: str                        # as printed
    location: Location
    problem: str | None = None       # blank | placeholder | text | not_whole | negative | unit | unreadable
    decimals: int = 0
    unit: str | None = None          # unit printed in the cell


@cache
def column_spec(table_id: str, row_id: str, column_id: str) -> LabelSpec | None:
    """The column's spec in the template whose row has that column (2021 first)."""
    for template in sorted(load_templates().values(), key=lambda t: -t.first_year):
        spec = template.tables[table_id]
        if column_id in spec.columns_of(row_id) and spec.row(row_id) is not None:
            return spec.column(column_id)
    for template in load_templates().values():
        col = template.tables[table_id].column(column_id)
        if col is not None:
            return col
    return None


def read_value(ref: CellRef, text: str, location: Location, *, readable: bool = True) -> Value:
    if not readable:  # a short row's missing cell, a run-on cell no reading decides: EXT001/EXT003-6 say so
        return Value(ref, None, text, location, "unreadable")
    parsed = parse_cell(text)
    if parsed.kind != "number" or parsed.number is None:   # a number always carries its value
        return Value(ref, None, text, location, parsed.kind)
    spec = column_spec(ref.table, ref.row, ref.column)
    kind = spec.kind if spec else "count"
    number = parsed.number
    if kind == "money":
        if parsed.unit and spec and spec.unit and parsed.unit != spec.unit:
            factor = UNIT_FACTORS.get((parsed.unit, spec.unit))
            if factor is not None:
                converted = Decimal(number) * factor
                return Value(ref, converted, text, location, "unit", parsed.decimals + 4, parsed.unit)
        return Value(ref, number, text, location, None, parsed.decimals, parsed.unit)
    if isinstance(number, Decimal):
        if number != number.to_integral_value():
            return Value(ref, None, text, location, "not_whole", parsed.decimals, parsed.unit)
        number = int(number)  # "2.0" is the count 2, printed with a decimal point
    if number < 0 and kind != "signed_count":
        return Value(ref, None, text, location, "negative", 0, parsed.unit)
    return Value(ref, number, text, location, None, 0, parsed.unit)


def read_values(tables: dict[str, MappedTable]) -> dict[CellRef, Value]:
    out: dict[CellRef, Value] = {}
    for table_id, mapped in tables.items():
        for (row, column), cell in mapped.cells.items():
            ref = CellRef(table_id, row, column)
            out[ref] = read_value(ref, cell.text, cell.location, readable=cell.source is not None)
    return out
