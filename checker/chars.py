"""Character-level text normalisation that knows nothing of reports: NFKC, the radicals
some PDF fonts map ideographs to, whitespace, traditional -> simplified.

Extractors and every later stage share it; report knowledge (numbering, numbers, labels)
lives in normalize.py, above it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# CJK Radicals Supplement code points that some PDF fonts map their glyphs to,
# with the unified ideograph they stand for. NFKC fixes the Kangxi radicals
# (U+2F00..) but not these (see TOOLING.md §2.3).
_RADICALS = str.maketrans({
    "⻔": "门", "⻚": "页", "⺠": "民", "⻅": "见", "⻓": "长", "⻋": "车", "⻢": "马",
    "⻛": "风", "⻜": "飞", "⻩": "黄", "⻬": "齐", "⻰": "龙", "⻉": "贝", "⻈": "讠",
    "⻐": "钅", "⻙": "韦", "⻦": "鸟", "⻥": "鱼", "⻨": "麦", "⺟": "母",
    "⻆": "角", "⻝": "食", "⻣": "骨", "⻤": "鬼", "⻮": "齿", "⻳": "龟", "⺝": "月",
    "⺁": "厂", "⺇": "几", "⺌": "小", "⺢": "水", "⺫": "罒", "⺮": "竹", "⺶": "羊",
    "⺻": "聿", "⻊": "足", "⻌": "辶", "⻏": "阝", "⻖": "阝", "⻗": "雨", "⻘": "青",
    "⺆": "冂", "⺈": "⺈", "⺍": "⺍",
})

_SPACES = re.compile(r"\s+")


def nfkc(text: str) -> str:
    """NFKC (full-width forms, Kangxi radicals) plus the radical supplement table."""
    return unicodedata.normalize("NFKC", text).translate(_RADICALS)


def fix_radicals(text: str) -> str:
    """Kangxi and supplement radicals (some PDF fonts map CJK glyphs to them) ->
    unified ideographs, leaving every other character as printed."""
    if not any("\u2e80" <= ch <= "\u2fdf" for ch in text):
        return text
    return "".join(unicodedata.normalize("NFKC", ch).translate(_RADICALS) if "\u2e80" <= ch <= "\u2fdf" else ch
                   for ch in text)


def compact(text: str) -> str:
    """NFKC with every kind of whitespace removed (labels split over lines)."""
    return _SPACES.sub("", nfkc(text).replace("\\", ""))


# --- traditional characters -------------------------------------------------

@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: 30-50 ms, needed only for traditional pages

    return opencc.OpenCC("t2s")


def looks_traditional(sample: str) -> bool:
    """More than a few characters change under t2s: the text is traditional."""
    if not sample:
        return False
    converted = _t2s().convert(sample)
    changed = sum(1 for a, b in zip(sample, converted) if a != b)
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff") or 1
    return changed >= 5 and changed / cjk > 0.02


def simplify(text: str) -> str:
    return _t2s().convert(text)
