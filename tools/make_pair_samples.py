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
- pingtan_2023.html: 平潭综合实验区（管委会） 2023, made from the real 2024 page
  (samples/pingtan_2024.html) the way an office rewrites a report: the preamble, the six
  headings, the overview's five sub-headings, the tables and section 六's one sentence kept
  (years a year earlier; 行政规范性文件 57 制发, 28 废止, 411 现行有效, so 2024's 440 = 411 + 62 − 33);
  every other sentence written anew, except one sentence of the overview (5个 政务新媒体
  予以关停注销) that 2024 repeats word for word.

- tests/data/pingtan_gongan_2023_rewritten.txt: 平潭综合实验区公安局 2023, made from the real
  2022 capture (shared/real-reports/pingtan_gongan_2022.txt, a run-on crawl with the tables
  inline) the way a department rewrites its report: the crawler's header, the preamble, the six
  headings, the tables' printed labels and section 六 kept (a year later, with that year's digit
  runs), the overview's parts and section 五 written anew and shorter. Kept out of samples/ (the
  checker cannot read run-on captures yet): the copy rules' measure is tested on its text.

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


# The 2024 page's paragraphs (as printed, inside <p>…</p> after their sub-heading) and what an
# office writing the 2023 report put in their place. What is not listed here is kept.
PINGTAN_2023_PROSE = {
    "2024年，平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导，全面学习贯彻党的二十大和二十届二中、三中全会精神，深入贯彻落实习近平总书记在福建考察时的重要讲话精神，认真落实党中央、国务院关于做好新时代政务公开工作有关决策部署，在实验区党工委、管委会坚强领导下，持续深化政务公开，充分发挥以公开促落实、助监督、强监管的功能作用，以高质量政务公开助推经济社会高质量发展。":
        "2023年，平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，认真落实党中央、国务院关于全面推进政务公开工作的决策部署，在实验区党工委、管委会的坚强领导下，紧紧围绕实验区中心工作，以公开促落实、强监管、优服务，政府信息公开工作取得新成效。",
    "有序推进基层政务公开，聚焦营商环境、项目投资、产业政策等重点领域，发布权威信息，持续加强公开力度，不断提高政府信息公开的深度和广度，通过政府门户网站全年主动公开各类政府信息10407条。加强政策解读力度，通过文字、图解、视频、访谈等多种形式，不断增强政策解读的权威性、针对性，全年发布政策文件解读96篇，获得良好的传播效果。持续增进互动交流，全年通过门户网站开展民意征集53期、网上调查51期，开展“平潭大家谈”系列在线访谈12期，主动回应社会关切，及时解答群众疑问，切实提升公众参与度和满意度。":
        "围绕重大决策部署和群众关切，加大重点领域信息公开力度，通过政府门户网站全年主动公开各类政府信息9865条。坚持政策文件与解读材料同步起草、同步审签、同步发布，全年发布政策解读81篇，其中图解、视频等形式解读37篇。拓宽政民互动渠道，开展网上调查、民意征集44期，举办“平潭大家谈”在线访谈10期，及时回应公众关切。",
    "规范做好申请登记、审查、办理、答复、归档等工作，强化服务理念，提高答复质量。主动加强与申请人沟通，了解实质诉求，耐心细致为群众释疑并合理引导。强化与区直各部门协调联动，畅通信息查找渠道，满足企业、群众个性化政府信息需求。全年办理政府信息公开申请218件。":
        "严格落实依申请公开办理制度，完善受理、登记、办理、审核、答复等环节的工作流程，确保答复内容规范、依据充分。对申请内容不明确的，主动与申请人电话沟通，帮助其明确申请内容，切实保障申请人的合法权益。",
    "规范政府信息发布流程，坚持“先审查、后公开”原则，认真做好文件公开属性源头认定和信息公开保密审查。落实分级审核制度，加强信息发布前“三审三校”，确保信息准确、安全。加强规范性文件库建设，巩固行政规范性文件集中统一公开成果，动态更新发布本年度制发行政规范性文件62件，并同步做好全真版上传等工作，确保行政规范性文件库数据准确、规范统一。":
        "健全政府信息公开保密审查机制，严格执行“一事一审”制度，防止泄密和不当公开。做好行政规范性文件的统一登记、统一编号、统一公开，本年度公开行政规范性文件57件。对已公开的政府信息开展全面自查，及时更新调整过时失效的内容。",
    "发挥门户网站政务公开第一平台作用，进一步完善信息发布、解读回应、互动交流、办事服务功能，积极探索新技术在网站场景应用，优化升级智能搜索、智能问答、智能推荐模块，为公众提供方便、快捷的线上服务。":
        "推进政府门户网站集约化建设，完善政府信息公开专栏，优化栏目设置和检索功能，提升网站的易用性和友好性。规范政务新媒体运营管理，建立健全内容审核、值班值守制度。",
    "加强政务公开工作的组织领导和协调保障，将政务公开工作与业务工作同研究、同部署、同落实。坚持把政务公开工作纳入绩效考核体系，完善政务公开考核方式，优化考核指标体系。强化技术手段保障，运用第三方技术监测手段，加大政府网站与政务新媒体信息发布日常监测、季度检查力度，及时发出表述不规范等问题工单，督促相关单位整改落实，确保网站和政务新媒体健康平稳安全运行。":
        "成立政务公开工作领导小组，明确分管领导和具体经办人员，形成一级抓一级、层层抓落实的工作格局。将政务公开工作纳入年度绩效考评，定期通报各单位工作情况。组织开展政务公开业务培训2场，提升工作人员业务水平。",
    "2024年，实验区政府信息公开工作取得了新进展新成果，但在工作中仍在不足，如新时代政府信息公开工作机制有待进一步调整和完善；政策解读形式仍需创新；智能化、数字化手段运用还不够充分等。2025年，将重点从以下方面做好改进：一是优化主动公开目录，开展主动公开事项目录编制，进一步明确政府信息公开的范围和内容，整合政府信息资源，提升政务公开工作规范化水平。二是增强政策解读效果，进一步丰富政策解读形式，开展通俗化、多方位解读工作，不断扩大政策知晓度，确保群众“看得懂、用得上”。三是加快数字化转型，强化数字化信息技术在政务公开领域的创新运用，推动政务公开智能化、数字化转型，提升政务公开的效率和质量。":
        "2023年，实验区政府信息公开工作虽取得一定成效，但仍存在一些不足：一是部分单位主动公开的及时性和完整性有待提高；二是政策解读质量参差不齐，解读形式较为单一；三是基层政务公开标准化规范化建设还需深化。2024年，实验区将着力做好以下工作：一是加强督促指导，定期开展政府信息公开检查，推动各单位及时准确公开政府信息。二是提升解读质量，推行图表图解、短视频等多种解读方式，增强政策解读的可读性。三是深化基层政务公开，推进基层政务公开标准目录的落实和动态调整。",
}
# 表二 行政规范性文件 (制发, 废止, 现行有效) a year earlier
PINGTAN_2023_NORMATIVE = ("<td><p>62</p></td><td><p>33</p></td><td><p>440</p></td>",
                          "<td><p>57</p></td><td><p>28</p></td><td><p>411</p></td>")


