"""Shared by the benchmark scripts: the best of n wall-clock runs."""
from __future__ import annotations

import time
from collections.abc import Callable


def best_of(n: int, fn: Callable[[], object]) -> float:
    """Seconds of the fastest of `n` calls (the least disturbed by the machine)."""
    best = float("inf")
    for _ in range(n):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best
