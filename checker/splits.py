"""A row's cells printed with their boundaries lost -> every way to read them.

A crawl that strips tags and collapses whitespace prints 71, 3, 0, 0, 0, 0, 74 as
`713000074`. Each reading cuts the digits into the row's cells: a cell is a whole
number with no leading zero (a lone 0 is a zero), signed only in a column of changes,
with a decimal point only in a column of amounts; a space that survived is a boundary,
and a token that is not digits (`／`, `—`) is one cell. The readings are counted before
they are listed: a run with more than MAX_SPLITS of them (a phone number, a pasted
column of figures) is not listed at all, so no run costs more than milliseconds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .chars import nfkc

MAX_SPLITS = 20_000
MAX_CELL_DIGITS = 9        # no count in an annual report runs to a billion (amounts: two more, and decimals)
_PIECE = {
    "count": re.compile(rf"0|[1-9]\d{{0,{MAX_CELL_DIGITS - 1}}}"),
    "signed_count": re.compile(rf"0|[-+]?[1-9]\d{{0,{MAX_CELL_DIGITS - 1}}}"),
    "money": re.compile(rf"(?:0|[1-9]\d{{0,{MAX_CELL_DIGITS + 2}}})(?:\.\d{{1,4}})?"),
}
_UNIT = re.compile(r"(万元|元)$")
# spaces, and placeholders (／ — and a dash that is not a sign), part tokens: each is a cell of its own
_PLACEHOLDER = re.compile(r"\s+|([/／—–―]+|[-－](?![0-9０-９]))")
_DASH_BEFORE_DIGIT = re.compile(r"([-－])(?=[0-9０-９])")
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:万元|元)?")
_DIGITS = re.compile(r"(?=.*\d)[-+\d.]+")


@dataclass(frozen=True, slots=True)
class Splits:
    """The readings of one run: each a tuple of cell texts as printed, one per cell."""

    readings: tuple[tuple[str, ...], ...]
    count: int                 # how many readings there are (also when too many to list)

    @property
    def too_many(self) -> bool:
        return self.count > MAX_SPLITS

    def decided(self) -> dict[int, str]:
        return agreed(self.readings)


def agreed(readings: list[tuple[str, ...]] | tuple[tuple[str, ...], ...]) -> dict[int, str]:
    """The cells (by position) every reading gives the same text."""
    if not readings:
        return {}
    first = readings[0]
    return {i: text for i, text in enumerate(first) if all(r[i] == text for r in readings)}


def split_run(text: str, kinds: tuple[str, ...], *, blanks: bool = False) -> Splits:
    """Every reading of `text` as len(kinds) cells; `kinds[i]` is the kind of cell i's
    column (count | signed_count | money). With `blanks`, a cell may also have printed
    nothing (a page that leaves zeros blank loses them without a trace in a capture)."""
    readings = _split(_tokens(text), kinds, blanks)
    if "signed_count" in kinds and _DASH_BEFORE_DIGIT.search(text):
        # 5-3 under 上一年项目数量、本年增/减、处理决定数量: 5, −3 … or 5, —, 3
        dashed = _split(_tokens(_DASH_BEFORE_DIGIT.sub(" \\1 ", text)), kinds, blanks)
        listed = tuple(dict.fromkeys(readings.readings + dashed.readings))
        return Splits(listed, max(readings.count + dashed.count, len(listed)))
    return readings


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in _PLACEHOLDER.split(text) if t and not t.isspace())


@lru_cache(maxsize=2048)
def _split(tokens: tuple[str, ...], kinds: tuple[str, ...], blanks: bool) -> Splits:
    k = len(kinds)
    if not tokens or not k or sum(map(len, tokens)) > k * (MAX_CELL_DIGITS + 4):
        return Splits((), 0)     # more characters than the cells could hold: no reading

    @cache
    def cuts(t: int, p: int, c: int) -> tuple[int, ...]:
        """Ends q of the valid cells tokens[t][p:q] holding column c."""
        token = tokens[t]
        if _THOUSANDS.fullmatch(nfkc(token)):   # 10,690: one number, whole
            return (len(token),) if p == 0 and _valid(re.sub("[,，]", "", token), kinds[c], last=True) else ()
        if not _is_digits(token):
            return (len(token),) if p == 0 and _valid_placeholder(token) else ()
        return tuple(q for q in range(p + 1, len(token) + 1)
                     if _valid(token[p:q], kinds[c], last=q == len(token)))

    @cache
    def ways(t: int, p: int, c: int) -> int:
        """Readings of tokens[t][p:] and the tokens after as columns c.. (capped)."""
        if t == len(tokens):
            return int(c == k or blanks)        # the cells left printed nothing
        if p == len(tokens[t]):
            return ways(t + 1, 0, c)
        if c == k:
            return 0
        blank = ways(t, p, c + 1) if blanks else 0
        return min(blank + sum(ways(t, q, c + 1) for q in cuts(t, p, c)), MAX_SPLITS + 1)

    count = ways(0, 0, 0)
    if count == 0 or count > MAX_SPLITS:
        return Splits((), count)
    readings: list[tuple[str, ...]] = []

    def walk(t: int, p: int, c: int, cells: tuple[str, ...]) -> None:
        if t == len(tokens):
            readings.append(cells + ("",) * (k - c))
            return
        if p == len(tokens[t]):
            walk(t + 1, 0, c, cells)
            return
        if blanks and ways(t, p, c + 1):
            walk(t, p, c + 1, (*cells, ""))
        for q in cuts(t, p, c):
            if ways(t, q, c + 1):
                walk(t, q, c + 1, (*cells, tokens[t][p:q]))

    walk(0, 0, 0, ())
    return Splits(tuple(readings), len(readings))


def _is_digits(token: str) -> bool:
    return bool(_DIGITS.fullmatch(nfkc(_UNIT.sub("", token))))


def _valid_placeholder(token: str) -> bool:
    """A token with no digit (／, —) is one cell, whatever it holds."""
    return not any(ch.isdigit() for ch in nfkc(token))


def _valid(piece: str, kind: str, *, last: bool) -> bool:
    unit = _UNIT.search(piece)
    if unit:   # 1018703元: the unit closes its token and only an amount carries one
        if not last or kind != "money":
            return False
        piece = piece[: unit.start()]
    return bool(_PIECE.get(kind, _PIECE["count"]).fullmatch(nfkc(piece)))
