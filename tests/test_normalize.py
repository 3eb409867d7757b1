"""Numbers in cells, Chinese numerals, label keys: table-driven."""
from __future__ import annotations

from decimal import Decimal

import pytest

from checker.normalize import label_key, leading_numeral, parse_cell, parse_chinese_number, strip_numbering


@pytest.mark.parametrize("printed, kind, number, unit", [
    ("0", "number", 0, None),
    ("1,234", "number", 1234, None),
    ("１２３", "number", 123, None),               # full-width digits
    (" 1 2 ", "number", 12, None),                  # stray spaces / a number split over lines
    ("3\n985\n758", "number", 3985758, None),
    ("251000元", "number", 251000, "元"),
    ("75394432.52元", "number", Decimal("75394432.52"), "元"),
    ("96171.6", "number", Decimal("96171.6"), None),
    ("12件", "number", 12, "件"),
    ("-2", "number", -2, None),
    ("", "blank", None, None),
    ("\u00a0", "blank", None, None),
    ("/", "placeholder", None, None),
    ("／", "placeholder", None, None),
    ("—", "placeholder", None, None),
    ("-", "placeholder", None, None),
    ("无", "placeholder", None, None),
    ("暂无", "text", None, None),
    ("未统计", "text", None, None),
    ("1.2.3", "text", None, None),
])
def test_parse_cell(printed, kind, number, unit):
    parsed = parse_cell(printed)
    assert (parsed.kind, parsed.number, parsed.unit) == (kind, number, unit)


def test_parse_cell_keeps_printed_decimals():
    assert parse_cell("18651.06").decimals == 2
    assert parse_cell("0.50").decimals == 2


# The 22 cases of TOOLING.md §5.
@pytest.mark.parametrize("text, value", [
    ("十二", 12), ("一百零三", 103), ("两", 2), ("十", 10), ("二十", 20), ("一千零一", 1001),
    ("两千零二十四", 2024), ("〇", 0), ("零", 0), ("一万二千", 12000), ("三万五", 35000), ("一百五", 150),
    ("二〇二四", 2024), ("壹佰贰拾", 120), ("十一万", 110000), ("一亿零五", 100000005), ("廿三", 23),
    ("两百", 200), ("一千二百三十四", 1234), ("九万九千九百九十九", 99999), ("一十五", 15), ("四百三十三", 433),
])
def test_parse_chinese_number(text, value):
    assert parse_chinese_number(text) == value


@pytest.mark.parametrize("text", ["", "十二件", "abc", "第三"])
def test_parse_chinese_number_refuses_non_numerals(text):
    assert parse_chinese_number(text) is None


@pytest.mark.parametrize("printed, key", [
    ("三、收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开区分处理的只计这一情形不计其他情形"),
    ("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)", "部分公开区分处理的只计这一情形不计其他情形"),
    ("1. 属于国家秘密", "属于国家秘密"),
    ("1、属于国家秘密", "属于国家秘密"),
    ("3. 危及“三安全一稳定”", "危及三安全一稳定"),
    ("3.危及\"三安全一稳定\"", "危及三安全一稳定"),
    ("结果 维持", "结果维持"),
    ("商业\n企业", "商业企业"),
    ("⼀、总体情况", "总体情况"),                       # Kangxi radical 一 from a PDF font
    ("部⻔", "部门"),                                   # CJK radical supplement
])
def test_label_key(printed, key):
    assert label_key(printed) == key


def test_numbering_helpers():
    assert strip_numbering("第二部分 主动公开") == "主动公开"
    assert leading_numeral("三、依申请公开情况") == "三"
    assert leading_numeral("（七）总计") == "七"
    assert leading_numeral("2024 年") is None
