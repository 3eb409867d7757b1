"""Ctrl-C during a batch (issue 11, item 18): it stops at once and quietly (no traceback
from the parent or its workers, no worker left), exits 130, says how many results are
stored and that the same command resumes; the rerun completes, every file stored once."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from checker import exit_codes
from checker.interrupt import interrupted_sentence

from .conftest import PINGTAN, ROOT, SAMPLES, SEED

COPIES = 8


def make_season(folder: Path) -> list[Path]:
    """Copies of the text and HTML samples, each with bytes of its own (so each is checked)."""
    sources = [SEED, PINGTAN, *sorted((SAMPLES / "html").glob("*.html"))]
    made = []
    for i in range(COPIES):
        (folder / f"第{i}批").mkdir(parents=True)
        for source in sources:
            tail = b"\n" * (i + 1) if source.suffix == ".txt" else f"<!-- {i} -->".encode()
            target = folder / f"第{i}批" / source.name
            target.write_bytes(source.read_bytes() + tail)
            made.append(target)
    return made


def stored_rows(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
            return connection.execute("SELECT COUNT(*) FROM files").fetchone()[0]
    except sqlite3.Error:        # not made yet, or its tables not yet
        return 0


def interrupt_after(command: list[str], db: Path, results: int) -> tuple[int, str, float, int]:
    """Run the command in a session of its own and send SIGINT to the whole group (as Ctrl-C in a
    terminal does) once `results` results are stored: (exit status, stderr, seconds from the
    signal to the exit, results stored)."""
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, encoding="utf-8", start_new_session=True)
    deadline = time.monotonic() + 120
    while stored_rows(db) < results and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be interrupted"
    signalled = time.monotonic()
    os.killpg(process.pid, signal.SIGINT)
    try:
        status = process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise AssertionError("Ctrl-C did not stop the run") from None
    took = time.monotonic() - signalled
    err = process.stderr.read()
    try:
        os.killpg(process.pid, 0)
        left = True
    except ProcessLookupError:
        left = False
    assert not left, "a worker outlived the interrupted run"
    return status, err, took, stored_rows(db)


def test_ctrl_c_stops_at_once_quietly_and_the_same_command_resumes(tmp_path):
    season = tmp_path / "season"
    files = make_season(season)
    db = tmp_path / "season.sqlite"
    command = [sys.executable, "-m", "checker", "check", str(season), "--db", str(db), "--format", "json", "--jobs", "2"]
    before = 0
    for results in (1, 12, 25):          # three interruptions, each resumed by the same command
        status, err, took, now = interrupt_after(command, db, results)
        assert status == exit_codes.INTERRUPTED == 130
        assert "Traceback" not in err and "KeyboardInterrupt" not in err
        assert err == (f"已中断：本次的 {len(files)} 个文件中已有 {now} 个的结果保存在 {db}，"
                       f"再次运行同一命令即可接着检查其余的文件。\n")
        assert took < 5
        assert before < now < len(files)
        before = now
    rerun = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert rerun.returncode == exit_codes.FINDINGS, rerun.stderr   # the county_2024_errors copies
    assert rerun.stderr == ""
    assert len(rerun.stdout.splitlines()) == len(files) - before    # only what was not stored
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT COUNT(*), COUNT(DISTINCT path_key), COUNT(DISTINCT sha256),"
                                  " SUM(status = 'ok') FROM files").fetchone()
        orphans = connection.execute("SELECT COUNT(*) FROM findings WHERE file_id NOT IN (SELECT id FROM files)").fetchone()
    assert rows == (len(files),) * 4 and orphans == (0,)


def test_the_sentence_without_a_store():
    assert interrupted_sentence([SEED, PINGTAN]) == "已中断：没有使用 --db，本次的检查结果没有保存。"
