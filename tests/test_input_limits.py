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
from checker.commands import check as check_command
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


# --- item 4: one file has the limits a batch's files have -------------------------------

def test_one_file_is_cut_off_at_its_time_limit(monkeypatch, capsys):
    def hangs(*_, **__):
        import time
        time.sleep(600)
    monkeypatch.setattr(check_command, "check_file", hangs)   # the child is forked: it inherits this
    status, out, err = run(["check", SEED, "--timeout", "1"], capsys)
    assert status == exit_codes.BAD_INPUT and out == ""
    assert err.startswith(f"{SEED}：检查超过1秒，已中止。")


def test_one_file_past_its_memory_limit(monkeypatch, capsys):
    def hoards(*_, **__):
        return [bytearray(256 * 1024**2) for _ in range(16)]   # 4 GiB: over the 2 GiB limit
    monkeypatch.setattr(check_command, "check_file", hoards)
    status, out, err = run(["check", SEED, "--format", "json"], capsys)
    assert status == exit_codes.BAD_INPUT
    assert err.startswith(f"{SEED}：检查所需内存超出上限，已中止。")
    assert json.loads(out)["error"] == err.strip()


def test_one_file_whose_check_dies(monkeypatch, capsys):
    def dies(*_, **__):
        os.kill(os.getpid(), 9)
    monkeypatch.setattr(check_command, "check_file", dies)
    status, _, err = run(["check", SEED], capsys)
    assert status == exit_codes.BAD_INPUT and err.startswith(f"{SEED}：检查进程意外终止")


def test_a_pdf_content_bomb_is_cut_off_by_the_limits(tmp_path, capsys):
    bomb = tmp_path / "bomb.pdf"
    _corpus().pdf_content_bomb(bomb, 150 * 10 ** 6)     # 0.8 MB: 6 million text operators on one page
    status, out, err = run(["check", bomb], capsys)
    assert status == exit_codes.BAD_INPUT and out == "" and err.count("\n") == 1
    limit_sentences = ("检查进程意外终止", "检查所需内存超出上限", "检查超过60秒", "文字过多")
    assert err.startswith(f"{bomb}：") and any(words in err for words in limit_sentences)


def test_a_bug_in_the_child_is_an_internal_error_with_its_traceback(monkeypatch, capsys):
    def explode(*_, **__):
        raise ZeroDivisionError("in the child")
    monkeypatch.setattr(check_command, "check_file", explode)
    status, _, err = run(["check", SEED], capsys)
    assert status == exit_codes.INTERNAL and "ZeroDivisionError: in the child" in err and "Traceback" not in err
    with pytest.raises(ZeroDivisionError) as raised:
        cli.main(["check", str(SEED), "--debug"])
    assert "explode" in str(raised.value.__cause__)     # the child's own traceback


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(fields["Pid"]))
    return found


def test_ctrl_c_on_one_file_stops_quietly_and_leaves_no_child(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from .conftest import ROOT
    script = tmp_path / "hangs.py"
    script.write_text("import sys, time\nfrom checker import cli\n"
                      "cli.check_file = lambda *_, **__: time.sleep(600)\n"
                      "sys.exit(cli.main(['check', sys.argv[1]]))\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, str(script), str(SEED)], cwd=ROOT, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONPATH": str(ROOT)}, text=True, start_new_session=True)
    for _ in range(1200):                   # until the checking child is there
        if _children(process.pid):
            break
        time.sleep(0.05)
    assert _children(process.pid), "no checking child"
    os.killpg(process.pid, signal.SIGINT)   # as a terminal's Ctrl-C: the parent and the child
    status = process.wait(timeout=60)
    assert status == 130 and process.stderr.read() == "已中断。\n"
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)           # nobody of the group is left


