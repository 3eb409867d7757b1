#!/usr/bin/env python3
"""Build PDF and DOCX versions of some samples/html reports (run by hand, never by tests).

The table VALUES of every output are exactly those of the source HTML, so the source's
NAME.truth.json stays the expectation; each output OUT has OUT.source beside it naming that
truth file.  Only layout changes: CSS injected into a temporary copy of the HTML (page size,
fonts, margins, narrow tables), a <thead> wrapper around 表三's header rows, a block with a
named landscape page around 表四, and the GBK sample re-encoded as UTF-8 for LibreOffice.

Needs (Debian): chromium, libreoffice-writer-nogui, poppler-utils, fonts-noto-cjk,
fonts-arphic-uming, fonts-wqy-zenhei; Python: lxml, pdfplumber, python-docx (for --check).

The browser prints (*.browser.pdf) are a report's web page as an evaluator saves it: Chromium's
print-to-PDF with its default header (date, page title) and footer (URL, page x/y), the site's own
lines (标题, 发布时间, 来源, 索引号) above the title, ruled tables with tall rows. For the two real
HTML reports the truth is their samples/NAME.expected.json.

Usage:
    python3 tools/make_pdf_docx_samples.py            # build all outputs, then check them
    python3 tools/make_pdf_docx_samples.py --check    # only check the existing outputs
    python3 tools/make_pdf_docx_samples.py --prints [OUT.browser.pdf ...]   # only the browser prints
"""
from __future__ import annotations

import argparse
import collections
import dataclasses
import http.server
import logging
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading

ROOT = pathlib.Path(__file__).resolve().parent.parent
HTML_DIR = ROOT / "samples" / "html"
PDF_DIR = ROOT / "samples" / "pdf"
DOCX_DIR = ROOT / "samples" / "docx"

TRUETYPE_FONT = '"AR PL UMing CN", "WenQuanYi Zen Hei"'   # -> CID TrueType in the PDF
HEADING_FONT = '"WenQuanYi Zen Hei"'                       # 黑体 stand-in, also TrueType
NOTO_FONT = '"Noto Sans CJK SC"'                          # -> Type3 fonts in a Chromium PDF


# --------------------------------------------------------------------------------------------
# HTML manipulation (layout only; table cell contents are never touched)
# --------------------------------------------------------------------------------------------
def read_html(name: str) -> str:
    raw = (HTML_DIR / f"{name}.html").read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def inject_css(html: str, css: str) -> str:
    style = f"<style type=\"text/css\">\n{css}\n</style>\n"
    m = re.search(r"</head\s*>", html, re.I)
    if not m:
        raise ValueError("no </head>")
    return html[: m.start()] + style + html[m.start():]


