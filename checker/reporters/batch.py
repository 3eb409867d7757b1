"""A season on the terminal: a progress bar while files are checked, then a summary table
sorted by errors, with the sentences of files that could not be checked."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table as RichTable

from ..record import Record
from .console import plain
from .words import status_name


class BatchProgress:
    """A rich progress bar on stderr (only on a terminal) with the errors found so far."""

    def __init__(self, total: int) -> None:
        self.errors = 0
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("错误 {task.fields[errors]} 项"), TimeRemainingColumn(),
                                 console=Console(stderr=True), transient=True, disable=not sys.stderr.isatty())
        self.task = self.progress.add_task("检查中", total=total, errors=0)
        self.progress.start()

    def add(self, record: Record) -> None:
        self.errors += record.summary.error + (not record.ok)
        self.progress.update(self.task, advance=1, errors=self.errors)

    def stop(self) -> None:
        self.progress.stop()


def print_summary(stream: TextIO, records: Sequence[Record], width: int | None = None) -> None:
    """One row per file, most errors first; then the sentences of files that could not be checked."""
    console = Console(file=stream, width=width, highlight=False)
    table = RichTable(title="批量检查结果（按错误数排序）", title_justify="left", show_edge=False)
    for name in ("文件", "机关", "年度", "状态", "错误", "警告", "上年报告"):
        table.add_column(name, overflow="fold")
    ordered = sorted(records, key=lambda r: (-r.summary.error, r.ok, r.file))
    for r in ordered:
        s = r.summary
        status = status_name(r.status) + ("（未变，沿用）" if r.reused else "")
        style = "bold red" if not r.ok or s.error else ""
        table.add_row(plain(r.file), plain(r.body or ""), plain(r.year or ""), plain(status, style=style),
                      plain(s.error), plain(s.warning), plain(r.cross_year.paired_with if r.cross_year else ""))
    console.print(table)
    for r in records:
        if not r.ok:
            console.print(plain(r.error or "", style="red"))
    failed = sum(not r.ok for r in records)
    reused = sum(r.reused for r in records)
    paired = sum(r.cross_year is not None for r in records)
    hidden = sum(r.baselined for r in records)
    line = (f"共 {len(records)} 个文件：检查 {len(records) - failed - reused} 个，无法检查 {failed} 个，未变沿用 {reused} 个，"
            f"与上年报告对照 {paired} 个；错误 {sum(r.summary.error for r in records)} 项")
    if hidden:
        line += f"；已审阅（基线中）的 {hidden} 项未列出"
    console.print(plain(line))
