"""Run-on crawl captures: the page's text on one line, each table row's digits run together.

The four real captures are read exactly as their hand-checked expectations say, with
exactly the listed cells reported unreadable; the generated captures (tools/
make_runon_samples.py) read every truth cell right or report it unreadable, never wrong;
single-cell changes of the captures' own digits are caught.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from checker import check_file
from checker.check import check_bytes
from checker.engine.identities import Status, ledger
from checker.extract import read_document
from checker.runon import inline_headings, unroll
from checker.splits import MAX_SPLITS, split_run
from checker.templates import union_spec

from .conftest import SAMPLES, SEED, load_json, section_pairs
from .mutation import capture_catch_rate

RUNON = SAMPLES / "runon"
REAL = ["pingtan_2022", "pingtan_gongan_2022", "pingtan_haitan_2019", "pingtan_shichang_2023"]
GENERATED = sorted((RUNON / "generated").glob("*.txt"))
NOTES = ("EXT003", "EXT004", "EXT005")
SEVEN = ("count",) * 7


def _unreadable_rows(expected: dict) -> set[tuple[str, str]]:
    """The expectation names each unreadable row by its id first: 'procurement (digits …)'."""
    out = set()
    for entry in expected["unreadable"]:
        row = entry.split()[0]
        table = next(t for t in ("t2", "t3") if union_spec(t).row(row) is not None)
        out.add((table, row))
    return out


@pytest.mark.parametrize("name", REAL)
def test_real_capture_reads_exactly_and_names_exactly_its_unreadable_cells(name):
    path = RUNON / f"{name}.txt"
    got = check_file(path).to_dict()
    want = load_json(path.with_suffix(".expected.json"))
    assert got["format"] == "text"
    assert (got["title"], got["body"], got["year"], got["template"]) == (
        want["title"], want["body"], want["year"], want["template"])
    assert section_pairs(got["sections"]) == section_pairs(want["sections"])
    assert got["tables"] == want["tables"]
    unread = {(f["location"]["table"], f["location"]["row"]) for f in got["findings"] if f["rule"] in NOTES}
    assert unread == _unreadable_rows(want)


def test_real_captures_have_exactly_their_real_findings():
    def place(f):
        cell = f.location.cell
        return (cell.table, cell.row) if cell else (f.location.table, f.location.row)
    found = {name: sorted((f.rule, f.severity.value, *place(f)) for f in check_file(RUNON / f"{name}.txt").findings)
             for name in REAL}
    assert found == {
        # 「全区收到政府信息公开申请75件」: 74 new and 1 carried over, counted as received
        "pingtan_2022": [("CON005", "warning", "t3", "new")],
        "pingtan_gongan_2022": [],
        # 政府集中采购 1018703元: 10 / 18703元, 101 / 8703元, 1018 / 703元 …
        "pingtan_haitan_2019": [("EXT003", "warning", "t2", "procurement")],
        # 规范性文件 13013 (13/0/13, 1/30/13 …); no 规章 row (a zone's department makes none: 0,
        # but the format still asks for the row); two 表三 rows printed with no number
        "pingtan_shichang_2023": [("EXT003", "warning", "t2", "normative_docs"), ("STR014", "warning", "t2", None),
                                  ("VAL001", "warning", "t3", None)],
    }
    ext = next(f for f in check_file(RUNON / "pingtan_haitan_2019.txt").findings if f.rule == "EXT003")
    assert ext.message == ("表二「政府集中采购」行印出的数字「1018703元」可以有4种读法（如：10、18703元；101、8703元；"
                           "1018、703元），这一行各格无法确定，不参与核对，请对照原文")


def test_capture_header_gives_title_publication_date_and_metadata():
    result = check_file(RUNON / "pingtan_2022.txt")
    facts = result.facts
    assert facts.document.metadata["capture:原文链接"].endswith("t20230220_80629.htm")
    assert "capture:文号" not in facts.document.metadata          # an empty field is no field
    assert (facts.published[0].date, facts.published[0].source) == (date(2023, 2, 20), "page")
    assert facts.title_location.line == 1
    # the body line became blocks: the tables are Table blocks, the prose paragraphs
    assert [type(b).__name__ for b in facts.document.blocks].count("Table") == 3
    assert facts.document.notes[-1] == "runon"


def test_signature_and_repeated_title_of_a_capture_are_their_own_blocks():
    facts = check_file(RUNON / "pingtan_haitan_2019.txt").facts
    assert facts.signature == "平潭综合实验区海坛片区管理局"
    assert [p.source for p in facts.published] == ["page", "signature"]
    assert facts.published[1].date == date(2020, 1, 2)
    assert facts.document.blocks[2].text == "平潭综合实验区海坛片区管理局2019年度政府信息公开工作年度报告"


def test_cells_decided_by_a_row_total_or_the_prose_are_marked_and_that_identity_is_no_evidence():
    result = check_file(RUNON / "pingtan_2022.txt")
    read_by = result.to_dict()["read_by"]
    # 713000074: only 71, 3, 0, 0, 0, 0, 74 keeps the row's total (7, 13, 0 … 74 does not)
    assert read_by["t3.new.natural"] == read_by["t3.new.total"] == "ARI001:new"
    assert "t3.new.social" not in read_by        # 0 in every reading: the digits decide it
    # 8855698: 现行有效行政规范性文件698件, 本年度制发的规范性文件88件 leave 55 for 废止
    assert {k: v for k, v in read_by.items() if k.startswith("t2.")} == {
        "t2.normative_docs.issued": "text", "t2.normative_docs.repealed": "text", "t2.normative_docs.in_force": "text"}
    statuses = {(e.rule.code, e.fixed): e.status for e in ledger(result.facts).evaluations}
    assert statuses[("ARI001", "new")] is Status.USED
    assert statuses[("ARI001", "carried_over")] is Status.HOLDS     # 1000001: one reading, checked
    assert statuses[("ARI002", "natural")] is Status.HOLDS          # no column identity was used
    assert not any(s is Status.USED for (code, _), s in statuses.items() if code != "ARI001")


def test_column_identities_choose_where_row_totals_cannot():
    # 予以公开 printed 110000011: 11,0,0,0,0,0,11 and 1,10,0,0,0,0,11 both keep the row's total;
    # the other rows (部分公开 1, 逾期不补正 1, 总计 13 and 0 for 商业企业) keep only the first
    text = (RUNON / "pingtan_gongan_2022.txt").read_text(encoding="utf-8")
    changed = (text.replace("（一）予以公开0000000", "（一）予以公开110000011")
               .replace("（七）总计2000002", "（七）总计130000013")
               .replace("一、本年新收政府信息公开申请数量1000001", "一、本年新收政府信息公开申请数量120000012"))
    result = check_bytes(changed.encode("utf-8"), "x.txt")
    t3 = result.to_dict()["tables"]["t3"]
    assert t3["result.granted"] == {"natural": 11, "commercial": 0, "research": 0, "social": 0, "legal": 0,
                                    "other_org": 0, "total": 11}
    assert result.to_dict()["read_by"]["t3.result.granted.natural"] == "ARI002:commercial、ARI002:natural"
    assert [f.rule for f in result.findings if f.rule.startswith(("ARI", "EXT"))] == []
    statuses = {(e.rule.code, e.fixed): e.status for e in ledger(result.facts).evaluations}
    assert statuses[("ARI002", "natural")] is Status.USED and statuses[("ARI003", "natural")] is Status.HOLDS


def test_a_row_no_reading_of_which_keeps_its_total_is_unreadable_not_an_arithmetic_error():
    text = (RUNON / "pingtan_gongan_2022.txt").read_text(encoding="utf-8")
    result = check_bytes(text.replace("（一）予以公开0000000", "（一）予以公开21000001").encode("utf-8"), "x.txt")
    # the 总计 the digits fix (1 in every reading) is read, and 表三's 总计 column does not add up
    # with it: that error stands on no chosen reading; 自然人's and 商业企业's are not checked
    assert [(f.rule, f.location.row, f.location.cell and f.location.cell.column) for f in result.findings] == [
        ("ARI002", None, "total"), ("EXT004", "result.granted", None)]
    t3 = result.to_dict()["tables"]["t3"]
    # 21,0,…,1 or 2,10,…,1: research … total agree in both, the first two cells are not read
    assert t3["result.granted"] == {"research": 0, "social": 0, "legal": 0, "other_org": 0, "total": 1}


def test_splits_follow_the_printed_digits():
    assert split_run("713000074", SEVEN).readings[:2] == (("7", "1", "30", "0", "0", "0", "74"),
                                                          ("7", "1", "300", "0", "0", "7", "4"))
    assert split_run("713000074", SEVEN).count == 7
    assert split_run("8100009", SEVEN).readings == (("8", "1", "0", "0", "0", "0", "9"),)
    assert split_run("0 1 1 0 2", ("count",) * 5).readings == (("0", "1", "1", "0", "2"),)
    assert split_run("13013", ("count",) * 3).readings == (("1", "30", "13"), ("1", "301", "3"), ("13", "0", "13"),
                                                           ("130", "1", "3"))
    # a decimal point only in a column of amounts, a unit only at the end of an amount
    assert split_run("9116.36", ("money",)).readings == (("9116.36",),)
    assert split_run("9116.36", ("count",)).readings == ()
    assert split_run("1018703元", ("count", "money")).count == 4
    # a dash under 本年增/减 is a minus or a placeholder: both readings stay
    assert split_run("5-23", ("count", "signed_count", "count")).readings == (("5", "-2", "3"), ("5", "-", "23"))
    assert split_run("5-3", ("count", "signed_count", "count")).readings == (("5", "-", "3"),)
    assert split_run("4100／05", SEVEN).readings == (("4", "1", "0", "0", "／", "0", "5"),)
    # with blanks allowed (a table that leaves zeros blank) a lone figure may stand in any cell
    assert split_run("3", SEVEN, blanks=True).count == 7


def test_pathological_runs_stop_at_the_bound():
    assert split_run("1" * 200, SEVEN).count == 0                 # no cell holds 29 digits
    many = split_run("1234567890" * 3, SEVEN)
    assert many.too_many and many.readings == () and many.count == MAX_SPLITS + 1
    text = (RUNON / "pingtan_gongan_2022.txt").read_text(encoding="utf-8")
    phone = text.replace("（一）予以公开0000000", "（一）予以公开" + "1234567890" * 3)
    finding = next(f for f in check_bytes(phone.encode("utf-8"), "x.txt").findings if f.rule == "EXT003")
    assert finding.location.row == "result.granted" and "可以有20000种以上读法，这一行各格无法确定" in finding.message


def _seed_capture(separator: str) -> bytes:
    lines = [line.strip().lstrip("#").strip().replace("\\*", "*") for line in SEED.read_text(encoding="utf-8").splitlines()]
    body = "".join(re.sub(r"\t+", separator, line) for line in lines if line)
    return ("标题: 濮阳县庆祖镇人民政府2024年政府信息公开工作年度报告\n发布时间: 2025-01-20 10:00\n"
            "==================== 正文 ====================\n" + body + "\n").encode("utf-8")


@pytest.mark.parametrize("separator", ["", " "])
def test_the_seed_crawled_reads_as_the_seed(separator):
    """The overview's 二、主动公开情况 and 三、依申请公开情况, and 表三's 三、本年度办理结果 and
    四、结转下年度继续办理, run on inside the line: none is taken for a section."""
    got = check_bytes(_seed_capture(separator), "seed.txt").to_dict()
    want = load_json(SEED.with_suffix(".expected.json"))
    assert section_pairs(got["sections"]) == section_pairs(want["sections"])
    assert got["tables"] == want["tables"]
    assert sorted(f["rule"] for f in got["findings"]) == ["CON007", "CON010", "STR012"]   # as the seed's own


def test_inline_headings_keep_misprints_and_old_wordings():
    assert [h.text for h in inline_headings("…情况。一、概述2019年，本局…二、主动公开政府信息情况第二十条")] == [
        "一、概述", "二、主动公开政府信息情况"]
    document = read_document(RUNON / "pingtan_2022.txt")
    headings = [b.text for b in unroll(document).document.blocks if type(b).__name__ == "Heading"]
    assert "四、政府信息公开行政法复议、行政诉讼情况" in headings and "三、本年度办理结果" not in headings


def test_a_long_paragraph_without_headings_is_not_a_capture():
    text = "标题: 某局2024年政府信息公开工作年度报告\n" + "本局认真落实条例，公开信息。" * 200 + "\n"
    assert unroll(read_document_from(text)) is None


def read_document_from(text: str):
    from checker.extract import document_from_bytes
    return document_from_bytes(text.encode("utf-8"), "x.txt")


# --- generated captures (tools/make_runon_samples.py) --------------------------------------

# the page's title named the organ (平潭综合实验区管委会); the capture's text does not
BODY_LOST_IN_CAPTURE = {"pingtan_2024": "平潭综合实验区"}


def _truth(path: Path) -> dict:
    return load_json(path.with_name(path.name[: -len(".txt")] + ".truth.json"))


@pytest.mark.parametrize("path", GENERATED, ids=lambda p: p.name)
def test_generated_capture_reads_every_cell_right_or_says_it_cannot(path):
    truth = _truth(path)
    got = check_file(path).to_dict()
    body = BODY_LOST_IN_CAPTURE.get(path.name.split(".")[0], truth["body"])
    assert (got["title"], got["body"], got["year"], got["template"]) == (
        truth["title"], body, truth["year"], truth["template"])
    assert section_pairs(got["sections"]) == section_pairs(truth["sections"])
    noted = {(f["location"]["table"], f["location"].get("row")) for f in got["findings"] if f["rule"] in NOTES}
    wrong, unread = [], []
    for table, rows in truth["tables"].items():
        flat = rows.items() if table == "t4" else [(f"{r}.{c}", v) for r, cells in rows.items() for c, v in cells.items()]
        grid = got["tables"].get(table, {})
        for key, value in flat:
            row, column = key.rsplit(".", 1)
            printed = grid.get(key, "absent") if table == "t4" else grid.get(row, {}).get(column, "absent")
            if printed == "absent":
                unread.append(key)
                assert (table, None if table == "t4" else row) in noted, f"{table}.{key} neither read nor reported"
            elif printed != value:
                wrong.append((table, key, value, printed))
    assert wrong == []


@pytest.mark.parametrize("path", [RUNON / f"{name}.txt" for name in REAL], ids=lambda p: p.name)
def test_every_single_cell_change_of_a_real_capture_is_caught(path):
    rate = capture_catch_rate(path)
    assert rate.tried >= 162 and rate.missed == []


@pytest.mark.parametrize("path", [p for p in GENERATED if not p.name.startswith("shanghai")], ids=lambda p: p.name)
def test_single_cell_changes_of_generated_captures_are_caught(path):
    rate = capture_catch_rate(path, every=9)
    assert rate.tried >= 15 and rate.missed == []


def test_a_folder_of_captures_pairs_consecutive_years_of_one_body(tmp_path, capsys):
    from checker.cli import main

    from .conftest import ROOT
    for source in (RUNON / "pingtan_gongan_2022.txt", ROOT / "tests" / "data" / "pingtan_gongan_2023_rewritten.txt"):
        (tmp_path / source.name).write_bytes(source.read_bytes())
    assert main(["check", str(tmp_path), "--format", "json"]) in (0, 1)
    import json
    records = {Path(r["file"]).name: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    this = records["pingtan_gongan_2023_rewritten.txt"]
    assert this["cross_year"]["paired_with"].endswith("pingtan_gongan_2022.txt")
    assert this["cross_year"]["last_year"] == 2022
    assert "cross_year" not in records["pingtan_gongan_2022.txt"]


def test_row_labels_in_the_prose_around_a_table_are_not_its_rows():
    text = (RUNON / "pingtan_gongan_2022.txt").read_text(encoding="utf-8")
    changed = text.replace("行政事业性收费0三、收到", "行政事业性收费0本年度未作出行政许可决定，行政处罚决定均依法公开。三、收到")
    got = check_bytes(changed.encode("utf-8"), "x.txt").to_dict()
    assert got["tables"] == load_json(RUNON / "pingtan_gongan_2022.expected.json")["tables"]
    assert got["findings"] == []


def test_a_capture_without_its_header_still_reads_and_finds_the_title_at_the_head_of_the_body():
    text = (RUNON / "pingtan_haitan_2019.txt").read_text(encoding="utf-8").split("=== 正文 ====================\n")[1]
    result = check_bytes(text.encode("utf-8"), "x.txt")
    assert (result.title, result.body, result.year) == ("平潭综合实验区海坛片区管理局2019年度政府信息公开工作年度报告",
                                                        "平潭综合实验区海坛片区管理局", 2019)
    assert result.to_dict()["tables"] == load_json(RUNON / "pingtan_haitan_2019.expected.json")["tables"]
    # no 发布时间 without the header: the 落款 date is the evidence
    assert [(p.source, p.date) for p in result.facts.published] == [("signature", date(2020, 1, 2))]


def test_identities_the_reading_did_not_use_find_the_real_errors():
    # every 总计 printed 0 under 2 requests handled: the 0000000 row has one reading, so the
    # column identities are checks, not choices
    text = (RUNON / "pingtan_gongan_2022.txt").read_text(encoding="utf-8")
    result = check_bytes(text.replace("（七）总计2000002", "（七）总计0000000").encode("utf-8"), "x.txt")
    assert [(f.rule, f.location.cell.column, f.expected, f.actual) for f in result.findings] == [
        ("ARI002", "natural", 2, 0), ("ARI002", "total", 2, 0), ("ARI003", "natural", 2, 0),
        ("ARI003", "total", 2, 0)]
    assert result.findings[0].message == "表三「自然人」列：办理结果总计(0)≠（一）至（六）各项之和(2)"


def test_hostile_long_lines_are_bounded_and_never_crash():
    """200,000 numerals, 20,000 repeated headings or row labels, 100,000 digits in a row or a
    sentence: each is read within the bounds (MAX_NUMERALS, MAX_ROW_MARKS, MAX_SPLITS,
    MAX_NUMBER_CHARS) to an answer, never a traceback (the timing is benchmarks' business)."""
    from checker.errors import NotAReport
    sections = "一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 "
    with pytest.raises(NotAReport):
        check_bytes(("一、" * 200_000).encode("utf-8"), "numerals.txt")
    repeated = check_bytes((sections * 8_000).encode("utf-8"), "headings.txt")   # 360,000 characters
    assert [s.id for s in repeated.sections][:3] == ["overview", "proactive", "requests"]
    with pytest.raises(NotAReport):   # past MAX_RUNON_CHARS a line is no capture's body
        check_bytes((sections * 20_000).encode("utf-8"), "headings.txt")
    labels = check_bytes((sections + "本年新收政府信息公开申请数量1000001" * 10_000).encode("utf-8"), "labels.txt")
    assert labels.to_dict()["tables"] == {}     # one row's label 20,000 times is no table
    digits = check_bytes((sections + "本年新收政府信息公开申请数量" + "1" * 100_000 + "上年结转政府信息公开申请数量"
                          + "0" * 7).encode("utf-8"), "digits.txt")
    assert [(f.rule, f.location.row) for f in digits.findings if f.rule.startswith("EXT")] == [("EXT005", "new")]
    prose = ("标题: 某局2024年政府信息公开工作年度报告\n一、总体情况\n本局收到申请" + "1" * 100_000 + "件。\n"
             "二、主动公开政府信息情况\n无。\n")
    assert check_bytes(prose.encode("utf-8"), "prose.txt").facts.statements == []


def test_t4_printed_as_three_rows_of_five_after_their_groups_names():
    """表四 crawled as three rows, each group's name before its five figures (not one run of
    fifteen under the header): each row read under its own group."""
    text = (SAMPLES / "runon" / "generated" / "county_2024_clean.spaced.txt").read_text(encoding="utf-8")
    one_run = "总计3 1 1 1 6 2 0 1 0 3 1 1 0 1 3五、"
    assert one_run in text
    text = text.replace(one_run, "总计 行政复议 3 1 1 1 6 未经复议直接起诉 2 0 1 0 3 复议后起诉 1 1 0 1 3 五、")
    record = check_bytes(text.encode("utf-8"), "three_rows.txt").to_dict()
    assert record["tables"]["t4"] == {
        "review.upheld": 3, "review.corrected": 1, "review.other": 1, "review.pending": 1, "review.total": 6,
        "litigation_direct.upheld": 2, "litigation_direct.corrected": 0, "litigation_direct.other": 1,
        "litigation_direct.pending": 0, "litigation_direct.total": 3,
        "litigation_after_review.upheld": 1, "litigation_after_review.corrected": 1,
        "litigation_after_review.other": 0, "litigation_after_review.pending": 1, "litigation_after_review.total": 3}
    assert record["findings"] == []
