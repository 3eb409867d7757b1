#!/usr/bin/env python3
"""Turn the HTML sample reports into run-on crawl captures, with their truth.

A crawler that keeps only a page's text strips the tags, collapses the whitespace and joins the
paragraphs with no separator, so the whole report becomes one line and a table row becomes its
label followed by its cells, digits running together where the page had no space between cells
(`本年新收政府信息公开申请数量 713000074` is 71, 3, 0, 0, 0, 0, 74).  samples/runon/*.txt are four
real captures of this kind.  This script makes more of them, from pages whose every cell is known:

  inputs   every samples/html/NAME.html with NAME.truth.json, and the real samples/pingtan_2024.html
           and samples/shanghai_bgt_2019.html with their NAME.expected.json;
  outputs  samples/runon/generated/NAME.VARIANT.txt and NAME.VARIANT.truth.json, three variants each:
             runon   every cell boundary lost (no space at all between cells: the hardest case),
             spaced  every cell boundary kept as one space,
             mixed   the separator varies by row (label gap and value gaps chosen per row);
           and README.md there.

The capture is the header block the real crawler writes (标题 … ==== 正文 ====) and then the text of
the page's <body> on one line, as the real files are (no newline after it).  Text inside a block is
whitespace-collapsed (every Unicode space, &nbsp; and U+3000 included) and stripped; blocks (p, div,
h1-h6, li, br, tr, table …) join with no separator or one space in a fixed pattern; cells (td, th)
join as the variant says.  Blank cells print nothing; what a cell prints (／, —, 251000元, full-width
digits) is kept as printed.  A merged cell (rowspan/colspan) prints once, where the page has it.

The truth is the input's truth as given plus "made_from" and "separators"; the tables are the values
the document holds.  Which cells a reader can split with certainty is not decided here.

Output is deterministic: every choice is a SHA-256 of the sample's name and a position, so rerunning
gives identical bytes.  A self-check runs after writing (or alone with --check): for each capture,
every 表三 row's printed text, spaces removed, must equal the concatenation of that row's printed
truth values, and the separators must be what the variant says; it exits 1 on a mismatch.

Usage:  python3 tools/make_runon_samples.py [--out DIR] [--check]
        (standard library + beautifulsoup4/lxml)
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pathlib
import re
import sys

from bs4 import BeautifulSoup
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DEFAULT_OUT = SAMPLES / "runon" / "generated"

VARIANTS = {"runon": "none", "spaced": "space", "mixed": "mixed"}  # file suffix -> "separators"
REAL_INPUTS = ["pingtan_2024", "shanghai_bgt_2019"]

# Where each page is said to have been published: host, directory, 发布机构.  Made up, in the shape
# of the real captures' links; an input not listed gets a host made from its name.
SITES = {
    "city_dept_2020_template2019": ("sthjj.yunjiang.gov.cn", "zwgk/zfxxgknb", "云江市生态环境局"),
    "county_2024_clean": ("www.qinglan.gov.cn", "zwgk/zfxxgk/zfxxgknb", ""),
    "county_2024_errors": ("www.qinglan.gov.cn", "zwgk/zfxxgk/zfxxgknb", ""),
    "district_2022_traditional": ("www.qifeng.gov.cn", "zwgk/zfxxgk/ndbg", ""),
    "township_2023_gbk": ("www.mingyuan.gov.cn", "zwgk/jdxx/wxjd/zfxxgknb", "澄河市明远区望溪街道办事处"),
    "pingtan_2024": ("www.pingtan.gov.cn", "zwgk/zfxxgk/zfxxgknb", ""),
    "shanghai_bgt_2019": ("www.shanghai.gov.cn", "xxgk/bgt/zfxxgknb", "上海市人民政府办公厅"),
}

SKIP_TAGS = {"head", "script", "style", "noscript", "template", "title", "meta", "link"}
CELL_TAGS = {"td", "th"}
ROW_TAGS = {"tr"}
BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "table", "thead", "tbody", "tfoot", "caption", "blockquote", "pre", "center", "section",
    "article", "header", "footer", "nav", "aside", "main", "form", "fieldset", "address", "hr",
    "figure", "figcaption", "body", "html",
}

T3_COLS = ["natural", "commercial", "research", "social", "legal", "other_org", "total"]
# What a table cell may print besides digits (used to cut a row's printed values from the text).
VALUE_CHARS = set("0123456789０１２３４５６７８９.．-－／/—–元万 ")
HEADER_RULE = "==================== 正文 ===================="
HEADER_STARTS = ["标题:", "发布时间:", "文号:", "发布机构:", "栏目:", "原文链接:", "本地目录:",
                 "页面链接与图片详见", "===================="]


def pick(*parts) -> int:
    """A fixed number for a position: the first 8 bytes of a SHA-256 (not a CRC-32, which is linear:
    the label and value choices of a row would always agree)."""
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def collapse(text: str) -> str:
    """Every run of whitespace (Unicode: &nbsp;, U+3000 included) to one space; stripped."""
    return " ".join(text.split())


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------
def inputs() -> list[tuple[str, pathlib.Path, pathlib.Path]]:
    """(name, html path, truth path) for every input, sorted by name."""
    found = [(p.stem, p, p.with_suffix(".truth.json")) for p in (SAMPLES / "html").glob("*.html")]
    found += [(n, SAMPLES / f"{n}.html", SAMPLES / f"{n}.expected.json") for n in REAL_INPUTS]
    return sorted(found)


def decode(raw: bytes) -> str:
    """The page's text: GBK where the page declares a GB charset (gb2312 pages use GBK characters)."""
    m = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]+)""", raw[:4096])
    charset = m.group(1).decode("ascii").lower() if m else "utf-8"
    if charset in ("gb2312", "gbk", "gb18030", "x-gbk"):
        return raw.decode("gbk")
    return raw.decode("utf-8")


def load_page(path: pathlib.Path) -> BeautifulSoup:
    return BeautifulSoup(decode(path.read_bytes()), "lxml")


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------
def events(soup: BeautifulSoup) -> list[tuple]:
    """The body as a flat list of ("text", str) and ("brk", kind, row_id), kind block|row|cell."""
    out: list[tuple] = []
    row_ids: dict[int, tuple[int, int]] = {}
    for ti, table in enumerate(soup.find_all("table")):
        for ri, tr in enumerate(table.find_all("tr")):
            if tr.find_parent("table") is table:
                row_ids[id(tr)] = (ti, ri)

    def walk(node: Tag, row_id) -> None:
        for child in node.children:
            if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                out.append(("text", str(child)))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in SKIP_TAGS:
                continue
            if name == "br":
                out.append(("brk", "block", row_id))
            elif name in CELL_TAGS:
                out.append(("brk", "cell", row_id))
                walk(child, row_id)
                out.append(("brk", "cell", row_id))
            elif name in ROW_TAGS:
                rid = row_ids.get(id(child))
                out.append(("brk", "row", rid))
                walk(child, rid)
                out.append(("brk", "row", rid))
            elif name in BLOCK_TAGS:
                out.append(("brk", "block", row_id))
                walk(child, row_id)
                out.append(("brk", "block", row_id))
            else:
                walk(child, row_id)

    walk(soup.body or soup, None)
    return out


def fragments(evs: list[tuple]) -> list[tuple[str, frozenset, object]]:
    """Non-empty text fragments, each with the boundary kinds before it and the row it sits in."""
    frags = []
    text: list[str] = []
    kinds: set[str] = set()
    row_id = None
    for ev in evs:
        if ev[0] == "text":
            text.append(ev[1])
            continue
        frag = collapse("".join(text))
        if frag:
            frags.append((frag, frozenset(kinds), row_id))
            kinds = set()
        text = []
        kinds.add(ev[1])
        row_id = ev[2]
    frag = collapse("".join(text))
    if frag:
        frags.append((frag, frozenset(kinds), row_id))
    return frags


def is_value(frag: str) -> bool:
    return all(ch in VALUE_CHARS for ch in frag)


def block_sep(name: str, k: int) -> str:
    """The k-th block join of a page: one space about one time in three, else nothing."""
    return " " if pick(name, "block", k) % 3 == 0 else ""


def cell_sep(name: str, variant: str, row_id, after_value: bool) -> str:
    if variant == "none":
        return ""
    if variant == "space":
        return " "
    # mixed: each row picks its label gap (label -> first value) and its value gaps apart
    gap = "value" if after_value else "label"
    return " " if pick(name, "row", row_id, gap) % 2 == 0 else ""


def render_body(name: str, soup: BeautifulSoup, variant: str) -> tuple[str, dict]:
    """The body line and how many joins of each kind it has."""
    frags = fragments(events(soup))
    parts: list[str] = []
    stats = {"block_none": 0, "block_space": 0, "cell_none": 0, "cell_space": 0}
    k = 0
    prev = None
    for frag, kinds, row_id in frags:
        if prev is not None:
            if "row" in kinds or "cell" not in kinds:  # a row's edge or a block: the page pattern
                sep = block_sep(name, k)
                k += 1
                stats["block_space" if sep else "block_none"] += 1
            else:
                sep = cell_sep(name, variant, row_id, is_value(prev))
                stats["cell_space" if sep else "cell_none"] += 1
            parts.append(sep)
        parts.append(frag)
        prev = frag
    return "".join(parts), stats


# --------------------------------------------------------------------------------------------
# Header block
# --------------------------------------------------------------------------------------------
DATE_LINE = re.compile(r"(?:发布时间|发布日期|發佈時間|發布時間|發佈日期|發布日期)[：:]\s*"
                       r"(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?")
SIGN_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日$")


def publication_time(body: str, year: int) -> tuple[int, int, int, int, int]:
    """The page's own 发布时间 (or the 落款 date ending the body), else January 20 of year + 1, 10:00."""
    m = DATE_LINE.search(body)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        hh, mm = (int(m.group(4)), int(m.group(5))) if m.group(4) else (10, 0)
        return y, mo, d, hh, mm
    m = SIGN_DATE.search(body)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3)), 10, 0
    return year + 1, 1, 20, 10, 0


