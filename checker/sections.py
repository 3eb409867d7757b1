"""Document -> the six sections, by fuzzy heading match whatever the level or numbering.

The overview often has sub-headings that reuse the top-level numerals and even
the old section wording (三、依申请公开情况 inside 一). Picking, for each section,
the candidate heading in isolation would take those; instead the assignment that
keeps the sections in order and maximises the total match score is chosen, and
canonical wordings score above secondary ones.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .chars import compact
from .document import Document, Heading, Location, Paragraph, Table
from .matching import Candidate, best_match, candidates_for
from .normalize import strip_numbering
from .templates import SectionSpec, load_sections

VARIANT_WEIGHT = 0.92   # a secondary wording never beats the canonical one
STRONG = 95.0           # a second heading this close to canonical is a real duplicate
MAX_HEADING_CHARS = 40
MAX_CANDIDATES = 3000   # bound the O(n²) assignment on huge inputs
SUBHEADING_WEIGHT = 0.85
_SUB_NUMBERING = re.compile(r"^\s*[（(]\s*[一二三四五六七八九十\d]+\s*[)）]")
EMPTY_WORDS = {"无", "暂无", "没有", "无。", "暂无。", "无相关情况", "/"}


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    heading: str
    location: Location
    block_index: int
    end_index: int                 # exclusive: the next section's heading or the end
    out_of_order: bool = False

    def blocks(self, document: Document) -> list:
        return document.blocks[self.block_index + 1 : self.end_index]


@dataclass(slots=True)
class SectionResult:
    sections: list[Section]                              # in document order
    missing: list[str]                                   # ids, in template order
    duplicates: list[tuple[str, str, Location]] = field(default_factory=list)  # (id, heading, where)

    def get(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


@dataclass(frozen=True, slots=True)
class _Candidate:
    block_index: int
    order: int      # position of the matched section in the template
    id: str
    score: float
    text: str
    location: Location


def _section_candidates(specs: tuple[SectionSpec, ...]) -> list[Candidate]:
    out: list[Candidate] = []
    for spec in specs:
        out += candidates_for(spec.id, spec.heading, spec.variants, VARIANT_WEIGHT)
    return out


def _heading_like(block: object) -> str | None:
    if isinstance(block, Heading):
        return block.text
    if isinstance(block, Paragraph):
        text = block.text.strip()
        if len(compact(text)) <= MAX_HEADING_CHARS and not text.endswith(("。", "；", ";")):
            return text
    return None


def find_candidates(document: Document) -> list[_Candidate]:
    specs = load_sections()
    order = {s.id: i for i, s in enumerate(specs)}
    cands = _section_candidates(specs)
    out: list[_Candidate] = []
    for index, block in enumerate(document.blocks):
        text = _heading_like(block)
        if text is None or not strip_numbering(text):
            continue
        match = best_match(text, cands)
        if match is not None:
            # （一）-style numbering marks a sub-heading: it loses to any top-level wording
            score = match.score * (SUBHEADING_WEIGHT if _SUB_NUMBERING.match(text) else 1.0)
            out.append(_Candidate(index, order[match.id], match.id, score, text, block.location))
            if len(out) >= MAX_CANDIDATES:
                break
    return out


def _best_ordered_assignment(cands: list[_Candidate]) -> list[_Candidate]:
    """Heaviest chain of candidates whose sections strictly increase (weighted LIS)."""
    best = [c.score for c in cands]
    back = [-1] * len(cands)
    for i, ci in enumerate(cands):
        for j in range(i):
            if cands[j].order < ci.order and best[j] + ci.score > best[i]:
                best[i], back[i] = best[j] + ci.score, j
    if not cands:
        return []
    i = max(range(len(cands)), key=lambda k: (best[k], -k))
    chain = []
    while i != -1:
        chain.append(cands[i])
        i = back[i]
    return chain[::-1]


def _has_content_between(document: Document, start: int, end: int) -> bool:
    return any(isinstance(b, (Paragraph, Table)) for b in document.blocks[start + 1 : end])


def find_sections(document: Document) -> SectionResult:
    specs = load_sections()
    cands = find_candidates(document)
    chosen = {c.id: c for c in _best_ordered_assignment(cands)}
    out_of_order: set[str] = set()
    # A section the ordered chain could not place, but printed clearly elsewhere.
    for spec in specs:
        if spec.id not in chosen:
            strong = [c for c in cands if c.id == spec.id and c.score >= STRONG
                      and all(c.block_index != o.block_index for o in chosen.values())]
            if strong:
                chosen[spec.id] = strong[0]
                out_of_order.add(spec.id)
    duplicates = []
    for c in cands:
        mine = chosen.get(c.id)
        if mine is None or mine.block_index == c.block_index or c.score < STRONG:
            continue
        if c.block_index in {o.block_index for o in chosen.values()}:
            continue
        first, second = sorted((mine.block_index, c.block_index))
        if _has_content_between(document, first, second):  # a heading repeated at once is one heading
            duplicates.append((c.id, c.text, c.location))
    starts = sorted(chosen.values(), key=lambda c: c.block_index)
    sections = []
    for k, c in enumerate(starts):
        end = starts[k + 1].block_index if k + 1 < len(starts) else len(document.blocks)
        sections.append(Section(c.id, c.text, c.location, c.block_index, end, c.id in out_of_order))
    missing = [s.id for s in specs if s.id not in chosen]
    return SectionResult(sections, missing, duplicates)


def section_is_empty(document: Document, section: Section, bare_none_is_empty: bool = True) -> bool:
    """No table and no paragraph (sub-headings alone do not count); with
    `bare_none_is_empty`, a paragraph saying only 无 does not count either."""
    for block in section.blocks(document):
        if isinstance(block, Table):
            return False
        if isinstance(block, Paragraph) and not (bare_none_is_empty and compact(block.text).rstrip("。.") in EMPTY_WORDS):
            return False
    return True
