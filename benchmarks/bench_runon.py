"""Time the check of run-on crawl captures against a normal text report, in the same run.

Reference: `check_file` of the seed report (qingzu_2024.txt, lines and tab-separated tables),
and the same seed crawled into one line (its tables' digits run together). Reported: ms per
capture and the ratio to the seed's check; then the splitting of pathological runs (a
20-digit row, a 30-digit row past the bound, 200 digits). Best of N runs, in process
(the import is the same for every format).
Usage: python benchmarks/bench_runon.py [N]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from timing import best_of

from checker import check_file, splits
from checker.check import check_bytes
from checker.splits import split_run

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples/qingzu_2024.txt"


def seed_capture() -> bytes:
    """The seed as a crawler keeps it: one line, tabs gone."""
    lines = [line.strip().lstrip("#").strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    body = "".join(re.sub(r"\t+", "", line) for line in lines if line)
    return ("标题: 濮阳县庆祖镇人民政府2024年政府信息公开工作年度报告\n"
            "==================== 正文 ====================\n" + body + "\n").encode("utf-8")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    check_file(SEED)   # warm up imports and caches
    reference = best_of(n, lambda: check_file(SEED)) * 1000
    crawled = seed_capture()
    print(f"normal text report (seed) {reference:.1f} ms")
    c = best_of(n, lambda: check_bytes(crawled, "seed_capture.txt")) * 1000
    print(f"{'the seed crawled':48} {c:8.1f} ms {c / reference:5.1f}x")
    captures = sorted((ROOT / "samples/runon").glob("*.txt")) + sorted((ROOT / "samples/runon/generated").glob("*.txt"))
    times = []
    for path in captures:
        c = best_of(n, lambda: check_file(path)) * 1000
        times.append(c)
        print(f"{path.name:48} {c:8.1f} ms {c / reference:5.1f}x")
    times.sort()
    print(f"captures: median {times[len(times) // 2]:.1f} ms, slowest {times[-1]:.1f} ms "
          f"({times[-1] / reference:.1f}x the seed)")
    seven = ("count",) * 7
    for label, digits in (("20 digits, 7 cells", "12345678901234567890"), ("30 digits (past the bound)", "1234567890" * 3),
                          ("200 digits", "1" * 200)):
        t = best_of(n, lambda: (splits._split.cache_clear(), split_run(digits, seven))) * 1000   # uncached
        print(f"split {label:30} {t:8.2f} ms")


if __name__ == "__main__":
    main()
