"""The command line read into one frozen options object per command (`check`, `report`,
`rules`), every value validated here, once, before anything is checked: a bad value is one
sentence naming the option, exit status 2. argparse speaks the run's language too
(words.Words): its own words ("usage:", "invalid choice" …) are translated while it runs.
"""
from __future__ import annotations

import argparse
import math
import os
import re
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import NoReturn

from . import __version__
from .errors import UsageError
from .findings import Severity
from .fingerprints import Baseline
from .inputs import STDIN, is_pattern
from .outputs import destination_problem
from .reporters import REPORTERS
from .store_file import IS_FOLDER, NO_FOLDER
from .words import LANGUAGES, Words, language

FILE_FORMATS = ("csv", "xlsx", "html")   # written to -o, for auditors to hand on
MAX_WIDTH = 1000
MAX_TOP = 1_000_000
MAX_SECONDS = 24 * 3600.0                # a day for one file: past that it is a typo
JOBS_PER_CPU = 4                         # more workers than this only thrash


def max_jobs() -> int:
    return (os.cpu_count() or 1) * JOBS_PER_CPU


# -- the sentences ----------------------------------------------------------------------------
# argparse's own words, keyed by its English (the en half): used while it builds, parses and helps
_ARGPARSE = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "需要以下参数之一：%s",
    "not allowed with argument %s": "不能与 %s 同时使用",
    "ignored explicit argument %r": "不接受取值 %r",
    "expected one argument": "需要一个取值",
    "expected at most one argument": "最多接受一个取值",
    "expected at least one argument": "至少需要一个取值",
    "expected %s argument": "需要 %s 个取值",
    "expected %s arguments": "需要 %s 个取值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "unexpected option string: %s": "意外的选项：%s",
    "invalid %(type)s value: %(value)r": "取值无效：%(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的取值 %(value)r（可选：%(choices)s）",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "没有命令 %(parser_name)r（可选：%(choices)s）",
    "%(prog)s: error: %(message)s\n": "%(prog)s：%(message)s\n",
}

BAD_OPTION = Words("{message}。", "{message}.")
NOTHING_TO_CHECK = Words("请给出要检查的文件、目录或 --pair。", "Name files, folders or --pair to check.")
EMPTY_PATH = Words("要检查的文件名是空的。", "A file to check is named by an empty string.")
NEEDS_OUTPUT = Words("--format {fmt} 需要用 -o 指定输出{what}。", "--format {fmt} needs -o (the output {what}).")
OUTPUT_KIND = {"file": Words("文件", "file"), "folder": Words("目录", "folder"), "place": Words("位置", "place")}
OUTPUT_FOLDER_MISSING = Words("{output}：输出目录不存在。", "{output}: the output folder does not exist.")
OUTPUT_ONLY_FOR_FILES = Words("-o 只用于 --format csv、xlsx 或 html；终端汇总（--format rich）直接显示。",
                              "-o is for --format csv, xlsx or html; the terminal summary (--format rich) is shown directly.")
DASK_NEEDS_SCHEDULER = Words("--engine dask 需要 --scheduler 地址。", "--engine dask needs --scheduler ADDRESS.")
SCHEDULER_NEEDS_DASK = Words("--scheduler 只用于 --engine dask。", "--scheduler is for --engine dask only.")
STDIN_ALONE = Words("标准输入（-）只能单独检查：不与其他文件、目录一起，也不用 --db 或 --format csv/xlsx/html。",
                    "Standard input (-) is checked alone: not with other files or folders, --db or --format csv/xlsx/html.")
NO_RULE_PREFIX = Words("{option}：没有以 {prefix} 开头的规则（用 govcheck rules 查看）。",
                       "{option}: no rule code starts with {prefix} (govcheck rules lists them).")
PAIR_MISSING = Words("--pair {path}：文件不存在。", "--pair {path}: no such file.")
PAIR_FOLDER = Words("--pair {path}：这是一个目录，--pair 指定两个报告文件。", "--pair {path}: this is a folder; --pair names two report files.")
PAIR_SAME = Words("--pair 的两个文件是同一个（{path}）：请给出今年的报告和上年的报告。",
                  "--pair names the same file twice ({path}): give this year's report and last year's.")
NO_DATABASE = Words("{db}：数据库不存在。", "{db}: no such database.")
BASELINE_FOLDER = Words("--write-baseline {path}：这是一个目录，基线写入一个文件。",
                        "--write-baseline {path}: this is a folder; the baseline is written to a file.")
