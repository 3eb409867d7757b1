"""Rule packs (--rules DIR): a pack's rule of an existing code replaces the national rule, one
of a new code is added; the example pack's stricter deadline changes a finding; a bad rule
file, national or in a pack, is exit 2 from `rules` and `check` alike, naming file and key."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from checker import cli, exit_codes
from checker.check import check_file
from checker.engine import NATIONAL, load_rule_set

from .conftest import ROOT, SEED

PACK = ROOT / "rules" / "packs" / "example_city"
TIM001 = ROOT / "rules" / "timeliness" / "TIM001.toml"


def run(argv, capsys):
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def timeliness(findings) -> list[tuple[str, str, str, str | None]]:
    return [(f.rule, f.severity.value, f.message, f.expected) for f in findings if f.rule.startswith("TIM")]


def test_pack_replaces_national_rules_and_says_so():
    rules = load_rule_set((PACK,))
    national = load_rule_set()
    assert [r.code for r in rules] == [r.code for r in national]        # replaced, none added
    city = rules.get("TIM001")
    assert city is not None and (city.origin, city.replaces) == ("example_city", True)
    assert city.path == str(PACK / "TIM001.toml")
    assert city.params["params"]["due"]["government"] == "02-20"
    assert {r.code for r in rules if r.origin != NATIONAL} == {"TIM001", "TIM002"}
    assert national.get("TIM001").origin == NATIONAL and not national.get("TIM001").replaces


def test_township_published_in_march_is_late_only_by_the_city_s_deadline():
    """庆祖镇 (a township) published 5 March 2025: nationally only doubtful (after 31 January,
    before 31 March); the city wants townships' reports by the end of February."""
    published = __import__("datetime").date(2025, 3, 5)
    national = check_file(SEED, published=published)
    assert timeliness(national.findings) == [
        ("TIM002", "warning", "指定的发布日期为2025年3月5日，晚于多数省份为乡镇规定的公布期限2025年1月31日"
                              "（与政府部门相同；条例第四十九条未直接规定乡镇的期限）", "2025-01-31")]
    city = check_file(SEED, published=published, rules=load_rule_set((PACK,)))
    assert timeliness(city.findings) == [
        ("TIM001", "error", "指定的发布日期为2025年3月5日，晚于本市为乡镇年度报告规定的公布期限2025年2月28日", "2025-02-28")]


def _district_report(tmp_path):
    """The seed as a county government's own report (濮阳县人民政府): due by 31 March nationally."""
    text = SEED.read_text(encoding="utf-8").replace("濮阳县庆祖镇人民政府", "濮阳县人民政府")
    path = tmp_path / "puyang_2024.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_district_government_through_the_cli(tmp_path, capsys):
    report = _district_report(tmp_path)
    status, out, _ = run(["check", report, "--format", "json", "--published", "2025-02-25"], capsys)
    assert [f for f in json.loads(out)["findings"] if f["rule"].startswith("TIM")] == []
    status, out, _ = run(["check", report, "--format", "json", "--published", "2025-02-25", "--rules", PACK], capsys)
    late = [f for f in json.loads(out)["findings"] if f["rule"].startswith("TIM")]
    assert status == exit_codes.FINDINGS
    assert [(f["rule"], f["severity"], f["message"], f["expected"], f["actual"]) for f in late] == [
        ("TIM001", "error", "指定的发布日期为2025年2月25日，晚于本市为人民政府年度报告规定的公布期限2025年2月20日",
         "2025-02-20", "2025-02-25")]


