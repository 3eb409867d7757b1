"""The 2019 and 2021 report templates and the six sections, loaded from rules/templates."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import RuleFileError
from .matching import Candidate, candidates_for
from .settings import RULES_DIR

TABLE_IDS = ("t2", "t3", "t4")
TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}


@dataclass(frozen=True, slots=True)
class LabelSpec:
    id: str
    label: str
    variants: tuple[str, ...] = ()
    group: str | None = None          # t3: the merged group label (不予公开 …)
    columns: tuple[str, ...] = ()     # t2 rows: their columns in printed order
    kind: str = "count"               # count | signed_count | money
    unit: str | None = None
    short: str | None = None          # wording for messages when the label is long or ambiguous
    zero_for: tuple[str, ...] = ()    # kinds of body whose report has nothing to count in this row


@dataclass(frozen=True, slots=True)
class TableSpec:
    id: str
    title: str
    rows: tuple[LabelSpec, ...]
    columns: tuple[LabelSpec, ...]
    page_words: tuple[str, ...] = ()   # printed in the table, hardly ever in prose (PDF pages to read for grids)

    def row(self, row_id: str) -> LabelSpec | None:
        return next((r for r in self.rows if r.id == row_id), None)

    def column(self, column_id: str) -> LabelSpec | None:
        return next((c for c in self.columns if c.id == column_id), None)

    @property
    def row_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rows)

    @property
    def column_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.columns)

    def columns_of(self, row_id: str) -> tuple[str, ...]:
        """The columns a row has: its own list (表二) or all of the table's."""
        row = self.row(row_id)
        return row.columns if row is not None and row.columns else self.column_ids


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    notice: str
    first_year: int
    tables: dict[str, TableSpec]


@dataclass(frozen=True, slots=True)
class SectionSpec:
    id: str
    numeral: str
    heading: str
    variants: tuple[str, ...]

    @property
    def canonical(self) -> str:
        return f"{self.numeral}、{self.heading}"


VALUE_KINDS = ("count", "signed_count", "money")   # how values.read_value reads a cell
UNITS = ("万元", "元")                              # a money column's unit, as printed in its header


def _label(path: Path, where: str, raw: dict) -> LabelSpec:
    for key in ("id", "label"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise RuleFileError(path, f"{where}.{key}", "缺少或不是字符串")
    if raw.get("kind", "count") not in VALUE_KINDS:
        raise RuleFileError(path, f"{where}.kind", f"没有这种数值类型 {raw['kind']!r}；可用的有 {'、'.join(VALUE_KINDS)}")
    if raw.get("unit") is not None and raw["unit"] not in UNITS:
        raise RuleFileError(path, f"{where}.unit", f"没有这个单位 {raw['unit']!r}；可用的有 {'、'.join(UNITS)}")
    return LabelSpec(
        id=raw["id"],
        label=raw["label"],
        variants=tuple(raw.get("variants", ())),
        group=raw.get("group"),
        columns=tuple(raw.get("columns", ())),
        kind=raw.get("kind", "count"),
        unit=raw.get("unit"),
        short=raw.get("short"),
        zero_for=tuple(raw.get("zero_for", ())),
    )


def _load_template(path: Path) -> Template:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    tables = {}
    for table_id in TABLE_IDS:
        raw = data.get(table_id)
        if not isinstance(raw, dict):
            raise RuleFileError(path, table_id, "缺少这张表")
        rows = tuple(_label(path, f"{table_id}.rows[{i}]", r) for i, r in enumerate(raw.get("rows", ())))
        columns = tuple(_label(path, f"{table_id}.columns[{i}]", c) for i, c in enumerate(raw.get("columns", ())))
        known = {c.id for c in columns}
        for i, row in enumerate(rows):
            for col in row.columns:
                if col not in known:
                    raise RuleFileError(path, f"{table_id}.rows[{i}].columns", f"没有这一列 {col!r}")
        words = raw.get("page_words", [])
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise RuleFileError(path, f"{table_id}.page_words", "应为非空字符串的列表")
        tables[table_id] = TableSpec(table_id, raw.get("title", ""), rows, columns, tuple(words))
    return Template(str(data["id"]), data.get("notice", ""), int(data["first_year"]), tables)


@cache
def load_templates(rules_dir: Path = RULES_DIR) -> dict[str, Template]:
    return {t.id: t for t in (_load_template(p) for p in sorted((rules_dir / "templates").glob("20*.toml")))}



@cache
def table_page_words(rules_dir: Path = RULES_DIR) -> frozenset[str]:
    """Every template's words that mark a page holding a standard table (the PDF extractor's hint)."""
    return frozenset(w for t in load_templates(rules_dir).values() for spec in t.tables.values() for w in spec.page_words)


@cache
def load_sections(rules_dir: Path = RULES_DIR) -> tuple[SectionSpec, ...]:
    path = rules_dir / "templates" / "sections.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(
        SectionSpec(s["id"], s["numeral"], s["heading"], tuple(s.get("variants", ()))) for s in data["sections"]
    )


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """rules/templates/boilerplate.toml: the wording every report shares."""

    copy: tuple[re.Pattern[str], ...]      # cut from the text the copy rules measure
    figures: tuple[re.Pattern[str], ...]   # cut from a repeated sentence before its figures are read


