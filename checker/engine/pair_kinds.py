"""Kinds that read two reports of one body: this year's beside last year's.

Each takes (rule, this, last) as YearSides (pairing.py) and yields findings about
this year's report. A blank cell counts as 0, as in one year's identities, and the
finding says so; a cell missing or not a number in either year leaves the identity
unevaluated (the single-year rules report it).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from ..chars import compact
from ..findings import CellRef, Finding, Location
from ..pairing import YearSide, overlap_ratio
from ..prose import Sentence
from ..templates import TABLE_NAMES, load_boilerplate, union_spec
from . import params as check
from .kinds import _section_heading, cell_label, column_label, row_label, zero_note
from .registry import KINDS, RuleProblem, kind
from .rule import LAST_YEAR, Rule
from .say import finding, printed_at, sentence_place

_CELL_OUT = ("table_name", "row_label", "column_label", "cell_label", "printed")


def _year(side: YearSide) -> str:
    return str(side.year) if side.year else "上"


# an identity across the two years; operands "last:<id>" are read from last year's report
@kind("cross_year_equation", params={"table": str, "for_each": str, "left": list, "right": list, "only": list},
      outputs=(*_CELL_OUT, "expected", "actual", "year", "last_year", "blank_note"), required=("table", "for_each", "left", "right"),
      pair=True, validate=lambda params: check.check_ids(params, "cross_year_equation"))
def cross_year_equation(rule: Rule, this: YearSide, last: YearSide) -> Iterator[Finding]:
    """Σ left = Σ right over both years; the finding's cell is the first right-hand
    operand of this year, and its expected value is what the rest of the identity gives it."""
    table, for_each = rule.param("table"), rule.param("for_each")
    spec = union_spec(table)
    fixed_ids = rule.param("only") or (spec.row_ids if for_each == "row" else spec.column_ids)

    def operand(fixed: str, term: str) -> tuple[YearSide, CellRef]:
        side, term = (last, term.removeprefix(LAST_YEAR)) if term.startswith(LAST_YEAR) else (this, term)
        return side, CellRef(table, fixed, term) if for_each == "row" else CellRef(table, term, fixed)

    for fixed in fixed_ids:
        left = [operand(fixed, t) for t in rule.param("left")]
        right = [operand(fixed, t) for t in rule.param("right")]
        read = [side.cells.get(ref) for side, ref in left + right]
        numbers = [n for n in read if n is not None]
        if len(numbers) < len(read):
            continue
        anchor_side, anchor = right[0]
        actual = numbers[len(left)]
        exact = sum(map(Decimal, numbers[: len(left)]), Decimal(0)) - sum(map(Decimal, numbers[len(left) + 1:]), Decimal(0))
        if exact == actual:
            continue
        expected: Decimal | int = int(exact) if exact == exact.to_integral_value() and isinstance(actual, int) else exact
        blanks = [f"{'本年' if side is this else _year(last) + '年报告'}{cell_label(ref)}"
                  for side, ref in left + right if ref in side.blanks]
        say = {"table_name": TABLE_NAMES[table], "cell_label": cell_label(anchor), "printed": actual,
               "row_label": row_label(table, anchor.row), "column_label": column_label(table, anchor.column),
               "expected": expected, "actual": actual, "year": _year(this), "last_year": _year(last),
               "blank_note": zero_note(blanks, "")}
        where = printed_at(anchor_side.cell_locations.get(anchor))
        # only this year's cells: last year's report is another file, its cells are named in the message
        cells = tuple(ref for side, ref in left + right if side is this)
        yield finding(rule, Location(cell=anchor, cells=cells, **where), say,
                       expected=expected, actual=actual)


def _scope(rule: Rule) -> tuple[str | None, str]:
    """(section id or None for the whole report, its name for messages)."""
    scope = rule.param("scope")
    if scope == "document":
        return None, "全文"
    section = scope.split(":", 1)[1]
    return section, _section_heading(section)


def _check_copy(params: Mapping[str, Any]) -> None:
    if params["scope"] == "headings":
        raise RuleProblem("scope", "应为 \"document\" 或 \"section:章节\"")
    check.check_scope(params)
    if not 0 < params["threshold"] < 1:
        raise RuleProblem("threshold", f"应为0到1之间的比例，却是 {params['threshold']!r}")


# share of this year's text (scope) found in last year's; fires above `threshold`
@kind("copy_overlap", params={"scope": str, "threshold": float}, outputs=("ratio", "scope_name", "last_year"),
      required=("scope", "threshold"), pair=True, validate=_check_copy)
def copy_overlap(rule: Rule, this: YearSide, last: YearSide) -> Iterator[Finding]:
    section, name = _scope(rule)
    ratio = overlap_ratio(this.text(section), last.text(section))
    if ratio is None or ratio <= rule.param("threshold"):
        return
    first = next((s for s in this.sentences if section is None or s.section == section), None)
    say = {"ratio": f"{ratio:.0%}", "scope_name": name, "last_year": _year(last)}
    yield finding(rule, Location(section=section, **printed_at(first.location if first else None)), say,
                   expected=rule.param("threshold"), actual=round(Decimal(ratio), 2))


# A figure a sentence states: a count or amount with its measure word, or a percentage.
_FIGURE = re.compile(r"\d[\d,.]*\s*(?:余|多)?(?:人次|件|条|篇|次|个|期|场|家|项|万元|元|%|％)")
_YEAR_IN = re.compile(r"(\d{4})\s*年")


def _figures(text: str, last_year: int | None) -> list[str]:
    """The figures a sentence states, leaving out those the report type prescribes or the
    boilerplate holds (本报告共分6个部分, 条例第20条, 国令第711号: rules/templates/boilerplate.toml)."""
    for pattern in load_boilerplate().figures:
        text = pattern.sub("|", text)   # a cut: no figure spans it
    found = [m.group(0) for m in _FIGURE.finditer(text)]
    if last_year:
        found += [m.group(0) for m in _YEAR_IN.finditer(text) if int(m.group(1)) == last_year]
    return found


def _sentences(side: YearSide, section: str | None, min_chars: int) -> Iterable[Sentence]:
    return (s for s in side.sentences if (section is None or s.section == section) and len(compact(s.text)) >= min_chars)


def _check_figures(params: Mapping[str, Any]) -> None:
    if params["scope"] == "headings":
        raise RuleProblem("scope", "应为 \"document\" 或 \"section:章节\"")
    check.check_scope(params)


# sentences repeated word for word from last year that state a figure or last year's year
@kind("copied_figures", params={"scope": str, "min_chars": int, "group_over": int},
      outputs=("sentence", "figures", "scope_name", "last_year"), required=("scope",), pair=True,
      variants={"many": ("count", "figures", "scope_name", "last_year")}, validate=_check_figures)
def copied_figures(rule: Rule, this: YearSide, last: YearSide) -> Iterator[Finding]:
    """A sentence of this year's report found word for word in last year's, stating a
    figure or last year's year: the figure was probably not updated. More than
    `group_over` such sentences make one finding (a report copied whole is one defect)."""
    section, name = _scope(rule)
    min_chars = rule.param("min_chars", 12)
    last_sentences = {compact(s.text) for s in _sentences(last, section, min_chars)}
    copied: dict[str, tuple[Sentence, str]] = {}
    for sentence in _sentences(this, section, min_chars):
        text = compact(sentence.text)
        if text in last_sentences and text not in copied:
            found = _figures(text, last.year)
            if found:
                copied[text] = (sentence, "、".join(dict.fromkeys(found)))
    if not copied:
        return
    if len(copied) > rule.param("group_over", 3) and "many" in rule.messages:
        first = next(iter(copied.values()))[0]
        figures = "；".join(f for _, f in list(copied.values())[:6]) + ("……" if len(copied) > 6 else "")
        say = {"count": len(copied), "figures": figures, "scope_name": name, "last_year": _year(last)}
        yield finding(rule, Location(section=section, **printed_at(first.location)), say, variant="many",
                       evidence=" | ".join(s.text for s, _ in copied.values()))
        return
    for sentence, figures in copied.values():
        say = {"sentence": sentence.text, "figures": figures, "scope_name": name, "last_year": _year(last)}
        yield finding(rule, sentence_place(sentence), say,
                       evidence=sentence.text)


def run_pair_rules(this: YearSide, last: YearSide, rules: Iterable[Rule]) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        if not KINDS[rule.kind].pair:
            continue
        if this.template and this.template not in rule.templates:
            continue
        findings.extend(KINDS[rule.kind].function(rule, this, last))
    return sorted(findings, key=Finding.sort_key)
