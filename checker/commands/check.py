"""`govcheck check PATH…`: one report drawn in full, or a season of many (store, outputs)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .. import __version__, exit_codes
from ..batch import BatchLimits, expand_paths, failure, status_of
from ..check import check_bytes, check_file, cross_year_findings, record_of
from ..errors import InputError
from ..findings import Finding, Severity
from ..fingerprints import Baseline
from ..inputs import STDIN, input_name, read_input, skip_own_outputs, skipped_sentence
from ..limited import call_limited
from ..names import shown_name
from ..options import CheckArgs, is_batch, rule_folders
from ..record import Options as CheckOptions
from ..record import Record
from ..reporters.screen import say
from ..words import Words
from .reporting import report_records

NO_REPORT_FILES = Words("{where}：没有找到可检查的报告文件（PDF、网页、Word、文本）。",
                        "{where}: no report files found (PDF, HTML, Word, text).")


def run_check(args: CheckArgs) -> int:
    return _run_batch(args) if is_batch(args) else _run_single(args)


def check_options(args: CheckArgs) -> CheckOptions:
    """What every file of the run is checked with."""
    return CheckOptions(tuple(args.select), tuple(args.ignore), args.published,
                        tuple(str(folder) for folder in rule_folders(args)))


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


def _run_batch(args: CheckArgs) -> int:
    # a season's own modules (store, progress bar): not loaded for one file
    from ..reporters.batch import BatchProgress
    from ..season import local_runner, run_season
    from ..store import Store

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
        from ..dask_engine import dask_runner
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
        from ..interrupt import interrupted_sentence
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
    report_records(args, new if args.format == "json" else records, full=False)
    return exit_status(records, new, args.fail_on, args.exit_zero)


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
            report_records(args, [record], full=True)
        return exit_status([record], [record], args.fail_on, args.exit_zero)
    if args.write_baseline:
        Baseline.of_records([record]).write(args.write_baseline)
    if baseline is not None:
        record = baseline.filter(record)
    report_records(args, [record], full=True)
    return exit_status([record], [record], args.fail_on, args.exit_zero)
