"""The results database (issue 11, items 14, 15, 17): a file that is not a govcheck
store is refused untouched; a store that cannot be written, is locked or fills the disk
is one sentence and exit 2, losing nothing already stored; `report` reads a store it may
not write; every file named keeps its own row, copies sharing one result."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker import __version__, cli, exit_codes, store_file
from checker.batch import CheckOptions, check_one
from checker.season import run_season
from checker.store import Store, StoreError

from .conftest import PINGTAN, ROOT, SAMPLES, SEED

COUNTY_2024 = SAMPLES / "html" / "county_2024_clean.html"
COUNTY_2023 = SAMPLES / "pairs" / "county_2023.html"
NOT_OURS = "govcheck 没有改动它；请用 --db 指定 govcheck 的结果数据库或一个新文件。"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def beside(db: Path) -> list[str]:
    """What lies in the database's folder (no -wal/-shm may be left beside a file not ours)."""
    return sorted(p.name for p in db.parent.iterdir())


def stored(db: Path) -> list[tuple]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return sorted(connection.execute("SELECT path, sha256, status FROM files").fetchall())


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def refused_untouched(capsys, db: Path, sentence: str) -> None:
    """`check --db` and `report --db` both refuse the file with `sentence`, and leave it as it was."""
    before, around = db.read_bytes(), beside(db)
    assert run(capsys, "check", str(SEED), "--db", str(db), "--format", "json") == (exit_codes.BAD_INPUT, "", sentence + "\n")
    assert run(capsys, "report", "--db", str(db)) == (exit_codes.BAD_INPUT, "", sentence + "\n")
    assert db.read_bytes() == before
    assert beside(db) == around


# --- item 14: not ours, refused untouched --------------------------------------------------

def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path, capsys):
    db = tmp_path / "notes.sqlite"
    db.write_bytes("这不是数据库，只是一段文字。\n".encode() * 20)
    refused_untouched(capsys, db, f"{db}：这不是 SQLite 数据库文件，因而也不是 govcheck 的结果数据库，{NOT_OURS}")


