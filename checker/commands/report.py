"""`govcheck report --db FILE`: a stored season summed up on the terminal, or written out again."""
from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table as RichTable

from .. import __version__, exit_codes
from ..options import FILE_FORMATS, NEEDS_OUTPUT, NO_DATABASE, OUTPUT_KIND, ReportArgs
from ..outputs import destination_problem
from ..reporters.console import plain
from ..reporters.screen import say
from ..reporters.words import severity_name, status_name
from ..store import Store
from .reporting import report_records


def run_report(args: ReportArgs) -> int:
    if not Path(args.db).is_file():
        say(NO_DATABASE(db=args.db))
        return exit_codes.BAD_INPUT
    store = Store(args.db, read_only=True)
    if args.format in FILE_FORMATS:
        if not args.output:
            print(NEEDS_OUTPUT(fmt=args.format, what=OUTPUT_KIND["place"]()), file=sys.stderr)
            return exit_codes.BAD_INPUT
        problem = destination_problem(args.format, args.output, args.force)
        if problem:
            say(problem)
            store.close()
            return exit_codes.BAD_INPUT
        try:
            report_records(args, store.all_records(__version__), full=False)
        finally:
            store.close()
        return exit_codes.OK
    console = Console(width=args.width, highlight=False)
    t = store.totals()
    console.print(plain(f"文件 {t['files']} 个，已检查 {t['checked']} 个，其中有错误的 {t['with_errors']} 个；"
                        f"错误共 {t['errors']} 项，警告 {t['warnings']} 项"))
    table = RichTable(title="按状态", title_justify="left", show_edge=False)
    table.add_column("状态")
    table.add_column("文件数", justify="right")
    for name, n in store.by_status():
        table.add_row(plain(status_name(name)), plain(n))
    console.print(table)
    table = RichTable(title="按规则", title_justify="left", show_edge=False)
    for name in ("规则", "级别", "问题数", "文件数"):
        table.add_column(name, justify="right" if name.endswith("数") else "left")
    for rule, severity, n, files in store.by_rule():
        table.add_row(plain(rule), plain(severity_name(severity)), plain(n), plain(files))
    console.print(table)
    table = RichTable(title=f"错误最多的{args.top}个文件", title_justify="left", show_edge=False)
    for name in ("文件", "机关", "年度", "状态", "错误", "警告"):
        table.add_column(name, overflow="fold")
    for path, body, year, status, errors, warnings in store.worst_files(args.top):
        # stored report text: always text, never markup
        table.add_row(*[plain(v) for v in (path, body, year, status_name(status), errors, warnings)])
    console.print(table)
    store.close()
    return exit_codes.OK
