"""The whole check of one file: bytes -> Document -> facts -> findings -> Result.

`check_bytes` is a pure function of its input, so batch runs can farm it out.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from . import __version__, places
from .chars import looks_traditional, simplify
from .document import Block, Cell, Document, Table
from .engine import KINDS, RuleSet, load_rule_set, run_pair_rules, run_rules
from .errors import NotAReport
from .extract import document_from_bytes
from .extract.bounds import refuse_overlong
from .facts import ReportFacts, build_facts
from .findings import Finding
from .inputs import input_name, read_input
from .pairing import YearSide, find_pairs, overlap_ratio
from .record import OK, CrossYear, Options, Record, ReportRead, SectionRead
from .result import Result, SectionOut, read_by_keys, tables_from_facts, unread_keys
from .settings import DEFAULT_LIMITS, Limits
from .templates import table_page_words


def simplify_document(document: Document) -> Document:
    """Traditional-character pages are converted to simplified before matching
    (and only they: simplified text is never touched)."""
    sample = "".join(b.text for b in document.text_blocks()[:200])
    if not looks_traditional(sample):
        return document
    blocks: list[Block] = []
    for block in document.blocks:
        if isinstance(block, Table):
            rows = [[Cell(simplify(c.text), c.origin) for c in row] for row in block.rows]
            blocks.append(Table(rows, block.location, block.row_locations, block.aligned))
        else:
            blocks.append(replace(block, text=simplify(block.text)))
    metadata = {k: simplify(v) for k, v in document.metadata.items()}
    return Document(blocks, document.format, metadata, [*document.notes, "traditional_converted"])


def looks_like_report(facts: ReportFacts) -> bool:
    """A standard table, two section headings, or a report title with one section."""
    sections = len(facts.sections.sections)
    return bool(facts.tables) or sections >= 2 or (facts.title is not None and sections == 1)


def check_document(document: Document, name: str, *, select: Sequence[str] = (), ignore: Sequence[str] = (),
                   published: date | None = None, rules: RuleSet | None = None) -> Result:
    """`published`: the publication date when the caller knows it (it outranks dates found in the file);
    `rules`: the rule set (engine.load_rule_set, with its packs), the national rules by default."""
    document = simplify_document(document)
    facts = build_facts(document, published=published)
    if not looks_like_report(facts):
        raise NotAReport(name)
    with places.reading(places.Wording(facts.template, dict(facts.table_templates))):   # messages in its own words
        findings = run_rules(facts, rules or load_rule_set(), select, ignore)
    return Result(
        file=name,
        format=document.format,
        title=facts.title,
        body=facts.body,
        year=facts.year,
        template=facts.template,
        sections=[SectionOut(s.id, s.heading, s.location) for s in facts.sections.sections],
        tables=tables_from_facts(facts),
        findings=findings,
        table_templates=dict(facts.table_templates),
        facts=facts,
    )


def record_of(result: Result, options: Options | None = None) -> Record:
    """A checked file as every later stage carries it (record.py): what was read, with the
    typed values and sentences cross-year rules read, and what was found."""
    facts = result.facts
    report = ReportRead(
        format=result.format, title=result.title, body=result.body, year=result.year, template=result.template,
        table_templates=dict(result.table_templates),
        sections=tuple(SectionRead(s.id, s.heading, s.location) for s in result.sections),
        tables=result.tables,
        read_by=read_by_keys(facts) if facts else {},
        unread=tuple(unread_keys(facts)) if facts else (),
        values=dict(facts.values) if facts else {},
        sentences=tuple(facts.sentences) if facts else (),
    )
    return Record(result.file, OK, __version__, report, tuple(result.findings), options=options)


def check_bytes(data: bytes, name: str, *, select: Sequence[str] = (), ignore: Sequence[str] = (),
                limits: Limits = DEFAULT_LIMITS, published: date | None = None, rules: RuleSet | None = None) -> Result:
    document = document_from_bytes(data, name, limits, table_words=table_page_words())
    refuse_overlong(document, name, limits)   # more than any report holds: too big, said at once
    return check_document(document, name, select=select, ignore=ignore, published=published, rules=rules)


def check_file(path: str | Path, *, select: Sequence[str] = (), ignore: Sequence[str] = (),
               limits: Limits = DEFAULT_LIMITS, published: date | None = None, rules: RuleSet | None = None) -> Result:
    return check_bytes(read_input(path, limits), input_name(path), select=select, ignore=ignore, limits=limits,
                       published=published, rules=rules)


# --- last year beside this year -------------------------------------------------------

def cross_year_findings(this: Record, last: Record, *, select: Sequence[str] = (), ignore: Sequence[str] = (),
                        rules: RuleSet | None = None) -> tuple[list[Finding], CrossYear]:
    """The pair rules' findings on this year's record, and what the pair shows whatever
    the rules say: which report it was compared with and how much text the two share."""
    this_side, last_side = side_of(this), side_of(last)
    with places.reading(places.Wording(this.template, dict(this.table_templates))):   # this year's words
        findings = run_pair_rules(this_side, last_side, (rules or load_rule_set()).selected(select, ignore))
    overlap: dict[str, float | None] = {}
    for name, section in (("document", None), ("problems", "problems")):
        ratio = overlap_ratio(this_side.text(section), last_side.text(section))
        overlap[name] = None if ratio is None else round(ratio, 3)
    return findings, CrossYear(last.file, last.year, overlap)


def side_of(record: Record) -> YearSide:
    """One report of a pair as the cross-year rules read it: its record's typed values and sentences."""
    report = record.report
    if report is None:
        return YearSide(record.file, None, None, None)
    return YearSide(record.file, report.body, report.year, report.template, report.values, report.sentences)


def _pair_rule_codes(rules: RuleSet) -> set[str]:
    return {r.code for r in rules if KINDS[r.kind].pair}


def apply_cross_year(records: list[Record], by_hand: Sequence[tuple[str, str]] = (), *, earlier: Sequence[Record] = (),
                     select: Sequence[str] = (), ignore: Sequence[str] = (),
                     rules: RuleSet | None = None) -> tuple[list[Record], list[Record]]:
    """Pair the records (pairing.find_pairs) and give each later report of a pair its
    cross-year findings. `earlier`: reports from other runs that may stand as last year's
    but are not themselves checked. Findings of an earlier pairing (a record reused from the
    results database) are replaced. Returns every record (in order) and those that were paired."""
    rules = rules or load_rule_set()
    pair_codes = _pair_rule_codes(rules)
    fresh = [r.with_findings([f for f in r.findings if f.rule not in pair_codes], cross_year=None)
             if r.cross_year is not None else r for r in records]   # pair findings come only with their pair
    changed: dict[int, Record] = {}
    for pair in find_pairs(fresh, by_hand, earlier):
        findings, summary = cross_year_findings(pair.this, pair.last, select=select, ignore=ignore, rules=rules)
        changed[id(pair.this)] = pair.this.with_findings([*pair.this.findings, *findings], cross_year=summary)
    out = [changed.get(id(r), r) for r in fresh]
    return out, [changed[id(r)] for r in fresh if id(r) in changed]
