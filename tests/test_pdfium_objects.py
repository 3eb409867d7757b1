"""The PDFium adapter on its own: the chars and edges it builds from a page are those
pdfplumber builds from pdfminer's parse of the same page (after the `drawn` filter)."""
from __future__ import annotations

import logging

import pdfplumber
import pypdfium2 as pdfium
import pytest

from checker.extract.pdf_grids import drawn, find_tables, page_fragments
from checker.extract.pdf_settings import DEFAULT_PDF
from checker.extract.pdfium_objects import NeedsPdfminer, read_page, stream_number

from .conftest import SAMPLES

logging.getLogger("pdfminer").setLevel(logging.ERROR)

PAGES = [("huaian_2024.pdf", 2), ("huaian_2024.pdf", 3), ("hongze_2023.pdf", 1), ("hongze_2023.pdf", 3),
         ("pdf/county_2024_clean.libreoffice.pdf", 1), ("pdf/county_2024_errors.noto.pdf", 2),
         ("pdf/county_2024_errors.noto.pdf", 3), ("pdf/city_dept_2020_template2019.browser.pdf", 1)]


def _both(name: str, index: int):
    path = SAMPLES / name
    pdf = pdfium.PdfDocument(path)
    try:
        ours = read_page(pdf, index, drawn)
    finally:
        pdf.close()
    plumber = pdfplumber.open(path)
    return ours, plumber, plumber.pages[index].filter(drawn)


def _geometry(edges) -> list[tuple]:
    return sorted((str(e["orientation"]), e["x0"], e["top"], e["x1"], e["bottom"]) for e in edges)


@pytest.mark.parametrize("name, index", PAGES)
def test_edges_are_pdfplumbers(name, index):
    ours, plumber, theirs = _both(name, index)
    with plumber:
        want, got = _geometry(theirs.edges), _geometry(ours.edges)
        assert len(got) == len(want) > 0
        for a, b in zip(want, got):
            assert a[0] == b[0] and all(abs(u - v) < 0.01 for u, v in zip(a[1:], b[1:])), (a, b)
        assert [e["object_type"] for e in theirs.edges] == [e["object_type"] for e in ours.edges]


@pytest.mark.parametrize("name, index", PAGES)
def test_chars_are_pdfminers(name, index):
    """The same text in the same order (spaces aside: PDFium keeps one of a run), the
    same boxes within a hair horizontally; '∕' (the font's ToUnicode), not the ActualText."""
    ours, plumber, theirs = _both(name, index)
    with plumber:
        want = [c for c in theirs.chars if not c["text"].isspace()]
        got = [c for c in ours.chars if not c["text"].isspace()]
        assert "".join(c["text"] for c in got) == "".join(c["text"] for c in want)
        for a, b in zip(want, got):
            assert abs(a["x0"] - b["x0"]) < 0.05 and abs(a["x1"] - b["x1"]) < 0.05, (a["text"], a["x0"], b["x0"])
            assert abs(a["top"] - b["top"]) < 1.5 and a["upright"] == b["upright"]


@pytest.mark.parametrize("name, index", PAGES)
def test_grids_are_pdfplumbers(name, index):
    ours, plumber, theirs = _both(name, index)
    with plumber:
        for continued in (False, True):
            want, got = page_fragments(theirs, index + 1, continued), page_fragments(ours, index + 1, continued)
            assert [[c[4] for c in f.cells] for f in got] == [[c[4] for c in f.cells] for f in want]
            assert [(f.page, f.last_page) for f in got] == [(f.page, f.last_page) for f in want]
            # PDFium's media box is 32-bit: 841.889763779528 comes back as 841.8898
            assert all(abs(f.page_height - g.page_height) < 0.01 for f, g in zip(want, got))
            for f, g in zip(want, got):
                assert all(abs(u - v) < 0.01 for c, d in zip(f.cells, g.cells) for u, v in zip(c[:4], d[:4]))
        settings = DEFAULT_PDF.table_settings()
        mine, pdfminers = find_tables(ours, settings), find_tables(theirs, settings)
        assert len(mine) == len(pdfminers)
        assert all(abs(u - v) < 0.01 for a, b in zip(mine, pdfminers) for u, v in zip(a.bbox, b.bbox))


def test_actual_text_is_not_read():
    ours, plumber, _ = _both("pdf/county_2024_errors.noto.pdf", 2)
    plumber.close()
    assert "∕" in "".join(c["text"] for c in ours.chars)


def test_stream_numbers_come_back_from_floats():
    import ctypes
    for written in (74.3, 247.65, 0.75, 841.89, 595.2756, 0.1, 12.0):
        assert stream_number(ctypes.c_float(written).value) == written


def rotated_table_page(tmp_path):
    """淮安's first table page (page 3) turned by 90 degrees, saved anew."""
    path = tmp_path / "rotated.pdf"
    pdf = pdfium.PdfDocument(SAMPLES / "huaian_2024.pdf")
    pdf[2].set_rotation(90)
    pdf.save(path)
    pdf.close()
    return path


def test_a_rotated_page_is_left_to_pdfminer(tmp_path):
    rotated = pdfium.PdfDocument(rotated_table_page(tmp_path))
    with pytest.raises(NeedsPdfminer):
        read_page(rotated, 2, drawn)
    read_page(rotated, 3, drawn)
    rotated.close()


def test_a_page_pdfium_cannot_match_is_read_by_pdfminer_alike(tmp_path, monkeypatch):
    """The fallback gives what pdfminer gives: a file with a rotated table page reads as the
    old route (pdfminer for every page) reads it."""
    from checker.document import Table
    from checker.extract import pdf as pdf_module
    path = rotated_table_page(tmp_path)
    data = path.read_bytes()
    mixed = pdf_module.extract_pdf(data, str(path))   # page 3 by pdfminer, the other table pages by PDFium

    def old_route_only(*args, **kwargs):
        raise NeedsPdfminer("every page by pdfminer")

    monkeypatch.setattr(pdf_module, "_pdfium_tables", old_route_only)
    assert pdf_module.extract_pdf(data, str(path)) == mixed
    assert sum(isinstance(block, Table) for block in mixed.blocks) >= 2
