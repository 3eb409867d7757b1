"""Records through the reporter --format names, for `check` and `report --db` alike."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from ..errors import UsageError
from ..options import FILE_FORMATS, CheckArgs, ReportArgs
from ..outputs import ReplacingText
from ..record import Record
from ..reporters import Reporter, reporter_class
from ..reporters.files import make_folder
from ..reporters.screen import say
from ..reporters.sheets import MissingDependency
from ..words import Words

WRITTEN = Words("已写入 {output}（{count} 个文件）。", "Written: {output} ({count} files).")


def report_records(args: CheckArgs | ReportArgs, records: Sequence[Record], *, full: bool) -> None:
    """Every record through the reporter --format names (one protocol for all of them):
    to -o (a file written whole or not at all, or a folder), else to standard output."""
    fmt = args.format
    if fmt in FILE_FORMATS:
        assert args.output is not None   # options.py refuses a file format without -o
        target = Path(args.output)
        if fmt != "xlsx":
            make_folder(target)
        _feed(reporter_class(fmt)(target), records)
        say(WRITTEN(output=target, count=len(records)))
        return
    stream = ReplacingText(args.output) if args.output else sys.stdout   # whole or not at all
    try:
        _feed(reporter_class(fmt)(stream, width=args.width, brief=getattr(args, "brief", False), full=full), records)
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
