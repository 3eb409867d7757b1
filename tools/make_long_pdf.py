"""Write samples/long/huaian_2024.x50.pdf: a 50-page report made from the real 淮安 report
(run by hand; the output is committed, so benchmarks and tests share one file).

Its prose pages are repeated and its table pages kept once, as a long report whose
tables fill a few pages looks: page 1, then page 2 (prose) 45 times, then pages 3-5
(tables) and 6. Usage: python tools/make_long_pdf.py [PAGES]
"""
from __future__ import annotations

import sys
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "samples" / "huaian_2024.pdf"
OUT = ROOT / "samples" / "long" / "huaian_2024.x50.pdf"


def long_report(target: Path, pages: int = 50, source: Path = SOURCE) -> Path:
    src = pdfium.PdfDocument(source)
    out = pdfium.PdfDocument.new()
    prose = pages - 4  # pages 1-2 (prose) repeated, then 3-5 (tables) and 6 once
    order = [0] + [1] * (prose - 1) + [2, 3, 4, 5]
    out.import_pages(src, order)
    target.parent.mkdir(parents=True, exist_ok=True)
    out.save(target)
    out.close()
    src.close()
    return target


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    path = long_report(OUT if pages == 50 else OUT.with_name(f"huaian_2024.x{pages}.pdf"), pages)
    print(f"{path.relative_to(ROOT)}: {len(pdfium.PdfDocument(path))} pages, {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
