"""The results database as a file: is it ours, can it be read or written, and one
sentence (exit status 2) for each way it cannot.

A govcheck store is marked when it is made (SQLite `application_id` "GovC" and the
schema version in `user_version`, written before the database turns to WAL, so they
stand in the file's own header). A file that is not ours — not SQLite, damaged, or
another program's database — is only ever read (without locks or side files where
possible), and refused untouched. Stores made before the mark (schema 1: exactly the
tables `files` and `findings`) are recognised by their tables.
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .errors import UsageError
from .words import Words

APPLICATION_ID = int.from_bytes(b"GovC", "big")
SCHEMA_VERSION = 2          # 1: one row per content, unmarked; 2: one row per file named, marked
SQLITE_MAGIC = b"SQLite format 3\x00"
V1_TABLES = {"files", "findings"}
V1_FILE_COLUMNS = {"id", "path", "sha256", "tool_version", "status", "errors", "warnings", "infos", "result_json"}

LOCK_WAIT_SECONDS = 120.0   # how long, in all, a write waits for another program's lock
BUSY_SLICE_SECONDS = 5.0    # SQLite's own busy wait per try; then the transaction is tried again

T = TypeVar("T")

_ELSE = Words("govcheck 没有改动它；请用 --db 指定 govcheck 的结果数据库或一个新文件。",
              "govcheck left it untouched; give --db a govcheck results database or a new file.")
NO_FOLDER = Words("{db}：数据库所在的目录不存在。", "{db}: the database's folder does not exist.")
IS_FOLDER = Words("{db}：这是一个目录，不是数据库文件。", "{db}: this is a folder, not a database file.")
NOT_REGULAR = Words("{db}：这不是普通文件，不能用作数据库。", "{db}: this is not a regular file and cannot be a database.")
NO_PERMISSION = Words("{db}：无法读取数据库文件（没有权限）。", "{db}: cannot read the database file (no permission).")
UNREADABLE = Words("{db}：无法读取数据库文件（{reason}）。", "{db}: cannot read the database file ({reason}).")
NOT_SQLITE = Words("{db}：这不是 SQLite 数据库文件，因而也不是 govcheck 的结果数据库，{rest}",
                   "{db}: this is not an SQLite database, so not a govcheck results database; {rest}")
OTHER_APP = Words("{db}：这是其他程序的 SQLite 数据库（application_id 为 0x{app_id:08x}），不是 govcheck 的结果数据库，{rest}",
                  "{db}: this is another program's SQLite database (application_id 0x{app_id:08x}), "
                  "not a govcheck results database; {rest}")
OTHER_TABLES = Words("{db}：这是其他程序的 SQLite 数据库（其中有表 {names}），不是 govcheck 的结果数据库，{rest}",
                     "{db}: this is another program's SQLite database (with tables {names}), "
                     "not a govcheck results database; {rest}")
NEWER = Words("{db}：这个数据库由更新版本的 govcheck 写入（结构版本 {version}，本版本只认得 {known} 及以前的），请升级 govcheck 后再用它。",
              "{db}: a newer govcheck wrote this database (schema {version}; this version knows {known} and earlier); "
              "upgrade govcheck to use it.")
DAMAGED = Words("{db}：数据库文件已损坏（{detail}），govcheck 没有改动它；请从备份恢复，或用 --db 指定一个新文件。",
                "{db}: the database file is damaged ({detail}); govcheck left it untouched; restore it from a backup "
                "or give --db a new file.")
UNMERGED_LOG = Words("{db}：数据库还有未并入主文件的日志 {wal}，而这里不能建立读取它所需的 {shm} 文件，读出的结果会不完整；"
                     "请把这两个文件复制到可以写入的目录后再查看。",
                     "{db}: the database has a log not yet merged ({wal}) and the {shm} file needed to read it cannot be "
                     "made here, so the results would be incomplete; copy both files to a folder that can be written, "
                     "then look again.")
KEPT = Words("；{stored}", "; {stored}")
BUSY = Words("{db}：数据库被另一个程序占用，等了 {seconds:g} 秒仍无法写入{kept}，等它结束后再次运行同一命令即可继续。",
             "{db}: another program holds the database; after {seconds:g} s it still cannot be written{kept}; "
             "when that program ends, run the same command again to go on.")
FULL = Words("{db}：磁盘已满，无法再写入数据库{kept}，腾出空间后再次运行同一命令即可继续。",
             "{db}: the disk is full and the database cannot be written{kept}; free some space, then run the same "
             "command again to go on.")
READ_ONLY = Words("{db}：无法写入数据库（文件或所在目录只读，或没有权限）{kept}，请换一个可以写入的位置（只读查看已有结果可用 govcheck report --db）。",
                  "{db}: the database cannot be written (the file or its folder is read-only, or no permission){kept}; "
                  "choose a place that can be written (govcheck report --db reads stored results without writing).")
CORRUPT = Words("{db}：数据库文件已损坏（{detail}）{kept}，请从备份恢复，或用 --db 指定一个新文件。",
                "{db}: the database file is damaged ({detail}){kept}; restore it from a backup or give --db a new file.")
FAILED = Words("{db}：读写数据库时出错（{detail}）{kept}。", "{db}: reading or writing the database failed ({detail}){kept}.")


class StoreError(UsageError):
    """The results database cannot be used as asked: one sentence, exit status 2."""


@dataclass(frozen=True)
class Inspection:
    kind: str          # "new" (to be made), "ours", "v1" (ours, unmarked, schema 1)
    version: int = 0


def inspect(db: str | Path) -> Inspection:
    """What `db` is, read without writing a byte; refuses (StoreError) whatever is not ours."""
    path = Path(db)
    if not path.exists():
        if not path.parent.is_dir():
            raise StoreError(NO_FOLDER(db=db))
        return Inspection("new")
    if path.is_dir():
        raise StoreError(IS_FOLDER(db=db))
    if not path.is_file():
        raise StoreError(NOT_REGULAR(db=db))
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except PermissionError:
        raise StoreError(NO_PERMISSION(db=db)) from None
    except OSError as exc:
        raise StoreError(UNREADABLE(db=db, reason=exc.strerror or exc)) from None
    if not header:
        return Inspection("new")          # an empty file is ours to fill
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise StoreError(NOT_SQLITE(db=db, rest=_ELSE()))
    app_id = int.from_bytes(header[68:72], "big")
    if app_id not in (0, APPLICATION_ID):
        raise StoreError(OTHER_APP(db=db, app_id=app_id, rest=_ELSE()))
    def look(connection: sqlite3.Connection) -> tuple:
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = {name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
        columns = {row[1] for row in connection.execute("PRAGMA table_info(files)")} if "files" in tables else set()
        problems = [row[0] for row in connection.execute("PRAGMA quick_check(3)")]
        return app_id, version, tables, columns, problems

    try:
        app_id, version, tables, columns, problems = _untouched(path, look)
    except sqlite3.DatabaseError as exc:
        if _code(exc) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or not _code(exc):
            raise StoreError(_damaged(db, exc)) from None
        raise StoreError(UNREADABLE(db=db, reason=exc)) from None
    if problems != ["ok"]:
        lines = [line for problem in problems for line in problem.splitlines() if line and not line.startswith("***")]
        raise StoreError(_damaged(db, (lines or problems)[0][:200]))
    if app_id == APPLICATION_ID:
        if version > SCHEMA_VERSION:
            raise StoreError(NEWER(db=db, version=version, known=SCHEMA_VERSION))
        return Inspection("ours", version)
    if app_id != 0:
        raise StoreError(OTHER_APP(db=db, app_id=app_id, rest=_ELSE()))
    if not tables:
        return Inspection("new")          # SQLite, but nothing in it yet
    if tables == V1_TABLES and columns >= V1_FILE_COLUMNS:
        return Inspection("v1", 1)
    names = "、".join(sorted(tables)[:5]) + ("等" if len(tables) > 5 else "")
    raise StoreError(OTHER_TABLES(db=db, names=names, rest=_ELSE()))


def _damaged(db: str | Path, detail: object) -> str:
    return DAMAGED(db=db, detail=detail)


def _uri(path: Path, **parameters: str) -> str:
    from urllib.parse import quote
    query = "&".join(f"{k}={v}" for k, v in parameters.items())
    return f"file:{quote(str(path.absolute()))}?{query}"


def _untouched(path: Path, work: Callable[[sqlite3.Connection], T]) -> T:
    """`work` on a connection that cannot change the file: read-only, and where no write-ahead
    log lies beside it, `immutable` (no locks, no -shm/-wal made next to someone else's
    database); with a log, read-only with it, or as the file stands where no -shm can be made."""
    wal = Path(f"{path}-wal")
    ways = [{"mode": "ro"}, {"immutable": "1"}] if wal.exists() and wal.stat().st_size else [{"immutable": "1"}]
    for way in ways:
        connection = sqlite3.connect(_uri(path, **way), uri=True)
        try:
            return work(connection)
        except sqlite3.OperationalError as exc:
            if way is ways[-1] or _code(exc) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
                raise
        finally:
            connection.close()
    raise AssertionError("unreachable")


def connect_read(db: str | Path) -> sqlite3.Connection:
    """Read-only (`mode=ro`), so `report` works on a store it may not write; in a folder it
    may not write either (no -shm can be made), the file is read as it stands (`immutable`)."""
    path = Path(db)
    try:
        connection = sqlite3.connect(_uri(path, mode="ro"), uri=True)
        connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError:
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size:   # results in the log that cannot be read from here
            raise StoreError(UNMERGED_LOG(db=db, wal=wal.name, shm=f"{path.name}-shm")) from None
        return sqlite3.connect(_uri(path, immutable="1"), uri=True)


def connect_write(db: str | Path) -> sqlite3.Connection:
    """A read-write connection with manual transactions (see `write`)."""
    try:
        return sqlite3.connect(str(db), timeout=min(BUSY_SLICE_SECONDS, LOCK_WAIT_SECONDS), isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(sentence_of(exc, db)) from None


def _code(exc: sqlite3.Error) -> int:
    return getattr(exc, "sqlite_errorcode", 0) & 0xFF


def is_busy(exc: sqlite3.Error) -> bool:
    return _code(exc) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(exc)


def sentence_of(exc: sqlite3.Error, db: str | Path, stored: str = "") -> str:
    """The sentence for a store that failed: what is wrong, and (`stored`) what is kept."""
    kept = KEPT(stored=stored) if stored else ""
    code = _code(exc)
    if is_busy(exc):
        return BUSY(db=db, seconds=LOCK_WAIT_SECONDS, kept=kept)
    if code == sqlite3.SQLITE_FULL:
        return FULL(db=db, kept=kept)
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH):
        return READ_ONLY(db=db, kept=kept)
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return CORRUPT(db=db, detail=exc, kept=kept)
    return FAILED(db=db, detail=exc, kept=kept)


def write(connection: sqlite3.Connection, db: str | Path, work: Callable[[], T], stored: Callable[[], str] = str) -> T:
    """Run `work` in one write transaction (BEGIN IMMEDIATE: the write lock first, so a busy
    database is waited for, never a half-done transaction); while another program holds the
    lock it is tried again until LOCK_WAIT_SECONDS have passed. A failure leaves every earlier
    transaction as committed and raises StoreError; `stored()` says what is kept."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                result = work()
                connection.execute("COMMIT")
                return result
            except BaseException:
                if connection.in_transaction:
                    try:
                        connection.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                raise
        except sqlite3.Error as exc:
            if is_busy(exc) and time.monotonic() < deadline:
                time.sleep(0.05)
                continue
            raise StoreError(sentence_of(exc, db, stored())) from None


def read(db: str | Path, work: Callable[[], T]) -> T:
    """Run a query; a database that fails under it is one sentence (StoreError)."""
    try:
        return work()
    except sqlite3.Error as exc:
        raise StoreError(sentence_of(exc, db)) from None


def text_key(path: str | Path) -> str:
    """The absolute path as the store keys a file: one row per file named, whatever the
    working folder was; a name that is not UTF-8 keeps its bytes, escaped."""
    return os.fsencode(os.path.abspath(os.fspath(path))).decode("utf-8", "backslashreplace")
