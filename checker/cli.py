"""The govcheck command: `check PATH…` and `rules [CODE]`. main() returns the exit status."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table as RichTable

from . import __version__, exit_codes
from .batch import BatchLimits, CheckOptions, expand_paths
from .check import check_bytes, check_file, cross_year_findings, record_of
from .engine import NATIONAL, Rule, RuleSet, load_rule_set
from .engine.words import CATEGORY_ZH, NATIONAL_ZH, SEVERITY_ZH, STATUS_ZH, readable
from .errors import InputError, RuleFileError, UsageError
from .findings import Finding, Severity
from .fingerprints import Baseline
from .inputs import STDIN, input_name, is_pattern, read_input, skip_own_outputs, skipped_sentence
from .limited import call_limited
from .names import shown_name
from .outputs import ReplacingText, destination_problem
from .reporters import REPORTERS
from .reporters.files import WriteFailed, make_folder
from .reporters.screen import plain, say

FILE_FORMATS = ("csv", "xlsx", "html")   # written to -o, for auditors to hand on


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写成 YYYY-MM-DD，例如 2025-01-20（收到 {text!r}）") from None


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not seconds > 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"时间上限应为正数（秒），例如 60（收到 {text!r}）")
    return seconds


def _codes(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def _folder(text: str) -> str:
    """--rules DIR: a pack's folder, absolute (batch workers and the store see the same name)."""
    return str(Path(text).resolve())


def _width(text: str) -> int:
    if not text.isdigit() or int(text) < 40:
        raise argparse.ArgumentTypeError(f"宽度应为不小于40的整数（收到 {text!r}）")
    return int(text)


def _check_options(args: argparse.Namespace) -> str | None:
    """One sentence on what is wrong with the options, or None."""
    if not args.paths and not args.pair:
        return "请给出要检查的文件、目录或 --pair。 Name files, folders or --pair to check."
    if args.format in FILE_FORMATS and not args.output:
        what = "文件" if args.format == "xlsx" else "目录"
        return f"--format {args.format} 需要用 -o 指定输出{what}。 --format {args.format} needs -o."
    if args.format in ("csv", "html") and args.output and Path(args.output).is_file():
        return f"{args.output}：--format {args.format} 写入一个目录，而这是一个文件。 {args.output} is a file, not a folder."
    if args.engine == "dask" and not args.scheduler:
        return "--engine dask 需要 --scheduler 地址。 --engine dask needs --scheduler ADDRESS."
    if STDIN in args.paths and _is_batch(args):
        return "标准输入（-）只能单独检查：不与其他文件、目录一起，也不用 --db 或 --format csv/xlsx/html。"
    rules = _options(args).rule_set()   # a bad rule file: exit 2 here, before anything is checked
    for prefix in [*args.select, *args.ignore]:
        if not rules.selected([prefix]):
            return f"没有以 {prefix} 开头的规则（用 govcheck rules 查看）。 No rule code starts with {prefix}."
    if args.output:
        folder = Path(args.output).resolve().parent   # a csv/html folder is made; its parent must exist
        if not folder.is_dir():
            return f"{args.output}：输出目录不存在。 {args.output}: the output folder does not exist."
        return destination_problem(args.format, args.output, args.force)   # before anything is checked
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govcheck", description="检查政府信息公开工作年度报告 / check disclosure annual reports")
    parser.add_argument("--version", action="version", version=f"govcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="检查一个或多个报告文件 / check report files")
    check.add_argument("paths", nargs="*", metavar="PATH", help="文件、目录或通配符（目录递归查找）")
    check.add_argument("--format", choices=[*sorted(REPORTERS), *FILE_FORMATS], default="rich",
                       help="输出格式：rich 终端、json（JSON Lines）、csv（-o 目录）、xlsx（-o 文件）、html（-o 目录）")
    check.add_argument("--select", type=_codes, default=[], help="只运行这些规则（代码前缀，逗号分隔），如 ARI,STR001")
    check.add_argument("--ignore", type=_codes, default=[], help="不运行这些规则（代码前缀，逗号分隔）")
    check.add_argument("--fail-on", choices=[s.value for s in Severity], default="error",
                       help="达到此级别的问题时退出码为1 (default: error)")
    check.add_argument("--exit-zero", action="store_true", help="有问题也以0退出")
    check.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                       help="报告的公布日期（用于核对第四十九条的公布期限；优先于文件中找到的日期）")
    check.add_argument("--output", "-o", metavar="FILE", help="写入文件而不是标准输出")
    check.add_argument("--force", action="store_true", help="-o 指向的目录不是空的、也不是 govcheck 的输出目录时，仍写入（替换同名文件）")
    check.add_argument("--width", type=_width, default=None, help="终端宽度（默认自动）")
    check.add_argument("--brief", action="store_true", help="不画统计表，只列章节和问题")
    check.add_argument("--debug", action="store_true", help="出错时显示完整的回溯信息")
    check.add_argument("--jobs", "-j", type=int, default=None, help="批量检查时同时运行的进程数（默认：CPU核数）")
    check.add_argument("--timeout", type=_seconds, default=60.0, help="每个文件的时间上限（秒，默认60）")
    check.add_argument("--db", metavar="FILE", help="把结果写入 SQLite 数据库；重跑时跳过内容和版本都未变的文件")
    check.add_argument("--pair", nargs=2, action="append", default=[], metavar=("THIS", "LAST"),
                       help="指定今年的报告 THIS 与上年的报告 LAST 对照（不指定时按机关名称和年度自动配对）")
    check.add_argument("--baseline", metavar="FILE", help="只报告不在此基线文件中的问题（已审阅、已接受的问题不再列出）")
    check.add_argument("--write-baseline", metavar="FILE", help="把本次发现的全部问题写成基线文件（标记为已审阅）")
    check.add_argument("--rules", action="append", default=[], metavar="DIR", type=_folder,
                       help="再加一组规则（目录中的 *.toml；代码与全国规则相同的替换该规则），可重复")
    check.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="local：本机多进程（默认）；dask：发送到 --scheduler 指定的 Dask 集群")
    check.add_argument("--scheduler", metavar="ADDRESS", help="Dask 调度器地址，如 tcp://10.0.0.5:8786")
    report = sub.add_parser("report", help="汇总结果数据库 / summarise a results database")
    report.add_argument("--db", required=True, metavar="FILE")
    report.add_argument("--top", type=int, default=20, help="列出错误最多的前N个文件")
    report.add_argument("--width", type=_width, default=None)
    report.add_argument("--format", choices=("rich", *FILE_FORMATS), default="rich",
                        help="rich：终端汇总（默认）；csv/xlsx/html：把数据库中的全部结果写到 -o")
    report.add_argument("--output", "-o", metavar="PATH")
    report.add_argument("--force", action="store_true", help="-o 指向的目录不是空的、也不是 govcheck 的输出目录时，仍写入（替换同名文件）")
    rules = sub.add_parser("rules", help="列出规则，或说明一条规则 / list rules or explain one")
    rules.add_argument("code", nargs="?")
    rules.add_argument("--rules", action="append", default=[], metavar="DIR", type=_folder,
                       help="连同这组规则一起列出（可重复）")
    rules.add_argument("--width", type=_width, default=None)
    return parser


