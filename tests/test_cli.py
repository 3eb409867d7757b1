"""The command line: exit statuses, formats, selection, and bad input without tracebacks."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from checker import cli, exit_codes
from checker.commands import check as check_command

from .conftest import HTML_SAMPLES, PINGTAN, ROOT, SEED

ERRORS = next(p for p in HTML_SAMPLES if p.stem == "county_2024_errors")
CLEAN = next(p for p in HTML_SAMPLES if p.stem == "county_2024_clean")
TOWNSHIP = next(p for p in HTML_SAMPLES if p.stem == "township_2023_gbk")


def run(argv, capsys):
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_clean_report_exits_zero(capsys):
    status, out, _ = run(["check", CLEAN, "--width", "120"], capsys)
    assert status == exit_codes.OK
    assert "青岚县人民政府" in out and "未发现问题" in out
    status, out, _ = run(["check", SEED, "--width", "120"], capsys)
    assert status == exit_codes.OK                       # the seed's findings are warnings
    assert "警告 3 项" in out


def test_errors_exit_one_and_show_the_cell(capsys):
    status, out, _ = run(["check", ERRORS, "--width", "160"], capsys)
    assert status == exit_codes.FINDINGS
    assert "表三「自然人」列：办理结果总计(172)≠（一）至（六）各项之和(174)" in out
    assert "表三「办理结果总计」行「自然人」列" in out


def test_exit_zero_and_fail_on(capsys):
    assert run(["check", ERRORS, "--exit-zero"], capsys)[0] == exit_codes.OK
    assert run(["check", TOWNSHIP], capsys)[0] == exit_codes.OK               # warnings only
    assert run(["check", TOWNSHIP, "--fail-on", "warning"], capsys)[0] == exit_codes.FINDINGS


def test_json_output_follows_the_contract(capsys):
    status, out, _ = run(["check", ERRORS, "--format", "json"], capsys)
    assert status == exit_codes.FINDINGS
    lines = out.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert {"file", "format", "title", "body", "year", "template", "sections", "tables", "findings", "summary"} <= set(result)
    assert result["summary"] == {"error": 6, "warning": 4, "info": 0}
    ari003 = next(f for f in result["findings"] if f["rule"] == "ARI003")
    assert ari003["category"] == "arithmetic" and ari003["severity"] == "error"
    assert (ari003["location"]["table"], ari003["location"]["row"], ari003["location"]["column"]) == ("t3", "result.total", "total")
    assert (ari003["expected"], ari003["actual"]) == (213, 212)
    assert {"table": "t3", "row": "carried_forward", "column": "total"} in ari003["location"]["cells"]
    assert result["tables"]["t3"]["result.denied.third_party"]["legal"] is None


def test_json_lines_for_several_files(capsys):
    status, out, _ = run(["check", SEED, PINGTAN, CLEAN, "--format", "json"], capsys)
    assert status == exit_codes.OK
    assert [json.loads(line)["body"] for line in out.strip().splitlines()] == [
        "濮阳县庆祖镇人民政府", "平潭综合实验区（管委会）", "青岚县人民政府"]


def test_select_and_ignore_by_prefix(capsys):
    _, out, _ = run(["check", ERRORS, "--format", "json", "--select", "ARI"], capsys)
    assert {f["rule"] for f in json.loads(out)["findings"]} == {"ARI001", "ARI002", "ARI003", "ARI004", "ARI005"}
    status, out, _ = run(["check", ERRORS, "--format", "json", "--ignore", "ARI,STR004,VAL"], capsys)
    assert json.loads(out)["findings"] == [] and status == exit_codes.OK


def test_output_file(tmp_path, capsys):
    target = tmp_path / "out.json"
    assert run(["check", ERRORS, "--format", "json", "-o", target], capsys)[0] == exit_codes.FINDINGS
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["error"] == 6


def test_rules_list_and_explain(capsys):
    status, out, _ = run(["rules", "--width", "200"], capsys)
    assert status == exit_codes.OK
    assert all(code in out for code in ("ARI001", "ARI004", "STR009", "VAL005", "EXT002", "TPL001"))
    status, out, _ = run(["rules", "ari003", "--width", "200"], capsys)
    assert status == exit_codes.OK
    assert "第一项加第二项之和" in out and "例子" in out
    # a person reads no slug, placeholder or kind: the values a message names are shown in Chinese
    assert "t3-column-unbalanced" not in out and "{" not in out and "kind" not in out
    assert "表三「〈列名〉」列：第一项加第二项(〈左边之和〉)≠第三项加第四项(〈右边之和〉)〈空白格说明〉" in out
    status, _, err = run(["rules", "XYZ999"], capsys)
    assert status == exit_codes.BAD_INPUT and "XYZ999" in err


BAD_INPUTS = {
    "empty.txt": b"",
    "blank.html": b"   \n\n  ",
    "garbage.bin": bytes(range(256)) * 40,
    "picture.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 200,
    "undecodable.txt": "政府信息公开".encode() + b"\xff\xfe\xfd\xff" * 10 + b" abc",
    "news.html": "<html><head><meta charset='utf-8'><title>新闻</title></head><body><p>今天天气很好。</p><table><tr><td>a</td><td>b</td></tr></table></body></html>".encode(),
    "notes.txt": "会议纪要\n\n一、参会人员\n\n张三、李四。\n".encode(),
    "report.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500,
    "archive.zip": b"PK\x03\x04" + b"\x00" * 100,
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gets_one_sentence_and_exit_two(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    status, out, err = run(["check", path], capsys)
    assert status == exit_codes.BAD_INPUT
    assert "Traceback" not in err + out
    assert len(err.strip().splitlines()) == 1 and str(path) in err


def test_missing_file_and_directory(tmp_path, capsys):
    status, _, err = run(["check", tmp_path / "nope.html"], capsys)
    assert status == exit_codes.BAD_INPUT and err == f"{tmp_path / 'nope.html'}：文件不存在。\n"
    status, _, err = run(["check", tmp_path], capsys)   # a folder is walked; this one holds no report
    assert status == exit_codes.BAD_INPUT and str(tmp_path) in err and "没有找到可检查的报告文件" in err


def test_usage_error_exits_two(capsys):
    assert run([], capsys)[0] == exit_codes.BAD_INPUT
    assert run(["check", SEED, "--format", "yaml"], capsys)[0] == exit_codes.BAD_INPUT


def test_internal_error_is_one_sentence(monkeypatch, capsys):
    def explode(*_, **__):
        raise RuntimeError("boom")
    monkeypatch.setattr(check_command, "check_file", explode)
    status, _, err = run(["check", SEED], capsys)
    assert status == exit_codes.INTERNAL
    assert "Traceback" not in err and "--debug" in err


def test_python_dash_m_runs_the_same_main():
    proc = subprocess.run([sys.executable, "-m", "checker", "check", str(ERRORS), "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == exit_codes.FINDINGS
    assert json.loads(proc.stdout)["summary"]["error"] == 6


def test_published_option_checks_the_deadline(capsys):
    # a department's report (云江市生态环境局, 2020) is due by 31 January 2021
    city = next(p for p in HTML_SAMPLES if p.stem == "city_dept_2020_template2019")
    status, out, _ = run(["check", city, "--format", "json", "--published", "2021-02-03"], capsys)
    late = [f for f in json.loads(out)["findings"] if f["rule"] == "TIM001"]
    assert status == exit_codes.FINDINGS and len(late) == 1
    assert (late[0]["expected"], late[0]["actual"]) == ("2021-01-31", "2021-02-03")
    assert "指定的发布日期为2021年2月3日" in late[0]["message"]
    status, out, _ = run(["check", city, "--format", "json", "--published", "2021-01-29"], capsys)
    assert status == exit_codes.OK and json.loads(out)["findings"] == []
    assert run(["check", city, "--published", "2021/02/03"], capsys)[0] == exit_codes.BAD_INPUT
