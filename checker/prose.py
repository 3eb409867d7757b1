"""Sentences of a report's prose, where they stand (section, paragraph), and the
numbers they state about requests, their results, appeals and suits (for comparison
with 表三 and 表四)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .chars import compact, nfkc
from .document import Document, Heading, Location, Paragraph
from .normalize import CHINESE_NUMERAL_CHARS, parse_int
from .sections import SectionResult

_SENTENCE_SPLIT = re.compile(r"(?<=[。；;！？!?])|\n")
NUMBER = rf"(?:\d[\d,，]*|[{CHINESE_NUMERAL_CHARS}]+)"
_YEAR_IN_TEXT = re.compile(r"(\d{4})\s*年")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    section: str | None
    location: Location
    # 1-based among the printed paragraphs of its section (sub-headings count, the
    # section's own heading does not; before section 一: among the opening's paragraphs);
    # None for the section heading itself
    paragraph: int | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """A number the prose states about one quantity ('收到申请12件')."""

    quantity: str      # received | handled | concluded | carried_forward | carried_over | review | litigation
                       # | granted | partial | granted_partial | denied | unable | not_processed | other_processing
    number: int
    verb: str          # the words that say what is counted (收到, 受理, 予以公开及部分公开 …)
    sentence: Sentence
    unit: str = "件"


@dataclass(frozen=True, slots=True)
class PrintedParagraph:
    text: str
    section: str | None
    number: int | None
    location: Location


# A PDF line that runs on: the extractor may give each printed line as a block.
_ENDS_PARAGRAPH = re.compile(r"[。！？!?；;：:]\s*$")
_STARTS_ITEM = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．]|[一二三四五六七八九十]+是)")


def _line_width(document: Document) -> int | None:
    """When a PDF's extractor gave one block per printed line, the width of a full line
    (in characters); None when its blocks are whole paragraphs."""
    lengths = sorted(len(compact(b.text)) for b in document.blocks if isinstance(b, Paragraph) and len(compact(b.text)) >= 10)
    if len(lengths) < 5:
        return None
    median = lengths[len(lengths) // 2]
    near = sum(1 for n in lengths if abs(n - median) <= 0.15 * median)
    return median if near >= 0.6 * len(lengths) else None


def _runs_on(previous: Heading | Paragraph, block: Heading | Paragraph, width: int | None) -> bool:
    """In a PDF, `block` continues the paragraph `previous` began: a line that does not
    end a sentence (or, where blocks are printed lines, a full line), followed by a line
    that does not start an item."""
    if not (isinstance(previous, Paragraph) and isinstance(block, Paragraph)) or _STARTS_ITEM.match(block.text):
        return False
    text = previous.text.strip()
    length = len(compact(text))
    if width is not None and length >= 0.9 * width:
        return True
    return length >= 20 and not _ENDS_PARAGRAPH.search(text) and not text.endswith("报告")


def paragraphs_of(document: Document, sections: SectionResult) -> list[PrintedParagraph]:
    """Every printed paragraph (headings included), numbered within its section."""
    owner: dict[int, str] = {}
    headings = set()
    for printed in sections.sections:
        headings.add(printed.block_index)
        for i in range(printed.block_index, printed.end_index):
            owner[i] = printed.id
    width = _line_width(document) if document.format == "pdf" else None
    out: list[PrintedParagraph] = []
    counts: dict[str | None, int] = {}
    previous = None
    for index, block in enumerate(document.blocks):
        if not isinstance(block, (Paragraph, Heading)):
            previous = None
            continue
        if not block.text.strip():
            continue
        section = owner.get(index)
        if index in headings:
            out.append(PrintedParagraph(block.text, section, None, block.location))
            previous = None
            continue
        if (document.format == "pdf" and previous is not None and out and out[-1].section == section
                and _runs_on(previous, block, width)):
            last = out[-1]
            out[-1] = PrintedParagraph(last.text + block.text.strip(), section, last.number, last.location)
        else:
            counts[section] = counts.get(section, 0) + 1
            out.append(PrintedParagraph(block.text, section, counts[section], block.location))
        previous = block
    return out


def sentences_of(document: Document, sections: SectionResult) -> list[Sentence]:
    """Every sentence of every paragraph, with the section and paragraph it stands in."""
    out = []
    for paragraph in paragraphs_of(document, sections):
        for part in _SENTENCE_SPLIT.split(paragraph.text):
            if part.strip():
                out.append(Sentence(part.strip(), paragraph.section, paragraph.location, paragraph.number))
    return out


# (quantity, pattern): the number group is "n", the verb group "v", a unit group "u"
# where it is not 件. Clauses stop at commas so that "收到申请12件，其中自然人10件"
# states 12 only.
_C = r"[^，,。；;：:（）()]"
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((q, re.compile(p)) for q, p in (
    ("carried_over", rf"(?P<v>上一?年度?结转|上年度遗留|结转上一?年度?){_C}{{0,12}}?申请{_C}{{0,4}}?(?P<n>{NUMBER})\s*件"),
    # (a number's start only: tried inside a long run of digits, it would cost the square of its length)
    ("carried_forward", rf"(?<![\d{CHINESE_NUMERAL_CHARS}])(?P<n>{NUMBER})\s*件{_C}{{0,8}}?(?P<v>结转|顺延|转入){_C}{{0,3}}?下一?年度?"),
    ("carried_forward", rf"(?P<v>结转(?:到|至)?下一?年度?){_C}{{0,10}}?(?P<n>{NUMBER})\s*件"),
    ("received", rf"(?P<v>新收|收到|接收|接到|共收(?!到)){_C}{{0,14}}?申请{_C}{{0,6}}?(?P<n>{NUMBER})\s*件"),
    # 条 counts items of information; a request count in 条 only right after 申请
    ("received", rf"(?P<v>新收|收到|接收|接到|共收(?!到)){_C}{{0,14}}?申请(?:数量?)?(?:共|为|共计|合计)?(?P<n>{NUMBER})\s*(?P<u>条)"),
    ("handled", rf"(?P<v>受理|办理){_C}{{0,14}}?申请{_C}{{0,6}}?(?P<n>{NUMBER})\s*件"),
    ("concluded", rf"(?P<v>办结|答复|作出答复|予以答复|处理完毕)\s*(?:{_C}{{0,6}}?申请)?{_C}{{0,4}}?(?P<n>{NUMBER})\s*件"),
    ("review", rf"(?P<v>行政复议)(?:案件|申请)?{_C}{{0,6}}?(?P<n>{NUMBER})\s*(?:件|起)"),
    ("litigation", rf"(?P<v>行政诉讼)(?:案件)?{_C}{{0,6}}?(?P<n>{NUMBER})\s*(?:件|起)"),
))

# The results of 表三 (三、本年度办理结果), as prose names them: the group word next to
# its number, either order ("不予公开35件", "35件不予公开").
_AND = r"(?:及|和|与|或|、|以及)"
_RESULT_WORDS = (
    ("granted_partial", rf"(?:予以)?(?:全部)?公开{_AND}(?:予以)?部分公开"),
    ("granted", rf"(?:予以(?:全部)?公开|同意公开|全部公开)(?!{_AND}(?:予以)?部分)"),
    ("partial", r"(?<![及和与或、])(?:区分处理后?)?部分公开"),
    ("denied", r"不予公开"),
    ("unable", r"无法提供"),
    ("not_processed", r"不予处理"),
    ("other_processing", r"其他处理"),
)
RESULT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (q, re.compile(p)) for q, word in _RESULT_WORDS for p in (
        rf"(?P<v>{word})(?:的|申请)?{_C}{{0,3}}?(?P<n>{NUMBER})\s*件",
        rf"(?<![\d{CHINESE_NUMERAL_CHARS}])(?P<n>{NUMBER})\s*件(?:申请)?(?:被|已)?(?P<v>{word})",
    ))
RESULT_QUANTITIES = frozenset(q for q, _ in _RESULT_WORDS)

REQUEST_QUANTITIES = {"received", "handled", "concluded"}
# a clause comparing with last year speaks of the change, not of this year's figures
_COMPARISON_WORDS = re.compile(r"同比|较|比上一?年|比去年|相比")
# a clause about last year ("上年度共收到申请80件"); 上年结转 is this year's table
_LAST_YEAR = re.compile(r"去年|上一?年(?!度?(?:结转|遗留))")
# a change from last year, not a count of this year: 增加5件, 下降10%
_CHANGE = re.compile(r"同比|增长|下降|减少|增加|增多|上升|回落|持平")
_THIS_YEAR = re.compile(r"本年|今年|全年")
# a comma between two digits groups thousands (1,218件): it does not end a clause
_CLAUSE_SPLIT = re.compile(r"(?<!\d)[，,]|[，,](?!\d)|[；;]")
# results of some requests only: 上年结转的1件申请已予以公开; 对涉及第三方的3件申请，2件予以公开
_SUBSET = re.compile(rf"(?:的|之中|中的)\s*{NUMBER}\s*件(?:政府信息公开)?申请")
# 依申请公开 names a kind of disclosure, not requests: 依申请公开信息12条
_BY_REQUEST = re.compile(r"依申请")


def clauses_of(text: str, report_year: int | None) -> list[tuple[int, int, bool]]:
    """(start, end, about this year) of each clause of a sentence. A clause naming
    another year, or last year, is not about this year, and neither are the clauses
    after it until one names the report year again ("2023年收到申请80件，办结78件");
    a clause comparing with last year (同比, 较上年) is not, on its own."""
    out = []
    elsewhere = leads = False
    position = 0
    for part in _CLAUSE_SPLIT.split(text):
        start, end = position, position + len(part)
        position = end + 1
        key = nfkc(part)
        years = {int(y) for y in _YEAR_IN_TEXT.findall(key)}
        other_year = bool(report_year and years - {report_year})
        if other_year and re.search(r"较|比|相比", key):
            pass  # 较2023年增加3件: a comparison, this clause only
        elif other_year:
            elsewhere = True
        elif (report_year in years) or _THIS_YEAR.search(key):
            elsewhere = False
        elif _LAST_YEAR.search(key) and "结转" not in key and not _COMPARISON_WORDS.search(key):
            elsewhere = True
        compares = bool(_COMPARISON_WORDS.search(key) and (_LAST_YEAR.search(key) or other_year)
                        or _CHANGE.search(key) or leads) and "结转" not in key
        # 与2023年相比，收到申请增加5件: the comparison runs on into the next clause
        leads = bool(re.search(r"(?:相比|相较|比较|对比)$", key.strip()))
        out.append((start, end, not elsewhere and not compares))
    return out


def statements_in(sentence: Sentence, report_year: int | None) -> list[Statement]:
    """The numbers a sentence states. A clause about another year (or comparing with
    last year) states nothing about this report's tables."""
    out = []
    for start, end, this_year in clauses_of(sentence.text, report_year):
        if not this_year:
            continue
        clause = _BY_REQUEST.sub("依＿＿", sentence.text[start:end])
        taken: list[tuple[int, int]] = []
        # 答复网民留言, 收到行政复议申请: counts, but not of disclosure requests
        about_requests = "申请" in clause and not re.search(r"复议|诉讼|留言|信访|咨询|投诉", clause)
        # 予以公开/不予公开 N件: results of requests, unless the clause is about proactive disclosure or appeals
        # (不予处理的信访件20件 counts petitions, not disclosure requests)
        about_results = not (re.search(r"主动公开|复议|诉讼|主动|网站|公开栏", clause)
                             or (re.search(r"信访|投诉|举报|咨询|留言|建议|提案", clause) and "申请" not in clause)
                             or _SUBSET.search(sentence.text[:end]))
        for quantity, pattern in (*PATTERNS, *RESULT_PATTERNS):
            if quantity in REQUEST_QUANTITIES and not about_requests:
                continue
            if quantity in RESULT_QUANTITIES and not about_results:
                continue
            for m in pattern.finditer(clause):
                span = m.span("n")
                if any(a <= span[0] < b for a, b in taken):
                    continue
                number = parse_int(m.group("n"))
                if number is not None:
                    taken.append(span)
                    unit = m.groupdict().get("u") or "件"
                    out.append(Statement(quantity, number, m.group("v"), sentence, unit))
    return out


