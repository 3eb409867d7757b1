"""Bytes govcheck does not read but a person can turn into something it does (a ZIP or
RAR archive, an OFD file), and govcheck's own result pages: each refused with one
sentence saying what to do instead."""
from __future__ import annotations

from ..errors import InputError
from ..words import Words

# what govcheck writes into every page it makes (reporters/pages.GENERATOR): a page that
# carries it is one of our own outputs, never a report
OWN_PAGE_MARK = b'<meta name="generator" content="govcheck'
_ARCHIVE_MAGIC = (b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b")          # RAR, 7-Zip, gzip
_ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z", ".gz", ".tgz", ".tar")


class Refusal(InputError):
    """One sentence naming the file: what is wrong and what to do."""


class Archive(Refusal):
    words = Words("{path}：这是压缩包，请先解压，再检查其中的报告文件{detail}。",
                  "{path}: this is an archive; unpack it, then check the reports in it{detail}.")


class OfdFile(Refusal):
    words = Words("{path}：暂不支持 OFD 版式文件，请先用 OFD 阅读器把它导出为 PDF，再检查 PDF{detail}。",
                  "{path}: OFD files are not supported yet; export it to PDF with an OFD reader, then check the PDF{detail}.")


class OwnOutput(Refusal):
    words = Words("{path}：这是 govcheck 自己生成的检查结果页面，不是报告，已跳过{detail}。",
                  "{path}: this is a results page govcheck wrote, not a report; skipped{detail}.")


def refusal(data: bytes, name: str, fmt: str) -> InputError | None:
    """What to do instead of checking these bytes (sniffed as `fmt`), or None."""
    lower = name.lower()
    if fmt == "html":
        return OwnOutput(name) if is_own_page(data) else None
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


def is_own_page(data: bytes) -> bool:
    return OWN_PAGE_MARK in data[:1024]
