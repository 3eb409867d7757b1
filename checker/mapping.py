"""Tables of the document -> 表二/表三/表四 mapped onto the standard row and column ids.

A table is identified by how many of its row labels (or, for 表四, header labels)
match a standard table; fragments of one logical table (a table split over
several <table>s or pages) are joined. Values are taken from the right-hand end
of each row: in an aligned grid the last N distinct cells, in tab-separated
text (where empty cells drift) the cells after the label with drifting blanks
trimmed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache

from .chars import compact
from .document import Cell, Document, Location, Table
from .matching import Match, best_match
from .normalize import label_key, leading_numeral, parse_cell
from .templates import TABLE_IDS, column_candidates, load_templates, row_candidates

T4_PARENT = "行政诉讼"   # the header above both litigation groups; a group of its own in no template
T4_ORDER = [(g, l) for g in ("review", "litigation_direct", "litigation_after_review")
            for l in ("upheld", "corrected", "other", "pending", "total")]
PADDING = (-1, -1)       # origin of the blank cells that stand in for a short row's missing ones
BLANK_ROW = (-2, -2)     # origin of the cells of a text-table row printed with no value at all


@dataclass(frozen=True, slots=True)
class MappedCell:
    row: str
    column: str
    text: str            # as printed
    location: Location
    source: Cell | None = None   # the printed grid cell (None when a short row was padded)


@dataclass(frozen=True, slots=True)
class TableNote:
    """Something the mapper could not read with certainty (an extraction finding)."""

    kind: str            # unrecognised_row | duplicate_row | row_width | columns_assumed | digits_*
    text: str
    location: Location
    row: str | None = None
    readings: tuple[str, ...] = ()   # digits_ambiguous: some of the readings still open
    count: int = 0                   # digits_ambiguous: readings open; digits_unfit: the cells
    cells: tuple[tuple[str, str], ...] = ()   # digits_*: the cells (row, column) left unread


@dataclass(frozen=True, slots=True)
class PrintedRun:
    """A row's figures printed with the cell boundaries lost (a run-on capture): the
    cells they stand for, as printed, and every reading the digits allow
    (splits.split_run). Its cells are not read until one reading is chosen."""

    cells: tuple[tuple[str, str], ...]        # (row, column) in printed order
    text: str
    location: Location
    readings: tuple[tuple[str, ...], ...]     # cell texts, one tuple per reading
    count: int                                # readings there are (more than listed when too many)
    index: int                                # the row's place in its table
    delimited: bool = True                    # False: the figures run on into other text, unread

    @property
    def too_many(self) -> bool:
        """More readings than are listed (splits.MAX_SPLITS)."""
        return self.count > len(self.readings)


@dataclass(slots=True)
class MappedTable:
    id: str
    location: Location
    cells: dict[tuple[str, str], MappedCell] = field(default_factory=dict)
    row_order: list[str] = field(default_factory=list)     # row ids in printed order
    row_labels: dict[str, str] = field(default_factory=dict)
    column_labels: dict[str, str] = field(default_factory=dict)
    notes: list[TableNote] = field(default_factory=list)
    evidence: dict[str, set[str]] = field(default_factory=dict)  # template id -> labels that prove it
    # template id -> (axis, id) of the rows and columns that prove it, in printed order
    evidence_places: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    runs: list[PrintedRun] = field(default_factory=list)   # rows whose digits ran together

    def add_evidence(self, template_id: str, label: str, axis: str, id_: str) -> None:
        self.evidence.setdefault(template_id, set()).add(label)
        places = self.evidence_places.setdefault(template_id, [])
        if (axis, id_) not in places:
            places.append((axis, id_))


# --- helpers on rows -------------------------------------------------------

def distinct(row: list[Cell]) -> list[Cell]:
    """The printed cells of a row: merged copies (same origin) once."""
    seen: set[tuple[int, int]] = set()
    out = []
    for cell in row:
        if cell.origin not in seen:
            seen.add(cell.origin)
            out.append(cell)
    return out


def _source(cell: Cell) -> Cell | None:
    return None if cell.origin == PADDING else cell


def _kind(text: str) -> str:
    return parse_cell(text).kind


def _row_text(row: list[Cell]) -> str:
    return "".join(c.text for c in distinct(row))


# Which template a row or column id proves (ids that exist in one template only).
@cache
def _template_only_ids() -> dict[tuple[str, str, str], str]:
    templates = load_templates()
    out: dict[tuple[str, str, str], str] = {}
    for tid, t in templates.items():
        for table_id in TABLE_IDS:
            spec = t.tables[table_id]
            for what, ids in (("row", spec.row_ids), ("column", spec.column_ids)):
                for id_ in ids:
                    if all(id_ not in (o.tables[table_id].row_ids if what == "row" else o.tables[table_id].column_ids)
                           for oid, o in templates.items() if oid != tid):
                        out[(table_id, what, id_)] = tid
    return out


def note_template(mapped: MappedTable, what: str, id_: str, label: str) -> None:
    tid = _template_only_ids().get((mapped.id, what, id_))
    if tid:
        mapped.add_evidence(tid, label, what, id_)


@lru_cache(maxsize=4096)
def _row_match(text: str, table_id: str) -> Match | None:
    # Classifying a table and mapping it ask about the same labels: match each once.
    return best_match(text, row_candidates(table_id))


def match_row_label(cells: list[Cell], table_id: str) -> tuple[int, Match] | None:
    """The label cell (index into `cells`) that names a standard row, most specific first."""
    text_cells = [i for i, c in enumerate(cells) if _kind(c.text) == "text"]
    for i in reversed(text_cells):
        m = _row_match(cells[i].text, table_id)
        if m is not None:
            return i, m
    if text_cells:
        m = _row_match("".join(cells[i].text for i in text_cells), table_id)
        if m is not None:
            return text_cells[-1], m
    return None


# --- identification ----------------------------------------------------------

def classify_table(table: Table) -> str | None:
    """t2 | t3 | t4 | None, by the labels it carries."""
    votes = {"t2": 0, "t3": 0}
    for row in table.rows[:80]:
        cells = distinct(row)
        for table_id in votes:
            if match_row_label([c for c in cells if _kind(c.text) == "text"][:3], table_id):
                votes[table_id] += 1
    text = compact("".join(_row_text(r) for r in table.rows[:6]))
    t4_words = sum(w in text for w in ("行政复议", "行政诉讼", "维持", "纠正", "尚未审结", "复议后起诉"))
    if t4_words >= 4 and votes["t3"] < 3:
        return "t4"
    best = max(votes, key=lambda k: votes[k])
    if votes[best] >= 2 or (votes[best] >= 1 and ("第二十条" in text or "信息内容" in text)):
        return best
    return None


def group_tables(document: Document) -> dict[str, list[Table]]:
    """Tables of each kind in document order (fragments of one logical table together)."""
    out: dict[str, list[Table]] = {}
    for block in document.blocks:
        if isinstance(block, Table):
            kind = classify_table(block)
            if kind:
                out.setdefault(kind, []).append(block)
    return out


# --- 表三 and 表二: one standard row per printed row ---------------------------

def lowest_label(texts: list[str], cands) -> tuple[int, Match] | None:
    """The lowest header text of one column that names a candidate, as (row, match).

    A label split over two header cells (a wrap, or a page break inside the
    header: 结果 / 维持) is tried joined with the pieces above it."""
    rows = [i for i, t in enumerate(texts) if t]
    for k in range(len(rows) - 1, -1, -1):
        for start in range(k, max(k - 3, -1), -1):
            pieces = [texts[i] for i in rows[start : k + 1]]
            if len(set(pieces)) < len(pieces):
                break  # the same merged cell repeated: nothing new to join
            m = best_match("".join(pieces), cands)
            if m is not None:
                return rows[k], m
    return None


def _column_texts(header: list[list[Cell]], c: int) -> list[str]:
    return [row[c].text if c < len(row) else "" for row in header]


def column_positions(header: list[list[Cell]], table_id: str) -> dict[str, int]:
    """Column id -> its first grid column, in printed order: for each grid column,
    the lowest header text naming one."""
    cands = column_candidates(table_id)
    positions: dict[str, int] = {}
    for c in range(max((len(r) for r in header), default=0)):
        found = lowest_label(_column_texts(header, c), cands)
        if found is not None:
            positions.setdefault(found[1].id, c)
    return positions


def _split_row(cells: list[Cell], label_index: int, n_values: int, aligned: bool) -> tuple[list[Cell], list[Cell], str | None]:
    """(label cells, value cells, problem) for one printed row."""
    if aligned:
        values = cells[max(label_index + 1, len(cells) - n_values):]
        if len(values) < n_values:  # never read the label as a number
            return cells[: label_index + 1], values + [Cell("", PADDING)] * (n_values - len(values)), "row_width"
        return cells[: len(cells) - n_values], values, None
    # Tab-separated text: empty cells drift (merged-label remnants before the
    # values, padding after), so only the run from the first to the last printed
    # value is certain; blanks inside it are real empty cells. Text right after
    # the label is a label continuation when there are more cells than columns.
    label, values = cells[: label_index + 1], cells[label_index + 1 :]
    if not any(c.text for c in values):
        # nothing printed after the label: every cell is blank, whichever column it is
        return label, [Cell("", BLANK_ROW)] * n_values, None
    while values and not values[-1].text:
        values = values[:-1]
    while values and (not values[0].text or (len(values) > n_values and _kind(values[0].text) == "text")):
        label, values = label + values[:1], values[1:]
    if len(values) == n_values:
        return label, values, None
    # Too few or too many: which column a number belongs to is not certain. Read
    # left to right, mark the rest unreadable, and say so (never guess silently).
    return label, values[:n_values] + [Cell("", PADDING)] * (n_values - len(values)), "row_width"


def is_header_row(cells: list[Cell], table_id: str) -> bool:
    """A row of column labels: no numbers, and an un-numbered cell naming a column.

    Row labels carry numbering (（七）总计) where the header's 总计 does not, so a
    data row whose every value is blank is not mistaken for a header.
    """
    if any(_kind(c.text) in ("number", "placeholder") for c in cells):
        return False
    cands = column_candidates(table_id)
    return any(c.text and leading_numeral(c.text) is None and best_match(c.text, cands) for c in cells)


def _display(cells: list[Cell]) -> str:
    return " ".join(compact(c.text) for c in cells if c.text)


def _map_row_table(table_id: str, tables: list[Table]) -> MappedTable:
    mapped = MappedTable(table_id, tables[0].location)
    columns: list[str] = []              # current column ids (表二: per block header)
    header: list[list[Cell]] = []        # 表三's header rows, from the first fragment
    positions: dict[str, int] = {}       # 表三: grid column of each column id, in the header's table
    header_table: Table | None = None
    printed = [(table, r, row) for table in tables for r, row in enumerate(table.rows)]
    for k, (table, r, row) in enumerate(printed):
        cells = distinct(row)
        location = table.row_location(r)
        if is_header_row(cells, table_id):
            if table_id == "t2":
                columns = list(column_positions([row], table_id))
                for cid in columns:
                    note_template(mapped, "column", cid, _header_label(row, cid, table_id))
            elif not mapped.row_order:
                header.append(row)
            continue
        found = match_row_label(cells, table_id)
        if found is None:
            if any(_kind(c.text) == "number" for c in cells):
                mapped.notes.append(TableNote("unrecognised_row", _display(cells), location))
            elif not mapped.row_order:
                header.append(row)
            continue
        if table_id == "t3" and not columns:
            columns, positions = _t3_columns(header, mapped, table.location)
            header_table = table
        row_id = found[1].id
        if _group_label_only(cells, found[0], table_id) and _heads_next_row(printed[k + 1:], cells[found[0]].text, table_id):
            continue  # 「（六）其他处理」 on a line of its own above its three items
        row_columns = columns if table_id == "t3" else _t2_columns(row_id, columns)
        if (table_id == "t3" and table.aligned and positions and table is header_table
                and len(row) > max(positions.values())):
            # the header says where each column is: a stray extra cell cannot shift the row
            first = min(positions.values())
            label_cells = distinct(row[:first])
            value_cells, problem = [row[positions[c]] for c in row_columns], None
        else:
            label_cells, value_cells, problem = _split_row(cells, found[0], len(row_columns), table.aligned)
        label_text = _display(label_cells) or compact(cells[found[0]].text)
        if row_id in mapped.row_order:
            mapped.notes.append(TableNote("duplicate_row", label_text, location, row_id))
            continue
        if problem:
            mapped.notes.append(TableNote(problem, " | ".join(compact(c.text) for c in cells), location, row_id))
        mapped.row_order.append(row_id)
        mapped.row_labels[row_id] = label_text
        note_template(mapped, "row", row_id, label_text)
        for col, cell in zip(row_columns, value_cells):
            mapped.cells[(row_id, col)] = MappedCell(row_id, col, cell.text, location, _source(cell))
    return mapped


@cache
def _group_keys(table_id: str) -> frozenset[str]:
    return frozenset(label_key(r.group) for t in load_templates().values() for r in t.tables[table_id].rows if r.group)


def _group_label_only(cells: list[Cell], label_index: int, table_id: str) -> bool:
    """A row naming a group (不予公开, 其他处理 …) with nothing printed after it."""
    return (label_key(cells[label_index].text) in _group_keys(table_id)
            and not any(c.text for c in cells[label_index + 1 :]))


def _heads_next_row(following: list[tuple[Table, int, list[Cell]]], label: str, table_id: str) -> bool:
    """Whether the next standard row printed is an item of the group `label` names. If
    not, the row is the group's own row printed with blank cells (2019's single
    （六）其他处理), not a heading above items."""
    key = label_key(label)
    for _, _, row in following:
        found = match_row_label(distinct(row), table_id)
        if found is None:
            continue
        groups = {label_key(r.group) for t in load_templates().values()
                  for r in t.tables[table_id].rows if r.id == found[1].id and r.group}
        return key in groups
    return False


def _t3_columns(header: list[list[Cell]], mapped: MappedTable, location: Location) -> tuple[list[str], dict[str, int]]:
    """表三's seven columns from its header, and the grid position of each; the
    standard order (and no positions) when the header does not say."""
    positions = column_positions(header, "t3")
    columns = list(positions)
    standard = list(load_templates()["2021"].tables["t3"].column_ids)
    if sorted(columns) != sorted(standard):
        mapped.notes.append(TableNote("columns_assumed", "、".join(columns) or "（无表头）", location))
        return standard, {}
    return columns, positions


def _header_label(row: list[Cell], column_id: str, table_id: str) -> str:
    cands = column_candidates(table_id)
    for cell in row:
        m = best_match(cell.text, cands)
        if m is not None and m.id == column_id:
            return cell.text
    return column_id


def _t2_columns(row_id: str, header_columns: list[str]) -> list[str]:
    """表二 columns of a row: the block header's, if it fits the row; else the newest template's."""
    specs = [t.tables["t2"].row(row_id) for t in sorted(load_templates().values(), key=lambda t: -t.first_year)]
    found = [spec for spec in specs if spec is not None]  # row_id was matched, so one at least
    if header_columns and any(set(header_columns) <= set(spec.columns) for spec in found):
        return header_columns
    return list(found[0].columns)


# --- 表四: one printed row of fifteen --------------------------------------------

def _t4_column_ids(header: list[list[Cell]], aligned: bool) -> list[tuple[str, str] | None]:
    """(group, result) for every grid column of the header."""
    groups = row_candidates("t4")
    leaves = column_candidates("t4")
    width = max((len(r) for r in header), default=0)
    # In tab-separated text a merged group label is followed by empty cells: carry it right.
    filled: list[list[str]] = []
    for row in header:
        texts = [c.text for c in row] + [""] * (width - len(row))
        if not aligned:
            carry = ""
            for c, text in enumerate(texts):
                if text:
                    is_group = best_match(text, groups) is not None or label_key(text) == label_key(T4_PARENT)
                    carry = text if is_group else ""
                elif carry:
                    texts[c] = carry
        filled.append(texts)
    out: list[tuple[str, str] | None] = []
    leaf_ids: list[str | None] = []
    for c in range(width):
        texts = [row[c] for row in filled]
        found = lowest_label(texts, leaves)
        leaf = found[1].id if found else None
        group = None
        above = texts[: found[0]] if found else texts
        for text in reversed(above):
            m = best_match(text, groups) if text else None
            if m is not None:
                group = m.id
                break
        leaf_ids.append(leaf)
        out.append((group, leaf) if group and leaf else None)
    # The template fixes fifteen results in three groups of five: when every result
    # column is read in that order, a group label lost (cut off at a page break)
    # follows from the position, provided the labels that were read agree.
    read = [(c, leaf) for c, leaf in enumerate(leaf_ids) if leaf]
    if [leaf for _, leaf in read] == [leaf for _, leaf in T4_ORDER]:
        by_position = {c: T4_ORDER[k] for k, (c, _) in enumerate(read)}
        if all(out[c] is None or out[c] == by_position[c] for c in by_position):
            out = [by_position.get(c) for c in range(width)]
    return out


def _numeric_cells(row: list[Cell]) -> int:
    return sum(1 for c in row if _kind(c.text) in ("number", "placeholder"))


def _t4_data_row(row: list[Cell], header: list[list[Cell]], table: Table, later: list[list[Cell]]) -> bool:
    """表四's row of fifteen numbers. Zeros may be printed blank, so a row with few
    numbers (or none) is the data row too when the header above it names all fifteen
    columns, it holds no label, and no fuller row follows."""
    if _numeric_cells(row) >= 5:
        return True
    if any(_kind(c.text) == "text" for c in row) or any(_numeric_cells(r) >= 5 for r in later):
        return False
    ids = [i for i in _t4_column_ids(header, table.aligned) if i is not None]
    return len(ids) == 15 == len(set(ids))


def _map_t4(tables: list[Table]) -> MappedTable:
    mapped = MappedTable("t4", tables[0].location)
    for table in tables:
        header: list[list[Cell]] = []
        for r, row in enumerate(table.rows):
            if not _t4_data_row(row, header, table, table.rows[r + 1:]):
                header.append(row)
                continue
            location = table.row_location(r)
            ids = _t4_column_ids(header, table.aligned)
            positional: list[tuple[tuple[str, str], Cell]] = [
                (key, row[c]) for c in range(min(len(ids), len(row))) if (key := ids[c]) is not None]
            keys = [k for k, _ in positional]
            if len(set(keys)) == 15 and len(keys) == 15:
                pairs = positional
            else:
                cells = distinct(row)
                if not table.aligned:
                    while cells and not cells[-1].text:
                        cells = cells[:-1]
                values = cells[-15:]
                recognised = "、".join(f"{g}.{l}" for g, l in keys) or "（无表头）"
                mapped.notes.append(TableNote("columns_assumed", recognised, location))
                if len(values) != 15:
                    mapped.notes.append(TableNote("row_width", " | ".join(c.text for c in row), location))
                pairs = list(zip(T4_ORDER, values))
            for (group, leaf), cell in pairs:
                mapped.cells[(group, leaf)] = MappedCell(group, leaf, cell.text, location, _source(cell))
            for group in ("review", "litigation_direct", "litigation_after_review"):
                if any(k[0] == group for k, _ in pairs) and group not in mapped.row_order:
                    mapped.row_order.append(group)
            return mapped
    return mapped


def map_tables(document: Document) -> dict[str, MappedTable]:
    groups = group_tables(document)
    out: dict[str, MappedTable] = {}
    for table_id in TABLE_IDS:
        if table_id in groups:
            out[table_id] = _map_t4(groups[table_id]) if table_id == "t4" else _map_row_table(table_id, groups[table_id])
    return out
