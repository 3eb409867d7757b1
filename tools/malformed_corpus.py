"""The malformed-input corpus of issue 11 (limits and hangs), built and measured.

    python tools/malformed_corpus.py build OUT            # write the corpus into OUT
    python tools/malformed_corpus.py run OUT [--json F]   # check every case, one process each

`build` writes, from the real samples and a fixed seed (the same bytes every time):
- special files: a FIFO, a socket, links to /dev/zero and /dev/urandom;
- damaged PDFs: 淮安 and 洪泽 with bit flips, deleted bytes, duplicated ranges, truncations;
- bombs: a Word file whose document.xml unpacks to 4 GiB (19 MB on disk), one with a 1 GiB
  image, a PDF whose table page carries a content stream of 2 GB of text operators (and one
  of path operators), text files that are one line of 200 MB and of 40 MB;
- nesting: 100 000 nested <span>, <b>, <div> and <table> around a real report, 5 000 nested
  tables around it, and a Word file with nested tables.
Large cases are written as they are made (no 4 GiB buffer). `run` checks each case with
`python -m checker check CASE --format json` (cwd: this checkout, or --root), with a
wall-clock guard, and prints per case the exit status, seconds, peak RSS (wait4, which
covers the checking child), whether stderr held a traceback and the sentence given.
The tests (tests/test_input_limits.py) build small versions of the same cases with these
functions; this script is run by hand for the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = 11
MiB = 1024 ** 2


# --- damaged PDFs -----------------------------------------------------------------------

DAMAGES = ("flip", "delete", "duplicate", "truncate")


def damage(data: bytes, kind: str, rnd: random.Random) -> bytes:
    """One deterministic damage of `data` (given the state of `rnd`)."""
    if kind == "flip":
        out = bytearray(data)
        for _ in range(rnd.randint(1, 8)):
            i = rnd.randrange(len(out))
            out[i] ^= 1 << rnd.randrange(8)
        return bytes(out)
    start, length = rnd.randrange(len(data)), rnd.randint(1, 2000)
    if kind == "delete":
        return data[:start] + data[start + length:]
    if kind == "duplicate":
        return data[:start + length] + data[start:]
    if kind == "truncate":
        return data[:start]
    raise ValueError(kind)


def damaged_pdfs(per_kind: int = 10, seed: int = SEED) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of `per_kind` damages of each kind of each real PDF sample."""
    rnd = random.Random(seed)
    for source in ("hongze_2023.pdf", "huaian_2024.pdf"):
        data = (SAMPLES / source).read_bytes()
        for kind in DAMAGES:
            for k in range(per_kind):
                yield f"{Path(source).stem}.{kind}{k}.pdf", damage(data, kind, rnd)


# --- bombs ------------------------------------------------------------------------------

