"""The real published reports read exactly as their hand-checked expectations say."""
from __future__ import annotations

import pytest

from checker import check_file

from .conftest import PINGTAN, SAMPLES, SEED, load_json, section_pairs

HUAIAN = SAMPLES / "huaian_2024.pdf"
REAL = [
    (SEED, SEED.with_suffix(".expected.json")),
    (PINGTAN, PINGTAN.with_suffix(".expected.json")),
    (HUAIAN, HUAIAN.with_suffix(".expected.json")),
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