BASELINE_NO_FOLDER = Words("--write-baseline {path}：所在的目录不存在。", "--write-baseline {path}: its folder does not exist.")

# the values' own problems, said after the option's name
NOT_EMPTY = Words("不能为空", "must not be empty")
WHOLE_NUMBER = Words("应为 {low} 到 {high} 之间的整数（收到 {text!r}）", "should be a whole number from {low} to {high} (got {text!r})")
JOBS = Words("应为 1 到 {high} 之间的整数（本机 {cpus} 个 CPU 核，最多用其{per}倍；收到 {text!r}）",
             "should be a whole number from 1 to {high} ({cpus} CPU cores here, at most {per} times that; got {text!r})")
SECONDS = Words("时间上限应为正数（秒），不超过 {high:g}，例如 60（收到 {text!r}）",
                "the time limit should be a positive number of seconds, at most {high:g}, such as 60 (got {text!r})")
DATE = Words("日期应写成 YYYY-MM-DD，例如 2025-01-20（收到 {text!r}）", "dates are written YYYY-MM-DD, such as 2025-01-20 (got {text!r})")
WIDTH = Words("宽度应为 40 到 {high} 之间的整数（收到 {text!r}）", "the width should be a whole number from 40 to {high} (got {text!r})")
NO_CODES = Words("没有给出规则代码（代码前缀，逗号分隔，如 ARI,STR001）",
                 "no rule code given (code prefixes, comma-separated, such as ARI,STR001)")
NO_FOLDER_HERE = Words("目录 {path} 不存在", "no such folder: {path}")
NOT_A_FOLDER = Words("{path} 不是目录", "{path} is not a folder")


# -- the options objects ----------------------------------------------------------------------
@dataclass(frozen=True)
class CheckArgs:
    """`govcheck check`: the attribute names are argparse's (dest), as the run code reads them."""
    paths: tuple[str, ...]
    format: str
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    fail_on: str
    exit_zero: bool
    published: date | None
    output: str | None
    force: bool
    width: int | None
    brief: bool
    debug: bool
    jobs: int | None
    timeout: float
    db: str | None
    pair: tuple[tuple[str, str], ...]
    baseline: str | None
    write_baseline: str | None
    engine: str
    scheduler: str | None
    rule_dirs: tuple[Path, ...]
    lang: str
    command: str = "check"


@dataclass(frozen=True)
class ReportArgs:
    """`govcheck report`: a results database summarised, or written out (-o)."""
    db: str
    top: int
    width: int | None
    format: str
    output: str | None
    force: bool
    debug: bool
    lang: str
    command: str = "report"


@dataclass(frozen=True)
class RulesArgs:
    """`govcheck rules [CODE]`: the rule catalogue, or one rule explained."""
    code: str | None
    width: int | None
    rule_dirs: tuple[Path, ...]
    debug: bool
    lang: str
    command: str = "rules"


Options = CheckArgs | ReportArgs | RulesArgs


def rule_folders(args: CheckArgs) -> tuple[Path, ...]:
    """The packs' folders (--rules), absolute: the validation here, the batch workers and the
    store all name them alike."""
    return tuple(folder.resolve() for folder in args.rule_dirs)


def is_batch(args: CheckArgs) -> bool:
    """One report on the terminal or as one JSON object, with at most its last year's
    report beside it; anything else is a run over many files (records, outputs, store)."""
    named = {p for p in args.paths} | {pair[0] for pair in args.pair}
    return (bool(args.db) or args.format in FILE_FORMATS or args.engine != "local" or len(named) != 1
            or any(Path(p).is_dir() or is_pattern(p) for p in named))


# -- reading argv -----------------------------------------------------------------------------
def parse(argv: Sequence[str]) -> Options | int:
    """The options of a command line, validated; or the exit status once --help or
    --version has been answered. A bad command line raises UsageError (one sentence)."""
    with _argparse_speaking():
        parser = build_parser()
        try:
            namespace = parser.parse_args(list(argv))
        except SystemExit as exc:   # --help, --version: said, nothing to run
            return int(exc.code or 0)
    values = vars(namespace)
    if namespace.command == "check":
        check = CheckArgs(**_known(CheckArgs, values, select=tuple(namespace.select or ()),
                                   ignore=tuple(namespace.ignore or ()), paths=tuple(namespace.paths),
                                   pair=tuple((this, last) for this, last in namespace.pair),
                                   rule_dirs=tuple(namespace.rule_dirs)))
        _validate_check(check)
        return check
    if namespace.command == "report":
        report = ReportArgs(**_known(ReportArgs, values))
        _validate_report(report)
        return report
    return RulesArgs(**_known(RulesArgs, values, rule_dirs=tuple(namespace.rule_dirs)))


