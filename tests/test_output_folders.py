"""Issue 11, items 3 and 16: what -o writes. Never through a link, never over a folder that
is not ours without --force (saying what would be replaced), the place checked before any
report is, and each file written whole or not at all."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import cli, exit_codes
from checker.outputs import ReplacingText
from checker.reporters.files import replacing

from .conftest import HTML_SAMPLES, PINGTAN, SEED
from .permissions import govcheck, require_binding_permissions

LINK = "：这是一个符号链接，govcheck 不会通过链接把结果写到输出位置之外；请删除它或换一个输出位置。\n"


def run(argv, capsys):
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def victim(tmp_path) -> Path:
    path = tmp_path / "victim.txt"
    path.write_text("not govcheck's\n", encoding="utf-8")
    return path


# -- 3. links and folders that are not ours -----------------------------------------------------
@pytest.mark.parametrize("fmt,name", [("csv", "findings.csv"), ("csv", "reports.csv"), ("html", "index.html"),
                                      ("html", "qingzu_2024-7cfd707e.html")])
def test_a_link_in_the_output_folder_is_refused(tmp_path, capsys, victim, fmt, name):
    out = tmp_path / "out"
    out.mkdir()
    (out / name).symlink_to(Path("..") / victim.name)
    for force in ([], ["--force"]):                   # --force never makes a link writable
        status, stdout, err = run(["check", SEED, "--format", fmt, "-o", out, *force], capsys)
        assert (status, stdout, err) == (exit_codes.BAD_INPUT, "", f"{out}/{name}{LINK}")
        assert victim.read_text(encoding="utf-8") == "not govcheck's\n"
        assert sorted(p.name for p in out.iterdir()) == [name]


@pytest.mark.parametrize("fmt", ["json", "rich", "xlsx"])
def test_an_output_file_that_is_a_link_is_refused(tmp_path, capsys, victim, fmt):
    link = tmp_path / f"out.{fmt}"
    link.symlink_to(victim.name)
    status, stdout, err = run(["check", SEED, "--format", fmt, "-o", link], capsys)
    assert (status, stdout, err) == (exit_codes.BAD_INPUT, "", f"{link}{LINK}")
    assert victim.read_text(encoding="utf-8") == "not govcheck's\n" and link.is_symlink()


def test_a_folder_that_is_not_ours_is_refused_unless_forced(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("<p>the office's own page</p>", encoding="utf-8")
    (out / "reports.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    for fmt, replaced in (("html", "index.html"), ("csv", "reports.csv")):
        status, stdout, err = run(["check", SEED, "--format", fmt, "-o", out], capsys)
        assert (status, stdout) == (exit_codes.BAD_INPUT, "")
        assert err == (f"{out}：目录不是空的，也不是 govcheck 写过的输出目录（会替换其中的 {replaced}）；"
                       "确认要写入请加 --force，或换一个空目录。\n")
        assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "readme.txt").write_text("x", encoding="utf-8")    # nothing would be replaced: still not ours
    status, _, err = run(["check", SEED, "--format", "csv", "-o", notes], capsys)
    assert status == exit_codes.BAD_INPUT
    assert err == f"{notes}：目录不是空的，也不是 govcheck 写过的输出目录；确认要写入请加 --force，或换一个空目录。\n"
    status, _, err = run(["check", SEED, "--format", "html", "-o", out, "--force"], capsys)
    assert status == exit_codes.OK and err.startswith(f"已写入 {out}")
    assert '<meta name="generator" content="govcheck">' in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "reports.csv").read_bytes() == before["reports.csv"]    # html does not touch it


def test_our_own_folder_is_rewritten_and_other_files_left(tmp_path, capsys):
    for fmt in ("csv", "html"):
        out = tmp_path / fmt
        assert run(["check", SEED, "--format", fmt, "-o", out], capsys)[0] == exit_codes.OK
        (out / "notes.txt").write_text("kept", encoding="utf-8")
        status, _, err = run(["check", SEED, PINGTAN, "--format", fmt, "-o", out], capsys)
        assert status == exit_codes.OK and err.startswith(f"已写入 {out}（2 个文件）")
        assert (out / "notes.txt").read_text(encoding="utf-8") == "kept"
        assert not [p for p in out.iterdir() if p.name.startswith(".")]          # no temporary left
    status, _, err = run(["report", "--db", tmp_path / "none.sqlite", "--format", "csv", "-o", tmp_path / "csv"],
                         capsys)
    assert status == exit_codes.BAD_INPUT                     # (no database) and the folder untouched
    assert (tmp_path / "csv" / "notes.txt").exists()


def test_report_db_refuses_a_link_too(tmp_path, capsys, victim):
    db = tmp_path / "s.sqlite"
    assert run(["check", SEED, "--db", db], capsys)[0] == exit_codes.OK
    out = tmp_path / "sheets"
    out.mkdir()
    (out / "findings.csv").symlink_to(victim)
    status, stdout, err = run(["report", "--db", db, "--format", "csv", "-o", out], capsys)
    assert (status, stdout, err) == (exit_codes.BAD_INPUT, "", f"{out}/findings.csv{LINK}")
    assert victim.read_text(encoding="utf-8") == "not govcheck's\n"


# -- 16. a place that cannot be written, a write that fails -------------------------------------
@pytest.fixture
def read_only(tmp_path) -> Path:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    require_binding_permissions(folder, write=True)
    yield folder
    folder.chmod(0o755)


@pytest.mark.parametrize("fmt,name", [("csv", "sheets"), ("html", "pages"), ("xlsx", "s.xlsx"), ("json", "s.json")])
def test_a_folder_that_cannot_be_written_is_found_before_checking(tmp_path, read_only, fmt, name):
    db = tmp_path / "s.sqlite"
    done = govcheck("check", SEED, PINGTAN, "--db", db, "--format", fmt, "-o", read_only / name)
    assert (done.returncode, done.stdout) == (exit_codes.BAD_INPUT, b"")
    assert done.stderr.decode() == f"{read_only}：无法写入（没有权限），请换一个输出位置。\n"
    assert not db.exists()                                  # nothing was checked, nothing stored
    assert list(read_only.iterdir()) == []


def test_a_full_disk_is_found_before_checking(tmp_path):
    done = govcheck("check", SEED, "--format", "csv", "-o", tmp_path / "sheets", file_size_limit=4096)
    assert (done.returncode, done.stdout) == (exit_codes.BAD_INPUT, b"")
    assert done.stderr.decode() == f"{tmp_path}：无法写入（文件超出大小上限），请换一个输出位置。\n"
    assert not (tmp_path / "sheets").exists()
    assert [p.name for p in tmp_path.iterdir()] == []      # the probe left nothing


def test_a_write_that_fails_part_way_leaves_the_old_file(tmp_path, capsys):
    season = [SEED, PINGTAN, *HTML_SAMPLES]
    target = tmp_path / "season.json"
    assert run(["check", SEED, "--format", "json", "-o", target], capsys)[0] == exit_codes.OK
    old = target.read_bytes()
    done = govcheck("check", *season, "--format", "json", "-o", target, file_size_limit=24 * 1024)
    assert done.returncode == exit_codes.BAD_INPUT
    assert done.stderr.decode().endswith(f"{target}：写入失败（文件超出大小上限），原有文件未改动。\n")
    assert target.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["season.json"]       # no temporary left
    pages = tmp_path / "pages"
    assert run(["check", SEED, "--format", "html", "-o", pages], capsys)[0] == exit_codes.OK
    index = (pages / "index.html").read_bytes()
    done = govcheck("check", *season, "--format", "html", "-o", pages, file_size_limit=24 * 1024)
    assert done.returncode == exit_codes.BAD_INPUT
    assert "写入失败（文件超出大小上限），原有文件未改动。" in done.stderr.decode()
    assert (pages / "index.html").read_bytes() == index                 # the index comes last
    assert not [p for p in pages.iterdir() if p.name.startswith(".")]


def test_replacing_is_whole_or_nothing(tmp_path):
    target = tmp_path / "a.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with replacing(target, "w", encoding="utf-8") as out:
            out.write("half")
            raise RuntimeError("a bug half-way")
    assert target.read_text(encoding="utf-8") == "old" and [p.name for p in tmp_path.iterdir()] == ["a.csv"]
    with replacing(target, "w", encoding="utf-8") as out:
        out.write("new")
    assert target.read_text(encoding="utf-8") == "new" and [p.name for p in tmp_path.iterdir()] == ["a.csv"]
    stream = ReplacingText(tmp_path / "b.json")
    try:
        stream.write(json.dumps({"half": True}))
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        stream.close()                                   # closed on the way out: nothing put in place
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]
