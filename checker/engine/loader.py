"""rules/**/*.toml (and the packs given with --rules) -> a RuleSet, checked once at start-up.

Every field is validated here against the kinds' specs (registry.py, filled by the kind
modules imported below): a bad rule file is one Chinese sentence naming the file and the
key (RuleFileError), never a failure in the middle of a check.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from ..dates import BODY_KINDS
from ..errors import RuleFileError
from ..facts import PRE_2019
from ..findings import CATEGORY_ZH, SEVERITY_ZH, Category, Severity
from ..settings import RULES_DIR
from ..templates import load_templates
from . import computed, kinds, pair_kinds  # noqa: F401  (each files its kinds in the registry)
from .registry import COMPUTED, KINDS, KindSpec, RuleProblem, braced, placeholders
from .rule import NATIONAL, Rule, RuleSet
from .words import STATUS_ZH

PREFIXES = {"STR": "structure", "ARI": "arithmetic", "VAL": "value", "TPL": "template",
            "CON": "consistency", "TIM": "timeliness", "XYR": "cross_year", "CPY": "copy", "EXT": "extraction"}
REQUIRED = ("code", "name", "category", "severity", "summary", "message", "kind")
COMMON = (*REQUIRED, "doc", "templates", "status", "since", "aliases", "messages", "years", "body_kinds")
STATUSES = tuple(STATUS_ZH)
_VERSION = re.compile(r"\d+\.\d+\.\d+")
_CODE = re.compile(r"[A-Z]{3}\d{3}")


def known_templates() -> tuple[str, ...]:
    return (*load_templates(), PRE_2019)


def _type_name(wanted: type | tuple[type, ...]) -> str:
    names = {str: "字符串", list: "列表", bool: "true 或 false", int: "整数", float: "小数", dict: "表（{…}）"}
    types = wanted if isinstance(wanted, tuple) else (wanted,)
    return "或".join(names.get(t, t.__name__) for t in types)


def _fits(value: object, wanted: type | tuple[type, ...]) -> bool:
    """TOML's value of a parameter: a bool is no number; an integer stands for a decimal (threshold = 1)."""
    types = wanted if isinstance(wanted, tuple) else (wanted,)
    if isinstance(value, bool):
        return bool in types
    return isinstance(value, types) or (float in types and isinstance(value, int))


def _check_params(spec: KindSpec, params: Mapping[str, Any], what: str, prefix: str = "") -> None:
    for key in spec.required:
        if key not in params:
            raise RuleProblem(prefix + key, f"{what}必须有这一项")
    for key, value in params.items():
        if key not in spec.params:
            known = "、".join(spec.params) or "（无）"
            raise RuleProblem(prefix + key, f"不是{what}的参数；可用的有 {known}")
        if not _fits(value, spec.params[key]):
            raise RuleProblem(prefix + key, f"应为{_type_name(spec.params[key])}")
    if spec.validate is not None:
        try:
            spec.validate(params)
        except RuleProblem as problem:
            if prefix and not problem.key.startswith(prefix):
                raise RuleProblem(prefix + problem.key, problem.problem) from None
            raise


def _check_messages(spec: KindSpec, message: str, messages: Mapping[str, Any]) -> None:
    unknown = placeholders(message) - spec.outputs
    if unknown:
        raise RuleProblem("message", f"没有占位符 {braced(unknown)}；可用的有 {braced(spec.outputs) or '（无）'}")
    for variant, text in messages.items():
        if variant not in spec.variants:
            known = "、".join(spec.variants) or "（无）"
            raise RuleProblem(f"messages.{variant}", f"没有这种情形；此类规则的情形有 {known}")
        if not isinstance(text, str) or not text.strip():
            raise RuleProblem(f"messages.{variant}", "缺少或为空")
        unknown = placeholders(text) - spec.variants[variant]
        if unknown:
            raise RuleProblem(f"messages.{variant}",
                              f"没有占位符 {braced(unknown)}；可用的有 {braced(spec.variants[variant]) or '（无）'}")
    if spec.variants_required:
        for variant in spec.variants:
            if variant not in messages:
                raise RuleProblem(f"messages.{variant}", "缺少这种情形的提示语")


def _strings(raw: Mapping[str, Any], key: str, known: tuple[str, ...] | None = None) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleProblem(key, "应为字符串的列表")
    if known is not None:
        unknown = [v for v in value if v not in known]
        if unknown:
            raise RuleProblem(key, f"不认识 {unknown!r}；可用的有 {'、'.join(known)}")
    return tuple(value)


