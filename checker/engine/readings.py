"""Readings of run-on rows (mapping.PrintedRun), chosen only by what the report says.

The digits of a row decide some of its cells (splits.py). For the rest, in this order:
1. the row's own identities (a 表三 row's 总计, 表四's group totals): the readings that keep them;
2. the table's other identities (表三's results total and balance): the combinations of the
   rows still open that keep every identity they enter;
3. the report's prose (现行有效行政规范性文件698件): the readings that agree with it.
A cell every surviving reading gives the same text is read, and marked with what decided
it (facts.read_by). An identity that ruled a reading out proves nothing any more: the
ledger marks it used to read (facts.used_to_read, identities.Status.USED), never holding.

An identity no reading can keep is wrong whatever the digits mean, but which cell is wrong
is not known: it chooses nothing, and the cells of it that only a choice by some other
identity would fix are not read (they are "withheld"), so no arithmetic finding rests on a
reading the tool chose for a sum that cannot hold. A cell still open is unreadable (EXT003
names the cells, the digits and some readings); a row no reading of which keeps its own
total is unreadable as a whole (EXT004); both stay out of every sum.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..document import Cell, Location
from ..facts import ReportFacts
from ..findings import CellRef, Number
from ..mapping import MappedCell, MappedTable, PrintedRun, TableNote
from ..prose import table_two_claims
from ..splits import agreed
from ..values import read_value
from .identities import identity_instances

SETTLED_KEY = "runs_settled"
MAX_COMBINATIONS = 5_000      # partial combinations tried per group of open rows (a few ms)
SHOWN_READINGS = 3
BY_TEXT = "text"
BLANK = "空"                  # a cell a reading leaves blank, as a message shows it
_NOWHERE = Location()


@dataclass(frozen=True, slots=True)
class _Equation:
    key: tuple[str, str]                      # (rule code, the row or column it is written for)
    terms: tuple[tuple[CellRef, int], ...]    # cell and coefficient: Σ = 0 when it holds

    @property
    def label(self) -> str:
        """How read_by names it: ARI002:natural."""
        return f"{self.key[0]}:{self.key[1]}"


@dataclass(eq=False, slots=True)   # compared by identity: two rows may print the same digits
class _Open:
    """A run being read: its table, its printed run and the readings left."""

    mapped: MappedTable
    run: PrintedRun
    refs: tuple[CellRef, ...]
    readings: list[tuple[str, ...]]
    numbers: list[tuple[Number | None, ...]]
    decided_by: dict[int, str] = field(default_factory=dict)
    withheld: set[int] = field(default_factory=set)     # cells a failing sum leaves unread
    inconsistent: bool = False                          # no reading keeps its own total

    def keep(self, kept: list[int], by: str) -> None:
        """Keep the readings `kept`; the cells now agreed on were decided by `by`."""
        before = set(agreed(self.readings))
        self.readings = [self.readings[i] for i in kept]
        self.numbers = [self.numbers[i] for i in kept]
        for i in set(agreed(self.readings)) - before:
            self.decided_by[i] = by


def _labels(equations: list[_Equation]) -> str:
    """How read_by names the identities that chose: ARI002:commercial、ARI002:natural."""
    return "、".join(sorted(e.label for e in equations))


def settle_runs(facts: ReportFacts) -> None:
    """Choose what can be chosen, once per report, before any rule reads a value."""
    if facts.derived.get(SETTLED_KEY):
        return
    facts.derived[SETTLED_KEY] = True
    runs = [_open(mapped, run) for mapped in facts.tables.values() for run in mapped.runs]
    if not runs:
        return
    equations = _equations(facts)
    own_of = {id(item): [e for e in equations if all(ref in item.refs for ref, _ in e.terms)] for item in runs}
    for item in runs:
        if item.readings:
            _by_own_totals(item, own_of[id(item)], facts.used_to_read)
    readable = [r for r in runs if r.readings and not r.inconsistent]
    own = {id(e) for es in own_of.values() for e in es}
    _choose_jointly(facts, readable, [e for e in equations if id(e) not in own], facts.used_to_read)
    for item in readable:
        if len(item.readings) > 1 and item.mapped.id == "t2":
            _choose_by_text(facts, item)
    for item in runs:
        _record(facts, item)


def _open(mapped: MappedTable, run: PrintedRun) -> _Open:
    refs = tuple(CellRef(mapped.id, r, c) for r, c in run.cells)
    numbers = [tuple(_number(ref, text) for ref, text in zip(refs, reading)) for reading in run.readings]
    return _Open(mapped, run, refs, list(run.readings), numbers)


@lru_cache(maxsize=65536)
def _number(ref: CellRef, text: str) -> Number | None:
    """A reading's cell as a number for the identities: a blank is 0, text is None."""
    value = read_value(ref, text, _NOWHERE)
    return 0 if value.problem == "blank" else value.number


def _equations(facts: ReportFacts) -> list[_Equation]:
    out = []
    for rule, _, fixed, left, right in identity_instances(facts):
        terms: dict[CellRef, int] = {}
        for ref in left:
            terms[ref] = terms.get(ref, 0) + 1
        for ref in right:
            terms[ref] = terms.get(ref, 0) - 1
        out.append(_Equation((rule.code, fixed), tuple((r, c) for r, c in terms.items() if c)))
    return out


