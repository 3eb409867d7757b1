"""The govcheck command: `check PATH…`, `report --db FILE` and `rules [CODE]`. main() reads
the options (options.py: parsed and validated there) and runs the command, whose module
(commands/) is imported only then; it returns the exit status."""
from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from . import exit_codes
from .errors import RuleFileError, UsageError
from .options import CheckArgs, ReportArgs, RulesArgs, parse
from .reporters.files import WriteFailed
from .reporters.screen import say
from .words import Words, asked_language, speaking

BAD_RULE_FILE = Words("规则文件有误：{problem}", "Bad rule file: {problem}")
INTERRUPTED = Words("已中断。", "Interrupted.")
INTERNAL = Words("govcheck 内部错误：{error}。请加 --debug 重新运行并报告此问题。",
                 "govcheck internal error: {error}. Rerun with --debug and report it.")


def main(argv: Sequence[str] | None = None) -> int:
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
            from .commands.check import run_check
            return run_check(args)
        if isinstance(args, ReportArgs):
            from .commands.report import run_report
            return run_report(args)
        from .commands.rules import run_rules
        return run_rules(args)
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
