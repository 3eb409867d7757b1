"""Issue 12, item 7 (the command line): --help, argparse's own words and every sentence on
stderr are Chinese, with no English copy beside them; `--lang en` (or GOVCHECK_LANG=en)
gives the English of govcheck's own sentences for whoever asks. Rule findings stay Chinese."""
from __future__ import annotations

import json
import re

import pytest

from checker import cli, exit_codes
from checker.words import Words, asked_language, language

from .conftest import HTML_SAMPLES, ROOT, SEED
from .test_cli import BAD_INPUTS
from .test_options import CASES, places  # noqa: F401  (the fixture the bad options need)

ERRORS = next(p for p in HTML_SAMPLES if p.stem == "county_2024_errors")
BAD_PDFS = sorted((ROOT / "samples" / "bad").glob("*.pdf"))
# ASCII a Chinese run may show: format and program names, option values, words of examples
ALLOWED = {"PDF", "HTML", "Word", "SQLite", "JSON", "Lines", "CSV", "XLSX", "UTF", "GBK", "GB", "OCR", "OFD", "XML",
           "Dask", "CPU", "govcheck", "check", "report", "rules", "rich", "json", "csv", "xlsx", "html", "error",
           "warning", "info", "local", "dask", "zh", "en", "GOVCHECK_LANG", "YYYY", "MM", "DD", "docx", "doc",
           "pdf", "txt", "png", "bin", "zip"}


def run(argv, capsys):
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def english(text: str, *names: object) -> list[str]:
    """The ASCII words of `text` that are not an option, a file named, a choice, a quoted
    value, a rule code or an allowed name: what would be English for a person."""
    for name in sorted(map(str, names), key=len, reverse=True):
        if not name.startswith("-"):
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", "", text)
    text = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", "", text)      # option names
    text = re.sub(r"\{[^}]*\}|'[^']*'|tcp://\S+", "", text)    # choices, quoted values, addresses
    text = re.sub(r"\b[A-Z]{3}\d{0,3}\b", "", text)              # rule codes and prefixes
    return [w for w in re.findall(r"[A-Za-z][A-Za-z_]+", text) if w not in ALLOWED]


@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"], ["report", "--help"], ["rules", "--help"], []])
def test_help_and_usage_are_chinese(argv, capsys):
    _, out, err = run(argv, capsys)
    assert out + err and english(out + err) == []
    assert ("用法：govcheck" in out and "\n选项：\n" in out) or "缺少必需的参数" in err


@pytest.mark.parametrize(("argv", "sentence"), CASES, ids=[" ".join(a) or "(nothing)" for a, _ in CASES])
def test_bad_options_are_said_in_chinese_only(argv, sentence, places, capsys):  # noqa: F811
    argv = [a.format(**places) for a in argv]
    _, out, err = run(argv, capsys)
    assert err and english(out + err, *argv) == [], err


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_files_that_cannot_be_checked_are_said_in_chinese_only(name, tmp_path, capsys):
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    status, out, err = run(["check", path], capsys)
    assert status == exit_codes.BAD_INPUT and english(out + err, path) == [], err


@pytest.mark.parametrize("path", BAD_PDFS, ids=[p.name for p in BAD_PDFS])
def test_encrypted_damaged_and_scanned_pdfs_are_said_in_chinese_only(path, capsys):
    status, out, err = run(["check", path], capsys)
    assert status == exit_codes.BAD_INPUT and err and english(out + err, path) == [], err


def test_missing_files_folders_and_stores_are_said_in_chinese_only(tmp_path, capsys):
    (tmp_path / "store").mkdir()
    (tmp_path / "empty").mkdir()
    (tmp_path / "store" / "notes.txt").write_text("不是数据库" * 30, encoding="utf-8")
    for argv in (["check", tmp_path / "nope.html"], ["check", tmp_path / "empty"], ["report", "--db", tmp_path / "x.sqlite"],
                 ["check", SEED, "--db", tmp_path / "store" / "notes.txt"], ["rules", "XYZ999"]):
        status, out, err = run(argv, capsys)
        assert status == exit_codes.BAD_INPUT and err and english(out + err, *argv) == [], err


def test_lang_en_gives_the_english_sentence(tmp_path, capsys):
    missing = tmp_path / "nope.html"
    assert run(["--lang", "en", "check", missing], capsys)[2] == f"{missing}: no such file.\n"
    assert run(["check", missing, "--lang", "en"], capsys)[2] == f"{missing}: no such file.\n"   # after the command too
    status, _, err = run(["--lang", "en", "check", SEED, "--jobs", "-1"], capsys)
    assert status == exit_codes.BAD_INPUT and err.startswith("argument --jobs/-j: should be a whole number from 1 to ")
    assert run(["--lang", "en", "check"], capsys)[2] == "Name files, folders or --pair to check.\n"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run(["--lang", "en", "check", empty], capsys)[2] == f"{empty}: the file is empty.\n"   # said in the checking child
    bad = ROOT / "samples" / "bad" / "encrypted.pdf"
    assert run(["--lang", "en", "check", bad], capsys)[2] == f"{bad}: the PDF is encrypted and needs a password.\n"
    assert run(["--lang=en", "report", "--db", missing], capsys)[2] == f"{missing}: no such database.\n"
    _, out, _ = run(["--lang", "en", "check", "--help"], capsys)
    assert out.startswith("usage: govcheck check") and "show this help message and exit" in out
    assert "Rule findings are always in Chinese" in out
    assert re.search("[\u4e00-\u9fff]", out) is None   # no Chinese left in the English help
    assert language() == "zh"                          # the run's language ends with the run
    assert run(["check", missing], capsys)[2] == f"{missing}：文件不存在。\n"


def test_govcheck_lang_in_the_environment(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GOVCHECK_LANG", "en")
    missing = tmp_path / "nope.html"
    assert run(["check", missing], capsys)[2] == f"{missing}: no such file.\n"
    assert run(["--lang", "zh", "check", missing], capsys)[2] == f"{missing}：文件不存在。\n"   # the option wins
    assert asked_language([], {"GOVCHECK_LANG": "fr"}) == "zh"


def test_rule_findings_stay_chinese_with_lang_en(capsys):
    status, out, _ = run(["--lang", "en", "check", ERRORS, "--format", "json"], capsys)
    record = json.loads(out)
    assert status == exit_codes.FINDINGS and record["findings"]
    assert all(re.search("[\u4e00-\u9fff]", f["message"]) for f in record["findings"])


def test_words_choose_by_the_run_language():
    words = Words("{path}：文件不存在。", "{path}: no such file.")
    assert words(path="a.txt") == "a.txt：文件不存在。"
    from checker.words import speaking
    with speaking("en"):
        assert words(path="a.txt") == "a.txt: no such file."
    assert words.chosen() == "{path}：文件不存在。"


@pytest.mark.parametrize("command", [[], ["check"], ["report"], ["rules"]])
def test_chinese_help_lines_up_and_fits_the_terminal(command, capsys, monkeypatch):
    from checker.options import _columns
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = run([*command, "--help"], capsys)
    lines = out[out.index("\n\n"):].splitlines()          # after the usage block (argparse's own wrapping)
    assert max(_columns(line) for line in lines) <= 80      # a Chinese character takes two columns
    helped = [re.match(r"(  -\S.*?\s{2,})\S", line) for line in lines]
    assert len({_columns(m.group(1)) for m in helped if m}) == 1   # every option's help starts in one column
