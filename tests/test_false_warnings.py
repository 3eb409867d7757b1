"""Issue item 8: warnings that were false on real reports (CON007, XYR003, CON010, CPY002)
and the body name of a report whose title drops its city."""
from __future__ import annotations

import tomllib

import pytest

from checker.check import check_document, check_file, cross_year_findings, record_of
from checker.dates import BODY_KINDS, body_kind
from checker.engine.computed import KIND_ZH
from checker.engine.loader import load_rule
from checker.extract import document_from_bytes
from checker.facts import body_from_title
from checker.pairing import find_pairs, overlap_ratio
from checker.record import Record

from .conftest import PINGTAN, ROOT, SAMPLES, load_json

RULES = ROOT / "rules"
REAL = SAMPLES / "runon"   # real run-on crawl captures (copies of shared/real-reports)
DATA = ROOT / "tests" / "data"


def _patterns(path: str) -> list[str]:
    return tomllib.loads((RULES / path).read_text(encoding="utf-8"))["patterns"]


def test_con008_accepts_every_fee_wording_con007_accepts():
    """What counts as writing about 信息处理费 is one vocabulary: a section 六 that satisfies
    CON007 never leaves CON008 saying it does not mention the fees."""
    con007, con008 = _patterns("consistency/CON007.toml"), _patterns("consistency/CON008.toml")
    assert con008[: len(con007)] == con007
    assert con008[len(con007):] == ["缴费|缴纳"]


# --- CON010: article 50 asks its results of 各级人民政府 only ------------------------------

def _crawled_title(name: str) -> str:
    """The 标题 line the crawler wrote at the top of a run-on capture."""
    path = REAL / name
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
    """TIM001's deadlines (its TOML): departments 31 January, governments and a zone's 管委会
    (not named in article 49: never called late when it might not be) 31 March; townships and
    subdistricts the departments' date, which most provinces give them, with 31 March hard."""
    params = load_rule(RULES / "timeliness" / "TIM001.toml").params["params"]
    assert params["due"] == {"department": "01-31", "unknown": "01-31", "government": "03-31", "zone": "03-31",
                             "township": "01-31", "subdistrict": "01-31"}
    assert params["hard"] == {"township": "03-31", "subdistrict": "03-31"}


def test_departments_of_a_county_or_a_zone_are_tagged_for_their_level():
    """Their government makes no 规章 (立法法第九十三条), so neither do they; a city's or a
    province's department (and its 办公厅) may publish its government's."""
    from checker.dates import body_tags
    assert body_tags("平潭综合实验区市场监督管理局") == {"department", "county_department"}
    assert body_tags("淮安市洪泽区人民政府办公室") == {"department", "county_department"}
    assert body_tags("濮阳县教育局") == {"department", "county_department"}
    assert body_tags("淮安市生态环境局") == body_tags("上海市人民政府办公厅") == {"department"}
    assert body_tags("内蒙古自治区公安厅") == {"department"}   # 自治区 is a province
    assert body_tags("淮安市洪泽区人民政府") == {"government", "county_government"}


def test_every_template_row_names_known_body_tags():
    """A misspelt kind in a row's zero_for would silently keep its STR007 an error."""
    from checker.dates import BODY_TAGS
    from checker.templates import load_templates
    for template in load_templates().values():
        for table in template.tables.values():
            for row in table.rows:
                assert set(row.zero_for) <= set(BODY_TAGS), (template.id, row.id)


def test_every_rule_names_known_body_kinds():
    for path in sorted(RULES.glob("*/[A-Z]*.toml")):
        assert set(load_rule(path).body_kinds) <= set(BODY_KINDS), path.name
    assert set(KIND_ZH) == set(BODY_KINDS)   # the deadline message names every kind


# --- CPY002: the wording every report shares is not copied text ----------------------------



def _capture_text(path) -> str:
    """The article text of a run-on crawl (what follows the crawler's 正文 line)."""
    return path.read_text(encoding="utf-8").split("==================== 正文 ====================", 1)[1]


def _pair(this_path, last_path=None, last_bytes=None):
    this = record_of(check_file(this_path))
    if last_bytes is None:
        last = record_of(check_file(last_path))
    else:
        last = record_of(check_document(document_from_bytes(last_bytes, "last.html"), "last.html"))
    return cross_year_findings(this, last)


