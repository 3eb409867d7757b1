"""govcheck: checks Chinese government information-disclosure annual reports."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"   # 0.2: records carry typed values (record.py); older stored results are not reused

__all__ = ["check_bytes", "check_file", "__version__"]

if TYPE_CHECKING:
    from .check import check_bytes, check_file


def __getattr__(name: str) -> Any:
    """`checker.check_file` and `checker.check_bytes`, the check imported on first use:
    `govcheck --version` and a module that needs only __version__ load no check."""
    if name in ("check_bytes", "check_file"):
        from . import check
        return getattr(check, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
