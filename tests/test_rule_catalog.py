"""Every rule has a doc, a fixture that fires and one that stays silent; rule files are validated."""
from __future__ import annotations

import shutil
import tomllib

import pytest

from checker.engine.loader import KINDS, load_rules
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
     "right[1]", "unknown row id 'carried_fwd'"),
    ("arithmetic/ARI003", lambda s: s.replace('kind = "equation"', 'kind = "balance"'), "kind", "unknown kind 'balance'"),
    ("arithmetic/ARI003", lambda s: s.replace("({left})", "({lefty})"), "message", "unknown placeholder(s) ['lefty']"),
    ("arithmetic/ARI003", lambda s: s.replace('code = "ARI003"', 'code = "ARI009"'), "code", "must equal the file name"),
    ("arithmetic/ARI003", lambda s: s.replace('severity = "error"', 'severity = "fatal"'), "category/severity", "fatal"),
    ("arithmetic/ARI003", lambda s: s.replace('left = ["new", "carried_over"]', 'left = "new"'), "left", "must be"),
    ("arithmetic/ARI003", lambda s: s.replace("[doc]", "[doc]\nextra = 1").replace('what = ', 'wha = '), "doc.what", "missing"),
    ("cross_year/XYR001", lambda s: s.replace('right = ["carried_over"]', 'right = ["last:carried_over"]'), "right[0]", "must be this year's"),
    ("cross_year/XYR001", lambda s: s.replace('left = ["last:carried_forward"]', 'left = ["last:carried_fwd"]'), "left[0]",
     "unknown row id 'carried_fwd'"),
    ("cross_year/XYR001", lambda s: s.replace('only = ["natural",', 'only = ["nature",'), "only", "unknown column id"),
])
def test_bad_rule_file_names_file_and_key(tmp_path, rule, edit, key, problem):
    rules_dir = _rules_copy(tmp_path)
    path = rules_dir / f"{rule}.toml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load_rules(rules_dir)
    assert str(info.value).startswith(f"{path}: {key}: ")
    assert problem in str(info.value)


def test_duplicate_code_is_refused(tmp_path):
    rules_dir = _rules_copy(tmp_path)
    text = (rules_dir / "value" / "VAL001.toml").read_text(encoding="utf-8")
    (rules_dir / "value" / "VAL099.toml").write_text(
        text.replace('code = "VAL001"', 'code = "VAL099"\naliases = ["VAL001"]'), encoding="utf-8")
    with pytest.raises(RuleFileError, match="VAL001 is also used by"):
        load_rules(rules_dir)
