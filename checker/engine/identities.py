"""Every identity of the rule catalogue (kinds `sum` and `equation`) evaluated once per
report, with what each rests on.

Publishers leave zeros blank, so a blank operand counts as 0 and the finding says so.
A blank *total* above parts that are not all zero is not a zero: it is the error, at
that cell, with the parts' sum as its value (a "blank total"); any other identity that
takes such a cell is not reported (one defect, one finding). A printed total above
parts all blank or 0 is a breakdown never filled in, not a wrong total. A row the
table does not print counts as 0: an identity it could make hold (a missing part of a
total the printed parts fall short of) is left to the missing row's finding, one it
could not is reported. A cell holding text, `/` or `—`, or one the reader could not
place, is not a number: the identities it is in are not evaluated, and its value
finding names them.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import Enum

from ..facts import ReportFacts
from ..findings import CellRef, Number
from .rule import Rule, RuleSet

IDENTITY_KINDS = ("sum", "equation")
LEDGER_KEY = "identities"
RULE_SET_KEY = "rule_set"


def use_rules(facts: ReportFacts, rules: RuleSet) -> None:
    """The rule set this report is checked with: its identities decide what a blank is."""
    facts.derived[RULE_SET_KEY] = rules


class Status(Enum):
    HOLDS = "holds"
    FAILS = "fails"
    BLANK_TOTAL = "blank_total"          # the anchor is blank, its parts are not all zero
    BLOCKED = "blocked"                  # an operand is not a number
    ON_BLANK_TOTAL = "on_blank_total"    # takes a blank total reported by another identity
    ON_MISSING_ROW = "on_missing_row"    # fails by what a row the table does not print could hold
    PARTS_BLANK = "parts_blank"          # a printed total above parts blank or 0: unfilled, not zeros
    USED = "used"                        # chose how a run-on row's digits split: no evidence either way

    @property
    def reported(self) -> bool:
        return self in (Status.FAILS, Status.BLANK_TOTAL)


@dataclass(frozen=True, slots=True)
class Evaluation:
    """One identity on one row or column: Σ left = Σ right, as evaluated."""

    rule: Rule
    table: str
    for_each: str
    fixed: str                          # the row (for_each = row) or column it is evaluated on
    left: tuple[CellRef, ...]
    right: tuple[CellRef, ...]
    left_sum: Number
    right_sum: Number
    difference: Number                  # left - right; 0 when it holds (within printed precision)
    status: Status
    blanks: tuple[CellRef, ...] = ()    # blank operands, counted as 0
    blocked_by: tuple[CellRef, ...] = ()
    missing: tuple[CellRef, ...] = ()   # operands in rows the table does not print

    @property
    def anchor(self) -> CellRef:
        """The finding's cell: the first right-hand operand (a sum's printed total)."""
        return self.right[0]

    @property
    def cells(self) -> tuple[CellRef, ...]:
        return self.left + self.right

    @property
    def coefficients(self) -> dict[CellRef, int]:
        return {**{r: 1 for r in self.left}, **{r: -1 for r in self.right}}


@dataclass(frozen=True, slots=True)
class Ledger:
    evaluations: tuple[Evaluation, ...]
    blank_totals: dict[CellRef, Evaluation]        # each blank total, with the identity that reports it
    blocked_totals: frozenset[CellRef]              # totals of sums a part that is not a number stops

    def of_rule(self, code: str) -> Iterator[Evaluation]:
        return (e for e in self.evaluations if e.rule.code == code)

    def blocked_by(self, ref: CellRef) -> list[Evaluation]:
        return [e for e in self.evaluations if ref in e.blocked_by]

    def implied_value(self, ref: CellRef, facts: ReportFacts) -> Number | None:
        """A cell's number for comparisons: as printed; a blank total's parts' sum;
        0 for any other blank; None for text, placeholders and unreadable cells."""
        total = self.blank_totals.get(ref)
        if total is not None:
            return total.left_sum
        value = facts.values.get(ref)
        if value is None:
            return None
        if value.number is not None:
            return value.number
        if value.problem != "blank":
            return None
        # a blank total above a part that is not a number: what it stands for is not known
        return None if ref in self.blocked_totals else 0

    def row_implied_zero(self, table: str, row: str) -> bool:
        """A row the table does not print whose cells the identities fix at 0: every
        identity that takes them holds with them as 0 (and at least one does)."""
        touching = [e for e in self.evaluations if any(c.table == table and c.row == row for c in e.missing)
                    and len(e.missing) < len(e.cells)    # the row's own total of nothing proves nothing
                    and e.status is not Status.USED]     # one that chose a reading proves nothing either
        return bool(touching) and all(not e.blocked_by and self._difference_with_totals(e) == 0 for e in touching)

    def _difference_with_totals(self, e: Evaluation) -> Number:
        """The identity's difference with each blank total taken at its parts' sum, not 0."""
        coefficients = e.coefficients
        return e.difference + sum(coefficients[c] * self.blank_totals[c].left_sum
                                  for c in e.cells if c in self.blank_totals and self.blank_totals[c] is not e)


def _tolerance(facts: ReportFacts, refs: tuple[CellRef, ...]) -> Decimal:
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


def _instances(rule: Rule, facts: ReportFacts) -> Iterator[tuple[str, str, tuple[CellRef, ...], tuple[CellRef, ...]]]:
    """(for_each, fixed, left, right) of every row or column the identity is written for."""
    table = rule.param("table")
    template = facts.template_for(table)
    if table not in facts.tables or template is None:
        return
    spec = template.tables[table]
    rows, columns = spec.row_ids, spec.column_ids
    for_each = rule.param("for_each")
    if rule.kind == "equation":
        left_ids, right_ids = rule.param("left"), rule.param("right")
    else:  # a sum: the parts on the left (expected), the printed total on the right
        target = rule.param("target")
        left_ids = _expand(rule.param("parts"), columns if for_each == "row" else rows, {target})
        right_ids = [target]
    for fixed in rows if for_each == "row" else columns:
        def ref(operand: str) -> CellRef:
            return CellRef(table, fixed, operand) if for_each == "row" else CellRef(table, operand, fixed)
        yield for_each, fixed, tuple(ref(x) for x in left_ids), tuple(ref(x) for x in right_ids)


@dataclass(frozen=True, slots=True)
class Operands:
    """Cells read for an identity: numbers with blanks and missing cells as 0, and which were which."""

    numbers: tuple[Number, ...]
    blanks: tuple[CellRef, ...]
    blocked: tuple[CellRef, ...]
    missing: tuple[CellRef, ...]


def read_operands(facts: ReportFacts, refs: tuple[CellRef, ...]) -> Operands:
    blanks: list[CellRef] = []
    blocked: list[CellRef] = []
    missing: list[CellRef] = []
    numbers: list[Number] = []
    for ref in refs:
        value = facts.values.get(ref)
        if value is None:
            printed_rows = facts.tables[ref.table].row_order
            (missing if ref.row not in printed_rows else blocked).append(ref)
        elif value.number is not None:
            numbers.append(value.number)
            continue
        elif value.problem == "blank":
            blanks.append(ref)
        else:
            blocked.append(ref)
        numbers.append(0)
    return Operands(tuple(numbers), tuple(blanks), tuple(blocked), tuple(missing))


def _missing_explains(difference: Number, left: tuple[CellRef, ...], right: tuple[CellRef, ...],
                      missing: tuple[CellRef, ...]) -> bool:
    """Whether rows the table does not print could hold what the identity lacks: counts
    are never negative, so a missing part explains parts short of their total, never
    parts that exceed it."""
    return bool(missing) and ((difference < 0 and any(m in left for m in missing))
                              or (difference > 0 and any(m in right for m in missing)))


def _evaluate(rule: Rule, facts: ReportFacts, for_each: str, fixed: str,
              left: tuple[CellRef, ...], right: tuple[CellRef, ...]) -> Evaluation:
    read = read_operands(facts, left + right)
    numbers, blanks, blocked, missing = read.numbers, read.blanks, read.blocked, read.missing
    left_sum, right_sum = sum(numbers[: len(left)]), sum(numbers[len(left):])
    difference = left_sum - right_sum
    if abs(Decimal(difference)) <= _tolerance(facts, left + right):
        difference = 0
    if blocked:
        status = Status.BLOCKED
    elif difference == 0:
        status = Status.HOLDS
    elif _missing_explains(difference, left, right, missing):
        status = Status.ON_MISSING_ROW
    elif rule.kind == "sum" and right[0] in blanks:
        status = Status.BLANK_TOTAL
    elif rule.kind == "sum" and left_sum == 0 and any(ref in blanks for ref in left):
        # a printed total above parts left blank (or 0): the breakdown was not filled in;
        # 应为0 would be refuted by the author (VAL001 says where the blanks are)
        status = Status.PARTS_BLANK
    else:
        status = Status.FAILS
    return Evaluation(rule, rule.param("table"), for_each, fixed, left, right, left_sum, right_sum, difference,
                      status, blanks, blocked, missing)


def identity_rules(facts: ReportFacts) -> list[Rule]:
    """The catalogue's identities that apply to this report, whatever --select says:
    whether a blank is a total or a zero does not depend on which rules are shown."""
    rules = facts.derived.get(RULE_SET_KEY)
    if not isinstance(rules, RuleSet):
        raise LookupError("no rule set for this report: engine.run_rules (or identities.use_rules) gives it")
    return [r for r in rules if r.kind in IDENTITY_KINDS and r.status != "removed"
            and r.applies_to(facts.template, facts.year, facts.body_kind)]


def identity_instances(facts: ReportFacts) -> Iterator[tuple[Rule, str, str, tuple[CellRef, ...], tuple[CellRef, ...]]]:
    """(rule, for_each, fixed, left, right) of every identity written for this report."""
    for rule in identity_rules(facts):
        for inst in _instances(rule, facts):
            yield (rule, *inst)


def _build(facts: ReportFacts) -> Ledger:
    evaluations = [replace(e, status=Status.USED) if (e.rule.code, e.fixed) in facts.used_to_read else e
                   for e in (_evaluate(rule, facts, for_each, fixed, left, right)
                             for rule, for_each, fixed, left, right in identity_instances(facts))]
    # A blank total is reported once, by the first identity that finds it.
    first: dict[CellRef, Evaluation] = {}
    for e in evaluations:
        if e.status is Status.BLANK_TOTAL:
            first.setdefault(e.anchor, e)
    out = []
    for e in evaluations:
        if e.status is Status.BLANK_TOTAL and first[e.anchor] is not e:
            e = replace(e, status=Status.ON_BLANK_TOTAL)
        elif e.status in (Status.FAILS, Status.HOLDS) and any(c in first and first[c] is not e for c in e.cells):
            e = replace(e, status=Status.ON_BLANK_TOTAL)   # holding or not, it says nothing with the blank at 0
        out.append(e)
    blocked = frozenset(e.anchor for e in out if e.status is Status.BLOCKED and e.rule.kind == "sum")
    return Ledger(tuple(out), first, blocked)


def ledger(facts: ReportFacts) -> Ledger:
    """The report's identities, evaluated once and kept with its facts."""
    found = facts.derived.get(LEDGER_KEY)
    if not isinstance(found, Ledger):
        found = facts.derived[LEDGER_KEY] = _build(facts)
    return found
