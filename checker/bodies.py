"""Which body a report is from, as a key two years' reports share.

Titles name the same body in slightly different ways from year to year:
full-width brackets, spaces, 管委会 for 管理委员会, a county prefix present
one year and dropped the next. The key irons out the first three; the
prefix is handled by pairing (one key ending with the other)."""
from __future__ import annotations

import re

from .chars import compact

_SYNONYMS = (("管理委员会", "管委会"), ("人民政府办公室", "政府办"), ("办公室", "办"))
_DROP = re.compile(r"[（()）【】\[\]《》“”\"'·・,，、:：]")
# A suffix this short is a kind of body, not a body: 人民政府, 县人民政府.
MIN_SUFFIX_KEY = 6


def body_key(name: str | None) -> str:
    """濮阳县庆祖镇人民政府 / 濮阳县 庆祖镇人民政府 -> one key; '' when unnamed."""
    if not name:
        return ""
    key = _DROP.sub("", compact(name))
    for long, short in _SYNONYMS:
        key = key.replace(long, short)
    return key