def _known(cls: type, values: dict, **changed: object) -> dict:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in {**values, **changed}.items() if k in names}


_NO_LINE_START = set("，。；：、）」』？！")   # stays at the end of the line before


def _columns(text: str) -> int:
    """Terminal columns `text` takes: a Chinese character takes two."""
    return len(text) + sum(unicodedata.east_asian_width(c) in "WF" for c in text)


class _Formatter(argparse.HelpFormatter):
    """argparse's help laid out by terminal columns, not characters, so Chinese option
    names line up and Chinese help wraps at the terminal's width."""

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            invocation = self._format_action_invocation(action)
            self._action_max_length = max(self._action_max_length, _columns(invocation) + self._current_indent)

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        head = " " * self._current_indent + self._format_action_invocation(action)
        wide = _columns(head) - len(head)
        rest = text[len(head):]
        if not wide or not text.startswith(head) or rest.startswith("\n"):
            return text
        padding = len(rest) - len(rest.lstrip(" "))
        if padding - wide >= 2:
            return head + rest[wide:]
        position = min(self._action_max_length + 2, self._max_help_position)   # too wide: help on the next line
        return head + "\n" + " " * position + rest.lstrip(" ")

    def format_help(self) -> str:
        text = super().format_help()
        return re.sub(r"(?m)^(\S[^\n:]*):$", Words(r"\1：", r"\1:").chosen(), text)   # section headings: 选项：

    def _split_lines(self, text: str, width: int) -> list[str]:
        text = " ".join(text.split())
        if _columns(text) == len(text):
            return super()._split_lines(text, width)
        lines, line = [], ""
        for token in re.findall(r"[!-~]+|\s+|.", text):   # an ASCII word stays whole; a Chinese character may break
            if not line or _columns(line + token.rstrip()) <= width:
                line += token
            elif token not in _NO_LINE_START:
                lines.append(line.rstrip())
                line = token.lstrip()
            elif len(line) > 1 and not line[-1].isascii() and line[-1] not in _NO_LINE_START:
                lines.append(line[:-1].rstrip())      # the character before goes down with it
                line = line[-1] + token
            else:
                line += token
        return [*lines, line.rstrip()] if line.strip() else lines


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        """argparse's complaint as govcheck's one sentence (no usage block), exit 2."""
        raise UsageError(BAD_OPTION(message=message))


@contextmanager
def _argparse_speaking() -> Iterator[None]:
    """argparse's gettext calls answered in the run's language while the block runs."""
    def gettext(message: str) -> str:
        if not isinstance(message, str):    # argparse passes a missing description through too
            return message
        return Words(_ARGPARSE.get(message, message), message).chosen()   # %-templates: not str.format

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    before = argparse._, argparse.ngettext   # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext, ngettext   # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = before   # type: ignore[attr-defined]


