"""Fuzzy matching of printed labels onto the standard ones (rapidfuzz)."""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from .normalize import label_key

MIN_PREFIX = 6        # characters a cut label needs before its start is matched as a prefix
PREFIX_WEIGHT = 0.95  # a whole-label match beats a prefix match


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    key: str              # label_key of the wording
    weight: float = 1.0   # < 1 for secondary wordings (old or abbreviated)


@dataclass(frozen=True, slots=True)
class Match:
    id: str
    score: float          # 0..100 after weighting


def candidates_for(id: str, label: str, variants: tuple[str, ...] = (), variant_weight: float = 1.0) -> list[Candidate]:
    out = [Candidate(id, label_key(label))]
    out += [Candidate(id, label_key(v), variant_weight) for v in variants]
    return [c for c in out if c.key]


def best_match(text: str, candidates: list[Candidate], *, cutoff: float = 78.0, margin: float = 4.0) -> Match | None:
    """The candidate id whose wording is closest to `text`, if clearly so.

    `fuzz.ratio` on normalised keys: partial ratios score short labels such as
    其他 at 100 against everything (TOOLING.md §8). A match must reach `cutoff`
    and beat the best other id by `margin`, else the label is ambiguous.
    """
    key = label_key(text)
    if not key:
        return None
    best: dict[str, float] = {}
    for cand in candidates:
        score = 100.0 if key == cand.key else fuzz.ratio(key, cand.key)
        if MIN_PREFIX <= len(key) < len(cand.key):
            # A label cut by a page break or a wrap is the start of the standard one.
            score = max(score, fuzz.ratio(key, cand.key[: len(key)]) * PREFIX_WEIGHT)
        score *= cand.weight
        if score > best.get(cand.id, -1.0):
            best[cand.id] = score
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < cutoff:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < margin and ranked[0][1] < 100.0:
        return None
    return Match(ranked[0][0], ranked[0][1])
