"""Spreadsheets for auditors: reports.csv / findings.csv, or one .xlsx with the same two sheets.

Pure functions over result records (the --format json dicts plus status, error, baselined,
cross_year); every value as a person reads it (no internal id), numbers stay numbers.
"""
from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..places import column_name, row_name, section_name, table_name, template_name, value_name, wording_of
from ..record import Record
from .files import make_folder, replacing, replacing_path
from .words import category_name, format_name, severity_name, status_name

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

# (header, how to get the value from a record): one header row, and every value as a person
# reads it (表三, 「予以公开」, 已检查, 错误); numbers stay numbers. Ids are the JSON output's.
REPORT_COLUMNS: list[tuple[str, Callable[[dict], object]]] = [
    ("文件", lambda r: r.get("file")),
    ("格式", lambda r: format_name(r.get("format")) if r.get("format") else None),
    ("机关", lambda r: r.get("body")),
    ("年度", lambda r: r.get("year")),
    ("模板", lambda r: template_name(r.get("template")) if r.get("template") else None),
    ("状态", lambda r: status_name(r.get("status", "ok"))),
    ("错误数", lambda r: r.get("summary", {}).get("error")),
    ("警告数", lambda r: r.get("summary", {}).get("warning")),
    ("提示数", lambda r: r.get("summary", {}).get("info")),
    ("已审阅未显示", lambda r: r.get("baselined")),
    ("上年报告", lambda r: (r.get("cross_year") or {}).get("paired_with")),
    ("全文重合率", lambda r: ((r.get("cross_year") or {}).get("overlap") or {}).get("document")),
    ("第五部分重合率", lambda r: ((r.get("cross_year") or {}).get("overlap") or {}).get("problems")),
    ("说明", lambda r: r.get("error")),
]


def _place(record: dict, finding: dict) -> dict[str, str | None]:
    """A finding's table, row, column and section in the report's words (表四's JSON column
    "review.upheld" is its row 行政复议 and its column 结果维持)."""
    loc = finding.get("location") or {}
    wording = wording_of(record)
    table, row, column = loc.get("table"), loc.get("row"), loc.get("column")
    if table == "t4" and column:
        row, _, column = column.partition(".")
    return {"table": table_name(table) if table else None,
            "row": row_name(table, row, wording) if table and row else None,
            "column": column_name(table, column, wording) if table and column else None,
            "section": section_name(loc.get("section")) if loc.get("section") else None}


def _shown(record: dict, finding: dict, key: str) -> object:
    return value_name(finding.get(key), finding.get("location") or {}, wording_of(record))


FINDING_COLUMNS: list[tuple[str, Callable[[dict, dict], object]]] = [
    ("文件", lambda r, f: r.get("file")),
    ("机关", lambda r, f: r.get("body")),
    ("年度", lambda r, f: r.get("year")),
    ("规则", lambda r, f: f.get("rule")),
    ("类别", lambda r, f: category_name(f.get("category"))),
    ("级别", lambda r, f: severity_name(f.get("severity"))),
    ("说明", lambda r, f: f.get("message")),
    ("表", lambda r, f: _place(r, f)["table"]),
    ("行", lambda r, f: _place(r, f)["row"]),
    ("列", lambda r, f: _place(r, f)["column"]),
    ("章节", lambda r, f: _place(r, f)["section"]),
    ("页", lambda r, f: f.get("location", {}).get("page")),
    ("行号", lambda r, f: f.get("location", {}).get("line")),
    ("应为", lambda r, f: _shown(r, f, "expected")),
    ("实为", lambda r, f: _shown(r, f, "actual")),
    ("原文", lambda r, f: f.get("evidence")),
    ("指纹", lambda r, f: f.get("fingerprint")),   # the key of the finding in a baseline file
    ("段", lambda r, f: f.get("location", {}).get("paragraph")),   # within its section (章节)
]

REPORT_HEADER = [h for h, _ in REPORT_COLUMNS]
FINDING_HEADER = [h for h, _ in FINDING_COLUMNS]
STATUS_INDEX = REPORT_HEADER.index("状态")
OVERLAP_INDEXES = (REPORT_HEADER.index("全文重合率"), REPORT_HEADER.index("第五部分重合率"))
SEVERITY_INDEX = FINDING_HEADER.index("级别")

# Severity fills in the xlsx: Excel's own "bad" and "neutral" styles, familiar to its users.
SEVERITY_FILL = {"error": ("FFC7CE", "9C0006"), "warning": ("FFEB9C", "9C5700")}
SEVERITY_OF_NAME = {severity_name(s): s for s in SEVERITY_FILL}   # the sheet shows 错误, 警告


def _json(records: Sequence[Record]) -> list[dict]:
    """The rows are read from the records as the JSON output has them (one serialiser)."""
    return [r.to_dict(for_readers=True) for r in records]


class CsvReporter:
    """reports.csv and findings.csv in the folder `target`, written whole when the run ends."""

    def __init__(self, target: Path, **_: object) -> None:
        self.target, self.records = Path(target), []   # type: list[Record]

    def start(self) -> None:
        self.records = []

    def add(self, record: Record) -> None:
        self.records.append(record)

    def finish(self) -> None:
        write_csv(self.records, self.target)


class XlsxReporter(CsvReporter):
    """One workbook `target` with sheets 报告 and 问题."""

    def finish(self) -> None:
        write_xlsx(self.records, self.target)


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


def write_csv(records: Sequence[Record], folder: Path) -> list[Path]:
    """folder/reports.csv (one row per record) and folder/findings.csv (one row per finding)."""
    rows = _json(records)
    folder = Path(folder)
    make_folder(folder)
    return [
        _write_csv(folder / "reports.csv", REPORT_HEADER, report_rows(rows)),
        _write_csv(folder / "findings.csv", FINDING_HEADER, finding_rows(rows)),
    ]


def write_xlsx(records: Sequence[Record], path: Path) -> Path:
    """One workbook with sheets 报告 and 问题, the same columns as the two CSV files."""
    rows = _json(records)
    try:
        import openpyxl  # optional: only this output needs it
    except ImportError:
        raise MissingDependency("输出 Excel 文件需要 openpyxl，请先安装：pip install openpyxl") from None
    path = Path(path)
    make_folder(path.parent)
    book = openpyxl.Workbook()
    reports = book.active
    reports.title = "报告"
    _fill_sheet(reports, REPORT_HEADER, report_rows(rows))
    for row in reports.iter_rows(min_row=2):
        # Percent format for the two overlap ratios, and a red status for a file not checked.
        for index in OVERLAP_INDEXES:
            row[index].number_format = "0%"
        if row[STATUS_INDEX].value != status_name("ok"):
            _colour(row[STATUS_INDEX], "error")
    findings = book.create_sheet("问题")
    _fill_sheet(findings, FINDING_HEADER, finding_rows(rows))
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
