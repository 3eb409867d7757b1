"""The terminal report, whole, against reviewed golden files (fixed width, no colour)."""
from __future__ import annotations

import pytest

from checker import cli

from .conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
CASES = [
    ("samples/html/county_2024_errors.html", ["--width", "150"], "county_2024_errors.txt"),
    ("samples/qingzu_2024.txt", ["--width", "120", "--brief"], "qingzu_2024_brief.txt"),
]


@pytest.mark.parametrize("sample, options, golden", CASES, ids=[c[2] for c in CASES])
def test_terminal_report_matches_golden(tmp_path, monkeypatch, sample, options, golden):
    monkeypatch.chdir(ROOT)  # the report names the file as given
    out = tmp_path / "report.txt"
    cli.main(["check", sample, *options, "-o", str(out)])
    assert out.read_text(encoding="utf-8") == (GOLDEN / golden).read_text(encoding="utf-8")
