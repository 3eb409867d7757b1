"""One function per rule kind: (rule, facts) -> findings.

Kinds know the report facts and nothing of files or output formats. The
identities are evaluated once per report (identities.py): a blank counts as 0
and the finding says so; a cell that is not a number leaves the identities it
is in unchecked, and its value finding names them (one defect, one finding).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .. import places
from ..chars import compact
from ..document import Heading
from ..facts import ReportFacts, expected_template
from ..findings import CellRef, Finding, Location
from ..mapping import TableNote
from ..prose import Sentence
from ..sections import Section, section_is_empty
from ..splits import MAX_SPLITS
from ..templates import TABLE_NAMES, LabelSpec, load_sections
from ..values import Value, column_spec
from . import params as check
from .identities import Evaluation, Status, ledger, read_operands
from .registry import COMPUTED, RuleProblem, braced, kind, placeholders
from .rule import Rule
from .say import finding, printed_at, sentence_place, show

# --- labels for messages -------------------------------------------------------

def row_label(table: str, row: str) -> str:
    return places.row_name(table, row, places.current())


def column_label(table: str, column: str) -> str:
    return places.column_name(table, column, places.current())


def template_position(ref: CellRef) -> tuple[int, int, int]:
    """Where a cell stands in the template (table, row, column): the order to report cells in."""
    return places.cell_position(ref)


def cell_label(ref: CellRef) -> str:
    return places.cell_name(ref, places.current())


# --- structure -------------------------------------------------------------------

def _section_heading(section_id: str) -> str:
    """第五部分「存在的主要问题及改进情况」"""
    spec = next(s for s in load_sections() if s.id == section_id)
    return f"第{spec.numeral}部分「{spec.heading}」"


_SECTION_OUT = ("heading", "section")
_TABLE_OUT = ("table_name",)
_CELL_OUT = ("table_name", "row_label", "column_label", "cell_label", "printed")


@kind("section_missing", outputs=_SECTION_OUT)
def section_missing(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    for section_id in facts.sections.missing:
        yield finding(rule, Location(section=section_id), {"heading": _section_heading(section_id), "section": section_id})


@kind("section_duplicated", outputs=(*_SECTION_OUT, "printed"))
def section_duplicated(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    for section_id, printed, loc in facts.sections.duplicates:
        yield finding(rule, Location(section=section_id, **printed_at(loc)),
                       {"heading": _section_heading(section_id), "section": section_id, "printed": printed},
                       evidence=printed)


@kind("section_out_of_order", outputs=_SECTION_OUT)
def section_out_of_order(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    for section in facts.sections.sections:
        if section.out_of_order:
            yield finding(rule, Location(section=section.id, **printed_at(section.location)),
                           {"heading": _section_heading(section.id), "section": section.id}, evidence=section.heading)


@kind("section_empty", params={"sections": list, "bare_none_is_empty": bool}, outputs=_SECTION_OUT,
      required=("sections",), validate=check.check_sections)
def section_empty(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    bare_none_is_empty = rule.param("bare_none_is_empty", True)
    for section in facts.sections.sections:
        if section.id in rule.param("sections") and section_is_empty(facts.document, section, bare_none_is_empty):
            yield finding(rule, Location(section=section.id, **printed_at(section.location)),
                           {"heading": section.heading, "section": section.id}, evidence=section.heading)


@kind("table_missing", params={"tables": list}, outputs=_TABLE_OUT, required=("tables",), validate=check.check_tables)
def table_missing(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    for table in rule.param("tables"):
        if table not in facts.tables:
            yield finding(rule, Location(table=table), {"table_name": TABLE_NAMES[table]})


def _row_is_zero(facts: ReportFacts, table: str, row: str, spec: LabelSpec) -> bool:
    """A missing row whose cells would all be 0: the table's identities hold without it,
    or the body is of a kind that has nothing to count there (规章 of a county)."""
    return bool(facts.body_tags & set(spec.zero_for)) or ledger(facts).row_implied_zero(table, row)


# zero: report the rows whose cells would all be 0 (true) or the others (false, the default)
@kind("row_missing", params={"tables": list, "zero": bool}, outputs=(*_TABLE_OUT, "row_label"), required=("tables",),
      validate=check.check_tables)
def row_missing(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """Rows of the report's template the table does not print; `zero` selects those whose
    cells would all be 0 (true) or the others (false)."""
    want_zero = rule.param("zero", False)
    for table in rule.param("tables"):
        mapped, template = facts.tables.get(table), facts.template_for(table)
        if mapped is None or template is None:
            continue
        for spec in template.tables[table].rows:
            if spec.id in mapped.row_order or _row_is_zero(facts, table, spec.id, spec) != want_zero:
                continue
            yield finding(rule, Location(table=table, **printed_at(mapped.location)),
                           {"table_name": TABLE_NAMES[table], "row_label": row_label(table, spec.id)}, expected=spec.id)


NOTE_KINDS = ("unrecognised_row", "duplicate_row", "row_width", "columns_assumed", "digits_ambiguous",
              "digits_inconsistent", "digits_undelimited", "digits_unfit")   # mapping.TableNote.kind


def _check_note(params: Mapping[str, Any]) -> None:
    check.check_tables(params)
    if params["note"] not in NOTE_KINDS:
        raise RuleProblem("note", f"没有这种读表说明 {params['note']!r}；可用的有 {'、'.join(NOTE_KINDS)}")


@kind("table_note", params={"note": str, "tables": list},
      outputs=(*_TABLE_OUT, "printed", "row_label", "blocked", "where", "readings", "count", "ways", "cells"),
      required=("note",), validate=_check_note)
def table_note(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    tables = rule.param("tables", list(facts.tables))
    for table in tables:
        mapped = facts.tables.get(table)
        if mapped is None:
            continue
        for note in mapped.notes:
            if note.kind == rule.param("note"):
                if note.cells:
                    unread = [CellRef(table, r, c) for r, c in note.cells]
                else:
                    unread = [ref for ref, v in facts.values.items() if ref.table == table and ref.row == note.row
                              and v.problem == "unreadable"] if note.row else []
                label = row_label(table, note.row) if note.row else ""
                say = {"table_name": TABLE_NAMES[table], "printed": note.text, "row_label": label,
                       "where": f"「{label}」行" if label else "",
                       "readings": _readings_shown(note.readings),
                       "count": note.count,
                       "ways": f"{note.count}种" if note.count <= MAX_SPLITS else f"{MAX_SPLITS}种以上",
                       "cells": _cells_named(facts, table, note, unread),
                       "blocked": blocked_note(facts, unread)}
                yield finding(rule, Location(table=table, row=note.row, **printed_at(note.location)), say,
                               evidence=note.text)


def _readings_shown(readings: tuple[str, ...]) -> str:
    if not readings:
        return ""
    blank = "；“空”表示该格空白" if any(r.startswith("空、") or "、空" in r for r in readings) else ""
    return f"（如：{'；'.join(readings)}{blank}）"


def _cells_named(facts: ReportFacts, table: str, note: TableNote, unread: list[CellRef]) -> str:
    """The cells a run-on note leaves unread, as few words as say them: 这一行各格, or
    「自然人」「商业企业」两格."""
    if not note.cells:
        return "这一行各格"
    row_cells = [ref for ref in facts.values if ref.table == table and (note.row is None or ref.row == note.row)]
    if len(unread) >= len(row_cells):
        return "各格" if note.row is None else "这一行各格"
    if table == "t4":
        names = [f"「{row_label(table, ref.row)}·{column_label(table, ref.column)}」" for ref in unread]
    else:
        names = [f"「{column_label(table, ref.column)}」" for ref in unread]
    return "".join(names) + (f"{_CHINESE_COUNT.get(len(names), len(names))}格" if len(names) > 1 else "一格")


_CHINESE_COUNT = {2: "两", 3: "三", 4: "四", 5: "五", 6: "六"}


# year: report only where the report's year says which layout is the wrong one (true), or only where not
@kind("template_mixed", params={"year": bool}, outputs=("layouts", "template", "year", "wanted"))
def template_mixed(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """Tables (or parts of one) in both layouts. With `year`, only where the report's year
    says which layout is wrong: the finding stands at the first row or column printed in
    that layout. Without, only where it does not."""
    if not facts.mixed_template:
        return
    wanted = expected_template(facts.year)
    seen = {t for m in facts.tables.values() for t in m.evidence}
    if rule.param("year", False) != (wanted in seen):
        return
    parts = []
    for table, mapped in facts.tables.items():
        for template_id, labels in sorted(mapped.evidence.items(), key=lambda kv: kv[0] != wanted):
            example = "、".join(sorted(labels)[:2])
            parts.append(f"{TABLE_NAMES[table]}按{template_id}年格式（{example}）")
    layouts = "；".join(parts)
    wrong = [(table, place) for table, m in facts.tables.items() for template_id, places in m.evidence_places.items()
             if template_id != wanted for place in places[:1]]
    location, actual = Location(), None
    if wanted in seen and wrong:
        table, (axis, id_) = wrong[0]
        actual = next(t for t in facts.tables[table].evidence_places if t != wanted)
        where = next((v.location for ref, v in facts.values.items()
                      if ref.table == table and (ref.row if axis == "row" else ref.column) == id_), None)
        location = Location(table=table, row=id_ if axis == "row" else None, **printed_at(where or facts.tables[table].location))
    say = {"layouts": layouts, "template": facts.template or "", "year": facts.year or "", "wanted": wanted or ""}
    yield finding(rule, location, say, expected=wanted if wanted in seen else None, actual=actual, evidence=layouts)


# --- arithmetic ------------------------------------------------------------------

def _fixed_label(table: str, for_each: str, fixed: str) -> dict[str, str]:
    if for_each == "row":
        return {"row_label": row_label(table, fixed), "column_label": ""}
    return {"row_label": "", "column_label": column_label(table, fixed)}


def operand_label(evaluation: Evaluation, ref: CellRef) -> str:
    """An operand named along the identity's own axis: 「商业企业」 in a row's sum, 「上年结转申请」 in a column's."""
    if evaluation.for_each == "row":
        return f"「{column_label(ref.table, ref.column)}」"
    return f"「{row_label(ref.table, ref.row)}」"


