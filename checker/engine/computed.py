"""Rules that compute rather than match: each a function registered by name and
named from its rule file (`kind = "computed"`, `function = "…"`).

Each function names the values its sentences use (`outputs`) and the cases it tells
apart (`variants`); the sentences themselves are in the rule files.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..chars import compact, nfkc
from ..dates import BODY_KINDS
from ..facts import PRE_2019, ReportFacts, expected_template
from ..findings import CellRef, Finding, Location
from ..normalize import leading_numeral, parse_int
from ..prose import Statement, about_own_disclosure_cases, appeal_claims, breakdowns, table_two_claims
from ..sections import section_is_empty
from ..templates import TABLE_NAMES, load_sections
from .identities import Status, ledger
from .kinds import cell_label, row_label, template_position
from .params import check_month_days, month_day
from .registry import RuleProblem, computed
from .rule import Rule
from .say import finding, printed_at, sentence_place

Reading = tuple[int | None, str, CellRef]   # a table's number, what it counts, and its cell


# --- template and year ------------------------------------------------------------

@computed("template_year", outputs=("year", "wanted", "template", "labels"))
def template_year(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """A 2021-or-later report in the 2019 layout, or the reverse (not when mixed: TPL001)."""
    wanted = expected_template(facts.year)
    if facts.mixed_template or wanted in (None, PRE_2019) or facts.template in (None, PRE_2019, wanted):
        return
    labels = sorted({label for m in facts.tables.values() for label in m.evidence.get(facts.template, ())})[:3]
    yield finding(rule, Location(), {"year": facts.year, "wanted": wanted, "template": facts.template,
                                     "labels": "、".join(labels)},
                  expected=wanted, actual=facts.template, evidence="、".join(labels))


@computed("pre2019_note", outputs=("year",))
def pre2019_note(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    if facts.template == PRE_2019:
        yield finding(rule, Location(), {"year": facts.year})


@computed("title_year", outputs=("title",), variants={"no_title": ()})
def title_year(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """A title without the report's year (`message`), or no title at all (`no_title`)."""
    if facts.title is None:
        yield finding(rule, Location(), {}, variant="no_title")
    elif facts.year is None:
        yield finding(rule, Location(**printed_at(facts.title_location)), {"title": facts.title},
                      evidence=facts.title)


_CURRENT_YEAR = re.compile(r"(?:^|[，,。；])\s*(\d{4})\s*年度?\s*(?:，|,|全年|共|我|本)")
_THIS_YEAR_IS = re.compile(r"(?:本年度?|今年|本报告年度)\s*[（(]\s*(\d{4})\s*年")
_COMPARISON = re.compile(r"较|比|同比|上年|去年|上一年|相比|分别为|对比")


