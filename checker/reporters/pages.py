"""Static HTML for auditors: index.html over all reports, one self-contained page per report.

Pure string building over records (record.Record). No network: no external CSS, scripts or
fonts, so the folder can be zipped, mailed and opened anywhere, and printed.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from ..findings import CellRef, Finding, Number, json_number
from ..places import (
    Wording,
    cell_key,
    cell_of_key,
    column_name,
    key_of_place,
    place_text,
    printed_at,
    row_name,
    section_name,
    table_name,
    template_name,
    value_name,
)
from ..record import Record, ReportRead
from ..templates import TABLE_NAMES, TableSpec, load_sections
from .files import FileReporter, make_folder, replacing
from .marks import DECIDED_SIGN, CellMark, cell_marks
from .words import DECIDED_NOTE, SEVERITY_SIGN, UNREAD_TEXT, format_name, severity_name, status_name, value_text

NULL_TEXT = "空白/未读出"
GENERATOR = '<meta name="generator" content="govcheck">'

# A cell a finding names, by its one key (places.cell_key): t3.result.granted.natural.
CellKey = str

STYLE = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222;line-height:1.5}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}
table{border-collapse:collapse;margin:.4em 0 1.2em}
th,td{border:1px solid #bbb;padding:2px 6px;vertical-align:top}
th{background:#f0f0f0;text-align:left;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.sev-error{background:#fde2e4}.sev-warning{background:#fff3c4}.sev-info{background:#e3eefc}
td.own{outline:2px solid #555;outline-offset:-2px;font-weight:bold}
td.own.sev-error{background:#f4a3ab}td.own.sev-warning{background:#ffd75e}td.own.sev-info{background:#b9d3f7}
.null,.absent,.pad{color:#888;font-size:.85em}
#findings td:nth-child(-n+2){white-space:nowrap}
.grp{color:#555;margin-right:.4em}
.meta td,.meta th{border:none;padding:0 1em 0 0}
:target{outline:3px solid #0645ad}
th.sortable{cursor:pointer}th.sortable::after{content:" ⇅";color:#999}
@media print{body{margin:0}a{color:inherit;text-decoration:none}.noprint{display:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}tr{break-inside:avoid}h2{break-after:avoid}
th.sortable::after{content:""}}
"""

# Click a header to sort by it (again to reverse); cells carry their sort key in data-v.
SORT_SCRIPT = """
document.querySelectorAll("th.sortable").forEach(function (th) {
  th.addEventListener("click", function () {
    var body = th.closest("table").tBodies[0], i = th.cellIndex, up = th.dataset.dir !== "asc";
    th.dataset.dir = up ? "asc" : "desc";
    var key = function (row) { var c = row.cells[i]; return c.dataset.v !== undefined ? c.dataset.v : c.textContent; };
    var rows = Array.prototype.slice.call(body.rows).sort(function (a, b) {
      var x = key(a), y = key(b), d = (x !== "" && y !== "" && !isNaN(x) && !isNaN(y)) ? x - y : x.localeCompare(y, "zh");
      return up ? d : -d;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
"""


def write_html(records: Sequence[Record], folder: Path) -> Path:
    """folder/index.html and one page per record; returns the index."""
    folder = Path(folder)
    make_folder(folder)
    for record in records:
        _write(folder / page_name(record), record_page(record))
    index = folder / "index.html"
    _write(index, index_page(records))
    return index


class HtmlReporter(FileReporter):
    """index.html and one page per record in the folder `target`, written when the run ends."""

    writer = staticmethod(write_html)


def _write(path: Path, text: str) -> None:
    with replacing(path, "w", encoding="utf-8") as out:   # whole or not at all, never through a link
        out.write(text)


def page_name(record: Record | Mapping[str, Any]) -> str:
    """A readable, filesystem-safe name; the hash keeps two files with the same stem apart."""
    path = record.file if isinstance(record, Record) else str(record.get("file", ""))
    stem = PurePosixPath(path.replace("\\", "/")).stem
    slug = re.sub(r"[^\w\-]+", "_", stem).strip("_")[:60] or "report"
    return f"{slug}-{hashlib.sha256(path.encode('utf-8')).hexdigest()[:8]}.html"