def _this_year_at(clauses: list[tuple[int, int, bool]], position: int) -> bool:
    """Whether the clause (of clauses_of) holding `position` is about the report year."""
    return next((this for start, end, this in clauses if start <= position <= end), True)


# --- 表四: what prose says of appeals and suits ------------------------------------------

@dataclass(frozen=True, slots=True)
class AppealClaim:
    """'行政复议7件，均获维持': the groups a sentence names and what it says of their outcome."""

    groups: tuple[str, ...]   # review | litigation (both kinds of suit) | litigation_direct | litigation_after_review
    kind: str                 # upheld | corrected | other | pending (a count) | all_upheld | all_won | all_concluded
                              # | none_lost (none corrected: 零败诉, 均未被纠正)
    number: int | None        # the count stated for the outcome, or for the group (all_* claims)
    words: str
    sentence: Sentence


_GROUP_WORDS = (
    ("litigation_after_review", r"复议后(?:提起)?(?:行政)?(?:起诉|诉讼)"),
    ("litigation_direct", r"(?:未经复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼)|未经复议(?:提起)?(?:行政)?(?:起诉|诉讼)"),
    ("litigation", r"(?:行政)?(?:诉讼|起诉|应诉)"),
    ("review", r"(?:行政)?复议"),
)
_GROUP = re.compile("|".join(f"(?P<{g}>{p})" for g, p in _GROUP_WORDS))
_OUTCOME_COUNTS = (
    ("upheld", r"(?:结果)?维持"),
    ("corrected", r"(?:结果)?(?:被)?纠正|败诉"),
    ("other", r"其他结果"),
    ("pending", r"尚未审结|未审结|未结案|尚在审理|正在审理|审理中"),
)
_OUTCOME = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _OUTCOME_COUNTS))
_ALL_UPHELD = re.compile(r"(?:均|全部|都)[^，,。；;不未没]{0,6}?维持|维持原(?:答复|决定|行政行为|告知)")
_ALL_WON = re.compile(r"(?:均|全部|都)[^，,。；;不未没]{0,6}?胜诉")
_ALL_CONCLUDED = re.compile(r"(?:均|全部|都)已?(?:审结|结案|办结)")
_NONE_CORRECTED = re.compile(r"(?:均|都|全部)未被?(?:依法)?纠正|无一被?纠正|没有被?纠正")
_NONE_LOST = re.compile(r"零败诉|无败诉|未(?:出现|发生)败诉|没有败诉")
# the body's own disclosure cases, not the reviews a 司法局 decides for others
_ABOUT_DISCLOSURE = re.compile(r"信息公开|政府信息|被申请|被提起|被起诉|被诉|被告")
_UNIT = r"\s*(?:件|起|宗|个)"


