"""Spreadsheets for auditors: reports.csv / findings.csv, or one .xlsx with the same two sheets.

Pure functions over result records (the --format json dicts plus status, error, baselined,
cross_year); values are written as they are in the record, ids stay ids, numbers stay numbers.
"""
from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .files import make_folder, replacing, replacing_path

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

# (header, how to get the value from a record): one header row, Chinese with the English id,
# so a person reads it and a script can still find its column.
REPORT_COLUMNS: list[tuple[str, Callable[[dict], object]]] = [
    ("文件 file", lambda r: r.get("file")),
    ("格式 format", lambda r: r.get("format")),
    ("机关 body", lambda r: r.get("body")),
    ("年度 year", lambda r: r.get("year")),
    ("模板 template", lambda r: r.get("template")),
    ("状态 status", lambda r: r.get("status", "ok")),
    ("错误数 errors", lambda r: r.get("summary", {}).get("error")),
    ("警告数 warnings", lambda r: r.get("summary", {}).get("warning")),
    ("提示数 info", lambda r: r.get("summary", {}).get("info")),
    ("已审阅未显示 baselined", lambda r: r.get("baselined")),
    ("上年报告 paired_with", lambda r: (r.get("cross_year") or {}).get("paired_with")),
    ("全文重合率 overlap_document", lambda r: ((r.get("cross_year") or {}).get("overlap") or {}).get("document")),
    ("第五部分重合率 overlap_problems", lambda r: ((r.get("cross_year") or {}).get("overlap") or {}).get("problems")),
    ("说明 error", lambda r: r.get("error")),
]

FINDING_COLUMNS: list[tuple[str, Callable[[dict, dict], object]]] = [
    ("文件 file", lambda r, f: r.get("file")),
    ("机关 body", lambda r, f: r.get("body")),
    ("年度 year", lambda r, f: r.get("year")),
    ("规则 rule", lambda r, f: f.get("rule")),
    ("类别 category", lambda r, f: f.get("category")),
    ("级别 severity", lambda r, f: f.get("severity")),
    ("说明 message", lambda r, f: f.get("message")),
    ("表 table", lambda r, f: f.get("location", {}).get("table")),
    ("行 row", lambda r, f: f.get("location", {}).get("row")),
    ("列 column", lambda r, f: f.get("location", {}).get("column")),
    ("章节 section", lambda r, f: f.get("location", {}).get("section")),
    ("页 page", lambda r, f: f.get("location", {}).get("page")),
    ("行号 line", lambda r, f: f.get("location", {}).get("line")),
    ("应为 expected", lambda r, f: f.get("expected")),
    ("实为 actual", lambda r, f: f.get("actual")),
    ("原文 evidence", lambda r, f: f.get("evidence")),
    ("指纹 fingerprint", lambda r, f: f.get("fingerprint")),
    ("段 paragraph", lambda r, f: f.get("location", {}).get("paragraph")),   # within its section (章节)
]

REPORT_HEADER = [h for h, _ in REPORT_COLUMNS]
FINDING_HEADER = [h for h, _ in FINDING_COLUMNS]
STATUS_INDEX = REPORT_HEADER.index("状态 status")
OVERLAP_INDEXES = (REPORT_HEADER.index("全文重合率 overlap_document"), REPORT_HEADER.index("第五部分重合率 overlap_problems"))
SEVERITY_INDEX = FINDING_HEADER.index("级别 severity")

# Severity fills in the xlsx: Excel's own "bad" and "neutral" styles, familiar to its users.
SEVERITY_FILL = {"error": ("FFC7CE", "9C0006"), "warning": ("FFEB9C", "9C5700")}


class MissingDependency(RuntimeError):
    """An optional package an output needs is not installed; the message is one Chinese sentence."""


def report_rows(records: list[dict]) -> list[list[object]]:
    return [[get(r) for _, get in REPORT_COLUMNS] for r in records]


def finding_rows(records: list[dict]) -> list[list[object]]:
    return [[get(r, f) for _, get in FINDING_COLUMNS] for r in records for f in r.get("findings") or ()]


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


def write_csv(records: list[dict], folder: Path) -> list[Path]:
    """folder/reports.csv (one row per record) and folder/findings.csv (one row per finding)."""
    folder = Path(folder)
    make_folder(folder)
    return [
        _write_csv(folder / "reports.csv", REPORT_HEADER, report_rows(records)),
        _write_csv(folder / "findings.csv", FINDING_HEADER, finding_rows(records)),
    ]


def write_xlsx(records: list[dict], path: Path) -> Path:
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
        if row[STATUS_INDEX].value not in ("ok", "skipped"):
            _colour(row[STATUS_INDEX], "error")
    findings = book.create_sheet("问题")
    _fill_sheet(findings, FINDING_HEADER, finding_rows(records))
    for row in findings.iter_rows(min_row=2):
        _colour(row[SEVERITY_INDEX], row[SEVERITY_INDEX].value)
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
