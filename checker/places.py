"""Places in a report, named in the report's own words.

Two things are kept apart: the *printed location* (第3页 / 第82行: where the words stand in
the file) and the *report place* (表三「予以公开」行「总计」列, 第五部分第2段: where they
stand in the report's structure). A cell has one key everywhere (rule params, fixtures,
records, HTML anchors): `t3.result.total.natural`, `t4.review.upheld` (table, row, column;
row ids may hold dots, table and column ids never do).

Rows and columns are named by the template the report uses for that table (a 2019 report's
表二 row is 「规范性文件」, a 2021 one's 「行政规范性文件」); a place outside that template
falls back to the wording of any template, newest first. Messages (engine/kinds.py) and every
reporter name places through this module, so a finding reads alike in its message and in
its 位置 column.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache

from .findings import CellRef
from .templates import TABLE_IDS, TABLE_NAMES, TableSpec, load_sections, load_templates, union_spec

# --- the one cell key -------------------------------------------------------------------

def cell_key(ref: CellRef) -> str:
    """`t3.result.total.natural`."""
    return f"{ref.table}.{ref.row}.{ref.column}"


@lru_cache(maxsize=4096)   # a season's records name the same few hundred cells: each parsed once
def cell_of_key(key: str) -> CellRef:
    """The cell a key names (the inverse of cell_key); a key without its three parts gives
    empty ones, for the caller to refuse (engine/params.check_cell names the rule file)."""
    table, _, rest = key.partition(".")
    row, _, column = rest.rpartition(".")
    return CellRef(table, row, column)


def key_of_place(place: Mapping[str, object]) -> str | None:
    """The cell key of a JSON location (or one entry of its `cells`); None when it names no
    cell. JSON names a 表四 cell by its column alone ("review.upheld": DOMAIN §6)."""
    table, row, column = place.get("table"), place.get("row"), place.get("column")
    if not isinstance(table, str) or not table or not isinstance(column, str) or not column:
        return None
    if table == "t4":
        return f"t4.{column}"
    return f"{table}.{row}.{column}" if isinstance(row, str) and row else None


# --- whose words ------------------------------------------------------------------------

@dataclass(frozen=True)
class Wording:
    """The templates a report uses: `template` for the report, `table_templates` per table
    where one table follows another template. Empty: any template's words, newest first."""

    template: str | None = None
    table_templates: Mapping[str, str] = field(default_factory=dict)

    def spec(self, table_id: str) -> TableSpec | None:
        """The report's own template for this table, or None when it has none we know."""
        template = load_templates().get(self.table_templates.get(table_id) or self.template or "")
        return template.tables[table_id] if template is not None and table_id in template.tables else None

    def spec_or_union(self, table_id: str) -> TableSpec:
        """The report's own template for this table, else every template's rows and columns."""
        return self.spec(table_id) or union_spec(table_id)


ANY_TEMPLATE = Wording()


def wording_of(record: Mapping[str, object]) -> Wording:
    """The wording of a record (its `template` and `table_templates`)."""
    template, per_table = record.get("template"), record.get("table_templates")
    return Wording(template if isinstance(template, str) else None,
                   dict(per_table) if isinstance(per_table, Mapping) else {})
PRE_2019 = "pre2019"   # facts.PRE_2019: reports for 2018 and earlier (no template of ours)

# The wording of the report the engine is checking now: kinds.py's label functions take no
# report, so check.py sets this around a report's rules (see `reading`).
_reading: ContextVar[Wording] = ContextVar("reading", default=ANY_TEMPLATE)


@contextmanager
def reading(wording: Wording) -> Iterator[None]:
    """Name places in `wording` while the rules of one report run."""
    token = _reading.set(wording)
    try:
        yield
    finally:
        _reading.reset(token)


def current() -> Wording:
    return _reading.get()


# --- names ------------------------------------------------------------------------------

def table_name(table_id: str) -> str:
    """表三."""
    return TABLE_NAMES.get(table_id, table_id)


def _specs(table_id: str, wording: Wording) -> list[TableSpec]:
    if table_id not in TABLE_IDS:
        return []
    own = wording.spec(table_id)
    return [own, union_spec(table_id)] if own is not None else [union_spec(table_id)]


def row_name(table_id: str, row_id: str, wording: Wording = ANY_TEMPLATE) -> str:
    """A row's words (its short form where the label is long or ambiguous): 本年新收申请."""
    for spec in _specs(table_id, wording):
        found = spec.row(row_id)
        if found is not None:
            return found.short or found.label
    return row_id