def about_own_disclosure_cases(sentence: Sentence) -> bool:
    """The sentence speaks of reviews and suits about the body's own disclosure work:
    in section 四, or saying so before it names them (政府信息公开行政复议, 被申请行政复议);
    not "收到行政复议申请10件，其中涉及政府信息公开的2件"."""
    if sentence.section == "appeals":
        return True
    text = nfkc(sentence.text)
    marker, mention = _ABOUT_DISCLOSURE.search(text), _GROUP.search(text)
    return bool(marker and mention and marker.start() < mention.start())


def appeal_claims(sentence: Sentence, report_year: int | None) -> list[AppealClaim]:
    text = nfkc(sentence.text)
    if not about_own_disclosure_cases(sentence):
        return []
    if not all(this for _, _, this in clauses_of(text, report_year)):
        return []  # a sentence that also speaks of last year's cases
    mentions = [(m.start(), m.end(), m.lastgroup or "") for m in _GROUP.finditer(text)]   # every alternative is named
    if not mentions:
        return []
    out: list[AppealClaim] = []
    counts: dict[str, int] = {}
    for i, (_start, end, group) in enumerate(mentions):
        stop = mentions[i + 1][0] if i + 1 < len(mentions) else len(text)
        m = re.match(rf"(?:案件|申请)?[^，,。；;]{{0,6}}?(?P<n>{NUMBER}){_UNIT}", text[end:stop])
        if m and not _OUTCOME.search(text[end:end + m.start("n")]):
            n = parse_int(m.group("n"))
            if n is not None:
                counts[group] = n
        # outcome counts after this mention and before the next: 其中维持5件，纠正1件
        for o in _OUTCOME.finditer(text, end, stop):
            after = re.match(rf"[^，,。；;、]{{0,4}}?(?P<n>{NUMBER}){_UNIT}", text[o.end():stop])
            # or the number first: 其中1件维持原答复
            before = re.search(rf"(?<![\d{CHINESE_NUMERAL_CHARS}])(?P<n>{NUMBER}){_UNIT}(?:被|已|经复议|经审理)?$", text[end:o.start()])
            for found in (after, before):
                if found and (n := parse_int(found.group("n"))) is not None:
                    out.append(AppealClaim((group,), o.lastgroup or "", n, o.group(0), sentence))
                    break
    for pattern, kind in ((_ALL_UPHELD, "all_upheld"), (_ALL_WON, "all_won"), (_ALL_CONCLUDED, "all_concluded"),
                          (_NONE_CORRECTED, "none_lost")):
        m = pattern.search(text)
        # "均获维持" beside counted outcomes (其中纠正1件) is not a claim about all of them
        if m and not (kind == "all_upheld" and _OUTCOME.search(_NONE_LOST.sub("", text.replace(m.group(0), "")))):
            groups = dict.fromkeys(g for start, _, g in mentions if start < m.start())
            if "litigation" in groups:  # 行政诉讼4件，其中复议后起诉3件…均获维持: one claim about suits
                groups = {g: None for g in groups if not g.startswith("litigation_")}
            for group in groups:
                out.append(AppealClaim((group,), kind, counts.get(group), m.group(0), sentence))
    m = _NONE_LOST.search(text)
    if m and not any(c.kind == "none_lost" and c.groups == ("litigation",) for c in out):
        out.append(AppealClaim(("litigation",), "none_lost", 0, m.group(0), sentence))
    return out


