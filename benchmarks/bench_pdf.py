"""Time `python -m checker check FILE --format json` as whole processes on PDFs, against
floors measured as processes in the same run:

- `python -c pass`: the interpreter's own start;
- pdfplumber: `extract_text()` of every page (pdfminer parses each page);
- pypdfium2: `get_textpage().get_text_range()` of every page.

Files: the real 淮安 report (6 pages, tables on 3), the real 洪泽 report (5 pages), and
samples/long/huaian_2024.x50.pdf (50 pages made from 淮安 by tools/make_long_pdf.py: its
prose pages repeated, its table pages once). Each figure is the median of N runs, the
commands of a file taking turns.

Usage: python benchmarks/bench_pdf.py [N] [--before DIR]
  --before DIR   also time the check of another checkout's tree (PYTHONPATH=DIR), same run
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = [ROOT / "samples" / "huaian_2024.pdf", ROOT / "samples" / "hongze_2023.pdf",
         ROOT / "samples" / "long" / "huaian_2024.x50.pdf"]

PLUMBER = """
import logging, sys, pdfplumber
logging.getLogger("pdfminer").setLevel(logging.ERROR)
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text()
        page.close()
"""
PDFIUM = """
import sys, pypdfium2 as pdfium
pdf = pdfium.PdfDocument(sys.argv[1])
for page in pdf:
    page.get_textpage().get_text_range()
pdf.close()
"""


def run_seconds(argv: list[str], pythonpath: Path | None = None) -> float:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    # `python -m` puts the working folder first on sys.path: run in the tree that is timed.
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=pythonpath or ROOT)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):   # 1: the report has findings
        sys.exit(f"{' '.join(map(str, argv))} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return seconds


def median_of(n: int, argv: list[str], pythonpath: Path | None = None) -> float:
    return statistics.median(run_seconds(argv, pythonpath) for _ in range(n))


def interleaved(n: int, commands: list[tuple[list[str], Path | None]]) -> list[float]:
    """The median of n runs of each command, the commands taking turns round by round, so
    a busy spell of the machine slows them all alike rather than one of them."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(n):
        for k, (argv, pythonpath) in enumerate(commands):
            times[k].append(run_seconds(argv, pythonpath))
    return [statistics.median(t) for t in times]


def pages_of(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--before", type=Path, help="another checkout whose check is timed too")
    args = parser.parse_args()
    python = sys.executable
    trees = [("check", ROOT)] + ([("before", args.before.resolve())] if args.before else [])
    start = median_of(args.n, [python, "-c", "pass"])
    print(f"python -c pass: {start:.3f} s (median of {args.n})")
    header = f"{'file':24} {'pages':>5} " + " ".join(f"{name + ' s':>9}" for name, _ in trees)
    header += f" {'plumber s':>9} {'pdfium s':>9}" + "".join(f" {name + '/plumber':>14} {name + '/pdfium':>13}"
                                                       for name, _ in trees)
    print(header)
    for path in FILES:
        commands = [([python, "-m", "checker", "check", str(path), "--format", "json"], tree) for _, tree in trees]
        commands += [([python, "-c", PLUMBER, str(path)], None), ([python, "-c", PDFIUM, str(path)], None)]
        *checks, plumber, pdfium_floor = interleaved(args.n, commands)
        line = f"{path.name:24} {pages_of(path):5d} " + " ".join(f"{c:9.3f}" for c in checks)
        line += f" {plumber:9.3f} {pdfium_floor:9.3f}"
        line += "".join(f" {c / plumber:14.2f} {c / pdfium_floor:13.2f}" for c in checks)
        print(line)


if __name__ == "__main__":
    main()
