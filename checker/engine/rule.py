"""A rule as its file states it, and the set of rules one run checks with.

Plain data: the loader (loader.py) makes them, the kinds read them. Nothing here
imports a kind, so every engine module may import this one.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..findings import Category, Severity

LAST_YEAR = "last:"   # operand prefix of cross_year_equation: the cell of last year's report
NATIONAL = ""         # the origin of a rule of rules/ (not of a pack)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: Category
    severity: Severity
    summary: str
    message: str
    kind: str
    params: dict[str, Any]
    doc: dict[str, str]
    templates: tuple[str, ...] = ("2019", "2021")
    status: str = "stable"
    since: str = "0.1.0"
    aliases: tuple[str, ...] = ()
    path: str = ""
    # named variants of the message (`[messages]`): "many" for findings grouped over many
    # cells, "blank" for a blank total, or the cases a computed function tells apart
    messages: Mapping[str, str] = field(default_factory=dict)
    years: tuple[int, int] = (0, 9999)      # report years the rule applies to
    body_kinds: tuple[str, ...] = ()        # of dates.BODY_KINDS (empty: all)
    origin: str = NATIONAL                  # the pack's folder name, or NATIONAL
    replaces: bool = False                  # a pack's rule standing in for the national rule of its code

    def param(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)

    def message_for(self, variant: str | None = None) -> str:
        """The sentence of one case; `message` when the case has none of its own."""
        return self.messages.get(variant, self.message) if variant else self.message

    def applies_to(self, template: str | None, year: int | None, body_kind: str) -> bool:
        """Whether the rule is meant for a report of this template, year and kind of body."""
        if template and template not in self.templates:
            return False
        if year is not None and not self.years[0] <= year <= self.years[1]:
            return False
        return not self.body_kinds or body_kind in self.body_kinds


def _matches(rule: Rule, prefixes: Sequence[str]) -> bool:
    return any(code.startswith(p.upper()) for p in prefixes for code in (rule.code, *rule.aliases))


def select_rules(rules: Iterable[Rule], select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """--select / --ignore by code prefix (ARI, ARI003), aliases included."""
    out = [r for r in rules if r.status != "removed"]
    if select:
        out = [r for r in out if _matches(r, select)]
    return [r for r in out if not _matches(r, ignore)]


@dataclass(frozen=True)
class RuleSet:
    """The national rules with the packs given (`--rules DIR`) laid over them, by code."""

    rules: tuple[Rule, ...]
    packs: tuple[Path, ...] = ()

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def selected(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
        return select_rules(self.rules, select, ignore)

    def get(self, code: str) -> Rule | None:
        return next((r for r in self.rules if code.upper() in (r.code, *r.aliases)), None)
