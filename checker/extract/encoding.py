"""Bytes -> str for text and HTML: declared charset, else UTF-8, else GB18030."""
from __future__ import annotations

import codecs
import re

# GBK and GB2312 pages are common; GB18030 is their superset, so decode with it.
_SUPERSETS = {"gbk": "gb18030", "gb2312": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in a <meta> tag (first 4 KB), normalised."""
    m = _META_CHARSET.search(head[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def decode(data: bytes, declared: str | None = None) -> str | None:
    """Decode with the BOM, the declared charset, UTF-8 or GB18030; None if none fits."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    tried = []
    for codec in (declared, "utf-8", "gb18030"):
        if codec and codec not in tried:
            tried.append(codec)
            try:
                return data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
    return None
