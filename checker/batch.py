"""Check many files at once: one process per file (a hang or a memory explosion
is cut off by the file's own limits and reported), several at a time, in any
order, each outcome a Record (record.py) ready for a reporter or a store.
"""
from __future__ import annotations

import glob
import multiprocessing as mp
import os
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import cast

from . import __version__
from .check import check_bytes, record_of
from .errors import InputError, TooLarge
from .extract.files import bounded_sha256
from .inputs import is_pattern, read_input
from .interrupt import POLL_SECONDS, Deferred, Interrupted, quiet_worker, sigint_held
from .names import shown_name
from .record import Options as CheckOptions  # what every file of a run is checked with
from .record import Record
from .settings import DEFAULT_LIMITS
from .words import Words

TIMED_OUT = Words("{path}：检查超过{seconds}秒，已中止。", "{path}: the check took longer than {seconds} s and was stopped.")
OUT_OF_MEMORY = Words("{name}：检查所需内存超出上限，已中止。", "{name}: the check needed more memory than its limit and was stopped.")
CRASHED = Words("{path}：检查进程意外终止（可能内存不足）。", "{path}: the checking process died (perhaps out of memory).")

# What a folder walk picks up. Markdown files are checked when named, not when
# met in a folder (there they are READMEs and notes far more often than reports).
# ZIP and OFD files are not read, but picked up so that each says what to do (inputs.py).
REPORT_SUFFIXES = {".pdf", ".html", ".htm", ".shtml", ".docx", ".doc", ".txt", ".zip", ".ofd"}


@dataclass(frozen=True)
class BatchLimits:
    seconds_per_file: float = 60.0
    memory_bytes: int = 2 * 1024**3     # address space a worker may map
    jobs: int = max(1, os.cpu_count() or 1)

    def __post_init__(self) -> None:
        if self.seconds_per_file <= 0 or self.memory_bytes <= 0 or self.jobs <= 0:
            raise ValueError("batch limits must be positive")


def expand_paths(arguments: Iterable[str]) -> list[Path]:
    """Files named, files under folders (recursively) and glob matches, once each, in order."""
    out: dict[Path, None] = {}
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and found.suffix.lower() in REPORT_SUFFIXES:
                    out.setdefault(found, None)
        elif is_pattern(argument):   # a path that exists is a file, whatever its characters
            for match in sorted(glob.glob(argument, recursive=True)):
                if Path(match).is_file():
                    out.setdefault(Path(match), None)
        else:
            out.setdefault(path, None)  # missing files too: they get their own sentence
    return list(out)


def content_hash(path: Path) -> str | None:
    """The store's key: read before any limit exists, so only a regular file within the
    size limit is hashed (extract.files.bounded_sha256); the rest are checked, not stored."""
    return bounded_sha256(path, DEFAULT_LIMITS.max_bytes)


def status_of(exc: InputError) -> str:
    """A file past a size limit is too big, as one past the memory limit is (a rerun tries
    it again); any other file that cannot be checked is unreadable."""
    return "too_big" if isinstance(exc, TooLarge) else "unreadable"


def failure(path: Path | str, status: str, sentence: str) -> Record:
    """The record of a file that could not be checked: its status says why, and the run goes on."""
    return Record(shown_name(path), status, __version__, error=shown_name(sentence))


def timed_out(path: Path, limits: BatchLimits) -> Record:
    """The record of a file whose check was cut off at the time limit (by any runner)."""
    seconds = f"{limits.seconds_per_file:g}"
    return failure(path, "timeout", TIMED_OUT(path=path, seconds=seconds))


def out_of_memory(name: Path | str) -> str:
    """The sentence for a check that ran out of its memory limit (a MemoryError)."""
    return OUT_OF_MEMORY(name=name)


def crashed(path: Path | str) -> str:
    """The sentence for a checking process that died without a word (killed by the system, crashed)."""
    return CRASHED(path=path)


def check_one(path: Path, options: CheckOptions = CheckOptions()) -> Record:
    """The record of one file (check.record_of), or a failure; never raises."""
    try:
        data = read_input(path)
    except InputError as exc:
        return failure(path, status_of(exc), exc.sentence())
    return check_one_bytes(data, shown_name(path), options)


def check_one_bytes(data: bytes, name: str, options: CheckOptions = CheckOptions()) -> Record:
    """The record of one file's bytes: a pure function of its arguments (what a cluster runs)."""
    try:
        return record_of(check_bytes(data, name, select=options.select, ignore=options.ignore,
                                     published=options.published, rules=options.rule_set()), options)
    except InputError as exc:
        return failure(name, status_of(exc), exc.sentence())
    except MemoryError:
        return failure(name, "too_big", out_of_memory(name))
    except Exception as exc:  # a bug must not stop a season's run
        return failure(name, "internal_error", f"{name}：govcheck 内部错误（{type(exc).__name__}: {exc}），请报告此问题。")


def _worker(path: Path, connection: Connection, memory: int, options: CheckOptions) -> None:
    quiet_worker()
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ValueError, OSError):  # pragma: no cover - some systems refuse; the time limit still holds
        pass
    connection.send(check_one(path, options))
    connection.close()


def run_batch(paths: list[Path], limits: BatchLimits = BatchLimits(), options: CheckOptions = CheckOptions(), *,
              on_start: Callable[[Path], None] | None = None) -> Iterator[Record]:
    """Yield one record per path as each finishes. At most `limits.jobs` workers run;
    a worker past its time is killed and its file reported as timed out. Ctrl-C kills
    the workers and raises interrupt.Interrupted here, quietly (see checker/interrupt.py)."""
    context = mp.get_context("fork")  # workers inherit the loaded modules: no re-import per file
    pending = list(paths)
    running: dict[Connection, tuple[Path, BaseProcess, float]] = {}
    sigint = Deferred()
    sigint.install()

    def stop_if_asked() -> None:
        if sigint.requested:
            raise Interrupted()

    try:
        while pending or running:
            stop_if_asked()
            while pending and len(running) < limits.jobs:
                path = pending.pop(0)
                receiver, sender = context.Pipe(duplex=False)
                worker: BaseProcess = context.Process(target=_worker, args=(path, sender, limits.memory_bytes, options),
                                                      daemon=True)
                with sigint_held():
                    worker.start()
                sender.close()
                running[receiver] = (path, worker, time.monotonic())
                if on_start:
                    on_start(path)
            now = time.monotonic()
            next_deadline = min(start + limits.seconds_per_file for _, _, start in running.values())
            wait_for = max(0.0, next_deadline - now)
            for ready in wait(list(running), timeout=min(wait_for, POLL_SECONDS) if sigint.active else wait_for):
                stop_if_asked()
                done = cast(Connection, ready)   # wait() hands back the connections it was given
                path, process, _ = running.pop(done)
                try:
                    record = done.recv()
                except EOFError:  # the worker died without a word (killed by the system, crashed)
                    record = failure(path, "crashed", crashed(path))
                done.close()
                process.join()
                yield record
            stop_if_asked()
            now = time.monotonic()
            for receiver, (path, process, start) in list(running.items()):
                if now - start > limits.seconds_per_file:
                    process.kill()
                    process.join()
                    receiver.close()
                    del running[receiver]
                    yield timed_out(path, limits)
        stop_if_asked()
    finally:
        for _receiver, (_, process, _) in running.items():  # Ctrl-C: leave no worker behind
            process.kill()
        for receiver, (_, process, _) in running.items():
            process.join()
            receiver.close()
        sigint.restore()
