"""Results of a season in SQLite (standard library): one row per file named (a result
may be shared by several paths with the same bytes), one per finding. Each file is
written in its own transaction, so an interrupted run leaves a consistent database,
a failure to store one result keeps every earlier one, and a rerun skips what is
already there. What the file is, and every way it cannot be used, is store_file's."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Set
from datetime import UTC, datetime
from pathlib import Path

from . import store_file
from .record import Record
from .store_file import APPLICATION_ID, SCHEMA_VERSION, StoreError, text_key

__all__ = ["Store", "StoreError"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,              -- as named (the record's "file")
    path_key TEXT NOT NULL,          -- its absolute path: one row per file named and tool version
    sha256 TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    status TEXT NOT NULL,            -- ok | unreadable | timeout | too_big | crashed | internal_error
    format TEXT, title TEXT, body TEXT, year INTEGER, template TEXT,
    errors INTEGER NOT NULL, warnings INTEGER NOT NULL, infos INTEGER NOT NULL,
    checked_at TEXT NOT NULL,
    result_json TEXT NOT NULL,
    UNIQUE (path_key, tool_version)
);
CREATE INDEX IF NOT EXISTS files_content ON files(sha256, tool_version);
CREATE TABLE IF NOT EXISTS findings (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    rule TEXT NOT NULL, category TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL,
    location_json TEXT NOT NULL, expected TEXT, actual TEXT
);
CREATE INDEX IF NOT EXISTS findings_rule ON findings(rule);
CREATE INDEX IF NOT EXISTS findings_file ON findings(file_id);
"""
LEGACY_KEY = "v1:"       # + sha256: the key of a row migrated from schema 1 (one row per content)
STATEMENTS = [s.strip() for s in SCHEMA.split(";") if s.strip()]
FILE_COLUMNS = ("id, path, path_key, sha256, tool_version, status, format, title, body, year, template,"
                " errors, warnings, infos, checked_at, result_json")

# What the summaries read: the latest row of every file named (a schema-1 store, read as it
# stands, keys its rows by path).
VIEWS = """
CREATE TEMP VIEW stored_rows AS SELECT {columns} FROM main.files;
CREATE TEMP VIEW latest AS SELECT * FROM stored_rows WHERE id IN (SELECT MAX(id) FROM stored_rows GROUP BY path_key);
"""


