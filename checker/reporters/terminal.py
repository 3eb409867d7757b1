"""The terminal: one report drawn in full (what was read, the tables with bad cells marked, the
findings), or the summary of a season's records."""
from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from ..findings import CellRef, Finding, Severity
from ..places import Wording, cell_of_key, place_text, printed_at, template_name, value_name
from ..record import Record, ReportRead
from ..templates import TABLE_NAMES, load_sections, union_spec
from .batch import print_summary
from .console import plain
from .marks import CellMark, cell_marks, cell_text
from .words import DECIDED_NOTE, SEVERITY_SIGN, SEVERITY_ZH, format_name, value_text

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _wording(record: Record) -> Wording:
    return Wording(record.template, dict(record.table_templates))


def _value(value: object, finding: Finding, record: Record) -> str:
    """应为/实为 for a person: a row id named by its words (places.value_name)."""
    return value_text(value_name(value, finding.location.to_dict(), _wording(record)))


class TerminalReporter:
    """The terminal: each record drawn in full (what was read, the tables with bad cells
    marked, the findings) when `full`, else the season's summary table (reporters/batch.py)."""

    def __init__(self, stream: TextIO, *, width: int | None = None, brief: bool = False, full: bool = True,
                 **_: object) -> None:
        self.stream, self.width, self.brief, self.full = stream, width, brief, full
        self.console = Console(file=stream, width=width, highlight=False, soft_wrap=False)
        self.totals = {s: 0 for s in Severity}
        self.records: list[Record] = []

    def start(self) -> None:
        self.records = []

    def add(self, record: Record) -> None:
        self.records.append(record)
        if not self.full:
            return
        if record.report is None:
            self.console.rule(plain(record.file, style="bold"))
            self.console.print(plain(record.error or "", style="bold red"))
            return
        self._report(record, record.report)
        for f in record.findings:
            self.totals[f.severity] += 1

    def finish(self) -> None:
        if not self.full:
            print_summary(self.stream, self.records, width=self.width)
            return
        checked = sum(r.report is not None for r in self.records)
        if checked == 0:
            return
        t = self.totals
        self.console.print(
            f"共检查 {checked} 个文件：错误 {t[Severity.ERROR]} 项，警告 {t[Severity.WARNING]} 项，提示 {t[Severity.INFO]} 项"
        )

    # -- one file --------------------------------------------------------------
    def _report(self, record: Record, report: ReportRead) -> None:
        c = self.console
        c.rule(plain(record.file, style="bold"))
        template = template_name(report.template)
        if len(set(report.table_templates.values())) > 1:
            template += "（" + "，".join(f"{TABLE_NAMES[t]} {template_name(v)}" for t, v in report.table_templates.items()) + "）"
        c.print(Text("标题：") + plain(report.title or "（未找到）"))
        c.print(Text("主体：") + plain(report.body or "（未知）")
                + Text(f"    年度：{report.year or '（未知）'}    格式：{template}    文件类型：{format_name(report.format)}"))
        self._sections(report)
        if not self.brief:
            marks = cell_marks(record.findings)
            for table_id in ("t2", "t3", "t4"):
                if table_id in report.tables:
                    self._table(report, table_id, marks)
        self._findings(record)

    def _sections(self, report: ReportRead) -> None:
        table = RichTable(title="章节", title_justify="left", show_edge=False)
        table.add_column("章节")
        table.add_column("标题（原文）")
        table.add_column("位置")
        found = {s.id: s for s in report.sections}
        for spec in load_sections():
            s = found.get(spec.id)
            if s is None:
                table.add_row(Text(spec.canonical), Text("缺失", style="bold red"), Text(""))
            else:
                table.add_row(Text(spec.canonical), plain(s.heading), Text(printed_at(s.location.page, s.location.line)
                                                                           .replace(" / ", " ")))
        self.console.print(table)

    def _table(self, report: ReportRead, table_id: str, marks: dict[CellRef, CellMark]) -> None:
        spec = union_spec(table_id)
        grid = report.tables[table_id]
        if table_id == "t4":
            rows = {g: {leaf: grid.get(f"{g}.{leaf}") for leaf in spec.column_ids} for g in spec.row_ids
                    if any(f"{g}.{leaf}" in grid for leaf in spec.column_ids)}
        else:
            rows = {row: dict(cells) for row, cells in grid.items()}
        unread = {ref for ref in map(cell_of_key, report.unread) if ref.table == table_id}   # run-on, undecided
        for ref in unread:
            rows.setdefault(ref.row, {})[ref.column] = None
        rows = {r: rows[r] for r in [*spec.row_ids, *rows] if r in rows}
        columns = [c for c in spec.column_ids if any(c in cells for cells in rows.values())]
        table = RichTable(title=plain(f"{TABLE_NAMES[table_id]} {spec.title}"), title_justify="left", show_edge=False)
        table.add_column("")
        for col in columns:
            label = spec.column(col)
            table.add_column(plain(label.short or label.label if label else col), justify="right")
        read_by = set(map(cell_of_key, report.read_by))
        for row_id, cells in rows.items():
            label = spec.row(row_id)
            line = [plain(label.short or label.label if label else row_id)]
            for col in columns:
                if col not in cells:
                    line.append(Text(""))
                    continue
                ref = CellRef(table_id, row_id, col)
                printed = report.values.get(ref)
                text = cell_text(cells[col], printed.text if printed else None, unread=ref in unread,
                                 decided=ref in read_by)
                mark = marks.get(ref)
                style = ""
                if mark is not None:
                    style = SEVERITY_STYLE[mark.severity]
                    if mark.signed:  # a sign as well as a colour: visible in a pasted or colourless report
                        text = f"{text} {SEVERITY_SIGN[mark.severity]}"
                        style += " reverse"
                line.append(plain(text, style=style))
            table.add_row(*line)
        self.console.print(table)
        if any(ref.table == table_id for ref in read_by):
            self.console.print(Text(f"* {DECIDED_NOTE}", style="dim"))

    def _findings(self, record: Record) -> None:
        if not record.findings:
            self.console.print(Text("未发现问题。", style="green"))
            return
        table = RichTable(title="发现的问题", title_justify="left", show_edge=False)
        for name in ("级别", "规则", "位置", "说明", "应为", "实为"):
            table.add_column(name, overflow="fold")
        for f in sorted(record.findings, key=lambda f: (f.severity.rank, f.sort_key())):
            table.add_row(Text(SEVERITY_ZH[f.severity], style=SEVERITY_STYLE[f.severity]), plain(f.rule),
                          plain(place_text(f.location.to_dict(), _wording(record))), plain(f.message),
                          plain(_value(f.expected, f, record)), plain(_value(f.actual, f, record)))
        self.console.print(table)