def table_spans(html: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every top-level <table>…</table> (samples have no nesting)."""
    starts = [m.start() for m in re.finditer(r"<table\b", html, re.I)]
    ends = [m.end() for m in re.finditer(r"</table\s*>", html, re.I)]
    assert len(starts) == len(ends), (len(starts), len(ends))
    return list(zip(starts, ends))


def heading_start(html: str, text: str) -> int:
    """Offset of the <p> (or <h3>) element that holds the section heading `text`."""
    i = html.index(text)
    return max(html.rfind("<p", 0, i), html.rfind("<h3", 0, i))


def add_heading_class(html: str, text: str, cls: str) -> str:
    i = heading_start(html, text)
    j = html.index("<", i) + 1
    j += len(re.match(r"\w+", html[j:]).group())       # after "<p" / "<h3"
    return html[:j] + f' class="{cls}"' + html[j:]


def add_thead(html: str, table_index: int, n_rows: int) -> str:
    """Move the first n_rows <tr> of table `table_index` from <tbody> into a <thead>."""
    start, end = table_spans(html)[table_index]
    t = html[start:end]
    trs = [m.start() for m in re.finditer(r"<tr\b", t, re.I)]
    tb = re.search(r"<tbody\s*>", t, re.I)
    assert tb and tb.end() <= trs[0]
    head = t[trs[0]: trs[n_rows]]
    t2 = t[: tb.start()] + "<thead>\n" + head + "</thead>\n<tbody>\n" + t[trs[n_rows]:]
    return html[:start] + t2 + html[end:]


def add_class(html: str, table_index: int, cls: str) -> str:
    start, _ = table_spans(html)[table_index]
    return html[: start + 6] + f' class="{cls}"' + html[start + 6:]


def mark_tables(html: str) -> str:
    """class t2/t3/t4 on the three tables of a template-2021 report with 表二 as one table."""
    for i, cls in enumerate(("t2", "t3", "t4")):
        html = add_class(html, i, cls)
    return html


def quote_font_families(html: str) -> str:
    """font-family:仿宋_GB2312, 仿宋 -> font-family:'仿宋_GB2312' in style attributes.

    LibreOffice's CSS parser silently drops unquoted non-ASCII family names (it kept only
    "GB2312" and "SimHei"), and keeps a fallback list as one name "仿宋_GB2312;仿宋"; with the
    first name alone, quoted, the DOCX names 仿宋_GB2312/宋体/黑体/楷体_GB2312 like a real
    Word file."""
    def fix(m: re.Match) -> str:
        first = m.group(1).split(",")[0].strip().strip("'\"")
        return f"font-family:'{first}'"
    return re.sub(r"font-family:\s*([^;\"]*)", fix, html)


# --------------------------------------------------------------------------------------------
# Converters
# --------------------------------------------------------------------------------------------
def chromium_pdf(html_file: pathlib.Path, out_pdf: pathlib.Path) -> None:
    with tempfile.TemporaryDirectory(prefix="chromium_") as profile:
        cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={profile}", f"--print-to-pdf={out_pdf}",
               "--no-pdf-header-footer", html_file.resolve().as_uri()]
        subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    if not out_pdf.exists() or out_pdf.stat().st_size == 0:
        raise RuntimeError(f"chromium wrote no {out_pdf}")


# Fontconfig aliases used for LibreOffice's PDF export: the Windows font names of a Word-made
# report map to the TrueType CJK fonts (so the PDF gets CID TrueType fonts, like a Word export)
# instead of fontconfig's default Noto CJK (OpenType/CFF, exported as Type 1).
FONT_ALIASES = {
    "AR PL UMing CN": ["仿宋_GB2312", "仿宋", "FangSong", "宋体", "SimSun", "楷体_GB2312", "楷体",
                       "KaiTi", "GB2312"],
    "WenQuanYi Zen Hei": ["黑体", "SimHei"],
}


def fontconfig_env(tmp: pathlib.Path) -> dict:
    import os
    rules = "".join(
        f'<alias binding="strong"><family>{alias}</family><prefer><family>{target}</family>'
        f"</prefer></alias>\n"
        for target, aliases in FONT_ALIASES.items() for alias in aliases)
    conf = tmp / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
                    f'<fontconfig>\n<include ignore_missing="no">/etc/fonts/fonts.conf</include>\n'
                    f"{rules}</fontconfig>\n", encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def soffice_convert(src: pathlib.Path, fmt: str, outdir: pathlib.Path,
                    infilter: str | None = None, env: dict | None = None) -> pathlib.Path:
    with tempfile.TemporaryDirectory(prefix="lo_profile_") as profile:
        cmd = ["soffice", f"-env:UserInstallation={pathlib.Path(profile).as_uri()}", "--headless"]
        if infilter:
            cmd.append(f"--infilter={infilter}")
        cmd += ["--convert-to", fmt, "--outdir", str(outdir), str(src)]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    if not out.exists():
        raise RuntimeError(f"soffice wrote no {out}: {r.stdout} {r.stderr}")
    return out


def stamp_export_date(pdf_path: pathlib.Path, truth_name: str) -> None:
    """Give the PDF the export date a real report would carry (20 January after its
    year, inside every deadline) instead of the day this script ran: govcheck
    reads the file's dates as evidence of when the report came out. Uses pikepdf
    (pip install pikepdf), needed by this script only."""
    import json

    import pikepdf

    year = json.loads((HTML_DIR / f"{truth_name}.truth.json").read_text(encoding="utf-8"))["year"]
    stamp = f"D:{year + 1}0120093000+08'00'"
    with pikepdf.open(pdf_path, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/CreationDate"] = stamp
        pdf.docinfo["/ModDate"] = stamp
        pdf.save(pdf_path)


def write_source(out: pathlib.Path, truth_name: str) -> None:
    out.with_name(out.name + ".source").write_text(f"samples/html/{truth_name}.truth.json\n",
                                                   encoding="utf-8")
    if out.suffix == ".pdf":
        stamp_export_date(out, truth_name)


# --------------------------------------------------------------------------------------------
# The outputs
# --------------------------------------------------------------------------------------------
BASE_CSS = """
@page { size: A4 portrait; margin: 20mm 18mm 20mm 18mm; }
html, body, body * { font-family: %(font)s !important; }
body { font-size: 16px; }
table { break-inside: auto; }
table.t2, table.t4 { break-inside: avoid; }
tr { break-inside: auto; }
thead { display: table-header-group; break-inside: avoid; }
td, th { padding: 2px 4px; }
td p { margin: 0; }
td, td * { font-size: 13px !important; line-height: 1.3 !important; }
"""


# TrueType mode only: headings in a real regular-weight 黑体-like face, because AR PL UMing has
# no bold and Chromium prints synthetic bold as one Type3 font per glyph (27 of them).
TRUETYPE_HEADING_CSS = """
strong, b, h1, h2, h3, strong *, b *, h1 *, h2 *, h3 * {
    font-family: %s !important; font-weight: normal !important; }
