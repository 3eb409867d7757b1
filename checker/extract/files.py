"""What a path names, asked before anything opens it: only regular files are read.

A device (/dev/zero never ends), a FIFO (blocks until a writer comes) or a socket named
as a report gets one sentence (errors.NotRegularFile) and is never opened. Hashing (the
store's key, computed before any limit exists) reads only a regular file within the
size limit, opened without blocking; anything else has no hash and its check says why.
"""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from ..errors import NotRegularFile
from ..words import Words

SPECIAL_KINDS = ((stat.S_ISCHR, Words("字符设备", "character device")), (stat.S_ISBLK, Words("块设备", "block device")),
                 (stat.S_ISFIFO, Words("命名管道", "named pipe")), (stat.S_ISSOCK, Words("套接字", "socket")))


def special_kind(path: str | Path) -> str | None:
    """The kind of a device, FIFO or socket (links followed); None for anything else."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    return next((name() for test, name in SPECIAL_KINDS if test(mode)), None)


def refuse_special(path: str | Path) -> None:
    kind = special_kind(path)
    if kind is not None:
        raise NotRegularFile(path, kind)


def bounded_sha256(path: str | Path, max_bytes: int) -> str | None:
    """SHA-256 of a regular file of at most `max_bytes`; None for anything else (missing,
    unreadable, special, larger), without ever blocking or reading past the limit."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except (OSError, ValueError):
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
                return None
            digest, total = hashlib.sha256(), 0
            while chunk := handle.read(1 << 20):
                total += len(chunk)
                if total > max_bytes:   # it grew while being read
                    return None
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()
