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
from datetime import UTC, datetime
from pathlib import Path

from .bodies import body_key
from .errors import BaselineError
from .findings import severity_counts
from .words import Words

NO_BASELINE = Words("{path}：基线文件不存在（先用 --write-baseline 生成）。", "{path}: no such baseline file (make one with --write-baseline).")
NOT_A_BASELINE = Words("{path}：不是 govcheck 的基线文件。", "{path}: not a govcheck baseline file.")

PLACE_KEYS = ("table", "row", "column", "section")


def fingerprint_findings(record: dict) -> None:
    """Give every finding of a record (DOMAIN §6 dict) its `fingerprint`, in place."""
    seen: dict[str, int] = {}
    body = body_key(record.get("body"))
    for finding in record.get("findings", []):
        place = {k: finding.get("location", {}).get(k) for k in PLACE_KEYS}
        key = json.dumps([finding["rule"], body, record.get("year"), place], ensure_ascii=False, sort_keys=True)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        digest = hashlib.sha256(f"{key}#{occurrence}".encode()).hexdigest()[:16]
        finding["fingerprint"] = digest


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
    def of_records(cls, records: list[dict]) -> Baseline:
        entries = {}
        for record in records:
            for f in record.get("findings", []):
                entries[f["fingerprint"]] = {"rule": f["rule"], "file": record["file"], "body": record.get("body"),
                                             "year": record.get("year"), "message": f["message"]}
        return cls(entries)

    def write(self, path: str | Path) -> None:
        payload = {"version": self.VERSION, "written": datetime.now(UTC).isoformat(timespec="seconds"),
                   "findings": dict(sorted(self.entries.items(), key=lambda kv: (kv[1]["file"], kv[1]["rule"])))}
        Path(path).write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    def __contains__(self, fingerprint: str) -> bool:
        return fingerprint in self.entries

    def filter(self, record: dict) -> int:
        """Drop the reviewed findings from a record (in place); returns how many were dropped."""
        findings = record.get("findings", [])
        kept = [f for f in findings if f.get("fingerprint") not in self]
        record["findings"] = kept
        record["summary"] = severity_counts(kept)
        record["baselined"] = len(findings) - len(kept)
        return record["baselined"]

