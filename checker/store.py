"""Results of a season in SQLite (standard library): one row per file, one per
finding. Each file is written in its own transaction, so an interrupted run
leaves a consistent database, and a rerun skips what is already there."""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    status TEXT NOT NULL,            -- ok | unreadable | timeout | too_big | crashed | internal_error
    format TEXT, title TEXT, body TEXT, year INTEGER, template TEXT,
    errors INTEGER NOT NULL, warnings INTEGER NOT NULL, infos INTEGER NOT NULL,
    checked_at TEXT NOT NULL,
    result_json TEXT NOT NULL,
    UNIQUE (sha256, tool_version)
);
CREATE TABLE IF NOT EXISTS findings (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    rule TEXT NOT NULL, category TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL,
    location_json TEXT NOT NULL, expected TEXT, actual TEXT
);
CREATE INDEX IF NOT EXISTS findings_rule ON findings(rule);
CREATE INDEX IF NOT EXISTS findings_file ON findings(file_id);
"""


class Store:
    def __init__(self, path: str | Path) -> None:
        self.connection = sqlite3.connect(str(path))
        self.connection.execute("PRAGMA foreign_keys = ON")
        self.connection.execute("PRAGMA journal_mode = WAL")
        self.connection.executescript(SCHEMA)

    def close(self) -> None:
        self.connection.close()

    def record(self, sha256: str, tool_version: str) -> dict | None:
        """The stored record of a file checked before (for pairing and outputs on a rerun)."""
        row = self.connection.execute("SELECT result_json FROM files WHERE sha256 = ? AND tool_version = ?",
                                      (sha256, tool_version)).fetchone()
        return json.loads(row[0]) if row else None

    def checked_in_years(self, years: set[int], tool_version: str) -> list[dict]:
        """Records of earlier runs for these years: last year's reports checked in another run
        (a season is often checked a year after the one before it, into the same database)."""
        if not years:
            return []
        marks = ",".join("?" * len(years))
        rows = self.connection.execute(
            f"SELECT result_json FROM files WHERE status = 'ok' AND tool_version = ? AND year IN ({marks})",
            (tool_version, *sorted(years))).fetchall()
        return [json.loads(row[0]) for row in rows]

    def all_records(self, tool_version: str) -> list[dict]:
        """Every record stored by this tool version, by path (older versions' results are history)."""
        rows = self.connection.execute("SELECT result_json FROM files WHERE tool_version = ? ORDER BY path",
                                       (tool_version,)).fetchall()
        return [json.loads(row[0]) for row in rows]

    def save(self, record: dict, sha256: str) -> None:
        """One file and its findings, atomically; a rerun of the same bytes replaces them."""
        summary = record.get("summary", {})
        with self.connection:
            self.connection.execute("DELETE FROM files WHERE sha256 = ? AND tool_version = ?",
                                    (sha256, record["tool_version"]))
            cursor = self.connection.execute(
                "INSERT INTO files (path, sha256, tool_version, status, format, title, body, year, template,"
                " errors, warnings, infos, checked_at, result_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (record["file"], sha256, record["tool_version"], record["status"], record.get("format"),
                 record.get("title"), record.get("body"), record.get("year"), record.get("template"),
                 summary.get("error", 0), summary.get("warning", 0), summary.get("info", 0),
                 datetime.now(timezone.utc).isoformat(timespec="seconds"), json.dumps(record, ensure_ascii=False)))
            self.connection.executemany(
                "INSERT INTO findings (file_id, rule, category, severity, message, location_json, expected, actual)"
                " VALUES (?,?,?,?,?,?,?,?)",
                [(cursor.lastrowid, f["rule"], f["category"], f["severity"], f["message"],
                  json.dumps(f.get("location", {}), ensure_ascii=False),
                  None if f.get("expected") is None else str(f["expected"]),
                  None if f.get("actual") is None else str(f["actual"])) for f in record.get("findings", [])])

    # --- summaries for `govcheck report` ------------------------------------------------
    def totals(self) -> dict[str, int]:
        row = self.connection.execute(
            "SELECT COUNT(*), COALESCE(SUM(status = 'ok'), 0), COALESCE(SUM(errors > 0 AND status = 'ok'), 0),"
            " COALESCE(SUM(errors), 0), COALESCE(SUM(warnings), 0) FROM files").fetchone()
        return dict(zip(("files", "checked", "with_errors", "errors", "warnings"), row))

    def by_status(self) -> list[tuple[str, int]]:
        return self.connection.execute("SELECT status, COUNT(*) FROM files GROUP BY status ORDER BY 2 DESC").fetchall()

    def by_rule(self) -> list[tuple[str, str, int, int]]:
        """(rule, severity, findings, files) most frequent first."""
        return self.connection.execute(
            "SELECT rule, severity, COUNT(*), COUNT(DISTINCT file_id) FROM findings"
            " GROUP BY rule, severity ORDER BY 3 DESC, 1").fetchall()

    def worst_files(self, limit: int = 20) -> list[tuple]:
        return self.connection.execute(
            "SELECT path, body, year, status, errors, warnings FROM files"
            " ORDER BY errors DESC, warnings DESC, path LIMIT ?", (limit,)).fetchall()
