"""The kinds a rule file may name, each filed by its own module with what it accepts.

A kind module puts `@kind("sum", params=…, outputs=…)` on its function: the schema
stands beside the code. Computed rules (`kind = "computed"`, `function = "…"`) are
filed the same way by `@computed(…)`, with their `[params]` and message variants.
The loader (loader.py) validates rule files against these specs.
"""
from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..findings import Finding

Validate = Callable[[Mapping[str, Any]], None]
F = TypeVar("F", bound=Callable[..., Iterator[Finding]])


class RuleProblem(Exception):
    """What a kind's validation finds wrong with a rule's parameters: the key and a Chinese sentence."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"{key}: {problem}")
        self.key, self.problem = key, problem


@dataclass(frozen=True)
class KindSpec:
    """What a kind (or a computed function) accepts and which placeholders its messages may use."""

    name: str
    function: Callable[..., Iterator[Finding]]
    params: Mapping[str, type | tuple[type, ...]]
    outputs: frozenset[str]                    # placeholders of `message`
    required: tuple[str, ...] = ()
    # named messages (`[messages]` in the rule file) and the placeholders of each
    variants: Mapping[str, frozenset[str]] = field(default_factory=dict)
    variants_required: bool = False            # a computed function's cases: each must have its sentence
    pair: bool = False                         # reads two reports of one body (this year, last year), not one
    validate: Validate | None = None           # raises RuleProblem


KINDS: dict[str, KindSpec] = {}
COMPUTED: dict[str, KindSpec] = {}


def _register(table: dict[str, KindSpec], name: str, *, params: Mapping[str, type | tuple[type, ...]] | None,
              outputs: Iterable[str], required: tuple[str, ...], variants: Mapping[str, Iterable[str]] | None,
              variants_required: bool, pair: bool, validate: Validate | None) -> Callable[[F], F]:
    def register(fn: F) -> F:
        if name in table:
            raise ValueError(f"kind {name!r} registered twice")
        table[name] = KindSpec(name, fn, dict(params or {}), frozenset(outputs), required,
                               {k: frozenset(v) for k, v in (variants or {}).items()}, variants_required, pair, validate)
        return fn
    return register


def kind(name: str, *, params: Mapping[str, type | tuple[type, ...]] | None = None, outputs: Iterable[str] = (),
         required: tuple[str, ...] = (), variants: Mapping[str, Iterable[str]] | None = None, pair: bool = False,
         validate: Validate | None = None) -> Callable[[F], F]:
    """File a kind function: (rule, facts) -> findings, or (rule, this, last) for a pair kind."""
    return _register(KINDS, name, params=params, outputs=outputs, required=required, variants=variants,
                     variants_required=False, pair=pair, validate=validate)


def computed(name: str, *, params: Mapping[str, type | tuple[type, ...]] | None = None, outputs: Iterable[str] = (),
             required: tuple[str, ...] = (), variants: Mapping[str, Iterable[str]] | None = None,
             validate: Validate | None = None) -> Callable[[F], F]:
    """File a computed rule's function: `outputs` are the placeholders of its `message`, `variants`
    the other cases it tells apart (each needs its sentence in the rule's `[messages]`)."""
    return _register(COMPUTED, name, params=params, outputs=outputs, required=required, variants=variants,
                     variants_required=True, pair=False, validate=validate)


def placeholders(template: str) -> set[str]:
    """The names a message's {placeholders} use."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def braced(names: Iterable[str]) -> str:
    return "、".join(f"{{{n}}}" for n in sorted(names))
