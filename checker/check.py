"""The whole check of one file: bytes -> Document -> facts -> findings -> Result.

`check_bytes` is a pure function of its input, so batch runs can farm it out.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from .document import Cell, Document, Table
from .engine import load_rules, run_rules, select_rules
from .errors import NotAReport
from .extract import document_from_bytes, read_bytes
from .facts import ReportFacts, build_facts
from .normalize import looks_traditional, simplify
from .result import Result, SectionOut, tables_from_facts
from .settings import DEFAULT_LIMITS, Limits


def simplify_document(document: Document) -> Document:
    """Traditional-character pages are converted to simplified before matching
    (and only they: simplified text is never touched)."""
    sample = "".join(b.text for b in document.text_blocks()[:200])
    if not looks_traditional(sample):
        return document
    blocks = []
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
                   published: date | None = None) -> Result:
    """`published`: the publication date when the caller knows it (it outranks dates found in the file)."""
    document = simplify_document(document)
    facts = build_facts(document, published=published)
    if not looks_like_report(facts):
        raise NotAReport(name)
    findings = run_rules(facts, select_rules(load_rules(), select, ignore))
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


def check_bytes(data: bytes, name: str, *, select: Sequence[str] = (), ignore: Sequence[str] = (),
                limits: Limits = DEFAULT_LIMITS, published: date | None = None) -> Result:
    return check_document(document_from_bytes(data, name, limits), name, select=select, ignore=ignore,
                          published=published)


def check_file(path: str | Path, *, select: Sequence[str] = (), ignore: Sequence[str] = (),
               limits: Limits = DEFAULT_LIMITS, published: date | None = None) -> Result:
    return check_bytes(read_bytes(path, limits), str(path), select=select, ignore=ignore, limits=limits,
                       published=published)
