#!/usr/bin/env python3
"""Write realistic HTML sample reports (政府信息公开工作年度报告) into samples/html/.

Every sample is rendered from the data in this file: the table values are dicts keyed by the
row/column ids of shared/DOMAIN.md, the prose takes its numbers from the same dicts, and the
truth file NAME.truth.json beside each sample is computed from the very strings that were
printed into the HTML.  Truth and HTML therefore cannot drift apart.

Truth format: the keys of shared/real-reports/*.expected.json (title, body, year, template,
sections, tables) plus
  printed_text  {cell_id: raw printed text} for every cell whose value is null or whose printed
                text is not a plain ASCII number (blank -> "", "／", "251000元", full-width digits);
  defects       [{kind, cell, printed, correct, note, ...}] for every defect put in on purpose.
Cell ids: t2.<row>.<col>, t3.<row>.<col> (row ids contain dots, the column is the last part),
t4.<group>.<leaf>.

Usage:  python3 tools/make_html_samples.py            (standard library + opencc)
"""
from __future__ import annotations

import copy
import html
import json
import pathlib
import re

import opencc

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "html"

# --------------------------------------------------------------------------------------------
# Identifiers and labels (shared/DOMAIN.md §2)
# --------------------------------------------------------------------------------------------
T3_COLS = ["natural", "commercial", "research", "social", "legal", "other_org", "total"]
T3_LEAF_COLS = T3_COLS[:-1]

DENIED = ["state_secret", "law_forbidden", "security_stability", "third_party",
          "internal_affairs", "process_info", "enforcement_file", "query"]
UNABLE = ["not_held", "needs_creation", "unclear"]
NOT_PROCESSED = ["petition", "repeated", "publication", "excessive", "confirm"]
OTHER_2021 = ["no_correction", "unpaid_fee", "other"]


def t3_result_rows(template: str) -> list[str]:
    rows = ["result.granted", "result.partial"]
    rows += [f"result.denied.{x}" for x in DENIED]
    rows += [f"result.unable.{x}" for x in UNABLE]
    rows += [f"result.not_processed.{x}" for x in NOT_PROCESSED]
    if template == "2021":
        rows += [f"result.other.{x}" for x in OTHER_2021]
    else:
        rows += ["result.other"]
    return rows


def t3_rows(template: str) -> list[str]:
    return ["new", "carried_over"] + t3_result_rows(template) + ["result.total", "carried_forward"]


T3_LABEL = {
    "new": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "result.granted": "（一）予以公开",
    "result.partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "result.denied.state_secret": "1.属于国家秘密",
    "result.denied.law_forbidden": "2.其他法律行政法规禁止公开",
    "result.denied.security_stability": "3.危及“三安全一稳定”",
    "result.denied.third_party": "4.保护第三方合法权益",
    "result.denied.internal_affairs": "5.属于三类内部事务信息",
    "result.denied.process_info": "6.属于四类过程性信息",
    "result.denied.enforcement_file": "7.属于行政执法案卷",
    "result.denied.query": "8.属于行政查询事项",
    "result.unable.not_held": "1.本机关不掌握相关政府信息",
    "result.unable.needs_creation": "2.没有现成信息需要另行制作",
    "result.unable.unclear": "3.补正后申请内容仍不明确",
    "result.not_processed.petition": "1.信访举报投诉类申请",
    "result.not_processed.repeated": "2.重复申请",
    "result.not_processed.publication": "3.要求提供公开出版物",
    "result.not_processed.excessive": "4.无正当理由大量反复申请",
    "result.not_processed.confirm": "5.要求行政机关确认或重新出具已获取信息",
    "result.other": "（六）其他处理",
    "result.other.no_correction": "1.申请人无正当理由逾期不补正、行政机关\n不再处理其政府信息公开申请",
    "result.other.unpaid_fee": "2.申请人逾期未按收费通知要求缴纳费用、\n行政机关不再处理其政府信息公开申请",
    "result.other.other": "3.其他",
    "result.total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}
T3_GROUP_LABEL = {"denied": "（三）不予公开", "unable": "（四）无法提供",
                  "not_processed": "（五）不予处理", "other": "（六）其他处理"}

T4_GROUPS = ["review", "litigation_direct", "litigation_after_review"]
T4_LEAVES = ["upheld", "corrected", "other", "pending", "total"]
T4_LEAF_LABEL = {"upheld": "结果\n维持", "corrected": "结果\n纠正", "other": "其他\n结果",
                 "pending": "尚未\n审结", "total": "总计"}

T2_2021 = [  # (block, header labels, [(row_id, label, [col ids])])
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
     [("regulations", "规章", ["issued", "repealed", "in_force"]),
      ("normative_docs", "行政规范性文件", ["issued", "repealed", "in_force"])]),
    ("第二十条第（五）项", ["本年处理决定数量"], [("licensing", "行政许可", ["decisions"])]),
    ("第二十条第（六）项", ["本年处理决定数量"],
     [("punishment", "行政处罚", ["decisions"]), ("enforcement", "行政强制", ["decisions"])]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("fees", "行政事业性收费", ["amount"])]),
]
T2_2019 = [
    ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("regulations", "规章", ["made", "published", "total_public"]),
      ("normative_docs", "规范性文件", ["made", "published", "total_public"])]),
    ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("licensing", "行政许可", ["previous", "change", "decisions"]),
      ("other_services", "其他对外管理服务事项", ["previous", "change", "decisions"])]),
    ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("punishment", "行政处罚", ["previous", "change", "decisions"]),
      ("enforcement", "行政强制", ["previous", "change", "decisions"])]),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减"],
     [("fees", "行政事业性收费", ["previous", "change"])]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额（万元）"],
     [("procurement", "政府集中采购", ["count", "amount"])]),
]

SECTION_IDS = ["overview", "proactive", "requests", "appeals", "problems", "other"]

FULLWIDTH = str.maketrans("0123456789.-", "０１２３４５６７８９．－")
TO_ASCII = str.maketrans("０１２３４５６７８９．－", "0123456789.-")


# --------------------------------------------------------------------------------------------
# Table data helpers
# --------------------------------------------------------------------------------------------
def complete_t3(template: str, given: dict) -> dict:
    """Fill a sparse t3 dict: zeros, row totals, result.total, carried_forward (balance)."""
    allowed = {"new", "carried_over", *t3_result_rows(template)}
    assert set(given) <= allowed, set(given) - allowed
    t3 = {}
    for row in ["new", "carried_over", *t3_result_rows(template)]:
        t3[row] = {c: given.get(row, {}).get(c, 0) for c in T3_LEAF_COLS}
    t3["result.total"] = {c: sum(t3[r][c] for r in t3_result_rows(template)) for c in T3_LEAF_COLS}
    t3["carried_forward"] = {c: t3["new"][c] + t3["carried_over"][c] - t3["result.total"][c]
                             for c in T3_LEAF_COLS}
    for row in t3:
        t3[row]["total"] = sum(t3[row][c] for c in T3_LEAF_COLS)
    assert all(v >= 0 for r in t3.values() for v in r.values()), "negative count in t3"
    return {r: t3[r] for r in t3_rows(template)}


def complete_t4(given: dict) -> dict:
    t4 = {}
    for g in T4_GROUPS:
        leaves = {l: given.get(g, {}).get(l, 0) for l in T4_LEAVES[:-1]}
        leaves["total"] = sum(leaves.values())
        for l in T4_LEAVES:
            t4[f"{g}.{l}"] = leaves[l]
    return t4


