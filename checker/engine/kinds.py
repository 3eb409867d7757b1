"""One function per rule kind: (rule, facts) -> findings.

Kinds know the report facts and nothing of files or output formats. A cell
that is blank or not a number blocks every identity that uses it: the blank
is the finding, not a cascade of sums (one defect, one finding).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar
from decimal import Decimal

from ..document import Heading
from ..document import Location as DocLocation
from ..facts import ReportFacts
from ..findings import CellRef, Finding, Location, Number
from ..normalize import compact
from ..prose import Sentence
from ..sections import section_is_empty
from ..templates import TABLE_NAMES, load_sections, union_spec
from ..values import column_spec
from .loader import Rule

KindFunction = Callable[[Rule, ReportFacts], Iterator[Finding]]
KIND_FUNCTIONS: dict[str, KindFunction] = {}
PRINTED_BLANK = "空白"
F = TypeVar("F", bound=Callable)


def registrar(table: dict[str, F]) -> Callable[[str], Callable[[F], F]]:
    """A decorator `@register("name")` filing functions in `table` (kinds, computed rules, pair kinds)."""
    def by_name(name: str) -> Callable[[F], F]:
        def register(fn: F) -> F:
            table[name] = fn
            return fn
        return register
    return by_name


kind = registrar(KIND_FUNCTIONS)


def _finding(rule: Rule, location: Location, say: dict[str, object], *, expected: Number | str | None = None,
             actual: Number | str | None = None, evidence: str | None = None, many: bool = False) -> Finding:
    """A finding of `rule`, its message formatted once from the kind's outputs in `say`."""
    template = rule.message_many if many and rule.message_many else rule.message
    message = template.format(**{k: _show(v) for k, v in say.items()})
    return Finding(rule.code, rule.category, rule.severity, message, location, expected, actual, evidence)