def _known(facts: ReportFacts, ref: CellRef) -> Number | None:
    """A cell's number outside the open runs: as read, 0 for a blank; None when it is not a
    number, or its row is not printed (a choice never rests on what a missing row holds)."""
    value = facts.values.get(ref)
    if value is None:
        return None
    if value.number is not None:
        return value.number
    return 0 if value.problem == "blank" else None


def _sums_to_zero(terms: list[tuple[int, int]], numbers: tuple[Number | None, ...]) -> bool:
    total: Number = 0
    for i, coefficient in terms:
        number = numbers[i]
        if number is None:
            return True     # not a number: the equation says nothing here
        total += coefficient * number
    return total == 0


def _by_own_totals(item: _Open, own: list[_Equation], used: set[tuple[str, str]]) -> None:
    """Keep the readings that keep the row's own identities. Of several (表四's three group
    totals), one no reading keeps chooses nothing, and what the others choose of its cells
    is withheld; a row none of whose own identities can be kept is inconsistent."""
    if not own:
        return
    place = {ref: i for i, ref in enumerate(item.refs)}
    terms = [[(place[ref], c) for ref, c in e.terms] for e in own]
    holds = [[_sums_to_zero(t, numbers) for t in terms] for numbers in item.numbers]
    keepable = [j for j in range(len(own)) if any(row[j] for row in holds)]
    failing = [own[j] for j in range(len(own)) if j not in keepable]
    digits_alone = set(agreed(item.readings))
    if not keepable:
        used.update(e.key for e in failing)   # said by EXT004, never as a sum on a chosen reading
        item.inconsistent = True
        item.keep([], "")
        return
    rejecting = [own[j] for j in keepable if not all(row[j] for row in holds)]
    used.update(e.key for e in rejecting)
    item.keep([i for i, row in enumerate(holds) if all(row[j] for j in keepable)], _labels(rejecting))
    _withhold(item, failing, digits_alone, used)


def _withhold(item: _Open, failing: list[_Equation], decided_before: set[int], used: set[tuple[str, str]]) -> None:
    """Cells of a sum no reading keeps that were fixed only now, by another identity: not
    read, and the sum not reported on them. A failing sum whose cells the digits alone fix
    stays a check, and reports."""
    place = {ref: i for i, ref in enumerate(item.refs)}
    for e in failing:
        chosen = {place[ref] for ref, _ in e.terms if ref in place} - decided_before
        if chosen:
            item.withheld |= chosen
            used.add(e.key)


def _choose_jointly(facts: ReportFacts, readable: list[_Open], equations: list[_Equation],
                    used: set[tuple[str, str]]) -> None:
    """The combinations of readings of the open rows that keep every identity joining them;
    rows already down to one reading take part with it."""
    owner = {ref: item for item in readable for ref in item.refs}
    still_open = {id(item) for item in readable if len(item.readings) > 1}
    relevant: list[_Equation] = []
    failing: list[_Equation] = []
    for e in equations:
        involved = {id(owner[ref]) for ref, _ in e.terms if ref in owner}
        if not involved & still_open or any(_known(facts, ref) is None for ref, _ in e.terms if ref not in owner):
            continue
        (relevant if _satisfiable(facts, e, owner) else failing).append(e)
    for group in _groups([r for r in readable if id(r) in still_open], relevant, owner):
        members = {id(item) for item in group}
        decided_before = {id(item): set(agreed(item.readings)) for item in group}
        _solve(facts, group, [e for e in relevant if any(ref in owner and id(owner[ref]) in members
                                                        for ref, _ in e.terms)], owner, used)
        for item in group:
            _withhold(item, [e for e in failing if any(owner.get(ref) is item for ref, _ in e.terms)],
                      decided_before[id(item)], used)


def _constant(facts: ReportFacts, equation: _Equation, owner: dict[CellRef, _Open]) -> Number:
    """The sum of an equation's terms outside the open runs."""
    return sum(c * (_known(facts, ref) or 0) for ref, c in equation.terms if ref not in owner)


def _satisfiable(facts: ReportFacts, equation: _Equation, owner: dict[CellRef, _Open]) -> bool:
    """Whether some readings of its rows keep the identity."""
    rows: dict[int, _Open] = {id(owner[ref]): owner[ref] for ref, _ in equation.terms if ref in owner}
    reachable: set[Number] = {_constant(facts, equation, owner)}
    for item in rows.values():   # the values each row can add to the sum
        place = {ref: i for i, ref in enumerate(item.refs)}
        terms = [(place[ref], c) for ref, c in equation.terms if ref in place]
        sums = {sum(c * (numbers[i] or 0) for i, c in terms) for numbers in item.numbers}
        reachable = {a + b for a in reachable for b in sums}
        if len(reachable) > MAX_COMBINATIONS:
            return True     # too many to tell: let the search decide
    return 0 in reachable


