"""Writing an output file whole or not at all: under a temporary name in the same folder,
then renamed over the old one (a link there is replaced, never followed). A failed write
leaves the file that was there, removes the temporary one, and is one sentence."""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

_REASONS = {errno.ENOSPC: "磁盘已满", errno.EDQUOT: "超出磁盘配额", errno.EACCES: "没有权限",
            errno.EPERM: "没有权限", errno.EROFS: "只读文件系统", errno.EFBIG: "文件超出大小上限",
            errno.ENOENT: "目录不存在", errno.ENOTDIR: "路径中有一段不是目录"}


class WriteFailed(Exception):
    """An output file could not be written; `sentence` says which and why (exit 2)."""

    def __init__(self, sentence: str) -> None:
        super().__init__(sentence)
        self.sentence = sentence


def reason(exc: OSError) -> str:
    return (_REASONS.get(exc.errno) if exc.errno is not None else None) or exc.strerror or type(exc).__name__


def failed(path: Path, exc: OSError) -> WriteFailed:
    return WriteFailed(f"{path}：写入失败（{reason(exc)}），原有文件未改动。")


def make_folder(folder: Path) -> None:
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteFailed(f"{folder}：无法创建输出目录（{reason(exc)}）。") from None


@contextmanager
def replacing(path: str | os.PathLike, mode: str = "w", **open_args) -> Iterator[IO]:
    """A file opened under a temporary name beside `path`; when the block ends without an
    error it takes `path`'s place, otherwise it is removed and `path` is left as it was."""
    with replacing_path(path) as temporary, open(temporary, mode, **open_args) as handle:
        yield handle


@contextmanager
def replacing_path(path: str | os.PathLike) -> Iterator[Path]:
    """Like `replacing`, for writers that take a file name (openpyxl): the temporary path."""
    path = Path(path)
    temporary = temporary_beside(path)
    try:
        yield temporary
        put_in_place(temporary, path)
    except OSError as exc:
        remove(temporary)
        raise failed(path, exc) from None
    except BaseException:
        remove(temporary)
        raise


def temporary_beside(path: Path) -> Path:
    """A new empty file in `path`'s folder (created exclusively: no link is followed)."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise failed(path, exc) from None
    return Path(name)


def put_in_place(temporary: Path, path: Path) -> None:
    os.chmod(temporary, _mode_for(path))
    os.replace(temporary, path)


def remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _mode_for(path: Path) -> int:
    """The mode of the file replaced, or what the umask gives a new file."""
    try:
        st = os.lstat(path)
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode)
    except OSError:
        pass
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


class FileReporter:
    """A reporter whose output is files under -o, written whole when the run ends (CSV, XLSX,
    HTML): it keeps the records and hands them to its writer at finish()."""

    writer: Callable[[Sequence[Any], Path], object]   # (records, target): set by each format

    def __init__(self, target: Path, **_: object) -> None:
        self.target = Path(target)
        self.records: list[Any] = []

    def start(self) -> None:
        self.records = []

    def add(self, record: Any) -> None:
        self.records.append(record)

    def finish(self) -> None:
        self.writer(self.records, self.target)
