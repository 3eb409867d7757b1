"""Time `check_file` on the samples against floors measured in the same run.

Floors: for HTML, bs4+lxml parsing the decoded page (what any HTML reader pays);
for text, decoding the bytes and splitting lines. Reported: ms per file and the
ratio check / floor. Best of N runs. Usage: python benchmarks/bench_check.py [N]
"""
from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup
from timing import best_of

from checker import check_file
from checker.extract.encoding import declared_charset, decode

ROOT = Path(__file__).resolve().parent.parent




def floor(path: Path) -> float:
    data = path.read_bytes()
    if path.suffix == ".html":
        return BeautifulSoup(decode(data, declared_charset(data)), "lxml").find_all("td").__len__()
    return len(decode(data).splitlines())


def big_html(tmp: Path, copies: int) -> Path:
    """One page holding `copies` reports' worth of tables and text (a heavy portal page)."""
    page = (ROOT / "samples/html/county_2024_clean.html").read_text(encoding="utf-8")
    head, body = page.split("<body>", 1)
    body, tail = body.rsplit("</body>", 1)
    out = tmp / f"big_{copies}.html"
    out.write_text(head + "<body>" + body * copies + "</body>" + tail, encoding="utf-8")
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    samples = [ROOT / "samples/qingzu_2024.txt", ROOT / "samples/pingtan_2024.html",
               *sorted((ROOT / "samples/html").glob("*.html"))]
    import tempfile
    tmp = Path(tempfile.mkdtemp())
    samples.append(big_html(tmp, 9))
    check_file(samples[0])  # warm up imports and caches
    print(f"{'file':45} {'KB':>6} {'floor ms':>9} {'check ms':>9} {'ratio':>6}")
    for path in samples:
        f = best_of(n, lambda: floor(path)) * 1000
        c = best_of(n, lambda: check_file(path)) * 1000
        print(f"{path.name:45} {path.stat().st_size / 1024:6.0f} {f:9.1f} {c:9.1f} {c / f:6.1f}")


if __name__ == "__main__":
    main()