""" % HEADING_FONT


def css(font: str, extra: str = "") -> str:
    heading = TRUETYPE_HEADING_CSS if font == TRUETYPE_FONT else ""
    return BASE_CSS % {"font": font} + heading + extra


# Chromium's A4 print of county_2024_clean with 13 px table text: 表三 is 675 pt tall (the
# printable height is 728 pt), so left alone it moves whole onto its own page.  Section 三 is
# therefore started on a new page with a top gap, so that 表三 begins in the lower half of that
# page and breaks inside the （三）/（四） row groups, like the real huaian PDF.  Measured; see check().
T3_BREAK_CSS = """
p.h3sec { break-before: page; margin-top: 230pt; }
"""
H3_TEXT = "三、收到和处理政府信息公开申请情况"


def build_county_clean_chromium(tmp: pathlib.Path) -> list[pathlib.Path]:
    html = read_html("county_2024_clean")
    html = add_heading_class(mark_tables(html), H3_TEXT, "h3sec")
    f = tmp / "county_2024_clean.chromium.html"
    f.write_text(inject_css(html, css(TRUETYPE_FONT, T3_BREAK_CSS)), encoding="utf-8")
    out = PDF_DIR / "county_2024_clean.chromium.pdf"
    chromium_pdf(f, out)
    write_source(out, "county_2024_clean")
    return [out]


def build_county_clean_thead(tmp: pathlib.Path) -> list[pathlib.Path]:
    html = read_html("county_2024_clean")
    html = add_thead(html, 1, 3)
    html = add_heading_class(mark_tables(html), H3_TEXT, "h3sec")
    f = tmp / "county_2024_clean.thead.html"
    f.write_text(inject_css(html, css(TRUETYPE_FONT, T3_BREAK_CSS)), encoding="utf-8")
    out = PDF_DIR / "county_2024_clean.thead.pdf"
    chromium_pdf(f, out)
    write_source(out, "county_2024_clean")
    return [out]


LANDSCAPE_CSS = """
@page land { size: A4 landscape; margin: 15mm 18mm 15mm 18mm; }
div.landscape { page: land; }
"""


def build_county_errors_noto(tmp: pathlib.Path) -> list[pathlib.Path]:
    html = mark_tables(read_html("county_2024_errors"))
    # wrap the 四、 heading and 表四 (the third table) in a block printed on a landscape page
    h = heading_start(html, "四、政府信息公开行政复议、行政诉讼情况")
    _, t4_end = table_spans(html)[2]
    assert h < table_spans(html)[2][0]
    html = (html[:h] + '<div class="landscape">\n' + html[h:t4_end] + "\n</div>"
            + html[t4_end:])
    f = tmp / "county_2024_errors.noto.html"
    f.write_text(inject_css(html, css(NOTO_FONT, LANDSCAPE_CSS)), encoding="utf-8")
    out = PDF_DIR / "county_2024_errors.noto.pdf"
    chromium_pdf(f, out)
    write_source(out, "county_2024_errors")
    return [out]


NARROW_CSS = """
table { width: 60% !important; margin-left: 0 !important; }
td, th { padding: 1px 2px; width: auto !important; }
td, td * { font-size: 13px !important; }
tr { break-inside: avoid; }
"""


def build_city_narrow(tmp: pathlib.Path) -> list[pathlib.Path]:
    html = read_html("city_dept_2020_template2019")
    f = tmp / "city_dept_2020_template2019.narrow.html"
    f.write_text(inject_css(html, css(TRUETYPE_FONT, NARROW_CSS)), encoding="utf-8")
    out = PDF_DIR / "city_dept_2020_template2019.narrow.pdf"
    chromium_pdf(f, out)
    write_source(out, "city_dept_2020_template2019")
    return [out]


# Default text face for the LibreOffice import (text without an inline font-family: table
# labels, the township page).  Without it Writer uses its Linux default (Noto Serif CJK JP).
LO_CSS = """
body, div, p, td, th { font-family: '宋体'; }
"""


def build_docx_and_lo_pdf(tmp: pathlib.Path) -> list[pathlib.Path]:
    outs = []
    # 5. county_2024_clean.docx (HTML -> DOCX through Writer's HTML import)
    src = tmp / "lo" / "county_2024_clean.html"
    src.parent.mkdir(exist_ok=True)
    src.write_text(inject_css(quote_font_families(read_html("county_2024_clean")), LO_CSS),
                   encoding="utf-8")
    d = soffice_convert(src, 'docx:MS Word 2007 XML', tmp / "lo_out",
                        infilter="HTML (StarWriter)")
    out = DOCX_DIR / "county_2024_clean.docx"
    shutil.copyfile(d, out)
    write_source(out, "county_2024_clean")
    outs.append(out)
    # 7. the same DOCX -> PDF
    p = soffice_convert(out, "pdf", tmp / "lo_pdf", env=fontconfig_env(tmp))
    out_pdf = PDF_DIR / "county_2024_clean.libreoffice.pdf"
    shutil.copyfile(p, out_pdf)
    write_source(out_pdf, "county_2024_clean")
    outs.append(out_pdf)
    # 6. township_2023_gbk.docx: re-encode the GBK page as UTF-8 (declared as such) first
    html = read_html("township_2023_gbk")
    html = quote_font_families(re.sub(r"charset=gb2312", "charset=utf-8", html, flags=re.I))
    html = inject_css(html, LO_CSS)
    src = tmp / "lo" / "township_2023_gbk.html"
    src.write_text(html, encoding="utf-8")
    d = soffice_convert(src, 'docx:MS Word 2007 XML', tmp / "lo_out",
                        infilter="HTML (StarWriter)")
    out = DOCX_DIR / "township_2023_gbk.docx"
    shutil.copyfile(d, out)
    write_source(out, "township_2023_gbk")
    outs.append(out)
    return outs


# --------------------------------------------------------------------------------------------
# Browser prints: a report's web page saved as evidence by an evaluator (Chromium print-to-PDF
# with its default header and footer)
# --------------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class SitePrint:
    source: str            # the HTML, relative to the repository
    truth: str             # the truth the PDF must match, relative to the repository
    out: str               # file name under samples/pdf
    url: str               # where the page lives: Chromium prints it in the footer
    head: tuple[str, ...]  # the site's own lines above the report's title (HTML)
    css: str = ""          # layout forcing, on top of SITE_CSS
    classes: tuple[tuple[int, str], ...] = ()   # (table index, class) for that CSS
    # Measured candidates for one layout value (%(gap)s in css) and the layout it must give
    # (a predicate over the pages' text): the first candidate that gives it is kept.
    gaps: tuple[int, ...] = (0,)
    wanted: str = ""


# A government site's article page: ruled tables with tall rows, body text with generous
# leading, Chromium's default page margins (its header and footer print inside them).
SITE_CSS = """
@page { size: A4 portrait; }
html, body, body * { font-family: %(font)s !important; }
body { margin: 0 28px; font-size: 16px; line-height: 1.8; }
.site-head p { margin: 4px 0; font-size: 14px; color: #555; }
.site-head { border-bottom: 1px solid #ccc; margin-bottom: 16px; }
table { border-collapse: collapse !important; width: 100%% !important; break-inside: auto; }
tr { break-inside: avoid; }
td, th { border: 1px solid #000 !important; padding: 9px 5px !important; }
td, td * { font-size: 14px !important; line-height: 1.9 !important; }
td p { margin: 0 !important; }
"""

# Tall 表三 rows; the (七)总计 row grows by the measured gap until the last row no longer fits
# under it: that row alone goes overleaf, and 表三's fragment before it ends near the page's foot.
T3_TALL_CSS = """
table.t3 td { padding-top: 17px !important; padding-bottom: 17px !important; }
table.t3 tr:nth-last-child(2) td { padding-top: %(gap)spx !important; padding-bottom: %(gap)spx !important; }
"""

SITE_PRINTS = (
    # 表二 over two pages, 表三 over three (tall rows), no repeated header.
    SitePrint("samples/html/county_2024_clean.html", "samples/html/county_2024_clean.truth.json",
              "county_2024_clean.browser.pdf",
              "http://www.qinglan.gov.cn/zwgk/zfxxgkndbg/202501/t20250120_58213.html",
              ("<p>标题：青岚县人民政府2024年政府信息公开工作年度报告</p>",
               "<p>发布时间：2025-01-20</p>", "<p>来源：青岚县人民政府办公室</p>",
               "<p>索引号：114110240058213X/2025-00016</p>"),
              css="table.t2 { margin-top: %(gap)spx; }", classes=((0, "t2"), (1, "t3")),
              gaps=tuple(range(0, 400, 10)), wanted="t2 on 2 pages, t3 on 3 pages"),
    # 表三's last row, 四、结转下年度继续办理, alone on the next page (no header repeated).
    SitePrint("samples/html/county_2024_errors.html", "samples/html/county_2024_errors.truth.json",
              "county_2024_errors.browser.pdf",
              "http://www.qinglan.gov.cn/zwgk/zfxxgkndbg/202501/t20250120_58214.html",
              ("<p>当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</p>",
               "<p>标题：青岚县人民政府2024年政府信息公开工作年度报告</p>",
               "<p>发布时间：2025-01-20　　来源：青岚县人民政府办公室　　浏览次数：312</p>",
               "<p>索引号：114110240058213X/2025-00017　　主题分类：政务公开</p>"),
              css=T3_TALL_CSS, classes=((1, "t3"),), gaps=tuple(range(17, 48, 2)), wanted="t3 last row alone"),
    SitePrint("samples/html/city_dept_2020_template2019.html",
              "samples/html/city_dept_2020_template2019.truth.json",
              "city_dept_2020_template2019.browser.pdf",
              "http://sthjj.yunjiang.gov.cn/xxgk/ndbg/202101/t20210120_3301.html",
              ("<p>当前位置：首页 &gt; 信息公开 &gt; 政府信息公开年报</p>",
               "<p>标题：云江市生态环境局2020年政府信息公开工作年度报告</p>",
               "<p>发布时间：2021-01-20</p>", "<p>来源：云江市生态环境局</p>",
               "<p>索引号：006938447/2021-00004</p>")),
    SitePrint("samples/html/district_2022_traditional.html",
              "samples/html/district_2022_traditional.truth.json",
              "district_2022_traditional.browser.pdf",
              "http://www.qifeng.gov.cn/zfxxgk/ndbg/202301/t20230120_7714.html",
              ("<p>標題：臨瀾市棲鳳區人民政府2022年政府信息公開工作年度報告</p>",
               "<p>發布時間：2023-01-20</p>", "<p>來源：臨瀾市棲鳳區人民政府辦公室</p>",
               "<p>索引號：11330104MB0012345Q/2023-00003</p>")),
    SitePrint("samples/html/township_2023_gbk.html", "samples/html/township_2023_gbk.truth.json",
              "township_2023_gbk.browser.pdf",
              "http://www.mingyuan.gov.cn/wxjd/zwgk/ndbg/202401/t20240126_2291.html",
              ("<p>标题：澄河市明远区望溪街道办事处2023年政府信息公开工作年度报告</p>",
               "<p>索引号：11330105MB1A2345X/2024-00001</p>")),
    SitePrint("samples/pingtan_2024.html", "samples/pingtan_2024.expected.json", "pingtan_2024.browser.pdf",
              "http://www.pingtan.gov.cn/jhtml/cn/8a9ae3fc8ba1cf1d018ba5ae7a7a0001",
              ("<p>标题：平潭综合实验区2024年度政府信息公开工作年度报告</p>",
               "<p>发布时间：2025-01-20</p>", "<p>来源：平潭综合实验区党工委管委会办公室</p>",
               "<p>索引号：FJ00108-0100-2025-00002</p>")),
    SitePrint("samples/shanghai_bgt_2019.html", "samples/shanghai_bgt_2019.expected.json",
              "shanghai_bgt_2019.browser.pdf",
              "http://www.shanghai.gov.cn/nw2319/20200131/0001-12344_1.html",
              ("<p>标题：2019年上海市人民政府办公厅政府信息公开工作年度报告</p>",
               "<p>发布时间：2020-01-31</p>", "<p>来源：上海市人民政府办公厅</p>",
               "<p>索引号：SHSZF-2020-000021</p>")),
)


def read_page(relative: str) -> str:
    """An HTML file as text, declared UTF-8 from here on (the GBK sample is re-encoded)."""
    raw = (ROOT / relative).read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return re.sub(r"charset=gb2312", "charset=utf-8", raw.decode("gb18030"), flags=re.I)


def site_page(spec: SitePrint, gap: int, font: str = TRUETYPE_FONT) -> str:
    """The report inside a site page: the site's header lines right after <body>."""
    html = read_page(spec.source)
    for index, cls in spec.classes:
        html = add_class(html, index, cls)
    body = re.search(r"<body[^>]*>", html, re.I)
    head = '<div class="site-head">\n' + "\n".join(spec.head) + "\n</div>\n"
    html = html[: body.end()] + "\n" + head + html[body.end():]
    layout = SITE_CSS % {"font": font} + TRUETYPE_HEADING_CSS + spec.css % {"gap": gap}
    return inject_css(html, layout)


class _OnePage(http.server.BaseHTTPRequestHandler):
    """Serves the page being printed at whatever path the URL names."""

    body = b""

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args) -> None:
        pass


def chromium_print(html: str, url: str, out_pdf: pathlib.Path) -> None:
    """Print `html` as if loaded from `url`, with Chromium's default header (date, page
    title) and footer (URL, page x/y). Every host resolves to a server on this machine,
    so nothing leaves it and the footer still shows the site's address."""
    _OnePage.body = html.encode("utf-8")
    server = http.server.HTTPServer(("127.0.0.1", 0), _OnePage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        with tempfile.TemporaryDirectory(prefix="chromium_") as profile:
            cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                   "--no-first-run", "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", f"--user-data-dir={profile}",
                   "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", f"--proxy-server=http://127.0.0.1:{port}",
                   f"--print-to-pdf={out_pdf}", url]
            subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    finally:
        server.shutdown()
    if not out_pdf.exists() or out_pdf.stat().st_size == 0:
        raise RuntimeError(f"chromium wrote no {out_pdf}")


def page_texts(pdf: pathlib.Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    return [compact_text(t) for t in out.split("\f")[:-1]]


def compact_text(text: str) -> str:
    return re.sub(r"\s+", "", text)


# Labels that say which table a page holds: 表二's first and last block captions, 表三's
# first, next-to-last and last rows.
T2_FIRST, T2_LAST = "第二十条第（一）项", "行政事业性收费"
T3_FIRST, T3_TOTAL, T3_LAST = "本年新收政府信息公开申请数量", "（七）总计", "四、结转下年度继续办理"


def pages_with(texts: list[str], label: str) -> list[int]:
    return [i for i, t in enumerate(texts, 1) if label in t]


def layout_of(texts: list[str]) -> dict[str, object]:
    """Where 表二 and 表三 start and end (1-based pages), from the printed text."""
    def first(label: str) -> int:
        found = pages_with(texts, label)
        return found[0] if found else 0
    return {"t2": (first(T2_FIRST), first(T2_LAST)), "t3": (first(T3_FIRST), first(T3_LAST)),
            "t3_total": first(T3_TOTAL)}


def layout_is(texts: list[str], wanted: str) -> bool:
    got = layout_of(texts)
    (a2, b2), (a3, b3) = got["t2"], got["t3"]
    if wanted == "t2 on 2 pages, t3 on 3 pages":
        return b2 == a2 + 1 and b3 == a3 + 2
    if wanted == "t3 last row alone":
        # (七)总计 ends one page and 四、结转下年度继续办理 alone starts the next: no other 表三
        # row there, and the 四、 heading after it
        if not (a3 and b3 == got["t3_total"] + 1):
            return False
        page = texts[b3 - 1]
        after = page.index(T3_LAST) + len(T3_LAST)
        return "四、政府信息公开行政复议" in page[after:] and "3.其他" not in page
    return True


def build_site_prints(tmp: pathlib.Path, only: tuple[str, ...] = ()) -> list[pathlib.Path]:
    outs = []
    for spec in SITE_PRINTS:
        if only and spec.out not in only:
            continue
        out = PDF_DIR / spec.out
        for gap in spec.gaps:
            chromium_print(site_page(spec, gap), spec.url, out)
            if layout_is(page_texts(out), spec.wanted):
                break
        else:
            raise RuntimeError(f"{spec.out}: no candidate gives {spec.wanted!r}")
        out.with_name(out.name + ".source").write_text(spec.truth + "\n", encoding="utf-8")
        print(f"{spec.out}: gap {gap}px, {layout_of(page_texts(out))}", file=sys.stderr)
        outs.append(out)
    return outs


# --------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------
NUM_RE = re.compile(r"-?\d+(?:\.\d+)?")


def html_table_numbers(name: str) -> collections.Counter:
    """Multiset of number tokens printed in the source HTML's table cells."""
    import lxml.html
    doc = lxml.html.document_fromstring(read_page(name))
    c: collections.Counter = collections.Counter()
    for td in doc.iter("td", "th"):
        txt = td.text_content().replace("\xa0", " ").strip()
        if NUM_RE.fullmatch(txt):
            c[txt] += 1
    return c


def text_numbers(text: str) -> collections.Counter:
    return collections.Counter(NUM_RE.findall(text))


def source_name(out: pathlib.Path) -> str:
    """The source HTML (relative to the repository) of an output, from its .source truth:
    samples/html/NAME.truth.json -> samples/html/NAME.html; samples/NAME.expected.json ->
    samples/NAME.html (a real report)."""
    src = out.with_name(out.name + ".source").read_text(encoding="utf-8").strip()
    return re.sub(r"\.(truth|expected)\.json$", ".html", src)


def check_pdf(pdf: pathlib.Path) -> list[str]:
    import pdfplumber
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    lines = [f"### {pdf.name}  ({pdf.stat().st_size // 1024} KB)"]
    name = source_name(pdf)
    want = html_table_numbers(name)
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                            capture_output=True, text=True).stdout
    pages_text = layout.split("\f")
    got = text_numbers(layout)
    missing = want - got
    lines.append(f"pdftotext -layout: {len(pages_text) - 1} pages; table numbers missing: "
                 f"{dict(missing) or 'none'}")
    got_cells: collections.Counter = collections.Counter()
    radicals: collections.Counter = collections.Counter()
    with pdfplumber.open(pdf) as doc:
        for i, page in enumerate(doc.pages, 1):
            radicals.update(ch["text"] for ch in page.chars
                            if 0x2E80 <= ord(ch["text"][0]) <= 0x2FDF)
            tables = page.extract_tables()
            if tables:
                shapes = ", ".join(f"{len(t)}x{max(len(r) for r in t)}" for t in tables)
                lines.append(f"p{i} ({page.width:.0f}x{page.height:.0f} pt): {shapes}")
            for t in tables:
                for r in t:
                    for cell in r:
                        if cell is not None and NUM_RE.fullmatch(cell.strip()):
                            got_cells[cell.strip()] += 1
            page.close()
    if got_cells == want:
        lines.append(f"pdfplumber table cells: all {sum(want.values())} numeric cells match")
    else:
        lines.append(f"pdfplumber numeric cells DIFFER: missing {dict(want - got_cells)}, "
                     f"extra {dict(got_cells - want)}")
        # Chromium draws no rule at the top of a table fragment that continues a page: the
        # first row there has no upper edge.  Retry with an explicit rule at the top of the
        # vertical rules of each page.
        fixed: collections.Counter = collections.Counter()
        with pdfplumber.open(pdf) as doc:
            for page in doc.pages:
                v = [e["top"] for e in page.edges if e["orientation"] == "v"]
                ts = page.extract_tables({"explicit_horizontal_lines": [min(v)]} if v else {})
                for t in ts:
                    for r in t:
                        for cell in r:
                            if cell is not None and NUM_RE.fullmatch(cell.strip()):
                                fixed[cell.strip()] += 1
                page.close()
        lines.append("  with explicit_horizontal_lines=[top of the vertical rules]: "
                     + ("all match" if fixed == want else f"missing {dict(want - fixed)}"))
    if radicals:
        lines.append(f"pdfplumber chars that are Kangxi/supplement radicals: "
                     f"{sum(radicals.values())} ({''.join(sorted(radicals))})")
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    kinds = collections.Counter(" ".join(ln.split()[-7:-5]) if len(ln.split()) >= 7 else ln
                                for ln in fonts)
    names = sorted({ln.split()[0].split("+")[-1] for ln in fonts})
    lines.append(f"pdffonts: {len(fonts)} fonts {dict(kinds)}; {', '.join(names[:6])}")
    for key in ("三、收到和处理", "四、政府信息公开行政复议", "四、因政府信息公开工作"):
        pg = [i for i, t in enumerate(pages_text, 1) if key in t]
        if pg:
            lines.append(f"heading {key}…: page {pg}")
    return lines


def check_docx(docx_path: pathlib.Path) -> list[str]:
    import docx
    name = source_name(docx_path)
    want = html_table_numbers(name)
    d = docx.Document(str(docx_path))
    lines = [f"### {docx_path.name}  ({docx_path.stat().st_size // 1024} KB)"]
    got: collections.Counter = collections.Counter()
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for k, t in enumerate(d.tables):
        tcs = list(t._tbl.iter(W + "tc"))
        spans = sum(1 for tc in tcs if tc.grid_span > 1)
        vm = sum(1 for tc in tcs if tc.find(f"{W}tcPr/{W}vMerge") is not None)
        lines.append(f"table {k}: {len(t.rows)} rows x {len(t.columns)} grid cols, "
                     f"{len(tcs)} w:tc, gridSpan>1: {spans}, vMerge: {vm}")
        for tc in tcs:
            txt = "".join(x.text or "" for x in tc.iter(W + "t")).replace("\xa0", " ").strip()
            if NUM_RE.fullmatch(txt):
                got[txt] += 1
    if got == want:
        lines.append(f"numeric w:tc cells: all {sum(want.values())} match the HTML")
    else:
        lines.append(f"numeric cells DIFFER: missing {dict(want - got)}, extra {dict(got - want)}")
    return lines


def check(outputs: list[pathlib.Path]) -> None:
    for out in outputs:
        lines = check_pdf(out) if out.suffix == ".pdf" else check_docx(out)
        print("\n".join(lines) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check the existing outputs")
    ap.add_argument("--prints", nargs="*", metavar="OUT",
                    help="build only the browser prints (*.browser.pdf), or only those named")
    args = ap.parse_args()
    if args.check:
        outs = sorted(PDF_DIR.glob("*.pdf")) + sorted(DOCX_DIR.glob("*.docx"))
    else:
        PDF_DIR.mkdir(parents=True, exist_ok=True)
        DOCX_DIR.mkdir(parents=True, exist_ok=True)
        outs = []
        builds = [build_county_clean_chromium, build_county_clean_thead, build_county_errors_noto,
                  build_city_narrow, build_docx_and_lo_pdf, build_site_prints]
        with tempfile.TemporaryDirectory(prefix="govcheck_samples_") as t:
            tmp = pathlib.Path(t)
            for build in builds[-1:] if args.prints is not None else builds:
                made = build(tmp, tuple(args.prints)) if args.prints else build(tmp)
                print("wrote", ", ".join(str(p.relative_to(ROOT)) for p in made), file=sys.stderr)
                outs += made
    check(outs)


if __name__ == "__main__":
    main()