def _year_earlier(text: str) -> str:
    return text.replace("2024", "2023").replace("2025", "2024")


def make_pingtan_2023() -> None:
    page = _year_earlier((ROOT / "samples" / "pingtan_2024.html").read_text(encoding="utf-8"))
    for this_year, last_year in PINGTAN_2023_PROSE.items():
        assert page.count(_year_earlier(this_year)) == 1, this_year[:20]
        page = page.replace(_year_earlier(this_year), last_year)
    assert page.count(PINGTAN_2023_NORMATIVE[0]) == 1
    page = page.replace(*PINGTAN_2023_NORMATIVE)
    (OUT / "pingtan_2023.html").write_text(page, encoding="utf-8")


REAL = ROOT.parent / "shared" / "real-reports"
TEST_DATA = ROOT / "tests" / "data"
# The capture's parts, each from its marker to the next, and what the 2023 report says instead;
# the preamble before the first marker, the tables' part (二 … up to 五) and 六 are kept.
GONGAN_MARKERS = ("一、总体情况", "（一）突出重点", "（二）规范管理", "（三）拓宽渠道", "（四）严格审查",
                  "二、主动公开政府信息情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")
GONGAN_2023_PROSE = {
    "一、总体情况": "一、总体情况2023年，我局深入贯彻落实政府信息公开工作要求，围绕公安中心工作和群众办事需求，持续做好政府信息公开各项工作。",
    "（一）突出重点": "（一）主动公开。全年在实验区政府网站公安栏目主动公开政府信息203条，重点公开户籍、出入境、交通管理等便民服务信息。2023年，我局未收到政府信息公开申请，也无上年结转的申请。",
    "（二）规范管理": "（二）制度建设。修订政府信息公开保密审查办法，明确拟公开信息由承办部门初审、办公室复审、分管领导终审。",
    "（三）拓宽渠道": "（三）平台建设。优化公安栏目设置，新增“警情通报”“便民提示”两个子栏目，全年发布防诈骗提示47条。",
    "（四）严格审查": "（四）监督保障。将政务公开工作纳入各部门年度绩效考评，全年开展自查2次，发现的问题均已整改到位。",
    "五、存在的主要问题及改进情况": "五、存在的主要问题及改进情况2023年，我局政府信息公开工作还存在公开内容不够丰富、政策解读不够深入等不足。2024年，我局将进一步拓展公开内容，加强政策解读，提升政府信息公开工作质量。",
}
# 2023's figures in the tables' digit runs (2023 上年结转 0 = 2022's 结转下年度继续办理 0)
GONGAN_2023_CELLS = (("行政规范性文件417", "行政规范性文件209"), ("行政处罚157", "行政处罚171"),
                     ("本年新收政府信息公开申请数量1000001", "本年新收政府信息公开申请数量0000000"),
                     ("上年结转政府信息公开申请数量1000001", "上年结转政府信息公开申请数量0000000"),
                     ("不计其他情形）1000001", "不计其他情形）0000000"),
                     ("不再处理其政府信息公开申请10000012.", "不再处理其政府信息公开申请00000002."),
                     ("（七）总计2000002", "（七）总计0000000"))