def zero_note(names: list[str], unit: str, what: str = "空白", limit: int = 4) -> str:
    """'；其中「科研机构」「其他」列空白，按0计': operands a finding took as 0 (names already in 「」).
    `unit` (列, 行) follows names of one axis; without one, whole cell names are listed with 、."""
    if not names:
        return ""
    shown = ("" if unit else "、").join(names[:limit])
    count = f"等{len(names)}{unit or '格'}" if len(names) > limit else unit
    return f"；其中{shown}{count}{what}，按0计"


def blank_note(evaluation: Evaluation) -> str:
    """The blank operands a failure rests on, and the rows the table does not print."""
    unit = "" if evaluation.table == "t4" else ("列" if evaluation.for_each == "row" else "行")
    blanks = [b for b in evaluation.blanks if b != evaluation.anchor or evaluation.status is not Status.BLANK_TOTAL]
    missing = list(dict.fromkeys(operand_label(evaluation, m) for m in evaluation.missing))
    return (zero_note([operand_label(evaluation, b) for b in blanks], unit)
            + zero_note(missing, unit, "表中未列"))


def instance_name(evaluation: Evaluation) -> str:
    """The identity on its row or column, in the rule's words: 「予以公开」行的总计."""
    template = evaluation.rule.param("instance") or evaluation.rule.summary
    return template.format(**_fixed_label(evaluation.table, evaluation.for_each, evaluation.fixed))


