"""Run the selected rules over one report's facts."""
from __future__ import annotations

from collections.abc import Sequence

from ..facts import ReportFacts
from ..findings import Finding
from .identities import use_rules
from .readings import settle_runs
from .registry import KINDS
from .rule import RuleSet


def run_rules(facts: ReportFacts, rules: RuleSet, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Finding]:
    """The findings of the rules --select/--ignore leave; the identities of the whole set
    decide what a blank is, whatever is shown."""
    use_rules(facts, rules)
    settle_runs(facts)   # a run-on capture's digits: read what the report decides before any rule looks
    findings: list[Finding] = []
    for rule in rules.selected(select, ignore):
        spec = KINDS[rule.kind]
        if spec.pair:
            continue  # needs last year's report too: run_pair_rules
        if not rule.applies_to(facts.template, facts.year, facts.body_kind):
            continue
        findings.extend(spec.function(rule, facts))
    return sorted(findings, key=Finding.sort_key)
