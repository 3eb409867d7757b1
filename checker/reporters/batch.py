"""Batch output: JSON Lines in input order, or a rich progress bar and summary table."""
from __future__ import annotations

import json
import sys
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table as RichTable
from rich.text import Text

STATUS_ZH = {"ok": "已检查", "unreadable": "无法读取", "timeout": "超时", "too_big": "超出内存", "crashed": "进程终止",
             "internal_error": "内部错误", "skipped": "未变，跳过"}


class BatchReporter:
    """Records arrive in completion order; JSON lines leave in input order."""

    def __init__(self, stream: TextIO, paths: list[str], *, fmt: str, width: int | None = None) -> None:
        self.stream, self.fmt = stream, fmt
        self.order = {p: i for i, p in enumerate(paths)}
        self.waiting: dict[int, dict] = {}
        self.next_index = 0
        self.records: list[dict] = []
        self.errors = 0
        self.console = Console(file=stream, width=width, highlight=False)
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("错误 {task.fields[errors]} 项"), TimeRemainingColumn(),
                                 console=Console(stderr=True), transient=True, disable=not sys.stderr.isatty())
        self.task = self.progress.add_task("检查中", total=len(paths), errors=0)
        self.progress.start()

    def add(self, record: dict) -> None:
        self.records.append(record)
        self.errors += record.get("summary", {}).get("error", 0) + (record.get("status") not in ("ok", "skipped"))
        self.progress.update(self.task, advance=1, errors=self.errors)
        self.waiting[self.order.get(record["file"], len(self.order) + len(self.records))] = record
        while self.next_index in self.waiting:
            self._emit(self.waiting.pop(self.next_index))
            self.next_index += 1

    def _emit(self, record: dict) -> None:
        if self.fmt == "json" and record.get("status") != "skipped":
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.stream.flush()

    def finish(self) -> None:
        for index in sorted(self.waiting):
            self._emit(self.waiting.pop(index))
        self.progress.stop()
        if self.fmt == "json":
            return
        table = RichTable(title="批量检查结果（按错误数排序）", title_justify="left", show_edge=False)
        for name in ("文件", "机关", "年度", "状态", "错误", "警告"):
            table.add_column(name, overflow="fold")
        ordered = sorted(self.records, key=lambda r: (-r.get("summary", {}).get("error", 0),
                                                      r.get("status") == "ok", r["file"]))
        for r in ordered:
            s = r.get("summary", {})
            status = STATUS_ZH.get(r.get("status", "ok"), r.get("status", ""))
            style = "bold red" if r.get("status") not in ("ok", "skipped") or s.get("error") else ""
            table.add_row(r["file"], r.get("body") or "", str(r.get("year") or ""), Text(status, style=style),
                          str(s.get("error", 0)), str(s.get("warning", 0)))
        self.console.print(table)
        for r in self.records:
            if r.get("status") not in ("ok", "skipped"):
                self.console.print(Text(r.get("error", ""), style="red"))
        failed = sum(r.get("status") not in ("ok", "skipped") for r in self.records)
        skipped = sum(r.get("status") == "skipped" for r in self.records)
        self.console.print(f"共 {len(self.records)} 个文件：检查 {len(self.records) - failed - skipped} 个，"
                           f"无法检查 {failed} 个，未变跳过 {skipped} 个；错误 {sum(r.get('summary', {}).get('error', 0) for r in self.records)} 项")
