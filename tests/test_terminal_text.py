"""Issue 11, items 1 and 2: text from a report never acts on the terminal. Escape codes and
other control characters are shown as escapes, and console markup is shown as typed, in
`check`, the batch summary, `report --db` and the sentences on stderr."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import cli, exit_codes
from checker.reporters.screen import json_line, visible

from .conftest import SEED

TITLE = "濮阳县庆祖镇人民政府 2024 年政府信息公开工作年度报告"
HEADING = "## 二、主动公开政府信息情况"
CELL = "行政处罚\t0\t\t"
# clear screen, a window title left without its terminator, an OSC 8 hyperlink, a C1 CSI,
# a bidi override
ESCAPES = "\x1b[2J\x1b]0;pwned\x1b]8;;http://evil.example/\x1b\\点\x1b]8;;\x1b\\\u009b31m\u202e"
SHOWN = "\\x1b[2J\\x1b]0;pwned\\x1b]8;;http://evil.example/\\x1b\\点\\x1b]8;;\\x1b\\\\x9b31m\\u202e"
MARKUP = "[link=http://evil.example/]点我[/link][/]"


def seed_with(tmp_path: Path, name: str, *, title: str = "", heading: str = "", cell: str = "",
              before_title: str = "") -> Path:
    """The seed with text added after its title (or before it: then the body named in the
    title starts with it), after a section heading, or as a 表二 cell."""
    text = SEED.read_text(encoding="utf-8").replace(TITLE, before_title + TITLE)
    for old, extra in ((TITLE, title), (HEADING, heading), (CELL.split("\t")[0] + "\t0", cell)):
        assert text.count(old) == 1
        if extra:
            text = text.replace(old, (old.split("\t")[0] + "\t" + extra) if old.startswith("行政处罚") else old + extra)
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(argv, capsys):
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def no_raw_codes(*texts: str) -> None:
    for text in texts:
        assert "\x1b" not in text and "\u009b" not in text and "\u202e" not in text and "\x07" not in text


def test_visible_writes_every_control_character_out():
    assert visible("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert visible("\x1b]0;title") == "\\x1b]0;title"              # an OSC without its terminator
    assert visible("\x1b]0;title\x07") == "\\x1b]0;title\\x07"
    assert visible("\u009b2J\u009d0;t") == "\\x9b2J\\x9d0;t"        # C1 CSI and OSC
    assert visible("\r\x00\x7f") == "\\x0d\\x00\\x7f"
    assert visible("\u202e\u2066") == "\\u202e\\u2066"
    assert visible("a\udcffb") == "a\\xffb"                          # a byte that is not UTF-8
    assert visible("a\tb\nc") == "a\\x09b\\x0ac"
    assert visible("a\tb\nc", layout=True) == "a\tb\nc"
    assert visible("报告[/] [bold]x") == "报告[/] [bold]x"          # markup is text: left as it is
    line = json_line({"t": "\x1b\u009b\u202e"})
    assert line == '{"t": "\\u001b\\u009b\\u202e"}' and json.loads(line) == {"t": "\x1b\u009b\u202e"}


def test_escape_codes_in_title_heading_and_cell_are_shown_not_sent(tmp_path, capsys):
    # a long tail makes a heading no heading: the heading gets a terminal reset (ESC c) only
    path = seed_with(tmp_path, "esc.txt", title=ESCAPES, heading="\x1bc", cell=ESCAPES)
    status, out, err = run(["check", path, "--width", "400"], capsys)
    assert status == exit_codes.FINDINGS                     # the cell is text, not a number (VAL003)
    no_raw_codes(out, err)
    assert f"标题：{TITLE}{SHOWN}" in out
    assert f"{HEADING[3:]}\\x1bc" in out                    # the sections table
    assert f"│ {SHOWN} ✗ │" in out                          # the cell in 表二, marked
    assert f"写作「{SHOWN}」，不是数字" in out                  # VAL003's message quotes it


def test_escape_codes_in_a_file_name_are_shown_on_stderr(tmp_path, capsys):
    missing = tmp_path / "a\x1b]0;pwned.txt"
    status, out, err = run(["check", missing], capsys)
    assert status == exit_codes.BAD_INPUT
    no_raw_codes(out, err)
    assert f"{tmp_path}/a\\x1b]0;pwned.txt：文件不存在" in err


def test_escape_codes_in_the_batch_summary_and_report_db(tmp_path, capsys):
    path = seed_with(tmp_path, "s/a\x1b[2J.txt", before_title=ESCAPES)   # the body starts with them
    missing = tmp_path / "s/gone\x1b]0;x.txt"
    db = tmp_path / "season.sqlite"
    status, out, err = run(["check", path, missing, "--db", db, "--width", "400"], capsys)
    assert status == exit_codes.FINDINGS
    no_raw_codes(out, err)
    assert f"{tmp_path}/s/a\\x1b[2J.txt" in out and f"{SHOWN}濮阳县庆祖镇人民政府" in out
    assert f"{tmp_path}/s/gone\\x1b]0;x.txt：文件不存在" in out
    status, out, err = run(["report", "--db", db, "--width", "400"], capsys)
    assert status == exit_codes.OK
    no_raw_codes(out, err)
    assert f"{tmp_path}/s/a\\x1b[2J.txt" in out and f"{SHOWN}濮阳县庆祖镇人民政府" in out   # as stored


def test_markup_in_title_heading_cell_and_path_is_text(tmp_path, capsys):
    path = seed_with(tmp_path, "x[/]y[link=http://evil.example/]z.txt", title=MARKUP, heading="[/]", cell=MARKUP)
    status, out, err = run(["check", path, "--width", "400"], capsys)
    assert (status, err) == (exit_codes.FINDINGS, "")
    assert f"标题：{TITLE}{MARKUP}" in out
    assert f"{HEADING[3:]}[/]" in out
    assert f"│ {MARKUP} ✗ │" in out and f"写作「{MARKUP}」，不是数字" in out
    assert f"{path}" in out and "[/]y[link=http:/evil.example/]z.txt" in f"{path}"
    assert "\x1b]8;" not in out                                # no hyperlink made


def test_markup_in_a_stored_record_is_text_in_report_db(tmp_path, capsys):
    path = seed_with(tmp_path, "s/[/]markup.txt", before_title=MARKUP)
    other = seed_with(tmp_path, "s/plain.txt")
    db = tmp_path / "season.sqlite"
    status, out, err = run(["check", tmp_path / "s", "--db", db, "--width", "400"], capsys)
    assert (status, err) == (exit_codes.OK, "")
    assert f"{path}" in out and f"{other}" in out
    assert "[link=http://evil.example/]点我[/link][/]濮阳县庆祖镇人民政府" in out
    status, out, err = run(["report", "--db", db, "--width", "400"], capsys)
    assert (status, err) == (exit_codes.OK, "")
    assert f"{path}" in out and "[link=http://evil.example/]点我[/link][/]濮阳县庆祖镇人民政府" in out


@pytest.mark.parametrize("fmt", ["json"])
def test_json_on_a_terminal_carries_no_raw_codes(tmp_path, capsys, fmt):
    path = seed_with(tmp_path, "esc.txt", title=ESCAPES)
    status, out, err = run(["check", path, "--format", fmt], capsys)
    assert status == exit_codes.OK
    no_raw_codes(out, err)
    assert json.loads(out)["title"] == TITLE + ESCAPES        # the data keeps the text as it is
