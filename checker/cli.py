"""The govcheck command: `check PATH…`, `report --db FILE` and `rules [CODE]`. main() reads
the options (options.py: parsed and validated there) and runs the command; it returns the
exit status."""
from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from rich.table import Table as RichTable

from . import __version__, exit_codes
from .batch import BatchLimits, expand_paths, failure, status_of
from .check import check_bytes, check_file, cross_year_findings, record_of
from .engine import NATIONAL, Rule, RuleSet, load_rule_set
from .engine.words import NATIONAL_ZH, STATUS_ZH, readable
from .errors import InputError, RuleFileError, UsageError
from .findings import CATEGORY_ZH, SEVERITY_ZH, Finding, Severity
from .fingerprints import Baseline
from .inputs import STDIN, input_name, read_input, skip_own_outputs, skipped_sentence
from .limited import call_limited
from .names import shown_name
from .options import (
    FILE_FORMATS,
    NEEDS_OUTPUT,
    NO_DATABASE,
    OUTPUT_KIND,
    CheckArgs,
    ReportArgs,
    RulesArgs,
    check_options,
    is_batch,
    parse,
)
from .outputs import ReplacingText, destination_problem
from .record import Record
from .reporters import REPORTERS, Reporter
from .reporters.files import WriteFailed, make_folder
from .reporters.screen import plain, say
from .reporters.sheets import MissingDependency
from .reporters.words import severity_name, status_name
from .words import Words, asked_language, speaking

NO_REPORT_FILES = Words("{where}：没有找到可检查的报告文件（PDF、网页、Word、文本）。",
                        "{where}: no report files found (PDF, HTML, Word, text).")
WRITTEN = Words("已写入 {output}（{count} 个文件）。", "Written: {output} ({count} files).")
NO_RULE = Words("没有规则 {code}（用 govcheck rules 列出全部规则）。", "No rule {code} (govcheck rules lists every rule).")
BAD_RULE_FILE = Words("规则文件有误：{problem}", "Bad rule file: {problem}")
INTERRUPTED = Words("已中断。", "Interrupted.")
INTERNAL = Words("govcheck 内部错误：{error}。请加 --debug 重新运行并报告此问题。",
                 "govcheck internal error: {error}. Rerun with --debug and report it.")

def exit_status(records: Sequence[Record], new: Sequence[Record], fail_on: str, exit_zero: bool) -> int:
    """One run's exit status, one file or many: 2 when nothing at all could be checked; 1 when
    a file could not be checked or a new record has a finding at `fail_on` or worse (0 with
    --exit-zero); else 0."""
    failed = [r for r in new if not r.ok]
    if failed and len(failed) == len(new) == len(records):
        return exit_codes.BAD_INPUT
    rank = Severity(fail_on).rank
    if failed or any(f.severity.rank <= rank for r in new for f in r.findings):
        return exit_codes.OK if exit_zero else exit_codes.FINDINGS
    return exit_codes.OK


def _report(args: CheckArgs | ReportArgs, records: Sequence[Record], *, full: bool) -> None:
    """Every record through the reporter --format names (one protocol for all of them):
    to -o (a file written whole or not at all, or a folder), else to standard output."""
    fmt = args.format
    if fmt in FILE_FORMATS:
        assert args.output is not None   # options.py refuses a file format without -o
        target = Path(args.output)
        if fmt != "xlsx":
            make_folder(target)
        reporter = REPORTERS[fmt](target)
        _feed(reporter, records)
        say(WRITTEN(output=target, count=len(records)))
        return
    stream = ReplacingText(args.output) if args.output else sys.stdout   # whole or not at all
    try:
        _feed(REPORTERS[fmt](stream, width=args.width, brief=getattr(args, "brief", False), full=full), records)
    finally:
        if args.output:
            stream.close()


def _feed(reporter: Reporter, records: Sequence[Record]) -> None:
    reporter.start()
    for record in records:
        reporter.add(record)
    try:
        reporter.finish()
    except MissingDependency as exc:
        raise UsageError(str(exc)) from None


def _run_batch(args: CheckArgs) -> int:
    from .reporters.batch import BatchProgress
    from .season import local_runner, run_season
    from .store import Store

    paths, own = skip_own_outputs(expand_paths([*args.paths, *(p for pair in args.pair for p in pair)]))
    if own:
        say(skipped_sentence(own))
    if not paths:
        where = "、".join(args.paths)
        say(NO_REPORT_FILES(where=where))
        return exit_codes.BAD_INPUT
    baseline = Baseline.load(args.baseline) if args.baseline else None
    limits = BatchLimits(seconds_per_file=args.timeout, jobs=args.jobs or BatchLimits().jobs)
    if args.engine == "dask":
        from .dask_engine import dask_runner
        assert args.scheduler is not None   # options.py refuses --engine dask without --scheduler
        runner = dask_runner(args.scheduler)
    else:
        runner = local_runner
    store = Store(args.db) if args.db else None
    progress = BatchProgress(len(paths))
    try:
        run = run_season(paths, limits=limits, options=check_options(args), store=store,
                         by_hand=[(shown_name(this), shown_name(last)) for this, last in args.pair], runner=runner,
                         on_record=progress.add)
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
        records = [baseline.filter(r) for r in records]
    new = [r for r in records if r.file in run.new]
    # JSON says only what is new (a rerun's other results are in the store); every other output shows all
    _report(args, new if args.format == "json" else records, full=False)
    return exit_status(records, new, args.fail_on, args.exit_zero)


