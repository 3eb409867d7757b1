"""The rich terminal report: what was read, the tables with bad cells marked, the findings."""
from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from ..findings import CellRef, Finding, Severity
from ..places import Wording, place_text, template_name, value_name
from ..result import Result, unread_cells
from ..templates import TABLE_NAMES, load_sections, union_spec
from .screen import plain
from .words import DECIDED_NOTE, SEVERITY_SIGN, SEVERITY_ZH, UNREAD_TEXT, format_name, value_text

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _where(finding: Finding, result: Result) -> str:
    return place_text(finding.location.to_dict(), Wording(result.template, result.table_templates))


def _value(value: object, finding: Finding, result: Result) -> str:
    """应为/实为 for a person: a row id named by its words (places.value_name)."""
    wording = Wording(result.template, result.table_templates)
    return value_text(value_name(value, finding.location.to_dict(), wording))


class TerminalReporter:
    def __init__(self, stream: TextIO, *, width: int | None = None, brief: bool = False, **_: object) -> None:
        self.console = Console(file=stream, width=width, highlight=False, soft_wrap=False)
        self.brief = brief
        self.totals = {s: 0 for s in Severity}
        self.files = 0

    # -- one file --------------------------------------------------------------
    def add(self, result: Result) -> None:
        self.files += 1
        c = self.console
        c.rule(plain(result.file, style="bold"))
        template = template_name(result.template)
        if len(set(result.table_templates.values())) > 1:
            template += "（" + "，".join(f"{TABLE_NAMES[t]} {template_name(v)}" for t, v in result.table_templates.items()) + "）"
        c.print(Text("标题：") + plain(result.title or "（未找到）"))
        c.print(Text("主体：") + plain(result.body or "（未知）")
                + Text(f"    年度：{result.year or '（未知）'}    格式：{template}    文件类型：{format_name(result.format)}"))
        self._sections(result)
        if not self.brief:
            marks = self._marks(result.findings)
            for table_id in ("t2", "t3", "t4"):
                if table_id in result.tables:
                    self._table(result, table_id, marks)
        self._findings(result.findings, result)
        for f in result.findings:
            self.totals[f.severity] += 1

    def add_failure(self, name: str, sentence: str) -> None:
        self.console.rule(plain(name, style="bold"))
        self.console.print(plain(sentence, style="bold red"))

    def finish(self) -> None:
        if self.files == 0:
            return
        t = self.totals
        self.console.print(
            f"共检查 {self.files} 个文件：错误 {t[Severity.ERROR]} 项，警告 {t[Severity.WARNING]} 项，提示 {t[Severity.INFO]} 项"
        )

    # -- parts -------------------------------------------------------------------
    def _sections(self, result: Result) -> None:
        table = RichTable(title="章节", title_justify="left", show_edge=False)
        table.add_column("章节")
        table.add_column("标题（原文）")
        table.add_column("位置")
        found = {s.id: s for s in result.sections}
        for spec in load_sections():
            s = found.get(spec.id)
            if s is None:
                table.add_row(Text(spec.canonical), Text("缺失", style="bold red"), Text(""))
            else:
                where = " ".join(x for x in (f"第{s.location.page}页" if s.location.page else "",
                                              f"第{s.location.line}行" if s.location.line else "") if x)
                table.add_row(Text(spec.canonical), plain(s.heading), Text(where))
        self.console.print(table)

    @staticmethod
    def _marks(findings: list[Finding]) -> dict[CellRef, tuple[Severity, bool]]:
        """For each cell a finding names: the worst severity, and whether it is the
        finding's own cell (marked with a sign) or one of its identity's cells (coloured)."""
        marks: dict[CellRef, tuple[Severity, bool]] = {}
        for f in findings:
            named = [(f.location.cell, True)] if f.location.cell else []
            named += [(ref, False) for ref in f.location.cells]
            for ref, own in named:
                old = marks.get(ref)
                if old is None or f.severity.rank < old[0].rank or (f.severity == old[0] and own):
                    marks[ref] = (f.severity, own or (old is not None and old[1]))
        return marks

    def _table(self, result: Result, table_id: str, marks: dict[CellRef, tuple[Severity, bool]]) -> None:
        spec = union_spec(table_id)
        grid = result.tables[table_id]
        printed = result.facts.values if result.facts else {}
        if table_id == "t4":
            rows = {g: {leaf: grid.get(f"{g}.{leaf}") for leaf in spec.column_ids} for g in spec.row_ids
                    if any(f"{g}.{leaf}" in grid for leaf in spec.column_ids)}
        else:
            rows = {row: dict(cells) for row, cells in grid.items()}
        unread = set(unread_cells(result.facts, table_id)) if result.facts else set()   # run-on, undecided
        for ref in unread:
            rows.setdefault(ref.row, {})[ref.column] = None
        rows = {r: rows[r] for r in [*spec.row_ids, *rows] if r in rows}
        columns = [c for c in spec.column_ids if any(c in cells for cells in rows.values())]
        table = RichTable(title=plain(f"{TABLE_NAMES[table_id]} {spec.title}"), title_justify="left", show_edge=False)
        table.add_column("")
        for col in columns:
            label = spec.column(col)
            table.add_column(plain(label.short or label.label if label else col), justify="right")
        read_by = result.facts.read_by if result.facts else {}
        for row_id, cells in rows.items():
            label = spec.row(row_id)
            line = [plain(label.short or label.label if label else row_id)]
            for col in columns:
                if col not in cells:
                    line.append(Text(""))
                    continue
                ref = CellRef(table_id, row_id, col)
                value = cells[col]
                text = value_text(value)
                if ref in unread:
                    text = UNREAD_TEXT
                elif value is None and ref in printed:
                    text = printed[ref].text or "空白"
                if ref in read_by:
                    text += "*"
                mark = marks.get(ref)
                style = ""
                if mark is not None:
                    severity, own = mark
                    style = SEVERITY_STYLE[severity]
                    if own:  # a sign as well as a colour: visible in a pasted or colourless report
                        text = f"{text} {SEVERITY_SIGN[severity]}"
                        style += " reverse"
                line.append(plain(text, style=style))
            table.add_row(*line)
        self.console.print(table)
        if any(ref.table == table_id for ref in read_by):
            self.console.print(Text(f"* {DECIDED_NOTE}", style="dim"))

    def _findings(self, findings: list[Finding], result: Result) -> None:
        if not findings:
            self.console.print(Text("未发现问题。", style="green"))
            return
        table = RichTable(title="发现的问题", title_justify="left", show_edge=False)
        for name in ("级别", "规则", "位置", "说明", "应为", "实为"):
            table.add_column(name, overflow="fold")
        for f in sorted(findings, key=lambda f: (f.severity.rank, f.sort_key())):
            table.add_row(Text(SEVERITY_ZH[f.severity], style=SEVERITY_STYLE[f.severity]), plain(f.rule),
                          plain(_where(f, result)), plain(f.message), plain(_value(f.expected, f, result)),
                          plain(_value(f.actual, f, result)))
        self.console.print(table)

