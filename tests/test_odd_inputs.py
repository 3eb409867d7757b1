"""Issue 11, items 8-12: odd names and odd files get one sentence, and the run goes on.
A name with bytes that are not UTF-8 is kept and shown as \\xNN; a path that exists is a
file whatever its characters; a file without read permission, a web address, `-`, a ZIP
and an OFD file say what to do; govcheck's own pages are skipped."""
from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from checker import cli, exit_codes
from checker.batch import expand_paths
from checker.names import shown_name

from .conftest import PINGTAN, SEED
from .permissions import govcheck, require_binding_permissions

BODY = "濮阳县庆祖镇人民政府"


def run(argv, capsys):
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def odd_name(folder: Path) -> tuple[Path, str]:
    """The seed under a name holding the bytes b1 ff (not UTF-8), and that name as shown."""
    path = Path(os.fsdecode(bytes(folder) + b"/qingzu\xb1\xff.txt"))
    shutil.copy(SEED, path)
    return path, f"{folder}/qingzu\\xb1\\xff.txt"


# -- 8. names that are not UTF-8 ---------------------------------------------------------------
def test_shown_name_keeps_the_bytes_as_escapes():
    assert shown_name(os.fsdecode(b"/a/\xe4\xb8\xad\xb1.txt")) == "/a/中\\xb1.txt"
    assert shown_name(b"/a/\xff") == "/a/\\xff"
    assert shown_name("/a/中.txt") == "/a/中.txt"


def test_a_name_that_is_not_utf8_is_stored_and_rerun(tmp_path, capsys):
    season = tmp_path / "s"
    season.mkdir()
    _, shown = odd_name(season)
    shutil.copy(PINGTAN, season / "pingtan.html")
    db = tmp_path / "season.sqlite"
    status, out, err = run(["check", season, "--db", db, "--width", "200"], capsys)
    assert (status, err) == (exit_codes.OK, "")
    assert shown in out
    paths = [row[0] for row in sqlite3.connect(db).execute("SELECT path FROM files ORDER BY path")]
    assert paths == [f"{season}/pingtan.html", shown]
    status, out, err = run(["check", season, "--db", db, "--width", "200"], capsys)
    assert status == exit_codes.OK and "未变沿用 2 个" in out
    status, out, _ = run(["report", "--db", db, "--width", "200"], capsys)
    assert status == exit_codes.OK and shown in out


def test_a_name_that_is_not_utf8_in_csv_xlsx_and_html(tmp_path, capsys):
    season = tmp_path / "s"
    season.mkdir()
    _, shown = odd_name(season)
    assert run(["check", season, "--format", "csv", "-o", tmp_path / "csv"], capsys)[0] == exit_codes.OK
    with open(tmp_path / "csv" / "reports.csv", encoding="utf-8-sig", newline="") as handle:
        assert [row["文件"] for row in csv.DictReader(handle)] == [shown]
    assert run(["check", season, "--format", "xlsx", "-o", tmp_path / "s.xlsx"], capsys)[0] == exit_codes.OK
    openpyxl = pytest.importorskip("openpyxl")
    assert openpyxl.load_workbook(tmp_path / "s.xlsx")["报告"]["A2"].value == shown
    assert run(["check", season, "--format", "html", "-o", tmp_path / "pages"], capsys)[0] == exit_codes.OK
    assert shown in (tmp_path / "pages" / "index.html").read_text(encoding="utf-8")
    assert len(list((tmp_path / "pages").glob("*.html"))) == 2


def test_json_of_a_name_that_is_not_utf8_is_utf8(tmp_path):
    season = tmp_path / "s"
    season.mkdir()
    _, shown = odd_name(season)
    missing = Path(os.fsdecode(bytes(season) + b"/gone\xff.txt"))
    done = govcheck("check", season, missing, "--format", "json")
    assert done.returncode == exit_codes.FINDINGS and done.stderr == b""
    lines = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]   # strict UTF-8
    assert [r["file"] for r in lines] == [shown, f"{season}/gone\\xff.txt"]
    assert lines[1]["error"].startswith(f"{season}/gone\\xff.txt：文件不存在")
    done = govcheck("check", missing)
    assert done.returncode == exit_codes.BAD_INPUT
    assert done.stderr.decode("utf-8").startswith(f"{season}/gone\\xff.txt：文件不存在。")
    done = govcheck("check", missing, "--format", "json")
    assert done.returncode == exit_codes.BAD_INPUT
    assert json.loads(done.stdout.decode("utf-8"))["file"] == f"{season}/gone\\xff.txt"