class Store:
    """`Store(path)` opens a store to write (made if new, schema 1 brought up to date);
    `Store(path, read_only=True)` reads it without writing a byte (`govcheck report`).
    Anything that is not a govcheck store is refused untouched (StoreError, exit 2)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.saved: set[str] = set()          # files stored by this connection
        found = store_file.inspect(path)
        if read_only:
            if found.kind == "new":
                raise StoreError(f"{path}：数据库是空的，还没有保存任何检查结果。")
            self.connection = store_file.connect_read(path)
            key = "path AS path_key" if found.kind == "v1" else "path_key"
        else:
            self.connection = store_file.connect_write(path)
            self._prepare(found)
            key = "path_key"
        columns = FILE_COLUMNS.replace("path_key", key)
        self._read(lambda: [self.connection.execute(s) for s in VIEWS.format(columns=columns).split(";") if s.strip()])

    def _prepare(self, found: store_file.Inspection) -> None:
        """Make, mark or migrate the store, and prove it can be written, before any file is checked."""
        connection = self.connection

        def make() -> None:
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for statement in STATEMENTS:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

        def touch() -> None:   # a write that changes nothing: the file and its folder can be written
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

        if found.kind == "new":
            # marked in rollback-journal mode, so the mark is in the file's own header
            self._write(make, opening=True)
        elif found.kind == "v1":
            self._migrate_v1()
        else:
            self._write(touch, opening=True)
        self._read(lambda: connection.execute("PRAGMA journal_mode = WAL").fetchone())
        connection.execute("PRAGMA foreign_keys = ON")

    def _migrate_v1(self) -> None:
        """Schema 1 kept one row per content (UNIQUE sha256, tool_version), its path as named
        from a working folder it did not record: each row is kept (ids and findings too) under
        the key of its content (LEGACY_KEY), until a file with those bytes is stored under its
        own path and takes its place."""
        connection = self.connection
        connection.execute("PRAGMA foreign_keys = OFF")

        def migrate() -> None:
            connection.execute(STATEMENTS[0].replace("IF NOT EXISTS files", "files_v2"))
            connection.execute(
                f"INSERT OR REPLACE INTO files_v2 ({FILE_COLUMNS}) SELECT id, path, '{LEGACY_KEY}' || sha256, sha256,"
                " tool_version, status, format, title, body, year, template, errors, warnings, infos,"
                " checked_at, result_json FROM files ORDER BY id")
            connection.execute("DROP TABLE files")
            connection.execute("ALTER TABLE files_v2 RENAME TO files")
            connection.execute("DELETE FROM findings WHERE file_id NOT IN (SELECT id FROM files)")
            for statement in STATEMENTS[1:]:
                connection.execute(statement)
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

        self._write(migrate, opening=True)

    def _write(self, work, *, opening: bool = False):
        return store_file.write(self.connection, self.path, work, (lambda: "") if opening else self._kept)

    def _read(self, work):
        return store_file.read(self.path, work)

    def _kept(self) -> str:
        return f"本次已保存的 {len(self.saved)} 个结果都在" if self.saved else "本次还没有保存任何结果"

    def close(self) -> None:
        try:
            self.connection.close()
        except sqlite3.Error:
            pass

    # --- what a run reuses --------------------------------------------------------------
    def candidates(self, path: str | Path, sha256: str, tool_version: str) -> list[tuple[bool, Record]]:
        """Stored records of these bytes and tool version, each with whether it is this very
        file's own row; its own row first (season decides which, if any, answers the question)."""
        key = text_key(path)
        rows = self._read(lambda: self.connection.execute(
            "SELECT id, path_key, path, result_json FROM files WHERE sha256 = ? AND tool_version = ?"
            " ORDER BY path_key = ? DESC, id", (sha256, tool_version, key)).fetchall())
        out = []
        for row_id, row_key, row_path, text in rows:
            own = row_key == key
            if not own and row_key == LEGACY_KEY + sha256 and text_key(row_path) == key:
                self._adopt(row_id, key, tool_version)     # a schema-1 row, named again from the same folder
                own = True
            out.append((own, Record.from_dict(json.loads(text))))
        return sorted(out, key=lambda pair: not pair[0])

    def _adopt(self, row_id: int, key: str, tool_version: str) -> None:
        """A migrated row becomes its file's own row (any older row of that file gives way)."""
        def work() -> None:
            self.connection.execute("DELETE FROM files WHERE path_key = ? AND tool_version = ? AND id != ?",
                                    (key, tool_version, row_id))
            self.connection.execute("UPDATE files SET path_key = ? WHERE id = ?", (key, row_id))
        self._write(work)
        self.saved.add(key)

    def record(self, sha256: str, tool_version: str) -> Record | None:
        """A stored record of these bytes (any path), or None."""
        row = self._read(lambda: self.connection.execute(
            "SELECT result_json FROM files WHERE sha256 = ? AND tool_version = ? ORDER BY id LIMIT 1",
            (sha256, tool_version)).fetchone())
        return Record.from_dict(json.loads(row[0])) if row else None

    def checked_in_years(self, years: set[int], tool_version: str, exclude: Set[str] = frozenset()) -> list[Record]:
        """Records of earlier runs for these years: last year's reports checked in another run
        (a season is often checked a year after the one before it, into the same database);
        `exclude`: the path keys (text_key) of files this run has records of."""
        if not years:
            return []
        marks = ",".join("?" * len(years))
        rows = self._read(lambda: self.connection.execute(
            f"SELECT path_key, result_json FROM files WHERE status = 'ok' AND tool_version = ? AND year IN ({marks})"
            " ORDER BY id", (tool_version, *sorted(years))).fetchall())
        return [Record.from_dict(json.loads(text)) for key, text in rows if key not in exclude]

    def all_records(self, tool_version: str) -> list[Record]:
        """Every record stored by this tool version, one per file named, by path (older
        versions' results are history)."""
        rows = self._read(lambda: self.connection.execute(
            "SELECT result_json FROM stored_rows WHERE tool_version = ? ORDER BY path, id", (tool_version,)).fetchall())
        return [Record.from_dict(json.loads(row[0])) for row in rows]

    def stored_count(self, paths, tool_version: str) -> int:
        """How many of these files have a result stored by this tool version."""
        keys = {key for (key,) in self._read(lambda: self.connection.execute(
            "SELECT path_key FROM stored_rows WHERE tool_version = ?", (tool_version,)).fetchall())}
        return sum(text_key(p) in keys for p in dict.fromkeys(map(str, paths)))

    def save(self, record: Record, sha256: str, path: str | Path | None = None) -> None:
        """One file (`path`, by default the record's) and its findings, in one transaction;
        a rerun of the same file replaces them. A failure raises StoreError and keeps every
        result stored before it."""
        name = record.file if path is None else path
        key = text_key(name)
        stored = {k: v for k, v in record.to_dict().items() if k != "reused"}
        summary = stored["summary"]

        def work() -> None:
            self.connection.execute("DELETE FROM files WHERE path_key IN (?, ?) AND tool_version = ?",
                                    (key, LEGACY_KEY + sha256, record.tool_version))
            cursor = self.connection.execute(
                f"INSERT INTO files ({FILE_COLUMNS.removeprefix('id, ')}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (stored["file"], key, sha256, stored["tool_version"], stored["status"], stored.get("format"),
                 stored.get("title"), stored.get("body"), stored.get("year"), stored.get("template"),
                 summary.get("error", 0), summary.get("warning", 0), summary.get("info", 0),
                 datetime.now(UTC).isoformat(timespec="seconds"), json.dumps(stored, ensure_ascii=False)))
            self.connection.executemany(
                "INSERT INTO findings (file_id, rule, category, severity, message, location_json, expected, actual)"
                " VALUES (?,?,?,?,?,?,?,?)",
                [(cursor.lastrowid, f["rule"], f["category"], f["severity"], f["message"],
                  json.dumps(f.get("location", {}), ensure_ascii=False),
                  None if f.get("expected") is None else str(f["expected"]),
                  None if f.get("actual") is None else str(f["actual"])) for f in stored["findings"]])

        self._write(work)
        self.saved.add(key)

    # --- summaries for `govcheck report`: the latest result of every file named -----------
    def totals(self) -> dict[str, int]:
        row = self._read(lambda: self.connection.execute(
            "SELECT COUNT(*), COALESCE(SUM(status = 'ok'), 0), COALESCE(SUM(errors > 0 AND status = 'ok'), 0),"
            " COALESCE(SUM(errors), 0), COALESCE(SUM(warnings), 0), COUNT(DISTINCT sha256) FROM latest").fetchone())
        return dict(zip(("files", "checked", "with_errors", "errors", "warnings", "contents"), row))

    def by_status(self) -> list[tuple[str, int]]:
        return self._read(lambda: self.connection.execute(
            "SELECT status, COUNT(*) FROM latest GROUP BY status ORDER BY 2 DESC").fetchall())

    def by_rule(self) -> list[tuple[str, str, int, int]]:
        """(rule, severity, findings, files) most frequent first."""
        return self._read(lambda: self.connection.execute(
            "SELECT rule, severity, COUNT(*), COUNT(DISTINCT file_id) FROM findings"
            " WHERE file_id IN (SELECT id FROM latest) GROUP BY rule, severity ORDER BY 3 DESC, 1").fetchall())

    def worst_files(self, limit: int = 20) -> list[tuple]:
        return self._read(lambda: self.connection.execute(
            "SELECT path, body, year, status, errors, warnings FROM latest"
            " ORDER BY errors DESC, warnings DESC, path LIMIT ?", (limit,)).fetchall())
