"""Issue item 8: warnings that were false on real reports (CON007, XYR003, CON010, CPY002)
and the body name of a report whose title drops its city."""
from __future__ import annotations

import tomllib

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