# --- 表二: documents and decisions the prose counts -------------------------------------

@dataclass(frozen=True, slots=True)
class TableTwoClaim:
    """'现行有效行政规范性文件393件': a 表二 row and the columns the words may mean."""

    row: str                  # regulations | normative_docs | licensing | punishment | enforcement
    columns: tuple[str, ...]  # any of them fits
    number: int
    words: str
    sentence: Sentence


_SUBJECT = r"(?:行政)?规范性文件|(?:政府)?规章"
_FILL = r"(?:的|了|共|共计|计|合计|累计|为|有|达|本级|市政府|区政府|县政府|镇政府|乡政府|政府|我市|我区|我县|我镇|我局|本机关|本单位|各类)*"
_WHEN = r"(?:本年度?|全年|年内|今年)?"
_MEASURES = {
    "2021": (("in_force", r"现行有效"), ("issued", rf"{_WHEN}(?:新)?(?:制发|出台|印发|制定|新增公开|新增)"),
             ("repealed", rf"{_WHEN}(?:宣布)?废止")),
    "2019": (("made|published", r"(?:新)?(?:制作|制发)并(?:新)?公开"), ("made", rf"{_WHEN}(?:新制作|制作|制发|出台|印发|制定)"),
             ("published", rf"{_WHEN}(?:新公开|主动公开|新增公开|公开)")),
}
_DECISION = re.compile(rf"(?:^|(?<!公示)(?<!公开)(?<!发布)(?<!推送))(?:作出|办理|实施)?(?:的)?行政(?P<k>许可|处罚|强制)(?:处理)?决定(?:书)?{_FILL}$"
                       rf"|作出(?:的)?行政(?P<k2>许可|处罚|强制){_FILL}$")
