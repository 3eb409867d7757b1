"""The rule engine: rules are data (rules/**/*.toml, and packs given with --rules) over a
closed set of kinds, each filed in registry.py by the module that holds its code."""
from .loader import load_rule, load_rule_set, load_rules
from .pair_kinds import run_pair_rules
from .registry import KINDS
from .rule import NATIONAL, Rule, RuleSet, select_rules
from .run import run_rules

__all__ = ["KINDS", "NATIONAL", "Rule", "RuleSet", "load_rule", "load_rule_set", "load_rules", "run_pair_rules",
           "run_rules", "select_rules"]
