"""The words and signs every reporter prints for severities and file statuses, so
the terminal, the batch summary and the HTML pages say the same thing. Keys are the
JSON strings; Severity is a StrEnum, so it looks them up too."""
from __future__ import annotations

from ..findings import Severity

SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
SEVERITY_SIGN = {Severity.ERROR: "✗", Severity.WARNING: "?", Severity.INFO: "·"}  # visible without colour
# a run-on capture's cell split by what the report says, and one no reading decides
DECIDED_NOTE = "原文数字连写，按本行合计、表内勾稽关系或正文所述推定拆分"
UNREAD_TEXT = "未读出"
STATUS_ZH = {"ok": "已检查", "unreadable": "无法读取", "timeout": "超时", "too_big": "超出内存", "crashed": "进程终止",
             "internal_error": "内部错误"}


def severity_rank(severity: str | None) -> int:
    """Errors first; an unknown severity last."""
    return Severity(severity).rank if severity in SEVERITY_ZH else len(SEVERITY_ZH)


def value_text(value: object) -> str:
    """A finding's 应为/实为 as a person reads it: nothing when there is none, 空白 for a cell printed blank."""
    if value is None:
        return ""
    return str(value) or "空白"