def make_gongan_2023() -> None:
    capture = (REAL / "pingtan_gongan_2022.txt").read_text(encoding="utf-8")
    header, body = capture.split("==================== 正文 ====================", 1)
    starts = [body.index(m) for m in GONGAN_MARKERS]
    assert starts == sorted(starts) and all(body.count(m) == 1 for m in GONGAN_MARKERS)
    parts = [body[:starts[0]]] + [body[a:b] for a, b in zip(starts, starts[1:] + [len(body)])]
    out = [parts[0]]
    for marker, part in zip(GONGAN_MARKERS, parts[1:]):
        out.append(GONGAN_2023_PROSE.get(marker) or part.replace("2022", "2023"))
    text = "".join(out)
    for this_year, next_year in GONGAN_2023_CELLS:
        assert text.count(this_year) == 1, this_year
        text = text.replace(this_year, next_year)
    header = "\n".join(line for line in header.splitlines() if not line.startswith(("原文链接", "本地目录", "页面链接")))
    header = header.replace("2022年", "2023年").replace("2023-01-09 19:52", "2024-01-18 10:12")
    header += "\n说明: 由 tools/make_pair_samples.py 改写 pingtan_gongan_2022.txt 而成（下一年度的报告）\n"
    TEST_DATA.mkdir(exist_ok=True)
    (TEST_DATA / "pingtan_gongan_2023_rewritten.txt").write_text(
        header + "==================== 正文 ====================" + text, encoding="utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    make_qingzu_2023()
    make_county_2023()
    make_pingtan_2023()
    make_gongan_2023()
    for path in [*sorted(OUT.iterdir()), TEST_DATA / "pingtan_gongan_2023_rewritten.txt"]:
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
