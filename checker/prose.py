"""Sentences of a report's prose and the numbers they state about requests,
carried-over cases, appeals and suits (for comparison with 表三 and 表四)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document, Heading, Location, Paragraph
from .normalize import CHINESE_NUMERAL_CHARS, nfkc, parse_int
from .sections import SectionResult

_SENTENCE_SPLIT = re.compile(r"(?<=[。；;！？!?])|\n")
NUMBER = rf"(?:\d[\d,，]*|[{CHINESE_NUMERAL_CHARS}]+)"
_YEAR_IN_TEXT = re.compile(r"(\d{4})\s*年")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    section: str | None
    location: Location


@dataclass(frozen=True, slots=True)
class Statement:
    """A number the prose states about one quantity ('收到申请12件')."""

    quantity: str      # received | handled | concluded | carried_forward | carried_over | review | litigation
    number: int
    verb: str          # the word that says what is counted (收到, 受理, 答复 …)
    sentence: Sentence


def sentences_of(document: Document, sections: SectionResult) -> list[Sentence]:
    """Every sentence of every paragraph, with the section it stands in."""
    owner: dict[int, str] = {}
    for section in sections.sections:
        for i in range(section.block_index, section.end_index):
            owner[i] = section.id
    out = []
    for index, block in enumerate(document.blocks):
        if isinstance(block, (Paragraph, Heading)):
            for part in _SENTENCE_SPLIT.split(block.text):
                if part.strip():
                    out.append(Sentence(part.strip(), owner.get(index), block.location))
    return out


# (quantity, pattern): the number group is "n", the verb group "v". Clauses stop at
# commas so that "收到申请12件，其中自然人10件" states 12 only.
_C = r"[^，,。；;：:（）()]"
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((q, re.compile(p)) for q, p in (
    ("carried_over", rf"(?P<v>上一?年度?结转|上年度遗留){_C}{{0,12}}?申请{_C}{{0,4}}?(?P<n>{NUMBER})\s*件"),
    ("carried_forward", rf"(?P<n>{NUMBER})\s*件{_C}{{0,8}}?(?P<v>结转|顺延|转入){_C}{{0,3}}?下一?年度?"),
    ("carried_forward", rf"(?P<v>结转(?:到|至)?下一?年度?){_C}{{0,10}}?(?P<n>{NUMBER})\s*件"),
    ("received", rf"(?P<v>新收|收到|接收|接到|共收){_C}{{0,14}}?申请{_C}{{0,6}}?(?P<n>{NUMBER})\s*件"),
    ("handled", rf"(?P<v>受理|办理){_C}{{0,14}}?申请{_C}{{0,6}}?(?P<n>{NUMBER})\s*件"),
    ("concluded", rf"(?P<v>办结|答复|作出答复|予以答复|处理完毕)\s*(?:{_C}{{0,6}}?申请)?{_C}{{0,4}}?(?P<n>{NUMBER})\s*件"),
    ("review", rf"(?P<v>行政复议)(?:案件|申请)?{_C}{{0,6}}?(?P<n>{NUMBER})\s*(?:件|起)"),
    ("litigation", rf"(?P<v>行政诉讼)(?:案件)?{_C}{{0,6}}?(?P<n>{NUMBER})\s*(?:件|起)"),
))


REQUEST_QUANTITIES = {"received", "handled", "concluded"}


def statements_in(sentence: Sentence, report_year: int | None) -> list[Statement]:
    """The numbers a sentence states. A clause naming another year (a comparison
    with last year) states nothing about this report's tables."""
    out = []
    for clause in re.split(r"[，,；;]", sentence.text):
        years = {int(y) for y in _YEAR_IN_TEXT.findall(nfkc(clause))}
        if report_year and years - {report_year}:
            continue
        if re.search(r"同比|较上年|比上年|增长|下降|减少", clause):
            continue
        taken: list[tuple[int, int]] = []
        # 答复网民留言, 收到行政复议申请: counts, but not of disclosure requests
        about_requests = "申请" in clause and not re.search(r"复议|诉讼|留言|信访|咨询|投诉", clause)
        for quantity, pattern in PATTERNS:
            if quantity in REQUEST_QUANTITIES and not about_requests:
                continue
            for m in pattern.finditer(clause):
                span = m.span("n")
                if any(a <= span[0] < b for a, b in taken):
                    continue
                number = parse_int(m.group("n"))
                if number is not None:
                    taken.append(span)
                    out.append(Statement(quantity, number, m.group("v"), sentence))
    return out