def column_name(table_id: str, column_id: str, wording: Wording = ANY_TEMPLATE) -> str:
    """A column's words: 自然人."""
    for spec in _specs(table_id, wording):
        found = spec.column(column_id)
        if found is not None:
            return found.label
    return column_id


def cell_name(ref: CellRef, wording: Wording = ANY_TEMPLATE) -> str:
    """「本年新收申请」行「自然人」列; 表四's cells 「行政复议·结果维持」 (its rows are column groups)."""
    if ref.table == "t4":
        return f"「{row_name('t4', ref.row, wording)}·{column_name('t4', ref.column, wording)}」"
    return f"「{row_name(ref.table, ref.row, wording)}」行「{column_name(ref.table, ref.column, wording)}」列"


def cell_position(ref: CellRef) -> tuple[int, int, int]:
    """Where a cell stands in the templates (table, row, column): the order to report cells in."""
    spec = union_spec(ref.table)
    return (TABLE_IDS.index(ref.table), spec.row_ids.index(ref.row) if ref.row in spec.row_ids else 999,
            spec.column_ids.index(ref.column) if ref.column in spec.column_ids else 999)


def section_name(section_id: str | None, paragraph: int | None = None) -> str:
    """第五部分, 第五部分第2段; 开头第3段 for a paragraph before section 一; "" for neither."""
    after = f"第{paragraph}段" if paragraph is not None else ""
    if section_id:
        spec = next((s for s in load_sections() if s.id == section_id), None)
        return (f"第{spec.numeral}部分" if spec else "某部分") + after
    return f"开头{after}" if after else ""


def template_name(template_id: str | None) -> str:
    """A template as a person names it: 2021, 2019, 2019年以前; 未知 for none."""
    if not template_id:
        return "未知"
    return "2019年以前" if template_id == PRE_2019 else template_id


def printed_at(page: int | None = None, line: int | None = None) -> str:
    """The printed location: 第3页 / 第82行; "" when the file has neither."""
    return " / ".join(p for p in (f"第{page}页" if page is not None else "",
                                  f"第{line}行" if line is not None else "") if p)


def report_place(place: Mapping[str, object], wording: Wording = ANY_TEMPLATE) -> str:
    """The report place of a JSON location (table, row, column, section, paragraph):
    表三「本年新收申请」行「自然人」列, 表四「行政复议·结果维持」, 第五部分第2段; "" for none.
    A JSON location names a 表四 cell by its column alone ("review.upheld")."""
    parts = []
    table, row, column = place.get("table"), place.get("row"), place.get("column")
    if isinstance(table, str) and table:
        name = table_name(table)
        if table == "t4" and isinstance(column, str) and column:
            group, _, leaf = column.partition(".")
            parts.append(name + cell_name(CellRef("t4", group, leaf), wording))
        elif isinstance(row, str) and row and isinstance(column, str) and column:
            parts.append(name + cell_name(CellRef(table, row, column), wording))
        elif isinstance(row, str) and row:
            parts.append(f"{name}「{row_name(table, row, wording)}」行")
        else:
            parts.append(name)
    section, paragraph = place.get("section"), place.get("paragraph")
    text = section_name(section if isinstance(section, str) else None,
                        paragraph if isinstance(paragraph, int) else None)
    if text:
        parts.append(text)
    return " / ".join(parts)


def place_text(location: Mapping[str, object], wording: Wording = ANY_TEMPLATE) -> str:
    """Report place and printed location together, as a finding's 位置 column shows it:
    表三「本年新收申请」行「自然人」列 / 第3页; 第五部分第2段 / 第82行; — for nowhere."""
    page, line = location.get("page"), location.get("line")
    parts = [report_place(location, wording),
             printed_at(page if isinstance(page, int) else None, line if isinstance(line, int) else None)]
    return " / ".join(p for p in parts if p) or "—"


def value_name(value: object, location: Mapping[str, object], wording: Wording = ANY_TEMPLATE) -> object:
    """A finding's 应为/实为 for a person: a row id (a rule that expects a row, e.g. the next
    row in template order) named by its words; every other value as it is."""
    table = location.get("table")
    if isinstance(value, str) and isinstance(table, str) and table in TABLE_IDS:
        spec = union_spec(table)
        if spec.row(value) is not None:
            return row_name(table, value, wording)
        if spec.column(value) is not None:
            return column_name(table, value, wording)
    if value == PRE_2019:
        return template_name(value)
    return value
