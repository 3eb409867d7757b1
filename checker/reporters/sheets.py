"""Spreadsheets for auditors: reports.csv / findings.csv, or one .xlsx with the same two sheets.

Pure functions over records (record.Record); every value as a person reads it (no internal
id), numbers stay numbers.
"""
from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..findings import Finding, Number, json_number
from ..places import Wording, column_name, row_name, section_name, table_name, template_name, value_name
from ..record import Record
from .files import FileReporter, make_folder, replacing, replacing_path
from .words import category_name, format_name, severity_name, status_name

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

# (header, how to get the value from a record): one header row, and every value as a person
# reads it (表三, 「予以公开」, 已检查, 错误); numbers stay numbers. Ids are the JSON output's.
def _overlap(record: Record, which: str) -> float | None:
    return record.cross_year.overlap.get(which) if record.cross_year else None


REPORT_COLUMNS: list[tuple[str, Callable[[Record], object]]] = [
    ("文件", lambda r: r.file),
    ("格式", lambda r: format_name(r.format) if r.format else None),
    ("机关", lambda r: r.body),
    ("年度", lambda r: r.year),
    ("模板", lambda r: template_name(r.template) if r.template else None),
    ("状态", lambda r: status_name(r.status)),
    ("错误数", lambda r: r.summary.error),
    ("警告数", lambda r: r.summary.warning),
    ("提示数", lambda r: r.summary.info),
    ("已审阅未显示", lambda r: r.baselined or None),
    ("上年报告", lambda r: r.cross_year.paired_with if r.cross_year else None),
    ("全文重合率", lambda r: _overlap(r, "document")),
    ("第五部分重合率", lambda r: _overlap(r, "problems")),
    ("说明", lambda r: r.error),
]


def _place(record: Record, finding: Finding) -> dict[str, str | None]:
    """A finding's table, row, column and section in the report's words (表四's JSON column
    "review.upheld" is its row 行政复议 and its column 结果维持)."""
    loc = finding.location.to_dict()
    wording = Wording(record.template, dict(record.table_templates))
    table, row, column = (loc.get(k) for k in ("table", "row", "column"))
    if table == "t4" and isinstance(column, str):
        row, _, column = column.partition(".")
    if not isinstance(table, str):
        table = None
    section = loc.get("section")
    return {"table": table_name(table) if table else None,
            "row": row_name(table, row, wording) if table and isinstance(row, str) else None,
            "column": column_name(table, column, wording) if table and isinstance(column, str) else None,
            "section": section_name(section) if isinstance(section, str) else None}


def _shown(record: Record, finding: Finding, value: Number | str | None) -> object:
    """应为/实为 as a person reads it: numbers stay numbers, a row id is named by its words."""
    return value_name(json_number(value), finding.location.to_dict(), Wording(record.template, dict(record.table_templates)))


FindingColumn = Callable[[Record, Finding, str], object]   # (record, finding, its fingerprint)
FINDING_COLUMNS: list[tuple[str, FindingColumn]] = [
    ("文件", lambda r, f, p: r.file),
    ("机关", lambda r, f, p: r.body),
    ("年度", lambda r, f, p: r.year),
    ("规则", lambda r, f, p: f.rule),
    ("类别", lambda r, f, p: category_name(f.category)),
    ("级别", lambda r, f, p: severity_name(f.severity)),
    ("说明", lambda r, f, p: f.message),
    ("表", lambda r, f, p: _place(r, f)["table"]),
    ("行", lambda r, f, p: _place(r, f)["row"]),
    ("列", lambda r, f, p: _place(r, f)["column"]),
    ("章节", lambda r, f, p: _place(r, f)["section"]),
    ("页", lambda r, f, p: f.location.page),
    ("行号", lambda r, f, p: f.location.line),
    ("应为", lambda r, f, p: _shown(r, f, f.expected)),
    ("实为", lambda r, f, p: _shown(r, f, f.actual)),
    ("原文", lambda r, f, p: f.evidence),
    ("指纹", lambda r, f, p: p),   # the key of the finding in a baseline file
    ("段", lambda r, f, p: f.location.paragraph),   # within its section (章节)
]

REPORT_HEADER = [h for h, _ in REPORT_COLUMNS]
FINDING_HEADER = [h for h, _ in FINDING_COLUMNS]
STATUS_INDEX = REPORT_HEADER.index("状态")
OVERLAP_INDEXES = (REPORT_HEADER.index("全文重合率"), REPORT_HEADER.index("第五部分重合率"))
SEVERITY_INDEX = FINDING_HEADER.index("级别")