def test_one_file_is_drawn_as_before(capsys):
    import io

    from checker.check import check_file, record_of
    from checker.reporters.terminal import TerminalReporter
    stream = io.StringIO()
    reporter = TerminalReporter(stream, width=120, brief=False)
    reporter.start()
    reporter.add(record_of(check_file(SEED)))
    reporter.finish()
    status, out, _ = run(["check", SEED, "--width", "120"], capsys)
    assert out == stream.getvalue() and status == exit_codes.OK


def test_timeout_must_be_positive(capsys):
    status, _, err = run(["check", SEED, "--timeout", "0"], capsys)
    assert status == exit_codes.BAD_INPUT and "时间上限应为正数" in err


# --- item 13 (and 4): a Word file that unpacks past the limits is too big, retried ------------

def _corpus():
    """tools/malformed_corpus.py, whose makers build the cases."""
    import importlib.util

    from .conftest import ROOT
    spec = importlib.util.spec_from_file_location("malformed_corpus", ROOT / "tools" / "malformed_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_zip_bomb_is_too_big_and_retried(tmp_path, capsys):
    bomb = tmp_path / "bomb.docx"
    _corpus().docx_bomb(bomb, 201 * 1024 ** 2, "word/media/image1.png")   # 200 KB on disk
    sentence = (f"{bomb}：Word 文件解压后过大（共201 MB，其中 word/media/image1.png 201 MB，上限200 MB），未检查。")
    status, out, err = run(["check", bomb], capsys)
    assert status == exit_codes.BAD_INPUT and err == sentence + "\n"
    db = tmp_path / "season.sqlite"
    for _ in range(2):   # too big is what a rerun tries again (unreadable would be kept)
        status, out, _ = run(["check", bomb, SEED, "--db", db, "--format", "json"], capsys)
        records = {r["file"]: r for r in map(json.loads, out.splitlines())}
        assert records[str(bomb)]["status"] == "too_big" and records[str(bomb)]["error"] == sentence
        assert str(SEED) not in records or records[str(SEED)]["status"] == "ok"
    assert str(SEED) not in records                   # the seed was reused from the store


def test_xml_that_unpacks_past_its_limit_is_too_big(tmp_path, capsys):
    bomb = tmp_path / "paragraphs.docx"
    _corpus().docx_paragraphs(bomb, 51 * 1024 ** 2)
    status, _, err = run(["check", bomb], capsys)
    assert status == exit_codes.BAD_INPUT
    assert err == f"{bomb}：Word 文件解压后过大（XML 部件共51 MB，其中 word/document.xml 51 MB，上限50 MB），未检查。\n"


def test_running_out_of_memory_in_a_word_file_is_too_big_not_damaged(monkeypatch):
    import docx

    from .conftest import SAMPLES

    def parse(*_):
        raise MemoryError
    monkeypatch.setattr(docx, "Document", parse)
    record = batch.check_one(SAMPLES / "docx" / "county_2024_clean.docx")
    assert record.status == "too_big" and "检查所需内存超出上限" in record.error


# --- item 7: more text than a report holds is bounded ---------------------------------------

def test_a_text_of_one_huge_line_is_refused_at_once(tmp_path, capsys):
    line = tmp_path / "crawl.txt"
    _corpus().one_line_text(line, 3_100_000)          # about 1 050 000 characters, no line break
    chars = len(line.read_text(encoding="utf-8"))
    status, _, err = run(["check", line], capsys)
    assert status == exit_codes.BAD_INPUT
    assert err == f"{line}：文字过多（{chars}字，上限1000000字），远超一份年度报告的篇幅，未检查。\n"


def test_a_word_file_of_too_many_paragraphs_is_refused(tmp_path, capsys):
    many = tmp_path / "many.docx"
    _corpus().docx_paragraphs(many, 21_000 * 40)      # 21 000 one-word paragraphs
    status, _, err = run(["check", many], capsys)
    assert status == exit_codes.BAD_INPUT
    assert "段，上限20000段），远超一份年度报告的篇幅，未检查。" in err and err.count("\n") == 1


# --- item 6: deep nesting is read, without recursion -----------------------------------------

def _report_part(record: dict) -> dict:
    return {k: record[k] for k in ("title", "body", "year", "tables", "summary")} | {
        "findings": sorted((f["rule"], f["message"]) for f in record["findings"])}


@pytest.mark.parametrize("tag, depth", [("span", 100_000), ("b", 20_000), ("table", 20_000), ("table", 5000)])
def test_a_report_inside_deeply_nested_markup_is_read(tag, depth, tmp_path, capsys):
    page, plain_page = tmp_path / f"nested_{tag}.html", tmp_path / "plain.html"
    page.write_text(_corpus().nested_html(tag, depth), encoding="utf-8")
    plain_page.write_text(_corpus().nested_html(tag, 0), encoding="utf-8")   # the same body, not nested
    status, out, err = run(["check", page, "--format", "json"], capsys)
    _, plain, _ = run(["check", plain_page, "--format", "json"], capsys)
    assert json.loads(plain)["tables"]["t3"]                                  # a real report, read
    assert err == "" and status == exit_codes.OK
    assert _report_part(json.loads(out)) == _report_part(json.loads(plain))


def test_a_word_file_nested_past_its_parser_is_one_sentence(tmp_path, capsys):
    deep = tmp_path / "deep.docx"
    _corpus().nested_docx(deep, 300)
    status, _, err = run(["check", deep], capsys)
    assert status == exit_codes.BAD_INPUT and err == f"{deep}：Word 文件的表格或段落嵌套过深（XML 超过256层），无法读取。\n"


# --- item 7: damaged PDFs are read where pdfium reads them, else one sentence ----------------

@pytest.mark.parametrize("sample", ["huaian_2024.pdf", "hongze_2023.pdf"])
def test_a_pdf_whose_offsets_are_shifted_is_read_as_the_original(sample, tmp_path, capsys):
    from .conftest import SAMPLES
    data = (SAMPLES / sample).read_bytes()
    line = data.index(b"\n", 10) + 1
    shifted = tmp_path / sample          # 100 bytes inserted after the header: every offset is wrong
    shifted.write_bytes(data[:line] + b"%" + b"x" * 99 + b"\n" + data[line:])
    status, out, err = run(["check", shifted, "--format", "json"], capsys)   # pdfminer alone: exit 3
    original_status, original, _ = run(["check", SAMPLES / sample, "--format", "json"], capsys)
    assert err == "" and status == original_status
    assert _report_part(json.loads(out)) == _report_part(json.loads(original))


def test_random_damages_end_in_a_report_or_one_sentence(tmp_path):
    from checker.batch import BatchLimits, run_batch
    paths = []
    for name, data in _corpus().damaged_pdfs(per_kind=2):   # flips, deletions, duplications, truncations
        paths.append(tmp_path / name)
        paths[-1].write_bytes(data)
    records = list(run_batch(paths, BatchLimits(jobs=2)))
    assert len(records) == len(paths) == 16
    for record in records:
        assert record.status in ("ok", "unreadable"), record.error
        if record.status == "unreadable":
            assert record.error.startswith(record.file + "：") and "内部错误" not in record.error
    assert sum(r.status == "ok" for r in records) >= 8


def test_a_pdf_whose_table_pages_no_reader_parses_is_one_sentence(monkeypatch, capsys):
    from checker.extract import pdf

    from .conftest import SAMPLES

    def fails(*_):
        raise KeyError("Invalid dictionary construct")
    monkeypatch.setattr(pdf, "_pdfium_tables", fails)    # PDFium's objects, pdfminer, the repaired copy: none reads
    monkeypatch.setattr(pdf, "_plumber_tables", fails)
    path = SAMPLES / "huaian_2024.pdf"
    status, _, err = run(["check", path], capsys)
    assert status == exit_codes.BAD_INPUT and err == f"{path}：PDF 文件已损坏，统计表所在的页无法读取，未检查。\n"
