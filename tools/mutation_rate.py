#!/usr/bin/env python3
"""How many single-cell changes of 表三/表四 numbers the arithmetic rules catch, per report,
as printed and with every zero left blank (as many publishers print them).

A change is caught when the changed report has an arithmetic error about that cell (its own
cell, one of its identity's cells, or its row) that the unchanged report does not have.

Run-on crawl captures (samples/runon, its generated/ folder) are changed in their own digits:
there a change is also caught when the reader now says it cannot read the cell's row (EXT003-5).

Usage: python tools/mutation_rate.py [FILE ...]   (default: the real reports, samples/html, the captures)
"""
from __future__ import annotations

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.mutation import DEFAULT_REPORTS, capture_catch_rate, catch_rate  # noqa: E402

CAPTURES = sorted((ROOT / "samples/runon").glob("*.txt")) + sorted((ROOT / "samples/runon/generated").glob("*.txt"))


def main(argv: list[str]) -> int:
    paths = [pathlib.Path(a) for a in argv] or [ROOT / p for p in DEFAULT_REPORTS] + CAPTURES
    total = caught = 0
    for path in paths:
        if "runon" in path.parts:
            result = capture_catch_rate(path)
            total += result.tried
            caught += result.caught
            print(f"{path.name:40} {'capture':12} {result.caught:4}/{result.tried:<4}"
                  + (f"  missed: {', '.join(result.missed[:6])}" if result.missed else ""))
            continue
        for blanked in (False, True):
            result = catch_rate(path, zeros_blank=blanked)
            total += result.tried
            caught += result.caught
            label = "zeros blank" if blanked else "as printed"
            print(f"{path.name:40} {label:12} {result.caught:4}/{result.tried:<4}"
                  + (f"  missed: {', '.join(result.missed[:6])}" if result.missed else ""))
    print(f"{'all':40} {'':12} {caught:4}/{total}")
    return 0 if caught == total else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
