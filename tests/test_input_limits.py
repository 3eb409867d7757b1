"""Hostile and broken inputs (issue 11, items 4-7 and 13): every case ends in a report or in
one sentence with exit status 2, never a hang, a traceback or exit 3. The cases are built
here, in a temporary folder: special files, a zip bomb, nested markup, damaged PDFs."""
from __future__ import annotations

import json
import os
import socket
import sqlite3
from pathlib import Path

import pytest

from checker import batch, cli, exit_codes
from checker.batch import content_hash
from checker.settings import Limits

from .conftest import SEED


def run(argv, capsys):
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def special_files(tmp_path):
    """A character device, a FIFO and a socket, each with the kind its sentence names."""
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    sock_path = tmp_path / "report.sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    yield {Path("/dev/zero"): "字符设备", fifo: "命名管道", sock_path: "套接字"}
    sock.close()


# --- item 5: only regular files are read ------------------------------------------------

def test_a_special_file_alone_is_one_sentence(special_files, capsys):
    for path, kind in special_files.items():
        status, out, err = run(["check", path], capsys)
        assert status == exit_codes.BAD_INPUT
        assert err == f"{path}：不是普通文件（{kind}），未读取。\n" and out == ""


def test_a_batch_with_special_files_finishes(special_files, tmp_path, capsys):
    db = tmp_path / "season.sqlite"
    named = [*special_files, SEED]
    status, out, _ = run(["check", *named, "--format", "json", "--db", db], capsys)
    records = {r["file"]: r for r in map(json.loads, out.splitlines())}
    assert list(records) == [str(p) for p in named]
    for path, kind in special_files.items():
        assert records[str(path)]["status"] == "unreadable"
        assert records[str(path)]["error"] == f"{path}：不是普通文件（{kind}），未读取。"
    assert records[str(SEED)]["status"] == "ok"
    assert status == exit_codes.FINDINGS      # some files could not be checked
    with sqlite3.connect(db) as connection:   # what has no content hash is reported, not stored
        assert connection.execute("SELECT COUNT(*) FROM files").fetchone()[0] == 1


def test_hashing_reads_only_regular_files_within_the_limit(special_files, tmp_path, monkeypatch):
    for path in special_files:
        assert content_hash(path) is None
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 100)
    assert content_hash(big) is not None
    monkeypatch.setattr(batch, "DEFAULT_LIMITS", Limits(max_bytes=99))
    assert content_hash(big) is None           # over the size limit: not read at all
