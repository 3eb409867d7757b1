"""The real published reports read exactly as their hand-checked expectations say."""
from __future__ import annotations

import pytest

from checker import check_file

from .conftest import PINGTAN, SAMPLES, SEED, load_json, section_pairs

HUAIAN = SAMPLES / "huaian_2024.pdf"
SHANGHAI = SAMPLES / "shanghai_bgt_2019.html"
HONGZE = SAMPLES / "hongze_2023.pdf"
REAL = [
    (SEED, SEED.with_suffix(".expected.json")),
    (PINGTAN, PINGTAN.with_suffix(".expected.json")),
    (HUAIAN, HUAIAN.with_suffix(".expected.json")),
    (SHANGHAI, SHANGHAI.with_suffix(".expected.json")),
    (HONGZE, HONGZE.with_suffix(".expected.json")),
]


@pytest.mark.parametrize("path, expected_path", REAL, ids=lambda p: p.name)
def test_real_report_reads_exactly(path, expected_path):
    got = check_file(path).to_dict()
    want = load_json(expected_path)
    assert (got["title"], got["body"], got["year"], got["template"]) == (
        want["title"], want["body"], want["year"], want["template"])
    assert section_pairs(got["sections"]) == section_pairs(want["sections"])
    assert got["tables"] == want["tables"]


def test_seed_report_facts():
    result = check_file(SEED).to_dict()
    assert result["format"] == "text"
    assert result["body"] == "濮阳县庆祖镇人民政府"
    assert (result["year"], result["template"]) == (2024, "2021")
    assert [s["id"] for s in result["sections"]] == ["overview", "proactive", "requests", "appeals", "problems", "other"]
    # The overview's own sub-heading 三、依申请公开情况 (line 15) is not section 三 (line 44).
    assert [s["location"]["line"] for s in result["sections"]] == [5, 27, 44, 75, 82, 96]
    t3 = result["tables"]["t3"]
    assert len(t3) == 25 and all(len(cells) == 7 for cells in t3.values())
    assert {v for cells in t3.values() for v in cells.values()} == {0}
    assert len(result["tables"]["t4"]) == 15 and set(result["tables"]["t4"].values()) == {0}
    t2 = result["tables"]["t2"]
    assert t2 == {"regulations": {"issued": 0, "repealed": 0, "in_force": 0},
                  "normative_docs": {"issued": 0, "repealed": 0, "in_force": 0},
                  "licensing": {"decisions": 0}, "punishment": {"decisions": 0},
                  "enforcement": {"decisions": 0}, "fees": {"amount": 0}}


def test_seed_report_has_exactly_its_three_real_warnings():
    """No arithmetic, value or extraction finding; the three defects an auditor sees."""
    findings = check_file(SEED).to_dict()["findings"]
    assert sorted((f["rule"], f["severity"], f["location"].get("section")) for f in findings) == [
        ("CON007", "warning", "other"),      # 六 silent on 信息处理费
        ("CON010", "warning", "problems"),   # a township government's 五 without 社会评议/责任追究 results
        ("STR012", "warning", "overview"),   # 二、三、四、五、 used inside 一、总体情况
    ]
    con010 = next(f for f in findings if f["rule"] == "CON010")
    assert con010["message"].endswith("未见社会评议、责任追究结果")   # 考核 is there (绩效考核体系)


def test_pingtan_values_include_large_counts_and_a_decimal_fee():
    tables = check_file(PINGTAN).to_dict()["tables"]
    assert tables["t2"]["licensing"]["decisions"] == 4529
    assert tables["t2"]["fees"]["amount"] == 18651.06
    assert tables["t3"]["new"]["total"] == 218
    assert tables["t4"]["litigation_after_review.total"] == 19
    # its section 五 has no word of 考核、评议 or 责任追究, but article 50 asks them of 各级人民政府
    # only: 平潭综合实验区管委会 is a 派出机构, not a level of government (no CON010)
    result = check_file(PINGTAN)
    assert result.facts.body_kind == "zone"
    assert [(f.rule, f.severity.value) for f in result.findings] == []


