"""The run-on captures made by tools/make_runon_samples.py: files, bytes, shape and self-check.

No reader is involved: these tests hold the generated captures to their maker and their truth.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT, SAMPLES, load_json

MAKER = ROOT / "tools" / "make_runon_samples.py"
GENERATED = SAMPLES / "runon" / "generated"
INPUTS = {
    "city_dept_2020_template2019": "samples/html/city_dept_2020_template2019.html",
    "county_2024_clean": "samples/html/county_2024_clean.html",
    "county_2024_errors": "samples/html/county_2024_errors.html",
    "district_2022_traditional": "samples/html/district_2022_traditional.html",
    "township_2023_gbk": "samples/html/township_2023_gbk.html",
    "pingtan_2024": "samples/pingtan_2024.html",
    "shanghai_bgt_2019": "samples/shanghai_bgt_2019.html",
}
VARIANTS = {"runon": "none", "spaced": "space", "mixed": "mixed"}
CAPTURES = [(name, suffix) for name in sorted(INPUTS) for suffix in VARIANTS]
HEADER_STARTS = ["标题: ", "发布时间: ", "文号: ", "发布机构: ", "栏目: 政府信息公开年报",
                 "原文链接: https://", "本地目录: ", "页面链接与图片详见 links.tsv(同目录)",
                 "==================== 正文 ===================="]


def run_maker(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(MAKER), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def capture(name: str, suffix: str) -> str:
    return (GENERATED / f"{name}.{suffix}.txt").read_text(encoding="utf-8")


def body(name: str, suffix: str) -> str:
    return capture(name, suffix).split("\n")[9]


def source_truth(name: str) -> dict:
    src = ROOT / INPUTS[name]
    if src.parent.name == "html":
        return load_json(src.with_suffix(".truth.json"))
    return load_json(src.with_suffix(".expected.json"))


def test_every_input_gives_every_variant_and_nothing_else():
    names = sorted(p.name for p in GENERATED.iterdir())
    want = sorted([f"{n}.{s}.txt" for n, s in CAPTURES] + [f"{n}.{s}.truth.json" for n, s in CAPTURES]
                  + ["README.md"])
    assert names == want
    assert len(names) == 43
    inputs = {p.stem for p in (SAMPLES / "html").glob("*.html")} | {"pingtan_2024", "shanghai_bgt_2019"}
    assert inputs == set(INPUTS)


def test_rerunning_the_maker_gives_identical_bytes(tmp_path):
    proc = run_maker("--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "self-check: 21 captures match their truth"
    made = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    kept = {p.name: p.read_bytes() for p in GENERATED.iterdir()}
    assert sorted(made) == sorted(kept)
    assert [n for n in made if made[n] != kept[n]] == []


@pytest.mark.parametrize("name,suffix", CAPTURES, ids=[f"{n}.{s}" for n, s in CAPTURES])
def test_capture_is_a_header_block_then_one_body_line(name, suffix):
    text = capture(name, suffix)
    truth = load_json(GENERATED / f"{name}.{suffix}.truth.json")
    lines = text.split("\n")
    assert len(lines) == 10 and not text.endswith("\n")  # as the real captures: no newline after the body
    for line, start in zip(lines, HEADER_STARTS):
        assert line.startswith(start), (line, start)
    assert lines[0] == f"标题: {truth['title']}"
    assert re.fullmatch(r"发布时间: \d{4}-\d\d-\d\d \d\d:\d\d", lines[1])
    assert re.fullmatch(r"原文链接: https://[a-z.]+\.gov\.cn/[\w/]+/t\d{8}_\d{5}\.htm", lines[5])
    assert lines[2] == "文号: "
    text_body = lines[9]
    assert text_body and text_body == text_body.strip() and "  " not in text_body
    assert not re.search(r"[\t\r\f\v\xa0\u3000]", text_body)
    assert "三、收到和处理政府信息公开申请情况" in text_body or "三、收到和處理政府信息公開申請情況" in text_body


@pytest.mark.parametrize("name,suffix", CAPTURES, ids=[f"{n}.{s}" for n, s in CAPTURES])
def test_truth_is_the_inputs_truth_with_its_source_and_separators(name, suffix):
    truth = load_json(GENERATED / f"{name}.{suffix}.truth.json")
    assert truth.pop("made_from") == INPUTS[name]
    assert truth.pop("separators") == VARIANTS[suffix]
    assert truth == source_truth(name)


def test_self_check_passes_on_the_kept_files():
    proc = run_maker("--check")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "self-check: 21 captures match their truth"


def test_self_check_fails_when_a_capture_drifts_from_its_truth(tmp_path):
    for p in GENERATED.iterdir():
        shutil.copy(p, tmp_path / p.name)
    path = tmp_path / "county_2024_clean.runon.txt"
    text = path.read_text(encoding="utf-8")
    row = "一、本年新收政府信息公开申请数量168212163201"
    assert text.count(row) == 1
    path.write_text(text.replace(row, row[:-1] + "2"), encoding="utf-8")
    spaced = tmp_path / "county_2024_errors.spaced.truth.json"
    truth = json.loads(spaced.read_text(encoding="utf-8"))
    truth["separators"] = "none"
    spaced.write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    proc = run_maker("--check", "--out", str(tmp_path))
    assert proc.returncode == 1
    assert "county_2024_clean.runon.txt: 表三 new prints '168212163202" in proc.stderr
    assert "truth '168212163201'" in proc.stderr
    assert "county_2024_errors.spaced.truth.json: separators 'none', want 'space'" in proc.stderr


@pytest.mark.parametrize("name,suffix,row", [
    # 168, 21, 2, 1, 6, 3, 201: every cell boundary lost, or every one a space
    ("county_2024_clean", "runon", "一、本年新收政府信息公开申请数量168212163201"),
    ("county_2024_clean", "spaced", "一、本年新收政府信息公开申请数量 168 21 2 1 6 3 201"),
    ("county_2024_clean", "runon", "（一）予以公开628102174"),
    ("county_2024_clean", "spaced", "（七）总计 172 19 2 1 5 2 201"),
    # blank cells print nothing: 821, 35, _, _, 2, 1, 859 and 18, _, _, _, _, _, 18
    ("shanghai_bgt_2019", "runon", "一、本年新收政府信息公开申请数量8213521859"),
    ("shanghai_bgt_2019", "spaced", "一、本年新收政府信息公开申请数量 821 35 2 1 859"),
    ("shanghai_bgt_2019", "runon", "二、上年结转政府信息公开申请数量1818"),
    ("shanghai_bgt_2019", "spaced", "政府集中采购 6 251000元"),
    # kept as printed: ／, full-width digits, traditional characters
    ("county_2024_errors", "spaced", "4.保护第三方合法权益 4 1 0 0 ／ 0 5"),
    ("county_2024_errors", "runon", "4.保护第三方合法权益4100／05"),
    ("district_2022_traditional", "runon", "一、本年新收政府信息公開申請數量９６１１０１４２１１４"),
    ("district_2022_traditional", "spaced", "行政事業性收費 251000元"),
    ("city_dept_2020_template2019", "spaced", "行政许可 12 -2 486"),
    ("city_dept_2020_template2019", "runon", "（六）其他处理1001002"),
    ("township_2023_gbk", "runon", "（四）无法提供1.本机关不掌握相关政府信息1000001"),
    ("pingtan_2024", "runon", "5.属于三类内部事务信息320000032"),
])
def test_known_rows_print_as_the_page_has_them(name, suffix, row):
    assert body(name, suffix).count(row) == 1


def test_mixed_captures_choose_the_label_gap_and_the_value_gaps_per_row():
    text = body("county_2024_clean", "mixed")
    assert text.count("一、本年新收政府信息公开申请数量 168 21 2 1 6 3 201") == 1
    assert text.count("（一）予以公开 628102174") == 1
    assert text.count("4.保护第三方合法权益4 1 0 0 0 0 5") == 1
    assert text.count("（二）部分公开（区分处理的，只计这一情形，不计其他情形） 17 3 0 0 1 0 21") == 1
    assert text.count("2.其他法律行政法规禁止公开 2000002") == 1


def test_header_dates_come_from_the_page_where_it_prints_one():
    assert capture("township_2023_gbk", "runon").split("\n")[1] == "发布时间: 2024-01-26 10:00"
    assert capture("shanghai_bgt_2019", "mixed").split("\n")[1] == "发布时间: 2020-01-31 10:00"
    assert capture("county_2024_clean", "spaced").split("\n")[1] == "发布时间: 2025-01-20 10:00"
    assert capture("city_dept_2020_template2019", "runon").split("\n")[1] == "发布时间: 2021-01-20 10:00"


def test_pages_keep_their_characters_and_chrome():
    trad = capture("district_2022_traditional", "runon").split("\n")
    assert trad[0] == "标题: 临澜市栖凤区人民政府2022年政府信息公开工作年度报告"
    assert trad[9].startswith("臨瀾市棲鳳區人民政府2022年政府信息公開工作年度報告")
    gbk = body("township_2023_gbk", "spaced")
    assert gbk.startswith("当前位置：首页 > 政务公开 > 政府信息公开年报")
    assert "堃华" in gbk and gbk.endswith("【打印本页】【关闭窗口】")


def test_variants_of_a_page_differ_only_in_spaces():
    for name in INPUTS:
        squeezed = {body(name, s).replace(" ", "") for s in VARIANTS}
        assert len(squeezed) == 1, name
