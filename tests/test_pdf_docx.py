"""PDF and Word reports give the same result as the HTML they were made from,
cell for cell and finding for finding, with pages in PDF locations."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker import check_file, cli, exit_codes
from checker.chars import compact
from checker.document import Table
from checker.extract import read_document

from .conftest import ROOT, SAMPLES, finding_tuples, load_json

GENERATED = sorted((SAMPLES / "pdf").glob("*.pdf")) + sorted((SAMPLES / "docx").glob("*.docx"))
HUAIAN = SAMPLES / "huaian_2024.pdf"


def _source(path: Path) -> Path:
    return ROOT / Path(path.with_name(path.name + ".source").read_text(encoding="utf-8").strip())


def test_every_generated_file_names_its_source():
    assert len(GENERATED) >= 7
    assert all(_source(p).exists() for p in GENERATED)


@pytest.mark.parametrize("path", GENERATED, ids=lambda p: p.name)
def test_reads_exactly_as_the_html_truth(path):
    truth = load_json(_source(path))
    got = check_file(path).to_dict()
    assert got["format"] == path.suffix[1:]
    assert got["tables"] == truth["tables"]
    # pdfium infers spaces between CJK glyphs and Latin digits ("2024 年"): spacing is not content.
    assert compact(got["title"]) == compact(truth["title"])
    assert (got["body"], got["year"], got["template"]) == (truth["body"], truth["year"], truth["template"])
    assert [(s["id"], compact(s["heading"])) for s in got["sections"]] == [
        (s["id"], compact(s["heading"])) for s in truth["sections"]]


def _comparable(findings: list[dict]) -> list[tuple]:
    # The printed text of a non-numeric cell may differ by glyph mapping (／ vs ∕ from a Type3 font).
    return [t[:4] + ((t[4],) if not isinstance(t[4], str) else ()) for t in finding_tuples(findings)]


def _html_findings(source: Path) -> list[dict]:
    """The reviewed findings of a generated report; for a real report (whose truth is
    its hand-checked expected.json, findings not included) those of its HTML itself."""
    if source.name.endswith(".expected.json"):
        return check_file(source.with_name(source.name.replace(".expected.json", ".html"))).to_dict()["findings"]
    return load_json(source.with_name(source.name.replace(".truth.json", ".findings.json")))["findings"]


@pytest.mark.parametrize("path", GENERATED, ids=lambda p: p.name)
def test_same_findings_as_the_html(path):
    expected = _html_findings(_source(path))
    result = check_file(path)
    assert _comparable([f.to_dict() for f in result.findings]) == _comparable(expected)
    if path.suffix == ".pdf":
        assert all(f.location.page for f in result.findings if f.location.cell or f.location.section)
        assert all(s.location.page for s in result.sections)


def test_real_pdf_locations_carry_pages():
    result = check_file(HUAIAN)
    assert [s.location.page for s in result.sections] == [1, 3, 4, 5, 5, 6]
    values = result.facts.values
    pages = {ref.row: v.location.page for ref, v in values.items() if ref.table == "t3" and ref.column == "natural"}
    assert pages["new"] == 4 and pages["result.unable.not_held"] == 4
    assert pages["result.unable.needs_creation"] == 5 and pages["carried_forward"] == 5
    assert {v.location.page for ref, v in values.items() if ref.table == "t4"} == {5}


def test_real_pdf_text_is_clean():
    doc = read_document(HUAIAN)
    texts = [b.text for b in doc.blocks if not isinstance(b, Table)]
    assert not any(compact(t) in ("-1-", "-3-", "-6-") for t in texts)   # page numbers dropped
    assert texts[:2] == ["淮安市人民政府", "2024 年政府信息公开工作年度报告"]
    assert "一、总体情况" in texts and "六、其他需要报告的事项" in texts
    # page 1's WPS text frame comes out of pdfplumber as a one-column "table": it stays text
    assert any(t.startswith("本报告由淮安市人民政府办公室根据") for t in texts)
    # 表三 is one logical table stitched over pages 4 and 5
    t3 = [b for b in doc.blocks if isinstance(b, Table) and any("本年新收" in c.text for r in b.rows for c in r)]
    assert len(t3) == 1 and {loc.page for loc in t3[0].row_locations} == {4, 5}


def test_chromium_table_split_without_repeated_header_is_one_grid():
    doc = read_document(SAMPLES / "pdf" / "county_2024_clean.chromium.pdf")
    t3 = [b for b in doc.blocks if isinstance(b, Table) and any("本年新收" in c.text for r in b.rows for c in r)]
    assert len(t3) == 1 and len({loc.page for loc in t3[0].row_locations}) >= 2


def test_docx_merged_cells_share_their_origin():
    doc = read_document(SAMPLES / "docx" / "county_2024_clean.docx")
    t3 = next(b for b in doc.blocks if isinstance(b, Table) and any("本年新收" in c.text for r in b.rows for c in r))
    label = next(c for r in t3.rows for c in r if "本年度办理结果" in c.text.replace("\n", ""))
    copies = [c for r in t3.rows for c in r if c.origin == label.origin]
    assert len(copies) >= 22  # vMerge over the 22 result rows (and gridSpan)


@pytest.mark.parametrize("name, words", [
    ("encrypted.pdf", "已加密"), ("truncated.pdf", "损坏或不完整"), ("scanned.pdf", "扫描件"),
])
def test_unreadable_pdf_gets_one_sentence(capsys, name, words):
    path = SAMPLES / "bad" / name
    status = cli.main(["check", str(path)])
    err = capsys.readouterr().err
    assert status == exit_codes.BAD_INPUT
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_damaged_docx_and_old_doc(tmp_path, capsys):
    broken = tmp_path / "draft.docx"
    broken.write_bytes(b"PK\x03\x04" + b"word/document.xml" + b"\x00" * 300)
    old = tmp_path / "draft.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    for path, words in ((broken, "损坏"), (old, ".docx")):
        assert cli.main(["check", str(path)]) == exit_codes.BAD_INPUT
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err


def test_type3_font_radicals_are_unified_ideographs():
    """Chromium's Noto PDF maps glyphs to Kangxi/supplement radicals (⼀ ⻔): none survive."""
    doc = read_document(SAMPLES / "pdf" / "county_2024_errors.noto.pdf")
    text = "".join(c.text for b in doc.blocks if isinstance(b, Table) for r in b.rows for c in r)
    text += "".join(b.text for b in doc.blocks if not isinstance(b, Table))
    assert "保护第三方合法权益" in text
    assert not [ch for ch in text if "\u2e80" <= ch <= "\u2fdf"]
