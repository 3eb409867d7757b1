"""Dump what the PDF extractor reads from each PDF, as JSON, to compare extractors.

For every PDF under samples/ (recursively, broken ones in samples/bad included) and
shared/real-reports/: the Document's blocks (type, text, heading level, page; a table's
cells row by row with their texts and origins, its row pages) and metadata, or the
error a broken file raises. Each file is read twice: with the templates' table words
(as `check` reads it: grids only on the pages naming a table and the pages after) and
with none (grids read on every page), so a change of the grid reader shows on pages
the check skips too.

Usage:
  python tools/pdf_snapshot.py write [DIR]      # one JSON per PDF (default tests/data/pdf_snapshots)
  python tools/pdf_snapshot.py compare [DIR]    # exit 1 and name each PDF that differs
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "data" / "pdf_snapshots"
REAL_REPORTS = ROOT.parent / "shared" / "real-reports"


def pdf_files() -> list[tuple[str, Path]]:
    """(snapshot name, path) of every PDF: samples/… by their path, real reports as real-reports/…"""
    found = [(str(p.relative_to(ROOT)), p) for p in sorted((ROOT / "samples").rglob("*.pdf"))]
    for base in (REAL_REPORTS, Path("/work/shared/real-reports")):
        if base.is_dir():
            found += [(f"real-reports/{p.name}", p) for p in sorted(base.glob("*.pdf"))]
            break
    return found


def snapshot_name(name: str) -> str:
    return name.replace("/", "__") + ".json"


def _block(block: Any) -> dict:
    from checker.document import Heading, Paragraph, Table

    page = block.location.page
    if isinstance(block, Heading):
        return {"type": "heading", "level": block.level, "page": page, "text": block.text}
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "page": page, "text": block.text}
    assert isinstance(block, Table)
    return {"type": "table", "page": page, "aligned": block.aligned,
            "row_pages": [loc.page for loc in block.row_locations],
            "rows": _rows(block.rows)}


def _rows(rows: list) -> list[list]:
    """A cell printed at its own position is its text; a copy of a merged cell is the
    printed cell's [row, column] (its text with them the first time that origin is met
    with another text: origins count grid rows before empty ones were dropped)."""
    seen: dict[tuple[int, int], str] = {}
    out = []
    for r, row in enumerate(rows):
        line: list = []
        for k, c in enumerate(row):
            if c.origin == (r, k) and c.origin not in seen:
                line.append(c.text)
            elif seen.get(c.origin) == c.text:
                line.append(list(c.origin))
            else:
                line.append([c.text, *c.origin])
            seen.setdefault(c.origin, c.text)
        out.append(line)
    return out


def _read(data: bytes, name: str, table_words) -> dict:
    from checker.errors import InputError
    from checker.extract.pdf import extract_pdf

    try:
        document = extract_pdf(data, name, table_words=table_words)
    except InputError as exc:
        return {"error": type(exc).__name__, "message": str(exc)}
    return {"metadata": document.metadata, "notes": document.notes,
            "blocks": [_block(b) for b in document.blocks]}


def snapshot(name: str, path: Path) -> dict:
    from checker.templates import table_page_words

    data = path.read_bytes()
    return {"file": name, "check": _read(data, name, table_page_words()), "every_page": _read(data, name, ())}


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _read_lines(read: dict) -> list[str]:
    if "error" in read:
        return [f" {_compact(read)}"]
    lines = [f' {{"metadata":{_compact(read["metadata"])},"notes":{_compact(read["notes"])},"blocks":[']
    for i, block in enumerate(read["blocks"]):
        end = "," if i < len(read["blocks"]) - 1 else ""
        if block["type"] != "table":
            lines.append(f"  {_compact(block)}{end}")
            continue
        head = {k: v for k, v in block.items() if k != "rows"}
        rows = block["rows"]
        lines.append(f'  {_compact(head)[:-1]},"rows":[')
        lines += [f"   {_compact(row)}{',' if j < len(rows) - 1 else ''}" for j, row in enumerate(rows)]
        lines.append(f"  ]}}{end}")
    lines.append(" ]}")
    return lines


def dumps(value: dict) -> str:
    """A block a line, a table row a line: small files, and a changed cell shows as one line."""
    lines = ["{", f' "file":{_compact(value["file"])},', ' "check":']
    lines += _read_lines(value["check"])
    lines[-1] += ","
    lines.append(' "every_page":')
    lines += _read_lines(value["every_page"])
    lines.append("}")
    text = "\n".join(lines) + "\n"
    assert json.loads(text) == value
    return text


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "compare"
    folder = Path(argv[1]) if len(argv) > 1 else SNAPSHOTS
    if command == "write":
        folder.mkdir(parents=True, exist_ok=True)
        for name, path in pdf_files():
            (folder / snapshot_name(name)).write_text(dumps(snapshot(name, path)), encoding="utf-8")
            print(name)
        return 0
    if command == "compare":
        differ = 0
        for name, path in pdf_files():
            stored = folder / snapshot_name(name)
            same = stored.exists() and json.loads(stored.read_text(encoding="utf-8")) == snapshot(name, path)
            differ += not same
            print(("same    " if same else "DIFFERS ") + name)
        return 1 if differ else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
