"""Reporters: each formats results, none computes. --format takes its choices from REPORTERS."""
from __future__ import annotations

from .json import JsonReporter
from .terminal import TerminalReporter

REPORTERS = {"rich": TerminalReporter, "json": JsonReporter}

__all__ = ["REPORTERS", "JsonReporter", "TerminalReporter"]
