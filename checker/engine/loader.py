"""rules/**/*.toml -> Rule objects, checked once at start-up.

Every failure names the file and the key (RuleFileError), never mid-check.
"""
from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import RuleFileError
from ..findings import Category, Severity
from ..settings import RULES_DIR
from ..templates import union_spec

PREFIXES = {"STR": "structure", "ARI": "arithmetic", "VAL": "value", "TPL": "template",
            "CON": "consistency", "TIM": "timeliness", "XYR": "cross_year", "CPY": "copy", "EXT": "extraction"}
LAST_YEAR = "last:"   # operand prefix of cross_year_equation: the cell of last year's report
REQUIRED = ("code", "name", "category", "severity", "summary", "message", "kind")


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
    message_many: str | None = None   # for findings grouped over many cells
    message_blank: str | None = None  # identities: for a blank total above parts that are not all zero
    years: tuple[int, int] = (0, 9999)      # report years the rule applies to
    body_kinds: tuple[str, ...] = ()        # of dates.BODY_KINDS (empty: all)

    def param(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)

    def applies_to(self, template: str | None, year: int | None, body_kind: str) -> bool:
        """Whether the rule is meant for a report of this template, year and kind of body."""
        if template and template not in self.templates:
            return False
        if year is not None and not self.years[0] <= year <= self.years[1]:
            return False
        return not self.body_kinds or body_kind in self.body_kinds


@dataclass(frozen=True)
class KindSpec:
    """What a kind accepts and which placeholders its messages may use."""

    params: dict[str, type | tuple[type, ...]]
    outputs: frozenset[str]
    required: tuple[str, ...] = ()
    many_outputs: frozenset[str] = field(default_factory=frozenset)
    pair: bool = False   # reads two reports of one body (this year, last year), not one


