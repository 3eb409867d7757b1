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

from .errors import InputError
from .names import shown_name
from .settings import DEFAULT_LIMITS, Limits

STDIN = "-"
STDIN_NAME = "标准输入"
GLOB_CHARACTERS = "*?["
# https://…, ftp://…; a Path folds the two slashes into one, so one is enough
_URL = re.compile(r"^(?:https?|ftps?)://?", re.I)
# what govcheck writes into every page it makes (reporters/pages.py); a page that carries
# it is one of our own outputs, never a report
GENERATOR_MARK = b'<meta name="generator" content="govcheck'
_HTML_SUFFIXES = (".html", ".htm", ".shtml")
_ARCHIVE_MAGIC = (b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b")          # RAR, 7-Zip, gzip
_ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z", ".gz", ".tgz", ".tar")


class _Said(InputError):
    """One sentence in Chinese naming the file: what is wrong and what to do."""

    def sentence(self) -> str:
        detail = f"（{self.detail}）" if self.detail else ""
        return f"{self.path}：{self.zh}{detail}。"


class NoPermission(_Said):
    zh = "无法读取（没有权限）"


class WebAddress(_Said):
    zh = "这是网址，govcheck 不联网，请先把报告下载到本地，再检查下载的文件"


class Archive(_Said):
    zh = "这是压缩包，请先解压，再检查其中的报告文件"


class OfdFile(_Said):
    zh = "暂不支持 OFD 版式文件，请先用 OFD 阅读器把它导出为 PDF，再检查 PDF"


class OwnOutput(_Said):
    zh = "这是 govcheck 自己生成的检查结果页面，不是报告，已跳过"


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
    from .extract import read_bytes   # extract imports this module's refusals

    if os.fspath(path) == STDIN:
        data = sys.stdin.buffer.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            from .errors import TooLarge
            raise TooLarge(STDIN_NAME, f"超过 {limits.max_bytes} 字节")
        return data
    if looks_like_url(path) and not os.path.lexists(path):
        raise WebAddress(re.sub(r"^([A-Za-z]+):/(?!/)", r"\1://", os.fspath(path)))
    try:
        return read_bytes(path, limits)
    except PermissionError:
        raise NoPermission(path) from None


def refusal(data: bytes, name: str, fmt: str) -> InputError | None:
    """What to do instead of checking these bytes, when they are a kind govcheck does not
    read but a person can turn into one it does (or its own output); else None."""
    lower = name.lower()
    if fmt == "html":
        return OwnOutput(name) if is_own_output(data) else None
    if fmt not in ("zip", "text"):
        return None
    head = data[:200_000]
    if lower.endswith(".ofd") or (data.startswith(b"PK\x03\x04") and b"OFD.xml" in head):
        return OfdFile(name)
    if fmt == "zip":
        office = b"[Content_Types].xml" in head or data[30:38] == b"mimetype"   # xlsx, pptx, odt …
        return Archive(name) if lower.endswith(_ARCHIVE_SUFFIXES) or not office else None
    if data.startswith(_ARCHIVE_MAGIC) or (lower.endswith(_ARCHIVE_SUFFIXES) and b"\x00" in data[:8192]):
        return Archive(name)
    return None


def is_own_output(data: bytes) -> bool:
    return GENERATOR_MARK in data[:1024]


def skip_own_outputs(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(paths to check, govcheck's own result pages among them). Only the head of a regular
    HTML file is read; anything that cannot be read is left for its own sentence."""
    kept, own = [], []
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
            return is_own_output(handle.read(1024))
    except OSError:
        return False


def skipped_sentence(own: list[Path]) -> str:
    folders = list(dict.fromkeys(shown_name(p.parent) for p in own))
    where = "、".join(folders[:3]) + ("等" if len(folders) > 3 else "")
    return f"已跳过 govcheck 自己生成的 {len(own)} 个检查结果页面（在 {where} 中）。"