# -- index ------------------------------------------------------------------------------------
def index_page(records: Sequence[Record]) -> str:
    # Most errors first; among equals a file that could not be checked comes first.
    ordered = sorted(records, key=lambda r: (-r.summary.error, r.ok, r.file))
    head = ["文件", "机关", "年度", "模板", "状态", "错误", "警告"]
    rows = []
    for r in ordered:
        errors, warnings = r.summary.error, r.summary.warning
        rows.append(
            f'<tr class="{"sev-error" if not r.ok else ""}">'
            f'<td><a href="{escape(quote(page_name(r)))}">{escape(r.file)}</a></td>'
            f"<td>{_text(r.body)}</td>"
            f'<td class="num" data-v="{_text(r.year)}">{_text(r.year)}</td>'
            f"<td>{_text(template_name(r.template) if r.ok else '')}</td>"
            f'<td title="{_text(r.error)}">{escape(status_name(r.status))}</td>'
            f'<td class="num{" sev-error" if errors else ""}" data-v="{errors}">{errors}</td>'
            f'<td class="num{" sev-warning" if warnings else ""}" data-v="{warnings}">{warnings}</td></tr>'
        )
    failed = sum(not r.ok for r in records)
    total_errors = sum(r.summary.error for r in records)
    # The rows arrive sorted by errors, descending: that header's next click sorts ascending.
    header = "".join(f'<th class="sortable" data-dir="{"desc" if name == "错误" else ""}">{name}</th>' for name in head)
    body = (
        "<h1>政府信息公开工作年度报告检查结果</h1>"
        f"<p>共 {len(records)} 个文件，无法检查 {failed} 个；错误共 {total_errors} 项。"
        '<span class="noprint">点击表头可排序（默认按错误数从多到少）。</span></p>'
        f"<table id=\"reports\"><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<script>{SORT_SCRIPT}</script>"
    )
    return _document("检查结果汇总", body)


# -- one record -------------------------------------------------------------------------------
def record_page(record: Record) -> str:
    report = record.report
    title = (report.title if report else None) or record.file
    parts = ['<p class="noprint"><a href="index.html">← 全部报告</a></p>', f"<h1>{escape(title)}</h1>", _meta(record)]
    if not record.ok or report is None:
        parts.append(f'<p class="sev-error">{_text(record.error) or "无法检查该文件。"}</p>')
        return _document(title, "".join(parts))
    marks = {cell_key(ref): mark for ref, mark in cell_marks(record.findings).items()}
    parts += [_findings(record), _sections(report), _quoted(record)]
    for table_id in ("t2", "t3", "t4"):
        parts.append(_table(record, report, table_id, marks))
    return _document(title, "".join(parts))


def _meta(record: Record) -> str:
    template = template_name(record.template)
    per_table = record.table_templates
    if len(set(per_table.values())) > 1:
        template += "（" + "，".join(f"{table_name(t)} {template_name(v)}" for t, v in per_table.items()) + "）"
    rows: list[tuple[str, object]] = [
        ("文件", record.file), ("文件类型", format_name(record.format)), ("机关", record.body or "未知"),
        ("年度", record.year or "未知"), ("格式模板", template), ("状态", status_name(record.status))]
    if record.ok:
        s = record.summary
        rows.append(("问题", f"错误 {s.error} 项，警告 {s.warning} 项，提示 {s.info} 项"))
    if record.baselined:
        rows.append(("已审阅", f"另有 {record.baselined} 项已审阅的问题未显示"))
    cross = record.cross_year
    if cross:
        overlap = cross.overlap
        rows.append(("上年报告", f"{cross.paired_with or '未找到'}"
                                 f"{'（' + str(cross.last_year) + '年）' if cross.last_year else ''}"))
        rows.append(("与上年重合", f"全文 {_percent(overlap.get('document'))}，第五部分 {_percent(overlap.get('problems'))}"))
    cells = "".join(f"<tr><th>{escape(k)}</th><td>{_text(v)}</td></tr>" for k, v in rows)
    return f'<table class="meta">{cells}</table>'