# -- 9. a path that exists is a file ------------------------------------------------------------
def test_a_path_that_exists_is_a_file_whatever_its_characters(tmp_path, capsys):
    shutil.copy(SEED, tmp_path / "report[1].txt")
    shutil.copy(PINGTAN, tmp_path / "report1.txt")          # what [1] would match as a pattern
    shutil.copy(SEED, tmp_path / "what?.txt")
    shutil.copy(PINGTAN, tmp_path / "whatX.txt")             # what ? would match
    for name in ("report[1].txt", "what?.txt"):
        status, out, err = run(["check", tmp_path / name, "--format", "json"], capsys)
        assert (status, err) == (exit_codes.OK, "")
        record = json.loads(out)
        assert (record["file"], record["body"]) == (f"{tmp_path}/{name}", BODY)
    assert expand_paths([str(tmp_path / "report[1].txt"), str(tmp_path / "what?.txt")]) == [
        tmp_path / "report[1].txt", tmp_path / "what?.txt"]
    # a pattern that is no file's name is still a pattern
    assert expand_paths([str(tmp_path / "report*.txt")]) == [tmp_path / "report1.txt", tmp_path / "report[1].txt"]


# -- 10. no read permission ---------------------------------------------------------------------
@pytest.fixture
def locked(tmp_path) -> Path:
    path = tmp_path / "locked.txt"
    shutil.copy(SEED, path)
    path.chmod(0)
    require_binding_permissions(path)
    yield path
    path.chmod(0o644)


def test_a_file_without_read_permission_alone(locked):
    done = govcheck("check", locked)
    assert (done.returncode, done.stdout) == (exit_codes.BAD_INPUT, b"")
    assert done.stderr.decode() == f"{locked}：无法读取（没有权限）。\n"


def test_a_file_without_read_permission_in_a_batch(locked, tmp_path):
    done = govcheck("check", locked, "--db", tmp_path / "s.sqlite", "--width", "200")
    assert (done.returncode, done.stderr) == (exit_codes.BAD_INPUT, b"")   # nothing could be checked
    out = done.stdout.decode()
    assert f"{locked}：无法读取（没有权限）。" in out and "无法读取" in out and "进程意外终止" not in out
    shutil.copy(SEED, tmp_path / "ok.txt")
    done = govcheck("check", tmp_path, "--format", "json")
    assert done.returncode == exit_codes.FINDINGS and done.stderr == b""   # one file could not be checked
    records = {Path(r["file"]).name: r for r in map(json.loads, done.stdout.decode().splitlines())}
    assert records["locked.txt"]["status"] == "unreadable"
    assert records["locked.txt"]["error"] == f"{locked}：无法读取（没有权限）。"
    assert records["ok.txt"]["status"] == "ok"


# -- 11. our own outputs ------------------------------------------------------------------------
def test_pages_written_into_the_season_are_skipped_next_time(tmp_path, capsys):
    season = tmp_path / "s"
    season.mkdir()
    shutil.copy(SEED, season / "qingzu.txt")
    shutil.copy(PINGTAN, season / "pingtan.html")
    assert run(["check", season, "--format", "html", "-o", season / "pages"], capsys)[0] == exit_codes.OK
    pages = sorted((season / "pages").glob("*.html"))
    assert len(pages) == 3
    assert all('<meta name="generator" content="govcheck">' in p.read_text(encoding="utf-8")[:300] for p in pages)
    status, out, err = run(["check", season, "--format", "json"], capsys)
    assert status == exit_codes.OK
    assert err == f"已跳过 govcheck 自己生成的 3 个检查结果页面（在 {season}/pages 中）。\n"
    assert sorted(Path(json.loads(line)["file"]).name for line in out.splitlines()) == ["pingtan.html", "qingzu.txt"]
    status, out, err = run(["check", season / "pages" / "index.html"], capsys)
    assert (status, out) == (exit_codes.BAD_INPUT, "")
    assert err == f"{season}/pages/index.html：这是 govcheck 自己生成的检查结果页面，不是报告，已跳过。\n"


