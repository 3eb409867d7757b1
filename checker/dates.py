"""When a report was published, and by when it had to be (条例 第四十九条)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .document import Document, Heading, Location, Paragraph
from .normalize import compact, nfkc, parse_int

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


def body_kind(body: str | None) -> str:
    """township | government | department | unknown, from the body's name (第四十九条)."""
    if not body:
        return "unknown"
    name = re.sub(r"[（(].*?[)）]", lambda m: m.group(0)[1:-1], body)
    if re.search(r"(镇|乡)(人民)?政府$|街道办事处$|街道$|(镇|乡)$", name):
        return "township"
    if re.search(r"(人民政府|管委会|管理委员会)$", name) and not name.endswith("办公室"):
        return "government"
    if re.search(r"(省|市|县|区|旗|州|盟|自治区)$", name):
        return "government"  # 北京市2024年…: a place name alone is its government's report
    return "department"


def deadline(year: int, kind: str) -> tuple[date, date | None]:
    """(deadline, hard deadline) for a report of `year`: departments by 31 January,
    governments by 31 March; townships are given the departments' date by most
    provinces, so after 31 January is doubtful and after 31 March is late."""
    january, march = date(year + 1, 1, 31), date(year + 1, 3, 31)
    if kind == "government":
        return march, None
    if kind == "township":
        return january, march
    return january, None