def _is_batch(args: argparse.Namespace) -> bool:
    """One report on the terminal or as one JSON object, with at most its last year's
    report beside it; anything else is a run over many files (records, outputs, store)."""
    named = {p for p in args.paths} | {pair[0] for pair in args.pair}
    return (bool(args.db) or args.format in FILE_FORMATS or args.engine != "local" or len(named) != 1
            or any(Path(p).is_dir() or is_pattern(p) for p in named))


def _options(args: argparse.Namespace) -> CheckOptions:
    return CheckOptions(tuple(args.select), tuple(args.ignore), args.published, tuple(args.rules))


def _run_batch(args: argparse.Namespace) -> int:
    from .reporters.batch import BatchProgress, print_summary, write_json_lines
    from .season import local_runner, run_season
    from .store import Store

    paths, own = skip_own_outputs(expand_paths([*args.paths, *(p for pair in args.pair for p in pair)]))
    if own:
        say(skipped_sentence(own))
    if not paths:
        where = "、".join(args.paths)
        say(f"{where}：没有找到可检查的报告文件（PDF、网页、Word、文本）。 {where}: no report files found.")
        return exit_codes.BAD_INPUT
    baseline = Baseline.load(args.baseline) if args.baseline else None
    limits = BatchLimits(seconds_per_file=args.timeout, jobs=args.jobs or BatchLimits().jobs)
    if args.engine == "dask":
        from .dask_engine import dask_runner
        runner = dask_runner(args.scheduler)
    else:
        runner = local_runner
    store = Store(args.db) if args.db else None
    progress = BatchProgress(len(paths))
    try:
        run = run_season(paths, limits=limits, options=_options(args), store=store,
                         by_hand=[tuple(map(shown_name, pair)) for pair in args.pair], runner=runner, on_record=progress.add)
    except KeyboardInterrupt:   # Ctrl-C: the workers are gone; say what is kept and how to go on
        from .interrupt import interrupted_sentence
        progress.stop()
        say(interrupted_sentence(paths, store, __version__))
        return exit_codes.INTERRUPTED
    finally:
        progress.stop()
        if store is not None:
            store.close()
    records = run.records
    if args.write_baseline:
        Baseline.of_records(records).write(args.write_baseline)
    if baseline is not None:
        for record in records:
            baseline.filter(record)
    new = [r for r in records if r["file"] in run.new]
    if args.format in FILE_FORMATS:
        _write_files(args.format, records, Path(args.output))
    else:
        stream = ReplacingText(args.output) if args.output else sys.stdout   # whole or not at all
        try:
            if args.format == "json":
                write_json_lines(stream, new)   # a rerun says only what is new; the store holds the rest
            else:
                print_summary(stream, records, width=args.width)
        finally:
            if args.output:
                stream.close()
    failed = [r for r in new if r.get("status", "ok") != "ok"]
    if failed and len(failed) == len(new) == len(records):
        return exit_codes.BAD_INPUT  # nothing at all could be checked
    fail_rank = Severity(args.fail_on).rank
    if failed or any(Severity(f["severity"]).rank <= fail_rank for r in new for f in r.get("findings", [])):
        return exit_codes.OK if args.exit_zero else exit_codes.FINDINGS
    return exit_codes.OK


