"""The rule engine: rules are data (rules/**/*.toml) over a closed set of kinds."""
from .loader import Rule, load_rules
from .pair_kinds import run_pair_rules
from .run import run_rules, select_rules

__all__ = ["Rule", "load_rules", "run_pair_rules", "run_rules", "select_rules"]
