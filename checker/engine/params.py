"""Checks of rule parameters that several kinds share: ids of the templates, scopes,
regular expressions, cells. Each raises RuleProblem(key, Chinese sentence)."""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from ..places import cell_of_key
from ..templates import TABLE_IDS, TABLE_NAMES, load_sections, union_spec
from .registry import RuleProblem
from .rule import LAST_YEAR


def section_ids() -> tuple[str, ...]:
    return tuple(s.id for s in load_sections())


def check_scope(params: Mapping[str, Any]) -> None:
    """`scope`: "document", "headings" or "section:<id>" of a section the templates name."""
    scope = params.get("scope")
    if scope is None or scope in ("document", "headings"):
        return
    if not scope.startswith("section:") or scope.split(":", 1)[1] not in section_ids():
        raise RuleProblem("scope", f"应为 \"document\"、\"headings\" 或 \"section:章节\"（章节为 {'、'.join(section_ids())} 之一），"
                                   f"却是 {scope!r}")


def check_patterns(params: Mapping[str, Any], key: str = "patterns") -> None:
    """Every regular expression compiles (a broken one is found here, not in the middle of a check)."""
    for i, pattern in enumerate(params.get(key, [])):
        if not isinstance(pattern, str):
            raise RuleProblem(f"{key}[{i}]", "应为字符串（正则表达式）")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise RuleProblem(f"{key}[{i}]", f"不是有效的正则表达式（{exc}）：{pattern!r}") from exc


def check_tables(params: Mapping[str, Any], key: str = "tables") -> None:
    unknown = [t for t in params.get(key, []) if t not in TABLE_IDS]
    if unknown:
        raise RuleProblem(key, f"没有统计表 {unknown!r}；可用的有 {'、'.join(TABLE_IDS)}")


def check_sections(params: Mapping[str, Any], key: str = "sections") -> None:
    unknown = [s for s in params.get(key, []) if s not in section_ids()]
    if unknown:
        raise RuleProblem(key, f"没有章节 {unknown!r}；可用的有 {'、'.join(section_ids())}")


def check_cell(params: Mapping[str, Any], key: str = "cell") -> None:
    """A cell of the templates, written "表.行.列" ("t3.result.other.unpaid_fee.total")."""
    cell_id = params.get(key)
    if cell_id is None:
        return
    ref = cell_of_key(cell_id)
    table, row, column = ref.table, ref.row, ref.column
    if table not in TABLE_IDS or not row:
        raise RuleProblem(key, f"应写成“表.行.列”（如 t3.new.total），却是 {cell_id!r}")
    spec = union_spec(table)
    if row not in spec.row_ids:
        raise RuleProblem(key, f"{TABLE_NAMES[table]}没有「{row}」这一行（{cell_id!r}）")
    if column not in spec.columns_of(row):
        raise RuleProblem(key, f"{TABLE_NAMES[table]}「{row}」行没有「{column}」这一列（{cell_id!r}）")


def check_ids(params: Mapping[str, Any], kind: str) -> None:
    """The rows and columns an identity names exist in the templates."""
    table = params.get("table")
    if table not in TABLE_IDS:
        raise RuleProblem("table", f"没有统计表 {table!r}；可用的有 {'、'.join(TABLE_IDS)}")
    spec = union_spec(table)
    rows, cols = set(spec.row_ids), set(spec.column_ids)
    if kind == "lower_bound":  # rows in `only`, columns in the rest
        for key, ids, known_ids, axis in (("only", params["only"], rows, "行"),
                                          ("target", [params["target"]], cols, "列"), ("plus", params["plus"], cols, "列"),
                                          ("minus", params["minus"], cols, "列")):
            unknown = [i for i in ids if i not in known_ids]
            if unknown:
                raise RuleProblem(key, f"{TABLE_NAMES[table]}没有这些{axis}：{unknown!r}")
        return
    for_each = params.get("for_each")
    if for_each not in ("row", "column"):
        raise RuleProblem("for_each", f"应为 \"row\" 或 \"column\"，却是 {for_each!r}")
    # for_each=row: the operands are columns; for_each=column: rows.
    known, operand_axis = (cols, "列") if for_each == "row" else (rows, "行")
    fixed_known, fixed_axis = (rows, "行") if for_each == "row" else (cols, "列")
    unknown_fixed = [f for f in params.get("only", []) if f not in fixed_known]
    if unknown_fixed:
        raise RuleProblem("only", f"{TABLE_NAMES[table]}没有这些{fixed_axis}：{unknown_fixed!r}")
    right = params.get("right") or [""]
    if right[0].startswith(LAST_YEAR):
        raise RuleProblem("right[0]", "右边第一项是问题所在的单元格，应为本年报告的，不能是上年（last:）的")
    for key in ("target", "parts", "left", "right"):
        values = params.get(key)
        if values is None:
            continue
        for i, value in enumerate([values] if isinstance(values, str) else values):
            value = value.removeprefix(LAST_YEAR)
            base = value[:-2] if value.endswith(".*") else value
            if value.endswith(".*") and any(k.startswith(base + ".") for k in known):
                continue
            if base not in known:
                at = key if isinstance(values, str) else f"{key}[{i}]"
                raise RuleProblem(at, f"{TABLE_NAMES[table]}没有「{value}」这一{operand_axis}")


def month_day(text: object, year: int) -> date:
    """"01-31" -> 31 January of `year`; "02-end" -> the last day of February."""
    month, _, day = str(text).partition("-")
    if day == "end":
        following = date(year + int(month) // 12, int(month) % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(year, int(month), int(day))


def check_month_days(params: Mapping[str, Any], key: str, kinds: tuple[str, ...]) -> None:
    """A table {body kind = "MM-DD" or "MM-end"} over the kinds of body (dates.BODY_KINDS)."""
    table = params.get(key, {})
    for body_kind, text in table.items():
        if body_kind not in kinds:
            raise RuleProblem(f"{key}.{body_kind}", f"没有这种机关类型；可用的有 {'、'.join(kinds)}")
        try:
            month_day(text, 2025)   # a year without 29 February: the end of it is "02-end"
        except ValueError:
            raise RuleProblem(f"{key}.{body_kind}", f"日期应写成“月-日”（如 \"01-31\"，月末写 \"02-end\"），却是 {text!r}") from None
