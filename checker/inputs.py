"""What is named on the command line, before and as it is read: a path that exists is a
file whatever its characters, a glob pattern only when nothing has that name; `-` is
standard input; a web address, a ZIP or RAR archive, an OFD file, a file without read
permission and govcheck's own result pages each get one sentence saying what to do.
"""
from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from .errors import TooLarge
from .extract import read_bytes
from .extract.refusals import Refusal, is_own_page
from .names import shown_name
from .settings import DEFAULT_LIMITS, Limits
from .words import Words

STDIN = "-"
STDIN_NAME = "标准输入"   # the name a record carries: data, one language
GLOB_CHARACTERS = "*?["
# https://…, ftp://…; a Path folds the two slashes into one, so one is enough
_URL = re.compile(r"^(?:https?|ftps?)://?", re.I)
_HTML_SUFFIXES = (".html", ".htm", ".shtml")
OVER_BYTES = Words("超过 {limit} 字节", "over {limit} bytes")
SKIPPED = Words("已跳过 govcheck 自己生成的 {count} 个检查结果页面（在 {where} 中）。",
                "Skipped {count} results pages govcheck wrote (in {where}).")
AND_MORE = Words("等", " and more")
AND = Words("、", ", ")


class NoPermission(Refusal):
    words = Words("{path}：无法读取（没有权限）{detail}。", "{path}: cannot be read (no permission){detail}.")


class WebAddress(Refusal):
    words = Words("{path}：这是网址，govcheck 不联网，请先把报告下载到本地，再检查下载的文件{detail}。",
                  "{path}: this is a web address; govcheck works offline, so download the report first and check the downloaded file{detail}.")


def looks_like_url(argument: str | os.PathLike) -> bool:
    text = os.fspath(argument)
    return isinstance(text, str) and bool(_URL.match(text))


def is_pattern(argument: str) -> bool:
    """A glob pattern to expand: it has * ? or [ and nothing has that very name."""
    return (any(ch in argument for ch in GLOB_CHARACTERS) and not os.path.lexists(argument)
            and not looks_like_url(argument))


def input_name(path: str | os.PathLike) -> str:
    """The name a file's record and sentences carry."""
    return STDIN_NAME if os.fspath(path) == STDIN else shown_name(path)


def read_input(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of a named file, or of standard input for `-` (bounded like a file)."""
    if os.fspath(path) == STDIN:
        data = sys.stdin.buffer.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            raise TooLarge(STDIN_NAME, OVER_BYTES(limit=limits.max_bytes))
        return data
    if looks_like_url(path) and not os.path.lexists(path):
        raise WebAddress(re.sub(r"^([A-Za-z]+):/(?!/)", r"\1://", os.fspath(path)))
    try:
        return read_bytes(os.fspath(path), limits)
    except PermissionError:
        raise NoPermission(os.fspath(path)) from None


def skip_own_outputs(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(paths to check, govcheck's own result pages among them). Only the head of a regular
    HTML file is read; anything that cannot be read is left for its own sentence."""
    kept: list[Path] = []
    own: list[Path] = []
    for path in paths:
        (own if _is_own_page(path) else kept).append(path)
    return kept, own


def _is_own_page(path: Path) -> bool:
    if not str(path).lower().endswith(_HTML_SUFFIXES):
        return False
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            return is_own_page(handle.read(1024))
    except OSError:
        return False


def skipped_sentence(own: list[Path]) -> str:
    folders = list(dict.fromkeys(shown_name(p.parent) for p in own))
    where = AND().join(folders[:3]) + (AND_MORE() if len(folders) > 3 else "")
    return SKIPPED(count=len(own), where=where)