def _patterns(path: Path, data: dict, table: str, key: str) -> tuple[re.Pattern[str], ...]:
    raw = data.get(table, {}).get(key, [])
    if not isinstance(raw, list):
        raise RuleFileError(path, f"{table}.{key}", "应为正则表达式的列表")
    out = []
    for i, pattern in enumerate(raw):
        try:
            compiled = re.compile(pattern)
        except (re.error, TypeError) as exc:
            raise RuleFileError(path, f"{table}.{key}[{i}]", f"不是有效的正则表达式（{exc}）") from exc
        if compiled.groups:
            raise RuleFileError(path, f"{table}.{key}[{i}]", "请用 (?:…)：捕获组会把文字拆开")
        out.append(compiled)
    return tuple(out)


@cache
def load_boilerplate(rules_dir: Path = RULES_DIR) -> Boilerplate:
    path = rules_dir / "templates" / "boilerplate.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return Boilerplate(_patterns(path, data, "copy", "sentences") + _patterns(path, data, "copy", "phrases"),
                       _patterns(path, data, "figures", "patterns"))


@cache
def row_candidates(table_id: str) -> list[Candidate]:
    """Row wordings of every template (union), for mapping before the template is known."""
    return _candidates(table_id, "rows")


@cache
def column_candidates(table_id: str) -> list[Candidate]:
    return _candidates(table_id, "columns")


def _candidates(table_id: str, axis: str) -> list[Candidate]:
    out: list[Candidate] = []
    for template in load_templates().values():
        for spec in getattr(template.tables[table_id], axis):
            out += candidates_for(spec.id, spec.label, spec.variants)
    return _unique(out)


def _unique(cands: list[Candidate]) -> list[Candidate]:
    seen: set[tuple[str, str]] = set()
    out = []
    for c in cands:
        if (c.id, c.key) not in seen:
            seen.add((c.id, c.key))
            out.append(c)
    return out


def union_spec(table_id: str) -> TableSpec:
    """Rows and columns of every template for one table (2021 order first)."""
    templates = sorted(load_templates().values(), key=lambda t: -t.first_year)
    rows: dict[str, LabelSpec] = {}
    cols: dict[str, LabelSpec] = {}
    for t in templates:
        for r in t.tables[table_id].rows:
            rows.setdefault(r.id, r)
        for c in t.tables[table_id].columns:
            cols.setdefault(c.id, c)
    return TableSpec(table_id, templates[0].tables[table_id].title, tuple(rows.values()), tuple(cols.values()))
