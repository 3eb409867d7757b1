"""Build the unreadable PDFs the tests use (run by hand; outputs are committed).

- encrypted.pdf: the real 淮安 report encrypted with a user password (pikepdf);
- truncated.pdf: its first 40 % of bytes, as an interrupted download leaves it;
- scanned.pdf: page 1 rendered to a grey image and saved as an image-only PDF
  (pypdfium2), as a scanner would produce: no text layer.

Needs `pip install pikepdf` (not a project dependency: only this script uses it).
"""
from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "samples" / "huaian_2024.pdf"
OUT = ROOT / "samples" / "bad"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with pikepdf.open(SOURCE) as pdf:
        pdf.save(OUT / "encrypted.pdf", encryption=pikepdf.Encryption(owner="owner", user="secret", R=4))
    data = SOURCE.read_bytes()
    (OUT / "truncated.pdf").write_bytes(data[: int(len(data) * 0.4)])

    source = pdfium.PdfDocument(SOURCE)
    bitmap = source[0].render(scale=100 / 72, grayscale=True)  # 100 dpi grey, like an office scanner
    scan = pdfium.PdfDocument.new()
    width, height = source[0].get_size()
    page = scan.new_page(width, height)
    image = pdfium.PdfImage.new(scan)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(width, height))
    page.insert_obj(image)
    page.gen_content()
    scan.save(OUT / "scanned.pdf")
    for name in ("encrypted.pdf", "truncated.pdf", "scanned.pdf"):
        print(name, (OUT / name).stat().st_size)


if __name__ == "__main__":
    main()