def _write_repeated(handle, unit: bytes, total: int) -> None:
    chunk = unit * max(1, (1 << 22) // len(unit))
    written = 0
    while written < total:
        piece = chunk[:total - written]
        handle.write(piece)
        written += len(piece)


def docx_bomb(target: Path, unpacked: int, part: str = "word/document.xml",
              base: Path = SAMPLES / "docx" / "county_2024_clean.docx") -> None:
    """The sample Word file with `part` unpacking to `unpacked` bytes: document.xml padded
    with spaces after its root (still well-formed), or a new image the document links to."""
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == part:
                with out.open(part, "w", force_zip64=True) as handle:
                    handle.write(data)
                    _write_repeated(handle, b" ", unpacked - len(data))
                continue
            if part.startswith("word/media/") and info.filename == "word/_rels/document.xml.rels":
                link = (f'<Relationship Id="rIdBomb" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        f'relationships/image" Target="{part[len("word/"):]}"/></Relationships>')
                data = data.replace(b"</Relationships>", link.encode())
            out.writestr(info, data)
        if part.startswith("word/media/"):
            with out.open(part, "w", force_zip64=True) as handle:
                _write_repeated(handle, b"\0", unpacked)


TEXT_BOMB = (b"BT /FT8 12 Tf 0 0 Td\n", b"<0016>Tj 0.001 0.001 Td\n")   # a digit, each a little further on
PATH_BOMB = (b"", b"10 10 m 20 20 l S\n")


def docx_paragraphs(target: Path, unpacked: int, base: Path = SAMPLES / "docx" / "county_2024_clean.docx") -> None:
    """The sample Word file with `unpacked` bytes of one-word paragraphs before its end: within
    the unpacking limit, but millions of XML elements."""
    unit = b"<w:p><w:r><w:t>\xe5\xb9\xb4</w:t></w:r></w:p>"
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                end = data.index(b"<w:sectPr")
                with out.open(info.filename, "w", force_zip64=True) as handle:
                    handle.write(data[:end])
                    _write_repeated(handle, unit, unpacked // len(unit) * len(unit))
                    handle.write(data[end:])
                continue
            out.writestr(info, data)


def pdf_content_bomb(target: Path, unpacked: int, bomb: tuple[bytes, bytes] = TEXT_BOMB,
                     base: Path = SAMPLES / "huaian_2024.pdf") -> None:
    """The real 淮安 report with one more content stream on its 表四 page (an incremental
    update, as an editor saves): a prefix, then `unpacked` bytes of one operator repeated,
    Flate-compressed."""
    prefix, operator = bomb
    data = base.read_bytes()
    page = re.search(rb"\n(48) 0 obj\n(<<.*?>>)\nendobj", data, re.S)
    previous = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    compressor = zlib.compressobj(9)
    chunk = operator * max(1, (1 << 22) // len(operator))
    stream, left = [compressor.compress(prefix)], unpacked
    while left > 0:
        stream.append(compressor.compress(chunk[:left]))
        left -= len(chunk)
    stream.append(compressor.flush())
    body = b"".join(stream)
    new_id = 72
    out = bytearray(data)
    offsets = {}
    offsets[new_id] = len(out) + 1
    out += b"\n%d 0 obj\n<</Filter /FlateDecode/Length %d>>\nstream\n" % (new_id, len(body)) + body + b"\nendstream\nendobj\n"
    offsets[48] = len(out)
    out += b"48 0 obj\n" + page.group(2).replace(b"/Contents 49 0 R", b"/Contents [49 0 R %d 0 R]" % new_id) + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for number in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    out += b"trailer\n<</Size %d/Root 1 0 R/Info 3 0 R/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (new_id + 1, previous, xref)
    target.write_bytes(bytes(out))


def one_line_text(target: Path, size: int) -> None:
    """A crawl capture's body repeated on one line to `size` bytes (a crawler that never stops)."""
    lines = (SAMPLES / "runon" / "pingtan_2022.txt").read_text(encoding="utf-8").splitlines()
    body = max(lines, key=len).encode()
    with open(target, "wb") as handle:
        _write_repeated(handle, body, max(1, size // len(body)) * len(body))   # whole copies: valid UTF-8


# --- nesting ----------------------------------------------------------------------------

def report_body() -> str:
    page = (SAMPLES / "pingtan_2024.html").read_text(encoding="utf-8")
    return re.search(r"<body[^>]*>(.*)</body>", page, re.S).group(1)


def nested_html(tag: str, depth: int, inner: str | None = None) -> str:
    """A real report inside `depth` nested elements (`table`: one-cell tables)."""
    inner = report_body() if inner is None else inner
    opening, closing = (("<table><tr><td>", "</td></tr></table>") if tag == "table" else (f"<{tag}>", f"</{tag}>"))
    return f"<html><body>{opening * depth}{inner}{closing * depth}</body></html>"


def nested_docx(target: Path, depth: int, base: Path = SAMPLES / "docx" / "county_2024_clean.docx") -> None:
    """The sample Word file with its body wrapped in `depth` nested one-cell tables."""
    W = b'w:'
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                start, end = data.index(b"<w:body>") + len(b"<w:body>"), data.index(b"<w:sectPr")
                opening = b"<w:tbl><w:tr><w:tc>" * depth
                closing = b"<w:p/></w:tc></w:tr></w:tbl>" * depth
                data = data[:start] + opening + data[start:end] + closing + data[end:]
                assert W in data
            out.writestr(info, data)


# --- the corpus -------------------------------------------------------------------------

def build(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []

    def case(name: str, write: Callable[[Path], None]) -> None:
        path = out / name
        if not path.exists() and not path.is_symlink():
            write(path)
        made.append(path)

    case("special.fifo.txt", os.mkfifo)
    case("special.zero.txt", lambda p: p.symlink_to("/dev/zero"))
    case("special.urandom.pdf", lambda p: p.symlink_to("/dev/urandom"))
    for name, data in damaged_pdfs():
        case(f"damaged/{name}", lambda p, d=data: (p.parent.mkdir(exist_ok=True), p.write_bytes(d)))
    case("bomb.docx_document_4g.docx", lambda p: docx_bomb(p, 4 * 1024 ** 3))
    case("bomb.docx_image_1g.docx", lambda p: docx_bomb(p, 1024 ** 3, "word/media/image1.png"))
    case("bomb.docx_paragraphs_190m.docx", lambda p: docx_paragraphs(p, 190 * MiB))
    case("bomb.pdf_text_2g.pdf", lambda p: pdf_content_bomb(p, 2 * 10 ** 9))
    case("bomb.pdf_paths_1g.pdf", lambda p: pdf_content_bomb(p, 10 ** 9, PATH_BOMB))
    case("bomb.line_200m.txt", lambda p: one_line_text(p, 200 * 10 ** 6))
    case("bomb.line_40m.txt", lambda p: one_line_text(p, 40 * 10 ** 6))
    for tag in ("span", "b", "div", "table"):
        case(f"nest.{tag}_100k.html", lambda p, t=tag: p.write_text(nested_html(t, 100_000), encoding="utf-8"))
    case("nest.table_5000.html", lambda p: p.write_text(nested_html("table", 5000), encoding="utf-8"))
    case("nest.docx_table_300.docx", lambda p: nested_docx(p, 300))
    case("nest.docx_table_5000.docx", lambda p: nested_docx(p, 5000))
    return made


def _socket(out: Path) -> tuple[Path, socket.socket]:
    path = out / "special.sock"
    if path.exists():
        path.unlink()
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    return path, sock


def measure(path: Path, root: Path, guard: float, cap: int | None = None) -> dict:
    """One case checked in its own process: status, seconds, peak RSS (MB, wait4: the
    process and the children it waited for), traceback, sentence. `cap`: an address-space
    limit in bytes for the whole run, a safety net when measuring a checkout without limits."""
    import resource
    import tempfile

    def limit() -> None:
        if cap:
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    started = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen([sys.executable, "-m", "checker", "check", str(path), "--format", "json"],
                                   cwd=root, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                   env={**os.environ, "PYTHONPATH": str(root)}, start_new_session=True,
                                   preexec_fn=limit)
        killed = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > guard:
                os.killpg(process.pid, 9)
                pid, status, usage = os.wait4(process.pid, 0)
                killed = True
                break
            time.sleep(0.05)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
        try:
            os.killpg(process.pid, 9)   # a checking child left behind, if any
        except ProcessLookupError:
            pass
        out.seek(0)
        err.seek(0)
        stdout, text = out.read(), err.read().decode("utf-8", "replace").strip()
    try:
        sentence = text.splitlines()[-1] if text else json.loads(stdout).get("error") or ""
    except ValueError:
        sentence = ""
    return {"case": str(path), "status": None if killed else process.returncode, "seconds": round(seconds, 1),
            "peak_mb": round(usage.ru_maxrss / 1024), "traceback": "Traceback" in text, "hang": killed,
            "sentence": sentence}


def run(out: Path, root: Path, guard: float, cap: int | None = None, only: str = "") -> list[dict]:
    cases = build(out)
    sock_path, sock = _socket(out)
    rows = []
    try:
        for path in [*cases, sock_path]:
            if only not in path.name:
                continue
            row = measure(path, root, guard, cap)
            rows.append(row)
            print(f"{row['status']!s:>4} {row['seconds']:7.1f}s {row['peak_mb']:6d}MB "
                  f"{'TRACEBACK ' if row['traceback'] else ''}{'HANG ' if row['hang'] else ''}"
                  f"{Path(row['case']).name}: {row['sentence'][:150]}", flush=True)
    finally:
        sock.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("build", "run"))
    parser.add_argument("out", type=Path)
    parser.add_argument("--root", type=Path, default=ROOT, help="the govcheck checkout to run (default: this one)")
    parser.add_argument("--guard", type=float, default=300.0, help="seconds after which a case counts as a hang")
    parser.add_argument("--json", type=Path, help="write the measurements here")
    parser.add_argument("--cap-gb", type=float, help="address-space limit of each run (a safety net for old checkouts)")
    parser.add_argument("--only", default="", help="only the cases whose name holds this")
    args = parser.parse_args(argv)
    if args.action == "build":
        for path in build(args.out):
            print(path)
        return 0
    rows = run(args.out, args.root, args.guard, int(args.cap_gb * 1024 ** 3) if args.cap_gb else None, args.only)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    bad = [r for r in rows if r["hang"] or r["traceback"] or r["status"] not in (0, 1, 2) or r["peak_mb"] > 2048]
    print(f"{len(rows)} cases: {len(bad)} with a hang, a traceback, exit 3 or over 2 GB")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
