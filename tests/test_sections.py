"""Section detection: numbering, levels, old wordings, the overview sub-heading trap."""
from __future__ import annotations

from checker.check import check_bytes


def _sections(text: str):
    result = check_bytes(text.encode("utf-8"), "r.txt")
    return [(s.id, s.heading) for s in result.sections], [f.rule for f in result.findings if f.rule.startswith("STR")]


BODY = "内容。\n\n"


def test_unnumbered_and_arabic_numbered_headings():
    text = ("某局2024年政府信息公开工作年度报告\n\n# 总体情况\n\n" + BODY + "## 2. 主动公开政府信息情况\n\n" + BODY +
            "## 3、收到和处理政府信息公开申请情况\n\n" + BODY + "## （四）政府信息公开行政复议、行政诉讼情况\n\n" + BODY +
            "## 存在的主要问题及改进情况\n\n" + BODY + "## 其他需要报告的事项\n\n无\n")
    ids, _ = _sections(text)
    assert [i for i, _ in ids] == ["overview", "proactive", "requests", "appeals", "problems", "other"]


def test_overview_subheadings_with_top_level_numerals_are_not_sections():
    text = ("某镇2024年政府信息公开工作年度报告\n\n一、总体情况\n\n" + BODY +
            "二、主动公开情况\n\n" + BODY + "三、依申请公开情况\n\n" + BODY + "四、复议、诉讼情况\n\n" + BODY +
            "二、主动公开政府信息情况\n\n" + BODY + "三、收到和处理政府信息公开申请情况\n\n" + BODY +
            "四、政府信息公开行政复议、行政诉讼情况\n\n" + BODY + "五、存在的主要问题及改进情况\n\n" + BODY +
            "六、其他需要报告的事项\n\n无\n")
    ids, rules = _sections(text)
    assert ids == [("overview", "一、总体情况"), ("proactive", "二、主动公开政府信息情况"),
                   ("requests", "三、收到和处理政府信息公开申请情况"), ("appeals", "四、政府信息公开行政复议、行政诉讼情况"),
                   ("problems", "五、存在的主要问题及改进情况"), ("other", "六、其他需要报告的事项")]
    assert "STR002" not in rules and "STR003" not in rules


def test_old_wordings_are_recognised():
    text = ("某局2018年政府信息公开工作年度报告\n\n一、概述\n\n" + BODY + "二、主动公开政府信息情况\n\n" + BODY +
            "三、依申请公开情况\n\n" + BODY + "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n\n" + BODY +
            "五、政府信息公开工作存在的主要问题及改进情况\n\n" + BODY + "六、其他需要报告的事项\n\n无\n")
    ids, _ = _sections(text)
    assert [i for i, _ in ids] == ["overview", "proactive", "requests", "appeals", "problems", "other"]


def test_a_missing_section_is_reported_once():
    text = ("某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n" + BODY + "二、主动公开政府信息情况\n\n" + BODY +
            "三、收到和处理政府信息公开申请情况\n\n" + BODY + "五、存在的主要问题及改进情况\n\n" + BODY + "六、其他需要报告的事项\n\n无\n")
    ids, rules = _sections(text)
    assert "appeals" not in [i for i, _ in ids]
    assert rules.count("STR001") == 1
