"""Time `check_file` on PDFs against two floors measured in the same run:
pdfplumber's `extract_text()` of every page, and pypdfium2's text of every page.

Files: the real 淮安 report (6 pages, tables on 3) and a 50-page report made
from it (its prose pages repeated, the table pages once: a long report whose
tables fill a few pages). Best of N runs. Usage: python benchmarks/bench_pdf.py [N]
"""
from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from timing import best_of

from checker import check_file

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "samples" / "huaian_2024.pdf"
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def long_report(path: Path, pages: int = 50) -> Path:
    src = pdfium.PdfDocument(REAL)
    out = pdfium.PdfDocument.new()
    prose = pages - 4  # pages 1-2 (prose) repeated, then 3-5 (tables) and 6 once
    order = [0] + [1] * (prose - 1) + [2, 3, 4, 5]
    out.import_pages(src, order)
    out.save(path)
    return path




def plumber_text(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def pdfium_text(path: Path) -> None:
    pdf = pdfium.PdfDocument(path)
    for page in pdf:
        page.get_textpage().get_text_range()
    pdf.close()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    tmp = Path(tempfile.mkdtemp())
    files = [REAL, long_report(tmp / "long_50.pdf")]
    check_file(REAL)  # warm up imports
    print(f"{'file':18} {'pages':>5} {'check s/page':>12} {'plumber s/page':>14} {'pdfium s/page':>13} "
          f"{'check/plumber':>13} {'check/pdfium':>12}")
    for path in files:
        pages = len(pdfium.PdfDocument(path))
        check = best_of(n, lambda: check_file(path))
        plumber = best_of(n, lambda: plumber_text(path))
        pdfium_floor = best_of(n, lambda: pdfium_text(path))
        print(f"{path.name:18} {pages:5d} {check / pages:12.4f} {plumber / pages:14.4f} {pdfium_floor / pages:13.4f} "
              f"{check / plumber:13.2f} {check / pdfium_floor:12.1f}")


if __name__ == "__main__":
    main()