# Severity fills in the xlsx: Excel's own "bad" and "neutral" styles, familiar to its users.
SEVERITY_FILL = {"error": ("FFC7CE", "9C0006"), "warning": ("FFEB9C", "9C5700")}
SEVERITY_OF_NAME = {severity_name(s): s for s in SEVERITY_FILL}   # the sheet shows 错误, 警告


class MissingDependency(RuntimeError):
    """An optional package an output needs is not installed; the message is one Chinese sentence."""


def report_rows(records: Sequence[Record]) -> list[list[object]]:
    return [[get(r) for _, get in REPORT_COLUMNS] for r in records]


def finding_rows(records: Sequence[Record]) -> list[list[object]]:
    return [[get(r, f, p) for _, get in FINDING_COLUMNS] for r in records for f, p in zip(r.findings, r.fingerprints)]


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str) and _looks_like_formula(value):
        # Text from a published page must not run as a formula when Excel opens the CSV.
        return "'" + value
    return value


def _looks_like_formula(text: str) -> bool:
    if text[:1] in ("=", "+", "@", "\t", "\r"):
        return True
    if text[:1] == "-" and len(text) > 1:
        try:
            float(text)
        except ValueError:
            return True
    return False


def _write_csv(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    # utf-8-sig: the BOM is what makes Excel (Chinese Windows defaults to GBK) read UTF-8.
    with replacing(path, "w", encoding="utf-8-sig", newline="") as out:   # whole or not at all
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return path


def write_csv(records: Sequence[Record], folder: Path) -> list[Path]:
    """folder/reports.csv (one row per record) and folder/findings.csv (one row per finding)."""
    folder = Path(folder)
    make_folder(folder)
    return [
        _write_csv(folder / "reports.csv", REPORT_HEADER, report_rows(records)),
        _write_csv(folder / "findings.csv", FINDING_HEADER, finding_rows(records)),
    ]


def write_xlsx(records: Sequence[Record], path: Path) -> Path:
    """One workbook with sheets 报告 and 问题, the same columns as the two CSV files."""
    try:
        import openpyxl  # optional: only this output needs it
    except ImportError:
        raise MissingDependency("输出 Excel 文件需要 openpyxl，请先安装：pip install openpyxl") from None
    path = Path(path)
    make_folder(path.parent)
    book = openpyxl.Workbook()
    reports = book.active
    reports.title = "报告"
    _fill_sheet(reports, REPORT_HEADER, report_rows(records))
    for row in reports.iter_rows(min_row=2):
        # Percent format for the two overlap ratios, and a red status for a file not checked.
        for index in OVERLAP_INDEXES:
            row[index].number_format = "0%"
        if row[STATUS_INDEX].value != status_name("ok"):
            _colour(row[STATUS_INDEX], "error")
    findings = book.create_sheet("问题")
    _fill_sheet(findings, FINDING_HEADER, finding_rows(records))
    for row in findings.iter_rows(min_row=2):
        _colour(row[SEVERITY_INDEX], SEVERITY_OF_NAME.get(str(row[SEVERITY_INDEX].value)))
    with replacing_path(path) as temporary:   # whole or not at all
        book.save(temporary)
    return path


def _fill_sheet(sheet: Worksheet, header: list[str], rows: list[list[object]]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        # Control characters from a PDF's text layer would make openpyxl refuse the whole file.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # printed text, not a formula
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, name in enumerate(header, start=1):
        values = [name] + [row[index - 1] for row in rows]
        width = max(_display_width(v) for v in values)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 8), 60)


def _colour(cell: Cell, severity: object) -> None:
    from openpyxl.styles import Font, PatternFill

    if severity in SEVERITY_FILL:
        fill, font = SEVERITY_FILL[severity]
        cell.fill = PatternFill(fill_type="solid", start_color=fill, end_color=fill)
        cell.font = Font(color=font, bold=severity == "error")


def _display_width(value: object) -> int:
    # A CJK character takes two columns of Excel's width unit.
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


class CsvReporter(FileReporter):
    """reports.csv and findings.csv in the folder `target`, written whole when the run ends."""

    writer = staticmethod(write_csv)


class XlsxReporter(FileReporter):
    """One workbook `target` with sheets 报告 and 问题."""

    writer = staticmethod(write_xlsx)
