"""A crawl capture's run-on body -> headings, paragraphs and the three tables.

A crawler that strips tags and collapses whitespace leaves the whole report on one
line: the headings run on inside it, each table row is its label followed by its
cells, and where the page had no space between cells their digits run together. The
headings are found where a section's wording follows a numeral (the ordered choice of
sections.py then drops the overview's look-alikes and 表三's 三、本年度办理结果); each
table is found by the template's label sequence in its section: the heaviest chain of
row labels in template order, each row's cells being the figures right after its
label. A row whose figures admit several readings keeps them all (mapping.PrintedRun):
which one the report means is for the identities to say (engine/readings.py), never
for this module to guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from .chars import compact
from .document import Cell, Document, Heading, Location, Paragraph, Table, grid_from_texts
from .mapping import BLANK_ROW, T4_ORDER, MappedCell, MappedTable, PrintedRun, TableNote, note_template
from .normalize import label_key
from .sections import VARIANT_WEIGHT, find_sections
from .splits import split_run
from .templates import load_sections, load_templates
from .values import column_spec

MIN_RUNON_CHARS = 800        # a paragraph this long holding headings is a capture's body, not prose
MAX_RUNON_CHARS = 400_000    # real bodies run to 10-50 thousand; longer is no report's (and costly)
MIN_INLINE_HEADINGS = 3      # a report's sections, not a paragraph that mentions 二、三、
HEADING_CUTOFF = 85.0        # inline headings have no line of their own: a closer match is asked
HEADING_LOOKAHEAD = 40       # no section wording, misprinted or not, runs longer
FIGURES_WEIGHT = 4           # a label followed by figures outweighs the same label in prose
# bounds on hostile lines: a real capture has a few dozen numerals and row labels
MAX_NUMERALS = 500           # numerals tried as the start of a heading
MAX_ROW_MARKS = 400          # row labels found in one table's region (the chain is quadratic)
# a top-level heading's numeral: 二、 (or 2、 or 第二部分, weighed a little lower so that
# the usual numerals win where an overview numbers its items 1、2、; an Arabic one right
# after a figure is not one: 收费03、 would take the table's last digit)
_NUMERAL = re.compile(r"(?:(?P<cn>[一二三四五六七八九十]{1,2})|(?<![0-9０-９.．])[1-9](?![.．]\d))\s*[、.．]\s*"
                      r"|第[一二三四五六七八九十]{1,2}部分[、：:\s]*")
OTHER_NUMERAL_WEIGHT = 0.95
_LABEL_NUMBERING = r"(?:[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}\s*[、.．]|\d\s*[.．、])?\s*"
# A cell's figures: digits (a decimal point, a sign, a unit, a thousands separator),
# placeholders, spaces; after the label's own remark (区分处理的…) or a colon.
_RUN = re.compile(r"\s*(?:[（(][^（）()\d]{0,40}[）)])?\s*[:：|｜]?\s*"
                  r"((?:[-+－]?[0-9０-９](?:[0-9０-９.．]|[,，](?=[0-9０-９]{3}(?![0-9０-９])))*(?:万元|元)?"
                  r"|[/／—–―－-]+|[ \t\u3000\xa0])*)")
# what follows a figure of the prose, not of a table (2023年, 5件, 98%)
_PROSE_UNIT = re.compile(r"[年月日号件条个项次期篇%％]")
_PARAGRAPH_BREAK = re.compile(r"(?<=[。！？；!?;])\s+")
# a report's title: a body's name, the year and the report's name, with no sentence in between
_LEADING_TITLE = re.compile(r"[^。，；：:,]{2,40}?(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年度?\s*"
                            r"(?:政府信息公开|政务公开)[^。，；]{0,8}?(?:年度)?报告|"
                            r"[^。，；：:,]{2,40}?(?:政府信息公开|政务公开)[^。，；]{0,8}?"
                            r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年度?报告")
_HEADER_EXTRA = {
    "t2": ("信息内容", "第二十条第[（(][一二三四五六七八九十]+[)）]项"),
    "t3": ("申请人情况", "法人或其他组织"),
    "t4": ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"),
}
_REGIONS = {"t2": ("proactive", "requests"), "t3": ("requests", "appeals"), "t4": ("appeals", "problems")}


@dataclass(frozen=True, slots=True)
class RunOn:
    document: Document                 # the body cut into blocks; each table as printed rows (label, figures)
    tables: dict[str, MappedTable]


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    kind: str                          # heading | table
    text: str = ""
    rows: tuple[tuple[str, str], ...] = ()   # a table's rows as printed: label, figures
    row_locations: tuple[Location, ...] = ()


@dataclass(frozen=True, slots=True)
class _Found:
    mapped: MappedTable
    start: int
    end: int
    rows: tuple[tuple[str, str], ...]
    row_locations: tuple[Location, ...]     # where each row's figures start in the line


# --- inline headings ----------------------------------------------------------------

@cache
def _wordings() -> tuple[tuple[str, float], ...]:
    out = []
    for spec in load_sections():
        out.append((label_key(spec.heading), 1.0))
        out += [(label_key(v), VARIANT_WEIGHT) for v in spec.variants]
    return tuple(out)


def _heading_at(text: str, start: int) -> tuple[float, int] | None:
    """(score, end) of the section wording printed from `start` (right after a numeral)."""
    key, raw_end = [], []     # the matching key of what follows, and where each of its characters ends
    for offset, ch in enumerate(text[start:start + HEADING_LOOKAHEAD]):
        folded = label_key(ch)
        if folded:
            key.append(folded)
            raw_end.append(start + offset + 1)
    joined = "".join(key)
    best: tuple[float, int] | None = None
    for wording, weight in _wordings():
        for length in range(max(2, len(wording) - 3), min(len(wording) + 4, len(key) + 1)):
            score = fuzz.ratio(joined[:length], wording) * weight
            if best is None or score > best[0]:
                best = (score, raw_end[length - 1])
    return best if best and best[0] >= HEADING_CUTOFF * OTHER_NUMERAL_WEIGHT else None


def inline_headings(text: str) -> list[_Span]:
    """Every numeral followed by a section's wording, in printed order."""
    out = []
    starts = _wording_starts()
    tried = 0
    for m in _NUMERAL.finditer(text):
        if m.end() >= len(text) or text[m.end()] not in starts:
            continue    # cheap: no wording begins with this character
        tried += 1
        if tried > MAX_NUMERALS:
            break
        found = _heading_at(text, m.end())
        if found:
            score = found[0] if m.group("cn") else found[0] * OTHER_NUMERAL_WEIGHT
            if score >= HEADING_CUTOFF:
                out.append(_Span(m.start(), found[1], "heading", text[m.start():found[1]].strip()))
    return out