def header(name: str, truth: dict, body: str) -> str:
    host, folder, org = SITES.get(name, (f"www.{name.split('_')[0]}.gov.cn", "zwgk/zfxxgk/zfxxgknb", ""))
    y, mo, d, hh, mm = publication_time(body, truth["year"])
    doc = 10000 + pick(name) % 90000
    month = f"{y:04d}{mo:02d}"
    return "\n".join([
        f"标题: {truth['title']}",
        f"发布时间: {y:04d}-{mo:02d}-{d:02d} {hh:02d}:{mm:02d}",
        "文号: ",
        f"发布机构: {org}",
        "栏目: 政府信息公开年报",
        f"原文链接: https://{host}/{folder}/{month}/t{month}{d:02d}_{doc}.htm",
        f"本地目录: {folder}/{month}/{doc}_{truth['title']}",
        "页面链接与图片详见 links.tsv(同目录)",
        HEADER_RULE,
    ]) + "\n"


# --------------------------------------------------------------------------------------------
# Making
# --------------------------------------------------------------------------------------------
def make_truth(truth: dict, html_path: pathlib.Path, separators: str) -> dict:
    out = dict(truth)
    out["made_from"] = html_path.relative_to(ROOT).as_posix()
    out["separators"] = separators
    return out


def dump_json(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


def readme(names: list[str]) -> str:
    lines = [
        "# Run-on captures made from the HTML samples",
        "",
        "Generated by `tools/make_runon_samples.py` (do not edit by hand; rerun the script:",
        "`python3 tools/make_runon_samples.py`, which also runs its self-check; `--check` runs the",
        "check alone). The real captures beside this folder (`../*.txt`) show what these imitate: a",
        "crawler's header block (标题, 发布时间, 文号, 发布机构, 栏目, 原文链接, 本地目录, then",
        "`==================== 正文 ====================`) and the page's text as ONE line, tags",
        "stripped, whitespace collapsed, no newline after it.",
        "",
        "Each input gives three captures, `NAME.VARIANT.txt`, each with `NAME.VARIANT.truth.json`:",
        "",
        "| variant | `separators` | table cells |",
        "|---|---|---|",
        "| `runon` | `none` | no space at any cell boundary: a row's digits run together (the hardest case) |",
        "| `spaced` | `space` | one space at every cell boundary |",
        "| `mixed` | `mixed` | chosen per row: the gap after the label and the gaps between values each"
        " have a space or not |",
        "",
        "In all three, blocks (p, div, h1-h6, li, br, tr, table …) join with no separator about two",
        "times in three and one space otherwise, in a fixed pattern that is the same for a page's",
        "three variants (a SHA-256 of the page's name and the join's position: no randomness).",
        "Blank cells print nothing (a row left blank is just its label); `／`, `251000元` and",
        "full-width digits are kept as printed; a merged (rowspan/colspan) cell prints once, where",
        "the page has it. The page's own chrome inside `<body>` (当前位置, 发布时间, 打印本页 …) is",
        "kept, as a crawler of the whole body keeps it. A 落款 (signature and date) after section",
        "六 would end the body line, as in the real haitan capture; none of these pages prints one.",
        "",
        "Header: 标题 is the truth's title (simplified for the traditional-character page, whose",
        "body stays traditional); 发布时间 is the page's own 发布时间/发布日期 where it prints one,",
        "else January 20 of the report year + 1, 10:00; 原文链接 and 本地目录 are made up, in the",
        "shape of the real ones.",
        "",
        "Truth: the input's truth as given (`samples/html/NAME.truth.json`, or for the two real",
        "pages `samples/NAME.expected.json`, which have no `printed_text`/`defects`), plus",
        "`made_from` (the HTML it was made from) and `separators`. The tables are the values the",
        "document holds; which cells a reader can split with certainty is not decided here: a",
        "reader must read each truth cell right or report it unreadable.",
        "",
        "Inputs:",
        "",
    ]
    for n in names:
        src = f"samples/{n}.html" if n in REAL_INPUTS else f"samples/html/{n}.html"
        lines.append(f"- `{n}.runon.txt`, `{n}.spaced.txt`, `{n}.mixed.txt` — from `{src}`")
    return "\n".join(lines) + "\n"


def build() -> dict[str, bytes]:
    """Every output file's name and bytes."""
    files: dict[str, bytes] = {}
    names = []
    for name, html_path, truth_path in inputs():
        names.append(name)
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        soup = load_page(html_path)
        for suffix, separators in VARIANTS.items():
            body, _ = render_body(name, soup, separators)
            text = header(name, truth, body) + body
            files[f"{name}.{suffix}.txt"] = text.encode("utf-8")
            files[f"{name}.{suffix}.truth.json"] = dump_json(
                make_truth(truth, html_path, separators)).encode("utf-8")
    files["README.md"] = readme(names).encode("utf-8")
    return files


def write(out: pathlib.Path, files: dict[str, bytes]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    ours = re.compile(r".+\.(?:%s)\.(?:txt|truth\.json)" % "|".join(VARIANTS))
    for stale in out.iterdir():  # captures of an input that is gone; nothing else is touched
        if stale.is_file() and ours.fullmatch(stale.name) and stale.name not in files:
            stale.unlink()
    for fname, data in files.items():
        (out / fname).write_bytes(data)


# --------------------------------------------------------------------------------------------
# Self-check
# --------------------------------------------------------------------------------------------
def fmt_number(v) -> str:
    if isinstance(v, float):
        s = f"{v:.2f}"
        return s.rstrip("0").rstrip(".") if "." in s else s
    return str(v)


def printed_values(truth: dict, row: str) -> list[str]:
    """What the truth says each cell of a 表三 row prints ("" for a blank cell)."""
    printed = truth.get("printed_text", {})
    out = []
    for col in T3_COLS:
        cid = f"t3.{row}.{col}"
        v = truth["tables"]["t3"][row][col]
        out.append(printed[cid] if cid in printed else ("" if v is None else fmt_number(v)))
    return out


def t3_labels(soup: BeautifulSoup) -> list[str]:
    """The label of every 表三 row of the page, in page order, whitespace removed: the cell before
    the row's seven value cells, in the tables (not 表四) whose rows have eight cells or more."""
    labels = []
    for table in soup.find_all("table"):
        if re.search(r"复议|複議", table.get_text()):
            continue
        for tr in table.find_all("tr"):
            cells = [c for c in tr.find_all(["td", "th"]) if c.find_parent("tr") is tr]
            if len(cells) >= 8:
                labels.append("".join(cells[-8].get_text().split()))
    return labels


def label_pattern(label: str) -> re.Pattern:
    return re.compile(r" ?".join(re.escape(ch) for ch in label))


def check_capture(fname: str, text: str, truth: dict, labels: list[str]) -> list[str]:
    """Every problem found in one capture (empty when it is right)."""
    errors = []
    lines = text.split("\n")
    if len(lines) != 10 or [ln.split(" ")[0] for ln in lines[:9]] != HEADER_STARTS:
        return [f"{fname}: not a header block of 9 lines and one body line"]
    if lines[0] != f"标题: {truth['title']}" or lines[8] != HEADER_RULE:
        return [f"{fname}: header's 标题 or rule line is not what the truth says"]
    body = lines[9]
    if body != body.strip() or "  " in body:
        errors.append(f"{fname}: body has leading, trailing or double spaces")
    separators = truth["separators"]
    rows = list(truth["tables"]["t3"])
    if len(rows) != len(labels):
        return errors + [f"{fname}: {len(labels)} 表三 rows on the page, {len(rows)} in the truth"]
    found = []
    pos = 0
    for label in labels:
        m = label_pattern(label).search(body, pos)
        if not m:
            return errors + [f"{fname}: 表三 label {label!r} not found after offset {pos}"]
        found.append(m)
        pos = m.end()
    kinds = set()
    for i, (row, m) in enumerate(zip(rows, found)):
        stop = found[i + 1].start() if i + 1 < len(found) else len(body)
        seg = body[m.end():stop]
        cut = next((j for j, ch in enumerate(seg) if ch not in VALUE_CHARS), len(seg))
        seg = seg[:cut]
        values = printed_values(truth, row)
        want = "".join(values)
        if seg.replace(" ", "") != want:
            errors.append(f"{fname}: 表三 {row} prints {seg!r}, truth {want!r}")
            continue
        inner = seg.strip()
        spaced = inner.split(" ") == [v for v in values if v] if inner else True
        if separators == "none" and " " in inner:
            errors.append(f"{fname}: 表三 {row} has a space between cells: {seg!r}")
        if separators == "space" and not spaced:
            errors.append(f"{fname}: 表三 {row} is not one space between cells: {seg!r}")
        if separators == "mixed" and " " in inner and not spaced:
            errors.append(f"{fname}: 表三 {row} mixes separators within the row: {seg!r}")
        if len([v for v in values if v]) > 1:
            kinds.add("space" if " " in inner else "none")
    if separators == "mixed" and kinds != {"space", "none"}:
        errors.append(f"{fname}: mixed capture's 表三 rows are all {kinds}")
    return errors


def check(out: pathlib.Path) -> list[str]:
    errors = []
    for name, html_path, _ in inputs():
        soup = load_page(html_path)
        labels = t3_labels(soup)
        for suffix, separators in VARIANTS.items():
            txt, tru = out / f"{name}.{suffix}.txt", out / f"{name}.{suffix}.truth.json"
            if not txt.exists() or not tru.exists():
                errors.append(f"{name}.{suffix}: missing")
                continue
            truth = json.loads(tru.read_text(encoding="utf-8"))
            if truth.get("separators") != separators:
                errors.append(f"{tru.name}: separators {truth.get('separators')!r}, want {separators!r}")
                continue
            errors += check_capture(txt.name, txt.read_text(encoding="utf-8"), truth, labels)
            _, stats = render_body(name, soup, separators)
            if not (stats["block_none"] and stats["block_space"]):
                errors.append(f"{txt.name}: blocks do not join both with and without a space: {stats}")
            wrong_cells = {"none": "cell_space", "space": "cell_none"}.get(separators)
            if wrong_cells and stats[wrong_cells]:
                errors.append(f"{txt.name}: {stats[wrong_cells]} cell joins are not {separators!r}")
    return errors


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT, help="output folder")
    ap.add_argument("--check", action="store_true", help="only check the files already in --out")
    args = ap.parse_args(argv)
    if not args.check:
        write(args.out, build())
    errors = check(args.out)
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        print(f"self-check: {len(errors)} problem(s)", file=sys.stderr)
        return 1
    print(f"self-check: {len(inputs()) * len(VARIANTS)} captures match their truth")
    return 0


if __name__ == "__main__":
    sys.exit(main())
