"""When a report was published, and by when it had to be (条例 第四十九条)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .chars import compact, nfkc
from .document import Document, Heading, Location, Paragraph
from .normalize import parse_int

_CN_DATE = re.compile(r"(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日")
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_PUBLISHED_LABEL = re.compile(r"^(发布时间|发布日期|公开日期|成文日期|日期)[:：]")
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")


@dataclass(frozen=True, slots=True)
class Published:
    date: date
    source: str               # option | page | signature | metadata
    evidence: str
    location: Location | None = None


def _make(y: str, m: str, d: str) -> date | None:
    try:
        year, month, day = parse_int(y), parse_int(m), parse_int(d)
        return date(year, month, day) if year and month and day else None
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    text = nfkc(text)
    m = _CN_DATE.search(text) or _ISO_DATE.search(text)
    return _make(*m.groups()) if m else None


def publication_dates(document: Document) -> list[Published]:
    """Dates that say when the report came out, most trustworthy first: the
    site's 发布时间 line, the signature (落款) date at the end, file metadata."""
    blocks = [b for b in document.blocks if isinstance(b, (Heading, Paragraph))]
    out: list[Published] = []
    for block in blocks[:12]:
        key = compact(block.text)
        if _PUBLISHED_LABEL.match(key):
            when = parse_date(key)
            if when:
                out.append(Published(when, "page", block.text, block.location))
    for block in blocks[-4:]:
        text = block.text.strip()
        when = parse_date(text)
        if when and len(compact(text)) <= 30 and _CN_DATE.search(nfkc(text)):
            out.append(Published(when, "signature", text, block.location))
    # A file is published no earlier than it was made: its creation date is the
    # better evidence (a later re-save moves ModDate, not CreationDate).
    for key in ("pdf:CreationDate", "pdf:ModDate"):
        m = _PDF_DATE.match(document.metadata.get(key, ""))
        if m and (when := _make(*m.groups())):
            out.append(Published(when, "metadata", f"{key[4:]} {document.metadata[key]}"))
            break
    return out


# The kinds of body that report, from the body's name. Article 49 (deadlines) names
# departments and 县级以上地方人民政府; article 50 asks assessment, evaluation and
# accountability results of 各级人民政府 (province … county, and 乡镇人民政府) only.
#   government   省/市/县/区/旗 人民政府, or a place name alone (北京市2024年…: its government)
#   township     乡/镇 人民政府 (a level of government)
#   subdistrict  街道办事处, 片区管理局: township-level bodies sent out by a district
#                government (派出机关/机构), not a level of government
#   zone         开发区/实验区 管委会 (管理委员会): a government's 派出机构, county level
#                or above, that reports like a government but is not one
#   department   局/委/办/厅, 办公厅/办公室 … ; unknown: no name
BODY_KINDS = ("government", "township", "subdistrict", "zone", "department", "unknown")
_SUBDISTRICT = re.compile(r"(街道办事处|街道|片区管理局)$")
_TOWNSHIP = re.compile(r"(镇|乡)(人民)?政府$|(镇|乡)$")
_ZONE = re.compile(r"(管理委员会|管委会)$")
_ZONE_PLACE = re.compile(r"(开发区|实验区|试验区|示范区|高新区|合作区|园区|片区)$")
_PLACE = re.compile(r"(省|市|县|区|旗|州|盟|自治区)$")


def body_kind(body: str | None) -> str:
    """One of BODY_KINDS, from the body's name (第四十九条, 第五十条)."""
    if not body:
        return "unknown"
    name = re.sub(r"[（(].*?[)）]", lambda m: m.group(0)[1:-1], compact(body))
    if name.endswith("办公室") or name.endswith("办公厅"):
        return "department"
    if _SUBDISTRICT.search(name):
        return "subdistrict"
    if _TOWNSHIP.search(name):
        return "township"
    if _ZONE.search(name):
        return "zone"
    if name.endswith("人民政府"):
        return "government"
    if _ZONE_PLACE.search(name):
        return "zone"       # 平潭综合实验区2024年…: the zone's 管委会 reports
    if _PLACE.search(name):
        return "government"  # 北京市2024年…: a place name alone is its government's report
    return "department"


# What a template row's `zero_for` may name: the kinds, and a government's level where a
# row depends on it (规章 are made by provincial and city governments, not by a county's,
# nor so by a county's or a zone's departments).
COUNTY_GOVERNMENT = "county_government"
COUNTY_DEPARTMENT = "county_department"
BODY_TAGS = (*BODY_KINDS, COUNTY_GOVERNMENT, COUNTY_DEPARTMENT)
_COUNTY = re.compile(r"(县|区|旗)(人民政府)?$")
# a department's place: the places its name starts with, the last one deciding its level
# (平潭综合实验区市场监督管理局, 淮安市洪泽区公安局; 自治区 is a province)
_DEPARTMENT_PLACE = re.compile(r"^(?:[\u4e00-\u9fff]{1,9}?(?:省|自治区|自治州|市|州|地区|盟))*"
                               r"[\u4e00-\u9fff]{1,9}?(?<!自治)(?:县|区|旗)(?=[\u4e00-\u9fff]{2})")


def body_tags(body: str | None) -> frozenset[str]:
    """The body's kind, and county_government for 县/区/旗 governments (淮安市洪泽区人民政府),
    county_department for the departments of a 县/区/旗 or a zone (平潭综合实验区公安局)."""
    kind = body_kind(body)
    name = compact(body or "")
    if kind == "government" and _COUNTY.search(name):
        return frozenset({kind, COUNTY_GOVERNMENT})
    if kind == "department" and _DEPARTMENT_PLACE.match(name):
        return frozenset({kind, COUNTY_DEPARTMENT})
    return frozenset({kind})
