"""One file checked under the limits a batch worker has (batch.py): a forked child with
an address-space limit, killed at its time limit.

`call_limited(function, …)` runs the check in the child and hands back its value — for
`govcheck check FILE` the whole Result, facts included, so the terminal draws exactly
what an in-process check would — or raises: InputError with the child's own sentence
(a file that cannot be checked), LimitReached (time, memory, a child that died: the
batch's sentences), or the child's own exception for a bug (its traceback as the cause).
Only the check of the untrusted bytes runs in the child; drawing, baselines and output
files stay in the parent, which never reads the file itself.
"""
from __future__ import annotations

import faulthandler
import multiprocessing as mp
import pickle
import resource
import signal
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from .batch import BatchLimits, crashed, out_of_memory, status_of, timed_out
from .errors import InputError


class LimitReached(InputError):
    """A file that could not be checked, with its sentence as the child (or a limit) gave it."""

    def __init__(self, path: str | Path, sentence: str, status: str) -> None:
        self.status, self._sentence = status, sentence
        super().__init__(path)

    def sentence(self) -> str:
        return self._sentence


class RemoteTraceback(Exception):
    """The child's traceback, as the cause of the exception it raised (shown with --debug)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return f"\n\"\"\"\n{self.text}\"\"\""


def call_limited(function: Callable[..., Any], *args: Any, name: str | Path, limits: BatchLimits = BatchLimits(),
                 **kwargs: Any) -> Any:
    """`function(*args, **kwargs)` in a child under `limits` (seconds_per_file, memory_bytes)."""
    context = mp.get_context("fork")   # the child has the loaded modules (and rules): nothing is re-imported
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, limits.memory_bytes, function, args, kwargs), daemon=True)
    process.start()
    sender.close()
    try:
        if not wait([receiver], timeout=limits.seconds_per_file):
            raise LimitReached(name, timed_out(Path(name), limits).error or "", "timeout")
        try:
            outcome = receiver.recv()
        except EOFError:   # killed by the system, or a library aborted (pdfium out of memory)
            raise LimitReached(name, crashed(name), "crashed") from None
    finally:               # also on Ctrl-C: the child ignores SIGINT and is ended here
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    kind, *payload = outcome
    if kind == "ok":
        return payload[0]
    if kind == "input":
        raise LimitReached(*payload)
    if kind == "memory":
        raise LimitReached(name, out_of_memory(name), "too_big")
    error, text = payload
    raise error from RemoteTraceback(text)


def _child(connection: Connection, memory: int, function: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle: no traceback here
    faulthandler.disable()   # a library's abort (pdfium out of memory) is the parent's one sentence, not a dump
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ValueError, OSError):  # pragma: no cover - some systems refuse; the time limit still holds
        pass
    try:
        outcome: tuple = ("ok", function(*args, **kwargs))
    except InputError as exc:
        outcome = ("input", exc.path, exc.sentence(), status_of(exc))
    except MemoryError:
        outcome = ("memory",)
    except BaseException as exc:  # a bug: the parent raises it as main() would have met it
        outcome = ("error", _portable(exc), traceback.format_exc())
    try:
        connection.send(outcome)
    except MemoryError:            # the result itself is too big to hand back
        connection.send(("memory",))
    except Exception as exc:       # pragma: no cover - a result that cannot be pickled is a bug
        connection.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}"), traceback.format_exc()))
    connection.close()


def _portable(exc: BaseException) -> BaseException:
    """The exception itself when it survives pickling, else a RuntimeError naming it."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