def test_rewritten_department_report_is_not_a_copy():
    """平潭综合实验区公安局: the real 2022 capture (tables inline) and its 2023 report rewritten from
    it (tests/data, tools/make_pair_samples.py): new prose, the template's wording kept. Counting the
    shared wording, 79% looked copied (77% with the rule as it was); the report's own text is 22%."""
    real_2022 = _capture_text(REAL / "pingtan_gongan_2022.txt")
    rewritten_2023 = _capture_text(DATA / "pingtan_gongan_2023_rewritten.txt")
    assert overlap_ratio(rewritten_2023, real_2022, own_text_only=False) > 0.75
    assert round(overlap_ratio(rewritten_2023, real_2022), 2) == 0.22


def test_different_real_bodies_share_little():
    """平潭综合实验区市场监督管理局 2023 beside 平潭综合实验区管委会 2022 (both real captures, one
    region, one template): 43% before, now far below half."""
    shichang = _capture_text(REAL / "pingtan_shichang_2023.txt")
    zone = _capture_text(REAL / "pingtan_2022.txt")
    assert overlap_ratio(shichang, zone, own_text_only=False) > 0.4
    assert overlap_ratio(shichang, zone) < 0.15


def test_word_for_word_copy_of_a_capture_is_still_all_copied():
    real_2022 = _capture_text(REAL / "pingtan_gongan_2022.txt")
    assert overlap_ratio(real_2022, real_2022.replace("2022", "2021")) == 1.0


def test_huaian_and_hongze_are_different_bodies():
    """淮安市人民政府 2024 and 洪泽区人民政府 2023 (real PDFs of one city, one office's layout): 21% of
    the whole text before, 4% of their own text now; no copy finding either way."""
    findings, summary = _pair(SAMPLES / "huaian_2024.pdf", SAMPLES / "hongze_2023.pdf")
    assert summary.overlap == {"document": 0.061, "problems": 0.066}
    assert not [f for f in findings if f.rule.startswith("CPY")]


def test_pingtan_rewritten_by_its_office_stays_quiet():
    findings, summary = _pair(PINGTAN, SAMPLES / "pairs" / "pingtan_2023.html")
    assert summary.overlap == {"document": 0.139, "problems": 0.08}
    assert not [f for f in findings if f.rule.startswith("CPY")]


def test_pingtan_copied_word_for_word_is_reported():
    """Last year's report the same page with only the years changed: 100%, both copy rules."""
    copied = PINGTAN.read_bytes().replace(b"2024", b"2023").replace(b"2025", b"2024")
    findings, summary = _pair(PINGTAN, last_bytes=copied)
    assert summary.overlap == {"document": 1.0, "problems": 1.0}
    got = [(f.rule, f.severity.value, f.location.section, f.message) for f in findings if f.rule.startswith("CPY")]
    assert got == [
        ("CPY001", "warning", "problems", "第五部分「存在的主要问题及改进情况」有100%的文字与2023年报告相同（超过一半）"),
        ("CPY002", "warning", None, "全文有100%的文字与2023年报告相同（超过一半）"),
    ]


