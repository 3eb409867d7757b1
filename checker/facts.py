"""Everything a rule may look at, built once per report: title, body, year,
template, sections, mapped tables and their values."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .chars import compact, nfkc
from .dates import Published, body_kind, body_tags, publication_dates
from .document import Document, Heading, Location, Paragraph
from .findings import CellRef
from .mapping import MappedTable, map_tables
from .normalize import parse_chinese_number
from .prose import Sentence, Statement, sentences_of, statements_in
from .runon import unroll
from .sections import SectionResult, find_sections
from .templates import TABLE_IDS, Template, load_templates
from .values import Value, read_values

_YEAR = re.compile(r"(\d{4}|[〇○零一二三四五六七八九]{4})\s*年")
_TITLE_WORDS = ("报告", "年报")
_TITLE_LABEL = re.compile(r"^(?:(?:标\s*题|文章标题|信息名称)\s*[:：]\s*)+")
_CHROME = re.compile(r"^(当前位置|您当前的位置|发布时间|来源|信息来源|索引号|字号|浏览次数|打印|关闭)")


@dataclass(slots=True)
class ReportFacts:
    document: Document
    title: str | None
    title_location: Location | None
    body: str | None
    year: int | None
    template: str | None                      # "2019" | "2021" | None
    table_templates: dict[str, str]           # per table, where its labels tell
    mixed_template: bool
    sections: SectionResult
    tables: dict[str, MappedTable]
    values: dict[CellRef, Value] = field(default_factory=dict)
    body_kind: str = "unknown"                 # one of dates.BODY_KINDS
    body_tags: frozenset[str] = frozenset()    # the kind, and the government's level where it matters (dates.BODY_TAGS)
    sentences: list[Sentence] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    published: list[Published] = field(default_factory=list)   # most trustworthy first
    signature: str | None = None               # the body named in the 落款 or "本报告由…编制"
    derived: dict[str, object] = field(default_factory=dict)   # what the engine works out once (identities)
    # a run-on capture's cells read by what the report says (rule codes, or "text" for the prose),
    # and the identities (rule code, row or column) that chose those readings: no evidence any more
    read_by: dict[CellRef, str] = field(default_factory=dict)
    used_to_read: set[tuple[str, str]] = field(default_factory=set)

    def section_text(self, section_id: str) -> str:
        return "".join(s.text for s in self.sentences if s.section == section_id)

    def template_for(self, table_id: str) -> Template | None:
        tid = self.table_templates.get(table_id) or self.template
        return load_templates().get(tid) if tid else None

    def value(self, table: str, row: str, column: str) -> Value | None:
        return self.values.get(CellRef(table, row, column))


def _year_of(text: str) -> int | None:
    for m in _YEAR.finditer(nfkc(text)):
        raw = m.group(1)
        year = int(raw) if raw.isdigit() else parse_chinese_number(raw)
        if year and 2000 <= year <= 2100:
            return year
    return None


def find_title(document: Document) -> tuple[str | None, Location | None]:
    """The report's title: an early line naming an annual report, else the page's metadata."""
    early = [b for b in document.blocks[:25] if isinstance(b, (Heading, Paragraph))]
    for i, block in enumerate(early):
        text = _TITLE_LABEL.sub("", block.text.strip())  # a site's 标题：… line is the title, label apart
        key = compact(text)
        if _CHROME.match(key) or len(key) > 80 or re.search(r"[>›»]", key):
            continue  # site chrome and breadcrumbs (首页 > 政府信息公开 > 年报)
        if any(w in key for w in _TITLE_WORDS) and ("公开" in key or "年度" in key) and not key.startswith("本报告"):
            # A title broken over two lines: 某某局 / 2024年政府信息公开工作年度报告
            if _year_of(text) is not None and re.match(r"^\s*(\d{4}|[〇○一二三四五六七八九]{4})\s*年", nfkc(text)) and i > 0:
                prev = early[i - 1].text.strip()
                if len(compact(prev)) <= 30 and not _CHROME.match(compact(prev)) and not prev.endswith("。"):
                    return f"{prev} {text}", early[i - 1].location
            return text, block.location
    for key in ("meta:ArticleTitle", "html_title"):
        if document.metadata.get(key):
            return re.split(r"[_|]| - ", document.metadata[key])[0].strip(), None
    return None, None


def body_from_title(title: str | None) -> str | None:
    """濮阳县庆祖镇人民政府 2024 年政府信息公开工作年度报告 -> 濮阳县庆祖镇人民政府."""
    if not title:
        return None
    text = nfkc(title).strip()
    # 中国人民银行政府信息公开工作2023年度报告: the body ends where the subject begins
    text = re.sub(r"(关于)?(政府信息公开|政务公开).*?(?=(\d{4}|[〇○零一二三四五六七八九]{4})\s*年)", "", text, count=1)
    m = _YEAR.search(text)
    if m and m.start() > 0:
        body = text[: m.start()]
    else:
        # 2024年某某局政府信息公开工作年度报告
        m2 = re.search(r"年度?\s*(.+?)\s*(?:政府信息公开|政务公开)", text)
        body = m2.group(1) if m2 else ""
    body = re.sub(r"^\s*关于|关于\s*$", "", body).strip(" 　:：《》“”\"")
    return body or None


# What ends the name of a body that reports (人民政府, 局, 管委会 …); a zone or
# place name alone (平潭综合实验区) does not say which organ reports.
ORGAN_SUFFIX = re.compile(
    r"(人民政府办公室|人民政府|政府办公室|办公厅|办公室|管理委员会|管委会|委员会|街道办事处|办事处|"
    r"政府|局|委|办|厅|署|院|所|中心|站|处|部|镇|乡|街道|公司|集团|分局|支队|大队)$"
)


def complete_body(body: str | None, document: Document) -> str | None:
    """平潭综合实验区 -> 平潭综合实验区（管委会）, when the site or text names the organ;
    洪泽区人民政府 -> 淮安市洪泽区人民政府, when the report's own early text or 落款 names the
    same body with its place prefix (本报告由淮安市洪泽区人民政府办公室…编制)."""
    if not body:
        return body
    if ORGAN_SUFFIX.search(body):
        return _with_place_prefix(body, document)
    sources = [v for k, v in document.metadata.items() if k in ("html_title", "capture:发布机构")]
    sources += [b.text for b in document.blocks[:40] if isinstance(b, (Heading, Paragraph))]
    pattern = re.compile(re.escape(body) + r"[\u4e00-\u9fff]{0,8}?(管理委员会|管委会|人民政府)")
    for text in sources:
        m = pattern.search(text)
        if m:
            return f"{body}（{m.group(1)}）"
    return body


# One or more place names (淮安市, 江苏省淮安市, 濮阳县): what a title may drop before the body.
_PLACE_PREFIX = re.compile(r"(?:[\u4e00-\u9fff]{1,9}?(?:省|自治区|市|自治州|州|地区|盟|自治县|县|旗|区))+")
_NOT_A_PLACE = re.compile(r"政府|办公|委员会|管委会|报告|年度|根据")


def _names_in_report(document: Document) -> list[str]:
    """The names a report gives itself besides its title: the body in 本报告由…编制 among the
    early blocks, and short organisation lines at its start and end (落款)."""
    blocks = [b for b in document.blocks if isinstance(b, (Heading, Paragraph))]
    return _compiled_by(blocks) + [name for b in blocks[:3] + blocks[-4:] if (name := _organisation_line(b))]


def _with_place_prefix(body: str, document: Document) -> str:
    key = compact(body)
    for name in _names_in_report(document):
        at = name.find(key)
        prefix = name[:at] if at > 0 else ""
        if prefix and _PLACE_PREFIX.fullmatch(prefix) and not _NOT_A_PLACE.search(prefix):
            return prefix + body
    return body


def _templates_by_evidence(tables: dict[str, MappedTable]) -> dict[str, str]:
    out = {}
    for table_id, mapped in tables.items():
        if len(mapped.evidence) == 1:
            out[table_id] = next(iter(mapped.evidence))
        elif len(mapped.evidence) > 1:  # within one table: the side with more labels
            out[table_id] = max(mapped.evidence, key=lambda t: len(mapped.evidence[t]))
    return out


PRE_2019 = "pre2019"   # reports for 2018 and earlier: the old structure is correct for them


def expected_template(year: int | None) -> str | None:
    if year is None:
        return None
    eligible = [t for t in load_templates().values() if t.first_year <= year]
    return max(eligible, key=lambda t: t.first_year).id if eligible else PRE_2019


_COMPILED_BY = re.compile(r"本报告由(.{2,30}?)(?:根据|依据|按照|编制|负责)")


def _organisation_line(block: Heading | Paragraph) -> str | None:
    """A short line naming a body (a 落款, with its date cut off), or None."""
    text = compact(block.text)
    name = re.sub(r"\d{4}年.*$", "", text)
    return name if len(text) <= 30 and "。" not in text and ORGAN_SUFFIX.search(name) else None


def _compiled_by(blocks: list[Heading | Paragraph]) -> list[str]:
    """The bodies named in '本报告由…编制' among the early blocks."""
    return [m.group(1) for b in blocks[:15] if (m := _COMPILED_BY.search(compact(b.text)))]


def find_signature(document: Document) -> str | None:
    """The body that signs the report: a short organisation line among the last
    blocks (落款), else the one named in '本报告由…编制'."""
    blocks = [b for b in document.blocks if isinstance(b, (Heading, Paragraph))]
    signed = [name for b in reversed(blocks[-4:]) if (name := _organisation_line(b))]
    found = signed or _compiled_by(blocks)
    return found[0] if found else None


def build_facts(document: Document, *, published: date | None = None) -> ReportFacts:
    runon = unroll(document)   # a crawl capture's one-line body: its blocks and tables from the label sequence
    if runon is not None:
        document = runon.document
    title, title_location = find_title(document)
    year = _year_of(title) if title else None
    tables = runon.tables if runon is not None else map_tables(document)
    per_table = _templates_by_evidence(tables)
    seen = set(per_table.values()) | {t for m in tables.values() for t in m.evidence}
    template: str | None
    if len(set(per_table.values())) == 1 and len(seen) == 1:
        template, mixed = next(iter(seen)), False
    elif seen:
        mixed = True
        template = expected_template(year) if expected_template(year) in seen else per_table.get("t3", sorted(seen)[-1])
    else:
        template, mixed = expected_template(year), False
    if expected_template(year) == PRE_2019:
        template, mixed = PRE_2019, False
    for table_id in TABLE_IDS:
        if table_id in tables and table_id not in per_table and template:
            per_table[table_id] = template
    sections = find_sections(document)
    sentences = sentences_of(document, sections)
    dates = publication_dates(document)
    if published is not None:
        dates.insert(0, Published(published, "option", published.isoformat()))
    body = complete_body(body_from_title(title), document)
    return ReportFacts(
        document=document,
        title=title,
        title_location=title_location,
        body=body,
        year=year,
        template=template,
        table_templates=per_table,
        mixed_template=mixed,
        sections=sections,
        tables=tables,
        values=read_values(tables),
        body_kind=body_kind(body),
        body_tags=body_tags(body),
        sentences=sentences,
        statements=[st for sentence in sentences for st in statements_in(sentence, year)],
        published=dates,
        signature=find_signature(document),
    )
