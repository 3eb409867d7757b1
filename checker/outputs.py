"""The files govcheck writes for people (`-o`): checked before any report is, never
written through a link, never over a folder that is not ours without `--force`, and each
written whole or not at all (a temporary name in the same folder, then a rename), so a
full disk or a Ctrl-C leaves the file that was there before.
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO

from .extract.refusals import OWN_PAGE_MARK
from .names import shown_name
from .reporters.files import failed, put_in_place, reason, remove, temporary_beside
from .words import Words

FOLDER_FORMATS = ("csv", "html")
CSV_FILES = ("reports.csv", "findings.csv")
PROBE_BYTES = 16 * 1024          # a folder that cannot take this cannot take the outputs

IS_FOLDER = Words("{path}：这是一个目录，--format {fmt} 写入一个文件。", "{path}: this is a folder; --format {fmt} writes one file.")
IS_FILE = Words("{path}：这是一个文件，--format {fmt} 写入一个目录。", "{path}: this is a file; --format {fmt} writes a folder.")
UNREADABLE = Words("{path}：无法读取输出目录（{reason}）。", "{path}: cannot read the output folder ({reason}).")
REPLACES = Words("（会替换其中的 {names}）", " (it would replace {names})")
NOT_OURS = Words("{path}：目录不是空的，也不是 govcheck 写过的输出目录{replaced}；确认要写入请加 --force，或换一个空目录。",
                 "{path}: the folder is not empty and govcheck did not write it{replaced}; add --force to write there anyway, "
                 "or choose an empty folder.")
LINK = Words("{path}：这是一个符号链接，govcheck 不会通过链接把结果写到输出位置之外；请删除它或换一个输出位置。",
             "{path}: this is a symbolic link; govcheck never writes its results through a link to somewhere else; "
             "remove it or choose another place.")
UNWRITABLE = Words("{path}：无法写入（{reason}），请换一个输出位置。", "{path}: cannot be written ({reason}); choose another place.")


# -- before the run ----------------------------------------------------------------------------
def destination_problem(fmt: str, output: str | os.PathLike, force: bool = False) -> str | None:
    """Why `-o output` cannot take this format's output, in one sentence, or None. Called
    before anything is checked, so a place that cannot be written costs nothing."""
    out = Path(output)
    if fmt in FOLDER_FORMATS:
        return _folder_problem(fmt, out, force)
    if out.is_symlink():
        return _link_sentence(out)
    if out.is_dir():
        return IS_FOLDER(path=shown_name(out), fmt=fmt)
    return _probe(out.parent)


def _folder_problem(fmt: str, out: Path, force: bool) -> str | None:
    if out.is_symlink() and not out.is_dir():
        return _link_sentence(out)
    if not out.exists():
        return _probe(out.parent)          # the folder is made when the outputs are written
    if not out.is_dir():
        return IS_FILE(path=shown_name(out), fmt=fmt)
    try:
        entries = [e for e in os.scandir(out) if not e.name.startswith(".")]
    except OSError as exc:
        return UNREADABLE(path=shown_name(out), reason=reason(exc))
    for entry in entries:
        if entry.is_symlink() and _could_write(fmt, entry.name):
            return _link_sentence(Path(entry.path))
    if entries and not force:
        replaced = [e.name for e in entries if _could_write(fmt, e.name) and _known(fmt, e.name)
                    and not _ours(Path(e.path))]
        if replaced or not any(_ours(Path(e.path)) for e in entries if _known(fmt, e.name)):
            what = REPLACES(names="、".join(sorted(replaced))) if replaced else ""
            return NOT_OURS(path=shown_name(out), replaced=what)
    return _probe(out)


def _could_write(fmt: str, name: str) -> bool:
    """Whether a run in this format may write a file of this name (html: any page name)."""
    return name in CSV_FILES if fmt == "csv" else name.lower().endswith(".html")


def _known(fmt: str, name: str) -> bool:
    """The files whose names are known before the run (the pages' names depend on the records)."""
    return name in CSV_FILES if fmt == "csv" else name == "index.html"


def _ours(path: Path) -> bool:
    """A file govcheck wrote: a page with its generator mark, a CSV with its header."""
    from .reporters.sheets import FINDING_HEADER, REPORT_HEADER

    heads = {".html": (OWN_PAGE_MARK,), ".csv": tuple("\ufeff".encode() + ",".join(h).encode() for h in
                                                      (REPORT_HEADER, FINDING_HEADER))}
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            head = handle.read(1024)
    except OSError:
        return False
    marks = heads.get(path.suffix.lower(), ())
    return any(head.startswith(m) if path.suffix.lower() == ".csv" else m in head for m in marks)


def _link_sentence(path: Path) -> str:
    return LINK(path=shown_name(path))


def _probe(folder: Path) -> str | None:
    try:
        fd, name = tempfile.mkstemp(prefix=".govcheck-", suffix=".probe", dir=folder)
        try:
            with open(fd, "wb") as handle:
                handle.write(bytes(PROBE_BYTES))
                handle.flush()
                os.fsync(handle.fileno())
        finally:
            os.unlink(name)
    except OSError as exc:
        return UNWRITABLE(path=shown_name(folder), reason=reason(exc))
    return None


# -- writing ---------------------------------------------------------------------------------
class ReplacingText:
    """A text stream (-o FILE for the terminal report or JSON) written under a temporary
    name: `close()` puts it in place, unless an exception is on its way out (a bug, Ctrl-C,
    a failed write), when the file that was there is kept. A failed write is WriteFailed."""

    def __init__(self, path: str | os.PathLike, encoding: str = "utf-8") -> None:
        self.path = Path(path)
        self._temporary = temporary_beside(self.path)
        self._handle: IO[str] | None = open(self._temporary, "w", encoding=encoding)  # noqa: SIM115  (closed by close())

    def __getattr__(self, name: str):          # isatty, encoding, fileno … for rich
        return getattr(self._handle, name)

    def write(self, text: str) -> int:
        return self._guarded(lambda handle: handle.write(text))

    def flush(self) -> None:
        self._guarded(lambda handle: handle.flush())

    def close(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        if sys.exc_info()[1] is not None:      # closed on the way out of an error: keep the old file
            try:
                handle.close()
            except OSError:
                pass
            remove(self._temporary)
            return
        try:
            handle.close()
            put_in_place(self._temporary, self.path)
        except OSError as exc:
            remove(self._temporary)
            raise failed(self.path, exc) from None

    def _guarded(self, action):
        try:
            return action(self._handle)
        except OSError as exc:
            raise failed(self.path, exc) from None