# -- 12. web addresses, standard input, archives, OFD -------------------------------------------
def test_a_web_address_says_download_it_first(tmp_path, capsys):
    url = "https://www.example.gov.cn/zwgk/2024/report.html?id=7"
    sentence = f"{url}：这是网址，govcheck 不联网，请先把报告下载到本地，再检查下载的文件。"
    status, out, err = run(["check", url], capsys)
    assert (status, out, err) == (exit_codes.BAD_INPUT, "", sentence + "\n")
    status, out, err = run(["check", url, SEED, "--format", "json"], capsys)
    assert status == exit_codes.FINDINGS
    assert json.loads(out.splitlines()[0])["error"] == sentence


def test_standard_input_is_read_when_given_dash(capsys, monkeypatch):
    done = govcheck("check", "-", "--format", "json", stdin=SEED.read_bytes())
    assert (done.returncode, done.stderr) == (exit_codes.OK, b"")
    record = json.loads(done.stdout)
    assert (record["file"], record["body"], record["summary"]["warning"]) == ("标准输入", BODY, 3)
    done = govcheck("check", "-", stdin=b"")
    assert done.returncode == exit_codes.BAD_INPUT
    assert done.stderr.decode().startswith("标准输入：文件是空的。")
    status, _, err = run(["check", "-", SEED], capsys)
    assert status == exit_codes.BAD_INPUT
    assert err == "标准输入（-）只能单独检查：不与其他文件、目录一起，也不用 --db 或 --format csv/xlsx/html。\n"


def test_a_zip_of_reports_and_an_ofd_file_say_what_to_do(tmp_path, capsys):
    with zipfile.ZipFile(tmp_path / "reports.zip", "w") as archive:
        archive.write(SEED, "qingzu.txt")
    with zipfile.ZipFile(tmp_path / "report.ofd", "w") as ofd:
        ofd.writestr("OFD.xml", '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>')
        ofd.writestr("Doc_0/Document.xml", "<ofd:Document/>")
    shutil.copy(tmp_path / "report.ofd", tmp_path / "download.bin")     # an OFD under another name
    (tmp_path / "reports.rar").write_bytes(b"Rar!\x1a\x07\x01\x00" + bytes(64))
    cases = {
        "reports.zip": "这是压缩包，请先解压，再检查其中的报告文件。",
        "reports.rar": "这是压缩包，请先解压，再检查其中的报告文件。",
        "report.ofd": "暂不支持 OFD 版式文件，请先用 OFD 阅读器把它导出为 PDF，再检查 PDF。",
        "download.bin": "暂不支持 OFD 版式文件，请先用 OFD 阅读器把它导出为 PDF，再检查 PDF。",
    }
    for name, sentence in cases.items():
        status, out, err = run(["check", tmp_path / name], capsys)
        assert (status, out, err) == (exit_codes.BAD_INPUT, "", f"{tmp_path}/{name}：{sentence}\n")
    # met in a folder walk, each says so too, and the run goes on
    status, out, _ = run(["check", tmp_path, "--format", "json"], capsys)
    records = {Path(r["file"]).name: r["error"] for r in map(json.loads, out.splitlines())}
    assert records == {"reports.zip": f"{tmp_path}/reports.zip：{cases['reports.zip']}",
                       "report.ofd": f"{tmp_path}/report.ofd：{cases['report.ofd']}"}
    assert status == exit_codes.BAD_INPUT                 # nothing there could be checked
    # a spreadsheet is a ZIP too, but no archive of reports
    openpyxl = pytest.importorskip("openpyxl")
    openpyxl.Workbook().save(tmp_path / "table.xlsx")
    status, _, err = run(["check", tmp_path / "table.xlsx"], capsys)
    assert status == exit_codes.BAD_INPUT and "这不是文本、网页、PDF 或 Word 文件" in err
