"""A file's name as govcheck shows and stores it.

POSIX names are bytes; Python keeps the bytes that are not UTF-8 as lone surrogates,
which no UTF-8 output (a terminal, JSON, CSV, SQLite, a web page) can hold. The name
shown keeps them as `\\xNN` (`report\\xb1.txt`), so every output can say which file it
was and the run goes on; the file itself is always opened by its real path.
"""
from __future__ import annotations

import os


def shown_name(path: str | bytes | os.PathLike) -> str:
    """`path` (or any text holding one) with each byte that is not UTF-8 written as `\\xNN`."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        return text.decode("utf-8", "backslashreplace")
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        data = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:   # a surrogate no byte stands for: write it out as it is
        data = text.encode("utf-8", "backslashreplace")
    return data.decode("utf-8", "backslashreplace")