def _rule(path: Path, raw: dict[str, Any], origin: str) -> Rule:
    for key in REQUIRED:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise RuleProblem(key, "缺少或为空")
    code = raw["code"]
    if code != path.stem:
        raise RuleProblem("code", f"{code!r} 应与文件名 {path.stem!r} 相同")
    if not _CODE.fullmatch(code) or code[:3] not in PREFIXES:
        raise RuleProblem("code", f"{code!r} 应为三个字母加三位数字，字母为 {'、'.join(PREFIXES)} 之一")
    if PREFIXES[code[:3]] != raw["category"]:
        raise RuleProblem("category", f"{raw['category']!r} 与代码前缀 {code[:3]} 不符（应为 {PREFIXES[code[:3]]!r}）")
    try:
        category = Category(raw["category"])
    except ValueError:
        raise RuleProblem("category", f"没有这个类别 {raw['category']!r}；可用的有 {'、'.join(CATEGORY_ZH)}") from None
    try:
        severity = Severity(raw["severity"])
    except ValueError:
        raise RuleProblem("severity", f"没有这个级别 {raw['severity']!r}；可用的有 {'、'.join(SEVERITY_ZH)}") from None
    spec = KINDS.get(raw["kind"])
    if spec is None:
        raise RuleProblem("kind", f"没有 {raw['kind']!r} 这种规则类型；可用的有 {'、'.join(sorted(KINDS))}")
    params = {k: v for k, v in raw.items() if k not in COMMON}
    _check_params(spec, params, f"{raw['kind']} 类规则")
    if raw["kind"] == "computed":
        function = COMPUTED.get(params["function"])
        if function is None:
            raise RuleProblem("function", f"没有 {params['function']!r} 这个函数；可用的有 {'、'.join(sorted(COMPUTED))}")
        _check_params(function, params.get("params", {}), f"函数 {function.name} ", "params.")
        spec = function
    messages = raw.get("messages", {})
    if not isinstance(messages, dict):
        raise RuleProblem("messages", "应为表（[messages] 下各情形的提示语）")
    _check_messages(spec, raw["message"], messages)
    doc = raw.get("doc", {})
    for key in ("what", "why", "example"):
        if not isinstance(doc.get(key), str) or not doc[key].strip():
            raise RuleProblem(f"doc.{key}", "缺少或为空")
    status = raw.get("status", "stable")
    if status not in STATUSES:
        raise RuleProblem("status", f"没有这个状态 {status!r}；可用的有 {'、'.join(STATUSES)}")
    since = raw.get("since", "0.1.0")
    if not isinstance(since, str) or not _VERSION.fullmatch(since):
        raise RuleProblem("since", f"应为版本号，如 \"0.1.0\"，却是 {since!r}")
    years = raw.get("years", [0, 9999])
    if (not isinstance(years, list) or len(years) != 2 or not all(isinstance(y, int) and not isinstance(y, bool) for y in years)
            or years[0] > years[1]):
        raise RuleProblem("years", f"应为从小到大的两个年份，如 [2019, 9999]，却是 {years!r}")
    templates = _strings(raw, "templates", known_templates()) if "templates" in raw else ("2019", "2021")
    if not templates:
        raise RuleProblem("templates", "不能为空（规则将不适用于任何报告）")
    aliases = _strings(raw, "aliases")
    for alias in aliases:
        if not _CODE.fullmatch(alias):
            raise RuleProblem("aliases", f"{alias!r} 不是规则代码")
    return Rule(
        code=code, name=raw["name"], category=category, severity=severity, summary=raw["summary"],
        message=raw["message"], kind=raw["kind"], params=params, doc=doc, templates=templates, status=status,
        since=since, aliases=aliases, path=str(path), messages=dict(messages), years=(years[0], years[1]),
        body_kinds=_strings(raw, "body_kinds", BODY_KINDS), origin=origin,
    )


def load_rule(path: Path, origin: str = NATIONAL) -> Rule:
    """One rule file, every field checked; `origin`: the pack's folder name, or NATIONAL."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(path, "（整个文件）", f"不是有效的 TOML：{exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, "（整个文件）", f"无法读取：{exc}") from exc
    try:
        return _rule(path, raw, origin)
    except RuleProblem as problem:
        raise RuleFileError(path, problem.key, problem.problem) from None


def _rule_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.toml") if "templates" not in p.relative_to(folder).parts
                  and "packs" not in p.relative_to(folder).parts)


def _unique(rules: list[Rule]) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        for code in (rule.code, *rule.aliases):
            if code in seen:
                raise RuleFileError(rule.path, "code", f"{code} 已由 {seen[code]} 使用")
            seen[code] = rule.path


@cache
def load_rules(rules_dir: Path = RULES_DIR) -> tuple[Rule, ...]:
    """The rules of one folder (the national ones: rules/), by code."""
    rules = [load_rule(p) for p in _rule_files(rules_dir)]
    _unique(rules)
    return tuple(sorted(rules, key=lambda r: r.code))


def _pack(folder: Path) -> list[Rule]:
    if not folder.is_dir():
        raise RuleFileError(folder, "--rules", "不是目录（应为存放规则文件 *.toml 的目录）")
    rules = [load_rule(p, origin=folder.resolve().name) for p in _rule_files(folder)]
    if not rules:
        raise RuleFileError(folder, "--rules", "目录中没有规则文件（*.toml）")
    _unique(rules)
    return rules


@cache
def load_rule_set(packs: tuple[Path, ...] = ()) -> RuleSet:
    """The national rules with each pack laid over them in turn: a pack's rule of an
    existing code replaces that rule (and says so), one of a new code is added."""
    by_code = {r.code: r for r in load_rules()}
    for folder in packs:
        for rule in _pack(folder):
            replaced = by_code.get(rule.code)
            if replaced is None:
                # a new code must not be another rule's alias
                owner = next((r for r in by_code.values() if rule.code in r.aliases), None)
                if owner is not None:
                    raise RuleFileError(rule.path, "code", f"{rule.code} 已是 {owner.path} 的别名")
            by_code[rule.code] = _replacing(rule, replaced)
    return RuleSet(tuple(sorted(by_code.values(), key=lambda r: r.code)), packs)


def _replacing(rule: Rule, replaced: Rule | None) -> Rule:
    if replaced is None:
        return rule
    return replace(rule, replaces=True)
