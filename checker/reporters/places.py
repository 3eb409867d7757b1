"""Where a finding is, in the words of the report: 表三「本年新收申请」行「自然人」列 / 第3页.
Shared by the terminal and the HTML pages, so both name places alike (never by internal ids)."""
from __future__ import annotations

from ..templates import TABLE_NAMES, TableSpec, load_sections, load_templates, union_spec


def place_text(record: dict, loc: dict) -> str:
    """表三「本年新收申请」行「自然人」列 / 第3页; 第五部分第2段 / 第82行."""
    parts = []
    table, row, column = loc.get("table"), loc.get("row"), loc.get("column")
    if table:
        name = TABLE_NAMES.get(table, table)
        spec = table_spec(record, table) if table in TABLE_NAMES else None
        if table == "t4" and column:
            group, _, leaf = column.partition(".")
            parts.append(f"{name}「{label(table, spec, 'row', group)}·{label(table, spec, 'column', leaf)}」")
        elif row and column:
            parts.append(f"{name}「{label(table, spec, 'row', row)}」行「{label(table, spec, 'column', column)}」列")
        elif row:
            parts.append(f"{name}「{label(table, spec, 'row', row)}」行")
        else:
            parts.append(name)
    section = section_text(loc)
    if section:
        parts.append(section)
    if loc.get("page") is not None:
        parts.append(f"第{loc['page']}页")
    if loc.get("line") is not None:
        parts.append(f"第{loc['line']}行")
    return " / ".join(parts) or "—"


def section_text(loc: dict) -> str:
    """第五部分, 第五部分第2段; 开头第3段 for a paragraph before section 一."""
    paragraph = loc.get("paragraph")
    after = f"第{paragraph}段" if paragraph is not None else ""
    if loc.get("section"):
        spec = next((s for s in load_sections() if s.id == loc["section"]), None)
        return (f"第{spec.numeral}部分" if spec else str(loc["section"])) + after
    return f"开头{after}" if after else ""


def table_spec(record: dict, table_id: str) -> TableSpec:
    """The record's own template for this table (rows in its printed order), else both."""
    templates = load_templates()
    template = (record.get("table_templates") or {}).get(table_id) or record.get("template")
    return templates[template].tables[table_id] if template in templates else union_spec(table_id)


def label(table_id: str, spec: TableSpec | None, axis: str, item_id: str) -> str:
    for s in (spec, union_spec(table_id) if table_id in TABLE_NAMES else None):
        found = getattr(s, axis)(item_id) if s else None
        if found:
            return (found.short or found.label) if axis == "row" else found.label
    return item_id