@cache
def _wording_starts() -> frozenset[str]:
    """The first characters of the sections' wordings (as printed, before any folding)."""
    return frozenset(w[0] for spec in load_sections() for w in (spec.heading, *spec.variants))


def _section_ids(candidates: list[_Span]) -> list[str]:
    """The section id of each inline heading the ordered assignment of sections.py keeps
    ("" for the others: an overview's 三、依申请公开情况 stays a heading of its own, as it
    was printed, for the rules on sub-headings)."""
    trial = Document([Heading(c.text, None) for c in candidates], "text")
    chosen = {s.block_index: s.id for s in find_sections(trial).sections}
    return [chosen.get(i, "") for i in range(len(candidates))]


# --- tables from the template's label sequence -----------------------------------

def _flexible(label: str) -> str:
    """A label as a pattern that lets a capture's spaces and quote or bracket forms differ."""
    parts = []
    for ch in label:
        if ch in "“”\"‘’'":
            parts.append("[“”\"‘’']?")
        elif ch in "（(":
            parts.append("[（(]")
        elif ch in "）)":
            parts.append("[）)]")
        elif ch.isspace():
            continue
        else:
            parts.append(re.escape(ch))
    return r"\s*".join(parts)


def _alternatives(words: set[str]) -> str:
    return "|".join(_flexible(w) for w in sorted(words, key=len, reverse=True))


