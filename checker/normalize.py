"""Text normalisation shared by every stage: matching keys, numbering, numbers.

Stored document text stays as printed (apart from traditional -> simplified,
see chars.simplify); the keys built here are only for matching and parsing.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .chars import compact, nfkc

# Leading numbering of headings and row labels: 一、 （一） (1) 1. 1、 第一部分
_NUMBERING = re.compile(
    r"^\s*(?:"
    r"第[一二三四五六七八九十]+(?:部分|条|项)?[、.．,，:：\s]*"
    r"|[（(]\s*[一二三四五六七八九十\d]+\s*[)）][、.．]?"
    r"|[一二三四五六七八九十]+\s*[、.．,，]"
    r"|\d{1,2}\s*[、.．](?!\d)"
    r"|\d{1,2}\s+(?=[^\d\s年])"
    r")\s*"
)
_NUMERAL = re.compile(r"^\s*(?:[（(]\s*)?([一二三四五六七八九十]+|\d{1,2})\s*[)）、.．,，]")


def strip_numbering(text: str) -> str:
    """'三、收到和处理…' -> '收到和处理…'; '（二）部分公开' -> '部分公开'."""
    previous = None
    text = text.strip()
    while previous != text:  # '三、本年度办理结果 （一）予以公开' keeps its inner numbering
        previous = text
        text = _NUMBERING.sub("", text, count=1)
    return text


def leading_numeral(text: str) -> str | None:
    """The numeral a heading starts with, as printed ('三', '2'), or None."""
    m = _NUMERAL.match(nfkc(text))
    return m.group(1) if m else None


def label_key(text: str) -> str:
    """Matching key for a label: width-folded, unnumbered, no spaces or punctuation."""
    text = compact(text)
    text = strip_numbering(text)
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith(("P", "S", "Z", "C")))


# --- numbers printed in cells ---------------------------------------------

# No figure of a report runs longer (a count of billions, an amount with its decimals): a
# longer run of digits is not a number (and Python refuses to convert past 4300 digits).
MAX_NUMBER_CHARS = 20

# What a blank count cell is printed as, besides nothing at all.
PLACEHOLDERS = frozenset({"/", "-", "—", "――", "--", "——", "－", "无", "空", "不涉及", "N/A", "NA", "／", "∕", "⁄", "\\", "*"})
_UNIT = re.compile(r"(万元|元|件|个|次|条|项|人次|人)$")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


@dataclass(frozen=True, slots=True)
class ParsedCell:
    """A table cell read as a number, or why it is not one."""

    kind: str                       # number | blank | placeholder | text
    number: int | Decimal | None = None
    decimals: int = 0               # printed decimal places (tolerance of money)
    unit: str | None = None         # unit printed in the cell ('元')


@lru_cache(maxsize=16384)   # the same few cell texts are asked about by mapping, values and rules
def parse_cell(text: str) -> ParsedCell:
    """'1,234' -> 1234; '２５１０００元' -> 251000 with unit 元; '／' -> placeholder."""
    raw = compact(text)
    if not raw:
        return ParsedCell("blank")
    if raw in PLACEHOLDERS or nfkc(text).strip() in PLACEHOLDERS:
        return ParsedCell("placeholder")
    body = raw.replace(",", "").replace("，", "")
    unit = None
    m = _UNIT.search(body)
    if m and m.start() > 0:
        unit, body = m.group(1), body[: m.start()]
    if not _NUMBER.match(body) or len(body) > MAX_NUMBER_CHARS:
        return ParsedCell("text")
    try:
        value = Decimal(body)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
        return ParsedCell("text")
    if "." in body:
        return ParsedCell("number", value, len(body.split(".")[1]), unit)
    return ParsedCell("number", int(value), 0, unit)


# --- Chinese numerals ------------------------------------------------------

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
           "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
           "九": 9, "玖": 9}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS) + "廿"


def parse_chinese_number(text: str) -> int | None:
    """十二 -> 12, 一百零三 -> 103, 两千零二十四 -> 2024, 二〇二四 -> 2024, 三万五 -> 35000."""
    text = text.replace("廿", "二十")
    if not text or any(ch not in _DIGITS and ch not in _SMALL_UNITS and ch not in _BIG_UNITS for ch in text):
        return None
    if all(ch in _DIGITS for ch in text):  # digit by digit, as years are written: 二〇二四
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, None
    last_unit = 1
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            last_unit = _SMALL_UNITS[ch]
            section += (1 if digit is None else digit) * last_unit
            digit = None
        else:
            last_unit = _BIG_UNITS[ch]
            section += digit or 0
            total += (section or 1) * last_unit
            section, digit = 0, None
    if digit is not None:
        # 三万五 / 一百五: a trailing digit after a unit is one unit lower.
        previous = text[-2] if len(text) > 1 else ""
        if previous in _SMALL_UNITS or previous in _BIG_UNITS:
            section += digit * (last_unit // 10 if last_unit >= 10 else 1)
        else:
            section += digit
    return total + section


def parse_int(printed: str) -> int | None:
    """'12', '１,２００', '十二', '二〇二四' -> int; None when it is no whole number (nor one
    longer than any figure a report prints)."""
    printed = nfkc(printed).replace(",", "").replace("，", "").strip()
    if len(printed) > MAX_NUMBER_CHARS:
        return None
    return int(printed) if printed.isdigit() else parse_chinese_number(printed)
