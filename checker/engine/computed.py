"""Rules that compute rather than match: each a function registered by name and
named from its rule file (`kind = "computed"`, `function = "…"`)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from fractions import Fraction

from ..chars import compact, nfkc
from ..dates import deadline
from ..facts import PRE_2019, ReportFacts, expected_template
from ..findings import CellRef, Finding, Location
from ..normalize import leading_numeral, parse_int
from ..prose import Statement, about_own_disclosure_cases, appeal_claims, breakdowns, table_two_claims
from ..sections import section_is_empty
from ..templates import TABLE_NAMES, load_sections
from .identities import Status, ledger
from .kinds import _finding, _where, cell_label, registrar, row_label, sentence_place, template_position
from .loader import Rule

Computed = Callable[[Rule, ReportFacts], Iterator[Finding]]
COMPUTED: dict[str, Computed] = {}
computed = registrar(COMPUTED)


def _say(detail: str) -> dict[str, str]:
    return {"detail": detail}


# --- template and year ------------------------------------------------------------

@computed("template_year")
def template_year(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """A 2021-or-later report in the 2019 layout, or the reverse (not when mixed: TPL001)."""
    wanted = expected_template(facts.year)
    if facts.mixed_template or wanted in (None, PRE_2019) or facts.template in (None, PRE_2019, wanted):
        return
    labels = sorted({label for m in facts.tables.values() for label in m.evidence.get(facts.template, ())})[:3]
    yield _finding(rule, Location(), _say(f"{facts.year}年度报告应使用{wanted}年格式，统计表却按{facts.template}年格式（{'、'.join(labels)}）"),
                   expected=wanted, actual=facts.template, evidence="、".join(labels))


@computed("pre2019_note")
def pre2019_note(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    if facts.template == PRE_2019:
        yield _finding(rule, Location(), _say(f"报告年度为{facts.year}年，早于2019年格式的施行，按当时的格式只检查适用的项目"))


@computed("title_year")
def title_year(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    if facts.title is None:
        yield _finding(rule, Location(), _say("没有找到报告标题（应写明机关名称和年度，如“某某局2024年政府信息公开工作年度报告”）"))
    elif facts.year is None:
        yield _finding(rule, Location(**_where(facts.title_location)), _say(f"标题「{facts.title}」没有写明报告年度"),
                       evidence=facts.title)


_CURRENT_YEAR = re.compile(r"(?:^|[，,。；])\s*(\d{4})\s*年度?\s*(?:，|,|全年|共|我|本)")
_THIS_YEAR_IS = re.compile(r"(?:本年度?|今年|本报告年度)\s*[（(]\s*(\d{4})\s*年")
_COMPARISON = re.compile(r"较|比|同比|上年|去年|上一年|相比|分别为|对比")


@computed("other_year_as_current")
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
                yield _finding(rule, sentence_place(sentence),
                               _say(f"本报告为{facts.year}年度，正文却把{m.group(1)}年当作本年度来写：「{sentence.text}」"),
                               expected=facts.year, actual=int(m.group(1)), evidence=sentence.text)
                break


_PERIOD = re.compile(r"统计(?:期限|期间|时限|时间|区间)|数据统计")
_DATE_YEAR = re.compile(r"(\d{4})\s*年\s*\d{1,2}\s*月")


@computed("statistics_period")
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
            yield _finding(rule, sentence_place(sentence),
                           _say(f"统计期限写的是{wrong[0]}年，与报告年度{facts.year}年不符：「{sentence.text}」"),
                           expected=facts.year, actual=wrong[0], evidence=sentence.text)


# --- prose against the tables --------------------------------------------------------

def _count(facts: ReportFacts, table: str, row: str, column: str) -> int | None:
    """A table number as prose is compared with it (identities.Ledger.implied_value): a
    blank cell is 0, a blank total above non-zero parts stands for their sum; a cell
    holding text or '/', one the table lacks, or an amount, is None (not comparable)."""
    number = ledger(facts).implied_value(CellRef(table, row, column), facts)
    return number if isinstance(number, int) else None


def _how_blanks_read(facts: ReportFacts, refs) -> str:
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
    return None if any(n is None for n in numbers) else sum(numbers)  # type: ignore[arg-type]


def readings(facts: ReportFacts, quantity: str) -> tuple[list[tuple[int | None, str, CellRef]], list[tuple[int | None, str, CellRef]]]:
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


def _statement_checks(facts: ReportFacts) -> Iterator[tuple[Statement, str, list, list]]:
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


def _statement_finding(rule: Rule, st: Statement, reading: tuple, detail: str) -> Finding:
    n, name, ref = reading
    return _finding(rule, sentence_place(st.sentence, cell=ref), _say(detail), expected=n, actual=st.number, evidence=st.sentence.text)


@computed("prose_vs_table")
def prose_vs_table(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """A number of requests (件), appeals or suits stated in the text that no reading of the table gives."""
    for st, verdict, accepted, _ in _statement_checks(facts):
        if verdict == "mismatch" and st.unit == "件":
            n, name, ref = accepted[0]
            table = TABLE_NAMES[ref.table]
            yield _statement_finding(rule, st, accepted[0],
                                     f"正文说「{st.verb}」{st.number}件，{table}{name}为{n}{_how_blanks_read(facts, [ref])}：「{st.sentence.text}」")


@computed("prose_alternative_reading")
def prose_alternative_reading(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """A stated number that fits the table only under a looser meaning of its word."""
    for st, verdict, accepted, alternative in _statement_checks(facts):
        if verdict == "alternative":
            n, name, ref = next(r for r in alternative if r[0] == st.number)
            yield _statement_finding(rule, st, accepted[0],
                                     f"正文说「{st.verb}」{st.number}{st.unit}，与{TABLE_NAMES[ref.table]}{name}相同，"
                                     f"而「{st.verb}」应对应{accepted[0][1]}（{accepted[0][0]}）：「{st.sentence.text}」")


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


@computed("prose_results_vs_table")
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
                yield _finding(rule, sentence_place(st.sentence, cell=ref),
                               _say(f"正文说「{st.verb}」申请{st.number}{st.unit}，{TABLE_NAMES[ref.table]}{name}为{n}"
                                    f"{_how_blanks_read(facts, [ref])}：「{st.sentence.text}」"),
                               expected=n, actual=st.number, evidence=st.sentence.text)


def _result_finding(rule: Rule, facts: ReportFacts, st: Statement) -> Iterator[Finding]:
    rows = _group_rows(facts, st.quantity)
    counts = [_count(facts, "t3", r, "total") for r in rows]
    if not rows or None in counts:
        return  # a row the table lacks or cannot be read: not comparable
    group = sum(counts)  # type: ignore[arg-type]
    accepted = {group}
    text = next((c for c in re.split(r"[，,；;]", compact(st.sentence.text)) if st.verb in c), compact(st.sentence.text))
    # the clause names the reason of one item (no 等): that item alone may be meant
    named = [r for r in rows if r in RESULT_REASONS and re.search(RESULT_REASONS[r], text)]
    if named and "等" not in text:
        accepted.add(sum(_count(facts, "t3", r, "total") for r in named))  # type: ignore[misc]
    if st.number in accepted:
        return
    refs = [CellRef("t3", r, "total") for r in rows]
    # what the stated number is, when it is one part of the group (the author's likely slip)
    hints = [(f"其中「{row_label('t3', r)}」一项之数", _count(facts, "t3", r, "total")) for r in rows if len(rows) > 1]
    hints += [(f"其中「{row_label('t3', r)}」行「自然人」列之数", _count(facts, "t3", r, "natural")) for r in rows]
    if st.quantity == "granted":  # 予以公开 used for everything disclosed, partly or wholly
        hints.append(("予以公开与部分公开之和", _sum(group, _count(facts, "t3", "result.partial", "total"))))
    matching = [name for name, n in hints if n == st.number]
    hint = f"；正文的{st.number}恰为{matching[0]}" if len(matching) == 1 else ""
    _, name = RESULT_GROUPS[st.quantity]
    yield _finding(rule, sentence_place(st.sentence, cell=refs[0], cells=tuple(refs) if len(refs) > 1 else ()),
                   _say(f"正文说「{st.verb}」{st.number}件，表三{name}为{group}{_how_blanks_read(facts, refs)}{hint}：「{st.sentence.text}」"),
                   expected=group, actual=st.number, evidence=st.sentence.text)


# --- 表四: outcomes the prose claims ---------------------------------------------------------

_APPEAL_NAMES = {"review": "行政复议", "litigation": "行政诉讼", "litigation_direct": "未经复议直接起诉",
                 "litigation_after_review": "复议后起诉"}
_OUTCOME_NAMES = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结"}


def _appeal_groups(group: str) -> tuple[str, ...]:
    return ("litigation_direct", "litigation_after_review") if group == "litigation" else (group,)


def _t4(facts: ReportFacts, group: str, leaf: str) -> tuple[int | None, list[CellRef]]:
    refs = [CellRef("t4", g, leaf) for g in _appeal_groups(group)]
    return _sum(*(_count(facts, *_ref(r)) for r in refs)), refs


@computed("prose_appeals_vs_table")
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
            if claim.kind in _OUTCOME_NAMES:
                n, involved = _t4(facts, group, claim.kind)
                if n is None or n == claim.number:
                    continue
                detail = f"正文说{what}{claim.words}{claim.number}件，表四{what}{_OUTCOME_NAMES[claim.kind]}为{n}"
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
                    stated = f"{what}{claim.number}件" if claim.number is not None else what
                    if claim.kind == "all_upheld":
                        detail = f"正文说{stated}「{claim.words}」，表四{what}结果维持{upheld}件、{shown}"
                        expected = upheld
                    else:  # won: upheld or another outcome that is no loss
                        detail = f"正文说{stated}「{claim.words}」，表四{what}{shown}"
                        expected = total - sum(n for _, n, _ in found)
                    actual = claim.number if claim.number is not None else total
                    involved = [r for r in refs if _count(facts, "t4", r.row, "total")][:1] or refs[:1]
                    involved += nonzero
                else:
                    detail = f"正文说{what}「{claim.words}」，表四{what}{shown}"
                    expected, actual, involved = found[0][1], 0, nonzero
            cells = tuple(dict.fromkeys(involved))
            yield _finding(rule, sentence_place(sentence, cell=cells[0], cells=cells if len(cells) > 1 else ()),
                           _say(f"{detail}{_how_blanks_read(facts, cells)}：「{sentence.text}」"),
                           expected=expected, actual=actual, evidence=sentence.text)


# --- 表二: documents and decisions -----------------------------------------------------------

@computed("prose_t2_vs_table")
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
            named = "" if re.search(r"规章|规范性文件|许可|处罚|强制", claim.words) else f"（指{row_label('t2', claim.row)}）"
            yield _finding(rule, sentence_place(sentence, cell=ref),
                           _say(f"正文说「{claim.words}」{claim.number}件{named}，表二{cell_label(ref)}为{n}"
                                f"{_how_blanks_read(facts, [ref])}：「{sentence.text}」"),
                           expected=n, actual=claim.number, evidence=sentence.text)


# --- 其中 lists --------------------------------------------------------------------------------

@computed("breakdown_sum")
def breakdown_sum(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """A total and its listed parts that do not add up: parts above the total, or below
    it where the list reads as complete (其他… / 分别为) or covers most of it."""
    for sentence in facts.sentences:
        for b in breakdowns(sentence, facts.year):
            parts = sum(n for _, n in b.parts)
            if parts == b.total or (parts < b.total and not b.closed and parts < 0.8 * b.total):
                continue
            listed = "+".join(str(n) for _, n in b.parts)
            relation = "多出" if parts > b.total else "少"
            yield _finding(rule, sentence_place(sentence),
                           _say(f"正文说「{b.words}」，所列各项之和为{parts}（{listed}），比总数{relation}{abs(parts - b.total)}"
                                f"{'' if parts > b.total or b.closed else '（所列若非全部类别，宜写明其余部分）'}：「{sentence.text}」"),
                           expected=b.total, actual=parts, evidence=sentence.text)


_NONE_REQUESTS = re.compile(r"(没有|未)(收到|受理|接到|接收)[^。；，]{0,12}?申请|无(依申请公开|政府信息公开申请|信息公开申请)")
_NONE_APPEALS = re.compile(r"(没有|未|无)[^。；]{0,24}?(行政复议|复议)")
_NONE_SUITS = re.compile(r"(没有|未|无)[^。；]{0,24}?(行政诉讼|诉讼)")
_NOT_NONE = re.compile(r"无正当理由|无法提供|不予|逾期未|未经复议")


@computed("prose_says_none")
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
                yield _finding(rule, sentence_place(sentence, cell=ref),
                               _say(f"正文说没有{what}，{TABLE_NAMES[ref.table]}却有{total}件{_how_blanks_read(facts, [r for r, _ in counted])}：「{sentence.text}」"),
                               expected=0, actual=total, evidence=sentence.text)


# --- fees --------------------------------------------------------------------------------

_FEE_AMOUNT = re.compile(r"信息处理费[^。；]{0,20}?(?<![\d.])(\d+(?:\.\d+)?)\s*(万元|元)")


@computed("fee_confusion")
def fee_confusion(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """Section 六 reports 表二's 行政事业性收费 where the 信息处理费 belongs, or the same amount."""
    fees = facts.value("t2", "fees", "amount")
    for sentence in (s for s in facts.sentences if s.section == "other"):
        # 《政府信息公开信息处理费管理办法》 names the regulation, not the fees charged
        text = re.sub(r"《[^》]*》", "", compact(sentence.text))
        if "行政事业性收费" in text and "信息处理费" not in text:
            yield _finding(rule, sentence_place(sentence),
                           _say(f"第六部分应报告信息处理费，却写的是表二的行政事业性收费：「{sentence.text}」"),
                           evidence=sentence.text)
            continue
        m = _FEE_AMOUNT.search(nfkc(text))
        if m and fees is not None and fees.number:
            stated = Decimal(m.group(1)) / (1 if m.group(2) == "万元" else 10000)
            if stated == Decimal(fees.number) and stated > 0:
                yield _finding(rule, sentence_place(sentence, cell=CellRef("t2", "fees", "amount")),
                               _say(f"第六部分的信息处理费金额与表二行政事业性收费（{fees.text}万元）相同，疑为混淆：「{sentence.text}」"),
                               evidence=sentence.text)