@cache
def _row_order(table_id: str) -> tuple[str, ...]:
    """Every template's rows in one printed order: the newest template's, with a row only
    an older one has placed after the row it follows there (2019's （六）其他处理)."""
    templates = sorted(load_templates().values(), key=lambda t: -t.first_year)
    order = list(templates[0].tables[table_id].row_ids)
    for template in templates[1:]:
        ids = template.tables[table_id].row_ids
        for i, row in enumerate(ids):
            if row not in order:
                before = next((ids[j] for j in range(i - 1, -1, -1) if ids[j] in order), None)
                order.insert(order.index(before) + 1 if before else 0, row)
    return tuple(order)


@cache
def _row_patterns(table_id: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for row in _row_order(table_id):
        words = {w for t in load_templates().values() if (spec := t.tables[table_id].row(row))
                 for w in (spec.label, *spec.variants)}
        out.append((row, re.compile(_LABEL_NUMBERING + f"(?:{_alternatives(words)})")))
    return tuple(out)


@cache
def _header_words(table_id: str) -> str:
    """Any word of the table's header: its column labels and the words above them."""
    words = {w for t in load_templates().values() for c in t.tables[table_id].columns for w in (c.label, *c.variants)}
    return f"(?:{_alternatives(words)}|{'|'.join(_HEADER_EXTRA[table_id])})"


@cache
def _header_pattern(table_id: str) -> re.Pattern[str]:
    return re.compile(_header_words(table_id) + r"\s*$")


@cache
def _column_words(table_id: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    out = []
    for t in load_templates().values():
        for c in t.tables[table_id].columns:
            out.append((c.id, c.label, re.compile(_alternatives({c.label, *c.variants}))))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _RowMark:
    row: str
    order: int
    start: int
    end: int
    label: str


def _figures(text: str, start: int, stop: int) -> tuple[str, int]:
    """The figures printed right after a label (spaces kept) and where they start. A last
    figure apart from the others by a space and followed by a unit of the prose (2023年)
    belongs to the prose."""
    run = _RUN.match(text, start, stop)
    if run is None:
        return "", start
    figures, end = run.group(1), run.end(1)
    stripped = figures.rstrip()
    if end < len(text) and _PROSE_UNIT.match(text, end) and stripped == figures:
        last_space = max(stripped.rfind(" "), stripped.rfind("\u3000"), stripped.rfind("\xa0"))
        if last_space > 0:
            figures = figures[:last_space]
    return figures, run.start(1)


def _row_marks(text: str, start: int, end: int, table_id: str) -> tuple[list[_RowMark], list[_RowMark]]:
    """The heaviest chain of row labels in template order and printed order, weighted by
    label length (其他 alone never outweighs a real row) and by figures right after the
    label (a row of the table, not the same words in the prose around it); and the other
    labels printed inside the chain's span (rows out of order, or printed twice)."""
    found = []
    for order, (row, pattern) in enumerate(_row_patterns(table_id)):
        for m in pattern.finditer(text, start, end):
            found.append(_RowMark(row, order, m.start(), m.end(), text[m.start():m.end()]))
    found.sort(key=lambda r: (r.start, r.order))
    del found[MAX_ROW_MARKS:]

    def weight(mark: _RowMark) -> int:
        figures, _ = _figures(text, mark.end, end)
        return len(compact(mark.label)) + (FIGURES_WEIGHT if any(ch.isdigit() for ch in figures) else 0)
    weights = [weight(r) for r in found]
    best = list(weights)
    back = [-1] * len(found)
    for i, mark in enumerate(found):
        for j in range(i):
            prev = found[j]
            if prev.order < mark.order and prev.end <= mark.start and best[j] + weights[i] > best[i]:
                best[i], back[i] = best[j] + weights[i], j
    if not found:
        return [], []
    i = max(range(len(found)), key=lambda k: best[k])
    chain = []
    while i != -1:
        chain.append(found[i])
        i = back[i]
    chain.reverse()
    # a group's own label above its items (2021's （六）其他处理) is not the 2019 row of that name
    chain = [m for k, m in enumerate(chain) if not (k + 1 < len(chain) and chain[k + 1].row.startswith(m.row + "."))]
    taken = [(m.start, m.end) for m in chain]
    groups = {m.row for m in found if any(c.row.startswith(m.row + ".") for c in chain)}
    others = [m for m in found if chain[0].start < m.start < chain[-1].end and m.row not in groups
              and not any(a < m.end and m.start < b for a, b in taken)]
    return chain, _disjoint(others)


def _disjoint(marks: list[_RowMark]) -> list[_RowMark]:
    """Of overlapping labels (行政规范性文件 and 规范性文件 in it), the longest."""
    out: list[_RowMark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -(m.end - m.start))):
        if not out or mark.start >= out[-1].end:
            out.append(mark)
    return out


@cache
def _table_words(table_id: str) -> re.Pattern[str]:
    """What may stand between one row's figures and the next row: the table's group labels
    (（三）不予公开), header words and block headers (第二十条第（五）项 信息内容 …)."""
    groups = {r.group for t in load_templates().values() for r in t.tables[table_id].rows if r.group}
    if table_id == "t3":
        groups.add("本年度办理结果")
    words = "|".join(filter(None, (_alternatives(groups) if groups else "", _header_words(table_id))))
    return re.compile(rf"(?:{_LABEL_NUMBERING}(?:{words})\s*)+")


def _row_printed(text: str, mark: _RowMark, stop: int, table_id: str) -> bool:
    """Whether a label off the chain is a row printed out of order: figures right after it,
    ending where the next label begins."""
    figures, figures_start = _figures(text, mark.end, stop)
    return any(ch.isdigit() for ch in figures) and _delimited(
        text, figures_start + len(figures.rstrip()), stop, table_id, last=False)


def _delimited(text: str, figures_end: int, stop: int, table_id: str, last: bool) -> bool:
    """Whether a row's figures end where its cells end: at the next row's label (what lies
    between being the table's own words), at the end of the table's section, or, after
    the last row, where the prose resumes with a word (not with 年, 件 … that would make
    the last digits the prose's own figure)."""
    after = text[figures_end:stop]
    rest = after.strip()
    if not rest:
        return True
    words = _table_words(table_id).match(after.lstrip())
    if words and not after.lstrip()[words.end():].strip():
        return True
    # after the table, the prose: unless digits run straight into a unit of it (52023年…)
    return last and not after[:1].isdigit() and not _PROSE_UNIT.match(after[:1])


def _header_start(text: str, region_start: int, position: int, table_id: str) -> int:
    """Where the table's header printed right before `position` begins."""
    pattern = _header_pattern(table_id)
    while True:
        m = pattern.search(text, max(region_start, position - 60), position)
        if m is None or (m.end() != position and text[m.end():position].strip()):
            return position
        if m.start() >= position:
            return position
        position = m.start()
        while position > region_start and text[position - 1].isspace():
            position -= 1


def _t2_template(text: str, start: int, end: int, mapped: MappedTable) -> str:
    """The layout of 表二's columns (2019's 本年新制作数量 … or 2021's 本年制发件数 …)."""
    for column, label, pattern in _column_words("t2"):
        if pattern.search(text, start, end):
            note_template(mapped, "column", column, label)
    for mark in mapped.row_order:
        note_template(mapped, "row", mark, mapped.row_labels[mark])
    if mapped.evidence:
        return max(mapped.evidence, key=lambda t: (len(mapped.evidence[t]), t))
    return max(load_templates())


def _columns_of(table_id: str, row: str, layout: str | None) -> tuple[str, ...]:
    templates = load_templates()
    if table_id == "t2":
        preferred = [templates[layout]] if layout in templates else []
        for template in preferred + sorted(templates.values(), key=lambda t: -t.first_year):
            spec = template.tables["t2"].row(row)
            if spec is not None:
                return spec.columns
        return ()
    return templates[max(templates)].tables[table_id].column_ids


def _at(location: Location, text: str, position: int) -> Location:
    """The line's location with the character where the (stripped) figures at `position` start."""
    while position < len(text) and text[position].isspace():
        position += 1
    return Location(location.page, location.line, position + 1)


def _kinds(table_id: str, cells: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple((spec.kind if (spec := column_spec(table_id, r, c)) else "count") for r, c in cells)


def leaves_blanks(table_id: str, rows: list[tuple[tuple[tuple[str, str], ...], str]]) -> bool:
    """Whether the table shows that it leaves cells blank: two printed rows with fewer
    figures than cells, or no zero anywhere among many figures. Its readings then allow
    blank cells. (One short row is as likely a lost digit: it alone is not read.)"""
    printed = [(cells, figures) for cells, figures in rows if figures.strip()]
    short = sum(1 for cells, figures in printed if _figure_count(figures) < len(cells))
    if short >= 2:
        return True
    digits = "".join(figures for _, figures in printed)
    return len(printed) >= 3 and "0" not in digits and "０" not in digits


def _figure_count(figures: str) -> int:
    """How many cells the figures could fill at most: a digit or a placeholder each."""
    return sum(ch.isdigit() for ch in figures) + len(re.findall(r"[/／—–―]+", figures))


def _place_run(mapped: MappedTable, cells: tuple[tuple[str, str], ...], printed: str, location: Location,
               row_index: int, blanks: bool, delimited: bool = True, context: str = "") -> None:
    """The row's cells from its printed figures: read where one reading is possible (or
    the digits agree), kept as a run where they do not. Figures that run on into other
    text (delimited false) are not read at all."""
    table_id = mapped.id
    if delimited and not printed.strip():   # a row printed with its label only: blank cells
        for r, c in cells:
            mapped.cells[(r, c)] = MappedCell(r, c, "", location, Cell("", BLANK_ROW))
        return
    if not delimited:
        for r, c in cells:
            mapped.cells[(r, c)] = MappedCell(r, c, printed.strip(), location)
        mapped.runs.append(PrintedRun(cells, context.strip(), location, (), 0, row_index, delimited=False))
        return
    splits = split_run(printed, _kinds(table_id, cells), blanks=blanks)
    decided = splits.decided()
    for i, (r, c) in enumerate(cells):
        if i in decided:
            mapped.cells[(r, c)] = MappedCell(r, c, decided[i], location, Cell(decided[i], (row_index, i)))
        else:   # no source: not read until a reading is chosen (engine/readings.py)
            mapped.cells[(r, c)] = MappedCell(r, c, printed.strip(), location)
    if len(decided) < len(cells):
        mapped.runs.append(PrintedRun(cells, printed.strip(), location, splits.readings, splits.count, row_index))


def _row_table(text: str, start: int, end: int, table_id: str, location: Location) -> _Found | None:
    chain, others = _row_marks(text, start, end, table_id)
    if len(chain) < 2:
        return None
    mapped = MappedTable(table_id, location)
    # labels off the chain count only as rows printed with their own delimited figures
    everything = sorted(chain + others, key=lambda m: m.start)
    stops = {id(m): (everything[k + 1].start if k + 1 < len(everything) else end) for k, m in enumerate(everything)}
    others = [m for m in others if _row_printed(text, m, stops[id(m)], table_id)]
    in_chain = {m.row for m in chain}
    for extra in others:   # printed twice: the first is read; out of order: read where it stands
        if extra.row in in_chain:
            first = min((m for m in chain if m.row == extra.row), key=lambda m: m.start)
            mapped.notes.append(TableNote("duplicate_row", compact(extra.label), location, extra.row))
            if extra.start < first.start:
                chain[chain.index(first)] = extra
    marks = sorted(chain + [m for m in others if m.row not in in_chain], key=lambda m: m.start)
    rows: list[tuple[_RowMark, str, Location, bool]] = []   # mark, figures, where they start, delimited
    last_end = marks[-1].end
    for k, mark in enumerate(marks):
        stop = marks[k + 1].start if k + 1 < len(marks) else end
        figures, figures_start = _figures(text, mark.end, stop)
        figures_end = figures_start + len(figures.rstrip()) if figures.strip() else mark.end
        last_end = max(last_end, figures_end)
        delimited = _delimited(text, figures_end, stop, table_id, last=k + 1 == len(marks))
        if mark.row in mapped.row_order:
            continue   # a second printing: noted above
        mapped.row_order.append(mark.row)
        mapped.row_labels[mark.row] = compact(mark.label)
        rows.append((mark, figures, _at(location, text, figures_start), delimited))
    layout = _t2_template(text, start, end, mapped) if table_id == "t2" else None
    cells_of = [tuple((mark.row, c) for c in _columns_of(table_id, mark.row, layout)) for mark, *_ in rows]
    blanks = leaves_blanks(table_id, [(cells, figures) for cells, (_, figures, _, ok) in zip(cells_of, rows) if ok])
    for k, (cells, (mark, figures, place, delimited)) in enumerate(zip(cells_of, rows)):
        if table_id != "t2":
            note_template(mapped, "row", mark.row, mapped.row_labels[mark.row])
        _place_run(mapped, cells, figures, place, k, blanks, delimited, text[(place.column or 1) - 1:][:len(figures) + 12])
    printed = tuple((compact(mark.label), figures.strip()) for mark, figures, _, _ in rows)
    return _Found(mapped, _header_start(text, start, marks[0].start, table_id), last_end, printed,
                  tuple(place for _, _, place, _ in rows))


_T4_GROUPS = (("review", "行政复议"), ("litigation_direct", "未经复议直接起诉"), ("litigation_after_review", "复议后起诉"))


def _t4_table(text: str, start: int, end: int, location: Location) -> _Found | None:
    """表四: three rows of five figures, each after its group's name, or (the format's own
    layout) its header and then one run of fifteen figures after the last header word."""
    return _t4_by_groups(text, start, end, location) or _t4_one_run(text, start, end, location)


def _t4_by_groups(text: str, start: int, end: int, location: Location) -> _Found | None:
    found = []
    for group, label in _T4_GROUPS:
        for m in re.finditer(_flexible(label), text[start:end]):
            figures, figures_start = _figures(text, start + m.end(), end)
            if _figure_count(figures) >= 1:
                found.append((start + m.start(), group, label, figures, figures_start))
    found.sort()
    if len({g for _, g, *_ in found}) < 2 or len(found) != len({g for _, g, *_ in found}):
        return None
    mapped = MappedTable("t4", location)
    rows, places = [], []
    cells_of = {group: tuple(c for c in T4_ORDER if c[0] == group) for _, group, *_ in found}
    blanks = leaves_blanks("t4", [(cells_of[group], figures) for _, group, _, figures, _ in found])
    for k, (_label_start, group, label, figures, figures_start) in enumerate(found):
        stop = found[k + 1][0] if k + 1 < len(found) else end
        figures_end = figures_start + len(figures.rstrip())
        place = _at(location, text, figures_start)
        mapped.row_order.append(group)
        cells = cells_of[group]
        _place_run(mapped, cells, figures, place, k, blanks,
                   _delimited(text, figures_end, stop, "t4", last=k + 1 == len(found)),
                   text[(place.column or 1) - 1:][:len(figures) + 12])
        rows.append((label, figures.strip()))
        places.append(place)
    last = found[-1]
    return _Found(mapped, _header_start(text, start, found[0][0], "t4"), last[4] + len(last[3].rstrip()),
                  tuple(rows), tuple(places))


def _t4_one_run(text: str, start: int, end: int, location: Location) -> _Found | None:
    header = list(re.finditer(_header_words("t4"), text[start:end]))
    for m in reversed(header):
        figures, figures_start = _figures(text, start + m.end(), end)
        if _figure_count(figures) >= 5:
            mapped = MappedTable("t4", location)
            for group, _ in _T4_GROUPS:
                mapped.row_order.append(group)
            place = _at(location, text, figures_start)
            _place_run(mapped, tuple(T4_ORDER), figures, place, 0, leaves_blanks("t4", [(tuple(T4_ORDER), figures)]))
            span_start = _header_start(text, start, start + m.end(), "t4")
            header_text = re.sub(r"\s+", " ", text[span_start:start + m.end()]).strip()
            return _Found(mapped, span_start, figures_start + len(figures.rstrip()), ((header_text, figures.strip()),),
                          (place,))
    return None


# --- the capture -------------------------------------------------------------------

def runon_block(document: Document) -> tuple[int, list[_Span]] | None:
    """The index of the capture's run-on body, if the document has one, and its headings."""
    if document.format != "text":
        return None
    for index, block in enumerate(document.blocks):
        if isinstance(block, Paragraph) and MIN_RUNON_CHARS <= len(block.text) <= MAX_RUNON_CHARS:
            headings = inline_headings(block.text)
            if len(headings) >= MIN_INLINE_HEADINGS:
                return index, headings
    return None


def _region(headings: list[_Span], ids: list[str], table_id: str, length: int) -> tuple[int, int]:
    first, after = _REGIONS[table_id]
    start = next((h.end for h, i in zip(headings, ids) if i == first), 0)
    end = next((h.start for h, i in zip(headings, ids) if i == after and h.start > start), length)
    return start, end


def unroll(document: Document) -> RunOn | None:
    found_body = runon_block(document)
    if found_body is None:
        return None
    index, candidates = found_body
    block = document.blocks[index]
    assert isinstance(block, Paragraph)   # runon_block finds paragraphs only
    text, location = block.text, block.location
    headings, ids = candidates, _section_ids(candidates)
    tables: dict[str, MappedTable] = {}
    spans: list[_Span] = list(headings)
    for table_id in ("t2", "t3", "t4"):
        start, end = _region(headings, ids, table_id, len(text))
        found = _t4_table(text, start, end, location) if table_id == "t4" else _row_table(text, start, end, table_id, location)
        if found:
            tables[table_id] = found.mapped
            spans.append(_Span(found.start, found.end, "table", rows=found.rows, row_locations=found.row_locations))
    blocks = list(document.blocks[:index]) + _blocks(text, spans, location, document) + list(document.blocks[index + 1:])
    return RunOn(Document(blocks, document.format, document.metadata, [*document.notes, "runon"]), tables)


def _blocks(text: str, spans: list[_Span], location: Location, document: Document) -> list:
    """The body as blocks: headings, and the prose between them and the tables cut into
    paragraphs where a space after a sentence's end is all that is left of a break."""
    out: list = []
    position = 0

    def prose(piece: str) -> None:
        piece = piece.strip()
        title = _LEADING_TITLE.match(piece) if not out else None
        if title:   # the title at the head of the body (the page's, printed again, or the only one)
            out.append(Paragraph(title.group(0).strip(), location))
            piece = piece[title.end():].strip()
        for part in _PARAGRAPH_BREAK.split(piece):
            if part.strip():
                out.append(Paragraph(part.strip(), location))

    for span in sorted(spans, key=lambda s: s.start):
        if span.start < position:
            continue
        prose(text[position:span.start])
        if span.kind == "heading":
            out.append(Heading(span.text, None, location))
        else:   # the table as printed, for what asks where tables stand (read from the label sequence)
            out.append(Table(grid_from_texts([list(row) for row in span.rows]), location,
                             list(span.row_locations), aligned=False))
        position = span.end
    prose(text[position:])
    return out