def _write_files(fmt: str, records: list[dict], output: Path) -> None:
    from .reporters.batch import public
    from .reporters.pages import write_html
    from .reporters.sheets import MissingDependency, write_csv, write_xlsx

    records = [public(r) for r in records]
    if fmt == "xlsx":
        try:
            write_xlsx(records, output)
        except MissingDependency as exc:
            raise UsageError(str(exc)) from None
    else:
        make_folder(output)
        (write_csv if fmt == "csv" else write_html)(records, output)
    say(f"已写入 {output}（{len(records)} 个文件）。 Written: {output}")


def _run_report(args: argparse.Namespace) -> int:
    from .store import Store

    if not Path(args.db).is_file():
        say(f"{args.db}：数据库不存在。 {args.db}: no such database.")
        return exit_codes.BAD_INPUT
    store = Store(args.db, read_only=True)
    if args.format in FILE_FORMATS:
        if not args.output:
            print(f"--format {args.format} 需要用 -o 指定输出位置。 --format {args.format} needs -o.", file=sys.stderr)
            return exit_codes.BAD_INPUT
        problem = destination_problem(args.format, args.output, args.force)
        if problem:
            say(problem)
            store.close()
            return exit_codes.BAD_INPUT
        _write_files(args.format, store.all_records(__version__), Path(args.output))
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
        table.add_row(plain(name), plain(n))
    console.print(table)
    table = RichTable(title="按规则", title_justify="left", show_edge=False)
    for name in ("规则", "级别", "问题数", "文件数"):
        table.add_column(name, justify="right" if name.endswith("数") else "left")
    for rule, severity, n, files in store.by_rule():
        table.add_row(plain(rule), plain(severity), plain(n), plain(files))
    console.print(table)
    table = RichTable(title=f"错误最多的{args.top}个文件", title_justify="left", show_edge=False)
    for name in ("文件", "机关", "年度", "状态", "错误", "警告"):
        table.add_column(name, overflow="fold")
    for row in store.worst_files(args.top):
        table.add_row(*[plain(v) for v in row])   # stored report text: always text, never markup
    console.print(table)
    store.close()
    return exit_codes.OK


def _run_check(args: argparse.Namespace) -> int:
    problem = _check_options(args)
    if problem:
        say(problem)
        return exit_codes.BAD_INPUT
    if _is_batch(args):
        return _run_batch(args)
    return _run_single(args)


def _checked(path: str, args: argparse.Namespace, data: bytes | None = None):
    """The Result of one file (or of `data`, standard input's bytes read by the parent: a
    child process has no stdin), with the cross-year findings of the files --pair sets beside it."""
    rules = _options(args).rule_set()
    if data is not None:
        result = check_bytes(data, input_name(path), select=args.select, ignore=args.ignore, published=args.published,
                             rules=rules)
    else:
        result = check_file(path, select=args.select, ignore=args.ignore, published=args.published, rules=rules)
    for _this, last in args.pair:
        last_result = check_file(last, select=args.select, ignore=args.ignore, rules=rules)
        findings, _ = cross_year_findings(record_of(result), record_of(last_result),
                                          select=args.select, ignore=args.ignore, rules=rules)
        result.findings = sorted(result.findings + findings, key=Finding.sort_key)
    return result