def _findings(record: Record) -> str:
    findings = sorted(record.findings, key=lambda f: f.severity.rank)
    if not findings:
        return "<h2>发现的问题</h2><p>未发现问题。</p>"
    rows = []
    for f in findings:
        where = _where_links(record, f.location.to_dict())
        rows.append(
            f'<tr class="sev-{f.severity.value}"><td>{escape(severity_name(f.severity))}</td>'
            f"<td>{_text(f.rule)}</td><td>{where}</td><td>{_text(f.message)}</td>"
            f"<td>{escape(_value(record, f, f.expected))}</td><td>{escape(_value(record, f, f.actual))}</td>"
            f"<td>{_text(f.evidence)}</td></tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in ("级别", "规则", "位置", "说明", "应为", "实为", "原文"))
    return f'<h2>发现的问题</h2><table id="findings"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _wording(record: Record) -> Wording:
    return Wording(record.template, dict(record.table_templates))


def _value(record: Record, finding: Finding, value: Number | str | None) -> str:
    """应为/实为 for a person: a row id named by its words (places.value_name)."""
    return value_text(value_name(json_number(value), finding.location.to_dict(), _wording(record)))


_TABLE_KEYS = ("table", "row", "column")


def _where_links(record: Record, loc: dict) -> str:
    """The place text, its cell part linked to the cell and its paragraph part to the
    quoted paragraph (表三「予以公开」行「总计」列 / 第一部分第10段)."""
    cell_part = {k: v for k, v in loc.items() if k in _TABLE_KEYS or k == "cells"}
    text_part = {k: v for k, v in loc.items() if k not in _TABLE_KEYS and k != "cells"}
    links = []
    if any(k in cell_part for k in _TABLE_KEYS):
        links.append((place_text(cell_part, _wording(record)), _target(cell_part)))
    if text_part:
        links.append((place_text(text_part, _wording(record)), paragraph_id(loc) or _target(text_part)))
    if not links:
        return escape(place_text(loc, _wording(record)))
    return " / ".join(f'<a href="#{escape(target)}">{escape(text)}</a>' if target else escape(text) for text, target in links)


def paragraph_id(loc: dict) -> str | None:
    """The anchor of a quoted paragraph, named like its place: para-overview-10 (第一部分第10段)."""
    if loc.get("paragraph") is None:
        return None
    return f"para-{loc.get('section') or 'opening'}-{loc['paragraph']}"


def _quoted(record: Record) -> str:
    """The paragraphs findings quote, each with its anchor: the page shows no other prose."""
    order = {s.id: i for i, s in enumerate(load_sections())}
    quoted: dict[str, tuple[tuple, str, list[str]]] = {}
    for f in record.findings:
        loc = f.location
        anchor = paragraph_id(loc.to_dict())
        if anchor is None:
            continue
        key = (order.get(loc.section or "", -1), loc.paragraph)
        _, _, texts = quoted.setdefault(anchor, (key, section_name(loc.section, loc.paragraph), []))
        if f.evidence and f.evidence not in texts:
            texts.append(f.evidence)
    if not quoted:
        return ""
    rows = "".join(f'<tr id="{escape(anchor)}"><td>{escape(place)}</td><td>{"<br>".join(escape(t) for t in texts)}</td></tr>'
                   for anchor, (_, place, texts) in sorted(quoted.items(), key=lambda kv: kv[1][0]))
    return ("<h2>正文引文</h2><table><thead><tr><th>位置</th><th>原文（所引句子）</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def _sections(report: ReportRead) -> str:
    found = {s.id: s for s in report.sections}
    rows = []
    for spec in load_sections():
        s = found.get(spec.id)
        heading = _text(s.heading) if s else '<span class="sev-error">未找到</span>'
        where = printed_at(s.location.page, s.location.line) if s else ""
        rows.append(f'<tr id="section-{escape(spec.id)}"><td>{escape(spec.canonical)}</td><td>{heading}</td>'
                    f"<td>{escape(where)}</td></tr>")
    return ("<h2>章节</h2><table><thead><tr><th>章节</th><th>标题（原文）</th><th>位置</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


# -- tables -----------------------------------------------------------------------------------
def _table(record: Record, report: ReportRead, table_id: str, marks: dict[CellKey, CellMark]) -> str:
    spec = _wording(record).spec_or_union(table_id)
    heading = f'<h2 id="table-{table_id}">{TABLE_NAMES[table_id]} {escape(spec.title)}</h2>'
    data = report.tables.get(table_id)
    if data is None:
        return heading + '<p class="absent">未找到此表。</p>'
    run_on = _run_on(report)
    if table_id == "t4":
        return heading + _t4(spec, data, marks, run_on)
    rows = list(spec.row_ids)
    named = [cell_of_key(key) for key in marks]
    for row_id in [*data, *(ref.row for ref in named if ref.table == table_id)]:
        if row_id not in rows:  # rows the template lacks but the record or a finding names
            rows.append(row_id)
    drawn: list[tuple[list[str], str]] = []  # (columns, the row's cells)
    last_group = None
    for row_id in rows:
        columns = list(spec.columns_of(row_id)) if table_id == "t2" else list(spec.column_ids)
        columns += [c for c in data.get(row_id, {}) if c not in columns]
        row = spec.row(row_id)
        group = row.group if row else None
        prefix = f'<span class="grp">{escape(group)}</span>' if group and group != last_group else ""
        last_group = group
        cells = "".join(_cell(table_id, row_id, c, data.get(row_id), marks, run_on) for c in columns)
        drawn.append((columns, f"<th>{prefix}{escape(row_name(table_id, row_id, _wording(record)))}</th>{cells}"))
    width = max((len(columns) for columns, _ in drawn), default=0)
    html_rows, last_columns = [], None
    for columns, cells in drawn:
        if columns != last_columns:  # 表二 prints a header over each block of rows sharing columns
            labels = "".join(f"<th>{escape(column_name(table_id, c, _wording(record)))}</th>" for c in columns)
            html_rows.append(f"<tr><th></th>{labels}{_pad(width - len(columns), 'th')}</tr>")
            last_columns = columns
        html_rows.append(f"<tr>{cells}{_pad(width - len(columns), 'td')}</tr>")
    return heading + f"<table><tbody>{''.join(html_rows)}</tbody></table>"


def _run_on(report: ReportRead) -> dict[str, str]:
    """A crawled report's cells read by what the report says (cell key -> by what), and those
    no reading decides (-> "")."""
    return {**{key: "" for key in report.unread}, **report.read_by}


def _t4(spec: TableSpec, data: Mapping[str, Any], marks: dict[CellKey, CellMark], read_by: dict[str, str]) -> str:
    head = "".join(f"<th>{escape(c.label)}</th>" for c in spec.columns)
    rows = []
    for group in spec.rows:
        cells = "".join(_cell("t4", group.id, leaf, data, marks, read_by) for leaf in spec.column_ids)
        rows.append(f"<tr><th>{escape(group.short or group.label)}</th>{cells}</tr>")
    return f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _cell(table_id: str, row_id: str, column: str, values: Mapping[str, Any] | None, marks: dict[CellKey, CellMark],
          read_by: dict[str, str]) -> str:
    key = run_on_key = cell_key(CellRef(table_id, row_id, column))
    data_key = f"{row_id}.{column}" if table_id == "t4" else column   # 表四's record keys are "review.upheld"
    classes = ["num"]
    if run_on_key in read_by and not read_by[run_on_key]:   # a crawled row's figures no reading decides
        text = f'<span class="null">{UNREAD_TEXT}</span>'
        classes.append("blank")
    elif values is None or data_key not in values:
        text = '<span class="absent">—</span>'
        classes.append("missing")
    elif values[data_key] is None:
        text = f'<span class="null">{NULL_TEXT}</span>'
        classes.append("blank")
    else:
        text = escape(str(values[data_key]))
    titles = []
    if read_by.get(run_on_key):   # a run-on row's digits split by what the report says
        text += f'<span class="decided">{DECIDED_SIGN}</span>'
        titles.append(DECIDED_NOTE)
    title = ""
    mark = marks.get(key)
    if mark:
        classes.append(f"sev-{mark.severity.value}")
        if mark.own:
            classes.append("own")
        if mark.signed:   # a sign as well as a colour, as on the terminal
            text += f' <span class="sign">{SEVERITY_SIGN[mark.severity]}</span>'
        titles += mark.messages
    if titles:
        title = f' title="{escape(chr(10).join(titles))}"'
    return f'<td id="{escape(cell_id(key))}" class="{" ".join(classes)}"{title}>{text}</td>'


def _pad(count: int, tag: str) -> str:
    return f'<{tag} class="pad" colspan="{count}"></{tag}>' if count > 0 else ""


# -- findings against cells -------------------------------------------------------------------
def cell_id(key: CellKey) -> str:
    """The anchor of one table cell: cell-t3.result.granted.natural, cell-t4.review.upheld."""
    return re.sub(r"[^\w.\-]", "_", f"cell-{key}")  # ids come from records: keep them plain in href and id


def _cell_keys(loc: dict) -> list[CellKey]:
    return [key for key in map(key_of_place, loc.get("cells") or ()) if key]


def _target(loc: dict) -> str | None:
    """The anchor the finding list links to: its cell, else its first cell, table or section."""
    key = key_of_place(loc) or next(iter(_cell_keys(loc)), None)
    if key:
        return cell_id(key)
    if loc.get("table") in TABLE_NAMES:
        return f"table-{loc['table']}"
    if loc.get("section"):
        return f"section-{loc['section']}"
    return None


# -- small helpers ----------------------------------------------------------------------------
def _percent(value: object) -> str:
    return f"{value:.0%}" if isinstance(value, (int, float)) else "未知"


def _text(value: object) -> str:
    return "" if value is None else escape(str(value))


def _document(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"{GENERATOR}"   # our own page: a later run over its folder skips it (extract/refusals.py)
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n<body>{body}</body></html>\n"
    )