_TOTAL_PUBLIC = re.compile(rf"(?:对外公开|累计公开)(?:的)?(?P<s>{_SUBJECT})(?:的)?(?:总数|总量){_FILL}$")
_OTHER_SCOPE = re.compile(r"部门|各单位|各级|各地|各县|各区|下属|系统内")
_DECISION_ROWS = {"许可": "licensing", "处罚": "punishment", "强制": "enforcement"}
_COUNT_TOKEN = re.compile(rf"(?<![\d.{CHINESE_NUMERAL_CHARS}])(?P<n>{NUMBER})\s*(?P<u>件|部|个|份|宗|起|项|条|次|篇|期|人次|人|%|万)")


@cache
def _t2_core(template: str) -> re.Pattern[str]:
    """A segment's end naming a measure and a subject, either order, or one of them alone."""
    measures = _MEASURES[template]

    def alternatives(tag: str) -> str:
        return "|".join(f"(?P<{tag}{i}>{p})" for i, (_, p) in enumerate(measures))
    return re.compile(rf"(?:(?:{alternatives('a')}){_FILL}(?P<s1>{_SUBJECT})|(?P<s2>{_SUBJECT}){_FILL}(?:{alternatives('b')})"
                      rf"|(?P<s3>{_SUBJECT})|(?:{alternatives('c')})){_FILL}$")