# -- value types: each problem is said after the option's name ---------------------------------
def _text(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError(NOT_EMPTY())
    return text


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(DATE(text=text)) from None


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds <= MAX_SECONDS:      # NaN fails too
        raise argparse.ArgumentTypeError(SECONDS(high=MAX_SECONDS, text=text))
    return seconds


def _codes(text: str) -> tuple[str, ...]:
    codes = tuple(c.strip() for c in text.split(",") if c.strip())
    if not codes:
        raise argparse.ArgumentTypeError(NO_CODES())
    return codes


def _whole(text: str, low: int, high: int) -> int | None:
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and low <= int(text) <= high else None


def _width(text: str) -> int:
    width = _whole(text, 40, MAX_WIDTH)
    if width is None:
        raise argparse.ArgumentTypeError(WIDTH(high=MAX_WIDTH, text=text))
    return width


def _jobs(text: str) -> int:
    jobs = _whole(text, 1, max_jobs())
    if jobs is None:
        raise argparse.ArgumentTypeError(JOBS(high=max_jobs(), cpus=os.cpu_count() or 1, per=JOBS_PER_CPU, text=text))
    return jobs


def _top(text: str) -> int:
    top = _whole(text, 1, MAX_TOP)
    if top is None:
        raise argparse.ArgumentTypeError(WHOLE_NUMBER(low=1, high=MAX_TOP, text=text))
    return top


def _folder(text: str) -> Path:
    path = Path(_text(text))
    if not path.exists():
        raise argparse.ArgumentTypeError(NO_FOLDER_HERE(path=text))
    if not path.is_dir():
        raise argparse.ArgumentTypeError(NOT_A_FOLDER(path=text))
    return path


# -- the parser -------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the run's language (built inside _argparse_speaking)."""
    parser = _Parser(prog="govcheck", description=Words(
        "检查政府信息公开工作年度报告", "check government information-disclosure annual reports")())
    parser.add_argument("--version", action="version", version=f"govcheck {__version__}",
                        help=Words("显示版本号并退出", "show the version and exit")())
    _add_lang(parser, default=language())
    sub = parser.add_subparsers(dest="command", required=True, title=Words("命令", "commands")(),
                                metavar=Words("命令", "COMMAND")())
    _check_parser(sub)
    _report_parser(sub)
    _rules_parser(sub)
    return parser


def _add_lang(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default=default, help=Words(
        "govcheck 自己的说明和提示所用的语言：zh 中文（默认），en 英文；也可设环境变量 GOVCHECK_LANG。"
        "规则的检查结果始终是中文",
        "the language of govcheck's own help and sentences: zh Chinese (the default) or en English; "
        "or set GOVCHECK_LANG. Rule findings are always in Chinese")())


def _add_common(parser: argparse.ArgumentParser) -> None:
    _add_lang(parser, default=argparse.SUPPRESS)   # after the command too; the top level's value stands otherwise
    parser.add_argument("--width", type=_width, default=None, metavar=Words("列数", "COLUMNS")(),
                        help=Words(f"终端宽度（40到{MAX_WIDTH}，默认自动）", f"terminal width (40 to {MAX_WIDTH}; automatic by default)")())
    parser.add_argument("--debug", action="store_true",
                        help=Words("出错时显示完整的回溯信息", "show the whole traceback on an internal error")())


def _add_rule_dirs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", dest="rule_dirs", type=_folder, action="append", default=[],
                        metavar=Words("目录", "DIR")(), help=Words(
                            "在全国规则之上加一组规则文件（规则包，可重复）", "add a pack of rule files over the national rules (repeatable)")())


