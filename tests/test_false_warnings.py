"""Issue item 8: warnings that were false on real reports (CON007, XYR003, CON010, CPY002)
and the body name of a report whose title drops its city."""
from __future__ import annotations

import tomllib
from datetime import date

import pytest

from checker.dates import BODY_KINDS, body_kind, deadline
from checker.engine.computed import KIND_ZH
from checker.engine.loader import load_rule
from checker.facts import body_from_title

from .conftest import ROOT

RULES = ROOT / "rules"


def _patterns(path: str) -> list[str]:
    return tomllib.loads((RULES / path).read_text(encoding="utf-8"))["patterns"]


def test_con008_accepts_every_fee_wording_con007_accepts():
    """What counts as writing about 信息处理费 is one vocabulary: a section 六 that satisfies
    CON007 never leaves CON008 saying it does not mention the fees."""
    con007, con008 = _patterns("consistency/CON007.toml"), _patterns("consistency/CON008.toml")
    assert con008[: len(con007)] == con007
    assert con008[len(con007):] == ["缴费|缴纳"]


# --- CON010: article 50 asks its results of 各级人民政府 only ------------------------------

REAL = ROOT.parent / "shared" / "real-reports"


def _crawled_title(name: str) -> str:
    """The 标题 line the crawler wrote at the top of a run-on capture."""
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} is not here")
    line = next(l for l in path.read_text(encoding="utf-8").splitlines() if l.startswith("标题"))
    return line.split(":", 1)[1].strip()


@pytest.mark.parametrize("name, kind", [
    ("淮安市人民政府", "government"), ("淮安市洪泽区人民政府", "government"), ("北京市", "government"),
    ("濮阳县庆祖镇人民政府", "township"), ("某某乡", "township"),
    ("澄河市明远区望溪街道办事处", "subdistrict"), ("某某区某某街道", "subdistrict"),
    ("平潭综合实验区（管委会）", "zone"), ("平潭综合实验区管理委员会", "zone"), ("平潭综合实验区", "zone"),
    ("某某经济技术开发区管委会", "zone"),
    ("上海市人民政府办公厅", "department"), ("淮安市人民政府办公室", "department"),
    ("平潭综合实验区管委会办公室", "department"), ("平潭综合实验区市场监督管理局", "department"),
])
def test_body_kinds(name, kind):
    assert body_kind(name) == kind


def test_haitan_area_bureau_is_a_subdistrict_body():
    """平潭综合实验区海坛片区管理局 (real, 2019): a township-level body a zone sends out — not a
    level of government (no article 50 results asked), the township deadline."""
    body = body_from_title(_crawled_title("pingtan_haitan_2019.txt"))
    assert body == "平潭综合实验区海坛片区管理局"
    assert body_kind(body) == "subdistrict"
    assert "subdistrict" not in load_rule(RULES / "consistency" / "CON010.toml").body_kinds


def test_deadlines_by_kind():
    january, march = date(2025, 1, 31), date(2025, 3, 31)
    assert deadline(2024, "government") == deadline(2024, "zone") == (march, None)
    assert deadline(2024, "township") == deadline(2024, "subdistrict") == (january, march)
    assert deadline(2024, "department") == deadline(2024, "unknown") == (january, None)


def test_every_rule_names_known_body_kinds():
    for path in sorted(RULES.glob("*/[A-Z]*.toml")):
        assert set(load_rule(path).body_kinds) <= set(BODY_KINDS), path.name
    assert set(KIND_ZH) == set(BODY_KINDS)   # the deadline message names every kind