def test_boilerplate_file_errors_name_the_key(tmp_path):
    from checker.errors import RuleFileError
    from checker.templates import load_boilerplate

    (tmp_path / "templates").mkdir()
    path = tmp_path / "templates" / "boilerplate.toml"
    path.write_text("[copy]\nsentences = ['本报告(根据']\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"copy\.sentences\[0\]: 不是有效的正则表达式"):
        load_boilerplate(tmp_path)
    path.write_text("[figures]\npatterns = ['(共分)\\\\d+个部分']\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"figures\.patterns\[0\]: 请用 \(\?:…\)"):
        load_boilerplate(tmp_path)


# --- the body's name: the place prefix the title dropped ------------------------------------

def _body_of(data: bytes, name: str) -> str | None:
    return check_document(document_from_bytes(data, name), name).to_dict()["body"]


def test_hongze_body_takes_the_city_its_own_text_names():
    """Title 「洪泽区人民政府 2023 年…」; the report: 「本报告由淮安市洪泽区人民政府办公室…编制」."""
    path = SAMPLES / "hongze_2023.pdf"
    want = load_json(path.with_suffix(".expected.json"))["body"]
    assert want == "淮安市洪泽区人民政府"
    assert check_file(path).to_dict()["body"] == want


SEED_TITLE = "# 濮阳县庆祖镇人民政府 2024 年"
DROPPED_TITLE = "# 庆祖镇人民政府 2024 年政府信息公开工作年度报告"
SEED_SIX = "#### 六、其他需要报告的事项\n\n无"


def test_seed_title_without_its_county_signed_with_it():
    data = (SAMPLES / "qingzu_2024.txt").read_text(encoding="utf-8")
    dropped = data.replace(SEED_TITLE, "# 庆祖镇人民政府 2024 年")
    assert _body_of(dropped.encode(), "t.txt") == "庆祖镇人民政府"          # nothing names the county
    signed = dropped.replace(SEED_SIX, SEED_SIX + "\n\n濮阳县庆祖镇人民政府\n\n2025年1月20日")
    assert _body_of(signed.encode(), "t.txt") == "濮阳县庆祖镇人民政府"
    compiled = dropped.replace(DROPPED_TITLE, DROPPED_TITLE + "\n\n本报告由濮阳县庆祖镇人民政府办公室编制。")
    assert _body_of(compiled.encode(), "t.txt") == "濮阳县庆祖镇人民政府"


def test_only_a_place_prefix_of_the_same_body_is_taken():
    data = (SAMPLES / "qingzu_2024.txt").read_text(encoding="utf-8").replace(SEED_TITLE, "# 庆祖镇人民政府 2024 年")
    for sentence in ("本报告由镇党政办公室会同庆祖镇人民政府各站所编制。",      # not a place before the body
                     "本报告由濮阳县人民政府办公室编制。"):                    # another body
        text = data.replace(SEED_SIX, SEED_SIX + "\n\n" + sentence).replace(DROPPED_TITLE, DROPPED_TITLE + "\n\n" + sentence)
        assert _body_of(text.encode(), "t.txt") == "庆祖镇人民政府", sentence


def test_a_prefix_named_one_year_and_dropped_the_next_still_pairs():
    this = {"file": "hongze_2024.pdf", "year": 2024, "body": "洪泽区人民政府"}
    last = {"file": "hongze_2023.pdf", "year": 2023, "body": "淮安市洪泽区人民政府"}
    assert [(p.this.file, p.last.file) for p in find_pairs(map(Record.from_dict, [this, last]))] == \
        [("hongze_2024.pdf", "hongze_2023.pdf")]
    this, last = {**this, "body": "淮安市洪泽区人民政府"}, {**last, "body": "洪泽区人民政府"}
    assert [(p.this.file, p.last.file) for p in find_pairs(map(Record.from_dict, [this, last]))] == \
        [("hongze_2024.pdf", "hongze_2023.pdf")]


@pytest.mark.parametrize("this", ["html/county_2024_clean.html", "pdf/county_2024_clean.chromium.pdf",
                                  "pdf/county_2024_clean.libreoffice.pdf", "docx/county_2024_clean.docx"])
def test_the_measure_does_not_depend_on_the_format(this):
    """The same report as HTML, as PDF (lines wrapped mid-sentence) and as Word: the boilerplate
    is recognised across a wrapped line, so the ratio is the same."""
    _, summary = _pair(SAMPLES / this, SAMPLES / "pairs" / "county_2023.html")
    assert summary.overlap == {"document": 0.774, "problems": 0.226}


@pytest.mark.parametrize("this", ["html/county_2024_errors.html", "pdf/county_2024_errors.noto.pdf"])
def test_a_copy_printed_to_pdf_is_still_all_copied(this):
    """county_2024_errors: its 五 is empty and the rest last year's text with the figures
    changed; the Noto-printed PDF wraps the preamble's sentences over lines (89% when they were
    not rejoined)."""
    findings, summary = _pair(SAMPLES / this, SAMPLES / "pairs" / "county_2023.html")
    assert summary.overlap == {"document": 1.0, "problems": None}
    assert [(f.rule, f.message) for f in findings if f.rule.startswith("CPY")] == [
        ("CPY002", "全文有100%的文字与2023年报告相同（超过一半）")]