def test_python_m_checker_with_a_pack(tmp_path):
    report = _district_report(tmp_path)
    done = subprocess.run([sys.executable, "-m", "checker", "check", str(report), "--format", "json",
                           "--published", "2025-02-25", "--rules", str(PACK)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == exit_codes.FINDINGS
    assert [f["rule"] for f in json.loads(done.stdout)["findings"] if f["rule"].startswith("TIM")] == ["TIM001"]


def test_batch_workers_check_with_the_pack(tmp_path, capsys):
    """Many files: each worker loads the pack itself (CheckOptions carries the folders)."""
    report = _district_report(tmp_path)
    shutil.copy(SEED, tmp_path / "qingzu_2024.txt")
    status, out, _ = run(["check", tmp_path, "--format", "json", "--published", "2025-02-25", "--rules", PACK], capsys)
    records = {json.loads(line)["file"].rsplit("/", 1)[-1]: json.loads(line) for line in out.splitlines()}
    assert {name: [f["rule"] for f in r["findings"] if f["rule"].startswith("TIM")] for name, r in records.items()} == {
        report.name: ["TIM001"], "qingzu_2024.txt": []}


def test_rules_lists_the_pack_with_its_origin(capsys):
    status, out, _ = run(["rules", "--rules", PACK, "--width", "200"], capsys)
    assert status == exit_codes.OK
    lines = [line for line in out.splitlines() if line.strip()]
    assert "来源" in lines[0]
    assert "TIM001" in lines[2] and "example_city（替换）" in lines[2]    # the pack's rules first
    assert "TIM002" in lines[3] and "example_city（替换）" in lines[3]
    assert any("ARI001" in line and "全国规则" in line for line in lines)
    status, out, _ = run(["rules", "TIM001", "--rules", PACK, "--width", "200"], capsys)
    assert "来源：example_city（替换）" in out and "〈公布期限〉" in out and "{" not in out


def test_pack_adds_a_rule_of_a_new_code(tmp_path, capsys):
    pack = tmp_path / "extra"
    pack.mkdir()
    text = TIM001.read_text(encoding="utf-8").replace('code = "TIM001"', 'code = "TIM003"')
    (pack / "TIM003.toml").write_text(text, encoding="utf-8")
    rules = load_rule_set((pack,))
    added = rules.get("TIM003")
    assert added is not None and (added.origin, added.replaces) == ("extra", False)
    assert len(rules) == len(load_rule_set()) + 1
    status, out, _ = run(["rules", "--rules", pack, "--width", "200"], capsys)
    assert any("TIM003" in line and "extra" in line and "替换" not in line for line in out.splitlines())


BAD = {
    "regex": (ROOT / "rules" / "consistency" / "CON008.toml", lambda s: s.replace("patterns = [", 'patterns = ["(未闭合", '),
              "patterns[0]", "不是有效的正则表达式"),
    "status": (ROOT / "rules" / "value" / "VAL001.toml", lambda s: s.replace('kind = "blank_cells"', 'kind = "blank_cells"\nstatus = "stabel"'),
               "status", "没有这个状态 'stabel'"),
    "template": (ROOT / "rules" / "value" / "VAL001.toml",
                 lambda s: s.replace('kind = "blank_cells"', 'kind = "blank_cells"\ntemplates = ["2012"]'), "templates", "不认识 ['2012']"),
}


@pytest.mark.parametrize("what", sorted(BAD))
def test_bad_rule_file_in_a_pack_is_exit_2_from_rules_and_check(tmp_path, capsys, what):
    source, edit, key, problem = BAD[what]
    pack = tmp_path / "bad"
    pack.mkdir()
    path = pack / source.name
    path.write_text(edit(source.read_text(encoding="utf-8")), encoding="utf-8")
    for argv in (["rules", "--rules", pack], ["check", SEED, "--rules", pack], ["check", SEED, SEED, "--rules", pack]):
        load_rule_set.cache_clear()
        status, out, err = run(argv, capsys)
        assert status == exit_codes.BAD_INPUT, argv
        assert err.strip() == f"规则文件有误：{path}: {key}: {err.split(key + ': ', 1)[1].strip()}"
        assert problem in err and "bad rule file" not in err and out == ""


def test_a_pack_that_is_no_folder_is_exit_2(tmp_path, capsys):
    status, _, err = run(["rules", "--rules", tmp_path / "missing"], capsys)
    assert status == exit_codes.BAD_INPUT and err == f"--rules：目录 {tmp_path / 'missing'} 不存在。\n"
    (tmp_path / "empty").mkdir()
    status, _, err = run(["rules", "--rules", tmp_path / "empty"], capsys)
    assert status == exit_codes.BAD_INPUT and "目录中没有规则文件（*.toml）" in err
