"""The govcheck command: `check PATH…` and `rules [CODE]`. main() returns the exit status."""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table as RichTable

from . import __version__, exit_codes
from .check import check_file
from .engine import load_rules, select_rules
from .errors import InputError, RuleFileError
from .findings import Severity
from .reporters import REPORTERS


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写成 YYYY-MM-DD，例如 2025-01-20（收到 {text!r}）") from None


def _codes(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def _width(text: str) -> int:
    if not text.isdigit() or int(text) < 40:
        raise argparse.ArgumentTypeError(f"宽度应为不小于40的整数（收到 {text!r}）")
    return int(text)


def _check_options(args: argparse.Namespace) -> str | None:
    """One sentence on what is wrong with the options, or None."""
    rules = load_rules()
    for prefix in [*args.select, *args.ignore]:
        if not select_rules(rules, [prefix]):
            return f"没有以 {prefix} 开头的规则（用 govcheck rules 查看）。 No rule code starts with {prefix}."
    if args.output:
        folder = Path(args.output).resolve().parent
        if not folder.is_dir():
            return f"{args.output}：输出目录不存在。 {args.output}: the output folder does not exist."
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govcheck", description="检查政府信息公开工作年度报告 / check disclosure annual reports")
    parser.add_argument("--version", action="version", version=f"govcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="检查一个或多个报告文件 / check report files")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", choices=sorted(REPORTERS), default="rich", help="输出格式 (default: rich)")
    check.add_argument("--select", type=_codes, default=[], help="只运行这些规则（代码前缀，逗号分隔），如 ARI,STR001")
    check.add_argument("--ignore", type=_codes, default=[], help="不运行这些规则（代码前缀，逗号分隔）")
    check.add_argument("--fail-on", choices=[s.value for s in Severity], default="error",
                       help="达到此级别的问题时退出码为1 (default: error)")
    check.add_argument("--exit-zero", action="store_true", help="有问题也以0退出")
    check.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                       help="报告的公布日期（用于核对第四十九条的公布期限；优先于文件中找到的日期）")
    check.add_argument("--output", "-o", metavar="FILE", help="写入文件而不是标准输出")
    check.add_argument("--width", type=_width, default=None, help="终端宽度（默认自动）")
    check.add_argument("--brief", action="store_true", help="不画统计表，只列章节和问题")
    check.add_argument("--debug", action="store_true", help="出错时显示完整的回溯信息")
    check.add_argument("--jobs", "-j", type=int, default=None, help="批量检查时同时运行的进程数（默认：CPU核数）")
    check.add_argument("--timeout", type=float, default=60.0, help="批量检查时每个文件的时间上限（秒，默认60）")
    check.add_argument("--db", metavar="FILE", help="把结果写入 SQLite 数据库；重跑时跳过内容和版本都未变的文件")
    report = sub.add_parser("report", help="汇总结果数据库 / summarise a results database")
    report.add_argument("--db", required=True, metavar="FILE")
    report.add_argument("--top", type=int, default=20, help="列出错误最多的前N个文件")
    report.add_argument("--width", type=_width, default=None)
    rules = sub.add_parser("rules", help="列出规则，或说明一条规则 / list rules or explain one")
    rules.add_argument("code", nargs="?")
    rules.add_argument("--width", type=_width, default=None)
    return parser


def _is_batch(args: argparse.Namespace) -> bool:
    return bool(args.db) or len(args.paths) > 1 or any(Path(p).is_dir() or any(c in p for c in "*?[") for p in args.paths)


def _run_batch(args: argparse.Namespace) -> int:
    from .batch import BatchLimits, content_hash, expand_paths, run_batch
    from .reporters.batch import BatchReporter
    from .store import Store

    paths = expand_paths(args.paths)
    if not paths:
        where = "、".join(args.paths)
        print(f"{where}：没有找到可检查的报告文件（PDF、网页、Word、文本）。 {where}: no report files found.", file=sys.stderr)
        return exit_codes.BAD_INPUT
    limits = BatchLimits(seconds_per_file=args.timeout, jobs=args.jobs or BatchLimits().jobs)
    store = Store(args.db) if args.db else None
    stream = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    reporter = BatchReporter(stream, [str(p) for p in paths], fmt=args.format, width=args.width)
    fail_rank = Severity(args.fail_on).rank
    status = exit_codes.OK
    failed = checked = 0
    try:
        todo, hashes = [], {}
        for path in paths:
            digest = content_hash(path)
            if store is not None and digest is not None and store.known(digest, __version__):
                reporter.add({"file": str(path), "status": "skipped", "summary": {}})
                continue
            hashes[str(path)] = digest
            todo.append(path)
        for record in run_batch(todo, limits, published=args.published):
            if store is not None and hashes.get(record["file"]):
                store.save(record, hashes[record["file"]])
            reporter.add(record)
            if record["status"] != "ok":
                failed += 1
                status = exit_codes.FINDINGS
            else:
                checked += 1
                if any(Severity(f["severity"]).rank <= fail_rank for f in record["findings"]):
                    status = exit_codes.FINDINGS
    finally:
        reporter.finish()
        if store is not None:
            store.close()
        if args.output:
            stream.close()
    if failed and not checked and len(todo) == len(paths):
        return exit_codes.BAD_INPUT  # nothing at all could be checked
    if args.exit_zero and status == exit_codes.FINDINGS:
        return exit_codes.OK
    return status


