"""Last year beside this year: which reports form a pair, and what of a report
the cross-year rules need.

A checked report travels as a typed record (record.py) that keeps what the
cross-year rules read: every cell's Value (number, decimals, printed text,
place) and the sentences. So a pair is checked from two records alone: from a
batch's workers, from the results database of an earlier run, or from a Dask
cluster, without reading either file again.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from .bodies import MIN_SUFFIX_KEY, body_key
from .chars import compact
from .document import Location
from .findings import CellRef, Number
from .prose import Sentence
from .templates import load_boilerplate, load_sections, load_templates
from .values import Value


class Paired(Protocol):
    """What pairing reads of a record (record.Record): which file, body, year and format, and
    whether it was checked."""

    @property
    def file(self) -> str: ...
    @property
    def body(self) -> str | None: ...
    @property
    def year(self) -> int | None: ...
    @property
    def format(self) -> str | None: ...
    @property
    def ok(self) -> bool: ...


R = TypeVar("R", bound=Paired)

@dataclass(frozen=True)
class YearSide:
    """One report of a pair, as the cross-year rules see it: the same typed values
    (values.Value: the number with its decimals, the printed text, the place) and sentences
    as one year's rules read."""

    file: str
    body: str | None
    year: int | None
    template: str | None
    values: Mapping[CellRef, Value] = field(default_factory=dict)
    sentences: tuple[Sentence, ...] = ()

    @property
    def cells(self) -> dict[CellRef, Number | None]:
        """Every cell's number; printed blank: 0, in the identities across years as in one year's (DOMAIN §3)."""
        return {ref: 0 if v.problem == "blank" else v.number for ref, v in self.values.items()}

    @property
    def blanks(self) -> frozenset[CellRef]:
        return frozenset(ref for ref, v in self.values.items() if v.problem == "blank")

    @property
    def cell_locations(self) -> dict[CellRef, Location]:
        return {ref: v.location for ref, v in self.values.items() if v.location is not None}

    def text(self, section: str | None = None) -> str:
        """The prose of one section, or of the whole report when `section` is None, one sentence a line."""
        return "\n".join(s.text for s in self.sentences if section is None or s.section == section)


# --- how much of this year's text was last year's --------------------------------------

_NOT_TEXT = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]")
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = re.compile(r"[。;!?]")
SHINGLE = 8            # characters: long enough that shared stock phrases (政府信息公开) do not count
MIN_TEXT = 40          # characters below which a ratio says nothing (a section of one line, 无)
MIN_LABEL = 4          # a template label shorter than this is a word of prose too (规章, 其他)


def _comparable(text: str) -> str:
    """Letters only; every number one symbol, so '2023年' copied as '2024年' still counts as copied."""
    return _DIGITS.sub("#", _NOT_TEXT.sub("", compact(text)))


@lru_cache(maxsize=1)
def _shared_wording() -> re.Pattern[str]:
    """What every report shares, whoever wrote it: the boilerplate sentences and phrases
    (rules/templates/boilerplate.toml), the six headings and their variants, and the table
    titles and row, group and column labels of both templates."""
    labels: set[str] = set()
    for section in load_sections():
        labels.update((section.heading, *section.variants))
    for template in load_templates().values():
        for table in template.tables.values():
            labels.add(table.title)
            for spec in (*table.rows, *table.columns):
                labels.update((spec.label, *spec.variants, spec.group or ""))
    words = sorted({compact(w) for w in labels if len(_comparable(w)) >= MIN_LABEL}, key=len, reverse=True)
    return re.compile("|".join([p.pattern for p in load_boilerplate().copy] + [re.escape(w) for w in words]))


# A line that starts a heading (一、 （一） 1.) starts a new sentence even when the line before
# has no full stop; any other line without one continues it (a PDF line wrapped mid-sentence).
_HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]{1,2}\)|\d{1,2}[、.](?!\d))")


def _sentences(text: str) -> list[str]:
    """The text's sentences, compacted: its lines rejoined where a sentence was wrapped, then
    cut at every full stop."""
    joined, current = [], ""
    for line in text.split("\n"):
        line = compact(line)
        if current and (_HEADING_START.match(line) or _SENTENCE_END.match(current[-1])):
            joined.append(current)
            current = ""
        current += line
    joined.append(current)
    return [s for part in joined for s in _SENTENCE_END.split(part) if s]


