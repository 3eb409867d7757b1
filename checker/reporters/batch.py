"""Batch output: a progress bar while files are checked, then JSON Lines in input
order or a summary table sorted by errors. Records are dicts (DOMAIN §6 + status)."""
from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table as RichTable

from .screen import json_line, plain
from .words import STATUS_ZH

INTERNAL_KEYS = ("material", "reused", "from_store")   # what a record carries for the run, not for readers


class BatchProgress:
    """A rich progress bar on stderr (only on a terminal) with the errors found so far."""

    def __init__(self, total: int) -> None:
        self.errors = 0
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("错误 {task.fields[errors]} 项"), TimeRemainingColumn(),
                                 console=Console(stderr=True), transient=True, disable=not sys.stderr.isatty())
        self.task = self.progress.add_task("检查中", total=total, errors=0)
        self.progress.start()

    def add(self, record: dict) -> None:
        self.errors += record.get("summary", {}).get("error", 0) + (record.get("status", "ok") != "ok")
        self.progress.update(self.task, advance=1, errors=self.errors)

    def stop(self) -> None:
        self.progress.stop()


def public(record: dict) -> dict:
    """The record as readers get it: without what the run carries internally."""
    return {k: v for k, v in record.items() if k not in INTERNAL_KEYS}


def write_json_lines(stream: TextIO, records: list[dict]) -> None:
    for record in records:
        stream.write(json_line(public(record)) + "\n")
    stream.flush()


def print_summary(stream: TextIO, records: list[dict], width: int | None = None) -> None:
    """One row per file, most errors first; then the sentences of files that could not be checked."""
    console = Console(file=stream, width=width, highlight=False)
    table = RichTable(title="批量检查结果（按错误数排序）", title_justify="left", show_edge=False)
    for name in ("文件", "机关", "年度", "状态", "错误", "警告", "上年报告"):
        table.add_column(name, overflow="fold")
    ordered = sorted(records, key=lambda r: (-r.get("summary", {}).get("error", 0), r.get("status") == "ok", r["file"]))
    for r in ordered:
        s = r.get("summary", {})
        status = STATUS_ZH.get(r.get("status", "ok"), r.get("status", "")) + ("（未变，沿用）" if r.get("reused") else "")
        style = "bold red" if r.get("status", "ok") != "ok" or s.get("error") else ""
        table.add_row(plain(r["file"]), plain(r.get("body") or ""), plain(r.get("year") or ""), plain(status, style=style),
                      plain(s.get("error", 0)), plain(s.get("warning", 0)),
                      plain(r.get("cross_year", {}).get("paired_with", "")))
    console.print(table)
    for r in records:
        if r.get("status", "ok") != "ok":
            console.print(plain(r.get("error", ""), style="red"))
    failed = sum(r.get("status", "ok") != "ok" for r in records)
    reused = sum(bool(r.get("reused")) for r in records)
    paired = sum("cross_year" in r for r in records)
    hidden = sum(r.get("baselined", 0) for r in records)
    line = (f"共 {len(records)} 个文件：检查 {len(records) - failed - reused} 个，无法检查 {failed} 个，未变沿用 {reused} 个，"
            f"与上年报告对照 {paired} 个；错误 {sum(r.get('summary', {}).get('error', 0) for r in records)} 项")
    if hidden:
        line += f"；已审阅（基线中）的 {hidden} 项未列出"
    console.print(plain(line))
