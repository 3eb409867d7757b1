"""Ctrl-C during a batch: stop at once and quietly, keep what is stored, say so.

While workers run, SIGINT in the parent only raises a flag (`Deferred`), which the
batch loop reads at least every POLL_SECONDS and answers by killing its workers and
raising `Interrupted` from one known place, never from inside a store transaction, a
finaliser or a library. Workers ignore SIGINT (the parent ends them), and it is held
back around the fork so none is caught between fork and the worker's first line.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .words import Words

POLL_SECONDS = 0.1

NOT_KEPT = Words("已中断：没有使用 --db，本次的检查结果没有保存。", "Interrupted: without --db, this run's results were not kept.")
KEPT = Words("已中断：已检查的结果保存在 {db}，再次运行同一命令即可接着检查其余的文件。",
             "Interrupted: the results checked so far are kept in {db}; run the same command again to check the rest.")
KEPT_COUNT = Words("已中断：本次的 {total} 个文件中已有 {stored} 个的结果保存在 {db}，再次运行同一命令即可接着检查其余的文件。",
                   "Interrupted: {stored} of this run's {total} files have their results kept in {db}; "
                   "run the same command again to check the rest.")


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT) stopped a batch; its workers are gone."""


class Deferred:
    """SIGINT raises `requested` instead of KeyboardInterrupt, while installed (main thread only)."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None   # whatever signal.signal() gave back
        self.active = False

    def install(self) -> None:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
            self.active = True

    def restore(self) -> None:
        if self.active:
            signal.signal(signal.SIGINT, self._previous)
            self.active = False

    def _handle(self, signum, frame) -> None:
        self.requested = True


@contextmanager
def sigint_held() -> Iterator[None]:
    """SIGINT blocked in this thread while a worker is forked: the child starts with it blocked."""
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    except (AttributeError, OSError, ValueError):  # pragma: no cover - no signal masks here
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def quiet_worker() -> None:
    """First thing in a worker: Ctrl-C is the parent's to answer (it kills the worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    except (AttributeError, OSError, ValueError):  # pragma: no cover
        pass


def interrupted_sentence(paths: list[Path], store=None, tool_version: str = "") -> str:
    """What Ctrl-C leaves: how many of the run's files have their result stored, and how to go on."""
    if store is None:
        return NOT_KEPT()
    try:
        stored = store.stored_count(paths, tool_version)
    except Exception:   # the sentence must come whatever the store says
        return KEPT(db=store.path)
    return KEPT_COUNT(total=len(paths), stored=stored, db=store.path)
