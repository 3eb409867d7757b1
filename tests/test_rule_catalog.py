"""Every rule has a doc, a fixture that fires and one that stays silent; rule files are validated."""
from __future__ import annotations

import shutil
import tomllib

import pytest

from checker.engine import KINDS, load_rules
from checker.engine.registry import placeholders
from checker.errors import RuleFileError
from checker.settings import RULES_DIR

from .conftest import ROOT

RULES = load_rules()
FIXTURE_DIR = ROOT / "tests" / "rules"


def test_codes_are_unique_and_prefixed_by_category():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes)) == 58
    for rule in RULES:
        assert rule.path.endswith(f"{rule.category.value}/{rule.code}.toml")
        assert rule.kind in KINDS


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_fixture_that_fires_and_one_that_does_not(rule):
    path = FIXTURE_DIR / f"{rule.code}.toml"
    assert path.exists(), f"no fixture for {rule.code}"
    cases = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    assert any(case["expect"] for case in cases), "no case where it fires"
    assert any(not case["expect"] for case in cases), "no case where it stays silent"
    assert all(rule.doc[k] for k in ("what", "why", "example"))


def test_every_fixture_names_a_rule():
    codes = {r.code for r in RULES}
    for path in FIXTURE_DIR.glob("*.toml"):
        assert tomllib.loads(path.read_text(encoding="utf-8"))["rule"] == path.stem in codes


def _rules_copy(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    return target


@pytest.mark.parametrize("rule, edit, key, problem", [
    ("arithmetic/ARI003", lambda s: s.replace('right = ["result.total", "carried_forward"]', 'right = ["result.total", "carried_fwd"]'),
     "right[1]", "表三没有「carried_fwd」这一行"),
    ("arithmetic/ARI003", lambda s: s.replace('kind = "equation"', 'kind = "balance"'), "kind", "没有 'balance' 这种规则类型"),
    ("arithmetic/ARI003", lambda s: s.replace("({left})", "({lefty})"), "message", "没有占位符 {lefty}"),
    ("arithmetic/ARI003", lambda s: s.replace('code = "ARI003"', 'code = "ARI009"'), "code", "应与文件名 'ARI003' 相同"),
    ("arithmetic/ARI003", lambda s: s.replace('severity = "error"', 'severity = "fatal"'), "severity", "没有这个级别 'fatal'"),
    ("arithmetic/ARI003", lambda s: s.replace('left = ["new", "carried_over"]', 'left = "new"'), "left", "应为列表"),
    ("arithmetic/ARI003", lambda s: s.replace("[doc]", "[doc]\nextra = 1").replace('what = ', 'wha = '), "doc.what", "缺少"),
    ("cross_year/XYR001", lambda s: s.replace('right = ["carried_over"]', 'right = ["last:carried_over"]'), "right[0]", "应为本年报告的"),
    ("cross_year/XYR001", lambda s: s.replace('left = ["last:carried_forward"]', 'left = ["last:carried_fwd"]'), "left[0]",
     "表三没有「carried_fwd」这一行"),
    ("cross_year/XYR001", lambda s: s.replace('only = ["natural",', 'only = ["nature",'), "only", "表三没有这些列"),
    # every field is validated at load time (a rule that silently stops applying is a bad file)
    ("consistency/CON008", lambda s: s.replace("patterns = [", "patterns = [\"(未闭合\", "), "patterns[0]", "不是有效的正则表达式"),
    ("consistency/CON008", lambda s: s.replace('cell = "t3.result.other.unpaid_fee.total"', 'cell = "t3.result.other.unpaid.total"'),
     "cell", "表三没有「result.other.unpaid」这一行"),
    ("value/VAL001", lambda s: s.replace('kind = "blank_cells"', 'kind = "blank_cells"\nstatus = "stabel"'), "status", "没有这个状态 'stabel'"),
    ("value/VAL001", lambda s: s.replace('kind = "blank_cells"', 'kind = "blank_cells"\ntemplates = ["2012"]'), "templates", "不认识 ['2012']"),
    ("value/VAL001", lambda s: s.replace('kind = "blank_cells"', 'kind = "blank_cells"\nyears = [2021, 2019]'), "years", "从小到大"),
    ("value/VAL001", lambda s: s.replace('kind = "blank_cells"', 'kind = "blank_cells"\nbody_kinds = ["county"]'), "body_kinds",
     "不认识 ['county']"),
    ("value/VAL001", lambda s: s.replace('kind = "blank_cells"', 'kind = "blank_cells"\nsince = "soon"'), "since", "应为版本号"),
    ("value/VAL001", lambda s: s.replace("many = ", "lots = "), "messages.lots", "没有这种情形"),
    ("consistency/CON001", lambda s: s.replace("no_title = ", "no_titel = "), "messages.no_titel", "没有这种情形"),
    ("consistency/CON009", lambda s: s.replace("same_amount = ", "# same_amount = "), "messages.same_amount", "缺少这种情形的提示语"),
    ("consistency/CON009", lambda s: s.replace("（{fees}万元）", "（{fee}万元）"), "messages.same_amount", "没有占位符 {fee}"),
    ("timeliness/TIM001", lambda s: s.replace('government = "03-31"', 'government = "03-32"'), "params.due.government", "月-日"),
    ("timeliness/TIM001", lambda s: s.replace('function = "published_late"', 'function = "published_later"'), "function",
     "没有 'published_later' 这个函数"),
    ("copy/CPY001", lambda s: s.replace("threshold = 0.5", "threshold = 5"), "threshold", "0到1之间"),
    ("copy/CPY001", lambda s: s.replace('scope = "section:problems"', 'scope = "section:problem"'), "scope", "section:章节"),
])
def test_bad_rule_file_names_file_and_key(tmp_path, rule, edit, key, problem):
    rules_dir = _rules_copy(tmp_path)
    path = rules_dir / f"{rule}.toml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load_rules(rules_dir)
    assert str(info.value).startswith(f"{path}: {key}: ")   # errors.RuleFileError: file, key, the Chinese problem
    assert problem in str(info.value)


def test_duplicate_code_is_refused(tmp_path):
    rules_dir = _rules_copy(tmp_path)
    text = (rules_dir / "value" / "VAL001.toml").read_text(encoding="utf-8")
    (rules_dir / "value" / "VAL099.toml").write_text(
        text.replace('code = "VAL001"', 'code = "VAL099"\naliases = ["VAL001"]'), encoding="utf-8")
    with pytest.raises(RuleFileError, match="VAL001 已由 .* 使用"):
        load_rules(rules_dir)


def test_no_message_is_left_to_python():
    """Every sentence is in its rule file: no rule's message is a bare placeholder."""
    for rule in RULES:
        for text in (rule.message, *rule.messages.values()):
            assert "{detail}" not in text, rule.code
            assert placeholders(text) != {text.strip()[1:-1]} or not text.strip().startswith("{"), rule.code


def test_national_deadlines_cover_every_kind_of_body_alike():
    """TIM001 (late) and TIM002 (possibly late) state the same deadlines, for every kind of body."""
    from checker.dates import BODY_KINDS

    late, doubtful = (next(r for r in RULES if r.code == code).params["params"] for code in ("TIM001", "TIM002"))
    assert set(late["due"]) == set(BODY_KINDS) and late == doubtful


def test_end_of_month_deadlines_know_leap_years():
    from datetime import date

    from checker.engine.params import month_day

    assert month_day("02-end", 2024) == date(2024, 2, 29) and month_day("02-end", 2025) == date(2025, 2, 28)