def _subject_row(subject: str) -> str:
    return "regulations" if subject.endswith("规章") else "normative_docs"


def _enumeration(text: str, position: int) -> str:
    """The clause holding `position`, with every item of a 、 list in it: 「区政府规范性文件12件、
    部门规范性文件50件」 is one scope question, not two."""
    start = max(text.rfind(ch, 0, position) for ch in "，,；;。") + 1
    ends = [i for i in (text.find(ch, position) for ch in "，,；;。") if i >= 0]
    return text[start:min(ends, default=len(text))]


def table_two_claims(sentence: Sentence, report_year: int | None, template: str | None) -> list[TableTwoClaim]:
    measures = _MEASURES.get(template or "")
    if measures is None:
        return []
    text = re.sub(r"\s+", "", nfkc(sentence.text))
    core = _t2_core(template)
    out: list[TableTwoClaim] = []
    last: tuple[str, str, int] | None = None     # (row, measure columns, end) of the previous claim
    previous_end = 0
    clauses = clauses_of(text, report_year)
    for token in _COUNT_TOKEN.finditer(text):
        start = token.start()
        clause_start = max(text.rfind(ch, 0, start) for ch in "，,；;、") + 1
        segment = text[max(clause_start, previous_end):start]
        inherited = last if last is not None and last[2] == previous_end else None
        previous_end = token.end()
        number = parse_int(token.group("n"))
        if token.group("u") not in ("件", "部", "个", "份", "宗", "起", "项") or number is None:
            last = None
            continue
        if text[token.end():token.end() + 1] in ("余", "多") or not _this_year_at(clauses, start):
            last = None
            continue
        if _OTHER_SCOPE.search(_enumeration(text, start)):
            last = None
            continue  # 全区各部门制发…: not the body's own 表二
        total = _TOTAL_PUBLIC.search(segment) if template == "2019" else None
        if total:
            out.append(TableTwoClaim(_subject_row(total.group("s")), ("total_public",), number, total.group(0), sentence))
            last = None
            continue
        decision = _DECISION.search(segment)
        if decision:
            kind = decision.group("k") or decision.group("k2")
            out.append(TableTwoClaim(_DECISION_ROWS[kind], ("decisions",), number, decision.group(0), sentence))
            last = None
            continue
        m = core.search(segment)  # the longest suffix that is a measure and a subject
        if not m:
            last = None
            continue
        prefix = segment[:m.start()]
        subject = m.group("s1") or m.group("s2") or m.group("s3")
        measure = next((measures[int(k[1:])][0] for k, v in m.groupdict().items() if v and re.fullmatch(r"[abc]\d+", k)), None)
        if subject is None or measure is None:
            if prefix or inherited is None:
                last = None
                continue
            subject = subject or ("规章" if inherited[0] == "regulations" else "规范性文件")
            measure = measure or inherited[1]
        row = _subject_row(subject)
        out.append(TableTwoClaim(row, tuple(measure.split("|")), number, m.group(0), sentence))
        last = (row, measure, token.end())
    return out


