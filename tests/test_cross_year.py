"""Last year beside this year: pairing, the XYR and CPY rules, on the pairs of samples/pairs/
(last year's reports made from this year's samples; what each pair shows is in its README)."""
from __future__ import annotations

import copy
import json
from functools import cache

import pytest

from checker import cli, exit_codes
from checker.bodies import body_key
from checker.check import apply_cross_year, check_file, cross_year_findings, record_of
from checker.pairing import find_pairs, overlap_ratio
from checker.record import Record

from .conftest import SAMPLES, SEED

PAIRS = SAMPLES / "pairs"
COUNTY_2024 = SAMPLES / "html" / "county_2024_clean.html"
COUNTY_2023 = PAIRS / "county_2023.html"
QINGZU_2023 = PAIRS / "qingzu_2023.txt"
LEAF_COLUMNS = ["natural", "commercial", "research", "social", "legal", "other_org"]


@cache
def _record(path) -> str:
    return json.dumps(record_of(check_file(path)).to_dict(), ensure_ascii=False)


def record(path) -> dict:
    """A checked report as the store keeps it (record.Record.to_dict), to change before reading it back."""
    return json.loads(_record(path))


def typed(raw: dict) -> Record:
    return Record.from_dict(raw)


def set_cell(raw: dict, table: str, row: str, column: str, number: int | None) -> None:
    """Change one cell of a stored record: its JSON table and the value cross-year rules read
    (None: no number read, as an unreadable cell)."""
    raw["tables"][table][row][column] = number
    value = raw["material"]["values"][f"{table}.{row}.{column}"]
    value[0], value[1], value[5] = (None, "", "unreadable") if number is None else (str(number), str(number), None)


def pair_findings(this: dict, last: dict) -> list[dict]:
    findings, _ = cross_year_findings(typed(this), typed(last))
    return [f.to_dict() for f in findings]


def test_seed_beside_its_previous_year():
    findings, summary = cross_year_findings(typed(record(SEED)), typed(record(QINGZU_2023)))
    got = [(f.rule, f.severity.value, f.location.section, f.location.line, f.message) for f in findings]
    assert got == [
        ("CPY002", "warning", None, 3, "全文有98%的文字与2023年报告相同（超过一半）"),
        ("XYR003", "warning", "overview", 25,
         "全文有一句与2023年报告一字不差，其中的4次可能沿用了上年：「加强对镇、村两级干部的政务公开工作宣传教育，"
         "本年度组织各部门、相关单位、各村开展政务公开工作推进会 4 次，传达上级文件精神，提高工作人员工作能力和业务素养。」"),
        ("CPY001", "warning", "problems", 82, "第五部分「存在的主要问题及改进情况」有100%的文字与2023年报告相同（超过一半）"),
    ]
    assert summary.to_dict() == {"paired_with": str(QINGZU_2023), "last_year": 2023,
                                 "overlap": {"document": 0.979, "problems": 1.0}}


def test_county_pair_finds_carried_over_in_force_and_copied_figures():
    findings = pair_findings(record(COUNTY_2024), record(COUNTY_2023))
    by_rule = {}
    for f in findings:
        by_rule.setdefault(f["rule"], []).append(f)
    assert sorted(by_rule) == ["CPY002", "XYR001", "XYR002", "XYR003"]   # section 五 was rewritten: no CPY001
    [carried] = by_rule["XYR001"]
    assert carried["location"]["table"] == "t3" and carried["location"]["row"] == "carried_over"
    assert carried["location"]["column"] == "natural"
    assert (carried["expected"], carried["actual"]) == (10, 9)
    assert carried["message"] == "表三「自然人」列：本年「上年结转」为9，而2023年报告「结转下年度继续办理」为10"
    [in_force] = by_rule["XYR002"]
    assert (in_force["location"]["row"], in_force["location"]["column"]) == ("normative_docs", "in_force")
    assert (in_force["expected"], in_force["actual"]) == (89, 87)
    figures = sorted(f["message"].split("其中的")[1].split("可能")[0] for f in by_rule["XYR003"])
    assert figures == ["18个", "2次、3%", "3期、260余人次"]
    assert by_rule["CPY002"][0]["actual"] == 0.77


@pytest.mark.parametrize("column", LEAF_COLUMNS)
def test_every_carried_over_column_is_compared(column):
    this, last = record(COUNTY_2024), record(COUNTY_2023)
    set_cell(this, "t3", "carried_over", column, this["tables"]["t3"]["carried_over"][column] + 1)
    fired = {(f["location"]["column"], f["expected"], f["actual"]) for f in pair_findings(this, last) if f["rule"] == "XYR001"}
    last_cf = last["tables"]["t3"]["carried_forward"]
    this_co = this["tables"]["t3"]["carried_over"]
    expected = {(c, last_cf[c], this_co[c]) for c in LEAF_COLUMNS if last_cf[c] != this_co[c]}
    assert fired == expected
    # natural was the one column off by one (10 vs 9): +1 mends it; any other column now differs
    assert {c for c, _, _ in fired} == ({"natural", column} - {"natural"} if column == "natural" else {"natural", column})


def test_a_blank_cell_leaves_the_cross_year_identity_unevaluated():
    this, last = record(COUNTY_2024), record(COUNTY_2023)
    set_cell(this, "t3", "carried_over", "natural", None)
    assert not [f for f in pair_findings(this, last) if f["rule"] == "XYR001"]


