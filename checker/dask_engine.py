"""Send a run's files to an existing Dask cluster instead of local processes
(`--engine dask --scheduler ADDRESS`, extra `govcheck[dask]`).

The client reads each file and ships its bytes, so workers need no shared
disk; a worker runs `batch.check_one_bytes`, a pure function of the bytes.
At most one task per worker thread is in flight, so the client holds few
files in memory and the time limit counts from when a task could start. A
task past its time is cancelled and reported as timed out (a running Python
task cannot be interrupted: the worker finishes it and discards the result);
memory is bounded by the workers' own `memory_limit`, past which the nanny
restarts the worker and the file is reported as crashed.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from .batch import BatchLimits, CheckOptions, check_one_bytes, failure, status_of, timed_out
from .errors import InputError, UsageError
from .inputs import read_input
from .names import shown_name
from .record import Record
from .words import Words

NEEDS_DASK = Words("使用 Dask 引擎需要先安装：pip install 'govcheck[dask]'。", "The Dask engine needs: pip install 'govcheck[dask]'.")
DIED_ON_CLUSTER = Words("{path}：集群上的检查进程意外终止（{error}）。", "{path}: the check died on the cluster ({error}).")
UNREACHABLE = Words("{address}：连不上 Dask 调度器（{reason}）。", "{address}: cannot reach the Dask scheduler ({reason}).")


def checked_as_dict(data: bytes, name: str, options: CheckOptions) -> dict:
    """What a worker runs: the record of one file's bytes, sent back as the one serialiser
    writes it (record.py), so a worker and the client need share no pickled classes."""
    return check_one_bytes(data, name, options).to_dict()


def dask_runner(address: str):
    """A season runner (season.Runner) bound to the scheduler at `address`."""

    def run(paths: list[Path], limits: BatchLimits, options: CheckOptions) -> Iterator[Record]:
        try:
            from distributed import Client, wait
        except ImportError:
            raise UsageError(NEEDS_DASK()) from None
        try:
            client = Client(address, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise UsageError(UNREACHABLE(address=address, reason=exc)) from None
        with client:
            yield from _run_on(client, wait, paths, limits, options)

    return run


def _run_on(client, wait, paths: list[Path], limits: BatchLimits, options: CheckOptions) -> Iterator[Record]:
    slots = max(1, sum(client.nthreads().values()))
    pending = list(paths)
    running: dict = {}   # future -> (path, start)
    try:
        while pending or running:
            while pending and len(running) < slots:
                path = pending.pop(0)
                try:
                    data = read_input(path)
                except InputError as exc:
                    yield failure(path, status_of(exc), exc.sentence())
                    continue
                future = client.submit(checked_as_dict, data, shown_name(path), options, pure=False)
                running[future] = (path, time.monotonic())
            if not running:
                continue
            deadline = min(start for _, start in running.values()) + limits.seconds_per_file
            try:
                done, _ = wait(list(running), timeout=max(0.01, deadline - time.monotonic()),
                               return_when="FIRST_COMPLETED")
            except TimeoutError:  # none finished before the earliest deadline
                done = set()
            for future in done:
                path, _ = running.pop(future)
                try:
                    yield Record.from_dict(future.result())
                except Exception as exc:  # KilledWorker (memory), lost worker
                    yield failure(path, "crashed", DIED_ON_CLUSTER(path=path, error=type(exc).__name__))
            now = time.monotonic()
            for future, (path, start) in list(running.items()):
                if now - start > limits.seconds_per_file:
                    future.cancel()
                    del running[future]
                    yield timed_out(path, limits)
    finally:
        for future in running:
            future.cancel()
