"""Batch runs: bad, hanging and exploding files do not stop a run; results go to a
store that a rerun resumes from, losing nothing and doubling nothing."""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from checker import batch, cli, exit_codes
from checker.batch import BatchLimits, expand_paths, run_batch

from .conftest import PINGTAN, ROOT, SAMPLES, SEED

CHECKABLE = sorted({p for p in expand_paths([str(SAMPLES)]) if "bad" not in p.parts})


def test_folder_walk_and_globs():
    walked = expand_paths([str(SAMPLES)])
    assert SEED in walked and SAMPLES / "huaian_2024.pdf" in walked
    assert not any(p.suffix == ".md" for p in walked)               # READMEs are not reports
    assert expand_paths([str(SAMPLES / "pdf" / "*.pdf")]) == sorted((SAMPLES / "pdf").glob("*.pdf"))
    assert expand_paths([str(SEED), str(SEED)]) == [SEED]           # once each


def test_bad_files_do_not_stop_the_run(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    records = list(run_batch([SEED, empty, SAMPLES / "bad" / "scanned.pdf", tmp_path / "missing.pdf"], BatchLimits(jobs=2)))
    status = {Path(r.file).name: r.status for r in records}
    assert status == {"qingzu_2024.txt": "ok", "empty.html": "unreadable", "scanned.pdf": "unreadable",
                      "missing.pdf": "unreadable"}
    scanned = next(r for r in records if r.file.endswith("scanned.pdf"))
    assert "扫描件" in scanned.error


def test_hanging_and_exploding_files_are_cut_off(tmp_path, monkeypatch):
    real_check = batch.check_bytes

    def misbehaving(data, name, **kwargs):
        if "slow" in name:
            time.sleep(60)
        if "huge" in name:
            hoard = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GiB: over the worker's limit
            return hoard
        return real_check(data, name, **kwargs)

    monkeypatch.setattr(batch, "check_bytes", misbehaving)  # workers are forked: they inherit it
    slow, huge = tmp_path / "slow.txt", tmp_path / "huge.txt"
    slow.write_bytes(SEED.read_bytes())
    huge.write_bytes(SEED.read_bytes())
    started = time.monotonic()
    records = list(run_batch([slow, huge, SEED], BatchLimits(seconds_per_file=3, memory_bytes=1024**3, jobs=3)))
    assert time.monotonic() - started < 30
    status = {Path(r.file).name: r.status for r in records}
    assert status == {"slow.txt": "timeout", "huge.txt": "too_big", "qingzu_2024.txt": "ok"}


def copies_of_the_seed(folder: Path, *names: str) -> list[Path]:
    paths = [folder / f"{name}.txt" for name in names]
    for path in paths:
        path.write_bytes(SEED.read_bytes())
    return paths


def test_a_check_that_leaves_a_thread_running_holds_up_no_other_file(tmp_path, monkeypatch):
    """A worker after an internal error is killed, not waited for: a thread the check left
    (here 30 s) must not stall the run nor push a neighbour past its time."""
    import threading
    real_check = batch.check_bytes

    def leaves_a_thread(data, name, **kwargs):
        if "thread" in name:
            threading.Thread(target=time.sleep, args=(30,)).start()   # not a daemon: it keeps a process up
            raise RuntimeError("after starting a thread")
        if "slow" in name:
            time.sleep(1.5)
        return real_check(data, name, **kwargs)

    monkeypatch.setattr(batch, "check_bytes", leaves_a_thread)
    started = time.monotonic()
    records = list(run_batch(copies_of_the_seed(tmp_path, "thread", "slow", "a", "b"),
                             BatchLimits(seconds_per_file=4, jobs=2)))
    assert time.monotonic() - started < 15
    assert {Path(r.file).stem: r.status for r in records} == {"thread": "internal_error", "slow": "ok", "a": "ok", "b": "ok"}


def test_a_worker_dying_after_a_good_file_does_not_blame_the_next(tmp_path, monkeypatch):
    """A worker that dies while checking a file, having checked others before, may have died
    of them: the file is tried once more in a fresh worker, and is called crashed only if it
    kills that one too."""
    import os
    import threading
    real_check = batch.check_bytes

    def dies_late_or_now(data, name, **kwargs):
        if "late" in name:   # dies 0.5 s after its own, good, record is sent
            threading.Thread(target=lambda: (time.sleep(0.5), os._exit(4)), daemon=True).start()
        if "next" in name:
            time.sleep(1.5)
        if "crash" in name:
            os._exit(3)
        return real_check(data, name, **kwargs)

    monkeypatch.setattr(batch, "check_bytes", dies_late_or_now)
    records = list(run_batch(copies_of_the_seed(tmp_path, "late", "next", "ok", "crash"),
                             BatchLimits(seconds_per_file=10, jobs=1)))
    assert [(Path(r.file).stem, r.status) for r in records] == [
        ("late", "ok"), ("next", "ok"), ("ok", "ok"), ("crash", "crashed")]


def test_json_lines_come_in_input_order(capsys):
    paths = [str(p) for p in CHECKABLE]
    status = cli.main(["check", *paths, "--format", "json", "--jobs", "2"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["file"] for r in lines] == paths
    assert status == exit_codes.FINDINGS        # the error samples have errors
    assert all(r["status"] == "ok" for r in lines)


def test_store_skips_unchanged_files_and_reports(tmp_path, capsys):
    db = tmp_path / "season.sqlite"
    assert cli.main(["check", str(SAMPLES / "html"), "--db", str(db), "--format", "json"]) == exit_codes.FINDINGS
    first = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(first) == 5
    assert cli.main(["check", str(SAMPLES / "html"), "--db", str(db), "--format", "json"]) == exit_codes.OK
    assert capsys.readouterr().out == ""         # nothing new to say: every file skipped
    with sqlite3.connect(db) as connection:
        files = connection.execute("SELECT COUNT(*), COUNT(DISTINCT sha256) FROM files").fetchone()
        findings = connection.execute("SELECT COUNT(*) FROM findings").fetchone()[0]
    assert files == (5, 5)
    assert findings == sum(len(r["findings"]) for r in first)
    assert cli.main(["report", "--db", str(db), "--width", "160"]) == exit_codes.OK
    out = capsys.readouterr().out
    assert "文件 5 个，已检查 5 个，其中有错误的 1 个" in out and "ARI001" in out and "county_2024_errors.html" in out


def workers_left(marker: str, seconds: float) -> list[int]:
    """Processes whose command line names `marker`, waited for up to `seconds` to end."""
    deadline = time.monotonic() + seconds
    while True:
        left = []
        for proc in Path("/proc").iterdir():
            try:
                if proc.name.isdigit() and marker in (proc / "cmdline").read_bytes().decode(errors="replace"):
                    left.append(int(proc.name))
            except OSError:   # ended while looked at
                continue
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.1)


def test_interrupted_run_resumes_without_loss_or_doubling(tmp_path):
    """Kill a batch mid-run, run it again: every file once, findings as in an uninterrupted run."""
    db, reference = tmp_path / "killed.sqlite", tmp_path / "whole.sqlite"
    command = [sys.executable, "-m", "checker", "check", str(SAMPLES), "--format", "json", "--jobs", "1"]
    process = subprocess.Popen([*command, "--db", str(db)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if db.exists():
            try:
                with sqlite3.connect(db) as c:
                    if c.execute("SELECT COUNT(*) FROM files").fetchone()[0] >= 3:
                        break
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert workers_left(str(db), seconds=10) == []   # no worker outlives its killed parent
    with sqlite3.connect(db) as c:
        done_before = c.execute("SELECT COUNT(*) FROM files").fetchone()[0]
    total = len(expand_paths([str(SAMPLES)]))
    assert 3 <= done_before < total
    subprocess.run([*command, "--db", str(db)], cwd=ROOT, stdout=subprocess.DEVNULL, check=False, timeout=300)
    subprocess.run([*command, "--db", str(reference)], cwd=ROOT, stdout=subprocess.DEVNULL, check=False, timeout=300)

    def content(path):
        with sqlite3.connect(path) as c:
            files = sorted(c.execute("SELECT path, sha256, status, errors, warnings FROM files").fetchall())
            findings = sorted(c.execute("SELECT f.path, r.rule, r.message FROM findings r JOIN files f ON f.id = r.file_id").fetchall())
        return files, findings

    resumed, whole = content(db), content(reference)
    assert len(resumed[0]) == total and len({row[1] for row in resumed[0]}) == total
    assert resumed == whole


def test_a_file_cut_off_by_its_limit_is_tried_again_on_rerun(tmp_path, capsys):
    db = tmp_path / "s.sqlite"
    cli.main(["check", str(SEED), str(PINGTAN), "--db", str(db), "--format", "json", "--timeout", "0.001"])
    first = {Path(r["file"]).name: r["status"] for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert first == {"qingzu_2024.txt": "timeout", "pingtan_2024.html": "timeout"}
    cli.main(["check", str(SEED), str(PINGTAN), "--db", str(db), "--format", "json"])
    second = {Path(r["file"]).name: r["status"] for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert second == {"qingzu_2024.txt": "ok", "pingtan_2024.html": "ok"}
    with sqlite3.connect(db) as c:
        assert sorted(c.execute("SELECT status FROM files").fetchall()) == [("ok",), ("ok",)]


def test_a_stored_result_is_reused_only_for_the_same_options(tmp_path, capsys):
    db = str(tmp_path / "s.sqlite")
    cli.main(["check", str(SEED), "--db", db, "--format", "json", "--select", "STR"])
    [narrow] = map(json.loads, capsys.readouterr().out.splitlines())
    assert [f["rule"] for f in narrow["findings"]] == ["STR012"]
    cli.main(["check", str(SEED), "--db", db, "--format", "json"])
    [whole] = map(json.loads, capsys.readouterr().out.splitlines())
    assert sorted(f["rule"] for f in whole["findings"]) == ["CON007", "CON010", "STR012"]
    cli.main(["check", str(SEED), "--db", db, "--format", "json"])
    assert capsys.readouterr().out == ""          # now the same question: reused
