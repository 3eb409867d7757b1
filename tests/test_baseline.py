"""Fingerprints and baselines: reviewed findings stay hidden, new ones show."""
from __future__ import annotations

import copy
import json

from checker import cli, exit_codes
from checker.check import check_file
from checker.fingerprints import fingerprint_findings

from .conftest import SAMPLES, SEED

ERRORS_HTML = SAMPLES / "html" / "county_2024_errors.html"
ERRORS_PDF = SAMPLES / "pdf" / "county_2024_errors.noto.pdf"


def fingerprints(path) -> list[str]:
    return sorted(f["fingerprint"] for f in check_file(path).to_dict()["findings"])


def test_the_same_report_as_html_and_as_pdf_has_the_same_fingerprints():
    html = fingerprints(ERRORS_HTML)
    assert len(html) == 10 and len(set(html)) == 10
    assert fingerprints(ERRORS_PDF) == html        # pages differ, places do not


def test_fingerprint_ignores_wording_and_pages_but_not_the_place():
    record = check_file(ERRORS_HTML).to_dict()
    before = [f["fingerprint"] for f in record["findings"]]
    reworded = copy.deepcopy(record)
    for f in reworded["findings"]:
        f["message"] = "改写过的说明"
        f["location"]["page"] = 9
    fingerprint_findings(reworded)
    assert [f["fingerprint"] for f in reworded["findings"]] == before
    moved = copy.deepcopy(record)
    moved["findings"][0]["location"]["column"] = "commercial"
    moved["year"] = record["year"]
    fingerprint_findings(moved)
    assert moved["findings"][0]["fingerprint"] != before[0]
    assert [f["fingerprint"] for f in moved["findings"][1:]] == before[1:]
    other_year = copy.deepcopy(record)
    other_year["year"] = 2025
    fingerprint_findings(other_year)
    assert not set(f["fingerprint"] for f in other_year["findings"]) & set(before)


def test_baseline_hides_reviewed_findings_and_shows_new_ones(tmp_path, capsys):
    baseline = tmp_path / "reviewed.json"
    assert cli.main(["check", str(SEED), "--format", "json", "--write-baseline", str(baseline)]) == exit_codes.OK
    first = json.loads(capsys.readouterr().out)
    assert sorted(f["rule"] for f in first["findings"]) == ["CON007", "CON010", "STR012"]
    stored = json.loads(baseline.read_text(encoding="utf-8"))
    assert sorted(v["rule"] for v in stored["findings"].values()) == ["CON007", "CON010", "STR012"]

    assert cli.main(["check", str(SEED), "--format", "json", "--baseline", str(baseline)]) == exit_codes.OK
    assert json.loads(capsys.readouterr().out)["findings"] == []

    # next draft: the same report with 5 new requests left out of the results
    draft = tmp_path / "qingzu_2024_draft.txt"
    text = SEED.read_text(encoding="utf-8")
    draft.write_text(text.replace("一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
                                  "一、本年新收政府信息公开申请数量\t\t5\t0\t0\t0\t0\t0\t5"), encoding="utf-8")
    assert cli.main(["check", str(draft), "--format", "json", "--baseline", str(baseline)]) == exit_codes.FINDINGS
    new = json.loads(capsys.readouterr().out)["findings"]
    assert sorted({f["rule"] for f in new}) == ["ARI003", "CON006"]
    assert all(f["rule"] not in ("CON007", "CON010", "STR012") for f in new)


def test_baseline_in_a_batch_counts_what_it_hides(tmp_path, capsys):
    baseline = tmp_path / "b.json"
    paths = [str(SEED), str(ERRORS_HTML)]
    cli.main(["check", *paths, "--format", "json", "--write-baseline", str(baseline)])
    capsys.readouterr()
    assert cli.main(["check", *paths, "--format", "json", "--baseline", str(baseline)]) == exit_codes.OK
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["findings"] for r in records] == [[], []]
    assert [r["baselined"] for r in records] == [3, 10]
    assert [r["summary"] for r in records] == [{"error": 0, "warning": 0, "info": 0}] * 2


def test_a_missing_or_foreign_baseline_is_one_sentence(tmp_path, capsys):
    assert cli.main(["check", str(SEED), "--baseline", str(tmp_path / "none.json")]) == exit_codes.BAD_INPUT
    assert "基线文件不存在" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    assert cli.main(["check", str(SEED), "--baseline", str(bad)]) == exit_codes.BAD_INPUT
    err = capsys.readouterr().err
    assert "不是 govcheck 的基线文件" in err and "Traceback" not in err
