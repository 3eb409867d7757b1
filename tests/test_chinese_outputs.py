"""Everything a person reads of a Chinese run is Chinese: the terminal (one report drawn in
full, and a batch), `report --db`, the CSV, the XLSX and the HTML show no English word and
no internal id (table, row, column, status, category or severity ids). JSON keeps its
English keys and ids: it is the machine contract, and is not scanned here.

What may be ASCII, and why (kept short):
- rule codes (ARI001): the name a finding is looked up by (`govcheck rules ARI001`);
- file names and paths: the user's own names;
- the report's own words (its title, prose and cells quoted as evidence, e.g. www.gov.cn);
- PDF, HTML, Word, Markdown: the names of file formats as people say them;
- govcheck: the program's name, in a sentence that says what to run;
- a finding's fingerprint in the sheets (16 hex digits): the key of a baseline entry.
"""
from __future__ import annotations

import csv
import os
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checker import batch, cli
from checker.document import Table
from checker.engine import load_rules
from checker.extract import document_from_bytes
from checker.findings import Category, Severity
from checker.templates import TABLE_IDS, load_templates

from .conftest import SAMPLES, SEED

CHECKED = [SEED, SAMPLES / "html" / "county_2024_errors.html", SAMPLES / "shanghai_bgt_2019.html",
           SAMPLES / "html" / "city_dept_2020_template2019.html", SAMPLES / "pairs" / "qingzu_2023.txt"]
ALLOWED_WORDS = {"PDF", "HTML", "Word", "Markdown", "govcheck"}
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*[A-Za-z0-9]|[A-Za-z]")


def internal_ids() -> set[str]:
    ids = set(TABLE_IDS) | {s.value for s in Severity} | {c.value for c in Category}
    ids |= {"ok", "unreadable", "timeout", "too_big", "crashed", "internal_error", "pre2019"}
    for template in load_templates().values():
        for table in template.tables.values():
            ids |= {r.id for r in table.rows} | {c.id for c in table.columns}
            ids |= {r.id.split(".")[0] for r in table.rows}
    return ids


def report_words(paths: list[Path]) -> set[str]:
    """ASCII words the reports themselves print (quoted back as evidence, titles, bodies)."""
    words: set[str] = set()
    for path in paths:
        document = document_from_bytes(path.read_bytes(), path.name)
        texts = [b.text for b in document.text_blocks()]
        texts += [c.text for b in document.blocks if isinstance(b, Table) for row in b.rows for c in row]
        for text in texts:
            words.update(_WORD.findall(text))
    return words


class _Visible(HTMLParser):
    """The text a reader sees of a page: its text (not script or style) and its tooltips."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        self.texts += [v for k, v in attrs if k in ("title", "alt") and v]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.texts.append(data)


def html_texts(folder: Path) -> list[str]:
    out = []
    for page in sorted(folder.glob("*.html")):
        parser = _Visible()
        parser.feed(page.read_text(encoding="utf-8"))
        out += parser.texts
    return out


def english_in(texts: list[str], names: list[str], allowed: set[str]) -> list[tuple[str, str]]:
    """(word, the text it stands in) for every ASCII word not allowed."""
    found = []
    codes = {r.code for r in load_rules()}
    for text in texts:
        text = str(text)
        for name in sorted(names, key=len, reverse=True):   # the user's own file names
            text = text.replace(name, " ")
        text = re.sub(r"\b[0-9a-f]{16}\b", " ", text)        # fingerprints
        for match in _WORD.finditer(text):
            if match.group() in allowed or match.group() in codes:
                continue
            found.append((match.group(), text[max(0, match.start() - 30):match.end() + 30].strip()))
    return found


@pytest.fixture()
def season(tmp_path, monkeypatch):
    folder = tmp_path / "报告"
    folder.mkdir()
    files = [folder / p.name for p in CHECKED]
    for source, copy in zip(CHECKED, files):
        shutil.copyfile(source, copy)
    os.mkfifo(folder / "管道.pdf")                          # unreadable: not a regular file
    (folder / "很慢.txt").write_bytes(SEED.read_bytes() + b"\n")  # cut off at the time limit (not a copy)
    real_check = batch.check_bytes

    def slow(data, name, **kwargs):
        if "很慢" in name:
            time.sleep(30)
        return real_check(data, name, **kwargs)

    monkeypatch.setattr(batch, "check_bytes", slow)   # workers are forked: they inherit it
    return folder


def test_a_chinese_run_shows_no_english_word_or_internal_id(season, tmp_path, capsys):
    paths = sorted(str(p) for p in season.iterdir())
    names = [*paths, *(Path(p).name for p in paths), str(season), str(tmp_path)]
    db = tmp_path / "结果.db"
    texts: dict[str, list[str]] = {}

    cli.main(["check", *paths, "--db", str(db), "--timeout", "3", "--width", "400", "--jobs", "2"])
    out = capsys.readouterr()
    texts["batch terminal"] = [out.out, out.err]
    cli.main(["check", str(season / "county_2024_errors.html"), "--width", "200"])
    cli.main(["check", str(season / "shanghai_bgt_2019.html"), "--width", "200"])
    out = capsys.readouterr()
    texts["one report on the terminal"] = [out.out, out.err]
    cli.main(["report", "--db", str(db), "--width", "200"])
    out = capsys.readouterr()
    texts["report --db"] = [out.out, out.err]
    for fmt, target in (("csv", tmp_path / "表格"), ("xlsx", tmp_path / "结果.xlsx"), ("html", tmp_path / "网页")):
        cli.main(["report", "--db", str(db), "--format", fmt, "-o", str(target)])
        out = capsys.readouterr()
        texts[f"report --format {fmt} (terminal)"] = [out.out, out.err]
    texts["csv"] = [cell for sheet in sorted((tmp_path / "表格").glob("*.csv"))
                    for row in csv.reader(sheet.open(encoding="utf-8-sig")) for cell in row]
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(tmp_path / "结果.xlsx")
    texts["xlsx"] = [*book.sheetnames, *(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row
                                         if c.value is not None)]
    texts["html"] = html_texts(tmp_path / "网页")

    assert all(texts.values())
    names += [str(tmp_path / n) for n in ("表格", "结果.xlsx", "网页")]
    batch_text = "".join(texts["batch terminal"])
    assert "与上年报告对照 1 个" in batch_text and "超时" in batch_text and "无法读取" in batch_text and "管道.pdf：不是普通文件" in batch_text
    allowed = ALLOWED_WORDS | report_words(CHECKED)
    ids = internal_ids()
    problems = {where: english_in(found, names, allowed) for where, found in texts.items()}
    words = {where: sorted({w for w, _ in found}) for where, found in problems.items() if found}
    contexts = "\n".join(f"{where}: {w!r} in {context!r}" for where, found in problems.items()
                         for w, context in dict(found).items())
    assert words == {}, contexts
    # and no internal id, even one a report prints itself (a report's words are allowed above)
    shown = {where: {w for t in found for w in _WORD.findall(str(t)) if w in ids - ALLOWED_WORDS}
             for where, found in texts.items()}
    assert {where: found for where, found in shown.items() if found} == {}