def _run_report(args: argparse.Namespace) -> int:
    from .store import Store

    if not Path(args.db).is_file():
        print(f"{args.db}：数据库不存在。 {args.db}: no such database.", file=sys.stderr)
        return exit_codes.BAD_INPUT
    store = Store(args.db)
    console = Console(width=args.width, highlight=False)
    t = store.totals()
    console.print(f"文件 {t['files']} 个，已检查 {t['checked']} 个，其中有错误的 {t['with_errors']} 个；"
                  f"错误共 {t['errors']} 项，警告 {t['warnings']} 项")
    table = RichTable(title="按状态", title_justify="left", show_edge=False)
    table.add_column("状态")
    table.add_column("文件数", justify="right")
    for name, n in store.by_status():
        table.add_row(name, str(n))
    console.print(table)
    table = RichTable(title="按规则", title_justify="left", show_edge=False)
    for name in ("规则", "级别", "问题数", "文件数"):
        table.add_column(name, justify="right" if name.endswith("数") else "left")
    for rule, severity, n, files in store.by_rule():
        table.add_row(rule, severity, str(n), str(files))
    console.print(table)
    table = RichTable(title=f"错误最多的{args.top}个文件", title_justify="left", show_edge=False)
    for name in ("文件", "机关", "年度", "状态", "错误", "警告"):
        table.add_column(name, overflow="fold")
    for row in store.worst_files(args.top):
        table.add_row(*[("" if v is None else str(v)) for v in row])
    console.print(table)
    store.close()
    return exit_codes.OK


def _run_check(args: argparse.Namespace) -> int:
    problem = _check_options(args)
    if problem:
        print(problem, file=sys.stderr)
        return exit_codes.BAD_INPUT
    if _is_batch(args):
        return _run_batch(args)
    stream = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        reporter = REPORTERS[args.format](stream, width=args.width, brief=args.brief)
        fail_rank = Severity(args.fail_on).rank
        status = exit_codes.OK
        for path in args.paths:
            try:
                result = check_file(path, select=args.select, ignore=args.ignore, published=args.published)
            except InputError as exc:
                print(exc.sentence(), file=sys.stderr)
                if args.format != "rich" or args.output:
                    reporter.add_failure(path, exc.sentence())
                status = exit_codes.BAD_INPUT
                continue
            reporter.add(result)
            if status == exit_codes.OK and any(f.severity.rank <= fail_rank for f in result.findings):
                status = exit_codes.FINDINGS
        reporter.finish()
    finally:
        if args.output:
            stream.close()
    if args.exit_zero and status == exit_codes.FINDINGS:
        return exit_codes.OK
    return status


def _run_rules(args: argparse.Namespace) -> int:
    console = Console(width=args.width, highlight=False)
    rules = load_rules()
    if args.code:
        chosen = select_rules(rules, [args.code])
        exact = [r for r in chosen if args.code.upper() in (r.code, *r.aliases)]
        if not exact:
            print(f"没有规则 {args.code}（用 govcheck rules 列出全部规则）。 No rule {args.code}.", file=sys.stderr)
            return exit_codes.BAD_INPUT
        rule = exact[0]
        console.print(f"[bold]{rule.code}[/bold] {rule.name}   类别：{rule.category.value}   级别：{rule.severity.value}   状态：{rule.status}")
        console.print(rule.summary)
        console.print(f"\n[bold]检查什么[/bold]\n{rule.doc['what']}\n\n[bold]为什么[/bold]\n{rule.doc['why']}\n\n[bold]例子[/bold]\n{rule.doc['example']}")
        console.print(f"\n[bold]提示语[/bold]\n{rule.message}")
        params = {k: v for k, v in rule.params.items()}
        console.print(f"\n[bold]规则数据[/bold] kind = {rule.kind} {params}  ({rule.path})", markup=True)
        return exit_codes.OK
    table = RichTable(show_edge=False)
    for name in ("规则", "名称", "类别", "级别", "说明"):
        table.add_column(name)
    for rule in rules:
        table.add_row(rule.code, rule.name, rule.category.value, rule.severity.value, rule.summary)
    console.print(table)
    return exit_codes.OK


def main(argv: Sequence[str] | None = None) -> int:
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help/--version 0
        return int(exc.code or 0)
    try:
        runners = {"check": _run_check, "report": _run_report, "rules": _run_rules}
        return runners[args.command](args)
    except RuleFileError as exc:
        print(f"规则文件有误：{exc} / bad rule file", file=sys.stderr)
        return exit_codes.BAD_INPUT
    except KeyboardInterrupt:
        print("已中断。 Interrupted.", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug in govcheck: one sentence, not a traceback
        if getattr(args, "debug", False):
            raise
        print(f"govcheck 内部错误：{type(exc).__name__}: {exc}。请加 --debug 重新运行并报告此问题。 "
              f"Internal error; rerun with --debug.", file=sys.stderr)
        return exit_codes.INTERNAL
