"""govcheck: checks Chinese government information-disclosure annual reports."""
from .check import check_bytes, check_file

__version__ = "0.1.0"
__all__ = ["check_bytes", "check_file", "__version__"]
