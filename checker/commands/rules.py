"""`govcheck rules [CODE]`: every rule in a table, or one rule explained."""
from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table as RichTable

from .. import exit_codes
from ..engine import NATIONAL, Rule, RuleSet, load_rule_set
from ..engine.words import NATIONAL_ZH, STATUS_ZH, readable
from ..findings import CATEGORY_ZH, SEVERITY_ZH
from ..options import RulesArgs
from ..words import Words

NO_RULE = Words("没有规则 {code}（用 govcheck rules 列出全部规则）。", "No rule {code} (govcheck rules lists every rule).")


def _origin(rule: Rule) -> str:
    """全国规则, or the pack's folder name (and 替换 where it stands for a national rule)."""
    if rule.origin == NATIONAL:
        return NATIONAL_ZH
    return f"{rule.origin}（替换）" if rule.replaces else rule.origin


def run_rules(args: RulesArgs) -> int:
    console = Console(width=args.width, highlight=False)
    rules = load_rule_set(args.rule_dirs)
    if args.code:
        rule = rules.get(args.code)
        if rule is None:
            print(NO_RULE(code=args.code), file=sys.stderr)
            return exit_codes.BAD_INPUT
        _explain(console, rule)
        return exit_codes.OK
    table = RichTable(show_edge=False)
    for name in ("规则", "类别", "级别", "来源", "说明"):
        table.add_column(name)
    for rule in _shown(rules):
        table.add_row(rule.code, CATEGORY_ZH[rule.category], SEVERITY_ZH[rule.severity], _origin(rule), rule.summary)
    console.print(table)
    return exit_codes.OK


def _shown(rules: RuleSet) -> list[Rule]:
    """With packs: the packs' rules first (what the pack changes), then the rest."""
    return sorted(rules, key=lambda r: (r.origin == NATIONAL, r.code)) if rules.packs else list(rules)


def _explain(console: Console, rule: Rule) -> None:
    """One rule in Chinese: what it checks, why, an example, and its sentences with 〈what each value is〉."""
    console.print(f"[bold]{rule.code}[/bold] {rule.summary}", markup=True)
    console.print(f"类别：{CATEGORY_ZH[rule.category]}   级别：{SEVERITY_ZH[rule.severity]}   "
                  f"状态：{STATUS_ZH[rule.status]}   来源：{_origin(rule)}", markup=False)
    console.print(f"\n[bold]检查什么[/bold]\n{rule.doc['what']}\n\n[bold]为什么[/bold]\n{rule.doc['why']}\n\n"
                  f"[bold]例子[/bold]\n{rule.doc['example']}")
    console.print("\n[bold]提示语[/bold]")
    for text in dict.fromkeys((rule.message, *rule.messages.values())):   # two cases may share a sentence
        console.print(f"・{readable(text)}", markup=False)
    console.print(f"\n[bold]规则文件[/bold]\n{rule.path}")