def _run_single(args: argparse.Namespace) -> int:
    """One report, drawn in full on the terminal (or one JSON object), with its last
    year's report beside it when --pair names one."""
    path = args.paths[0] if args.paths else args.pair[0][0]
    baseline = Baseline.load(args.baseline) if args.baseline else None
    stream = ReplacingText(args.output) if args.output else sys.stdout   # whole or not at all
    try:
        reporter = REPORTERS[args.format](stream, width=args.width, brief=args.brief)
        try:
            # checked as a batch worker is (process, memory and time limits); the pair's files too
            limits = BatchLimits(seconds_per_file=args.timeout * (1 + len(args.pair)), jobs=1)
            data = read_input(STDIN) if path == STDIN else None
            result = call_limited(_checked, path, args, data, name=input_name(path), limits=limits)
        except InputError as exc:
            say(exc.sentence())
            if args.format != "rich" or args.output:
                reporter.add_failure(shown_name(path), shown_name(exc.sentence()))
            reporter.finish()
            return exit_codes.BAD_INPUT
        record = result.to_dict()
        if args.write_baseline:
            Baseline.of_records([record]).write(args.write_baseline)
        if baseline is not None:
            result.findings = [f for f, d in zip(result.findings, record["findings"]) if d["fingerprint"] not in baseline]
        reporter.add(result)
        reporter.finish()
    finally:
        if args.output:
            stream.close()
    if any(f.severity.rank <= Severity(args.fail_on).rank for f in result.findings) and not args.exit_zero:
        return exit_codes.FINDINGS
    return exit_codes.OK


def _origin(rule: Rule) -> str:
    """全国规则, or the pack's folder name (and 替换 where it stands for a national rule)."""
    if rule.origin == NATIONAL:
        return NATIONAL_ZH
    return f"{rule.origin}（替换）" if rule.replaces else rule.origin


def _run_rules(args: argparse.Namespace) -> int:
    console = Console(width=args.width, highlight=False)
    rules = load_rule_set(tuple(Path(p) for p in args.rules))
    if args.code:
        rule = rules.get(args.code)
        if rule is None:
            print(f"没有规则 {args.code}（用 govcheck rules 列出全部规则）。", file=sys.stderr)
            return exit_codes.BAD_INPUT
        _explain(console, rule)
        return exit_codes.OK
    table = RichTable(show_edge=False)
    for name in ("规则", "类别", "级别", "来源", "说明"):
        table.add_column(name)
    for rule in _shown(rules):
        table.add_row(rule.code, CATEGORY_ZH[rule.category], SEVERITY_ZH[rule.severity], _origin(rule), rule.summary)
    console.print(table)
    return exit_codes.OK


def _shown(rules: RuleSet) -> list[Rule]:
    """With packs: the packs' rules first (what the pack changes), then the rest."""
    return sorted(rules, key=lambda r: (r.origin == NATIONAL, r.code)) if rules.packs else list(rules)


def _explain(console: Console, rule: Rule) -> None:
    """One rule in Chinese: what it checks, why, an example, and its sentences with 〈what each value is〉."""
    console.print(f"[bold]{rule.code}[/bold] {rule.summary}", markup=True)
    console.print(f"类别：{CATEGORY_ZH[rule.category]}   级别：{SEVERITY_ZH[rule.severity]}   "
                  f"状态：{STATUS_ZH[rule.status]}   来源：{_origin(rule)}", markup=False)
    console.print(f"\n[bold]检查什么[/bold]\n{rule.doc['what']}\n\n[bold]为什么[/bold]\n{rule.doc['why']}\n\n"
                  f"[bold]例子[/bold]\n{rule.doc['example']}")
    console.print("\n[bold]提示语[/bold]")
    for text in dict.fromkeys((rule.message, *rule.messages.values())):   # two cases may share a sentence
        console.print(f"・{readable(text)}", markup=False)
    console.print(f"\n[bold]规则文件[/bold]\n{rule.path}")


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
        print(f"规则文件有误：{exc}", file=sys.stderr)
        return exit_codes.BAD_INPUT
    except (UsageError, WriteFailed) as exc:
        say(exc.sentence)
        return exit_codes.BAD_INPUT
    except BrokenPipeError:  # `govcheck … | head`: the reader has all it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (kept open: Python flushes stdout at exit)
        return exit_codes.OK
    except KeyboardInterrupt:
        print("已中断。 Interrupted.", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug in govcheck: one sentence, not a traceback
        if getattr(args, "debug", False):
            raise
        say(f"govcheck 内部错误：{type(exc).__name__}: {exc}。请加 --debug 重新运行并报告此问题。 "
            f"Internal error; rerun with --debug.")
        return exit_codes.INTERNAL
