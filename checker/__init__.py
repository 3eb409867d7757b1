"""govcheck: checks Chinese government information-disclosure annual reports."""
__version__ = "0.1.0"

from .check import check_bytes, check_file  # noqa: E402  (check.py reads __version__)

__all__ = ["check_bytes", "check_file", "__version__"]
