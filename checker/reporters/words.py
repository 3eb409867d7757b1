"""The words and signs every reporter prints for severities and file statuses, so
the terminal, the batch summary and the HTML pages say the same thing. Keys are the
JSON strings; Severity is a StrEnum, so it looks them up too."""
from __future__ import annotations

from ..findings import CATEGORY_ZH, SEVERITY_ZH, Category, Severity

SEVERITY_SIGN = {Severity.ERROR: "✗", Severity.WARNING: "?", Severity.INFO: "·"}  # visible without colour
# a run-on capture's cell split by what the report says, and one no reading decides
DECIDED_NOTE = "原文数字连写，按本行合计、表内勾稽关系或正文所述推定拆分"
UNREAD_TEXT = "未读出"
# the formats a file is read as (document.Document.format), as people name them
FORMAT_ZH = {"text": "文本", "markdown": "Markdown", "html": "HTML", "pdf": "PDF", "docx": "Word"}
STATUS_ZH = {"ok": "已检查", "unreadable": "无法读取", "timeout": "超时", "too_big": "超出内存", "crashed": "进程终止",
             "internal_error": "内部错误"}


def status_name(status: str | None) -> str:
    """已检查, 无法读取 …; a status this version does not know is 未知状态 (never its id)."""
    return STATUS_ZH.get(status or "ok", "未知状态")


def severity_name(severity: str | None) -> str:
    return SEVERITY_ZH[Severity(severity)] if severity in SEVERITY_ZH else "未知级别"


def category_name(category: str | None) -> str:
    return CATEGORY_ZH[Category(category)] if category in CATEGORY_ZH else "其他"


def format_name(fmt: str | None) -> str:
    return FORMAT_ZH.get(fmt or "", "未知") if fmt else "未知"


def severity_rank(severity: str | None) -> int:
    """Errors first; an unknown severity last."""
    return Severity(severity).rank if severity in SEVERITY_ZH else len(SEVERITY_ZH)


def value_text(value: object) -> str:
    """A finding's 应为/实为 as a person reads it: nothing when there is none, 空白 for a cell printed blank."""
    if value is None:
        return ""
    return str(value) or "空白"