def _check_parser(sub: argparse._SubParsersAction) -> None:
    file, path = Words("文件", "FILE")(), Words("路径", "PATH")()
    check = sub.add_parser("check", help=Words("检查一个或多个报告文件", "check report files")(),
                           description=Words("检查一个或多个报告文件（PDF、网页、Word、文本）",
                                             "check report files (PDF, HTML, Word, text)")())
    check.add_argument("paths", nargs="*", metavar=path, help=Words(
        "文件、目录或通配符（目录递归查找）；- 为标准输入", "files, folders or glob patterns (folders walked); - is standard input")())
    check.add_argument("--format", choices=list(REPORTERS), default="rich", help=Words(
        "输出格式：rich 终端、json（JSON Lines）、csv（-o 目录）、xlsx（-o 文件）、html（-o 目录）",
        "output: rich terminal, json (JSON Lines), csv (-o folder), xlsx (-o file), html (-o folder)")())
    codes = Words("代码", "CODES")()
    check.add_argument("--select", type=_codes, default=(), metavar=codes, help=Words(
        "只运行这些规则（代码前缀，逗号分隔），如 ARI,STR001", "run only these rules (code prefixes, comma-separated), such as ARI,STR001")())
    check.add_argument("--ignore", type=_codes, default=(), metavar=codes, help=Words(
        "不运行这些规则（代码前缀，逗号分隔）", "do not run these rules (code prefixes, comma-separated)")())
    check.add_argument("--fail-on", choices=[s.value for s in Severity], default="error", help=Words(
        "达到此级别的问题时退出码为1（默认 error）", "exit 1 on findings at this level or above (default: error)")())
    check.add_argument("--exit-zero", action="store_true", help=Words("有问题也以0退出", "exit 0 even with findings")())
    check.add_argument("--published", type=_date, metavar="YYYY-MM-DD", help=Words(
        "报告的公布日期（用于核对第四十九条的公布期限；优先于文件中找到的日期）",
        "the report's publication date (for the article 49 deadline; before any date found in the file)")())
    check.add_argument("--output", "-o", type=_text, metavar=file, help=Words(
        "写入文件或目录而不是标准输出", "write to a file or folder instead of standard output")())
    check.add_argument("--force", action="store_true", help=Words(
        "-o 指向的目录不是空的、也不是 govcheck 的输出目录时，仍写入（替换同名文件）",
        "write into an -o folder that is not empty and not govcheck's (files of the same name are replaced)")())
    check.add_argument("--brief", action="store_true", help=Words(
        "不画统计表，只列章节和问题", "no tables drawn: the sections and findings only")())
    check.add_argument("--jobs", "-j", type=_jobs, default=None, metavar=Words("个数", "N")(), help=Words(
        f"批量检查时同时运行的进程数（默认：CPU核数，最多其{JOBS_PER_CPU}倍）",
        f"processes run at once over many files (default: the CPU cores; at most {JOBS_PER_CPU} times that)")())
    check.add_argument("--timeout", type=_seconds, default=60.0, metavar=Words("秒", "SECONDS")(), help=Words(
        "每个文件的时间上限（秒，默认60）", "the time limit for each file (seconds, default 60)")())
    check.add_argument("--db", type=_text, metavar=file, help=Words(
        "把结果写入 SQLite 数据库；重跑时跳过内容和版本都未变的文件",
        "store the results in an SQLite database; a rerun skips files whose content and version are unchanged")())
    check.add_argument("--pair", nargs=2, type=_text, action="append", default=[],
                       metavar=(Words("今年", "THIS")(), Words("上年", "LAST")()), help=Words(
                           "指定今年的报告与上年的报告对照（不指定时按机关名称和年度自动配对）",
                           "set this year's report beside last year's (otherwise paired by body and year)")())
    check.add_argument("--baseline", type=_text, metavar=file, help=Words(
        "只报告不在此基线文件中的问题（已审阅、已接受的问题不再列出）",
        "report only findings not in this baseline file (reviewed, accepted findings are not listed again)")())
    check.add_argument("--write-baseline", type=_text, metavar=file, help=Words(
        "把本次发现的全部问题写成基线文件（标记为已审阅）", "write every finding of this run to a baseline file (marked reviewed)")())
    check.add_argument("--engine", choices=("local", "dask"), default="local", help=Words(
        "local：本机多进程（默认）；dask：发送到 --scheduler 指定的 Dask 集群",
        "local: processes on this machine (default); dask: the Dask cluster at --scheduler")())
    check.add_argument("--scheduler", type=_text, metavar=Words("地址", "ADDRESS")(), help=Words(
        "Dask 调度器地址，如 tcp://10.0.0.5:8786", "the Dask scheduler's address, such as tcp://10.0.0.5:8786")())
    _add_rule_dirs(check)
    _add_common(check)