def test_a_damaged_store_is_refused_untouched(tmp_path, capsys):
    db = tmp_path / "season.sqlite"
    assert run(capsys, "check", str(SEED), str(PINGTAN), "--db", str(db), "--format", "json")[0] == exit_codes.OK
    whole = db.read_bytes()
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(whole[:len(whole) // 2])
    refused_untouched(capsys, truncated, f"{truncated}：数据库文件已损坏（database disk image is malformed），"
                                         f"govcheck 没有改动它；请从备份恢复，或用 --db 指定一个新文件。")
    smashed = tmp_path / "smashed.sqlite"
    pages = bytearray(whole)
    for start in range(4096, len(pages), 4096):          # every page header after the first
        pages[start:start + 12] = b"\xa5" * 12
    smashed.write_bytes(bytes(pages))
    before = smashed.read_bytes()
    status, _, err = run(capsys, "check", str(SEED), "--db", str(smashed))
    assert status == exit_codes.BAD_INPUT
    assert err.startswith(f"{smashed}：数据库文件已损坏（") and err.count("\n") == 1
    assert err.endswith("），govcheck 没有改动它；请从备份恢复，或用 --db 指定一个新文件。\n")
    assert smashed.read_bytes() == before


def test_a_foreign_database_is_refused_untouched(tmp_path, capsys):
    db = tmp_path / "crm.sqlite"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO customers (name) VALUES ('某某公司')")
    connection.close()
    refused_untouched(capsys, db, f"{db}：这是其他程序的 SQLite 数据库（其中有表 customers），"
                                  f"不是 govcheck 的结果数据库，{NOT_OURS}")
    with sqlite3.connect(db) as connection:   # no govcheck table was added
        assert connection.execute("SELECT name FROM sqlite_master").fetchall() == [("customers",)]
    connection.close()


def test_a_database_marked_by_another_program_is_refused_untouched(tmp_path, capsys):
    db = tmp_path / "other.sqlite"
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA application_id = 1234")
        connection.execute("CREATE TABLE files (id INTEGER PRIMARY KEY, path TEXT)")
    connection.close()
    refused_untouched(capsys, db, f"{db}：这是其他程序的 SQLite 数据库（application_id 为 0x000004d2），"
                                  f"不是 govcheck 的结果数据库，{NOT_OURS}")


def test_a_store_from_a_newer_govcheck_is_refused(tmp_path, capsys):
    db = tmp_path / "new.sqlite"
    with sqlite3.connect(db) as connection:
        connection.execute(f"PRAGMA application_id = {store_file.APPLICATION_ID}")
        connection.execute("PRAGMA user_version = 99")
        connection.execute("CREATE TABLE files (id INTEGER PRIMARY KEY)")
    connection.close()
    refused_untouched(capsys, db, f"{db}：这个数据库由更新版本的 govcheck 写入（结构版本 99，本版本只认得 2 及以前的），"
                                  f"请升级 govcheck 后再用它。")


def test_an_empty_file_becomes_a_marked_store(tmp_path, capsys):
    db = tmp_path / "empty.sqlite"
    db.write_bytes(b"")
    assert run(capsys, "report", "--db", str(db)) == (exit_codes.BAD_INPUT, "", f"{db}：数据库是空的，还没有保存任何检查结果。\n")
    assert run(capsys, "check", str(SEED), "--db", str(db), "--format", "json")[0] == exit_codes.OK
    header = db.read_bytes()[:100]      # the mark is in the file's own header, not only in its log
    assert header[68:72] == b"GovC" and int.from_bytes(header[60:64], "big") == 2
    assert stored(db) == [(str(SEED), digest(SEED), "ok")]


V1_SCHEMA = """
CREATE TABLE files (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL, tool_version TEXT NOT NULL,
    status TEXT NOT NULL, format TEXT, title TEXT, body TEXT, year INTEGER, template TEXT,
    errors INTEGER NOT NULL, warnings INTEGER NOT NULL, infos INTEGER NOT NULL,
    checked_at TEXT NOT NULL, result_json TEXT NOT NULL, UNIQUE (sha256, tool_version));
CREATE TABLE findings (
    id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    rule TEXT NOT NULL, category TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL,
    location_json TEXT NOT NULL, expected TEXT, actual TEXT);
CREATE INDEX findings_rule ON findings(rule);
CREATE INDEX findings_file ON findings(file_id);
"""


def make_v1_store(db: Path, paths: list[Path]) -> None:
    """A store as govcheck wrote it before schema 2: unmarked, one row per content, in WAL."""
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.executescript(V1_SCHEMA)
    options = CheckOptions().to_dict()
    for path in paths:
        record = check_one(path).to_dict() | {"options": options}
        s = record["summary"]
        cursor = connection.execute(
            "INSERT INTO files (path, sha256, tool_version, status, format, title, body, year, template, errors,"
            " warnings, infos, checked_at, result_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (record["file"], digest(path), __version__, record["status"], record.get("format"), record.get("title"),
             record.get("body"), record.get("year"), record.get("template"), s["error"], s["warning"], s["info"],
             "2025-01-01T00:00:00+00:00", json.dumps(record, ensure_ascii=False)))
        connection.executemany(
            "INSERT INTO findings (file_id, rule, category, severity, message, location_json) VALUES (?,?,?,?,?,?)",
            [(cursor.lastrowid, f["rule"], f["category"], f["severity"], f["message"], "{}") for f in record["findings"]])
    connection.commit()
    connection.close()


def test_a_schema_1_store_is_read_as_it_stands_and_migrated_when_written(tmp_path, capsys):
    db = tmp_path / "old.sqlite"
    make_v1_store(db, [SEED, PINGTAN])
    before = db.read_bytes()
    status, out, _ = run(capsys, "report", "--db", str(db), "--width", "200")
    assert status == exit_codes.OK and out.startswith("文件 2 个，已检查 2 个，其中有错误的 0 个")
    assert db.read_bytes() == before                  # read, not migrated
    # written: migrated, nothing re-checked (the same bytes, version and options)
    assert run(capsys, "check", str(SEED), str(PINGTAN), "--db", str(db), "--format", "json") == (exit_codes.OK, "", "")
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == store_file.APPLICATION_ID
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 2
        rows = connection.execute("SELECT path, path_key FROM files ORDER BY path").fetchall()
        assert rows == sorted((str(p), store_file.text_key(p)) for p in (SEED, PINGTAN))   # the legacy rows gave way
        assert connection.execute("SELECT COUNT(*) FROM findings WHERE file_id NOT IN (SELECT id FROM files)").fetchone() == (0,)
        assert connection.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == 3
    connection.close()


# --- item 15: read-only places, locks, a full disk ---------------------------------------------

def test_report_opens_the_store_read_only(tmp_path, capsys):
    db = tmp_path / "s.sqlite"
    assert run(capsys, "check", str(SEED), "--db", str(db), "--format", "json")[0] == exit_codes.OK
    before = db.read_bytes()
    store = Store(db, read_only=True)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.connection.execute("CREATE TABLE intruder (x)")
        assert store.totals()["files"] == 1
    finally:
        store.close()
    assert db.read_bytes() == before


def _unprivileged() -> list[str] | None:
    """A command prefix under which a folder's permissions hold (chmod a-w stops writes), or None.
    As root, file permissions do not bind: drop the capabilities that override them (setpriv)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--"] if setpriv else None


def _cli(prefix: list[str], *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "checker", *argv], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_a_store_in_a_read_only_folder_is_reported_on_and_refused_for_writing(tmp_path, capsys):
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: folder permissions cannot stop writes here")
    folder = tmp_path / "archive"
    folder.mkdir()
    db = folder / "season.sqlite"
    assert run(capsys, "check", str(SEED), "--db", str(db), "--format", "json")[0] == exit_codes.OK
    folder.chmod(0o555)
    try:
        probe = subprocess.run([*prefix, sys.executable, "-c", f"open({str(folder / 'probe')!r}, 'w')"],
                               capture_output=True)
        if probe.returncode == 0:
            pytest.skip("this system lets the process write into a folder without write permission")
        before = db.read_bytes()
        sentence = (f"{db}：无法写入数据库（文件或所在目录只读，或没有权限），请换一个可以写入的位置"
                    f"（只读查看已有结果可用 govcheck report --db）。\n")
        done = _cli(prefix, "check", str(SEED), str(PINGTAN), "--db", str(db), "--format", "json")
        assert (done.returncode, done.stdout, done.stderr) == (exit_codes.BAD_INPUT, "", sentence)
        new = folder / "new.sqlite"
        done = _cli(prefix, "check", str(SEED), "--db", str(new))
        assert (done.returncode, done.stderr) == (exit_codes.BAD_INPUT, sentence.replace(str(db), str(new)))
        assert not new.exists()
        done = _cli(prefix, "report", "--db", str(db), "--width", "200")
        assert done.returncode == exit_codes.OK and done.stderr == ""
        assert done.stdout.startswith("文件 1 个，已检查 1 个，其中有错误的 0 个；错误共 0 项，警告 3 项\n")
        sheets = tmp_path / "sheets"
        done = _cli(prefix, "report", "--db", str(db), "--format", "csv", "-o", str(sheets))
        assert done.returncode == exit_codes.OK
        assert str(SEED) in (sheets / "reports.csv").read_text(encoding="utf-8-sig")
        assert db.read_bytes() == before and beside(db) == ["season.sqlite"]
    finally:
        folder.chmod(0o755)


def test_a_log_that_cannot_be_read_in_a_read_only_folder_is_said(tmp_path):
    """A run killed before its log was merged, the folder then made read-only: without the
    -shm file the log cannot be read, so the summary would be short: one sentence instead."""
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: folder permissions cannot stop writes here")
    live, folder = tmp_path / "live", tmp_path / "archive"
    live.mkdir()
    folder.mkdir()
    store = Store(live / "s.sqlite")
    try:
        store.save(check_one(SEED), digest(SEED), SEED)
        shutil.copy(live / "s.sqlite", folder / "s.sqlite")          # as a SIGKILL leaves them
        shutil.copy(live / "s.sqlite-wal", folder / "s.sqlite-wal")
    finally:
        store.close()
    db = folder / "s.sqlite"
    folder.chmod(0o555)
    try:
        done = _cli(prefix, "report", "--db", str(db))
        assert (done.returncode, done.stdout, done.stderr) == (
            exit_codes.BAD_INPUT, "", f"{db}：数据库还有未并入主文件的日志 s.sqlite-wal，而这里不能建立读取它所需的 "
                                      f"s.sqlite-shm 文件，读出的结果会不完整；请把这两个文件复制到可以写入的目录后再查看。\n")
    finally:
        folder.chmod(0o755)
    done = _cli([], "report", "--db", str(db))                          # writable again: read in full
    assert done.returncode == exit_codes.OK and done.stdout.startswith("文件 1 个，已检查 1 个")


def test_a_read_only_store_file_is_refused_for_writing(tmp_path, capsys):
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: file permissions cannot stop writes here")
    db = tmp_path / "season.sqlite"
    assert run(capsys, "check", str(SEED), "--db", str(db), "--format", "json")[0] == exit_codes.OK
    db.chmod(0o444)
    done = _cli(prefix, "check", str(PINGTAN), "--db", str(db))
    assert (done.returncode, done.stderr) == (
        exit_codes.BAD_INPUT, f"{db}：无法写入数据库（文件或所在目录只读，或没有权限），请换一个可以写入的位置"
                              f"（只读查看已有结果可用 govcheck report --db）。\n")
    assert stored(db) == [(str(SEED), digest(SEED), "ok")]


HOLD_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("ROLLBACK")
"""


def hold_lock(db: Path, seconds: float) -> subprocess.Popen:
    """Another program holding the store's write lock for `seconds` (returns once it holds it)."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "locked\n"
    return holder


def test_a_lock_held_past_five_seconds_is_waited_for(tmp_path, capsys):
    db = tmp_path / "s.sqlite"
    assert run(capsys, "check", str(SEED), "--db", str(db), "--format", "json")[0] == exit_codes.OK
    holder = hold_lock(db, 7)
    started = time.monotonic()
    status, out, err = run(capsys, "check", str(SEED), str(PINGTAN), "--db", str(db), "--format", "json")
    holder.wait()
    assert time.monotonic() - started > 5
    assert (status, err) == (exit_codes.OK, "") and [json.loads(line)["file"] for line in out.splitlines()] == [str(PINGTAN)]
    assert stored(db) == sorted([(str(SEED), digest(SEED), "ok"), (str(PINGTAN), digest(PINGTAN), "ok")])


def test_a_lock_held_past_the_wait_is_one_sentence_and_stores_nothing_half(tmp_path, capsys, monkeypatch):
    db = tmp_path / "s.sqlite"
    assert run(capsys, "check", str(SEED), "--db", str(db), "--format", "json")[0] == exit_codes.OK
    monkeypatch.setattr(store_file, "LOCK_WAIT_SECONDS", 1.0)
    monkeypatch.setattr(store_file, "BUSY_SLICE_SECONDS", 0.2)
    holder = hold_lock(db, 2.5)
    try:
        assert run(capsys, "check", str(PINGTAN), "--db", str(db), "--format", "json") == (
            exit_codes.BAD_INPUT, "", f"{db}：数据库被另一个程序占用，等了 1 秒仍无法写入，等它结束后再次运行同一命令即可继续。\n")
    finally:
        holder.wait()
    assert stored(db) == [(str(SEED), digest(SEED), "ok")]


def test_a_lock_taken_mid_run_keeps_every_result_stored_before_it(tmp_path, monkeypatch):
    db = tmp_path / "s.sqlite"
    monkeypatch.setattr(store_file, "LOCK_WAIT_SECONDS", 1.0)
    monkeypatch.setattr(store_file, "BUSY_SLICE_SECONDS", 0.2)
    closed, holders = [], []

    def runner(paths, limits, options):
        try:
            yield check_one(paths[0], options)
            holders.append(hold_lock(db, 2.5))        # another program takes the lock now
            yield check_one(paths[1], options)
            yield check_one(paths[2], options)
        finally:
            closed.append(True)

    store = Store(db)
    try:
        with pytest.raises(StoreError) as raised:
            run_season([SEED, PINGTAN, COUNTY_2024], store=store, runner=runner)
    finally:
        store.close()
        for holder in holders:
            holder.wait()
    assert raised.value.sentence == (f"{db}：数据库被另一个程序占用，等了 1 秒仍无法写入；本次已保存的 1 个结果都在，"
                                     f"等它结束后再次运行同一命令即可继续。")
    assert closed == [True]                          # the runner (its workers) stopped at once
    assert stored(db) == [(str(SEED), digest(SEED), "ok")]


def test_a_full_disk_is_one_sentence_and_keeps_what_was_stored(tmp_path, capsys, monkeypatch):
    """The disk fills after two results (SQLite's page limit stands in for the disk: the same SQLITE_FULL)."""
    db = tmp_path / "s.sqlite"
    real_save = Store.save

    def save(self, record, sha256, path=None):
        real_save(self, record, sha256, path)
        if len(self.saved) == 2:
            pages = self.connection.execute("PRAGMA page_count").fetchone()[0]
            self.connection.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(Store, "save", save)
    files = [SEED, PINGTAN, COUNTY_2024, COUNTY_2023]
    status, out, err = run(capsys, "check", *map(str, files), "--db", str(db), "--format", "json", "--jobs", "1")
    assert (status, out) == (exit_codes.BAD_INPUT, "")
    assert err == f"{db}：磁盘已满，无法再写入数据库；本次已保存的 2 个结果都在，腾出空间后再次运行同一命令即可继续。\n"
    assert [row[0] for row in stored(db)] == sorted(map(str, files[:2]))
    monkeypatch.setattr(Store, "save", real_save)      # space again: the same command resumes
    status, out, err = run(capsys, "check", *map(str, files), "--db", str(db), "--format", "json", "--jobs", "1")
    assert [json.loads(line)["file"] for line in out.splitlines()] == list(map(str, files[2:]))
    assert [row[0] for row in stored(db)] == sorted(map(str, files))


def test_a_real_full_disk(tmp_path):
    """A 200 KiB tmpfs (a mount namespace of its own): the same sentence on a real ENOSPC."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("needs root and unshare to mount a small tmpfs")
    disk, kept = tmp_path / "disk", tmp_path / "kept"
    disk.mkdir()
    kept.mkdir()
    db = disk / "s.sqlite"
    files = [SEED, PINGTAN, *sorted((SAMPLES / "html").glob("*.html")), SAMPLES / "shanghai_bgt_2019.html"]
    script = (f"mount -t tmpfs -o size=200k tmpfs {disk} || exit 77; "
              f"{sys.executable} -m checker check {' '.join(map(str, files))} --db {db} --format json --jobs 1 "
              f"2>{kept}/err; echo $? > {kept}/rc; cp -a {disk}/. {kept}/")
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=ROOT, capture_output=True, timeout=300)
    if done.returncode == 77 or not (kept / "rc").exists():
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')[-200:]}")
    err = (kept / "err").read_text(encoding="utf-8")
    assert int((kept / "rc").read_text()) == exit_codes.BAD_INPUT
    n = len(stored(kept / "s.sqlite"))
    assert 1 <= n < len(files)
    assert err == f"{db}：磁盘已满，无法再写入数据库；本次已保存的 {n} 个结果都在，腾出空间后再次运行同一命令即可继续。\n"


# --- item 17: every file named keeps its row; copies share a result ---------------------------

def test_copies_keep_every_path_and_share_one_check(tmp_path, capsys, monkeypatch):
    this_year, last_year, elsewhere = tmp_path / "2024", tmp_path / "2023", tmp_path / "收件箱"
    for folder in (this_year, last_year, elsewhere):
        folder.mkdir()
    shutil.copy(SEED, this_year / "qingzu.txt")
    shutil.copy(SEED, last_year / "qingzu.txt")          # this year's report filed in last year's folder too
    shutil.copy(SEED, elsewhere / "附件1.txt")
    shutil.copy(PINGTAN, this_year / "pingtan.html")
    named = [this_year / "pingtan.html", this_year / "qingzu.txt", last_year / "qingzu.txt", elsewhere / "附件1.txt"]
    db = tmp_path / "s.sqlite"
    checked = []
    from checker import season

    def counting(paths, limits, options):
        checked.extend(paths)
        return season.run_batch(paths, limits, options)

    monkeypatch.setattr(season, "local_runner", counting)    # what the CLI runs
    status, out, _ = run(capsys, "check", str(this_year), str(last_year), str(elsewhere), "--db", str(db), "--format", "json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r["file"] for r in lines] == list(map(str, named))       # each under its own name
    assert sorted(checked) == sorted([this_year / "pingtan.html", this_year / "qingzu.txt"])   # the copies not again
    assert len({json.dumps(r["findings"]) for r in lines[1:]}) == 1
    assert stored(db) == sorted([(str(p), digest(p), "ok") for p in named])
    status, out, _ = run(capsys, "report", "--db", str(db), "--width", "300")
    assert out.startswith("文件 4 个，已检查 4 个，其中有错误的 0 个")
    assert all(str(p) in out for p in named)
    # a rerun: every file's own row is reused, nothing doubled
    assert run(capsys, "check", str(this_year), str(last_year), str(elsewhere), "--db", str(db), "--format", "json")[1] == ""
    # a new copy under a new name: the stored result answers it, and it is stored under its name
    checked.clear()
    shutil.copy(SEED, tmp_path / "again.txt")
    status, out, _ = run(capsys, "check", str(tmp_path / "again.txt"), "--db", str(db), "--format", "json")
    assert [json.loads(line)["file"] for line in out.splitlines()] == [str(tmp_path / "again.txt")]
    assert checked == []
    assert len(stored(db)) == 5


def test_a_copy_is_borrowed_only_for_the_same_suffix_and_a_checked_result(tmp_path, capsys):
    """The suffix can decide the format (.md, .html) and a failure's sentence names its own file:
    such copies are checked under their own names."""
    db = tmp_path / "s.sqlite"
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "a.md").write_bytes(SEED.read_bytes())
    (tmp_path / "empty1.html").write_bytes(b"")
    (tmp_path / "empty2.html").write_bytes(b"")
    run(capsys, "check", str(tmp_path / "a.txt"), str(tmp_path / "empty1.html"), "--db", str(db), "--format", "json")
    status, out, _ = run(capsys, "check", str(tmp_path / "a.md"), str(tmp_path / "empty2.html"), "--db", str(db),
                         "--format", "json")
    md, empty = map(json.loads, out.splitlines())
    assert md["file"] == str(tmp_path / "a.md") and md["format"] == "markdown" and not md.get("reused")
    assert empty["error"].startswith(f"{tmp_path / 'empty2.html'}：文件是空的") and str(tmp_path / "empty1.html") not in empty["error"]
    rows = stored(db)
    assert [row[0] for row in rows] == sorted(str(tmp_path / n) for n in ("a.txt", "a.md", "empty1.html", "empty2.html"))


def test_a_copy_in_last_years_folder_is_paired_under_its_own_name(tmp_path, capsys):
    this_year, last_year = tmp_path / "2024", tmp_path / "2023"
    this_year.mkdir()
    last_year.mkdir()
    shutil.copy(COUNTY_2024, this_year / "county.html")
    shutil.copy(COUNTY_2024, last_year / "county_copy.html")
    shutil.copy(COUNTY_2023, last_year / "county.html")
    db = tmp_path / "s.sqlite"
    status, out, _ = run(capsys, "check", str(this_year), str(last_year), "--db", str(db), "--format", "json")
    lines = {r["file"]: r for r in map(json.loads, out.splitlines())}
    assert set(lines) == {str(this_year / "county.html"), str(last_year / "county_copy.html"), str(last_year / "county.html")}
    assert run(capsys, "report", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "sheets"))[0] == exit_codes.OK
    reports = (tmp_path / "sheets" / "reports.csv").read_text(encoding="utf-8-sig")
    for name in ("2024/county.html", "2023/county_copy.html", "2023/county.html"):
        assert str(tmp_path / name) in reports
    store = Store(db, read_only=True)
    try:
        records = {r.file: r.to_dict() for r in store.all_records(__version__)}
    finally:
        store.close()
    assert set(records) == {str(this_year / "county.html"), str(last_year / "county_copy.html"), str(last_year / "county.html")}
    for name in (this_year / "county.html", last_year / "county_copy.html"):
        assert records[str(name)]["cross_year"]["paired_with"] == str(last_year / "county.html")
        assert [f["expected"] for f in records[str(name)]["findings"] if f["rule"] == "XYR001"] == [10]