# --- contents required of a government's report (第五十条) -----------------------------

# 第五十条 asks these results of 各级人民政府 only: CON010 runs for body kinds government and
# township (a 管委会, 街道办事处, 办公厅 or department is not a level of government)
ORGAN_ZH = {"government": "人民政府", "township": "乡镇人民政府"}
ARTICLE_50 = (("工作考核", r"考核"), ("社会评议", r"评议"), ("责任追究结果", r"责任追究|追责|问责"))


@computed("article50_contents")
def article50_contents(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    section = facts.sections.get("problems")
    if section is None or section_is_empty(facts.document, section):
        return  # a missing or empty section is STR001's or STR004's finding
    text = facts.section_text("problems")
    missing = [name for name, pattern in ARTICLE_50 if not re.search(pattern, text)]
    if missing:
        yield _finding(rule, Location(section="problems", **_where(section.location)),
                       _say(f"{ORGAN_ZH.get(facts.body_kind, '人民政府')}的本级年度报告，第五部分应报告工作考核、社会评议和责任追究结果，未见{'、'.join(missing)}"),
                       evidence="、".join(missing))


# --- numbering and order -----------------------------------------------------------------

@computed("section_numbering")
def section_numbering(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    """A section whose number is not its place (一 … 六)."""
    order = {s.id: i + 1 for i, s in enumerate(load_sections())}
    for section in facts.sections.sections:
        numeral = leading_numeral(section.heading)
        if numeral is None:
            continue
        if parse_int(numeral) != order[section.id]:
            canonical = next(s.canonical for s in load_sections() if s.id == section.id)
            yield _finding(rule, Location(section=section.id, **_where(section.location)),
                           _say(f"「{section.heading}」编号为「{numeral}」，按格式应为第{canonical[0]}部分"),
                           expected=order[section.id], actual=parse_int(numeral), evidence=section.heading)


@computed("numbering_mixed")
def numbering_mixed(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    schemes = {}
    for section in facts.sections.sections:
        numeral = leading_numeral(section.heading)
        if numeral is not None:
            schemes.setdefault("阿拉伯数字" if numeral.isdigit() else "汉字", section.heading)
    if len(schemes) > 1:
        yield _finding(rule, Location(), _say("章节编号混用汉字和阿拉伯数字：" + "、".join(f"「{h}」" for h in schemes.values())))


_TOP_NUMERAL = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")


@computed("overview_subheadings")
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
        yield _finding(rule, Location(section="overview", **_where(overview.location)),
                       _say("「总体情况」下的小标题使用了一级标题的序号：" + "、".join(f"「{t}」" for t in texts)
                            + "（应改用（一）（二）…）"), evidence="；".join(texts))


@computed("t2_block_order")
def t2_block_order(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    mapped, template = facts.tables.get("t2"), facts.template_for("t2")
    if mapped is None or template is None:
        return
    standard = [r for r in template.tables["t2"].row_ids if r in mapped.row_order]
    printed = [r for r in mapped.row_order if r in standard]
    if printed != standard:
        def labels(ids: list[str]) -> str:
            return "、".join(template.tables["t2"].row(i).label for i in ids)

        yield _finding(rule, Location(table="t2", **_where(mapped.location)),
                       _say(f"表二各项的顺序为{labels(printed)}，格式规定为{labels(standard)}"))


# --- deadline ------------------------------------------------------------------------------

SOURCE_ZH = {"option": "指定的发布日期", "page": "页面上的发布时间", "signature": "落款日期", "metadata": "文件属性中的日期"}
KIND_ZH = {"government": "人民政府", "township": "乡镇", "subdistrict": "街道（片区）", "zone": "管委会（比照人民政府）",
           "department": "政府部门", "unknown": "政府部门"}


def _lateness(facts: ReportFacts) -> tuple[str, str, date] | None:
    """('error' or 'warning', detail, the deadline passed) when the report came out after its deadline."""
    if facts.year is None or not facts.published:
        return None
    published = facts.published[0]
    due, hard = deadline(facts.year, facts.body_kind)
    if published.date <= due:
        return None
    certain = published.source != "metadata"
    late_for_sure = hard is None or published.date > hard
    severity = "error" if certain and late_for_sure else "warning"
    when = f"{SOURCE_ZH[published.source]}为{published.date:%Y年%-m月%-d日}"
    if hard is None:
        detail = f"{when}，晚于{KIND_ZH[facts.body_kind]}年度报告的公布期限{due:%Y年%-m月%-d日}（条例第四十九条）"
    elif published.date > hard:
        # 乡镇、街道: article 49 names neither; none may come out after the governments' date
        detail = (f"{when}，晚于{hard:%Y年%-m月%-d日}：条例第四十九条要求人民政府的年度报告于3月31日前公布，"
                  f"{KIND_ZH[facts.body_kind]}的报告也不应晚于此（多数省份要求与部门同在1月31日前）")
    else:
        detail = (f"{when}，晚于多数省份为{KIND_ZH[facts.body_kind]}规定的公布期限{due:%Y年%-m月%-d日}"
                  f"（与政府部门相同；条例第四十九条未直接规定{KIND_ZH[facts.body_kind]}的期限）")
    if not certain:
        detail += "；文件属性日期不一定是公布日期，请核实"
    return severity, detail, hard if hard is not None and published.date > hard else due


@computed("published_late")
def published_late(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    late = _lateness(facts)
    if late is not None and late[0] == rule.severity.value:
        p = facts.published[0]
        yield _finding(rule, Location(**_where(p.location)), _say(late[1]), expected=late[2].isoformat(),
                       actual=p.date.isoformat(), evidence=p.evidence)


# --- the body's name ---------------------------------------------------------------------

_SUFFIX = re.compile(r"(人民政府办公室|人民政府|办公室|管理委员会|管委会|办事处|委员会|政府|局|委|办|厅)$")


def _place(name: str) -> str:
    name = re.sub(r"[（(].*?[)）]", "", compact(name))
    return _SUFFIX.sub("", name)


@computed("body_name")
def body_name(rule: Rule, facts: ReportFacts) -> Iterator[Finding]:
    if not facts.body or not facts.signature:
        return
    a, b = _place(facts.body), _place(facts.signature)
    if a and b and not (a.startswith(b) or b.startswith(a) or a in b or b in a):
        yield _finding(rule, Location(), _say(f"标题中的机关为「{facts.body}」，正文落款或编制说明却是「{facts.signature}」"),
                       expected=facts.body, actual=facts.signature, evidence=facts.signature)


# --- pinpointing ------------------------------------------------------------------------------

@computed("pinpoint")
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
            should = (value.number or 0) + delta
            printed = value.text or "空白"
            yield _finding(rule, Location(cell=ref, cells=tuple(sorted({r for k in which for r in failed[k].coefficients},
                                                                       key=template_position)),
                                          **_where(value.location)),
                           _say(f"{TABLE_NAMES[table]}{cell_label(ref)}应为{should}（印为{printed}）：改这一格即可使"
                                f"{len(which)}处不符的合计同时成立"), expected=int(should), actual=value.number)