def _groups(runs: list[_Open], equations: list[_Equation], owner: dict[CellRef, _Open]) -> Iterator[list[_Open]]:
    """Open rows and the rows an identity links them to, each group once."""
    seen: set[int] = set()
    for start in runs:
        if id(start) in seen:
            continue
        group, stack = [], [start]
        while stack:
            item = stack.pop()
            if id(item) in seen:
                continue
            seen.add(id(item))
            group.append(item)
            for e in equations:
                members = {id(owner[ref]): owner[ref] for ref, _ in e.terms if ref in owner}
                if id(item) in members:
                    stack.extend(members.values())
        yield group


def _solve(facts: ReportFacts, group: list[_Open], equations: list[_Equation], owner: dict[CellRef, _Open],
           used: set[tuple[str, str]]) -> None:
    if not equations:
        return
    position = {id(item): k for k, item in enumerate(group)}
    place = {ref: i for item in group for i, ref in enumerate(item.refs)}
    # each equation as its open terms (row in the group, cell in the row, coefficient) and the
    # sum of its other terms; it is checked as soon as the last of its rows has a reading
    checks: list[list[tuple[_Equation, list[tuple[int, int, int]], Number]]] = [[] for _ in group]
    for e in equations:
        open_terms = [(position[id(owner[ref])], place[ref], c) for ref, c in e.terms if ref in owner]
        checks[max(k for k, _, _ in open_terms)].append((e, open_terms, _constant(facts, e, owner)))
    solutions: list[tuple[int, ...]] = []
    rejecting: dict[tuple[str, str], _Equation] = {}
    chosen: list[tuple[Number | None, ...]] = [()] * len(group)
    tried = 0

    def keeps(open_terms: list[tuple[int, int, int]], constant: Number) -> bool:
        total = constant
        for k, i, c in open_terms:
            number = chosen[k][i]
            if number is None:
                return True
            total += c * number
        return total == 0

    def extend(k: int, picks: tuple[int, ...]) -> bool:
        nonlocal tried
        if k == len(group):
            solutions.append(picks)
            return True
        for i, numbers in enumerate(group[k].numbers):
            tried += 1
            if tried > MAX_COMBINATIONS:
                return False
            chosen[k] = numbers
            broken = [e for e, terms, constant in checks[k] if not keeps(terms, constant)]
            if broken:
                rejecting.update((e.key, e) for e in broken)
                continue
            if not extend(k + 1, (*picks, i)):
                return False
        return True

    if not extend(0, ()) or not solutions:
        return      # too many to try, or no combination keeps them all: nothing is chosen
    used.update(rejecting)
    for k, item in enumerate(group):
        item.keep(sorted({s[k] for s in solutions}), _labels(list(rejecting.values())))


def _choose_by_text(facts: ReportFacts, item: _Open) -> None:
    """表二 rows by the prose's own figures (现行有效行政规范性文件698件), each claim kept only
    where some reading agrees with it."""
    template = facts.template_for("t2")
    if template is None:
        return
    rows = {ref.row for ref in item.refs}
    for sentence in facts.sentences:
        for claim in table_two_claims(sentence, facts.year, template.id):
            if claim.row not in rows:
                continue
            places = [k for k, ref in enumerate(item.refs) if ref.row == claim.row and ref.column in claim.columns]
            kept = [i for i, numbers in enumerate(item.numbers) if any(numbers[k] == claim.number for k in places)]
            if kept and len(kept) < len(item.readings):
                item.keep(kept, BY_TEXT)


def _record(facts: ReportFacts, item: _Open) -> None:
    """Read the cells now decided; say which are not."""
    run, mapped = item.run, item.mapped
    decided = {} if item.inconsistent else agreed(item.readings)
    for i, text in sorted(decided.items()):
        ref = item.refs[i]
        if i in item.withheld or mapped.cells[(ref.row, ref.column)].source is not None:
            continue    # withheld, or the digits alone read it (runon.py)
        mapped.cells[(ref.row, ref.column)] = MappedCell(ref.row, ref.column, text, run.location, Cell(text, (run.index, i)))
        facts.values[ref] = read_value(ref, text, run.location)
        facts.read_by[ref] = item.decided_by.get(i, "")
    unread = tuple(cell for cell in run.cells if mapped.cells[cell].source is None)
    if not unread:
        return
    row = item.refs[0].row if mapped.id != "t4" else None
    shown: tuple[str, ...]
    if not run.delimited:
        kind, shown, count = "digits_undelimited", (), 0
    elif item.inconsistent or (item.withheld and set(decided) >= item.withheld):
        kind, shown, count = "digits_inconsistent", (), 0
    elif not run.readings and not run.too_many:
        kind, shown, count = "digits_unfit", (), len(run.cells)   # the count is the cells' here
    else:   # several readings left, or too many to list
        kind, shown, count = "digits_ambiguous", tuple("、".join(text or BLANK for text in r)
                                                       for r in item.readings[:SHOWN_READINGS]), \
            len(item.readings) or run.count
    mapped.notes.append(TableNote(kind, run.text, run.location, row, shown, count, unread))
