"""Run the selected rules over one report's facts."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..facts import ReportFacts
from ..findings import Finding
from . import computed  # noqa: F401  (registers the computed rules)
from .kinds import KIND_FUNCTIONS
from .loader import KINDS, Rule
from .readings import settle_runs


def _matches(rule: Rule, prefixes: Sequence[str]) -> bool:
    return any(code.startswith(p.upper()) for p in prefixes for code in (rule.code, *rule.aliases))


def select_rules(rules: Iterable[Rule], select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """--select / --ignore by code prefix (ARI, ARI003), aliases included."""
    out = [r for r in rules if r.status != "removed"]
    if select:
        out = [r for r in out if _matches(r, select)]
    return [r for r in out if not _matches(r, ignore)]


def run_rules(facts: ReportFacts, rules: Iterable[Rule]) -> list[Finding]:
    settle_runs(facts)   # a run-on capture's digits: read what the report decides before any rule looks
    findings: list[Finding] = []
    for rule in rules:
        if KINDS[rule.kind].pair:
            continue  # needs last year's report too: run_pair_rules
        if not rule.applies_to(facts.template, facts.year, facts.body_kind):
            continue
        findings.extend(KIND_FUNCTIONS[rule.kind](rule, facts))
    return sorted(findings, key=Finding.sort_key)