def fmt_number(v) -> str:
    if isinstance(v, float):
        s = f"{v:.2f}"
        return s.rstrip("0").rstrip(".") if "." in s else s
    return str(v)


def all_cells(values: dict):
    """Yield (cell_id, correct value) for every table cell."""
    for row, cols in values["t2"].items():
        for col, v in cols.items():
            yield f"t2.{row}.{col}", v
    for row, cols in values["t3"].items():
        for col, v in cols.items():
            yield f"t3.{row}.{col}", v
    for key, v in values["t4"].items():
        yield f"t4.{key}", v


def parse_printed(text: str):
    """The value a reader gets from the printed cell: a number as printed, or None."""
    s = text.translate(TO_ASCII).replace("\xa0", " ").strip()
    m = re.fullmatch(r"(-?\d+(?:\.\d+)?)\s*(?:万元|元)?", s)
    if not m:
        return None
    num = m.group(1)
    return float(num) if "." in num else int(num)


def is_plain(text: str) -> bool:
    return re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)?", text) is not None


def check_identities(template: str, t3: dict, t4: dict) -> list[str]:
    """Return the ids of broken DOMAIN.md §3 identities (None counted as 0)."""
    z = lambda v: v or 0  # noqa: E731
    broken = []
    for row, cols in t3.items():
        if z(cols["total"]) != sum(z(cols[c]) for c in T3_LEAF_COLS):
            broken.append(f"row_total:{row}")
    for c in T3_COLS:
        if z(t3["result.total"][c]) != sum(z(t3[r][c]) for r in t3_result_rows(template)):
            broken.append(f"results_total:{c}")
        if z(t3["new"][c]) + z(t3["carried_over"][c]) != z(t3["result.total"][c]) + z(t3["carried_forward"][c]):
            broken.append(f"balance:{c}")
    for g in T4_GROUPS:
        if z(t4[f"{g}.total"]) != sum(z(t4[f"{g}.{l}"]) for l in T4_LEAVES[:-1]):
            broken.append(f"appeal_total:{g}")
    return broken


# --------------------------------------------------------------------------------------------
# Table models: rows of cells {text, rs, cs, kind: head|label|value, cell}
# --------------------------------------------------------------------------------------------
def C(text="", rs=1, cs=1, kind="label", cell=None):
    return {"text": text, "rs": rs, "cs": cs, "kind": kind, "cell": cell}


def t2_model(template: str, split_blocks: bool) -> list[list[list[dict]]]:
    """表二 as a list of tables (one table, or one per block)."""
    tables = []
    for block, heads, rows in (T2_2021 if template == "2021" else T2_2019):
        t = [[C(block, cs=4, kind="head")]]
        head = [C("信息内容", kind="head")]
        spans = [1] * len(heads)
        spans[-1] = 4 - len(heads)  # last column spans what is left of the 4 columns
        head += [C(h, cs=s, kind="head") for h, s in zip(heads, spans)]
        t.append(head)
        for row_id, label, cols in rows:
            t.append([C(label)] + [C(cs=s, kind="value", cell=f"t2.{row_id}.{c}")
                                   for c, s in zip(cols, spans)])
        tables.append(t)
    if not split_blocks:
        tables = [[row for t in tables for row in t]]
    return tables


