"""Write a generated "season" of reports (mixed formats) for batch runs and benchmarks.

    python benchmarks/make_season.py OUTDIR [--count 240] [--seed 7] [--verify]

Every file is made from a committed sample, never from scratch, so the layouts are the
ones the extractors already know; only names, years and some numbers change:

- text  (~20%): samples/qingzu_2024.txt with a generated body name, a year 2021-2024 and
  表二/三/四 filled with numbers that keep every identity of DOMAIN §3; about a third get
  one 表三 cell +1 (a known defect). 8 bodies come as 2023/2024 pairs whose 上年结转 equals
  last year's 结转下年度继续办理, except in 2 pairs (one column off by one or two).
- html  (~40%): samples/html/*.html and samples/pingtan_2024.html with the place name
  swapped (the GBK page re-encoded as GBK) and, in about a third, one 表三 cell +1, edited
  in the page text so the markup is otherwise byte-identical. 3 more pairs: the GBK
  township page 2023 with a year-shifted 2024 copy (carry-over holds) twice, and the
  county page 2024 with a year-shifted 2023 copy (carry-over breaks).
- docx  (~20%): samples/docx/*.docx, XML text edited the same way, rezipped.
- pdf   (~20%): samples/huaian_2024.pdf and samples/pdf/*.pdf, whose text cannot be edited
  easily: each copy gets a PDF comment after %%EOF so its bytes (sha256) differ.
- bad   (4 files): empty, truncated PDF, truncated DOCX, an HTML page holding no report.

OUTDIR/season.json lists every file: format, source sample, body, year, the defect injected
(table/row/column, printed and correct value) and the cross-year pair it belongs to.
--verify checks every file in-process and compares with the source sample's findings
(about 20 s on 2 cores for the default 244 files); see verify() for what is compared.

Deterministic: the same --count and --seed give the same bytes.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# Characters that are the same in simplified and traditional script (the traditional
# HTML sample must stay traditional) and make no report keyword next to 县/镇/街道.
NAME_CHARS = "松柏河川泉安和林清源石山青白金玉明光永合定福吉昌春秋良方古新西南北江湖桃李梅竹荷杏文武仁德田高"

APPLICANTS = ["natural", "commercial", "research", "social", "legal", "other_org"]
COLUMNS = APPLICANTS + ["total"]
# 表三 rows of template 2021 in printed order (DOMAIN §2).
T3_ROWS = [
    "new", "carried_over", "result.granted", "result.partial",
    "result.denied.state_secret", "result.denied.law_forbidden", "result.denied.security_stability",
    "result.denied.third_party", "result.denied.internal_affairs", "result.denied.process_info",
    "result.denied.enforcement_file", "result.denied.query",
    "result.unable.not_held", "result.unable.needs_creation", "result.unable.unclear",
    "result.not_processed.petition", "result.not_processed.repeated", "result.not_processed.publication",
    "result.not_processed.excessive", "result.not_processed.confirm",
    "result.other.no_correction", "result.other.unpaid_fee", "result.other.other",
    "result.total", "carried_forward",
]
RESULT_LEAVES = [r for r in T3_ROWS if r.startswith("result.") and r != "result.total"]
# How often each result occurs in real reports (rough weights for the generator).
LEAF_WEIGHT = {"result.granted": 30, "result.partial": 6, "result.unable.not_held": 12,
               "result.unable.needs_creation": 3, "result.not_processed.petition": 3,
               "result.not_processed.repeated": 3, "result.denied.process_info": 2,
               "result.denied.third_party": 1, "result.other.other": 2}
T4_GROUPS = ["review", "litigation_direct", "litigation_after_review"]
T4_PARTS = ["upheld", "corrected", "other", "pending", "total"]

# The HTML samples: file, encoding, place-name stem to replace, year.
HTML_SOURCES = [
    ("html/county_2024_clean.html", "utf-8", "青岚", 2024),
    ("html/county_2024_errors.html", "utf-8", "青岚", 2024),
    ("html/city_dept_2020_template2019.html", "utf-8", "云江", 2020),
    ("html/district_2022_traditional.html", "utf-8", "棲鳳", 2022),
    ("html/township_2023_gbk.html", "gbk", "望溪", 2023),
    ("pingtan_2024.html", "utf-8", "平潭", 2024),
]
DOCX_SOURCES = [("docx/county_2024_clean.docx", "青岚", 2024), ("docx/township_2023_gbk.docx", "望溪", 2023)]
PDF_SOURCES = ["huaian_2024.pdf", "pdf/city_dept_2020_template2019.narrow.pdf", "pdf/county_2024_clean.chromium.pdf",
               "pdf/county_2024_clean.libreoffice.pdf", "pdf/county_2024_clean.thead.pdf",
               "pdf/county_2024_errors.noto.pdf"]
# The 表三 row a defect goes into in HTML/DOCX: its label reads the same in both scripts.
DEFECT_LABEL = "不掌握"
DEFECT_ROW = "result.unable.not_held"


class Names:
    """Unique two-character place stems, drawn from NAME_CHARS."""

    def __init__(self, rng: random.Random) -> None:
        self.rng, self.used = rng, {"青岚", "望溪", "平潭", "云江", "庆祖", "濮阳"}

    def stem(self) -> str:
        while True:
            s = "".join(self.rng.sample(NAME_CHARS, 2))
            if s not in self.used:
                self.used.add(s)
                return s


# ----------------------------------------------------------------------------- tables
def random_t3(rng: random.Random, carried_over: dict[str, int] | None = None, empty: bool = False) -> dict:
    """表三 as {row: {column: n}} with every §3 identity holding. carried_over fixes that row
    (the second year of a pair takes last year's carried_forward)."""
    t3 = {row: {c: 0 for c in COLUMNS} for row in T3_ROWS}
    for col in APPLICANTS:
        busy = col == "natural" or rng.random() < 0.3  # organisations apply less often
        new = 0 if empty or not busy else rng.randint(0, 40 if col == "natural" else 5)
        co = carried_over[col] if carried_over else (0 if empty or not busy else rng.randint(0, 3))
        cf = 0 if empty else rng.randint(0, min(3, new + co))
        t3["new"][col], t3["carried_over"][col], t3["carried_forward"][col] = new, co, cf
        leaves, weights = zip(*LEAF_WEIGHT.items())
        for _ in range(new + co - cf):  # every request handled this year gets one result
            t3[rng.choices(leaves, weights)[0]][col] += 1
        t3["result.total"][col] = sum(t3[leaf][col] for leaf in RESULT_LEAVES)
    for row in T3_ROWS:
        t3[row]["total"] = sum(t3[row][c] for c in APPLICANTS)
    return t3


def random_t4(rng: random.Random) -> dict:
    """表四 as {"group.part": n}; all zero in most reports, like real township reports."""
    t4 = {}
    for group in T4_GROUPS:
        parts = [rng.choice([0, 0, 0, 1, 2]) if rng.random() < 0.25 else 0 for _ in range(4)]
        for part, n in zip(T4_PARTS, parts + [sum(parts)]):
            t4[f"{group}.{part}"] = n
    return t4


def random_t2(rng: random.Random, last: dict | None = None) -> dict:
    """表二 (template 2021); with last year's table, 现行有效 = last + 制发 - 废止 (§3)."""
    t2 = {"regulations": {"issued": 0, "repealed": 0, "in_force": 0}}  # townships make no 规章
    issued, repealed = rng.randint(0, 6), rng.randint(0, 2)
    base = last["normative_docs"]["in_force"] if last else rng.randint(3, 30)
    t2["normative_docs"] = {"issued": issued, "repealed": repealed, "in_force": max(0, base + issued - repealed)}
    for row in ("licensing", "punishment", "enforcement"):
        t2[row] = {"decisions": rng.choice([0, 0, rng.randint(1, 300)])}
    t2["fees"] = {"amount": rng.choice(["0", "0", f"{rng.randint(1, 500) / 10:.1f}"])}
    return t2


# ----------------------------------------------------------------------------- text
def fill_text(seed: str, *, county: str, town: str, year: int, t2: dict, t3: dict, t4: dict,
              published_items: int, meetings: int) -> str:
    """The seed report with names, year and tables replaced, line by line."""
    text = seed.replace("濮阳县庆祖镇人民政府", f"{county}县{town}镇人民政府").replace("庆祖镇", f"{town}镇")
    text = text.replace("2024", str(year))
    text = text.replace("全年共主动公开政府信息 433 件", f"全年共主动公开政府信息 {published_items} 件")
    text = text.replace("推进会 4 次", f"推进会 {meetings} 次")
    n = t3["new"]["total"]
    if n:  # the seed says "no request"; with requests in the table the prose must agree
        text = text.replace("本年度我镇没有收到要求信息公开申请。", f"本年度我镇共收到政府信息公开申请 {n} 件。")
    if any(t4.values()):
        review, suits = t4["review.total"], t4["litigation_direct.total"] + t4["litigation_after_review.total"]
        text = text.replace("本年度我单位无因政府信息公开申请引起被申请行政复议、诉讼的情况。",
                            f"本年度我单位因政府信息公开申请被申请行政复议 {review} 件，被提起行政诉讼 {suits} 件。")
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    t3_lines = [i for i in range(start, len(lines)) if len(numeric_fields(lines[i])) == 7][:len(T3_ROWS)]
    assert len(t3_lines) == len(T3_ROWS) and "结转下年度" in lines[t3_lines[-1]], "seed 表三 layout changed"
    for row, i in zip(T3_ROWS, t3_lines):
        lines[i] = set_fields(lines[i], [t3[row][c] for c in COLUMNS])
    t4_line = next(i for i, line in enumerate(lines) if len(numeric_fields(line)) == 15)
    lines[t4_line] = set_fields(lines[t4_line], [t4[f"{g}.{p}"] for g in T4_GROUPS for p in T4_PARTS])
    t2_rows = {"规章": ("regulations", ["issued", "repealed", "in_force"]),
               "行政规范性文件": ("normative_docs", ["issued", "repealed", "in_force"]),
               "行政许可": ("licensing", ["decisions"]), "行政处罚": ("punishment", ["decisions"]),
               "行政强制": ("enforcement", ["decisions"]), "行政事业性收费": ("fees", ["amount"])}
    for i, line in enumerate(lines):
        label = line.split("\t", 1)[0]
        if label in t2_rows and "\t" in line:
            row, cols = t2_rows[label]
            lines[i] = set_fields(line, [t2[row][c] for c in cols])
    return "\n".join(lines)


def numeric_fields(line: str) -> list[int]:
    """Indexes of the tab-separated fields that are plain numbers."""
    return [i for i, f in enumerate(line.split("\t")) if re.fullmatch(r"\d+(\.\d+)?", f.strip())]


def set_fields(line: str, values: list) -> str:
    fields = line.split("\t")
    where = numeric_fields(line)
    assert len(where) == len(values), (line, values)
    for i, v in zip(where, values):
        fields[i] = str(v)
    return "\t".join(fields)


def make_text(out: Path, count: int, pairs: int, broken_pairs: int, rng: random.Random, names: Names) -> list[dict]:
    seed = (SAMPLES / "qingzu_2024.txt").read_text(encoding="utf-8")
    entries = []

    def write(name: str, county: str, town: str, year: int, t2, t3, t4, defect=None, pair=None) -> None:
        body = f"{county}县{town}镇人民政府"
        text = fill_text(seed, county=county, town=town, year=year, t2=t2, t3=t3, t4=t4,
                         published_items=rng.randint(50, 900), meetings=rng.randint(1, 12))
        (out / name).write_text(text, encoding="utf-8")
        entries.append({"file": name, "format": "text", "source": "samples/qingzu_2024.txt", "body": body,
                        "year": year, "defect": defect, "pair": pair, "t2": t2, "t3": t3, "t4": t4})

    for p in range(pairs):
        county, town = names.stem(), names.stem()
        t2_last, t3_last, t4_last = random_t2(rng), random_t3(rng), random_t4(rng)
        carried = {c: t3_last["carried_forward"][c] for c in APPLICANTS}
        broken = p >= pairs - broken_pairs
        if broken:  # the classic cross-year defect: 上年结转 not last year's 结转下年度
            carried["natural"] += rng.choice([1, 2])
        pair = {"id": f"text-{p:02d}", "carry_over_holds": not broken}
        write(f"t-pair{p:02d}-2023.txt", county, town, 2023, t2_last, t3_last, t4_last, pair=pair)
        write(f"t-pair{p:02d}-2024.txt", county, town, 2024, random_t2(rng, t2_last),
              random_t3(rng, carried_over=carried), random_t4(rng), pair=pair)
    for i in range(count - 2 * pairs):
        t3 = random_t3(rng, empty=rng.random() < 0.2)  # some all-zero tables, like the seed
        defect = None
        if i % 2 == 0:  # (the pairs stay clean, so every other single file) one applicant cell +1: its row total (and a column sum) no longer add up
            row = rng.choice([r for r in T3_ROWS if r != "result.total"])
            col = rng.choice(APPLICANTS)
            defect = {"table": "t3", "row": row, "column": col, "correct": t3[row][col], "printed": t3[row][col] + 1}
            t3 = json.loads(json.dumps(t3))
            t3[row][col] += 1
        write(f"t{i:03d}.txt", names.stem(), names.stem(), rng.randint(2021, 2024),
              random_t2(rng), t3, random_t4(rng), defect=defect)
    return entries


# ----------------------------------------------------------------------------- html
# A cell's text: after '>', optional spaces/&nbsp;, digits, then the next tag.
CELL_NUMBER = re.compile(r">((?:\s|&nbsp;|\xa0)*)(\d+)((?:\s|&nbsp;|\xa0)*)<")


def bump_html_cell(page: str, column: int) -> tuple[str, int]:
    """+1 on the `column`-th number cell after the 表三 row label DEFECT_LABEL (0 = 自然人);
    only those digits change. Returns the page and the old value."""
    label = [m.start() for m in re.finditer(DEFECT_LABEL, page)]
    assert len(label) == 1, "defect row label not unique in page"
    matches = list(CELL_NUMBER.finditer(page, label[0]))
    m = matches[column]
    old = int(m.group(2))
    return page[:m.start(2)] + str(old + 1) + page[m.end(2):], old


def shift_years(text: str, year: int, delta: int) -> str:
    """The report year and the year after it (publication dates, next year's plans) moved by
    delta; years in document numbers like 〔2021〕 are left alone."""
    def repl(m: re.Match) -> str:
        y = int(m.group(1))
        return str(y + delta) if y in (year, year + 1) else m.group(1)
    return re.sub(r"(?<![〔\[(（\d])(20\d\d)(?=年|-)", repl, text)


def make_html(out: Path, count: int, rng: random.Random, names: Names) -> list[dict]:
    entries = []
    raw = {src: (SAMPLES / src).read_bytes().decode(enc) for src, enc, _, _ in HTML_SOURCES}

    def write(name: str, src: str, enc: str, stem: str, page: str, year: int, defect=None, pair=None) -> None:
        data = page.encode(enc)
        (out / name).write_bytes(data)
        entries.append({"file": name, "format": "html", "source": f"samples/{src}", "encoding": enc,
                        "stem": stem, "year": year, "defect": defect, "pair": pair})

    # Pairs: the same page one year apart, as offices do (copy, change the year).
    pair_plan = [("html/township_2023_gbk.html", 2023, +1, True), ("html/township_2023_gbk.html", 2023, +1, True),
                 ("html/county_2024_clean.html", 2024, -1, False)]
    for p, (src, year, delta, holds) in enumerate(pair_plan):
        _, enc, old, _ = next(s for s in HTML_SOURCES if s[0] == src)
        stem = names.stem()
        page = raw[src].replace(old, stem)
        pair = {"id": f"html-{p:02d}", "carry_over_holds": holds}
        for y, text in sorted([(year, page), (year + delta, shift_years(page, year, delta))]):
            write(f"h-pair{p:02d}-{y}.html", src, enc, stem, text, y, pair=pair)
    for i in range(count - 2 * len(pair_plan)):
        src, enc, old, year = HTML_SOURCES[i % len(HTML_SOURCES)]
        stem = names.stem()
        page = raw[src].replace(old, stem)
        defect = None
        if (i // len(HTML_SOURCES)) % 3 == 1:  # every third round over the sources: each gets defects
            column = rng.randrange(len(APPLICANTS))
            page, value = bump_html_cell(page, column)
            defect = {"table": "t3", "row": DEFECT_ROW, "column": APPLICANTS[column], "correct": value, "printed": value + 1}
        write(f"h{i:03d}-{Path(src).stem}.html", src, enc, stem, page, year, defect=defect)
    return entries


# ----------------------------------------------------------------------------- docx
WT_NUMBER = re.compile(r"(<w:t(?: [^>]*)?>[\s\xa0]*)(\d+)([\s\xa0]*</w:t>)")


def rezip(data: bytes, edit) -> bytes:
    """A copy of the zip with edit(name, bytes) applied to each member; [Content_Types].xml
    first (Word wants it there), the rest in their original order, original timestamps."""
    source = zipfile.ZipFile(io.BytesIO(data))
    infos = sorted(source.infolist(), key=lambda i: i.filename != "[Content_Types].xml")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in infos:
            clone = zipfile.ZipInfo(info.filename, info.date_time)
            clone.compress_type, clone.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            target.writestr(clone, edit(info.filename, source.read(info.filename)))
    return buffer.getvalue()


def make_docx(out: Path, count: int, rng: random.Random, names: Names) -> list[dict]:
    entries = []
    for i in range(count):
        src, old, year = DOCX_SOURCES[i % len(DOCX_SOURCES)]
        stem = names.stem()
        defect = None
        if (i // len(DOCX_SOURCES)) % 3 == 2:
            column = rng.randrange(len(APPLICANTS))
            defect = {"table": "t3", "row": DEFECT_ROW, "column": APPLICANTS[column]}

        def edit(name: str, content: bytes) -> bytes:
            if not name.endswith(".xml"):
                return content
            xml = content.decode("utf-8").replace(old, stem)  # title, body text, docProps
            if defect and name == "word/document.xml":
                at = xml.index(DEFECT_LABEL)
                m = list(WT_NUMBER.finditer(xml, at))[APPLICANTS.index(defect["column"])]
                defect["correct"], defect["printed"] = int(m.group(2)), int(m.group(2)) + 1
                xml = xml[:m.start(2)] + str(int(m.group(2)) + 1) + xml[m.end(2):]
            return xml.encode("utf-8")

        name = f"d{i:03d}-{Path(src).stem}.docx"
        (out / name).write_bytes(rezip((SAMPLES / src).read_bytes(), edit))
        entries.append({"file": name, "format": "docx", "source": f"samples/{src}", "stem": stem,
                        "year": year, "defect": defect, "pair": None})
    return entries


# ----------------------------------------------------------------------------- pdf, bad
def make_pdf(out: Path, count: int) -> list[dict]:
    entries = []
    for i in range(count):
        src = PDF_SOURCES[i % len(PDF_SOURCES)]
        # A comment line after %%EOF: ignored by PDF readers, but new bytes and a new sha256.
        data = (SAMPLES / src).read_bytes() + f"\n% season variant {i}\n".encode()
        name = f"p{i:03d}-{Path(src).name}"
        (out / name).write_bytes(data)
        entries.append({"file": name, "format": "pdf", "source": f"samples/{src}", "defect": None, "pair": None})
    return entries


NOT_A_REPORT = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>首页 - 松河县人民政府门户网站</title></head>
<body><div class="nav">首页 | 政务公开 | 政务服务 | 互动交流</div>
<h1>松河县人民政府</h1><ul><li><a href="/a/1.html">县政府召开常务会议</a></li>
<li><a href="/a/2.html">关于开展2024年度秋季防火工作的通知</a></li>
<li><a href="/a/3.html">县领导调研农业生产工作</a></li></ul>
<p>主办：松河县人民政府办公室　地址：松河县人民路1号</p></body></html>
"""


def make_bad(out: Path) -> list[dict]:
    """Files the batch must report as failures, not crash on."""
    huaian = (SAMPLES / "huaian_2024.pdf").read_bytes()
    docx = (SAMPLES / "docx/county_2024_clean.docx").read_bytes()
    bad = {"x-empty.txt": b"", "x-truncated.pdf": huaian[: len(huaian) * 3 // 10],
           "x-truncated.docx": docx[: len(docx) // 2], "x-not-a-report.html": NOT_A_REPORT.encode("utf-8")}
    for name, data in bad.items():
        (out / name).write_bytes(data)
    return [{"file": name, "format": "bad", "source": None, "defect": None, "pair": None} for name in bad]


# ----------------------------------------------------------------------------- main
def make_season(outdir: str | Path, count: int = 240, seed: int = 7) -> list[dict]:
    """Write the season into outdir (created; existing season files are overwritten).
    Returns the manifest entries, also written to outdir/season.json."""
    if count < 80:  # 20% text must hold the 16 files of the 8 text pairs
        raise ValueError("count must be at least 80")
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    names = Names(rng)
    n_html, n_text, n_docx = round(count * 0.4), round(count * 0.2), round(count * 0.2)
    n_pdf = count - n_html - n_text - n_docx
    entries = (make_text(out, n_text, pairs=8, broken_pairs=2, rng=rng, names=names)
               + make_html(out, n_html, rng, names) + make_docx(out, n_docx, rng, names)
               + make_pdf(out, n_pdf) + make_bad(out))
    for e in entries:
        e["sha256"] = hashlib.sha256((out / e["file"]).read_bytes()).hexdigest()
    # The batch store keys files by sha256: every file must have bytes of its own.
    dup = [h for h, n in Counter(e["sha256"] for e in entries).items() if n > 1]
    assert not dup, f"files with identical bytes: {dup}"
    (out / "season.json").write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")
    return entries


def summary_lines(entries: list[dict]) -> list[str]:
    lines = []
    for fmt in ("text", "html", "docx", "pdf", "bad"):
        group = [e for e in entries if e["format"] == fmt]
        sources = Counter(e["source"] for e in group if e["source"])
        lines.append(f"{fmt:5} {len(group):4} files, {sum(e['defect'] is not None for e in group):3} with a defect, "
                     f"{sum(e['pair'] is not None for e in group):3} in pairs, from {len(sources) or '-'} sample(s)")
    return lines


# ----------------------------------------------------------------------------- verify
def verify(out: Path, entries: list[dict]) -> int:
    """Check every file in-process and compare with what its source should give.

    - pdf, and html/docx without a defect: the same rule codes as the source sample
      (messages differ by the body name).
    - html/docx with a defect: the source's codes plus at least one arithmetic finding whose
      location names the defect's row (or column).
    - text: no error-severity finding unless a defect was injected; then an arithmetic
      finding naming the defect row.
    - bad: status not ok.
    Prints one line per mismatch; returns their number."""
    from checker.batch import check_one

    def codes(record: dict) -> list[str]:
        return sorted(f["rule"] for f in record.get("findings", []))

    def names_defect(record: dict, defect: dict) -> bool:
        for f in record.get("findings", []):
            loc = f.get("location", {})
            if f["category"] == "arithmetic" and (loc.get("row") == defect["row"] or loc.get("column") == defect["column"]
                                                  or defect["row"] in json.dumps(loc)):
                return True
        return False

    baseline: dict[str, dict] = {}
    problems = pinned = defects = 0
    for e in entries:
        record = check_one(out / e["file"])
        if e["format"] == "bad":
            ok = record["status"] != "ok"
            why = f"status {record['status']}"
        elif record["status"] != "ok":
            ok, why = False, f"status {record['status']}: {record.get('error')}"
        elif e["format"] == "text":
            errors = [f for f in record["findings"] if f["severity"] == "error"]
            ok = names_defect(record, e["defect"]) if e["defect"] else not errors
            why = f"findings {codes(record)}"
        else:
            if e["source"] not in baseline:
                baseline[e["source"]] = check_one(ROOT / e["source"])
            base = codes(baseline[e["source"]])
            if e["defect"]:
                # ARI005 (the one cell that explains several failed sums) of the source may
                # rightly vanish when the new defect lands in a column that had one already.
                kept = Counter(c for c in base if c != "ARI005")
                ok = names_defect(record, e["defect"]) and kept <= Counter(codes(record))
            else:  # includes the year-shifted copies of the pairs
                ok = codes(record) == base
            why = f"findings {codes(record)} vs source {base}"
        if e["defect"] and record["status"] == "ok":  # did ARI005 name the cell and its correct value?
            defects += 1
            d = e["defect"]
            pinned += any(f["rule"] == "ARI005" and f["location"].get("row") == d["row"]
                          and f["location"].get("column") == d["column"] and str(f.get("expected")) == str(d["correct"])
                          for f in record["findings"])
        if not ok:
            problems += 1
            print(f"VERIFY {e['file']} ({e['source']}, defect {e['defect']}): {why}")
    print(f"verify: {len(entries) - problems}/{len(entries)} files as expected; ARI005 named the defect cell"
          f" with its correct value in {pinned}/{defects} files with a defect")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--count", type=int, default=240, help="reports to write (bad files come on top)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--verify", action="store_true", help="check every file in-process and compare (slow)")
    args = parser.parse_args()
    entries = make_season(args.outdir, args.count, args.seed)
    for line in summary_lines(entries):
        print(line)
    print(f"total {len(entries)} files in {args.outdir} (manifest: season.json)")
    if args.verify:
        sys.path.insert(0, str(ROOT))
        return 1 if verify(Path(args.outdir), entries) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
