"""The PDF extractor reads every PDF exactly as the stored snapshot says (tools/pdf_snapshot.py).

The snapshots were written by the pdfminer-based grid reader before the PDFium one replaced
it: any cell, block, page or error that changes fails here, per file. After an intended
change, rewrite them with `python tools/pdf_snapshot.py write` and review the diff.
"""
from __future__ import annotations

import importlib.util
import json

import pytest

from .conftest import ROOT


def _tool():
    spec = importlib.util.spec_from_file_location("pdf_snapshot", ROOT / "tools" / "pdf_snapshot.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
FILES = TOOL.pdf_files()


def test_every_sample_pdf_has_a_snapshot():
    names = {TOOL.snapshot_name(name) for name, path in FILES if path.is_relative_to(ROOT)}
    assert names and names == {p.name for p in TOOL.SNAPSHOTS.glob("samples__*.json")}


@pytest.mark.parametrize("name, path", FILES, ids=[name for name, _ in FILES])
def test_pdf_reads_as_its_snapshot(name, path):
    stored = TOOL.SNAPSHOTS / TOOL.snapshot_name(name)
    assert stored.exists(), f"no snapshot for {name}: python tools/pdf_snapshot.py write"
    expected = json.loads(stored.read_text(encoding="utf-8"))
    got = TOOL.snapshot(name, path)
    for mode in ("check", "every_page"):
        want, have = expected[mode], got[mode]
        if "blocks" in want and "blocks" in have:
            for i, (a, b) in enumerate(zip(want["blocks"], have["blocks"])):
                assert b == a, f"{name} ({mode}): block {i} differs"
        assert have == want, f"{name} ({mode})"
