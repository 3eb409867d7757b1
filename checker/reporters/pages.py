"""Static HTML for auditors: index.html over all reports, one self-contained page per report.

Pure string building over result records (the --format json dicts plus status, error,
baselined, cross_year). No network: no external CSS, scripts or fonts, so the folder can be
zipped, mailed and opened anywhere, and printed.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from html import escape
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from ..findings import CellRef
from ..places import (
    cell_key,
    cell_of_key,
    column_name,
    key_of_place,
    place_text,
    row_name,
    section_name,
    table_name,
    template_name,
    value_name,
    wording_of,
)
from ..record import Record, finding_from_dict
from ..templates import TABLE_NAMES, TableSpec, load_sections
from .files import make_folder, replacing
from .marks import DECIDED_SIGN, CellMark, cell_marks
from .words import DECIDED_NOTE, SEVERITY_SIGN, UNREAD_TEXT, format_name, severity_name, severity_rank, status_name, value_text

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
    rows = [r.to_dict(for_readers=True) for r in records]   # the pages read the records as JSON has them
    folder = Path(folder)
    make_folder(folder)
    for record in rows:
        _write(folder / page_name(record), record_page(record))
    index = folder / "index.html"
    _write(index, index_page(rows))
    return index


class HtmlReporter:
    """index.html and one page per record in the folder `target`, written when the run ends."""

    def __init__(self, target: Path, **_: object) -> None:
        self.target, self.records = Path(target), []   # type: list[Record]

    def start(self) -> None:
        self.records = []

    def add(self, record: Record) -> None:
        self.records.append(record)

    def finish(self) -> None:
        write_html(self.records, self.target)


def _write(path: Path, text: str) -> None:
    with replacing(path, "w", encoding="utf-8") as out:   # whole or not at all, never through a link
        out.write(text)


def page_name(record: dict) -> str:
    """A readable, filesystem-safe name; the hash keeps two files with the same stem apart."""
    path = str(record.get("file", ""))
    stem = PurePosixPath(path.replace("\\", "/")).stem
    slug = re.sub(r"[^\w\-]+", "_", stem).strip("_")[:60] or "report"
    return f"{slug}-{hashlib.sha256(path.encode('utf-8')).hexdigest()[:8]}.html"


# -- index ------------------------------------------------------------------------------------
def index_page(records: list[dict]) -> str:
    # Most errors first; among equals a file that could not be checked comes first.
    ordered = sorted(records, key=lambda r: (-_count(r, "error"), _status(r) == "ok", str(r.get("file", ""))))
    head = ["文件", "机关", "年度", "模板", "状态", "错误", "警告"]
    rows = []
    for r in ordered:
        status = _status(r)
        errors, warnings = _count(r, "error"), _count(r, "warning")
        rows.append(
            f'<tr class="{"sev-error" if status != "ok" else ""}">'
            f'<td><a href="{escape(quote(page_name(r)))}">{escape(str(r.get("file", "")))}</a></td>'
            f"<td>{_text(r.get('body'))}</td>"
            f'<td class="num" data-v="{_text(r.get("year"))}">{_text(r.get("year"))}</td>'
            f"<td>{_text(template_name(r.get('template')) if _status(r) == 'ok' else '')}</td>"
            f'<td title="{_text(r.get("error"))}">{escape(status_name(status))}</td>'
            f'<td class="num{" sev-error" if errors else ""}" data-v="{errors}">{errors}</td>'
            f'<td class="num{" sev-warning" if warnings else ""}" data-v="{warnings}">{warnings}</td></tr>'
        )
    failed = sum(_status(r) != "ok" for r in records)
    total_errors = sum(_count(r, "error") for r in records)
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
def record_page(record: dict) -> str:
    status = _status(record)
    title = record.get("title") or str(record.get("file", ""))
    parts = ['<p class="noprint"><a href="index.html">← 全部报告</a></p>', f"<h1>{escape(title)}</h1>", _meta(record)]
    if status != "ok":
        parts.append(f'<p class="sev-error">{_text(record.get("error")) or "无法检查该文件。"}</p>')
        return _document(title, "".join(parts))
    marks = _marks(record)
    parts += [_findings(record), _sections(record), _quoted(record)]
    for table_id in ("t2", "t3", "t4"):
        parts.append(_table(record, table_id, marks))
    return _document(title, "".join(parts))


def _meta(record: dict) -> str:
    template = template_name(record.get("template"))
    per_table = record.get("table_templates") or {}
    if len(set(per_table.values())) > 1:
        template += "（" + "，".join(f"{table_name(t)} {template_name(v)}" for t, v in per_table.items()) + "）"
    status = _status(record)
    rows = [("文件", record.get("file")), ("文件类型", format_name(record.get("format"))), ("机关", record.get("body") or "未知"),
            ("年度", record.get("year") or "未知"), ("格式模板", template), ("状态", status_name(status))]
    if status == "ok":
        rows.append(("问题", f"错误 {_count(record, 'error')} 项，警告 {_count(record, 'warning')} 项，"
                             f"提示 {_count(record, 'info')} 项"))
    if record.get("baselined"):
        rows.append(("已审阅", f"另有 {record['baselined']} 项已审阅的问题未显示"))
    cross = record.get("cross_year")
    if cross:
        overlap = cross.get("overlap") or {}
        rows.append(("上年报告", f"{cross.get('paired_with') or '未找到'}"
                                 f"{'（' + str(cross['last_year']) + '年）' if cross.get('last_year') else ''}"))
        rows.append(("与上年重合", f"全文 {_percent(overlap.get('document'))}，第五部分 {_percent(overlap.get('problems'))}"))
    cells = "".join(f"<tr><th>{escape(k)}</th><td>{_text(v)}</td></tr>" for k, v in rows)
    return f'<table class="meta">{cells}</table>'


def _findings(record: dict) -> str:
    findings = sorted(record.get("findings") or (), key=lambda f: severity_rank(f.get("severity")))
    if not findings:
        return "<h2>发现的问题</h2><p>未发现问题。</p>"
    rows = []
    for f in findings:
        severity = f.get("severity", "")
        where = _where_links(record, f.get("location") or {})
        rows.append(
            f'<tr class="sev-{escape(severity)}"><td>{escape(severity_name(severity))}</td>'
            f"<td>{_text(f.get('rule'))}</td><td>{where}</td><td>{_text(f.get('message'))}</td>"
            f"<td>{escape(_value(record, f, 'expected'))}</td><td>{escape(_value(record, f, 'actual'))}</td><td>{_text(f.get('evidence'))}</td></tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in ("级别", "规则", "位置", "说明", "应为", "实为", "原文"))
    return f'<h2>发现的问题</h2><table id="findings"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _value(record: dict, finding: dict, key: str) -> str:
    """应为/实为 for a person: a row id named by its words (places.value_name)."""
    return value_text(value_name(finding.get(key), finding.get("location") or {}, wording_of(record)))


_TABLE_KEYS = ("table", "row", "column")


def _where_links(record: dict, loc: dict) -> str:
    """The place text, its cell part linked to the cell and its paragraph part to the
    quoted paragraph (表三「予以公开」行「总计」列 / 第一部分第10段)."""
    cell_part = {k: v for k, v in loc.items() if k in _TABLE_KEYS or k == "cells"}
    text_part = {k: v for k, v in loc.items() if k not in _TABLE_KEYS and k != "cells"}
    links = []
    if any(k in cell_part for k in _TABLE_KEYS):
        links.append((place_text(cell_part, wording_of(record)), _target(cell_part)))
    if text_part:
        links.append((place_text(text_part, wording_of(record)), paragraph_id(loc) or _target(text_part)))
    if not links:
        return escape(place_text(loc, wording_of(record)))
    return " / ".join(f'<a href="#{escape(target)}">{escape(text)}</a>' if target else escape(text) for text, target in links)


def paragraph_id(loc: dict) -> str | None:
    """The anchor of a quoted paragraph, named like its place: para-overview-10 (第一部分第10段)."""
    if loc.get("paragraph") is None:
        return None
    return f"para-{loc.get('section') or 'opening'}-{loc['paragraph']}"


def _quoted(record: dict) -> str:
    """The paragraphs findings quote, each with its anchor: the page shows no other prose."""
    order = {s.id: i for i, s in enumerate(load_sections())}
    quoted: dict[str, tuple[tuple, str, list[str]]] = {}
    for f in record.get("findings") or ():
        loc = f.get("location") or {}
        anchor = paragraph_id(loc)
        if anchor is None:
            continue
        key = (order.get(loc.get("section"), -1), loc["paragraph"])
        _, _, texts = quoted.setdefault(anchor, (key, section_name(loc.get("section"), loc.get("paragraph")), []))
        if f.get("evidence") and f["evidence"] not in texts:
            texts.append(f["evidence"])
    if not quoted:
        return ""
    rows = "".join(f'<tr id="{escape(anchor)}"><td>{escape(place)}</td><td>{"<br>".join(escape(t) for t in texts)}</td></tr>'
                   for anchor, (_, place, texts) in sorted(quoted.items(), key=lambda kv: kv[1][0]))
    return ("<h2>正文引文</h2><table><thead><tr><th>位置</th><th>原文（所引句子）</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def _sections(record: dict) -> str:
    found = {s.get("id"): s for s in record.get("sections") or ()}
    rows = []
    for spec in load_sections():
        s = found.get(spec.id)
        heading = _text(s.get("heading")) if s else '<span class="sev-error">未找到</span>'
        where = place_text(s.get("location") or {}) if s else ""
        rows.append(f'<tr id="section-{escape(spec.id)}"><td>{escape(spec.canonical)}</td><td>{heading}</td>'
                    f"<td>{escape(where if where != '—' else '')}</td></tr>")
    return ("<h2>章节</h2><table><thead><tr><th>章节</th><th>标题（原文）</th><th>位置</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


# -- tables -----------------------------------------------------------------------------------
def _table(record: dict, table_id: str, marks: dict[CellKey, CellMark]) -> str:
    spec = wording_of(record).spec_or_union(table_id)
    heading = f'<h2 id="table-{table_id}">{TABLE_NAMES[table_id]} {escape(spec.title)}</h2>'
    data = (record.get("tables") or {}).get(table_id)
    if data is None:
        return heading + '<p class="absent">未找到此表。</p>'
    if table_id == "t4":
        return heading + _t4(spec, data, marks, _run_on(record))
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
        cells = "".join(_cell(table_id, row_id, c, data.get(row_id), marks, _run_on(record)) for c in columns)
        drawn.append((columns, f"<th>{prefix}{escape(row_name(table_id, row_id, wording_of(record)))}</th>{cells}"))
    width = max((len(columns) for columns, _ in drawn), default=0)
    html_rows, last_columns = [], None
    for columns, cells in drawn:
        if columns != last_columns:  # 表二 prints a header over each block of rows sharing columns
            labels = "".join(f"<th>{escape(column_name(table_id, c, wording_of(record)))}</th>" for c in columns)
            html_rows.append(f"<tr><th></th>{labels}{_pad(width - len(columns), 'th')}</tr>")
            last_columns = columns
        html_rows.append(f"<tr>{cells}{_pad(width - len(columns), 'td')}</tr>")
    return heading + f"<table><tbody>{''.join(html_rows)}</tbody></table>"


def _run_on(record: dict) -> dict[str, str]:
    """A crawled report's cells read by what the report says (cell key -> by what), and those
    no reading decides (-> "")."""
    return {**{key: "" for key in record.get("unread") or []}, **(record.get("read_by") or {})}


def _t4(spec: TableSpec, data: dict, marks: dict[CellKey, CellMark], read_by: dict[str, str]) -> str:
    head = "".join(f"<th>{escape(c.label)}</th>" for c in spec.columns)
    rows = []
    for group in spec.rows:
        cells = "".join(_cell("t4", group.id, leaf, data, marks, read_by) for leaf in spec.column_ids)
        rows.append(f"<tr><th>{escape(group.short or group.label)}</th>{cells}</tr>")
    return f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _cell(table_id: str, row_id: str, column: str, values: dict | None, marks: dict[CellKey, CellMark],
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


def _marks(record: dict) -> dict[CellKey, CellMark]:
    """Per named cell (by its key): how findings mark it (reporters/marks.py, as on the terminal)."""
    return {cell_key(ref): mark for ref, mark in cell_marks(map(finding_from_dict, record.get("findings") or ())).items()}


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
def _status(record: dict) -> str:
    return record.get("status") or "ok"


def _count(record: dict, severity: str) -> int:
    return int((record.get("summary") or {}).get(severity) or 0)


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
