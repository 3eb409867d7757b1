"""Issue 12, item 6: the options of every command are validated in one place; a bad value
is one sentence naming the option, exit status 2, never an internal error (3)."""
from __future__ import annotations

import json
from datetime import date

import pytest

from checker import cli, exit_codes
from checker.options import CheckArgs, RulesArgs, max_jobs, parse

from .conftest import PINGTAN, ROOT, SEED

SAMPLE = str(SEED)


def run(argv, capsys):
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


# (argv, the key part of its sentence) for every option given a bad value; {names} are the
# files the test makes (see `places`)
CASES = [
    # check: numbers
    (["check", "{seed}", "--jobs", "-1"], "--jobs/-j：应为 1 到 {max_jobs} 之间的整数"),
    (["check", "{seed}", "--jobs", "0"], "--jobs/-j：应为 1 到"),
    (["check", "{seed}", "-j", "abc"], "--jobs/-j：应为 1 到"),
    (["check", "{seed}", "--jobs", "100000"], "收到 '100000'"),
    (["check", "{seed}", "--jobs", "1.5"], "--jobs/-j：应为 1 到"),
    (["check", "{seed}", "--timeout", "abc"], "--timeout：时间上限应为正数"),
    (["check", "{seed}", "--timeout", "-5"], "--timeout：时间上限应为正数"),
    (["check", "{seed}", "--timeout", "0"], "--timeout：时间上限应为正数"),
    (["check", "{seed}", "--timeout", "1e300"], "不超过 86400"),
    (["check", "{seed}", "--timeout", "nan"], "--timeout：时间上限应为正数"),
    (["check", "{seed}", "--timeout", "inf"], "--timeout：时间上限应为正数"),
    (["check", "{seed}", "--width", "10"], "--width：宽度应为 40 到 1000 之间的整数（收到 '10'）"),
    (["check", "{seed}", "--width", "-80"], "--width：宽度应为 40 到 1000"),
    (["check", "{seed}", "--width", "100000000"], "--width：宽度应为 40 到 1000"),
    (["check", "{seed}", "--width", "wide"], "--width：宽度应为"),
    (["check", "{seed}", "--published", "2025-13-45"], "--published：日期应写成 YYYY-MM-DD，例如 2025-01-20（收到 '2025-13-45'）"),
    (["check", "{seed}", "--published", ""], "--published：日期应写成 YYYY-MM-DD"),
    # check: choices, missing values, unknown options
    (["check", "{seed}", "--format", "yaml"], "--format：无效的取值 'yaml'（可选："),
    (["check", "{seed}", "--fail-on", "fatal"], "--fail-on：无效的取值 'fatal'"),
    (["check", "{seed}", "--engine", "spark"], "--engine：无效的取值 'spark'"),
    (["check", "{seed}", "--jobs"], "--jobs/-j：需要一个取值"),
    (["check", "{seed}", "--pair", "{seed}"], "--pair：需要 2 个取值"),
    (["check", "{seed}", "--bogus"], "无法识别的参数：--bogus"),
    (["bogus"], "命令：无效的取值 'bogus'"),
    ([], "缺少必需的参数：命令"),
    (["--lang", "fr", "check", "{seed}"], "--lang：无效的取值 'fr'"),
    # check: rule codes
    (["check", "{seed}", "--select", ""], "--select：没有给出规则代码"),
    (["check", "{seed}", "--ignore", " , "], "--ignore：没有给出规则代码"),
    (["check", "{seed}", "--select", "ZZZ"], "--select：没有以 ZZZ 开头的规则"),
    (["check", "{seed}", "--ignore", "ARI999"], "--ignore：没有以 ARI999 开头的规则"),
    # check: files and folders named by options
    (["check"], "请给出要检查的文件、目录或 --pair。"),
    (["check", ""], "要检查的文件名是空的。"),
    (["check", "{seed}", "-o", ""], "--output/-o：不能为空"),
    (["check", "{seed}", "-o", "{missing}/out.json"], "输出目录不存在"),
    (["check", "{seed}", "--format", "xlsx"], "--format xlsx 需要用 -o 指定输出文件。"),
    (["check", "{seed}", "--format", "csv"], "--format csv 需要用 -o 指定输出目录。"),
    (["check", "{seed}", "--format", "csv", "-o", "{notes}"], "这是一个文件，--format csv 写入一个目录。"),
    (["check", "{seed}", "--format", "xlsx", "-o", "{folder}"], "这是一个目录，--format xlsx 写入一个文件。"),
    (["check", "{seed}", "--db", "{folder}"], "{folder}：这是一个目录，不是数据库文件。"),
    (["check", "{seed}", "--db", "{missing}/x.sqlite"], "数据库所在的目录不存在。"),
    (["check", "{seed}", "--db", ""], "--db：不能为空"),
    (["check", "{seed}", "--baseline", "{missing}"], "{missing}：基线文件不存在（先用 --write-baseline 生成）。"),
    (["check", "{seed}", "--baseline", "{corrupt}"], "{corrupt}：不是 govcheck 的基线文件。"),
    (["check", "{seed}", "--baseline", "{other}"], "不是 govcheck 的基线文件。"),
    (["check", "{seed}", "--write-baseline", "{folder}"], "--write-baseline {folder}：这是一个目录"),
    (["check", "{seed}", "--write-baseline", "{missing}/b.json"], "所在的目录不存在。"),
    (["check", "--pair", "{seed}", "{missing}"], "--pair {missing}：文件不存在。"),
    (["check", "--pair", "{seed}", "{folder}"], "--pair {folder}：这是一个目录"),
    (["check", "--pair", "{seed}", "{seed}"], "--pair 的两个文件是同一个"),
    (["check", "{seed}", "--rules", "{missing}"], "--rules：目录 {missing} 不存在"),
    (["check", "{seed}", "--rules", "{seed}"], "--rules：{seed} 不是目录"),
    # check: options that contradict each other
    (["check", "{seed}", "--engine", "dask"], "--engine dask 需要 --scheduler 地址。"),
    (["check", "{seed}", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler 只用于 --engine dask。"),
    (["check", "-", "{seed}"], "标准输入（-）只能单独检查"),
    # report
    (["report"], "缺少必需的参数：--db"),
    (["report", "--db", "{missing}"], "{missing}：数据库不存在。"),
    (["report", "--db", "{folder}"], "{folder}：这是一个目录，不是数据库文件。"),
    (["report", "--db", "{seed}", "--top", "-5"], "--top：应为 1 到 1000000 之间的整数（收到 '-5'）"),
    (["report", "--db", "{seed}", "--top", "0"], "--top：应为 1 到"),
    (["report", "--db", "{seed}", "--top", "many"], "--top：应为 1 到"),
    (["report", "--db", "{seed}", "--top", "99999999999999999999999"], "--top：应为 1 到"),
    (["report", "--db", "{seed}", "--width", "10"], "--width：宽度应为"),
    (["report", "--db", "{seed}", "--format", "pdf"], "--format：无效的取值 'pdf'"),
    (["report", "--db", "{seed}", "--format", "xlsx"], "--format xlsx 需要用 -o 指定输出位置。"),
    (["report", "--db", "{seed}", "-o", "{folder}/x.csv"], "-o 只用于 --format csv、xlsx 或 html"),
    (["report", "--db", "{seed}", "--format", "csv", "-o", "{notes}"], "这是一个文件，--format csv 写入一个目录。"),
    # rules
    (["rules", "--width", "5"], "--width：宽度应为 40 到 1000 之间的整数（收到 '5'）"),
    (["rules", "--rules", "{missing}"], "--rules：目录 {missing} 不存在"),
    (["rules", "ARI", "extra"], "无法识别的参数：extra"),
    (["rules", "NOPE999"], "没有规则 NOPE999"),
]


@pytest.fixture
def places(tmp_path):
    corrupt, other, notes = tmp_path / "corrupt.json", tmp_path / "other.json", tmp_path / "notes.txt"
    corrupt.write_text("{not json", encoding="utf-8")
    other.write_text(json.dumps({"version": 99}), encoding="utf-8")
    notes.write_text("记事", encoding="utf-8")
    return {"seed": SAMPLE, "folder": str(tmp_path), "missing": str(tmp_path / "missing"), "corrupt": str(corrupt),
            "other": str(other), "notes": str(notes), "max_jobs": max_jobs()}


@pytest.mark.parametrize(("argv", "sentence"), CASES, ids=[" ".join(a) or "(nothing)" for a, _ in CASES])
def test_a_bad_value_is_one_sentence_naming_the_option_and_exit_two(argv, sentence, places, capsys):
    status, out, err = run([a.format(**places) for a in argv], capsys)
    assert status == exit_codes.BAD_INPUT, err
    assert sentence.format(**places) in err, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err and "usage" not in err.lower()
    assert out == ""


def test_the_options_are_one_frozen_object():
    pack = ROOT / "rules" / "packs" / "example_city"
    args = parse(["check", SAMPLE, "--select", "ARI,STR001", "-j", "2", "--timeout", "1.5",
                  "--pair", SAMPLE, str(PINGTAN), "--rules", str(pack), "--published", "2025-01-20"])
    assert isinstance(args, CheckArgs)
    assert args.select == ("ARI", "STR001") and args.ignore == () and args.jobs == 2 and args.timeout == 1.5
    assert args.rule_dirs == (pack,) and args.paths == (SAMPLE,) and args.pair == ((SAMPLE, str(PINGTAN)),)
    assert args.published == date(2025, 1, 20) and args.format == "rich" and args.lang == "zh"
    with pytest.raises(AttributeError):
        args.jobs = 3   # type: ignore[misc]
    rules = parse(["rules", "ARI003"])
    assert isinstance(rules, RulesArgs) and rules.code == "ARI003" and rules.rule_dirs == ()


def test_help_and_version_exit_zero(capsys):
    for argv in (["--help"], ["check", "--help"], ["report", "-h"], ["rules", "--help"], ["--version"]):
        status, out, err = run(argv, capsys)
        assert status == exit_codes.OK and out and err == ""
