"""Batch benchmark on a generated season (benchmarks/make_season.py), plus a resume test.

    python benchmarks/bench_batch.py [--count 240] [--seed 7] [--keep]

1. Speed: `govcheck check SEASON --format json --db X.sqlite` with --jobs 1 and --jobs 2
   (fresh database each), wall time of the whole command, files/s, speed-up.
2. The CLI runs inside a small wrapper (WRAPPER below: the same main() that
   `python -m checker` calls) that
   - prints getrusage() at exit: RUSAGE_SELF.ru_maxrss is the parent's peak RSS,
     RUSAGE_CHILDREN.ru_maxrss the largest peak of any one worker (the workers are forked
     and joined by the parent). /usr/bin/time -v gives only the maximum over parent and
     workers together, so the wrapper is used;
   - times each file inside its worker, around checker.batch.check_one (the JSON records
     carry no timing, and the CLI writes all JSON lines at the end of the run), appending
     one line per file to a side file; median and max per file come from there.
   A last run checks the 50-page PDF (samples/long) alone in one worker: its peak RSS.
3. Floor, measured in the same run: read every file's bytes and pypdfium2 text of every
   page of every PDF (best of 3); printed as batch time / floor.
4. Resume: `python -m checker check SEASON --jobs 2 --db R.sqlite` is interrupted at ~40%
   of the --jobs 2 duration (SIGINT to its process group, as Ctrl-C does; then, in a
   second trial with a fresh database, SIGKILL to the group), rerun to completion, and the
   database is checked with sqlite3: one `files` row per distinct content, no duplicate
   (sha256, tool_version), every finding's file_id present, integrity_check ok, the rows
   present before the rerun = the files the rerun skipped, and the same per-file results
   (status, error/warning/info counts) as the uninterrupted --jobs 2 run.
   Exit status 1 if any of these fails.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LONG_PDF = ROOT / "samples" / "long" / "huaian_2024.x50.pdf"   # tools/make_long_pdf.py
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402
from make_season import make_season  # noqa: E402
from timing import best_of  # noqa: E402

from checker import __version__  # noqa: E402
from checker.batch import expand_paths  # noqa: E402

WRAPPER = r"""
import json, os, resource, sys, time
import checker.batch as batch
from checker.cli import main

times = os.environ.get("BENCH_TIMES")
if times:  # workers are forked from this process, so they run the timed check_one
    inner = batch.check_one
    def timed(path, *args, **kwargs):
        start = time.perf_counter()
        record = inner(path, *args, **kwargs)
        with open(times, "a", encoding="utf-8") as out:  # one short O_APPEND write per file
            out.write(f"{time.perf_counter() - start:.6f}\t{record.report.format if record.report else record.status}\t{path}\n")
        return record
    batch.check_one = timed

status = main(sys.argv[1:])
sys.stdout.flush()
print("RUSAGE " + json.dumps({"parent_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                              "workers_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}), file=sys.stderr)
sys.exit(status)
"""


def floor(paths: list[Path]) -> None:
    """What any batch reader pays at least: the bytes, and the PDFs' text via pdfium."""
    for path in paths:
        data = path.read_bytes()
        if path.suffix.lower() != ".pdf":
            continue
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:  # the truncated PDF of the season
            continue
        for page in pdf:
            page.get_textpage().get_text_range()
        pdf.close()


def run_timed(season: Path, jobs: int, db: Path) -> dict:
    """Run the CLI (in WRAPPER) on the season: wall time, JSON records, rusage, per-file times."""
    times = db.with_suffix(".times")
    cmd = [sys.executable, "-c", WRAPPER, "check", str(season), "--format", "json", "--jobs", str(jobs), "--db", str(db)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, "BENCH_TIMES": str(times)})
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1) or not proc.stdout:
        sys.exit(f"govcheck exited {proc.returncode} with {len(proc.stdout)} bytes of output:\n{proc.stderr[-2000:]}")
    usage = next((json.loads(s[len("RUSAGE "):]) for s in proc.stderr.splitlines() if s.startswith("RUSAGE ")), {})
    per_file = []
    if times.exists():
        for line in times.read_text(encoding="utf-8").splitlines():
            seconds, kind, path = line.split("\t", 2)
            per_file.append((float(seconds), kind, path))
    return {"wall": wall, "records": [json.loads(line) for line in proc.stdout.splitlines()],
            "usage": usage, "per_file": per_file}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def db_results(db: Path) -> dict[str, tuple]:
    with sqlite3.connect(db) as con:
        return {row[0]: row[1:] for row in con.execute("SELECT sha256, status, errors, warnings, infos FROM files")}