_SECTION_OUT = frozenset({"heading", "section"})
_TABLE_OUT = frozenset({"table_name"})
_CELL_OUT = frozenset({"table_name", "row_label", "column_label", "cell_label", "printed"})
KINDS: dict[str, KindSpec] = {
    "section_missing": KindSpec({}, _SECTION_OUT),
    "section_duplicated": KindSpec({}, _SECTION_OUT | {"printed"}),
    "section_out_of_order": KindSpec({}, _SECTION_OUT),
    "section_empty": KindSpec({"sections": list, "bare_none_is_empty": bool}, _SECTION_OUT, ("sections",)),
    "table_missing": KindSpec({"tables": list}, _TABLE_OUT, ("tables",)),
    # zero: report the rows whose cells would all be 0 (true) or the others (false, the default)
    "row_missing": KindSpec({"tables": list, "zero": bool}, _TABLE_OUT | {"row_label"}, ("tables",)),
    "table_note": KindSpec({"note": str, "tables": list},
                            _TABLE_OUT | {"printed", "row_label", "blocked", "where", "readings", "count", "ways", "cells"},
                            ("note",)),
    # year: report only where the report's year says which layout is the wrong one (true), or only where not
    "template_mixed": KindSpec({"year": bool}, frozenset({"detail", "template", "year", "wanted"})),
    # identities; `instance` names one row's or column's identity ("「{row_label}」行的总计") where
    # a cell that is not a number stops it being checked
    "sum": KindSpec({"table": str, "for_each": str, "target": str, "parts": list, "instance": str},
                    _CELL_OUT | {"expected", "actual", "blank_note"}, ("table", "for_each", "target", "parts")),
    "equation": KindSpec({"table": str, "for_each": str, "left": list, "right": list, "instance": str},
                         _CELL_OUT | {"left", "right", "expected", "actual", "blank_note"},
                         ("table", "for_each", "left", "right")),
    # target >= sum(plus) - sum(minus) on each row of `only`
    "lower_bound": KindSpec({"table": str, "only": list, "target": str, "plus": list, "minus": list},
                            _CELL_OUT | {"expected", "actual", "blank_note"}, ("table", "only", "target", "plus", "minus")),
    "cell_problem": KindSpec({"problems": list, "tables": list, "group_over": int},
                             _CELL_OUT | {"unit", "converted", "blocked"}, ("problems",),
                             many_outputs=frozenset({"table_name", "count", "cells", "blocked"})),
    # blank cells that stand for zero: one finding per table, `where` says where as a person would
    "blank_cells": KindSpec({"tables": list}, _CELL_OUT, many_outputs=frozenset({"table_name", "count", "where"})),
    # scope: "document", "headings" or "section:<id>"; mode: "required" (fires when no
    # pattern matches the scope) or "forbidden" (fires on every match)
    "text_pattern": KindSpec({"scope": str, "patterns": list, "mode": str},
                             frozenset({"heading", "matched", "scope_name"}), ("scope", "patterns", "mode")),
    # when the cell's value is above `above`, the scope must match one of the patterns
    "conditional": KindSpec({"cell": str, "above": int, "scope": str, "patterns": list},
                            frozenset({"heading", "value", "cell_label", "scope_name"}), ("cell", "scope", "patterns")),
    # --- pair kinds: this year's report beside last year's (engine/pair_kinds.py) ---
    # an identity across the two years; operands "last:<id>" are read from last year's report
    "cross_year_equation": KindSpec({"table": str, "for_each": str, "left": list, "right": list, "only": list},
                                    _CELL_OUT | {"expected", "actual", "year", "last_year", "blank_note"},
                                    ("table", "for_each", "left", "right"), pair=True),
    # share of this year's text (scope) found in last year's; fires above `threshold`
    "copy_overlap": KindSpec({"scope": str, "threshold": float}, frozenset({"ratio", "scope_name", "last_year"}),
                             ("scope", "threshold"), pair=True),
    # sentences repeated word for word from last year that state a figure or last year's year
    "copied_figures": KindSpec({"scope": str, "min_chars": int, "group_over": int},
                               frozenset({"sentence", "figures", "scope_name", "last_year"}), ("scope",), pair=True,
                               many_outputs=frozenset({"count", "figures", "scope_name", "last_year"})),
    # a registered Python function (engine/computed.py) for rules that compute
    "computed": KindSpec({"function": str, "params": dict}, frozenset({"detail"}), ("function",)),
}


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _check_ids(path: Path, rule: dict, params: dict) -> None:
    table = params.get("table")
    if not table:
        return
    spec = union_spec(table)
    rows, cols = set(spec.row_ids), set(spec.column_ids)
    if rule["kind"] == "lower_bound":  # rows in `only`, columns in the rest
        for key, ids, known_ids in (("only", params["only"], rows),
                                    ("target", [params["target"]], cols), ("plus", params["plus"], cols),
                                    ("minus", params["minus"], cols)):
            unknown = [i for i in ids if i not in known_ids]
            if unknown:
                raise RuleFileError(path, key, f"unknown id(s) {unknown!r}")
        return
    for_each = params.get("for_each")
    if for_each not in ("row", "column"):
        raise RuleFileError(path, "for_each", f"must be 'row' or 'column', got {for_each!r}")
    # for_each=row: the operands are columns; for_each=column: rows.
    known = cols if for_each == "row" else rows
    if any(fixed not in (rows if for_each == "row" else cols) for fixed in params.get("only", [])):
        raise RuleFileError(path, "only", f"unknown {'row' if for_each == 'row' else 'column'} id in {params['only']!r}")
    right = params.get("right") or [""]
    if right[0].startswith(LAST_YEAR):
        raise RuleFileError(path, "right[0]", "the first right-hand operand is the finding's cell: it must be this year's")
    for key in ("target", "parts", "left", "right"):
        values = params.get(key)
        if values is None:
            continue
        for i, value in enumerate([values] if isinstance(values, str) else values):
            value = value.removeprefix(LAST_YEAR)
            base = value[:-2] if value.endswith(".*") else value
            if value.endswith(".*") and any(k.startswith(base + ".") for k in known):
                continue
            if base not in known:
                where = key if isinstance(values, str) else f"{key}[{i}]"
                raise RuleFileError(path, where, f"unknown {'column' if for_each == 'row' else 'row'} id {value!r}")