def measured_pieces(text: str, shingle: int = SHINGLE, own_text_only: bool = True) -> list[str]:
    """A report's own text as the copy rules measure it: sentence by sentence, the shared
    wording cut out (unless `own_text_only` is False), letters only; a piece shorter than a
    shingle is left out (nothing in it can be found copied)."""
    shared = _shared_wording()
    pieces = []
    for sentence in _sentences(text):
        for piece in shared.split(sentence) if own_text_only else [sentence]:
            piece = _comparable(piece)
            if len(piece) >= shingle:
                pieces.append(piece)
    return pieces


@lru_cache(maxsize=32)   # a pair's rules and its summary ask for the same ratios
def overlap_ratio(this_text: str, last_text: str, shingle: int = SHINGLE, *,
                  own_text_only: bool = True) -> float | None:
    """Share of this year's own characters (measured_pieces) that stand in a run of `shingle`
    characters found in last year's own text (in any order); None when this year's own
    text is too short to judge. The wording every report shares is not counted: two
    reports made from the same template are not copies of each other (`own_text_only=False`
    counts it too, for comparison)."""
    this = measured_pieces(this_text, shingle, own_text_only)
    last = measured_pieces(last_text, shingle, own_text_only)
    total = sum(map(len, this))
    if total < MIN_TEXT or not last:
        return None
    known = {piece[i:i + shingle] for piece in last for i in range(len(piece) - shingle + 1)}
    covered_total = 0
    for piece in this:
        covered = bytearray(len(piece))
        for i in range(len(piece) - shingle + 1):
            if piece[i:i + shingle] in known:
                covered[i:i + shingle] = b"\x01" * shingle
        covered_total += sum(covered)
    return covered_total / total


# --- which records form pairs -----------------------------------------------------------

@dataclass(frozen=True)
class Pair(Generic[R]):
    this: R   # the later report's record
    last: R   # the report of the year before
    by_hand: bool = False


def _checked(record: Paired) -> bool:
    return record.ok


def _same_path(a: str, b: str) -> bool:
    return Path(a).resolve() == Path(b).resolve()


def find_pairs(records: Iterable[R], by_hand: Iterable[tuple[str, str]] = (),
               earlier: Iterable[R] = ()) -> list[Pair[R]]:
    """Pairs named by hand (--pair THIS LAST) first; then every checked report whose body,
    by its key, has a report of the year before, among `records` and then `earlier`
    (reports that only stand as last year's). A body with several reports for that year
    (one page in HTML and PDF) is paired with one of them, the same format first."""
    checked = [r for r in records if _checked(r)]
    before = [r for r in earlier if _checked(r)]
    from_earlier = {id(r) for r in before}
    pairs: list[Pair[R]] = []
    taken: set[int] = set()
    for this_path, last_path in by_hand:
        this = next((r for r in checked if _same_path(r.file, this_path)), None)
        last = next((r for r in checked if _same_path(r.file, last_path)), None)
        if this is not None and last is not None:
            pairs.append(Pair(this, last, by_hand=True))
            taken.add(id(this))
    by_year: dict[int, _BodyIndex[R]] = {}
    for record in checked + before:
        if record.year and body_key(record.body):
            by_year.setdefault(record.year, _BodyIndex()).add(record)
    for record in checked:
        if id(record) in taken or not record.year or record.year - 1 not in by_year:
            continue
        candidates = by_year[record.year - 1].same_body(body_key(record.body))
        if candidates:
            candidates.sort(key=lambda r: (id(r) in from_earlier, r.format != record.format, r.file))
            pairs.append(Pair(record, candidates[0]))
    return pairs


class _BodyIndex(Generic[R]):
    """Records of one year by body key, and by every tail of the key long enough to
    name a body, so that pairing a season is linear rather than every report against every other."""

    def __init__(self) -> None:
        self.exact: dict[str, list[R]] = {}
        self.tails: dict[str, list[R]] = {}

    def add(self, record: R) -> None:
        key = body_key(record.body)
        self.exact.setdefault(key, []).append(record)
        for start in range(1, len(key) - MIN_SUFFIX_KEY + 1):
            self.tails.setdefault(key[start:], []).append(record)

    def same_body(self, key: str) -> list[R]:
        """Records whose key equals `key`, ends with it, or is a tail of it (see bodies.same_body)."""
        if not key:
            return []
        found = self.exact.get(key, []) + (self.tails.get(key, []) if len(key) >= MIN_SUFFIX_KEY else [])
        for start in range(1, len(key) - MIN_SUFFIX_KEY + 1):
            found += self.exact.get(key[start:], [])
        unique = {id(r): r for r in found}
        return list(unique.values())