def _identity_findings(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """The identity's failures from the report's ledger; the finding's own cell is the
    first of the right-hand side (a sum's printed total). A blank total is reported
    in the rule's `message_blank` words."""
    for e in ledger(facts).of_rule(rule.code):
        if not e.status.reported:
            continue
        value = facts.values[e.anchor]
        blank_total = e.status is Status.BLANK_TOTAL
        say = {"table_name": TABLE_NAMES[e.table], "cell_label": cell_label(e.anchor), "printed": value.text,
               "left": e.left_sum, "right": e.right_sum, "expected": e.left_sum, "actual": e.right_sum,
               "blank_note": blank_note(e), **_fixed_label(e.table, e.for_each, e.fixed)}
        yield finding(rule, Location(cell=e.anchor, cells=e.cells, **printed_at(value.location)), say,
                       expected=e.left_sum, actual=value.text if blank_total else e.right_sum,
                       variant="blank" if blank_total else None)


def _check_identity(kind_name: str) -> Callable[[Mapping[str, Any]], None]:
    def validate(params: Mapping[str, Any]) -> None:
        check.check_ids(params, kind_name)
        unknown = placeholders(params.get("instance", "")) - {"row_label", "column_label"}
        if unknown:
            raise RuleProblem("instance", f"没有占位符 {braced(unknown)}；可用的有 {{row_label}}、{{column_label}}")
    return validate


# A sum (target = Σ parts) is an equation with the parts on the left (expected)
# and the printed total on the right: one evaluator serves both kinds. `instance` names
# one row's or column's identity ("「{row_label}」行的总计") where a cell that is not a
# number stops it being checked; a blank total is reported in the rule's messages.blank.
kind("sum", params={"table": str, "for_each": str, "target": str, "parts": list, "instance": str},
     outputs=(*_CELL_OUT, "expected", "actual", "blank_note"), required=("table", "for_each", "target", "parts"),
     variants={"blank": (*_CELL_OUT, "expected", "actual", "blank_note")}, validate=_check_identity("sum"))(_identity_findings)
kind("equation", params={"table": str, "for_each": str, "left": list, "right": list, "instance": str},
     outputs=(*_CELL_OUT, "left", "right", "expected", "actual", "blank_note"), required=("table", "for_each", "left", "right"),
     validate=_check_identity("equation"))(_identity_findings)


# target >= sum(plus) - sum(minus) on each row of `only`
@kind("lower_bound", params={"table": str, "only": list, "target": str, "plus": list, "minus": list},
      outputs=(*_CELL_OUT, "expected", "actual", "blank_note"), required=("table", "only", "target", "plus", "minus"),
      validate=lambda params: check.check_ids(params, "lower_bound"))
def lower_bound(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """target ≥ Σ plus − Σ minus on each of the rows `only` names (表二: what was issued this
    year and not repealed is still in force). Blanks count as 0; a cell that is not a number
    leaves the row unchecked."""
    table = rule.param("table")
    if table not in facts.tables:
        return
    for row in rule.param("only"):
        refs = tuple(CellRef(table, row, c) for c in (rule.param("target"), *rule.param("plus"), *rule.param("minus")))
        read = read_operands(facts, refs)
        if read.blocked or read.missing:
            continue
        n_plus = len(rule.param("plus"))
        actual, bound = read.numbers[0], sum(read.numbers[1:1 + n_plus]) - sum(read.numbers[1 + n_plus:])
        if actual >= bound:
            continue
        blanks = [f"「{column_label(table, b.column)}」" for b in read.blanks]
        value = facts.values[refs[0]]
        say = {"table_name": TABLE_NAMES[table], "row_label": row_label(table, row), "column_label": column_label(table, refs[0].column),
               "cell_label": cell_label(refs[0]), "printed": value.text, "expected": bound, "actual": actual,
               "blank_note": zero_note(blanks, "")}
        yield finding(rule, Location(cell=refs[0], cells=refs, **printed_at(value.location)), say, expected=bound, actual=actual)


# --- values ----------------------------------------------------------------------

def _converted(value: Value) -> str:
    """The value in its column's unit, for a cell printed in another unit."""
    if value.number is None:
        return ""
    spec = column_spec(value.ref.table, value.ref.row, value.ref.column)
    return f"{show(value.number)}{spec.unit or '' if spec else ''}"


def blocked_note(facts: ReportFacts, refs: list[CellRef], limit: int = 3) -> str:
    """'；因此无法核对「予以公开」行的总计、「自然人」列的办理结果总计' for cells that are not numbers."""
    names: list[str] = []
    for ref in refs:
        for e in ledger(facts).blocked_by(ref):
            name = instance_name(e)
            if name not in names:
                names.append(name)
    if not names:
        return ""
    more = f"等{len(names)}处" if len(names) > limit else ""
    return f"；因此无法核对{'、'.join(names[:limit])}{more}"


def _printed_cells(facts: ReportFacts, table: str) -> list[CellRef]:
    """The table's cells the reader placed (a short row's missing cells are not among them)."""
    return [ref for ref, v in facts.values.items() if ref.table == table and v.problem != "unreadable"]


def _where_printed(facts: ReportFacts, table: str, bad: list[Value]) -> str:
    """Many cells holding a symbol or words: where they are, by columns and rows, and what
    they hold; numbers that are not counts are listed with their text."""
    if all(v.problem in ("placeholder", "text") for v in bad):
        symbols = sorted({compact(v.text) for v in bad})
        what = f"写作「{symbols[0]}」" if len(symbols) == 1 else "写了" + "、".join(f"「{t}」" for t in symbols[:3])
        printed = _printed_cells(facts, table)
        return describe_cells(table, [v.ref for v in bad], printed, facts.tables[table].row_order, what)
    listed = "、".join(f"{cell_label(v.ref)}「{v.text}」" for v in bad[:8])
    return listed + ("等" if len(bad) > 8 else "")


PROBLEMS = ("blank", "placeholder", "text", "not_whole", "negative", "unit", "unreadable")   # values.Value.problem


def _check_problems(params: Mapping[str, Any]) -> None:
    check.check_tables(params)
    unknown = [p for p in params["problems"] if p not in PROBLEMS]
    if unknown:
        raise RuleProblem("problems", f"没有这种单元格问题 {unknown!r}；可用的有 {'、'.join(PROBLEMS)}")


@kind("cell_problem", params={"problems": list, "tables": list, "group_over": int},
      outputs=(*_CELL_OUT, "unit", "converted", "blocked"), required=("problems",),
      variants={"many": ("table_name", "count", "cells", "blocked")}, validate=_check_problems)
def cell_problem(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    problems = set(rule.param("problems"))
    group_over = rule.param("group_over", 3)
    for table in rule.param("tables", ["t2", "t3", "t4"]):
        bad = [v for v in facts.values.values() if v.ref.table == table and v.problem in problems]
        if not bad:
            continue
        if len(bad) > group_over and "many" in rule.messages:
            listed = _where_printed(facts, table, bad)
            first = bad[0]
            yield finding(rule, Location(table=table, cells=tuple(v.ref for v in bad), **printed_at(first.location)),
                           {"table_name": TABLE_NAMES[table], "count": len(bad), "cells": listed,
                            "blocked": blocked_note(facts, [v.ref for v in bad])},
                           evidence=" | ".join(v.text for v in bad), variant="many")
            continue
        for v in bad:
            say = {"table_name": TABLE_NAMES[table], "cell_label": cell_label(v.ref), "printed": v.text,
                   "row_label": row_label(table, v.ref.row), "column_label": column_label(table, v.ref.column),
                   "unit": v.unit or "", "converted": _converted(v), "blocked": blocked_note(facts, [v.ref])}
            yield finding(rule, Location(cell=v.ref, **printed_at(v.location)), say,
                           actual=v.text, expected=v.number if v.problem == "unit" else None, evidence=v.text)


# --- blank cells: zeros left blank ------------------------------------------------

_COUNT_WORDS = "一两三四五六七八九十"


def _how_many(n: int, unit: str) -> str:
    return f"{_COUNT_WORDS[n - 1] if n <= 10 else n}{unit}"


def _listed(labels: list[str], unit: str, limit: int = 3) -> str:
    """「甲」「乙」两列 / 「甲」「乙」「丙」等8行"""
    shown = "".join(f"「{label}」" for label in labels[:limit])
    if len(labels) > limit:
        return f"{shown}等{len(labels)}{unit}"
    return f"{shown}{_how_many(len(labels), unit) if len(labels) > 1 else unit}"


def describe_cells(table: str, blanks: list[CellRef], printed: list[CellRef], row_order: list[str],
                   what: str = "空白") -> str:
    """Where some cells are (blank, or holding a symbol), as a person says it: whole columns,
    then whole rows, then the rest by row."""
    blank_set = set(blanks)
    columns = list(dict.fromkeys(c.column for c in printed))
    by_column = {col: [c for c in printed if c.column == col] for col in columns}
    by_row = {row: [c for c in printed if c.row == row] for row in row_order}
    if set(printed) <= blank_set:
        return f"整张表全部{what}"
    whole_columns = [col for col in columns if len(by_column[col]) >= 2 and all(c in blank_set for c in by_column[col])]
    in_columns = {c for col in whole_columns for c in by_column[col]}
    # a row counts as wholly blank when it adds cells the blank columns do not already name
    whole_rows = [row for row in row_order if len(by_row[row]) >= 2 and all(c in blank_set for c in by_row[row])
                  and not set(by_row[row]) <= in_columns]
    covered = in_columns | {c for row in whole_rows for c in by_row[row]}
    parts = []
    if whole_columns:
        parts.append(_listed([column_label(table, col) for col in whole_columns], "列") + f"全部{what}")
    if whole_rows:
        unit = "组" if table == "t4" else "行"
        parts.append(_listed([row_label(table, row) for row in whole_rows], unit) + f"全部{what}")
    rest = [c for c in blanks if c not in covered]
    if rest:
        rows = list(dict.fromkeys(c.row for c in rest))
        shown = []
        for row in rows[:3]:
            cols = "".join(f"「{column_label(table, c.column)}」" for c in rest if c.row == row)
            # 表四's rows are its three groups: 「行政复议」的「结果纠正」「其他结果」
            shown.append(f"「{row_label(table, row)}」的{cols}" if table == "t4" else f"「{row_label(table, row)}」行{cols}列")
        tail = f"等{len(rest)}格" if len(rows) > 3 else ""
        parts.append(("另有" if parts else "") + "、".join(shown) + tail)
    return "；".join(parts)


# blank cells that stand for zero: one finding per table, `where` says where as a person would
@kind("blank_cells", params={"tables": list}, outputs=_CELL_OUT, variants={"many": ("table_name", "count", "where")},
      validate=check.check_tables)
def blank_cells(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """Blanks that stand for zero (a blank total above non-zero parts is an arithmetic
    error instead): one finding per table, grouped as a person would say where they are."""
    blank_totals = ledger(facts).blank_totals
    for table in rule.param("tables", ["t2", "t3", "t4"]):
        mapped = facts.tables.get(table)
        if mapped is None:
            continue
        printed = _printed_cells(facts, table)
        blanks = [ref for ref in printed if facts.values[ref].problem == "blank" and ref not in blank_totals]
        if not blanks:
            continue
        first = facts.values[blanks[0]]
        if len(blanks) == 1:
            say = {"table_name": TABLE_NAMES[table], "cell_label": cell_label(blanks[0]), "printed": "",
                   "row_label": row_label(table, blanks[0].row), "column_label": column_label(table, blanks[0].column)}
            yield finding(rule, Location(cell=blanks[0], **printed_at(first.location)), say, actual="")
            continue
        where = describe_cells(table, blanks, printed, mapped.row_order)
        yield finding(rule, Location(table=table, cells=tuple(blanks), **printed_at(first.location)),
                       {"table_name": TABLE_NAMES[table], "count": len(blanks), "where": where}, variant="many")


# --- text ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Scope:
    sentences: list[Sentence]
    name: str                       # in Chinese, for messages
    section_id: str | None = None   # set for "section:<id>" scopes
    section: Section | None = None  # that section, when the report has it


def _scope(facts: ReportFacts, scope: str) -> Scope:
    if scope == "document":
        return Scope(facts.sentences, "全文")
    if scope == "headings":
        texts = [b for b in facts.document.text_blocks() if isinstance(b, Heading) or len(b.text) <= 40]
        return Scope([Sentence(b.text, None, b.location) for b in texts], "标题")
    section_id = scope.split(":", 1)[1]
    section = facts.sections.get(section_id)
    name = f"「{section.heading}」部分" if section else _section_heading(section_id)
    return Scope([s for s in facts.sentences if s.section == section_id], name, section_id, section)


def _check_text_pattern(params: Mapping[str, Any]) -> None:
    check.check_scope(params)
    check.check_patterns(params)
    if params["mode"] not in ("required", "forbidden"):
        raise RuleProblem("mode", f"应为 \"required\" 或 \"forbidden\"，却是 {params['mode']!r}")


# scope: "document", "headings" or "section:<id>"; mode: "required" (fires when no
# pattern matches the scope) or "forbidden" (fires on every match)
@kind("text_pattern", params={"scope": str, "patterns": list, "mode": str}, outputs=("heading", "matched", "scope_name"),
      required=("scope", "patterns", "mode"), validate=_check_text_pattern)
def text_pattern(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    scope = _scope(facts, rule.param("scope"))
    patterns = [re.compile(p) for p in rule.param("patterns")]
    if rule.param("mode") == "required":
        if scope.section_id and scope.section is None:
            return  # a missing section is STR001's finding
        if not any(p.search(compact(s.text)) for s in scope.sentences for p in patterns):
            where = printed_at(scope.section.location) if scope.section else {}
            yield finding(rule, Location(section=scope.section_id, **where),
                           {"heading": scope.section.heading if scope.section else "", "matched": "",
                            "scope_name": scope.name})
        return
    for sentence in scope.sentences:
        for p in patterns:
            m = p.search(compact(sentence.text))
            if m:
                yield finding(rule, sentence_place(sentence),
                               {"heading": sentence.text, "matched": m.group(0), "scope_name": scope.name},
                               evidence=sentence.text)
                break


def _check_conditional(params: Mapping[str, Any]) -> None:
    check.check_cell(params)
    check.check_scope(params)
    check.check_patterns(params)


# when the cell's value is above `above`, the scope must match one of the patterns
@kind("conditional", params={"cell": str, "above": int, "scope": str, "patterns": list},
      outputs=("heading", "value", "cell_label", "scope_name"), required=("cell", "scope", "patterns"),
      validate=_check_conditional)
def conditional(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    ref = places.cell_of_key(rule.param("cell"))
    value = facts.values.get(ref)
    if value is None or value.number is None or value.number <= rule.param("above", 0):
        return
    scope = _scope(facts, rule.param("scope"))
    patterns = [re.compile(p) for p in rule.param("patterns")]
    if any(p.search(compact(s.text)) for s in scope.sentences for p in patterns):
        return
    yield finding(rule, Location(cell=ref, section=scope.section_id, **printed_at(value.location)),
                   {"heading": scope.section.heading if scope.section else "", "value": value.number,
                    "cell_label": cell_label(ref), "scope_name": scope.name}, actual=value.number)


# a registered Python function (engine/computed.py) for rules that compute; its own
# parameters are the rule's [params], its outputs and cases filed with it (registry.computed)
@kind("computed", params={"function": str, "params": dict}, required=("function",))
def computed_rule(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    yield from COMPUTED[rule.param("function")].function(rule, facts)