def _run_report(args: ReportArgs) -> int:
    from .store import Store

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
            _report(args, store.all_records(__version__), full=False)
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


def _checked(path: str, args: CheckArgs, data: bytes | None = None) -> Record:
    """The record of one file (or of `data`, standard input's bytes read by the parent: a
    child process has no stdin), with the cross-year findings of the files --pair sets beside it."""
    options = check_options(args)
    rules = options.rule_set()
    name = input_name(path)
    if data is not None:
        result = check_bytes(data, name, select=options.select, ignore=options.ignore, published=options.published,
                             rules=rules)
    else:
        result = check_file(path, select=options.select, ignore=options.ignore, published=options.published,
                            rules=rules)
    record = record_of(result, options)
    for _this, last in args.pair:
        last_record = record_of(check_file(last, select=options.select, ignore=options.ignore, rules=rules), options)
        findings, summary = cross_year_findings(record, last_record, select=options.select, ignore=options.ignore,
                                                rules=rules)
        record = record.with_findings(sorted([*record.findings, *findings], key=Finding.sort_key), cross_year=summary)
    return record


def _run_single(args: CheckArgs) -> int:
    """One report, with its last year's report beside it when --pair names one: a batch of one,
    checked as a batch worker is (process, memory and time limits; the pair's files too), and
    drawn in full on the terminal."""
    path = args.paths[0] if args.paths else args.pair[0][0]
    baseline = Baseline.load(args.baseline) if args.baseline else None
    limits = BatchLimits(seconds_per_file=args.timeout * (1 + len(args.pair)), jobs=1)
    try:
        data = read_input(STDIN) if path == STDIN else None
        record = call_limited(_checked, path, args, data, name=input_name(path), limits=limits)
    except InputError as exc:
        say(exc.sentence())
        record = replace(failure(path, getattr(exc, "status", None) or status_of(exc), exc.sentence()),
                         options=check_options(args))   # the same record a batch makes of it
        if args.format != "rich" or args.output:   # the terminal had the sentence already
            _report(args, [record], full=True)
        return exit_status([record], [record], args.fail_on, args.exit_zero)
    if args.write_baseline:
        Baseline.of_records([record]).write(args.write_baseline)
    if baseline is not None:
        record = baseline.filter(record)
    _report(args, [record], full=True)
    return exit_status([record], [record], args.fail_on, args.exit_zero)


def _origin(rule: Rule) -> str:
    """全国规则, or the pack's folder name (and 替换 where it stands for a national rule)."""
    if rule.origin == NATIONAL:
        return NATIONAL_ZH
    return f"{rule.origin}（替换）" if rule.replaces else rule.origin


def _run_rules(args: RulesArgs) -> int:
    console = Console(width=args.width, highlight=False)
    rules = load_rule_set(args.rule_dirs)
    if args.code:
        rule = rules.get(args.code)
        if rule is None:
            print(NO_RULE(code=args.code), file=sys.stderr)
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
    words = list(sys.argv[1:] if argv is None else argv)
    with speaking(asked_language(words)):   # the help is built in it, so it is known first
        return _main(words)


def _main(argv: list[str]) -> int:
    args: CheckArgs | ReportArgs | RulesArgs | None = None
    try:
        parsed = parse(argv)
        if isinstance(parsed, int):   # --help or --version answered
            return parsed
        args = parsed
        if isinstance(args, CheckArgs):
            return _run_batch(args) if is_batch(args) else _run_single(args)
        if isinstance(args, ReportArgs):
            return _run_report(args)
        return _run_rules(args)
    except RuleFileError as exc:
        say(BAD_RULE_FILE(problem=exc))
        return exit_codes.BAD_INPUT
    except (UsageError, WriteFailed) as exc:
        say(exc.sentence)
        return exit_codes.BAD_INPUT
    except BrokenPipeError:  # `govcheck … | head`: the reader has all it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (kept open: Python flushes stdout at exit)
        return exit_codes.OK
    except KeyboardInterrupt:
        say(INTERRUPTED())
        return exit_codes.INTERRUPTED
    except Exception as exc:  # a bug in govcheck: one sentence, not a traceback
        if args is not None and args.debug:
            raise
        say(INTERNAL(error=f"{type(exc).__name__}: {exc}"))
        return exit_codes.INTERNAL
