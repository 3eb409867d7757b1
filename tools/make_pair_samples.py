#!/usr/bin/env python3
"""Write last year's reports for two bodies whose this-year reports are samples, into
samples/pairs/, for the cross-year and copy rules (XYR, CPY).

No real body's two consecutive reports are in shared/real-reports, so last year's
report is made here from this year's, the way offices do make it: copy, change the
year and some figures. What each pair must show is known by construction and
written to samples/pairs/README.md.

- qingzu_2023.txt: the seed (濮阳县庆祖镇人民政府 2024) one year earlier. Its 表三 is all
  zeros like the seed's, so 结转 carries over; the overview's figures differ (主动公开
  398 件, not 433); section 五 and the sentence on 推进会 4 次 are the seed's word for word.
- county_2023.html: 青岚县人民政府 2023, rendered by tools/make_html_samples.py from the
  same data as county_2024_clean with last year's figures: 结转下年度继续办理 自然人 10
  (2024 上年结转 says 9), 商业企业 2, 法律服务机构 1; 行政规范性文件 现行有效 81, so 2024's
  87 should be 81 + 14 − 6 = 89; a section 五 of its own; the rest of the prose the
  2024 text with last year's figures, except five figures in three sentences that 2024
  repeats word for word (培训3期 260余人次; 常务会议2次 3%; 18个乡镇便民服务中心).

Usage: python3 tools/make_pair_samples.py   (standard library + opencc, like the HTML script)
"""
from __future__ import annotations

import copy
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "pairs"
sys.path.insert(0, str(ROOT / "tools"))

import make_html_samples as html_samples  # noqa: E402


def make_qingzu_2023() -> None:
    seed = (ROOT / "samples" / "qingzu_2024.txt").read_text(encoding="utf-8")
    text = seed.replace("2024", "2023").replace("全年共主动公开政府信息 433 件", "全年共主动公开政府信息 398 件")
    text = text.replace("对政务公开工作进行梳理，加强政务公开建设着力做好政策解读和依法申请公开",
                        "认真贯彻落实《政府信息公开条例》，着力做好政策解读和依法申请公开")
    assert text.count("2023") == seed.count("2024") and "398 件" in text
    (OUT / "qingzu_2023.txt").write_text(text, encoding="utf-8")


COUNTY_2023_PROBLEMS = [
    "2023年，我县政府信息公开工作稳步推进，但仍存在以下不足：一是部分部门主动公开意识不强，信息发布存在滞后现象；二是政务新媒体管理不够规范，个别账号长期不更新；三是依申请公开办理人员变动频繁，业务能力参差不齐。",
    "2024年，我县将着力抓好以下工作：一是建立信息发布时限督办制度，定期通报各部门信息更新情况。二是开展政务新媒体清理整合，健全账号开设、内容审核和运维管理制度。三是组织依申请公开专题培训，编印答复文书范本，提升办理规范化水平。",
    "工作考核、社会评议和责任追究结果情况：县政府将政务公开纳入年度综合考核，考核结果已通报；通过政府网站开展社会评议，群众满意度为95.2%；本年度未发生政府信息公开工作责任追究情况。",
]

# Last year's carried_forward per column (the 2024 report's 上年结转 is 9 / 2 / 1).
COUNTY_2023_CARRIED_FORWARD = {"natural": 10, "commercial": 2, "legal": 1}


def county_2023_spec() -> dict:
    spec = copy.deepcopy(html_samples.COUNTY)
    spec.update(name="county_2023", year=2023)
    spec["t2"]["normative_docs"] = {"issued": 11, "repealed": 4, "in_force": 81}
    spec["t2"]["licensing"] = {"decisions": 5981}
    spec["t3"]["carried_over"] = {"natural": 6, "commercial": 1}
    # choose 本年新收 so that each column's balance leaves exactly last year's carried_forward
    result_rows = html_samples.t3_result_rows("2021")
    for column in html_samples.T3_LEAF_COLS:
        handled = sum(spec["t3"].get(row, {}).get(column, 0) for row in result_rows)
        wanted = COUNTY_2023_CARRIED_FORWARD.get(column, 0)
        spec["t3"]["new"][column] = wanted + handled - spec["t3"]["carried_over"].get(column, 0)
    return spec


# Figures of the 2024 overview that were different a year earlier; the others (培训3期,
# 260余人次, 常务会议2次, 3%, 18个) stay as they were, so that 2024 repeats them word for word.
COUNTY_2023_FIGURES = {"5268条": "4913条", "213件": "198件", "96条": "88条", "154条": "149条", "87篇": "79篇",
                       "41篇": "33篇", "2763件": "2519件", "24期": "22期", "1300余次": "1200余次", "43个": "45个",
                       "7个": "5个"}


def _last_year_text(text: str) -> str:
    text = text.replace("2024", "2023").replace("2025", "2024")
    for this_year, last_year in COUNTY_2023_FIGURES.items():
        text = text.replace(this_year, last_year)
    return text


def make_county_2023() -> None:
    spec = county_2023_spec()
    values = html_samples.values_of(spec)
    assert html_samples.check_identities("2021", values["t3"], values["t4"]) == []
    assert {c: values["t3"]["carried_forward"][c] for c in COUNTY_2023_CARRIED_FORWARD} == COUNTY_2023_CARRIED_FORWARD
    doc = []
    for block in html_samples.county_doc(values):
        block = tuple(_last_year_text(part) if isinstance(part, str) else part for part in block)
        doc.append(block)
    start = next(i for i, b in enumerate(doc) if b[0] == "h" and b[1] == "problems")
    end = next(i for i, b in enumerate(doc) if b[0] == "h" and b[1] == "other")
    doc[start + 1:end] = [("p", text) for text in COUNTY_2023_PROBLEMS]
    html_samples.OUT = OUT   # the HTML script writes NAME.html and NAME.truth.json into OUT
    html_samples.write_sample("county_2023", html_samples.meta_of(spec), doc, values,
                              html_samples.default_printed(values), [], html_samples.render_pingtan)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    make_qingzu_2023()
    make_county_2023()
    for path in sorted(OUT.iterdir()):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
