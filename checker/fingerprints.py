"""Stable fingerprints of findings, and baselines of reviewed ones.

A fingerprint names what a finding is about, not how it is worded: the rule,
the body (by its key), the year and the place in the report's own terms
(table, row, column, section). Page and line are left out, since a re-exported
file moves them. Two findings of one rule at one place are told apart by
their order. Rewording a message or renumbering pages keeps every fingerprint;
a different cell, rule, body or year changes it.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .bodies import body_key
from .errors import BaselineError
from .words import Words

if TYPE_CHECKING:
    from .record import Record

NO_BASELINE = Words("{path}：基线文件不存在（先用 --write-baseline 生成）。", "{path}: no such baseline file (make one with --write-baseline).")
NOT_A_BASELINE = Words("{path}：不是 govcheck 的基线文件。", "{path}: not a govcheck baseline file.")

PLACE_KEYS = ("table", "row", "column", "section")


def fingerprints_of(body: str | None, year: int | None, findings: Iterable[tuple[str, Mapping]]) -> tuple[str, ...]:
    """The fingerprint of each finding (its rule and JSON location) of one report, in order."""
    seen: dict[str, int] = {}
    out = []
    for rule, location in findings:
        place = {k: location.get(k) for k in PLACE_KEYS}
        key = json.dumps([rule, body_key(body), year, place], ensure_ascii=False, sort_keys=True)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        out.append(hashlib.sha256(f"{key}#{occurrence}".encode()).hexdigest()[:16])
    return tuple(out)


def fingerprint_findings(record: dict) -> None:
    """Give every finding of a record (DOMAIN §6 dict) its `fingerprint`, in place."""
    findings = record.get("findings", [])
    prints = fingerprints_of(record.get("body"), record.get("year"),
                             [(f["rule"], f.get("location", {})) for f in findings])
    for finding, fingerprint in zip(findings, prints):
        finding["fingerprint"] = fingerprint


class Baseline:
    """The findings an auditor has reviewed and accepted: later runs report only new ones."""

    VERSION = 1

    def __init__(self, entries: dict[str, dict] | None = None) -> None:
        self.entries = entries or {}

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        path = Path(path)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(NO_BASELINE(path=path)) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            raise BaselineError(NOT_A_BASELINE(path=path)) from None
        if not isinstance(raw, dict) or raw.get("version") != cls.VERSION or not isinstance(raw.get("findings"), dict):
            raise BaselineError(NOT_A_BASELINE(path=path))
        return cls(raw["findings"])

    @classmethod
    def of_records(cls, records: Iterable[Record]) -> Baseline:
        entries = {}
        for record in records:
            for f, fingerprint in zip(record.findings, record.fingerprints):
                entries[fingerprint] = {"rule": f.rule, "file": record.file, "body": record.body,
                                        "year": record.year, "message": f.message}
        return cls(entries)

    def write(self, path: str | Path) -> None:
        payload = {"version": self.VERSION, "written": datetime.now(UTC).isoformat(timespec="seconds"),
                   "findings": dict(sorted(self.entries.items(), key=lambda kv: (kv[1]["file"], kv[1]["rule"])))}
        Path(path).write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    def __contains__(self, fingerprint: str) -> bool:
        return fingerprint in self.entries

    def filter(self, record: Record) -> Record:
        """The record without its reviewed findings (`baselined` says how many were left out)."""
        kept = [(f, p) for f, p in zip(record.findings, record.fingerprints) if p not in self]
        return replace(record, findings=tuple(f for f, _ in kept), fingerprints=tuple(p for _, p in kept),
                       baselined=len(record.findings) - len(kept))