# --- 其中 lists: a total and its parts ------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Breakdown:
    """'主动公开政府信息107条，其中政策文件30条、工作动态50条…': a stated total and its listed parts."""

    total: int
    unit: str
    parts: tuple[tuple[str, int], ...]   # (label, number) as printed
    closed: bool                         # the list says it is complete (其他… / 分别为)
    words: str                           # the clause that states the total
    sentence: Sentence


_LIST_START = re.compile(r"其中|包括|涉及|分别为|分别是")
# the total ends the clause before the list, or nearly: "34条，信息类别包括…"
_TOTAL_AT_END = re.compile(rf"(?<![{CHINESE_NUMERAL_CHARS}\d.])(?P<n>{NUMBER})\s*(?P<u>件|条|个|项|起|篇|次|期)(?:[，,：:]?[^\d，,；;。：:]{{0,6}})?$")
# a clause that starts a new statement rather than naming a part
_NOT_A_PART = re.compile(r"^(?:发布|开展|组织|召开|举办|回应|收到|受理|答复|印发|制发|更新|解读|共|合计|总计)|同比|较上|增长|下降|累计|其中|包括")
# the same item published through several channels is counted in each: such parts overlap
_CHANNELS = re.compile(r"网站|网页|微信|微博|公众号|客户端|平台|新媒体|渠道|APP|App|抖音|头条|政务号|公报|公开栏|网上|在线|当面|现场|信函|邮寄|传真|邮件|网络|电话")
# results of requests (收到75件，其中予以公开50件…): some requests of the year are still being
# handled and some handled ones came from last year; CON012 compares each with 表三
_RESULTS = re.compile(r"予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|办结|答复|结转|顺延")
_CATCH_ALL = re.compile(r"^(?:其他|其它|其余|另有|剩余)")


def _unit_family(unit: str) -> str:
    return "件" if unit in ("件", "条") else unit


def breakdowns(sentence: Sentence, report_year: int | None) -> list[Breakdown]:
    text = re.sub(r"[（(][^）)]*[）)]", "", re.sub(r"\s+", "", nfkc(sentence.text)))
    out = []
    clauses = clauses_of(text, report_year)
    for start in _LIST_START.finditer(text):
        before = text[:start.start()].rstrip("，,：:")
        if not before:
            continue
        total = _TOTAL_AT_END.search(before)
        if total is None or (n_total := parse_int(total.group("n"))) is None or n_total == 0:
            continue
        clause_start = max(before.rfind(ch, 0, total.start()) for ch in "，,；;") + 1
        if not _this_year_at(clauses, total.start()) or re.search(r"[余约近超逾]$", before[:total.start()]):
            continue
        rest = text[start.end():]
        nested = _LIST_START.search(rest)
        rest = rest[:nested.start()] if nested else rest
        parts: list[tuple[str, int]] = []
        position, complete = 0, True
        for token in _COUNT_TOKEN.finditer(rest):
            label = rest[position:token.start()].lstrip("，,、：:和及与以及")  # noqa: B005  (a set of joining characters)
            gap_end = token.end()
            if token.group("u") in ("%",):
                position = gap_end
                continue
            number = parse_int(token.group("n"))
            if (_unit_family(token.group("u")) != _unit_family(total.group("u")) or number is None or not label
                    or len(label) > 40 or _NOT_A_PART.search(label) or re.search(r"[，,；;]", label)):
                break
            if label.endswith("等") or rest[gap_end:gap_end + 1] in ("余", "多"):
                complete = False
                break
            parts.append((label, number))
            position = gap_end
        if not complete or len(parts) < 2 or any(_CHANNELS.search(label) or _RESULTS.search(label) for label, _ in parts):
            continue
        closed = start.group(0).startswith("分别") or any(_CATCH_ALL.match(label) for label, _ in parts)
        out.append(Breakdown(n_total, total.group("u"), tuple(parts), closed, before[clause_start:total.end("u")], sentence))
    return out