def t3_model(template: str) -> tuple[list[list[dict]], int]:
    """表三 rows (3 header rows first) and the index of its first data row."""
    rows = [
        [C("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rs=3, cs=3, kind="head"),
         C("申请人情况", cs=7, kind="head")],
        [C("自然人", rs=2, kind="head"), C("法人或其他组织", cs=5, kind="head"), C("总计", rs=2, kind="head")],
        [C("商业\n企业", kind="head"), C("科研\n机构", kind="head"), C("社会\n公益\n组织", kind="head"),
         C("法律\n服务\n机构", kind="head"), C("其他", kind="head")],
    ]
    results = t3_result_rows(template)
    n_results = len(results) + 1  # + （七）总计
    seen_groups = set()
    for row in t3_rows(template):
        vals = [C(kind="value", cell=f"t3.{row}.{c}") for c in T3_COLS]
        parts = row.split(".")
        if row in ("new", "carried_over", "carried_forward"):
            lab = [C(T3_LABEL[row], cs=3)]
        elif row in ("result.granted", "result.partial", "result.total", "result.other"):
            lab = [C(T3_LABEL[row], cs=2)]
        else:
            group = parts[1]
            lab = []
            if group not in seen_groups:
                seen_groups.add(group)
                size = sum(1 for r in results if r.startswith(f"result.{group}."))
                lab.append(C(T3_GROUP_LABEL[group], rs=size))
            lab.append(C(T3_LABEL[row]))
        if row == "result.granted":
            lab.insert(0, C("三、本\n年度办\n理结果", rs=n_results))
        rows.append(lab + vals)
    return rows, 3


def t4_model() -> list[list[dict]]:
    rows = [[C("行政复议", cs=5, kind="head"), C("行政诉讼", cs=10, kind="head")]]
    rows.append([C(T4_LEAF_LABEL[l], rs=2, kind="head") for l in T4_LEAVES]
                + [C("未经复议直接起诉", cs=5, kind="head"), C("复议后起诉", cs=5, kind="head")])
    rows.append([C(T4_LEAF_LABEL[l], kind="head") for _ in range(2) for l in T4_LEAVES])
    rows.append([C(kind="value", cell=f"t4.{g}.{l}") for g in T4_GROUPS for l in T4_LEAVES])
    return rows


# --------------------------------------------------------------------------------------------
# HTML rendering styles
# --------------------------------------------------------------------------------------------
def esc(s: str) -> str:
    return html.escape(s, quote=False)


class Style:
    upper = False          # upper-case tag and attribute names
    quote = '"'            # attribute quote; "" = unquoted
    close_cells = True     # write </td> and </tr>
    t3_close_cells = None  # override for 表三 only (None: as close_cells)
    table_attrs = 'cellspacing="0" align="center" border="1"'
    tbody = True

    def tag(self, name: str) -> str:
        return name.upper() if self.upper else name

    def attrs(self, cell: dict) -> str:
        out = ""
        for key, n in (("rowspan", cell["rs"]), ("colspan", cell["cs"])):
            if n > 1:
                k = key.upper() if self.upper else key
                out += f" {k}={self.quote}{n}{self.quote}"
        return out + self.extra_td_attrs(cell)

    def extra_td_attrs(self, cell: dict) -> str:
        return ""

    def inner(self, cell: dict, text: str) -> str:
        raise NotImplementedError

    def table(self, rows: list[list[dict]], printed: dict, close_cells: bool | None = None) -> str:
        close = self.close_cells if close_cells is None else close_cells
        td, tr, tb = self.tag("td"), self.tag("tr"), self.tag("table")
        out = [f"<{tb} {self.table_attrs}>"]
        if self.tbody:
            out.append(f"<{self.tag('tbody')}>")
        for i, row in enumerate(rows):
            first = ' class="firstRow"' if i == 0 and not self.upper else ""
            parts = [f"<{tr}{first}>"]
            for cell in row:
                text = printed[cell["cell"]] if cell["kind"] == "value" else cell["text"]
                parts.append(f"<{td}{self.attrs(cell)}>{self.inner(cell, text)}")
                if close:
                    parts.append(f"</{td}>")
            if close:
                parts.append(f"</{tr}>")
            out.append("".join(parts))
        if self.tbody:
            out.append(f"</{self.tag('tbody')}>")
        out.append(f"</{tb}>")
        return "\n".join(out)


class PingtanStyle(Style):
    """Like the real pingtan page: <p><span> everywhere, &nbsp; padding, line splits as <p>."""
    table_attrs = 'cellspacing="0" align="center" border="1" style="border-collapse:collapse;width:100%;"'

    def inner(self, cell, text):
        if cell["kind"] == "value":
            t = esc(text) if text else ""
            return f'<p style="text-align:center;"><span style="font-family:宋体;font-size:14px;">&nbsp;{t}&nbsp;</span></p>'
        lines = text.split("\n")
        if len(lines) == 1:
            return f"<p>{esc(text)}</p>"
        pad = "\n &nbsp; &nbsp; &nbsp; &nbsp;"
        return "".join(f"<p>{esc(lines[0])}</p>" if j == 0 else f"<p><span>{esc(l)}</span>{pad}</p>"
                       for j, l in enumerate(lines))


class PlainStyle(Style):
    """A CMS of the 2020s: bare cells, <br> for line splits."""
    table_attrs = 'border="1" cellspacing="0" cellpadding="4" width="100%"'
    tbody = False

    def extra_td_attrs(self, cell):
        return ' align="center"' if cell["kind"] != "label" else ""

    def inner(self, cell, text):
        return "<br />".join(esc(l) for l in text.split("\n"))


class OldCmsStyle(Style):
    """Upper-case tags, unquoted attributes, &nbsp; for empty cells."""
    upper = True
    quote = ""
    t3_close_cells = False  # 表三 without </TD> and </TR> (legal HTML)
    table_attrs = "BORDER=1 CELLSPACING=0 CELLPADDING=2 WIDTH=600 ALIGN=center"
    tbody = False

    def extra_td_attrs(self, cell):
        return " ALIGN=center" if cell["kind"] != "label" else ""

    def inner(self, cell, text):
        if not text:
            return "&nbsp;"
        return "<BR>".join(esc(l) for l in text.split("\n"))


class WordStyle(Style):
    """HTML saved from Word: MsoNormal paragraphs, single-quoted styles, <o:p>."""
    quote = ""
    table_attrs = "class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'"

    def extra_td_attrs(self, cell):
        return " style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'"

    def inner(self, cell, text):
        if cell["kind"] == "value":
            return (f"<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US "
                    f"style='font-size:10.5pt'>{esc(text)}<o:p></o:p></span></p>")
        return "".join(f"<p class=MsoNormal align=center style='text-align:center'><span "
                       f"style='font-size:10.5pt;font-family:宋体'>{esc(l)}</span></p>"
                       for l in text.split("\n"))


# --------------------------------------------------------------------------------------------
# Documents: a list of blocks
#   ("intro"|"p", text)  ("sub", text)  ("h", section_id, text)  ("table", "t2"|"t3"|"t4")
# --------------------------------------------------------------------------------------------
def zh_num(n: int) -> str:
    """Chinese numerals for 0..9999 (一百一十四, 七, 十二)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    s, zero, started = "", False, False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十")):
        d, n = divmod(n, unit)
        if d:
            s += ("零" if zero else "") + digits[d] + name
            zero, started = False, True
        elif started:
            zero = True
    if n:
        s += ("零" if zero else "") + digits[n]
    return s[1:] if s.startswith("一十") else s


# ---- 1/2: 青岚县人民政府 2024 (template 2021) ----------------------------------------------
COUNTY = {
    "name": "county_2024",
    "body": "青岚县人民政府",
    "year": 2024,
    "template": "2021",
    "t2": {
        "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_docs": {"issued": 14, "repealed": 6, "in_force": 87},
        "licensing": {"decisions": 6342},
        "punishment": {"decisions": 1587},
        "enforcement": {"decisions": 46},
        "fees": {"amount": 1234.56},
    },
    "t3": {
        "new": {"natural": 168, "commercial": 21, "research": 2, "social": 1, "legal": 6, "other_org": 3},
        "carried_over": {"natural": 9, "commercial": 2, "legal": 1},
        "result.granted": {"natural": 62, "commercial": 8, "research": 1, "legal": 2, "other_org": 1},
        "result.partial": {"natural": 17, "commercial": 3, "legal": 1},
        "result.denied.state_secret": {"natural": 1},
        "result.denied.law_forbidden": {"natural": 2},
        "result.denied.third_party": {"natural": 4, "commercial": 1, "legal": 0},
        "result.denied.internal_affairs": {"natural": 3},
        "result.denied.process_info": {"natural": 5, "commercial": 1},
        "result.denied.enforcement_file": {"natural": 2},
        "result.denied.query": {"natural": 6},
        "result.unable.not_held": {"natural": 38, "commercial": 4, "research": 1, "legal": 1, "other_org": 1},
        "result.unable.needs_creation": {"natural": 7, "commercial": 1},
        "result.unable.unclear": {"natural": 3},
        "result.not_processed.petition": {"natural": 9, "social": 1},
        "result.not_processed.repeated": {"natural": 4},
        "result.not_processed.publication": {"natural": 1},
        "result.not_processed.excessive": {"natural": 2},
        "result.not_processed.confirm": {"natural": 1},
        "result.other.no_correction": {"natural": 3, "commercial": 1},
        "result.other.other": {"natural": 2, "legal": 1},
    },
    "t4": {
        "review": {"upheld": 3, "corrected": 1, "other": 1, "pending": 1},
        "litigation_direct": {"upheld": 2, "corrected": 0, "other": 1, "pending": 0},
        "litigation_after_review": {"upheld": 1, "corrected": 1, "other": 0, "pending": 1},
    },
}


def county_doc(v: dict) -> list[tuple]:
    t2, t3 = v["t2"], v["t3"]
    return [
        ("intro", "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，由青岚县人民政府办公室编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分。本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。本报告电子版可在青岚县人民政府门户网站“政府信息公开”专栏查阅。如对本报告有疑问，请与青岚县人民政府办公室政务公开股联系。"),
        ("h", "overview", "一、总体情况"),
        ("p", "2024年，青岚县坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大和二十届二中、三中全会精神，认真贯彻《条例》和省、市关于政务公开工作的部署要求，围绕县委、县政府中心工作，持续推进决策、执行、管理、服务、结果公开，不断提升政务公开质量和实效，切实保障人民群众知情权、参与权、表达权和监督权。"),
        ("sub", "（一）主动公开"),
        ("p", "坚持“以公开为常态、不公开为例外”原则，聚焦重大决策部署、重点领域和民生关切，全年通过县政府门户网站主动公开政府信息5268条，其中政策文件213件、人事信息96条、财政预决算信息154条。围绕县政府常务会议审议事项和重要政策，发布政策解读87篇，其中图解、短视频等多元化解读41篇。"),
        ("p", "及时回应社会关切，通过“县长信箱”和12345政务服务便民热线办理群众诉求2763件，按期办结率100%。组织县政府领导班子成员和县直部门主要负责同志参加“行风热线”在线访谈24期，就义务教育招生、农村公路养护、医保政策调整等热点问题现场答疑。"),
        ("sub", "（二）依申请公开"),
        ("p", f"严格依法办理政府信息公开申请，进一步规范受理、登记、审查、答复、送达、归档等环节，推行答复文书模板化、办理流程标准化，确保答复内容合法、程序规范、格式统一。全年共新收政府信息公开申请{t3['new']['total']}件，上年结转{t3['carried_over']['total']}件，申请内容主要集中在征地拆迁、自然资源、住房保障等领域。对办理难度较大的申请，由县司法局提前介入审核，会商研判答复口径，有效降低行政复议和行政诉讼风险。"),
        ("sub", "（三）政府信息管理"),
        ("p", f"严格落实公文公开属性源头认定机制，拟制公文时同步明确“主动公开”“依申请公开”“不予公开”属性。坚持“先审查、后公开”和“一事一审”制度，全年开展信息发布保密审查1300余次，未发生泄密和不当公开事件。动态调整更新行政规范性文件，本年度制发行政规范性文件{t2['normative_docs']['issued']}件，废止{t2['normative_docs']['repealed']}件，现行有效{t2['normative_docs']['in_force']}件，均已在县政府门户网站集中统一公开。"),
        ("sub", "（四）政府信息公开平台建设"),
        ("p", "持续优化县政府门户网站政府信息公开专栏，按照主动公开基本目录调整栏目设置，完善智能检索、适老化和无障碍浏览等功能。加强政务新媒体规范管理，对全县43个政务新媒体开展季度巡查，关停整合7个更新不及时、作用发挥不明显的账号。依托县政务服务中心和18个乡镇便民服务中心设立政府信息公开查阅点，方便群众就近查阅。"),
        ("sub", "（五）监督保障"),
        ("p", "县政府常务会议专题研究政务公开工作2次，将政务公开纳入全县年度综合绩效考核，分值占比3%。组织开展政务公开业务培训3期，培训各乡镇、县直部门业务人员260余人次。建立政府网站和政务新媒体常态化监测机制，每月通报检查结果，督促问题整改到位。本年度未发生因政务公开工作不力被追责问责的情况。"),
        ("h", "proactive", "二、主动公开政府信息情况"),
        ("table", "t2"),
        ("h", "requests", "三、收到和处理政府信息公开申请情况"),
        ("table", "t3"),
        ("h", "appeals", "四、政府信息公开行政复议、行政诉讼情况"),
        ("table", "t4"),
        ("h", "problems", "五、存在的主要问题及改进情况"),
        ("p", "2024年，我县政府信息公开工作取得了一定成效，但对照上级要求和人民群众期待，仍存在一些不足：一是政策解读形式还不够丰富，部分解读材料仍停留在文字复述层面，通俗性、可读性有待提升；二是个别乡镇和部门对公文公开属性认定把握不准，依申请公开答复文书的规范性仍需加强；三是基层政务公开标准化规范化建设推进不平衡，部分村（社区）公开栏更新不及时。"),
        ("p", "2025年，我县将重点从以下方面加以改进：一是丰富政策解读形式，推行图表图解、短视频、专家访谈等解读方式，提高政策知晓度和可及性。二是加强业务培训和案例指导，邀请法律顾问对依申请公开答复文书开展抽查评查，提升依法答复水平。三是深化基层政务公开标准化规范化建设，加强对乡镇政务公开工作的指导监督，推动公开内容覆盖权力运行全流程。"),
        ("p", "工作考核、社会评议和责任追究结果情况：县政府将政务公开工作纳入全县高质量发展综合考核，考核结果已通报；通过政府网站开展社会评议，群众满意度为96.8%；本年度未发生政府信息公开工作责任追究情况。"),
        ("h", "other", "六、其他需要报告的事项"),
        ("p", "（一）信息处理费收取情况。根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度未收取信息处理费。"),
        ("p", "（二）建议提案办理结果公开情况。2024年，县政府系统共承办县人大代表建议86件、县政协委员提案112件，均已按期办结，办理复文除涉及国家秘密、个人隐私等不宜公开的以外已全部公开。"),
        ("p", "（三）年度政务公开工作要点落实情况。县政府办公室对照年度政务公开工作要点逐项制定任务清单，明确责任单位和完成时限，各项任务均已按要求落实。"),
    ]


# ---- 3: 云江市生态环境局 2020 (template 2019) ----------------------------------------------
CITY = {
    "name": "city_dept_2020_template2019",
    "body": "云江市生态环境局",
    "year": 2020,
    "template": "2019",
    "t2": {
        "regulations": {"made": 0, "published": 0, "total_public": 0},
        "normative_docs": {"made": 3, "published": 3, "total_public": 27},
        "licensing": {"previous": 12, "change": -2, "decisions": 486},
        "other_services": {"previous": 5, "change": 0, "decisions": 131},
        "punishment": {"previous": 356, "change": 4, "decisions": 212},
        "enforcement": {"previous": 9, "change": 0, "decisions": 37},
        "fees": {"previous": 1, "change": -1},
        "procurement": {"count": 14, "amount": 386.52},
    },
    "t3": {
        "new": {"natural": 37, "commercial": 9, "social": 2, "legal": 3, "other_org": 1},
        "carried_over": {"natural": 2, "commercial": 1},
        "result.granted": {"natural": 15, "commercial": 4, "social": 1, "legal": 1},
        "result.partial": {"natural": 4, "commercial": 2},
        "result.denied.third_party": {"natural": 1},
        "result.denied.process_info": {"natural": 2, "commercial": 1},
        "result.denied.query": {"natural": 1},
        "result.unable.not_held": {"natural": 9, "commercial": 2, "legal": 1, "other_org": 1},
        "result.unable.needs_creation": {"natural": 2},
        "result.not_processed.petition": {"natural": 3},
        "result.other": {"natural": 1, "social": 1},
    },
    "t4": {
        "review": {"upheld": 1, "other": 1},
        "litigation_direct": {"upheld": 1},
    },
}


def city_doc(v: dict) -> list[tuple]:
    t2, t3 = v["t2"], v["t3"]
    return [
        ("intro", "本报告是根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2019〕60号）要求，由云江市生态环境局编制。本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。本报告电子版可在云江市生态环境局网站（“政府信息公开”栏目）下载。如对本报告有任何疑问，请与云江市生态环境局办公室联系。"),
        ("h", "overview", "一、总体情况"),
        ("p", "2020年，市生态环境局坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平生态文明思想，认真落实新修订的《条例》，紧紧围绕打好污染防治攻坚战和统筹推进疫情防控与经济社会发展，扎实推进生态环境领域政府信息公开工作，以公开促落实、以公开促规范、以公开促服务。"),
        ("sub", "（一）主动公开"),
        ("p", "全年通过局门户网站主动公开政府信息1142条，其中环境质量信息365条、建设项目环境影响评价审批信息203条、行政处罚信息212条。坚持每日发布城市环境空气质量状况，每月发布地表水国控、省控断面水质状况，按季度公开重点排污单位监督性监测结果。疫情期间，每日公开医疗废物、医疗废水处置情况和集中隔离点周边环境监测结果，及时回应公众关切。"),
        ("p", f"围绕排污许可、建设项目环评审批等事项，公开办事指南、审批流程和办理结果。本年度新制作并公开规范性文件{t2['normative_docs']['published']}件，对外公开规范性文件总数{t2['normative_docs']['total_public']}件；因机构改革后职能调整，取消和下放行政许可事项{-t2['licensing']['change']}项。"),
        ("sub", "（二）依申请公开"),
        ("p", f"进一步规范依申请公开办理流程，严格按照法定时限答复。全年共收到政府信息公开申请{t3['new']['total']}件，上年结转{t3['carried_over']['total']}件，申请内容主要涉及建设项目环评审批、企业排污许可、信访举报调查处理结果等。对申请内容不明确的，及时一次性告知申请人补正。"),
        ("sub", "（三）政府信息管理"),
        ("p", "建立健全政府信息公开保密审查制度，明确“谁公开、谁审查、谁负责”，信息发布前经业务处室负责人、办公室和分管局领导三级审核。对照《生态环境部政府信息公开实施办法》，梳理完善本局主动公开基本目录，清理过时失效信息96条。"),
        ("sub", "（四）平台建设"),
        ("p", "持续完善局门户网站“政府信息公开”专栏，新增“疫情防控环境监测”“重点排污单位名录”等子栏目。“云江生态环境”微信公众号全年发布信息820余条，关注人数较上年增长37%。在局办事大厅设置政府信息公开查阅点，提供纸质版公开信息查阅服务。"),
        ("sub", "（五）监督保障"),
        ("p", "成立由局主要负责同志任组长的政务公开工作领导小组，将政务公开工作纳入各处室、直属单位年度目标考核。全年组织政务公开专题培训2次，参训人员120人次。主动接受社会监督，聘请环保义务监督员15名，对信息公开工作提出意见建议。"),
        ("h", "proactive", "二、主动公开政府信息情况"),
        ("table", "t2"),
        ("h", "requests", "三、收到和处理政府信息公开申请情况"),
        ("table", "t3"),
        ("h", "appeals", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
        ("table", "t4"),
        ("h", "problems", "五、存在的主要问题及改进情况"),
        ("p", "2020年，我局政府信息公开工作取得了一定成效，但仍存在以下问题：一是主动公开的深度和广度有待提升，部分环境监管执法信息公开不够及时；二是政策解读形式较为单一，以文字解读为主；三是个别工作人员对新修订的《条例》理解不够深入，依申请公开答复的规范性有待加强。"),
        ("p", "2021年，我局将着力做好以下工作：一是加大生态环境领域重点信息公开力度，及时公开环境质量、环境监测、污染源监管和突发环境事件等信息；二是丰富政策解读形式，综合运用图解、视频、新闻发布会等方式，增强解读效果；三是加强业务培训，组织学习新修订的《条例》及配套制度，提高依法答复水平。"),
        ("h", "other", "六、其他需要报告的事项"),
        ("p", "本局2020年度无其他需要报告的事项。"),
    ]


# ---- 4: 澄河市明远区望溪街道办事处 2023 (template 2021, GBK) ----------------------------------
TOWNSHIP = {
    "name": "township_2023_gbk",
    "body": "澄河市明远区望溪街道办事处",
    "year": 2023,
    "template": "2021",
    "t2": {
        "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_docs": {"issued": 0, "repealed": 0, "in_force": 0},
        "licensing": {"decisions": 0},
        "punishment": {"decisions": 23},
        "enforcement": {"decisions": 0},
        "fees": {"amount": 0},
    },
    "t3": {
        "new": {"natural": 4, "commercial": 1},
        "carried_over": {"natural": 1},
        "result.granted": {"natural": 2, "commercial": 1},
        "result.unable.not_held": {"natural": 1},
        "result.not_processed.petition": {"natural": 1},
    },
    "t4": {"review": {"upheld": 1}},
}
TOWNSHIP_BLANK_T2 = ["t2.regulations.issued", "t2.regulations.repealed", "t2.regulations.in_force",
                     "t2.enforcement.decisions", "t2.fees.amount"]


def township_doc(v: dict) -> list[tuple]:
    t3, t4 = v["t3"], v["t4"]
    # 堃 is outside GB2312 (GBK only): the page declares gb2312 but is GBK, as many real pages are.
    return [
        ("intro", "根据《中华人民共和国政府信息公开条例》和上级有关要求，现公布望溪街道办事处2023年政府信息公开工作年度报告。本报告所列数据统计期限为2023年1月1日至2023年12月31日。"),
        ("h", "overview", "一、总体情况"),
        ("p", "2023年，望溪街道在区委、区政府的坚强领导下，认真贯彻落实《中华人民共和国政府信息公开条例》，围绕街道中心工作和群众关切，扎实推进基层政务公开标准化规范化建设，政府信息公开工作平稳有序开展。"),
        ("sub", "（一）主动公开"),
        ("p", "全年通过区政府门户网站街道专栏主动公开政府信息186条，内容涵盖机构职能、财政预决算、民生保障、城市管理等方面。在堃华、临溪、柳湾等8个社区设置政务公开栏，及时张贴低保、临时救助、高龄津贴等民生信息，方便居民查阅。"),
        ("sub", "（二）依申请公开"),
        ("p", f"全年共收到政府信息公开申请{t3['new']['total']}件，上年结转{t3['carried_over']['total']}件，均严格按照法定程序和时限办理。"),
        ("sub", "（三）政府信息管理"),
        ("p", "严格执行信息发布审核制度，所有公开信息均经科室负责人、分管领导审核后发布，全年未发生泄密事件。"),
        ("sub", "（四）平台建设"),
        ("p", "依托区政府门户网站街道专栏和“望溪发布”微信公众号，拓宽信息公开渠道，全年通过微信公众号发布信息310条。"),
        ("sub", "（五）监督保障"),
        ("p", f"街道成立政务公开工作领导小组，明确1名班子成员分管、党政办公室具体负责。本年度街道被申请行政复议{t4['review.total']}件，经复议维持原答复；未发生行政诉讼。"),
        ("h", "proactive", "二、主动公开政府信息情况"),
        ("table", "t2"),
        ("h", "requests", "三、收到和处理政府信息公开申请情况"),
        ("table", "t3"),
        ("h", "appeals", "四、政府信息公开行政复议、行政诉讼情况"),
        ("table", "t4"),
        ("h", "problems", "五、存在的主要问题及改进情况"),
        ("p", "一是信息公开工作人员多为兼职，业务能力有待提高；二是社区政务公开栏更新不够及时。下一步，街道将加强业务培训，明确社区公开栏更新责任人，做到信息及时更新、应公开尽公开。"),
        ("p", "工作考核、社会评议和责任追究结果：街道将政务公开纳入社区年度考核，组织居民代表开展社会评议1次，本年度无责任追究情况。"),
        ("h", "other", "六、其他需要报告的事项"),
        ("p", "本年度街道未收取信息处理费。无其他需要报告的事项。"),
    ]


# ---- 5: 临澜市栖凤区人民政府 2022 (template 2021, traditional characters) ---------------------
DISTRICT = {
    "name": "district_2022_traditional",
    "body": "临澜市栖凤区人民政府",
    "year": 2022,
    "template": "2021",
    "t2": {
        "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_docs": {"issued": 5, "repealed": 3, "in_force": 42},
        "licensing": {"decisions": 3856},
        "punishment": {"decisions": 912},
        "enforcement": {"decisions": 27},
        "fees": {"amount": 25.1},  # 万元; printed as "251000元" (see DISTRICT_PRINTED)
    },
    "t3": {
        "new": {"natural": 96, "commercial": 11, "social": 1, "legal": 4, "other_org": 2},
        "carried_over": {"natural": 6, "commercial": 1},
        "result.granted": {"natural": 38, "commercial": 5, "legal": 2},
        "result.partial": {"natural": 9, "commercial": 1},
        "result.denied.law_forbidden": {"natural": 1},
        "result.denied.third_party": {"natural": 2},
        "result.denied.internal_affairs": {"natural": 1},
        "result.denied.process_info": {"natural": 3, "other_org": 1},
        "result.denied.enforcement_file": {"natural": 1},
        "result.denied.query": {"natural": 4},
        "result.unable.not_held": {"natural": 25, "commercial": 3, "social": 1, "legal": 1, "other_org": 1},
        "result.unable.needs_creation": {"natural": 4},
        "result.unable.unclear": {"natural": 2},
        "result.not_processed.petition": {"natural": 2},
        "result.not_processed.repeated": {"natural": 2},
        "result.not_processed.confirm": {"natural": 1},
        "result.other.no_correction": {"natural": 2},
        "result.other.unpaid_fee": {"natural": 1},
        "result.other.other": {"natural": 1, "legal": 1},
    },
    "t4": {
        "review": {"upheld": 2, "corrected": 1, "pending": 1},
        "litigation_direct": {"upheld": 1, "other": 1},
        "litigation_after_review": {"upheld": 1},
    },
}


def district_doc(v: dict) -> list[tuple]:
    t2, t3 = v["t2"], v["t3"]
    unpaid = t3["result.other.unpaid_fee"]["total"]
    return [
        ("intro", "本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。本报告中所列数据的统计期限为2022年1月1日至2022年12月31日。"),
        ("h", "overview", "一、总体情况"),
        ("p", "2022年，栖凤区认真贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，以《条例》为遵循，紧扣疫情防控、稳经济促发展和民生保障等重点工作，持续深化决策、执行、管理、服务、结果公开，政府透明度和公信力进一步提升。"),
        ("sub", "（一）主动公开"),
        ("p", "全年通过区政府门户网站主动公开政府信息12,536条，发布疫情防控信息1,208条、政策解读93篇。围绕助企纾困、稳岗就业等政策，推出“政策一点通”专栏，集中公开惠企政策清单和申报指南，累计访问量超过40万人次。"),
        ("sub", "（二）依申请公开"),
        ("p", f"全年共新收政府信息公开申请{zh_num(t3['new']['total'])}件，上年结转{zh_num(t3['carried_over']['total'])}件。全部申请均在法定期限内作出答复，对需要征求第三方意见的申请，依法书面征求意见并告知申请人延期答复。"),
        ("sub", "（三）政府信息管理"),
        ("p", f"严格落实政府信息公开审查制度，全面清理区政府及部门制发的行政规范性文件，本年度制发行政规范性文件{t2['normative_docs']['issued']}件，废止{t2['normative_docs']['repealed']}件，现行有效{t2['normative_docs']['in_force']}件，统一在区政府门户网站行政规范性文件库公开。"),
        ("sub", "（四）政府信息公开平台建设"),
        ("p", "完成区政府门户网站集约化迁移，优化政府信息公开专栏和政策文件库，实现政策文件按主题、发文机关、成文日期多维检索。规范全区政务新媒体管理，全区保留政务新媒体账号36个。"),
        ("sub", "（五）监督保障"),
        ("p", "区政府办公室定期对各部门、各街道政务公开工作开展检查，全年发布检查通报4期。将政务公开纳入区级绩效考核，组织政务公开工作人员专题培训2次。"),
        ("h", "proactive", "二、主动公开政府信息情况"),
        ("table", "t2"),
        ("h", "requests", "三、收到和处理政府信息公开申请情况"),
        ("table", "t3"),
        ("h", "appeals", "四、政府信息公开行政复议、行政诉讼情况"),
        ("table", "t4"),
        ("h", "problems", "五、政府信息公开工作存在的主要问题及改进情况"),
        ("p", "2022年，我区政府信息公开工作虽取得一定成效，但仍存在部分部门主动公开不够及时、政策解读质量参差不齐、依申请公开答复规范性有待提高等问题。"),
        ("p", "2023年，我区将进一步压实各部门主体责任，健全主动公开常态化机制；提升政策解读质量，推行政策解读与政策文件同步起草、同步审签、同步发布；加强依申请公开答复文书审核，定期开展案例分析和业务培训。"),
        ("p", "工作考核、社会评议和责任追究结果情况：区政府将政务公开纳入各部门年度绩效考核；开展政务公开社会评议，收集意见建议二十三条并逐条办理；本年度未发生政务公开责任追究情况。"),
        ("h", "other", "六、其他需要报告的事项"),
        ("p", f"根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度我区共向{unpaid}名申请人发出信息处理费收费通知，申请人逾期未缴纳费用，相关申请已不再处理，全年实际收取信息处理费0元。"),
        ("p", "本年度区政府办公室按要求完成了上级政务公开工作要点的各项任务，无其他需要报告的事项。"),
    ]


# --------------------------------------------------------------------------------------------
# Page renderers
# --------------------------------------------------------------------------------------------
def render_tables(kind: str, template: str, style: Style, printed: dict, *, split_t2=False,
                  split_t3_at: str | None = None) -> str:
    if kind == "t2":
        return "\n".join(style.table(t, printed) for t in t2_model(template, split_t2))
    if kind == "t4":
        return style.table(t4_model(), printed)
    rows, first_data = t3_model(template)
    close = style.t3_close_cells
    if split_t3_at is None:
        return style.table(rows, printed, close)
    # split after the row split_t3_at; the label column "三、本年度办理结果" is cut in two,
    # the continued part is an empty merged cell (as Word does across a page break)
    ids = t3_rows(template)
    cut = first_data + ids.index(split_t3_at) + 1
    head_part, tail_part = copy.deepcopy(rows[:cut]), copy.deepcopy(rows[cut:])
    n_before = ids.index(split_t3_at) - ids.index("result.granted") + 1
    for row in head_part:
        for cell in row:
            if cell["text"].startswith("三、本"):
                n_total = cell["rs"]
                cell["rs"] = n_before
    tail_part[0].insert(0, C("", rs=n_total - n_before))
    return style.table(head_part, printed, close) + "\n" + style.table(tail_part, printed, close)


def render_pingtan(doc, meta, printed) -> str:
    style = PingtanStyle()
    title = meta["title"]
    out = ["<!DOCTYPE html>", "<html>", "<head>", '<meta charset="utf-8" />',
           f'<meta name="ArticleTitle" content="{esc(title)}"/>',
           f"<title>{esc(title)}_政府信息公开年报_{esc(meta['body'])}</title>", "</head>", "<body>",
           f'<div class="article_title">{esc(title)}</div>', '<div class="article_content">',
           '<div class=TRS_Editor>']
    for b in doc:
        if b[0] in ("intro", "p"):
            out.append(f'<p style="text-indent:2em;line-height:1.75em;"><span style="font-family:仿宋_GB2312, 仿宋;font-size:16px;">{esc(b[1])}</span></p>')
        elif b[0] == "sub":
            out.append(f'<p style="text-indent:2em;line-height:1.75em;"><span style="font-family:楷体_GB2312, 楷体;font-size:16px;">{esc(b[1])}</span></p>')
        elif b[0] == "h":
            out.append(f'<p style="text-indent:2em;line-height:1.75em;"><strong><span style="font-family:黑体, SimHei;font-size:16px;">{esc(b[2])}&nbsp;</span></strong></p>')
        elif b[0] == "table":
            out.append(render_tables(b[1], meta["template"], style, printed))
    out += ["<p>&nbsp;</p>", "<p><br/></p></div>", "</div>", "</body>", "</html>", ""]
    return "\n".join(out)


def render_h3(doc, meta, printed) -> str:
    style = PlainStyle()
    title = meta["title"]
    out = ["<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="UTF-8">',
           f"<title>{esc(title)}</title>", "</head>", "<body>", '<div class="detail">',
           f'<h2 class="detail-title">{esc(title)}</h2>',
           '<div class="detail-body">']
    for b in doc:
        if b[0] in ("intro", "p"):
            out.append(f"<p>{esc(b[1])}</p>")
        elif b[0] == "sub":
            out.append(f"<p><b>{esc(b[1])}</b></p>")
        elif b[0] == "h":
            out.append(f"<h3>{esc(b[2])}</h3>")
        elif b[0] == "table":
            out.append(render_tables(b[1], meta["template"], style, printed, split_t2=True))
    out += ["</div>", "</div>", "</body>", "</html>", ""]
    return "\n".join(out)


def render_oldcms(doc, meta, printed) -> str:
    """GBK page: chrome before the title, one <DIV> with <BR> line breaks, split 表三."""
    style = OldCmsStyle()
    title = meta["title"]
    ind = "　　"  # ideographic-space indent, as typed in the CMS editor
    out = ['<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">', "<HTML>", "<HEAD>",
           '<META http-equiv="Content-Type" content="text/html; charset=gb2312">',
           f"<TITLE>{esc(title)}</TITLE>", "</HEAD>", "<BODY>",
           "<DIV class=position>当前位置：<A href=/index.html>首页</A> &gt; <A href=/zwgk/index.html>政务公开</A> &gt; <A href=/zwgk/ndbg/index.html>政府信息公开年报</A></DIV>",
           f"<DIV class=info>发布时间：{meta['published']}&nbsp;&nbsp;&nbsp;&nbsp;来源：{esc(meta['body'])}&nbsp;&nbsp;&nbsp;&nbsp;浏览次数：128&nbsp;&nbsp;&nbsp;&nbsp;【字体：大 中 小】</DIV>",
           f"<DIV class=title ALIGN=center><B>{esc(title)}</B></DIV>",
           "<DIV id=zoom class=content>"]
    body = []
    for b in doc:
        if b[0] in ("intro", "p", "sub"):
            body.append(f"{ind}{esc(b[1])}<BR>")
        elif b[0] == "h":
            body.append(f"{ind}{esc(b[2])}<BR>")
        elif b[0] == "table":
            split = "result.partial" if b[1] == "t3" else None
            body.append(render_tables(b[1], meta["template"], style, printed, split_t3_at=split))
    out.append("\n".join(body))
    out += ["</DIV>", "<DIV class=tools>【打印本页】【关闭窗口】</DIV>", "</BODY>", "</HTML>", ""]
    return "\n".join(out)


def render_word(doc, meta, printed) -> str:
    style = WordStyle()
    title = meta["title"]
    out = ["<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">", "<head>",
           '<meta http-equiv=Content-Type content="text/html; charset=utf-8">',
           f"<title>{esc(title)}</title>", "</head>", "<body lang=ZH-CN style='text-justify-trim:punctuation'>",
           "<div class=WordSection1>",
           f"<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>{esc(title)}</span></b></p>"]
    for b in doc:
        if b[0] in ("intro", "p"):
            out.append(f"<p class=MsoNormal style='text-indent:32.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>{esc(b[1])}</span></p>")
        elif b[0] == "sub":
            out.append(f"<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-size:16.0pt;font-family:楷体_GB2312'>{esc(b[1])}</span></b></p>")
        elif b[0] == "h":
            out.append(f"<p class=MsoNormal style='text-indent:32.0pt'><span style='font-size:16.0pt;font-family:黑体'>{esc(b[2])}<o:p></o:p></span></p>")
        elif b[0] == "table":
            out.append(render_tables(b[1], meta["template"], style, printed))
    out += ["</div>", "</body>", "</html>", ""]
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# Sample assembly
# --------------------------------------------------------------------------------------------
def values_of(spec: dict) -> dict:
    return {"t2": copy.deepcopy(spec["t2"]),
            "t3": complete_t3(spec["template"], spec["t3"]),
            "t4": complete_t4(spec["t4"])}


def default_printed(values: dict) -> dict:
    return {cid: fmt_number(v) for cid, v in all_cells(values)}


def truth_tables(values: dict, printed: dict) -> tuple[dict, dict]:
    tables = {"t2": {}, "t3": {}, "t4": {}}
    printed_text = {}
    for cid, _ in all_cells(values):
        text = printed[cid].replace("\xa0", " ").strip()
        val = parse_printed(text)
        if cid == "t2.fees.amount" and val is not None and text.endswith("元") and not text.endswith("万元"):
            # A unit printed in the cell is read as such: the value is given in the
            # header's unit (万元), and the unit mismatch itself is a finding.
            val = round(val / 10000, 6)
        if val is None or not is_plain(text):
            printed_text[cid] = text
        t, rest = cid.split(".", 1)
        if t == "t4":
            tables["t4"][rest] = val
        else:
            row, col = rest.rsplit(".", 1)
            tables[t].setdefault(row, {})[col] = val
    return tables, printed_text


def write_sample(name, meta, doc, values, printed, defects, render, *, encoding="utf-8",
                 post=None, heading_text=None):
    """Render, write NAME.html and NAME.truth.json; check truth against the data."""
    page = render(doc, meta, printed)
    if post:
        page = post(page)
    tables, printed_text = truth_tables(values, printed)
    # a cell not named in defects must read back as its correct value
    # (a unit printed in the cell is a defect of form: the value itself reads back right)
    defect_cells = {d["cell"] for d in defects if d["cell"] and d["kind"] != "unit_in_cell"}
    for cid, correct in all_cells(values):
        t, rest = cid.split(".", 1)
        got = tables["t4"][rest] if t == "t4" else tables[t][rest.rsplit(".", 1)[0]][rest.rsplit(".", 1)[1]]
        if cid in defect_cells:
            assert got != correct, cid
        else:
            assert got == correct, (cid, got, correct)
    sections = [{"id": b[1], "heading": b[2]} for b in doc if b[0] == "h"]
    assert [s["id"] for s in sections] == SECTION_IDS
    truth = {
        "title": meta["title"], "body": meta["body"], "year": meta["year"],
        "template": meta["template"], "sections": sections, "tables": tables,
        "printed_text": printed_text, "defects": defects,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.html").write_bytes(page.encode(encoding))  # strict: fails if not encodable
    (OUT / f"{name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
    return truth


def meta_of(spec, **extra):
    title = f"{spec['body']}{spec['year']}年政府信息公开工作年度报告"
    return {"title": title, "body": spec["body"], "year": spec["year"],
            "template": spec["template"], **extra}


def make_county():
    v = values_of(COUNTY)
    assert check_identities("2021", v["t3"], v["t4"]) == []
    meta = meta_of(COUNTY)
    doc = county_doc(v)
    write_sample("county_2024_clean", meta, doc, v, default_printed(v), [], render_pingtan)

    # ---- the same report with defects ----
    printed = default_printed(v)
    t3, t4 = v["t3"], v["t4"]
    defects = []

    def inject(cell, text, kind, note, **extra):
        correct = dict(all_cells(v))[cell]
        printed[cell] = text
        p = parse_printed(text)
        defects.append({"kind": kind, "cell": cell, "printed": p if p is not None else text,
                        "correct": correct, "note": note, **extra})

    g = t3["result.granted"]["natural"]
    inject("t3.result.granted.natural", str(g + 2), "wrong_value",
           f"予以公开·自然人印为{g + 2}，应为{g}：该行总计与自然人列（七）总计均不再相加相符",
           breaks=["row_total:result.granted", "results_total:natural"])
    cf = t3["carried_forward"]["total"]
    inject("t3.carried_forward.total", str(cf - 1), "wrong_value",
           f"结转下年度继续办理·总计印为{cf - 1}，应为{cf}：行合计与总计列勾稽关系（第一项加第二项＝第三项加第四项）不成立",
           breaks=["row_total:carried_forward", "balance:total"])
    rt = t4["review.total"]
    inject("t4.review.total", str(rt + 1), "wrong_value",
           f"行政复议总计印为{rt + 1}，应为{rt}（维持+纠正+其他+尚未审结）",
           breaks=["appeal_total:review"])
    inject("t3.result.denied.third_party.legal", "／", "non_numeric_cell",
           "保护第三方合法权益·法律服务机构印为全角斜杠“／”，应填0")
    inject("t4.litigation_direct.pending", "", "blank_cell",
           "未经复议直接起诉·尚未审结为空白单元格（&nbsp;），应填0")
    i = next(k for k, b in enumerate(doc) if b[0] == "h" and b[1] == "problems")
    j = next(k for k, b in enumerate(doc) if b[0] == "h" and b[1] == "other")
    doc_err = doc[:i + 1] + doc[j:]
    defects.append({"kind": "empty_section", "cell": None, "section": "problems", "printed": "",
                    "correct": None,
                    "note": "“五、存在的主要问题及改进情况”只有标题、没有任何内容，紧接着就是第六部分标题（条例第五十条要求报告存在的主要问题及改进情况）"})
    truth = write_sample("county_2024_errors", meta, doc_err, v, printed, defects, render_pingtan)
    broken = check_identities("2021", truth["tables"]["t3"], truth["tables"]["t4"])
    expected = sorted(b for d in defects for b in d.get("breaks", []))
    assert sorted(broken) == expected, (broken, expected)


def make_city():
    v = values_of(CITY)
    assert check_identities("2019", v["t3"], v["t4"]) == []
    write_sample(CITY["name"], meta_of(CITY), city_doc(v), v, default_printed(v), [], render_h3)


def make_township():
    v = values_of(TOWNSHIP)
    assert check_identities("2021", v["t3"], v["t4"]) == []
    printed = default_printed(v)
    defects = []
    for cell in TOWNSHIP_BLANK_T2:
        printed[cell] = ""
        defects.append({"kind": "blank_cell", "cell": cell, "printed": "", "correct": 0,
                        "note": "表二单元格空白（&nbsp;），应填0"})
    meta = meta_of(TOWNSHIP, published="2024-01-26")
    write_sample(TOWNSHIP["name"], meta, township_doc(v), v, printed, defects, render_oldcms,
                 encoding="gbk")


def make_district():
    v = values_of(DISTRICT)
    assert check_identities("2021", v["t3"], v["t4"]) == []
    printed = default_printed(v)
    # full-width digits in some cells (rows 一 and 二 of 表三, the 行政复议 group of 表四)
    for cid in list(printed):
        if cid.startswith(("t3.new.", "t3.carried_over.", "t4.review.")):
            printed[cid] = printed[cid].translate(FULLWIDTH)
    # a 元 amount in the 万元 column: truth holds it in the header's unit (25.1 万元)
    yuan = round(v["t2"]["fees"]["amount"] * 10000)
    printed["t2.fees.amount"] = f"{yuan}元"
    defects = [{"kind": "unit_in_cell", "cell": "t2.fees.amount", "printed": f"{yuan}元",
                "correct": v["t2"]["fees"]["amount"],
                "note": f"表二“本年收费金额（单位：万元）”一栏印为“{yuan}元”：单元格带单位且单位与表头不符，按万元应为{fmt_number(v['t2']['fees']['amount'])}"}]
    meta = meta_of(DISTRICT)
    doc = district_doc(v)
    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    # The page is converted to traditional characters as a whole, but truth `title` and
    # `sections[].heading` stay in SIMPLIFIED characters: the tool converts traditional text to
    # simplified before it reports headings and titles.  Make sure the round trip is exact.
    for text in [meta["title"], meta["body"]] + [b[2] for b in doc if b[0] == "h"]:
        assert t2s.convert(s2t.convert(text)) == text, text
    write_sample(DISTRICT["name"], meta, doc, v, printed, defects, render_word, post=s2t.convert)


README = """\
# HTML samples

Generated by `tools/make_html_samples.py` (do not edit by hand; rerun the script). Each
`NAME.html` has `NAME.truth.json` beside it: title, body, year, template, sections (headings as
printed), tables (values as printed; `null` for blank or non-numeric cells), `printed_text` (raw
text of every null or non-plain cell) and `defects` (each deliberate defect with the correct value).

- `county_2024_clean.html` — 青岚县人民政府, 2024, template 2021, UTF-8, markup like the real pingtan page (`<p><strong>` headings, 表二 as one table, 3-row 表三 header, rowspan labels, numbers in `<p><span>` with `&nbsp;`); all §3 identities hold. Defects: none.
- `county_2024_errors.html` — the same report with six defects: 表三 予以公开·自然人 +2 (row and column totals break); 结转下年度·总计 −1 (row total and balance of 总计 break); 表四 行政复议总计 +1; 保护第三方合法权益·法律服务机构 printed `／`; 未经复议直接起诉·尚未审结 blank; section 五 heading with no content. The prose keeps the correct figures and names none of the altered cells.
- `city_dept_2020_template2019.html` — 云江市生态环境局, 2020, template 2019, UTF-8, `<h3>` headings, 表二 in the 2019 layout as five separate tables (本年增/减 −2 and −1), 表三 with 23 rows (single （六）其他处理), section 四 with the older wording 因政府信息公开工作被申请行政复议、提起行政诉讼情况; identities hold. Defects: none.
- `township_2023_gbk.html` — 澄河市明远区望溪街道办事处, 2023, template 2021, GBK bytes declared `charset=gb2312` (the text has one GBK-only character, 堃: decode as GBK — `BeautifulSoup(raw_bytes, "lxml")` trusting gb2312 yields an empty document), upper-case tags, unquoted attributes, no `</td>`/`</tr>` in 表三, report text in one `<DIV>` with `<BR>`, site chrome (当前位置, 发布时间：2024-01-26, 来源) before the title, 表三 split into two tables (the second without header; the 三、本年度办理结果 merged cell continues as an empty cell). Identities hold. Defects: five zero cells of 表二 printed blank (`blank_cell`: 规章 ×3, 行政强制, 行政事业性收费).
- `district_2022_traditional.html` — 临澜市栖凤区人民政府, 2022, template 2021, Word-exported HTML converted to traditional characters (OpenCC s2t), full-width digits in 表三 rows 一/二 and in 表四's 行政复议 group, request counts in prose as Chinese numerals (一百一十四件), section 五 heading 五、政府信息公开工作存在的主要问题及改进情况; 1 unpaid-fee case in 表三 and section 六 reports the fee notice. Identities hold. Defect: 表二 行政事业性收费 printed `251000元` under 万元 (`unit_in_cell`; correct 25.1). Truth title/headings are in simplified characters.
"""


def main():
    make_county()
    make_city()
    make_township()
    make_district()
    (OUT / "README.md").write_text(README, encoding="utf-8")
    for p in sorted(OUT.iterdir()):
        print(p.relative_to(ROOT))


if __name__ == "__main__":
    main()