def _show(value: object) -> object:
    """Decimals without trailing zeros: 25.1000 -> 25.1, 3E+2 -> 300."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return value


def _where(loc: DocLocation | None) -> dict[str, int | None]:
    return {"page": loc.page, "line": loc.line} if loc else {}


# --- labels for messages -------------------------------------------------------

def row_label(table: str, row: str) -> str:
    spec = union_spec(table).row(row)
    if spec is None:
        return row
    return spec.short or spec.label


def column_label(table: str, column: str) -> str:
    spec = union_spec(table).column(column)
    return spec.label if spec else column


def cell_label(ref: CellRef) -> str:
    if ref.table == "t4":
        return f"「{row_label('t4', ref.row)}·{column_label('t4', ref.column)}」"
    return f"「{row_label(ref.table, ref.row)}」行「{column_label(ref.table, ref.column)}」列"


# --- structure -------------------------------------------------------------------

def _section_heading(section_id: str) -> str:
    """第五部分「存在的主要问题及改进情况」"""
    spec = next(s for s in load_sections() if s.id == section_id)
    return f"第{spec.numeral}部分「{spec.heading}」"


@kind("section_missing")
def section_missing(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    for section_id in facts.sections.missing:
        yield _finding(rule, Location(section=section_id), {"heading": _section_heading(section_id), "section": section_id})


@kind("section_duplicated")
def section_duplicated(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    for section_id, printed, loc in facts.sections.duplicates:
        yield _finding(rule, Location(section=section_id, **_where(loc)),
                       {"heading": _section_heading(section_id), "section": section_id, "printed": printed},
                       evidence=printed)


@kind("section_out_of_order")
def section_out_of_order(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    for section in facts.sections.sections:
        if section.out_of_order:
            yield _finding(rule, Location(section=section.id, **_where(section.location)),
                           {"heading": _section_heading(section.id), "section": section.id}, evidence=section.heading)


@kind("section_empty")
def section_empty(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    bare_none_is_empty = rule.param("bare_none_is_empty", True)
    for section in facts.sections.sections:
        if section.id in rule.param("sections") and section_is_empty(facts.document, section, bare_none_is_empty):
            yield _finding(rule, Location(section=section.id, **_where(section.location)),
                           {"heading": section.heading, "section": section.id}, evidence=section.heading)


@kind("table_missing")
def table_missing(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    for table in rule.param("tables"):
        if table not in facts.tables:
            yield _finding(rule, Location(table=table), {"table_name": TABLE_NAMES[table]})


@kind("row_missing")
def row_missing(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    for table in rule.param("tables"):
        mapped, template = facts.tables.get(table), facts.template_for(table)
        if mapped is None or template is None:
            continue
        for row in template.tables[table].row_ids:
            if row not in mapped.row_order:
                yield _finding(rule, Location(table=table, **_where(mapped.location)),
                               {"table_name": TABLE_NAMES[table], "row_label": row_label(table, row)}, expected=row)


@kind("table_note")
def table_note(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    tables = rule.param("tables", list(facts.tables))
    for table in tables:
        mapped = facts.tables.get(table)
        if mapped is None:
            continue
        for note in mapped.notes:
            if note.kind == rule.param("note"):
                say = {"table_name": TABLE_NAMES[table], "printed": note.text,
                       "row_label": row_label(table, note.row) if note.row else ""}
                yield _finding(rule, Location(table=table, **_where(note.location)), say, evidence=note.text)


@kind("template_mixed")
def template_mixed(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    if not facts.mixed_template:
        return
    parts = []
    for table, mapped in facts.tables.items():
        for template_id, labels in sorted(mapped.evidence.items()):
            example = "、".join(sorted(labels)[:2])
            parts.append(f"{TABLE_NAMES[table]}按{template_id}年格式（{example}）")
    detail = "；".join(parts)
    yield _finding(rule, Location(), {"detail": detail, "template": facts.template or ""}, evidence=detail)


# --- arithmetic ------------------------------------------------------------------

def _number(facts: ReportFacts, ref: CellRef) -> Number | None:
    value = facts.values.get(ref)
    return value.number if value is not None else None


def _tolerance(facts: ReportFacts, refs: list[CellRef]) -> Decimal:
    """Half a unit of the last printed decimal of every term (counts: exact)."""
    total = Decimal(0)
    for ref in refs:
        value = facts.values.get(ref)
        if value is not None and value.decimals:
            total += Decimal(5) * Decimal(10) ** -(value.decimals + 1)
    return total


def _expand(ids: list[str], available: tuple[str, ...], exclude: set[str]) -> list[str]:
    out: list[str] = []
    for id_ in ids:
        if id_.endswith(".*"):
            out += [a for a in available if a.startswith(id_[:-1]) and a not in exclude]
        else:
            out.append(id_)
    return out


def _axes(rule: Rule, facts: ReportFacts) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    table = rule.param("table")
    template = facts.template_for(table)
    if table not in facts.tables or template is None:
        return None
    spec = template.tables[table]
    return table, spec.row_ids, spec.column_ids


def _ref(table: str, for_each: str, fixed: str, operand: str) -> CellRef:
    return CellRef(table, fixed, operand) if for_each == "row" else CellRef(table, operand, fixed)


@dataclass(frozen=True, slots=True)
class IdentityInstance:
    """One identity on one row or column: Σ left = Σ right, as evaluated."""

    table: str
    for_each: str
    fixed: str
    left: tuple[CellRef, ...]
    right: tuple[CellRef, ...]
    left_sum: Number
    right_sum: Number
    difference: Number          # left - right; 0 when it holds (within printed precision)

    @property
    def coefficients(self) -> dict[CellRef, int]:
        return {**{r: 1 for r in self.left}, **{r: -1 for r in self.right}}


def _identity_operands(rule: Rule, facts: ReportFacts) -> tuple[list[str], list[str]] | None:
    axes = _axes(rule, facts)
    if axes is None:
        return None
    _, rows, columns = axes
    if rule.kind == "equation":
        return rule.param("left"), rule.param("right")
    target = rule.param("target")  # a sum: the parts on the left, the printed total on the right
    operands = columns if rule.param("for_each") == "row" else rows
    return _expand(rule.param("parts"), operands, {target}), [target]


def _identity_instances(rule: Rule, facts: ReportFacts) -> Iterator[IdentityInstance]:
    """Every row or column the identity can be evaluated on: a blank or unreadable
    operand leaves it unevaluated (its value finding is the report, not a sum)."""
    axes, operands = _axes(rule, facts), _identity_operands(rule, facts)
    if axes is None or operands is None:
        return
    table, rows, columns = axes
    for_each = rule.param("for_each")
    for fixed in rows if for_each == "row" else columns:
        left = tuple(_ref(table, for_each, fixed, x) for x in operands[0])
        right = tuple(_ref(table, for_each, fixed, x) for x in operands[1])
        numbers = [_number(facts, r) for r in left + right]
        if any(n is None for n in numbers):
            continue
        lsum, rsum = sum(numbers[: len(left)]), sum(numbers[len(left):])
        diff = lsum - rsum
        if abs(Decimal(diff)) <= _tolerance(facts, list(left + right)):
            diff = 0
        yield IdentityInstance(table, for_each, fixed, left, right, lsum, rsum, diff)


def _fixed_label(table: str, for_each: str, fixed: str) -> dict[str, str]:
    if for_each == "row":
        return {"row_label": row_label(table, fixed), "column_label": ""}
    return {"row_label": "", "column_label": column_label(table, fixed)}


def _identity_findings(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """The identity's failures; the finding's own cell is the first of the
    right-hand side (a sum's printed total)."""
    for inst in _identity_instances(rule, facts):
        if inst.difference == 0:
            continue
        anchor = inst.right[0]
        value = facts.values[anchor]
        say = {"table_name": TABLE_NAMES[inst.table], "cell_label": cell_label(anchor), "printed": value.text,
               "left": inst.left_sum, "right": inst.right_sum, "expected": inst.left_sum, "actual": inst.right_sum,
               **_fixed_label(inst.table, inst.for_each, inst.fixed)}
        yield _finding(rule, Location(cell=anchor, cells=inst.left + inst.right, **_where(value.location)), say,
                       expected=inst.left_sum, actual=inst.right_sum)


# A sum (target = Σ parts) is an equation with the parts on the left (expected)
# and the printed total on the right: one evaluator serves both kinds.
KIND_FUNCTIONS["sum"] = KIND_FUNCTIONS["equation"] = _identity_findings


# --- values ----------------------------------------------------------------------

def _converted(value) -> str:
    """The value in its column's unit, for a cell printed in another unit."""
    if value.number is None:
        return ""
    spec = column_spec(value.ref.table, value.ref.row, value.ref.column)
    return f"{_show(value.number)}{spec.unit or '' if spec else ''}"


@kind("cell_problem")
def cell_problem(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    problems = set(rule.param("problems"))
    group_over = rule.param("group_over", 3)
    for table in rule.param("tables", ["t2", "t3", "t4"]):
        bad = [v for v in facts.values.values() if v.ref.table == table and v.problem in problems]
        if not bad:
            continue
        if len(bad) > group_over and rule.message_many:
            listed = "、".join(cell_label(v.ref) + ("" if v.problem == "blank" else f"「{v.text}」") for v in bad[:8])
            if len(bad) > 8:
                listed += "等"
            first = bad[0]
            yield _finding(rule, Location(table=table, cells=tuple(v.ref for v in bad), **_where(first.location)),
                           {"table_name": TABLE_NAMES[table], "count": len(bad), "cells": listed},
                           evidence=" | ".join(v.text or PRINTED_BLANK for v in bad), many=True)
            continue
        for v in bad:
            say = {"table_name": TABLE_NAMES[table], "cell_label": cell_label(v.ref), "printed": v.text or PRINTED_BLANK,
                   "row_label": row_label(table, v.ref.row), "column_label": column_label(table, v.ref.column),
                   "unit": v.unit or "", "converted": _converted(v)}
            yield _finding(rule, Location(cell=v.ref, **_where(v.location)), say,
                           actual=v.text, expected=v.number if v.problem == "unit" else None, evidence=v.text)


# --- text ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Scope:
    sentences: list
    name: str                       # in Chinese, for messages
    section_id: str | None = None   # set for "section:<id>" scopes
    section: object | None = None   # that section, when the report has it


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


@kind("text_pattern")
def text_pattern(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    scope = _scope(facts, rule.param("scope"))
    patterns = [re.compile(p) for p in rule.param("patterns")]
    if rule.param("mode") == "required":
        if scope.section_id and scope.section is None:
            return  # a missing section is STR001's finding
        if not any(p.search(compact(s.text)) for s in scope.sentences for p in patterns):
            where = _where(scope.section.location) if scope.section else {}
            yield _finding(rule, Location(section=scope.section_id, **where),
                           {"heading": scope.section.heading if scope.section else "", "matched": "",
                            "scope_name": scope.name})
        return
    for sentence in scope.sentences:
        for p in patterns:
            m = p.search(compact(sentence.text))
            if m:
                yield _finding(rule, Location(section=sentence.section, **_where(sentence.location)),
                               {"heading": sentence.text, "matched": m.group(0), "scope_name": scope.name},
                               evidence=sentence.text)
                break


@kind("conditional")
def conditional(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    table, rest = rule.param("cell").split(".", 1)
    row, column = rest.rsplit(".", 1)
    ref = CellRef(table, row, column)
    value = facts.values.get(ref)
    if value is None or value.number is None or value.number <= rule.param("above", 0):
        return
    scope = _scope(facts, rule.param("scope"))
    patterns = [re.compile(p) for p in rule.param("patterns")]
    if any(p.search(compact(s.text)) for s in scope.sentences for p in patterns):
        return
    yield _finding(rule, Location(cell=ref, section=scope.section_id, **_where(value.location)),
                   {"heading": scope.section.heading if scope.section else "", "value": value.number,
                    "cell_label": cell_label(ref), "scope_name": scope.name}, actual=value.number)


@kind("computed")
def computed_rule(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    from .computed import COMPUTED

    yield from COMPUTED[rule.param("function")](rule, facts)