def test_huaian_pdf_every_printed_cell_and_only_its_real_warning():
    result = check_file(HUAIAN)
    tables = result.to_dict()["tables"]
    assert tables["t2"]["fees"]["amount"] == 96171.6 and tables["t2"]["punishment"]["decisions"] == 3985758
    assert tables["t3"]["result.unable.needs_creation"]["natural"] == 11   # the row under the page break
    assert tables["t4"]["review.total"] == 351
    # every number its prose states (受理3119, 答复3050, 结转34/103, 复议351, 诉讼46) agrees with the tables
    assert {st.quantity for st in result.facts.statements} == {
        "handled", "concluded", "carried_over", "carried_forward", "review", "litigation"}
    assert [(f.rule, f.severity.value) for f in result.findings] == [("CON010", "warning")]


def _table_findings(path, categories=("arithmetic", "value", "structure", "template")) -> list[dict]:
    return [f for f in check_file(path).to_dict()["findings"] if f["category"] in categories]


def test_shanghai_blank_totals_are_errors_with_their_values():
    """The 总计 column is blank in eleven result rows full of numbers: each blank total is an
    arithmetic error at its cell with 应为; the sums it takes part in are not reported again."""
    findings = _table_findings(SHANGHAI, ("arithmetic",))
    assert [(f["rule"], f["severity"], f["location"]["row"], f["location"]["column"], f["expected"], f["actual"])
            for f in findings] == [
        ("ARI001", "error", row, "total", expected, "") for row, expected in (
            ("result.granted", 272), ("result.partial", 3), ("result.denied.state_secret", 14),
            ("result.denied.internal_affairs", 5), ("result.denied.process_info", 4), ("result.denied.query", 12),
            ("result.unable.not_held", 265), ("result.unable.needs_creation", 47), ("result.unable.unclear", 25),
            ("result.not_processed.petition", 149), ("result.not_processed.repeated", 9))]
    assert findings[0]["message"] == "表三「予以公开」行「总计」列空白，按0计；各列之和为272"


def test_shanghai_zeros_printed_blank_are_one_warning_per_table():
    findings = _table_findings(SHANGHAI, ("value", "structure", "template"))
    assert [(f["rule"], f["severity"], f["location"]["table"], len(f["location"]["cells"])) for f in findings] == [
        ("VAL001", "warning", "t3", 115), ("VAL001", "warning", "t4", 9)]
    t3, t4 = (f["message"] for f in findings)
    assert t3 == ("表三有115个单元格空白，按0计（没有的应填0）：「科研机构」「社会公益组织」两列全部空白；"
                  "「其他法律行政法规禁止公开」「危及“三安全一稳定”」「保护第三方合法权益」等8行全部空白；"
                  "另有「上年结转申请」行「商业企业」「法律服务机构」「其他」列、「部分公开」行「商业企业」「法律服务机构」「其他」列、"
                  "「属于国家秘密」行「商业企业」「法律服务机构」「其他」列等29格")
    assert t4 == "表四有9个单元格空白，按0计（没有的应填0）：「结果纠正」「其他结果」两列全部空白；「行政诉讼·复议后起诉」组全部空白"
    assert all("evidence" not in f for f in findings)


def test_shanghai_other_handling_row_printed_blank_is_present():
    """（六）其他处理 is printed with its seven cells blank: a row that is there, not a missing one."""
    tables = check_file(SHANGHAI).to_dict()["tables"]
    assert tables["t3"]["result.other"] == dict.fromkeys(
        ("natural", "commercial", "research", "social", "legal", "other_org", "total"))


def test_hongze_mixed_templates_and_printed_zero_totals():
    """表二 in the 2021 layout, 表三 with the single 2019 （六）其他处理 row in a 2023 report: an error
    at that row; 表四's totals printed 0 under 10 维持 + 1 纠正 and under 5 维持."""
    findings = {(f["rule"], f["severity"], str(f["location"].get("row") or f["location"].get("column")),
                 f.get("expected"), f.get("actual")) for f in _table_findings(HONGZE)}
    assert {("TPL001", "error", "result.other", "2021", "2019"),
            ("ARI004", "error", "review.total", 11, 0),
            ("ARI004", "error", "litigation_after_review.total", 5, 0)} <= findings
    assert not any(rule.startswith(("STR007", "STR014", "VAL")) for rule, *_ in findings)
