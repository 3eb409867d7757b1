"""Findings: what a rule reports, as plain values (never raised)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Category(StrEnum):
    STRUCTURE = "structure"
    ARITHMETIC = "arithmetic"
    VALUE = "value"
    TEMPLATE = "template"
    CONSISTENCY = "consistency"
    TIMELINESS = "timeliness"
    CROSS_YEAR = "cross_year"
    COPY = "copy"
    EXTRACTION = "extraction"


# As a person reads them (terminal, sheets, pages, `govcheck rules`); JSON keeps the values above.
CATEGORY_ZH = {Category.STRUCTURE: "结构", Category.ARITHMETIC: "计算", Category.VALUE: "填写", Category.TEMPLATE: "格式",
               Category.CONSISTENCY: "前后一致", Category.TIMELINESS: "公布时间", Category.CROSS_YEAR: "跨年度",
               Category.COPY: "照抄上年", Category.EXTRACTION: "读取"}
SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


@dataclass(frozen=True, slots=True)
class CellRef:
    """One cell of a standard table, by the DOMAIN.md ids."""

    table: str   # t2 | t3 | t4
    row: str     # "result.total"; for t4 the group ("review")
    column: str  # "natural"; for t4 the leaf ("upheld")

    def to_dict(self) -> dict[str, str]:
        # 表四 is one row of fifteen cells: its ids are "review.upheld" columns.
        if self.table == "t4":
            return {"table": self.table, "column": f"{self.row}.{self.column}"}
        return {"table": self.table, "row": self.row, "column": self.column}


@dataclass(frozen=True, slots=True)
class Location:
    page: int | None = None
    line: int | None = None
    section: str | None = None
    cell: CellRef | None = None          # the cell the finding is about
    table: str | None = None             # when it is about a whole table
    row: str | None = None               # with `table`: when it is about one row of it
    cells: tuple[CellRef, ...] = ()      # every cell the finding involves
    paragraph: int | None = None         # a sentence's paragraph within its section (1-based)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.cell is not None:
            out.update(self.cell.to_dict())
        elif self.table is not None:
            out["table"] = self.table
            if self.row is not None:
                out["row"] = self.row
        if self.section is not None:
            out["section"] = self.section
        if self.paragraph is not None:
            out["paragraph"] = self.paragraph
        if self.page is not None:
            out["page"] = self.page
        if self.line is not None:
            out["line"] = self.line
        if self.cells:
            out["cells"] = [c.to_dict() for c in self.cells]
        return out

    def involves(self, cell: CellRef) -> bool:
        return cell == self.cell or cell in self.cells


Number = int | Decimal


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    category: Category
    severity: Severity
    message: str
    location: Location = field(default_factory=Location)
    expected: Number | str | None = None
    actual: Number | str | None = None
    evidence: str | None = None  # printed text or quoted sentence

    def sort_key(self) -> tuple:
        """Page, line, severity, rule; within one rule, the order the rule reports in
        (template order for cells), which a stable sort keeps."""
        loc = self.location
        return (
            loc.page or 0,
            loc.line or 0,
            self.severity.rank,
            self.rule,
        )

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "rule": self.rule,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "location": self.location.to_dict(),
        }
        if self.expected is not None:
            out["expected"] = json_number(self.expected)
        if self.actual is not None:
            out["actual"] = json_number(self.actual)
        if self.evidence is not None:
            out["evidence"] = self.evidence
        return out


def json_number(value: Number | str | None) -> int | float | str | None:
    """Decimals as JSON numbers: whole ones as int, others as float."""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        whole = value == value.to_integral_value() and isinstance(exponent, int) and exponent >= 0
        return int(value) if whole else float(value)
    return value


@dataclass(frozen=True, slots=True)
class Summary:
    error: int = 0
    warning: int = 0
    info: int = 0

    @classmethod
    def of(cls, findings: list[Finding]) -> Summary:
        counts = {s: 0 for s in Severity}
        for f in findings:
            counts[f.severity] += 1
        return cls(counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO])

    def to_dict(self) -> dict[str, int]:
        return {"error": self.error, "warning": self.warning, "info": self.info}


def severity_counts(findings: list[dict]) -> dict[str, int]:
    """The summary of findings already in their JSON form (records of a batch)."""
    counts = {s.value: 0 for s in Severity}
    for f in findings:
        counts[f["severity"]] += 1
    return counts
