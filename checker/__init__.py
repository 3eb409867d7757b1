"""govcheck: checks Chinese government information-disclosure annual reports."""
__version__ = "0.2.0"   # 0.2: records carry typed values (record.py); older stored results are not reused

from .check import check_bytes, check_file  # noqa: E402  (check.py reads __version__)

__all__ = ["check_bytes", "check_file", "__version__"]
