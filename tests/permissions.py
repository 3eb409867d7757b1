"""Running govcheck where file permissions bind, even when the tests run as root.

Root reads and writes a chmod 000 file through CAP_DAC_OVERRIDE (and searches a chmod 000
folder through CAP_DAC_READ_SEARCH). The command is run in a child process that drops both
from its capability bounding set before it starts, so for it the permissions hold as for
any user; where that cannot be done, the test is skipped and says why.
"""
from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def _drop_override() -> None:   # runs in the child between fork and exec
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def govcheck(*argv: object, stdin: bytes | None = None, file_size_limit: int | None = None) -> subprocess.CompletedProcess:
    """`python -m checker ARGV` with permissions binding (stdout and stderr as bytes).
    `file_size_limit`: no file it writes may grow past this many bytes (RLIMIT_FSIZE), so
    a write fails part-way as on a full disk (EFBIG; Python ignores SIGXFSZ)."""
    def preexec() -> None:
        if os.geteuid() == 0:
            _drop_override()
        if file_size_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        return subprocess.run([sys.executable, "-m", "checker", *map(str, argv)], cwd=ROOT, input=stdin,
                              capture_output=True, preexec_fn=preexec, timeout=120, env=env)
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot drop CAP_DAC_OVERRIDE as root, so chmod does not bind here: {exc}")


def require_binding_permissions(locked: Path, *, write: bool = False) -> None:
    """Skip unless a child run by `govcheck` really cannot read the file `locked` (chmod 000)
    or, with `write`, cannot make a file in the folder `locked` (chmod 555)."""
    preexec = _drop_override if os.geteuid() == 0 else None
    code = f"open({str(locked / 'probe')!r}, 'wb')" if write else f"open({str(locked)!r}, 'rb')"
    try:
        probe = subprocess.run([sys.executable, "-c", code], capture_output=True,
                               preexec_fn=preexec, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot drop CAP_DAC_OVERRIDE as root, so chmod does not bind here: {exc}")
    if probe.returncode == 0:
        pytest.skip("file permissions do not bind for this user (root keeping CAP_DAC_OVERRIDE)")