def load_rule(path: Path) -> Rule:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(path, "(file)", f"not valid TOML: {exc}") from exc
    for key in REQUIRED:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise RuleFileError(path, key, "missing or empty")
    code = raw["code"]
    if code != path.stem:
        raise RuleFileError(path, "code", f"{code!r} must equal the file name {path.stem!r}")
    if PREFIXES.get(code[:3]) != raw["category"]:
        raise RuleFileError(path, "category", f"{raw['category']!r} does not match the code prefix {code[:3]!r}")
    try:
        category, severity = Category(raw["category"]), Severity(raw["severity"])
    except ValueError as exc:
        raise RuleFileError(path, "category/severity", str(exc)) from exc
    kind = KINDS.get(raw["kind"])
    if kind is None:
        raise RuleFileError(path, "kind", f"unknown kind {raw['kind']!r}; known: {', '.join(sorted(KINDS))}")
    common = set(REQUIRED) | {"doc", "templates", "status", "since", "aliases", "message_many", "message_blank",
                              "years", "body_kinds"}
    params = {k: v for k, v in raw.items() if k not in common}
    for key in kind.required:
        if key not in params:
            raise RuleFileError(path, key, f"required by kind {raw['kind']!r}")
    for key, value in params.items():
        if key not in kind.params:
            raise RuleFileError(path, key, f"not a field of kind {raw['kind']!r}")
        if not isinstance(value, kind.params[key]):
            raise RuleFileError(path, key, f"must be {kind.params[key]}")
    unknown = _placeholders(raw["message"]) - kind.outputs
    if unknown:
        raise RuleFileError(path, "message", f"unknown placeholder(s) {sorted(unknown)}; kind gives {sorted(kind.outputs)}")
    if raw.get("message_many") is not None:
        unknown = _placeholders(raw["message_many"]) - kind.many_outputs
        if unknown:
            raise RuleFileError(path, "message_many", f"unknown placeholder(s) {sorted(unknown)}")
    if raw.get("message_blank") is not None:
        if raw["kind"] != "sum":
            raise RuleFileError(path, "message_blank", "only a sum has a blank total")
        unknown = _placeholders(raw["message_blank"]) - kind.outputs
        if unknown:
            raise RuleFileError(path, "message_blank", f"unknown placeholder(s) {sorted(unknown)}")
    if "instance" in params:
        unknown = _placeholders(params["instance"]) - {"row_label", "column_label"}
        if unknown:
            raise RuleFileError(path, "instance", f"unknown placeholder(s) {sorted(unknown)}; row_label, column_label")
    doc = raw.get("doc", {})
    for key in ("what", "why", "example"):
        if not isinstance(doc.get(key), str) or not doc[key].strip():
            raise RuleFileError(path, f"doc.{key}", "missing or empty")
    _check_ids(path, raw, params)
    if raw["kind"] == "computed":
        from .computed import COMPUTED  # the registry fills as computed.py is imported

        if params["function"] not in COMPUTED:
            raise RuleFileError(path, "function", f"unknown function {params['function']!r}; known: {', '.join(sorted(COMPUTED))}")
    for key in ("scope",):
        scope = params.get(key)
        if scope is not None and scope not in ("document", "headings") and not scope.startswith("section:"):
            raise RuleFileError(path, key, f"must be 'document', 'headings' or 'section:<id>', got {scope!r}")
    if params.get("mode") not in (None, "required", "forbidden"):
        raise RuleFileError(path, "mode", f"must be 'required' or 'forbidden', got {params.get('mode')!r}")
    years = raw.get("years", [0, 9999])
    return Rule(
        code=code, name=raw["name"], category=category, severity=severity, summary=raw["summary"],
        message=raw["message"], kind=raw["kind"], params=params, doc=doc,
        templates=tuple(raw.get("templates", ("2019", "2021"))), status=raw.get("status", "stable"),
        since=raw.get("since", "0.1.0"), aliases=tuple(raw.get("aliases", ())), path=str(path),
        message_many=raw.get("message_many"), message_blank=raw.get("message_blank"), years=(int(years[0]), int(years[1])),
        body_kinds=tuple(raw.get("body_kinds", ())),
    )


@cache
def load_rules(rules_dir: Path = RULES_DIR) -> tuple[Rule, ...]:
    paths = sorted(p for p in rules_dir.rglob("*.toml") if "templates" not in p.relative_to(rules_dir).parts)
    rules = [load_rule(p) for p in paths]
    seen: dict[str, str] = {}
    for rule in rules:
        for code in (rule.code, *rule.aliases):
            if code in seen:
                raise RuleFileError(rule.path, "code", f"{code} is also used by {seen[code]}")
            seen[code] = rule.path
    return tuple(sorted(rules, key=lambda r: r.code))