def check_db(db: Path, shas: set[str], complete: bool) -> tuple[list[str], int, int]:
    """Problems found in the database (empty if fine), its file rows and finding rows."""
    problems = []
    con = sqlite3.connect(db)
    try:
        if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append("integrity_check failed")
        dup = con.execute("SELECT COUNT(*) FROM (SELECT 1 FROM files GROUP BY sha256, tool_version HAVING COUNT(*) > 1)").fetchone()[0]
        if dup:
            problems.append(f"{dup} duplicated (sha256, tool_version)")
        orphans = con.execute("SELECT COUNT(*) FROM findings WHERE file_id NOT IN (SELECT id FROM files)").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} findings without their file row")
        stored = {row[0] for row in con.execute("SELECT sha256 FROM files")}
        if stored - shas:
            problems.append(f"{len(stored - shas)} rows for contents not in the season")
        n_files = con.execute("SELECT COUNT(*) FROM files").fetchone()[0]
        n_findings = con.execute("SELECT COUNT(*) FROM findings").fetchone()[0]
        if complete and (n_files != len(shas) or stored != shas):
            problems.append(f"{n_files} file rows for {len(shas)} distinct contents")
    finally:
        con.close()
    return problems, n_files, n_findings


def resume_trial(season: Path, sig: signal.Signals, after: float, db: Path, shas: set[str], n_paths: int,
                 reference: dict[str, tuple]) -> bool:
    cmd = [sys.executable, "-m", "checker", "check", str(season), "--format", "json", "--jobs", "2", "--db", str(db)]
    # A session of its own, so the signal reaches the parent and its workers (as Ctrl-C does).
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(after)
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:  # already finished: the trial then tests a plain rerun
        pass
    try:
        interrupted_rc = proc.wait(timeout=60)
    except subprocess.TimeoutExpired:  # SIGINT ignored somewhere: do not leave it running
        os.killpg(proc.pid, signal.SIGKILL)
        interrupted_rc = proc.wait()
    problems, before, _ = check_db(db, shas, complete=False)
    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    checked_on_rerun = len(rerun.stdout.splitlines())
    skipped = n_paths - checked_on_rerun  # skipped files write no JSON line
    if rerun.returncode not in (0, 1):
        problems.append(f"rerun exited {rerun.returncode}: {rerun.stderr[-500:]}")
    if skipped != before:
        problems.append(f"rerun skipped {skipped} files but {before} were stored before it")
    more, n_files, n_findings = check_db(db, shas, complete=True)
    problems += more
    differ = sorted(s for s in reference if db_results(db).get(s) != reference[s])
    if differ:
        got = db_results(db)
        problems.append(f"{len(differ)} files with other results than the uninterrupted run, e.g. "
                        f"{got.get(differ[0])} vs {reference[differ[0]]}")
    name = signal.Signals(sig).name
    print("resume: " + ("OK" if not problems else "FAILED: " + "; ".join(problems))
          + f" ({n_files} files, {n_findings} findings, {skipped} skipped on rerun)"
          + f"  [{name} to the process group at {after:.1f} s, exit {interrupted_rc}, {before} files stored by then]")
    return not problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=240)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (season and databases)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="govcheck-season-"))
    season = tmp / "season"
    entries = make_season(season, args.count, args.seed)
    paths = expand_paths([str(season)])  # exactly what the CLI walks
    shas = {sha256(p) for p in paths}
    size = sum(p.stat().st_size for p in paths)
    formats = Counter(e["format"] for e in entries)
    print(f"govcheck {__version__}, Python {platform.python_version()}, {os.cpu_count()} CPUs")
    print(f"season: {len(paths)} files ({', '.join(f'{n} {f}' for f, n in formats.items())}), "
          f"{len(shas)} distinct contents, {size / 1e6:.1f} MB, in {season}")

    floor_s = best_of(3, lambda: floor(paths))
    pdf_pages = sum(len(pdfium.PdfDocument(p)) for p in paths if p.suffix == ".pdf" and "truncated" not in p.name)
    print(f"floor: {floor_s:.2f} s (read all bytes + pypdfium2 text of {pdf_pages} PDF pages)")

    runs = {jobs: run_timed(season, jobs, tmp / f"jobs{jobs}.sqlite") for jobs in (1, 2)}
    print(f"\n{'run':7} {'wall s':>7} {'files/s':>8} {'x floor':>7} {'parent MB':>10} {'worker MB':>10} "
          f"{'ok':>4} {'failed':>6} {'errors':>7} {'warnings':>8}")
    for jobs, r in runs.items():
        recs = r["records"]
        ok = sum(x["status"] == "ok" for x in recs)
        print(f"jobs {jobs:<2} {r['wall']:7.2f} {len(paths) / r['wall']:8.1f} {r['wall'] / floor_s:7.1f} "
              f"{r['usage'].get('parent_kb', 0) / 1024:10.0f} {r['usage'].get('workers_kb', 0) / 1024:10.0f} "
              f"{ok:4} {len(recs) - ok:6} {sum(x['summary'].get('error', 0) for x in recs):7} "
              f"{sum(x['summary'].get('warning', 0) for x in recs):8}")
    print(f"speed-up jobs 2 / jobs 1: {runs[1]['wall'] / runs[2]['wall']:.2f}x  (issue 13's targets: >= 30 files/s"
          " with 2 jobs, speed-up >= 1.8x)")
    if LONG_PDF.exists():   # one worker's peak on the longest sample: the memory a season's worker needs
        long_run = run_timed(LONG_PDF, 1, tmp / "long.sqlite")
        print(f"50-page PDF ({LONG_PDF.name}) in one worker: {long_run['wall']:.2f} s, worker peak RSS "
              f"{long_run['usage'].get('workers_kb', 0) / 1024:.0f} MB (target <= 150 MB)")

    for jobs, r in runs.items():
        per_file = r["per_file"]
        if not per_file:
            print(f"per file (jobs {jobs}): not available (checker.batch.check_one not called in workers?)")
            continue
        slowest = max(per_file)
        in_workers = sum(t for t, _, _ in per_file)
        print(f"per file (jobs {jobs}, inside the worker): median {statistics.median(t for t, _, _ in per_file) * 1000:.0f} ms, "
              f"max {slowest[0] * 1000:.0f} ms ({Path(slowest[2]).name}); sum {in_workers:.1f} s of {r['wall']:.1f} s wall"
              f" x {jobs} job(s)")
        by_kind: dict[str, list[float]] = {}
        for t, kind, _ in per_file:
            by_kind.setdefault(kind, []).append(t)
        print("  median / max by format: " + ", ".join(
            f"{k} {statistics.median(v) * 1000:.0f}/{max(v) * 1000:.0f} ms (n={len(v)})" for k, v in sorted(by_kind.items())))
    statuses = Counter(x["status"] for x in runs[2]["records"])
    print(f"  statuses: {dict(statuses)}")

    reference = db_results(tmp / "jobs2.sqlite")
    after = 0.4 * runs[2]["wall"]
    ok = all([resume_trial(season, signal.SIGINT, after, tmp / "resume_int.sqlite", shas, len(paths), reference),
              resume_trial(season, signal.SIGKILL, after, tmp / "resume_kill.sqlite", shas, len(paths), reference)])
    if args.keep:
        print(f"kept {tmp}")
    else:
        import shutil
        shutil.rmtree(tmp)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