@computed("other_year_as_current", outputs=("year", "other_year", "sentence"))
def other_year_as_current(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """An earlier year spoken of as the current one: a leftover of last year's report."""
    if facts.year is None:
        return
    for sentence in facts.sentences:
        text = nfkc(sentence.text)
        if _COMPARISON.search(text):
            continue
        for pattern in (_THIS_YEAR_IS, _CURRENT_YEAR):
            m = pattern.search(text)
            if m and 2000 <= int(m.group(1)) < facts.year:
                yield finding(rule, sentence_place(sentence),
                              {"year": facts.year, "other_year": m.group(1), "sentence": sentence.text},
                              expected=facts.year, actual=int(m.group(1)), evidence=sentence.text)
                break


_PERIOD = re.compile(r"统计(?:期限|期间|时限|时间|区间)|数据统计")
_DATE_YEAR = re.compile(r"(\d{4})\s*年\s*\d{1,2}\s*月")


@computed("statistics_period", outputs=("year", "stated_year", "sentence"))
def statistics_period(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    if facts.year is None:
        return
    for sentence in facts.sentences:
        text = nfkc(sentence.text)
        if not _PERIOD.search(text):
            continue
        years = [int(y) for y in _DATE_YEAR.findall(text)]
        wrong = [y for y in years if y != facts.year]
        if wrong:
            yield finding(rule, sentence_place(sentence), {"year": facts.year, "stated_year": wrong[0], "sentence": sentence.text},
                          expected=facts.year, actual=wrong[0], evidence=sentence.text)


# --- prose against the tables --------------------------------------------------------

def _count(facts: ReportFacts, table: str, row: str, column: str) -> int | None:
    """A table number as prose is compared with it (identities.Ledger.implied_value): a
    blank cell is 0, a blank total above non-zero parts stands for their sum; a cell
    holding text or '/', one the table lacks, or an amount, is None (not comparable)."""
    number = ledger(facts).implied_value(CellRef(table, row, column), facts)
    return number if isinstance(number, int) else None


def _how_blanks_read(facts: ReportFacts, refs: Iterable[CellRef]) -> str:
    """How blanks were read, when a comparison rests on them."""
    blanks = [r for r in refs if (v := facts.values.get(r)) is not None and v.problem == "blank"]
    totals = ledger(facts).blank_totals
    summed = [r for r in blanks if r in totals]
    if summed and all(r.table == "t3" and r.column == "total" for r in summed):
        return "（表三该行总计空白，按各列之和计）" if len(summed) == 1 else "（表三这些行的总计空白，按各列之和计）"
    if summed:
        return f"（{TABLE_NAMES[summed[0].table]}的总计空白，按各项之和计）"
    if blanks:
        return f"（{TABLE_NAMES[blanks[0].table]}空白格按0计）"
    return ""


def _ref(ref: CellRef) -> tuple[str, str, str]:
    return ref.table, ref.row, ref.column


def _sum(*numbers: int | None) -> int | None:
    known = [n for n in numbers if n is not None]
    return None if len(known) < len(numbers) else sum(known)


def readings(facts: ReportFacts, quantity: str) -> tuple[list[Reading], list[Reading]]:
    """(accepted, alternative) readings of a quantity in the tables: what a sentence
    may mean by its word, and what it would mean by a looser use of the word."""
    new, over = _count(facts, "t3", "new", "total"), _count(facts, "t3", "carried_over", "total")
    results, forward = _count(facts, "t3", "result.total", "total"), _count(facts, "t3", "carried_forward", "total")
    review = _count(facts, "t4", "review", "total")
    direct, after = _count(facts, "t4", "litigation_direct", "total"), _count(facts, "t4", "litigation_after_review", "total")
    r_new, r_res = CellRef("t3", "new", "total"), CellRef("t3", "result.total", "total")
    r_fwd, r_over = CellRef("t3", "carried_forward", "total"), CellRef("t3", "carried_over", "total")
    r_rev, r_dir, r_aft = CellRef("t4", "review", "total"), CellRef("t4", "litigation_direct", "total"), CellRef("t4", "litigation_after_review", "total")
    table = {
        # 收到/新收 counts this year's new requests only; 受理/办理 may include last year's.
        "received": ([(new, "本年新收", r_new)], [(_sum(new, over), "新收加上年结转", r_new)]),
        "handled": ([(new, "本年新收", r_new), (_sum(new, over), "新收加上年结转", r_new), (results, "办理结果总计", r_res)], []),
        "concluded": ([(results, "办理结果总计", r_res)], [(new, "本年新收", r_new), (_sum(new, over), "新收加上年结转", r_new)]),
        "carried_forward": ([(forward, "结转下年度继续办理", r_fwd)], []),
        "carried_over": ([(over, "上年结转", r_over)], []),
        "review": ([(review, "行政复议总计", r_rev)], []),
        "litigation": ([(_sum(direct, after), "行政诉讼两项总计之和", r_dir)],
                       [(direct, "未经复议直接起诉总计", r_dir), (after, "复议后起诉总计", r_aft)]),
    }
    return table[quantity]


READ_QUANTITIES = frozenset({"received", "handled", "concluded", "carried_forward", "carried_over", "review", "litigation"})


def _statement_checks(facts: ReportFacts) -> Iterator[tuple[Statement, str, list[Reading], list[Reading]]]:
    """(statement, verdict, accepted, alternatives): verdict ok | alternative | mismatch."""
    for st in facts.statements:
        if st.quantity not in READ_QUANTITIES:
            continue
        if st.quantity in ("review", "litigation") and not about_own_disclosure_cases(st.sentence):
            continue  # 办理行政复议案件120件: reviews a 司法局 decides, not 表四's
        accepted, alternative = readings(facts, st.quantity)
        accepted = [r for r in accepted if r[0] is not None]
        alternative = [r for r in alternative if r[0] is not None]
        if not accepted:
            continue  # the cell is missing or unreadable: reported elsewhere
        if any(n == st.number for n, _, _ in accepted):
            yield st, "ok", accepted, alternative
        elif any(n == st.number for n, _, _ in alternative):
            yield st, "alternative", accepted, alternative
        else:
            yield st, "mismatch", accepted, alternative


def _statement_finding(rule: Rule, st: Statement, reading: Reading, say: Mapping[str, object]) -> Finding:
    n, _, ref = reading
    return finding(rule, sentence_place(st.sentence, cell=ref), {"verb": st.verb, "number": st.number, "unit": st.unit,
                                                                 "sentence": st.sentence.text, **say},
                   expected=n, actual=st.number, evidence=st.sentence.text)


_STATED = ("verb", "number", "unit", "sentence")   # what a statement of the text gives every message


@computed("prose_vs_table", outputs=(*_STATED, "table_name", "reading", "value", "blank_reading"))
def prose_vs_table(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """A number of requests (件), appeals or suits stated in the text that no reading of the table gives."""
    for st, verdict, accepted, _ in _statement_checks(facts):
        if verdict == "mismatch" and st.unit == "件":
            n, name, ref = accepted[0]
            yield _statement_finding(rule, st, accepted[0], {"table_name": TABLE_NAMES[ref.table], "reading": name, "value": n,
                                                             "blank_reading": _how_blanks_read(facts, [ref])})


@computed("prose_alternative_reading", outputs=(*_STATED, "table_name", "reading", "meant", "meant_value"))
def prose_alternative_reading(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """A stated number that fits the table only under a looser meaning of its word."""
    for st, verdict, accepted, alternative in _statement_checks(facts):
        if verdict == "alternative":
            n, name, ref = next(r for r in alternative if r[0] == st.number)
            yield _statement_finding(rule, st, accepted[0], {"table_name": TABLE_NAMES[ref.table], "reading": name,
                                                             "meant": accepted[0][1], "meant_value": accepted[0][0]})


# 表三's result groups: the rows each prose word sums, by row-id prefix, and how to name them
RESULT_GROUPS = {
    "granted": (("result.granted",), "予以公开"),
    "partial": (("result.partial",), "部分公开"),
    "granted_partial": (("result.granted", "result.partial"), "予以公开与部分公开之和"),
    "denied": (("result.denied.",), "不予公开各项之和"),
    "unable": (("result.unable.",), "无法提供各项之和"),
    "not_processed": (("result.not_processed.",), "不予处理各项之和"),
    "other_processing": (("result.other",), "其他处理"),
}
# the reasons a sentence may give for one item of a group (因本机关不掌握相关政府信息无法提供)
RESULT_REASONS = {
    "result.denied.state_secret": r"国家秘密", "result.denied.law_forbidden": r"法律行政法规禁止|法律、行政法规禁止",
    "result.denied.security_stability": r"三安全一稳定", "result.denied.third_party": r"第三方",
    "result.denied.internal_affairs": r"内部事务", "result.denied.process_info": r"过程性",
    "result.denied.enforcement_file": r"执法案卷", "result.denied.query": r"查询事项",
    "result.unable.not_held": r"不掌握", "result.unable.needs_creation": r"另行制作|没有现成",
    "result.unable.unclear": r"仍不明确|内容不明确", "result.not_processed.petition": r"信访|举报|投诉",
    "result.not_processed.repeated": r"重复申请", "result.not_processed.publication": r"出版物",
    "result.not_processed.excessive": r"大量反复", "result.not_processed.confirm": r"确认或重新出具|重新出具",
    "result.other.no_correction": r"逾期不补正", "result.other.unpaid_fee": r"缴纳费用|未缴费",
}


def _group_rows(facts: ReportFacts, quantity: str) -> list[str]:
    template = facts.template_for("t3")
    if template is None:
        return []
    prefixes, _ = RESULT_GROUPS[quantity]
    rows = template.tables["t3"].row_ids
    return [r for r in rows if any(r == p or (p.endswith(".") and r.startswith(p)) or r.startswith(p + ".") for p in prefixes)
            and r != "result.total"]


_RESULTS_OUT = ("verb", "number", "sentence", "group", "value", "blank_reading")


@computed("prose_results_vs_table", outputs=_RESULTS_OUT,
          variants={"hinted": (*_RESULTS_OUT, "part"),
                    "requests": (*_STATED, "table_name", "reading", "value", "blank_reading")})
def prose_results_vs_table(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """表三 numbers the prose states other than those CON004 compares: the results of
    requests by group (予以公开…, 不予公开…, 无法提供…), and request counts given in 条."""
    for st in facts.statements:
        if st.quantity in RESULT_GROUPS:
            yield from _result_finding(rule, facts, st)
        elif st.quantity in READ_QUANTITIES and st.unit != "件":
            accepted, alternative = readings(facts, st.quantity)
            accepted = [r for r in accepted if r[0] is not None]
            if accepted and all(n != st.number for n, _, _ in accepted + [r for r in alternative if r[0] is not None]):
                n, name, ref = accepted[0]
                yield finding(rule, sentence_place(st.sentence, cell=ref),
                              {"verb": st.verb, "number": st.number, "unit": st.unit, "sentence": st.sentence.text,
                               "table_name": TABLE_NAMES[ref.table], "reading": name, "value": n,
                               "blank_reading": _how_blanks_read(facts, [ref])},
                              expected=n, actual=st.number, evidence=st.sentence.text, variant="requests")


def _result_finding(rule: Rule, facts: ReportFacts, st: Statement) -> Iterator[Finding]:
    rows = _group_rows(facts, st.quantity)
    counted = [_count(facts, "t3", r, "total") for r in rows]
    counts = [n for n in counted if n is not None]
    if not rows or len(counts) < len(counted):
        return  # a row the table lacks or cannot be read: not comparable
    by_row = dict(zip(rows, counts))
    group = sum(counts)
    accepted = {group}
    text = next((c for c in re.split(r"[，,；;]", compact(st.sentence.text)) if st.verb in c), compact(st.sentence.text))
    # the clause names the reason of one item (no 等): that item alone may be meant
    named = [r for r in rows if r in RESULT_REASONS and re.search(RESULT_REASONS[r], text)]
    if named and "等" not in text:
        accepted.add(sum(by_row[r] for r in named))
    if st.number in accepted:
        return
    refs = [CellRef("t3", r, "total") for r in rows]
    # what the stated number is, when it is one part of the group (the author's likely slip)
    hints = [(f"其中「{row_label('t3', r)}」一项之数", _count(facts, "t3", r, "total")) for r in rows if len(rows) > 1]
    hints += [(f"其中「{row_label('t3', r)}」行「自然人」列之数", _count(facts, "t3", r, "natural")) for r in rows]
    if st.quantity == "granted":  # 予以公开 used for everything disclosed, partly or wholly
        hints.append(("予以公开与部分公开之和", _sum(group, _count(facts, "t3", "result.partial", "total"))))
    matching = [name for name, n in hints if n == st.number]
    _, name = RESULT_GROUPS[st.quantity]
    say = {"verb": st.verb, "number": st.number, "sentence": st.sentence.text, "group": name, "value": group,
           "blank_reading": _how_blanks_read(facts, refs), "part": matching[0] if len(matching) == 1 else ""}
    yield finding(rule, sentence_place(st.sentence, cell=refs[0], cells=tuple(refs) if len(refs) > 1 else ()), say,
                  expected=group, actual=st.number, evidence=st.sentence.text,
                  variant="hinted" if len(matching) == 1 else None)


# --- 表四: outcomes the prose claims ---------------------------------------------------------

_APPEAL_NAMES = {"review": "行政复议", "litigation": "行政诉讼", "litigation_direct": "未经复议直接起诉",
                 "litigation_after_review": "复议后起诉"}
_OUTCOME_NAMES = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结"}


def _appeal_groups(group: str) -> tuple[str, ...]:
    return ("litigation_direct", "litigation_after_review") if group == "litigation" else (group,)


def _t4(facts: ReportFacts, group: str, leaf: str) -> tuple[int | None, list[CellRef]]:
    refs = [CellRef("t4", g, leaf) for g in _appeal_groups(group)]
    return _sum(*(_count(facts, *_ref(r)) for r in refs)), refs


_APPEALS_OUT = ("appeal", "words", "sentence", "blank_reading")


@computed("prose_appeals_vs_table", outputs=(*_APPEALS_OUT, "number", "outcome", "value"),
          variants={"all_upheld": (*_APPEALS_OUT, "number", "upheld", "shown"), "all_upheld_uncounted": (*_APPEALS_OUT, "upheld", "shown"),
                    "all_won": (*_APPEALS_OUT, "number", "shown"), "all_won_uncounted": (*_APPEALS_OUT, "shown"),
                    "other_outcomes": (*_APPEALS_OUT, "shown")})
def prose_appeals_vs_table(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """What the text says of the outcome of reviews and suits (均获维持, 均已审结,
    零败诉, 其中纠正N件) against 表四."""
    # what each claim denies: 均获维持 any other outcome, 均获胜诉 a correction or a case still open
    against = {"all_upheld": ("corrected", "other", "pending"), "all_won": ("corrected", "pending"),
               "all_concluded": ("pending",), "none_lost": ("corrected",)}
    for sentence in facts.sentences:
        for claim in appeal_claims(sentence, facts.year):
            group = claim.groups[0]
            what = _APPEAL_NAMES[group]
            expected: int | None
            actual: int | None
            variant: str | None
            say: dict[str, object]
            if claim.kind in _OUTCOME_NAMES:
                n, involved = _t4(facts, group, claim.kind)
                if n is None or n == claim.number:
                    continue
                variant, say = None, {"number": claim.number, "outcome": _OUTCOME_NAMES[claim.kind], "value": n}
                expected, actual = n, claim.number
            else:
                found = [(leaf, *_t4(facts, group, leaf)) for leaf in against[claim.kind]]
                if any(n is None for _, n, _ in found) or not any(n for _, n, _ in found):
                    continue
                shown = "、".join(f"{_OUTCOME_NAMES[leaf]}{n}件" for leaf, n, _ in found if n)
                nonzero = [r for _, _, refs in found for r in refs if _count(facts, *_ref(r))]
                if claim.kind in ("all_upheld", "all_won"):
                    upheld, refs = _t4(facts, group, "upheld")
                    total, _ = _t4(facts, group, "total")
                    if upheld is None or total is None:
                        continue
                    variant = claim.kind if claim.number is not None else f"{claim.kind}_uncounted"
                    say = {"number": claim.number, "shown": shown, "upheld": upheld}
                    if claim.kind == "all_upheld":
                        expected = upheld
                    else:  # won: upheld or another outcome that is no loss
                        expected = total - sum(n or 0 for _, n, _ in found)
                    actual = claim.number if claim.number is not None else total
                    involved = [r for r in refs if _count(facts, "t4", r.row, "total")][:1] or refs[:1]
                    involved += nonzero
                else:
                    variant, say = "other_outcomes", {"shown": shown}
                    expected, actual, involved = found[0][1], 0, nonzero
            cells = tuple(dict.fromkeys(involved))
            yield finding(rule, sentence_place(sentence, cell=cells[0], cells=cells if len(cells) > 1 else ()),
                          {"appeal": what, "words": claim.words, "sentence": sentence.text,
                           "blank_reading": _how_blanks_read(facts, cells), **say},
                          expected=expected, actual=actual, evidence=sentence.text, variant=variant)


# --- 表二: documents and decisions -----------------------------------------------------------

_T2_OUT = ("words", "number", "cell_label", "value", "blank_reading", "sentence")


@computed("prose_t2_vs_table", outputs=_T2_OUT, variants={"unnamed": (*_T2_OUT, "row_label")})
def prose_t2_vs_table(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """规章、规范性文件 issued, repealed or in force, and 行政许可/处罚/强制 decisions, as the
    text counts them, against 表二."""
    template = facts.table_templates.get("t2") or facts.template
    for sentence in facts.sentences:
        for claim in table_two_claims(sentence, facts.year, template):
            readings_ = [(c, _count(facts, "t2", claim.row, c)) for c in claim.columns]
            readings_ = [(c, n) for c, n in readings_ if n is not None]
            if not readings_ or any(n == claim.number for _, n in readings_):
                continue
            column, n = readings_[0]
            ref = CellRef("t2", claim.row, column)
            # words that do not name the row (新制发12件): the message says which row it read
            named = bool(re.search(r"规章|规范性文件|许可|处罚|强制", claim.words))
            say = {"words": claim.words, "number": claim.number, "row_label": row_label("t2", claim.row),
                   "cell_label": cell_label(ref), "value": n, "blank_reading": _how_blanks_read(facts, [ref]),
                   "sentence": sentence.text}
            yield finding(rule, sentence_place(sentence, cell=ref), say, expected=n, actual=claim.number,
                          evidence=sentence.text, variant=None if named else "unnamed")


# --- 其中 lists --------------------------------------------------------------------------------

_BREAKDOWN_OUT = ("words", "parts", "listed", "difference", "sentence")


def _check_share(params: Mapping[str, Any]) -> None:
    share = params.get("complete_share", 0.8)
    if not 0 < share <= 1:
        raise RuleProblem("params.complete_share", f"应为0到1之间的比例，却是 {share!r}")


@computed("breakdown_sum", params={"complete_share": float}, outputs=_BREAKDOWN_OUT,
          variants={"short_closed": _BREAKDOWN_OUT, "short_open": _BREAKDOWN_OUT}, validate=_check_share)
def breakdown_sum(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """A total and its listed parts that do not add up: parts above the total, or below
    it where the list reads as complete (其他… / 分别为) or covers `complete_share` of it
    (`message`: parts above the total; `short_closed`, `short_open`: below it)."""
    share = float(rule.param("params", {}).get("complete_share", 0.8))
    for sentence in facts.sentences:
        for b in breakdowns(sentence, facts.year):
            parts = sum(n for _, n in b.parts)
            if parts == b.total or (parts < b.total and not b.closed and parts < share * b.total):
                continue
            say = {"words": b.words, "parts": parts, "listed": "+".join(str(n) for _, n in b.parts),
                   "difference": abs(parts - b.total), "sentence": sentence.text}
            variant = None if parts > b.total else "short_closed" if b.closed else "short_open"
            yield finding(rule, sentence_place(sentence), say, expected=b.total, actual=parts, evidence=sentence.text,
                          variant=variant)


_NONE_REQUESTS = re.compile(r"(没有|未)(收到|受理|接到|接收)[^。；，]{0,12}?申请|无(依申请公开|政府信息公开申请|信息公开申请)")
_NONE_APPEALS = re.compile(r"(没有|未|无)[^。；]{0,24}?(行政复议|复议)")
_NONE_SUITS = re.compile(r"(没有|未|无)[^。；]{0,24}?(行政诉讼|诉讼)")
_NOT_NONE = re.compile(r"无正当理由|无法提供|不予|逾期未|未经复议")


@computed("prose_says_none", outputs=("what", "table_name", "total", "blank_reading", "sentence"))
def prose_says_none(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """'没有收到…申请' / '无…复议、诉讼' while the table counts some."""
    checks = (
        (_NONE_REQUESTS, [("t3", "new", "total")], "政府信息公开申请"),
        (_NONE_APPEALS, [("t4", "review", "total")], "行政复议"),
        (_NONE_SUITS, [("t4", "litigation_direct", "total"), ("t4", "litigation_after_review", "total")], "行政诉讼"),
    )
    for sentence in facts.sentences:
        text = compact(sentence.text)
        if _NOT_NONE.search(text) or re.search(r"(?<!\d)\d+件|(?<![一二三四五六七八九十百])[一二三四五六七八九十百]+件", text):
            continue
        about_appeals = bool(re.search(r"复议|诉讼", text))
        for pattern, cells, what in checks:
            # "未发生因政府信息公开申请引起的行政复议" speaks of appeals, not of requests
            if not pattern.search(text) or (pattern is _NONE_REQUESTS and about_appeals):
                continue
            counted = [(CellRef(*c), _count(facts, *c)) for c in cells]
            total = sum(n for _, n in counted if n)
            if total > 0:
                ref = next(r for r, n in counted if n)
                say = {"what": what, "table_name": TABLE_NAMES[ref.table], "total": total,
                       "blank_reading": _how_blanks_read(facts, [r for r, _ in counted]), "sentence": sentence.text}
                yield finding(rule, sentence_place(sentence, cell=ref), say, expected=0, actual=total, evidence=sentence.text)


# --- fees --------------------------------------------------------------------------------

_FEE_AMOUNT = re.compile(r"信息处理费[^。；]{0,20}?(?<![\d.])(\d+(?:\.\d+)?)\s*(万元|元)")


@computed("fee_confusion", outputs=("sentence",), variants={"same_amount": ("sentence", "fees")})
def fee_confusion(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """Section 六 reports 表二's 行政事业性收费 where the 信息处理费 belongs (`message`), or the same amount (`same_amount`)."""
    fees = facts.value("t2", "fees", "amount")
    for sentence in (s for s in facts.sentences if s.section == "other"):
        # 《政府信息公开信息处理费管理办法》 names the regulation, not the fees charged
        text = re.sub(r"《[^》]*》", "", compact(sentence.text))
        if "行政事业性收费" in text and "信息处理费" not in text:
            yield finding(rule, sentence_place(sentence), {"sentence": sentence.text}, evidence=sentence.text)
            continue
        m = _FEE_AMOUNT.search(nfkc(text))
        if m and fees is not None and fees.number:
            stated = Decimal(m.group(1)) / (1 if m.group(2) == "万元" else 10000)
            if stated == Decimal(fees.number) and stated > 0:
                yield finding(rule, sentence_place(sentence, cell=CellRef("t2", "fees", "amount")),
                              {"sentence": sentence.text, "fees": fees.text}, evidence=sentence.text, variant="same_amount")


# --- contents required of a government's report (第五十条) -----------------------------

# 第五十条 asks these results of 各级人民政府 only: CON010 runs for body kinds government and
# township (a 管委会, 街道办事处, 办公厅 or department is not a level of government)
ORGAN_ZH = {"government": "人民政府", "township": "乡镇人民政府"}
ARTICLE_50 = (("工作考核", r"考核"), ("社会评议", r"评议"), ("责任追究结果", r"责任追究|追责|问责"))


@computed("article50_contents", outputs=("organ", "missing"))
def article50_contents(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    section = facts.sections.get("problems")
    if section is None or section_is_empty(facts.document, section):
        return  # a missing or empty section is STR001's or STR004's finding
    text = facts.section_text("problems")
    missing = [name for name, pattern in ARTICLE_50 if not re.search(pattern, text)]
    if missing:
        yield finding(rule, Location(section="problems", **printed_at(section.location)),
                      {"organ": ORGAN_ZH.get(facts.body_kind, "人民政府"), "missing": "、".join(missing)},
                      evidence="、".join(missing))


# --- numbering and order -----------------------------------------------------------------

@computed("section_numbering", outputs=("heading", "numeral", "place"))
def section_numbering(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """A section whose number is not its place (一 … 六)."""
    order = {s.id: i + 1 for i, s in enumerate(load_sections())}
    for section in facts.sections.sections:
        numeral = leading_numeral(section.heading)
        if numeral is None:
            continue
        if parse_int(numeral) != order[section.id]:
            canonical = next(s.canonical for s in load_sections() if s.id == section.id)
            yield finding(rule, Location(section=section.id, **printed_at(section.location)),
                          {"heading": section.heading, "numeral": numeral, "place": canonical[0]},
                          expected=order[section.id], actual=parse_int(numeral), evidence=section.heading)


@computed("numbering_mixed", outputs=("headings",))
def numbering_mixed(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    schemes: dict[str, str] = {}
    for section in facts.sections.sections:
        numeral = leading_numeral(section.heading)
        if numeral is not None:
            schemes.setdefault("阿拉伯数字" if numeral.isdigit() else "汉字", section.heading)
    if len(schemes) > 1:
        yield finding(rule, Location(), {"headings": "、".join(f"「{h}」" for h in schemes.values())})


_TOP_NUMERAL = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")


@computed("overview_subheadings", outputs=("headings",))
def overview_subheadings(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """Sub-topics of 总体情况 given top-level numerals (二、三、… inside 一)."""
    overview = facts.sections.get("overview")
    if overview is None:
        return
    texts = []
    for block in overview.blocks(facts.document):
        text = getattr(block, "text", "")
        if text and len(compact(text)) <= 40 and _TOP_NUMERAL.match(text) and compact(text) != compact(overview.heading):
            texts.append(text)
    if texts:
        yield finding(rule, Location(section="overview", **printed_at(overview.location)),
                      {"headings": "、".join(f"「{t}」" for t in texts)}, evidence="；".join(texts))


@computed("t2_block_order", outputs=("printed_order", "standard_order"))
def t2_block_order(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    mapped, template = facts.tables.get("t2"), facts.template_for("t2")
    if mapped is None or template is None:
        return
    standard = [r for r in template.tables["t2"].row_ids if r in mapped.row_order]
    printed = [r for r in mapped.row_order if r in standard]
    if printed != standard:
        spec = template.tables["t2"]

        def labels(ids: list[str]) -> str:
            return "、".join(row.label for row in (spec.row(i) for i in ids) if row is not None)

        yield finding(rule, Location(table="t2", **printed_at(mapped.location)),
                      {"printed_order": labels(printed), "standard_order": labels(standard)})


# --- deadline ------------------------------------------------------------------------------

SOURCE_ZH = {"option": "指定的发布日期", "page": "页面上的发布时间", "signature": "落款日期", "metadata": "文件属性中的日期"}
KIND_ZH = {"government": "人民政府", "township": "乡镇", "subdistrict": "街道（片区）", "zone": "管委会（比照人民政府）",
           "department": "政府部门", "unknown": "政府部门"}


_LATE_OUT = ("source", "published", "body_kind", "due", "hard")
_DEADLINE_PARAMS = {"due": dict, "hard": dict}


def _check_deadlines(params: Mapping[str, Any]) -> None:
    """`due`: the deadline of each kind of body ("01-31"); `hard` where a later date is late
    for sure and before it only doubtful (乡镇、街道 given the departments' date by most provinces)."""
    if set(params.get("due", {})) != set(BODY_KINDS):
        raise RuleProblem("params.due", f"应为每种机关写明期限：{'、'.join(BODY_KINDS)}")
    check_month_days(params, "due", BODY_KINDS)
    check_month_days(params, "hard", BODY_KINDS)


@dataclass(frozen=True)
class Lateness:
    case: str           # "late" (after a deadline with no later one), "after_hard", "doubtful"
    certain: bool       # the date is not only a file's metadata
    due: date
    hard: date | None
    passed: date        # the deadline passed: the hard one when after it


def _lateness(rule: Rule, facts: ReportFacts) -> Lateness | None:
    """How late the report came out by the rule's deadlines (`[params] due`, `hard`), or None."""
    if facts.year is None or not facts.published:
        return None
    published = facts.published[0]
    deadlines = rule.param("params", {})
    due = month_day(deadlines["due"][facts.body_kind], facts.year + 1)
    hard_text = deadlines.get("hard", {}).get(facts.body_kind)
    hard = month_day(hard_text, facts.year + 1) if hard_text else None
    if published.date <= due:
        return None
    case = "late" if hard is None else "after_hard" if published.date > hard else "doubtful"
    passed = hard if case == "after_hard" and hard is not None else due
    return Lateness(case, published.source != "metadata", due, hard, passed)


def _late_finding(rule: Rule, facts: ReportFacts, late: Lateness, variant: str | None) -> Finding:
    p = facts.published[0]
    say = {"source": SOURCE_ZH[p.source], "published": f"{p.date:%Y年%-m月%-d日}", "body_kind": KIND_ZH[facts.body_kind],
           "due": f"{late.due:%Y年%-m月%-d日}", "hard": f"{late.hard:%Y年%-m月%-d日}" if late.hard else ""}
    return finding(rule, Location(**printed_at(p.location)), say, expected=late.passed.isoformat(),
                   actual=p.date.isoformat(), evidence=p.evidence, variant=variant)


@computed("published_late", params=_DEADLINE_PARAMS, required=("due",), outputs=_LATE_OUT,
          variants={"after_hard": _LATE_OUT}, validate=_check_deadlines)
def published_late(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """Published after its deadline, on a date that is not only a file's metadata:
    `message` past a deadline with no later one, `after_hard` past the later one."""
    late = _lateness(rule, facts)
    if late is not None and late.certain and late.case != "doubtful":
        yield _late_finding(rule, facts, late, None if late.case == "late" else late.case)


@computed("published_possibly_late", params=_DEADLINE_PARAMS, required=("due",), outputs=_LATE_OUT,
          variants={"doubtful_unsure": _LATE_OUT, "late_unsure": _LATE_OUT, "after_hard_unsure": _LATE_OUT},
          validate=_check_deadlines)
def published_possibly_late(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """Perhaps late: after the deadline but before the hard one (`message`), or late by a
    file's metadata only, which is not always the publication date (the `…_unsure` cases)."""
    late = _lateness(rule, facts)
    if late is None or (late.certain and late.case != "doubtful"):
        return
    yield _late_finding(rule, facts, late, None if late.certain else f"{late.case}_unsure")


# --- the body's name ---------------------------------------------------------------------

_SUFFIX = re.compile(r"(人民政府办公室|人民政府|办公室|管理委员会|管委会|办事处|委员会|政府|局|委|办|厅)$")


def _place(name: str) -> str:
    name = re.sub(r"[（(].*?[)）]", "", compact(name))
    return _SUFFIX.sub("", name)


@computed("body_name", outputs=("body", "signature"))
def body_name(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    if not facts.body or not facts.signature:
        return
    a, b = _place(facts.body), _place(facts.signature)
    if a and b and not (a.startswith(b) or b.startswith(a) or a in b or b in a):
        yield finding(rule, Location(), {"body": facts.body, "signature": facts.signature},
                      expected=facts.body, actual=facts.signature, evidence=facts.signature)


# --- pinpointing ------------------------------------------------------------------------------

def _check_pinpoint(params: Mapping[str, Any]) -> None:
    rules = params.get("rules")
    if not isinstance(rules, list) or not rules or not all(isinstance(r, str) for r in rules):
        raise RuleProblem("params.rules", "应为合计规则代码的列表，如 [\"ARI001\", \"ARI002\"]")


@computed("pinpoint", params={"rules": list}, required=("rules",), outputs=("table_name", "cell_label", "should", "printed", "count"),
          validate=_check_pinpoint)
def pinpoint(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """A cell that explains several failed identities at once: at least two that
    fail contain it and ask for the same correction, none that holds contains it,
    and no other cell explains the same failures. Then '…应为 62'."""
    codes = rule.param("params", {}).get("rules", [])
    evaluations = [e for e in ledger(facts).evaluations if e.rule.code in codes]
    for table in ("t3", "t4"):
        failed = [e for e in evaluations if e.table == table and e.status is Status.FAILS]
        held_cells = {ref for e in evaluations if e.table == table and e.status is Status.HOLDS for ref in e.cells}
        explains: dict[CellRef, tuple[frozenset[int], Fraction]] = {}
        for ref in {ref for e in failed for ref in e.coefficients} - held_cells:
            # the change Δ of this cell that makes an identity hold: coefficient·Δ = -difference
            deltas = {k: Fraction(-e.difference) / e.coefficients[ref]
                      for k, e in enumerate(failed) if ref in e.coefficients}
            if len(deltas) >= 2 and len(set(deltas.values())) == 1:
                explains[ref] = (frozenset(deltas), next(iter(deltas.values())))
        for ref, (which, delta) in sorted(explains.items(), key=lambda kv: template_position(kv[0])):
            if any(other != ref and w == which for other, (w, _) in explains.items()):
                continue  # two cells explain the same failures equally: no single answer
            value = facts.values[ref]
            should = Fraction(value.number or 0) + delta
            printed = value.text or "空白"
            cells = tuple(sorted({r for k in which for r in failed[k].coefficients}, key=template_position))
            yield finding(rule, Location(cell=ref, cells=cells, **printed_at(value.location)),
                          {"table_name": TABLE_NAMES[table], "cell_label": cell_label(ref), "should": should,
                           "printed": printed, "count": len(which)},
                          expected=int(should), actual=value.number)
