"""Check many files at once: a few worker processes, each checking one file after
another under the file's own limits (a hang or a memory explosion is cut off, reported,
and the worker replaced), in any order, each outcome a Record (record.py) ready for a
reporter or a store.
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


WORKER_FILES = 64   # files one worker checks before a fresh one takes over: a long run's heap stays small
PARENT_LOOK_SECONDS = 1.0   # how often an idle worker makes sure its parent still runs
STOP_SECONDS = 0.5          # a worker told to stop that is not gone by then is killed
# After these, what the check left behind (a thread, a heap) is not trusted: the worker is killed.
UNTRUSTED_AFTER = ("too_big", "internal_error")


def _serve(connection: Connection, parents_end: Connection, memory: int, options: CheckOptions) -> None:
    """A worker: checks the files the parent sends, one after another, until told to stop or
    its parent is gone. Its modules, rules and templates are loaded by its first file and kept
    for the rest."""
    parent = os.getppid()
    parents_end.close()   # the fork's copy: else the pipe never ends when the parent is killed
    quiet_worker()
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ValueError, OSError):  # pragma: no cover - some systems refuse; the time limit still holds
        pass
    while True:
        # A worker forked later holds a copy of this pipe's other end too: so the parent is
        # also looked for, and a worker whose parent was killed (SIGKILL) ends within a second.
        if not connection.poll(PARENT_LOOK_SECONDS):
            if os.getppid() != parent:
                return
            continue
        try:
            path = connection.recv()
        except EOFError:   # the parent is gone
            return
        if path is None:
            return
        connection.send(check_one(path, options).to_dict())   # the one serialiser: cheaper to unpickle than the record


@dataclass
class _Worker:
    """One worker process, the duplex pipe to it, and the file it is checking (None: idle)."""

    process: BaseProcess
    connection: Connection
    path: Path | None = None
    started: float = 0.0
    checked: int = 0

    def give(self, path: Path) -> None:
        self.connection.send(path)
        self.path, self.started = path, time.monotonic()

    def stop(self, *, kill: bool) -> None:
        """Ended: killed, or told to stop and killed if it is not gone within STOP_SECONDS
        (a thread a library left running can keep a process from exiting)."""
        if not kill:
            try:
                self.connection.send(None)
                self.process.join(STOP_SECONDS)
            except OSError:   # already gone
                pass
        self.process.kill()   # nothing once it has ended
        self.process.join()
        self.connection.close()


def run_batch(paths: list[Path], limits: BatchLimits = BatchLimits(), options: CheckOptions = CheckOptions(), *,
              on_start: Callable[[Path], None] | None = None) -> Iterator[Record]:
    """Yield one record per path as each finishes. At most `limits.jobs` workers run, each
    checking one file after another; a worker past its file's time is killed (the file
    reported as timed out) and another takes its place, as one that dies does. Ctrl-C kills
    the workers and raises interrupt.Interrupted here, quietly (see checker/interrupt.py)."""
    context = mp.get_context("fork")  # workers inherit the loaded modules: no re-import
    pending = list(paths)
    workers: list[_Worker] = []
    retried: set[Path] = set()   # files whose worker died after checking others: tried once more
    sigint = Deferred()
    sigint.install()

    def stop_if_asked() -> None:
        if sigint.requested:
            raise Interrupted()

    def start_worker() -> _Worker:
        parent_end, worker_end = context.Pipe(duplex=True)
        process: BaseProcess = context.Process(target=_serve, args=(worker_end, parent_end, limits.memory_bytes,
                                                                    options), daemon=True)
        with sigint_held():
            process.start()
        worker_end.close()
        worker = _Worker(process, parent_end)
        workers.append(worker)
        return worker

    def retire(worker: _Worker, *, kill: bool) -> None:
        workers.remove(worker)
        worker.stop(kill=kill)

    try:
        while pending or any(w.path for w in workers):
            stop_if_asked()
            while pending and (len(workers) < limits.jobs or any(w.path is None for w in workers)):
                idle = next((w for w in workers if w.path is None), None) or start_worker()
                path = pending.pop(0)
                try:
                    idle.give(path)
                except OSError:   # it died while idle: the file goes to a fresh worker
                    retire(idle, kill=True)
                    start_worker().give(path)
                if on_start:
                    on_start(path)
            busy = {w.connection: w for w in workers if w.path is not None}
            next_deadline = min(w.started + limits.seconds_per_file for w in busy.values())
            wait_for = max(0.0, next_deadline - time.monotonic())
            for ready in wait(list(busy), timeout=min(wait_for, POLL_SECONDS) if sigint.active else wait_for):
                stop_if_asked()
                worker = busy[cast(Connection, ready)]   # wait() hands back the connections it was given
                path = cast(Path, worker.path)
                try:
                    record = Record.from_dict(worker.connection.recv())
                except EOFError:  # the worker died without a word (killed by the system, crashed)
                    retire(worker, kill=True)
                    if worker.checked and path not in retried:
                        # it may have died of a file before (a thread it left): the file
                        # crashes only when it kills a fresh worker too
                        retried.add(path)
                        pending.insert(0, path)
                    else:
                        yield failure(path, "crashed", crashed(path))
                    continue
                worker.path, worker.checked = None, worker.checked + 1
                untrusted = record.status in UNTRUSTED_AFTER
                if untrusted or worker.checked >= WORKER_FILES:
                    retire(worker, kill=untrusted)
                yield record
            stop_if_asked()
            now = time.monotonic()
            for worker in [w for w in workers if w.path is not None and now - w.started > limits.seconds_per_file]:
                path = cast(Path, worker.path)
                retire(worker, kill=True)
                yield timed_out(path, limits)
        stop_if_asked()
    finally:
        for worker in workers:  # the run is over, or Ctrl-C: leave no worker behind
            worker.stop(kill=True)
        sigint.restore()