def _report_parser(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser("report", help=Words("汇总结果数据库", "summarise a results database")(),
                            description=Words("汇总 check --db 写下的结果数据库，或把其中的全部结果写到 -o",
                                              "summarise a results database written by check --db, or write all of it to -o")())
    report.add_argument("--db", required=True, type=_text, metavar=Words("文件", "FILE")(),
                        help=Words("结果数据库（check --db 写下的）", "the results database (written by check --db)")())
    report.add_argument("--top", type=_top, default=20, metavar=Words("个数", "N")(),
                        help=Words("列出错误最多的前N个文件（默认20）", "list the N files with most errors (default 20)")())
    report.add_argument("--format", choices=("rich", *FILE_FORMATS), default="rich", help=Words(
        "rich：终端汇总（默认）；csv/xlsx/html：把数据库中的全部结果写到 -o",
        "rich: a terminal summary (default); csv/xlsx/html: every stored result written to -o")())
    report.add_argument("--output", "-o", type=_text, metavar=Words("路径", "PATH")(),
                        help=Words("csv、html 写入的目录，或 xlsx 写入的文件", "the folder csv and html write, or the file xlsx writes")())
    report.add_argument("--force", action="store_true", help=Words(
        "-o 指向的目录不是空的、也不是 govcheck 的输出目录时，仍写入（替换同名文件）",
        "write into an -o folder that is not empty and not govcheck's (files of the same name are replaced)")())
    _add_common(report)


def _rules_parser(sub: argparse._SubParsersAction) -> None:
    rules = sub.add_parser("rules", help=Words("列出规则，或说明一条规则", "list the rules, or explain one")(),
                           description=Words("列出全部规则，或说明一条规则（检查什么、为什么、例子）",
                                             "list every rule, or explain one (what, why, an example)")())
    rules.add_argument("code", nargs="?", metavar=Words("规则代码", "CODE")(),
                       help=Words("要说明的规则，如 ARI003", "the rule to explain, such as ARI003")())
    _add_rule_dirs(rules)
    _add_common(rules)


# -- what one value cannot say alone ------------------------------------------------------------
def _refuse(sentence: str | None) -> None:
    if sentence:
        raise UsageError(sentence)


def _validate_check(args: CheckArgs) -> None:
    """Every option of `check` against the others and the file system, in one place."""
    _refuse(_check_problem(args))
    if args.output:
        _refuse(destination_problem(args.format, args.output, args.force))   # before anything is checked
    if args.baseline:
        Baseline.load(args.baseline)    # missing or not a baseline: its sentence (BaselineError)


def _check_problem(args: CheckArgs) -> str | None:
    if not args.paths and not args.pair:
        return NOTHING_TO_CHECK()
    if any(not p for p in args.paths):
        return EMPTY_PATH()
    if args.format in FILE_FORMATS and not args.output:
        return NEEDS_OUTPUT(fmt=args.format, what=OUTPUT_KIND["file" if args.format == "xlsx" else "folder"]())
    if args.engine == "dask" and not args.scheduler:
        return DASK_NEEDS_SCHEDULER()
    if args.scheduler and args.engine != "dask":
        return SCHEDULER_NEEDS_DASK()
    if STDIN in args.paths and is_batch(args):
        return STDIN_ALONE()
    for this, last in args.pair:
        for path in (this, last):
            if not os.path.lexists(path):
                return PAIR_MISSING(path=path)
            if os.path.isdir(path):
                return PAIR_FOLDER(path=path)
        if os.path.abspath(this) == os.path.abspath(last):
            return PAIR_SAME(path=this)
    problem = _rule_prefix_problem(args)
    if problem:
        return problem
    if args.db:
        problem = _database_place_problem(args.db)
        if problem:
            return problem
    if args.write_baseline:
        target = Path(args.write_baseline)
        if target.is_dir():
            return BASELINE_FOLDER(path=args.write_baseline)
        if not target.resolve().parent.is_dir():
            return BASELINE_NO_FOLDER(path=args.write_baseline)
    if args.output and not Path(args.output).resolve().parent.is_dir():   # a csv/html folder is made; its parent must exist
        return OUTPUT_FOLDER_MISSING(output=args.output)
    return None


def _rule_prefix_problem(args: CheckArgs) -> str | None:
    from .engine import load_rule_set  # here, not above: --help and --version load no rules

    rules = load_rule_set(rule_folders(args))   # a bad rule file: exit 2 here, before anything is checked
    for option, prefixes in (("--select", args.select), ("--ignore", args.ignore)):
        for prefix in prefixes:
            if not rules.selected([prefix]):
                return NO_RULE_PREFIX(option=option, prefix=prefix)
    return None


def _database_place_problem(db: str) -> str | None:
    """What the path of --db cannot be, said before anything is checked (store_file says
    the rest when it opens the file)."""
    path = Path(db)
    if path.is_dir():
        return IS_FOLDER(db=db)
    if not path.exists() and not path.resolve().parent.is_dir():
        return NO_FOLDER(db=db)
    return None


def _validate_report(args: ReportArgs) -> None:
    path = Path(args.db)
    _refuse(IS_FOLDER(db=args.db) if path.is_dir() else None)
    _refuse(NO_DATABASE(db=args.db) if not path.is_file() else None)
    if args.format in FILE_FORMATS and not args.output:
        _refuse(NEEDS_OUTPUT(fmt=args.format, what=OUTPUT_KIND["place"]()))
    if args.format not in FILE_FORMATS and args.output:
        _refuse(OUTPUT_ONLY_FOR_FILES())
    if args.output:
        _refuse(destination_problem(args.format, args.output, args.force))

