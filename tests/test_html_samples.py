"""Every generated HTML sample: sections, every cell and the findings, whole."""
from __future__ import annotations

import pytest

from checker import check_file

from .conftest import HTML_SAMPLES, finding_tuples, load_json, section_pairs


def _expected(path):
    return load_json(path.with_suffix(".truth.json")), load_json(path.with_name(path.stem + ".findings.json"))


@pytest.mark.parametrize("path", HTML_SAMPLES, ids=lambda p: p.stem)
def test_sample_reads_as_its_truth(path):
    truth, _ = _expected(path)
    got = check_file(path).to_dict()
    assert got["format"] == "html"
    assert (got["title"], got["body"], got["year"], got["template"]) == (
        truth["title"], truth["body"], truth["year"], truth["template"])
    assert section_pairs(got["sections"]) == section_pairs(truth["sections"])
    assert got["tables"] == truth["tables"]


@pytest.mark.parametrize("path", HTML_SAMPLES, ids=lambda p: p.stem)
def test_sample_findings_are_exactly_the_reviewed_ones(path):
    _, expected = _expected(path)
    got = check_file(path).to_dict()["findings"]
    assert finding_tuples(got) == finding_tuples(expected["findings"])
    assert sorted(f["message"] for f in got) == sorted(f["message"] for f in expected["findings"])


def test_error_sample_findings_point_at_every_injected_defect():
    path = next(p for p in HTML_SAMPLES if p.stem == "county_2024_errors")
    truth = load_json(path.with_suffix(".truth.json"))
    result = check_file(path)
    named = set()
    for f in result.findings:
        for ref in ((f.location.cell,) if f.location.cell else ()) + f.location.cells:
            named.add(f"{ref.table}.{ref.row}.{ref.column}")
    for defect in truth["defects"]:
        if defect["cell"]:
            assert defect["cell"] in named, defect
        else:
            assert any(f.location.section == defect["section"] for f in result.findings)