def test_consecutive_years_of_one_body_pair_and_nothing_else():
    seed, county24, county23 = record(SEED), record(COUNTY_2024), record(COUNTY_2023)
    old = copy.deepcopy(county23)
    old["year"], old["file"] = 2022, "county_2022.html"
    pairs = find_pairs(map(typed, [seed, county24, county23, old]))
    assert [(p.this.file, p.last.file) for p in pairs] == [(str(COUNTY_2024), str(COUNTY_2023)),
                                                                 (str(COUNTY_2023), "county_2022.html")]
    seed_2023 = copy.deepcopy(county23)
    seed_2023["body"] = "庆祖镇人民政府"   # the county prefix dropped one year
    seed_2023["file"] = "qz.html"
    assert [(p.this.file, p.last.file) for p in find_pairs(map(typed, [seed, seed_2023]))] == [(str(SEED), "qz.html")]


def test_body_key_irons_out_printing_not_names():
    assert body_key("平潭综合实验区（管理委员会）") == body_key("平潭综合实验区管委会")
    assert body_key("濮阳县 庆祖镇人民政府") == body_key("濮阳县庆祖镇人民政府")
    assert body_key("青岚县人民政府") != body_key("青岚县人民政府办公室")
    short = copy.deepcopy(record(COUNTY_2023))
    short["body"], short["file"] = "县人民政府", "short.html"   # a kind of body, not a body: no pair
    assert find_pairs(map(typed, [record(COUNTY_2024), short])) == []


def test_overlap_ratio_counts_copied_text_in_any_order_and_ignores_figures():
    a = "一是政策解读形式还不够丰富，部分解读材料仍停留在文字复述层面。二是基层公开标准化建设推进不平衡，部分村公开栏更新不及时。"
    b = "二是基层公开标准化建设推进不平衡，部分村公开栏更新不及时。一是政策解读形式还不够丰富，部分解读材料仍停留在文字复述层面。"
    assert overlap_ratio(a, b) == 1.0
    assert overlap_ratio(a.replace("一是", "2024年一是"), a.replace("一是", "2023年一是")) == 1.0
    assert overlap_ratio(a, "完全不同的一段话，讲的是另外一件事情，和上面没有任何关系，也不重复其中的任何词语。") == 0.0
    assert overlap_ratio("无", a) is None


def test_pair_by_hand_in_a_single_check(capsys):
    status = cli.main(["check", str(SEED), "--pair", str(SEED), str(QINGZU_2023), "--format", "json"])
    [result] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    rules = [f["rule"] for f in result["findings"]]
    assert sorted(rules) == ["CON007", "CON010", "CPY001", "CPY002", "STR012", "XYR003"]
    assert status == exit_codes.OK     # warnings only


def test_batch_pairs_by_itself_and_reports_the_pair(capsys):
    status = cli.main(["check", str(COUNTY_2024), str(COUNTY_2023), "--format", "json", "--jobs", "2"])
    this, last = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert this["cross_year"] == {"paired_with": str(COUNTY_2023), "last_year": 2023,
                                  "overlap": {"document": 0.774, "problems": 0.226}}
    assert "cross_year" not in last and "material" not in this
    assert [f["rule"] for f in this["findings"] if f["rule"].startswith("XYR001")] == ["XYR001"]
    assert status == exit_codes.FINDINGS


def test_last_year_checked_in_an_earlier_run_is_found_in_the_store(tmp_path, capsys):
    db = str(tmp_path / "season.sqlite")
    assert cli.main(["check", str(COUNTY_2023), "--db", db, "--format", "json"]) == exit_codes.OK
    capsys.readouterr()
    assert cli.main(["check", str(COUNTY_2024), "--db", db, "--format", "json"]) == exit_codes.FINDINGS
    [this] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert this["cross_year"]["paired_with"] == str(COUNTY_2023)
    assert [f["expected"] for f in this["findings"] if f["rule"] == "XYR001"] == [10]


def test_rerun_replaces_rather_than_doubles_pair_findings():
    records, _ = apply_cross_year([typed(record(COUNTY_2024)), typed(record(COUNTY_2023))])
    once = records[0].findings
    records, _ = apply_cross_year(records)
    assert records[0].findings == once
    records, _ = apply_cross_year([records[0]])          # last year no longer in the run: its findings go
    assert not [f for f in records[0].findings if f.rule[:3] in ("XYR", "CPY")]
    assert records[0].cross_year is None


def test_select_and_ignore_apply_to_pair_rules():
    findings, _ = cross_year_findings(typed(record(COUNTY_2024)), typed(record(COUNTY_2023)), ignore=["XYR003", "CPY"])
    assert sorted(f.rule for f in findings) == ["XYR001", "XYR002"]


def test_a_report_copied_whole_gives_one_grouped_copied_figures_finding():
    this, last = record(COUNTY_2024), record(COUNTY_2024)
    last["year"] = 2023                      # last year's text identical, figures and all
    [grouped] = [f for f in pair_findings(this, last) if f["rule"] == "XYR003"]
    assert grouped["message"] == ("全文有13句与2023年报告一字不差，其中的数字可能沿用了上年：5268条、213件、96条、154条；"
                                  "87篇、41篇；2763件、100%；24期；201件、12件；1300余次……")
    assert grouped["evidence"].count(" | ") == 12


def test_report_hands_over_the_store_as_a_workbook(tmp_path, capsys):
    import openpyxl

    db, book = tmp_path / "s.sqlite", tmp_path / "season.xlsx"
    cli.main(["check", str(COUNTY_2024), str(COUNTY_2023), str(SEED), str(QINGZU_2023), "--db", str(db), "--format", "json"])
    capsys.readouterr()
    assert cli.main(["report", "--db", str(db), "--format", "xlsx", "-o", str(book)]) == exit_codes.OK
    sheet = openpyxl.load_workbook(book)["报告"]
    header = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[str(COUNTY_2024)]["上年报告"] == str(COUNTY_2023)
    assert rows[str(COUNTY_2024)]["第五部分重合率"] == 0.226
    assert rows[str(SEED)]["全文重合率"] == 0.979
    assert len(rows) == 4
