"""A run over many files: check each (or reuse its stored record), then set last
year beside this year. The CLI chooses the runner (local processes or a Dask
cluster) and the outputs; this module only orders the work and the store.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .batch import BatchLimits, CheckOptions, content_hash, run_batch
from .check import apply_cross_year
from .names import shown_name
from .store import Store
from .store_file import text_key

# What a rerun may reuse: a check's outcome is fixed by the bytes and the tool version,
# unless the file was cut off (time, memory) or hit a bug: those are tried again.
FINAL_STATUSES = ("ok", "unreadable")

Runner = Callable[[list[Path], BatchLimits, CheckOptions], Iterator[dict]]


@dataclass
class SeasonRun:
    records: list[dict]                        # every file named, in input order
    new: set[str] = field(default_factory=set)  # files new to the store in this run: checked, or a copy's result


def local_runner(paths: list[Path], limits: BatchLimits, options: CheckOptions) -> Iterator[dict]:
    return run_batch(paths, limits, options)


def run_season(paths: list[Path], *, limits: BatchLimits = BatchLimits(), options: CheckOptions = CheckOptions(),
               store: Store | None = None, by_hand: list[tuple[str, str]] = (),
               runner: Runner = local_runner, on_record: Callable[[dict], None] | None = None) -> SeasonRun:
    """Check every path; a file whose bytes, tool version and options the store knows is
    reused. Every path keeps its own record and its own row in the store, under its own
    name: copies (the same bytes under another path with the same suffix) are checked
    once and share the result. Each new record is saved as soon as it arrives (an
    interrupted run loses nothing); records that pairing changed are saved again at the end."""
    records: dict[str, dict] = {}             # by the name records carry (names.shown_name)
    borrowed: set[str] = set()                 # files new to the store, answered by a copy's stored result
    hashes: dict[str, str | None] = {}
    named: dict[str, Path] = {}
    # a stored result answers only the same question: checked with other rules or another
    # publication date, the file is checked again (and its stored result replaced)
    wanted = options.as_record()

    def keep(record: dict, path: Path, *, save: bool = True) -> None:
        records[shown_name(path)] = record
        if store is not None and save and hashes.get(shown_name(path)):
            store.save(record, hashes[shown_name(path)], path)
        if on_record:
            on_record(record)

    todo: list[Path] = []
    copies: dict[tuple[str, str], list[Path]] = {}   # bytes and suffix -> the later paths that wait for the first
    for path in paths:
        digest = content_hash(path)
        hashes[shown_name(path)] = digest
        named[shown_name(path)] = path
        stored, own = _reusable(store, path, digest, wanted)
        if stored is not None:
            moved = stored.get("file") != shown_name(path)
            stored["file"] = shown_name(path)   # the same bytes may have moved, or be a copy
            stored["reused"] = True
            keep(stored, path, save=not own or moved)
            if not own:
                borrowed.add(shown_name(path))
            continue
        same = (digest, path.suffix.lower()) if digest else None
        if same in copies:
            copies[same].append(path)
            continue
        if same is not None:
            copies[same] = []
        todo.append(path)
    again: list[Path] = []
    for record in _each(runner(todo, limits, options)):
        record["options"] = wanted
        path = named.get(record["file"], Path(record["file"]))
        keep(record, path)
        for other in copies.pop((hashes.get(shown_name(path)), path.suffix.lower()), []):
            if record.get("status", "ok") == "ok":
                keep(_as_copy(record, other), other)
            else:   # a failure's sentence names its file: the copy is tried under its own name
                again.append(other)
    for record in _each(runner(again, limits, options)) if again else ():
        record["options"] = wanted
        keep(record, named.get(record["file"], Path(record["file"])))
    ordered = [records[shown_name(p)] for p in paths if shown_name(p) in records]
    # last year's reports may come from an earlier run into the same store
    earlier: list[dict] = []
    if store is not None:
        years = {r["year"] - 1 for r in ordered if r.get("year")}
        earlier = store.checked_in_years(years, __version__, exclude={text_key(p) for p in paths})
    for record in apply_cross_year(ordered, by_hand, earlier=earlier, select=options.select, ignore=options.ignore,
                                   rules=options.rule_set()):
        path = named.get(record["file"], Path(record["file"]))
        if store is not None and hashes.get(shown_name(path)):
            store.save(record, hashes[shown_name(path)], path)
    return SeasonRun(ordered, {r["file"] for r in ordered if not r.get("reused") or r["file"] in borrowed})


def _reusable(store: Store | None, path: Path, digest: str | None, wanted: dict) -> tuple[dict | None, bool]:
    """A stored record that answers this file's question (same bytes, tool version and options,
    and a final status), and whether it is the file's own row. Another path's record is
    borrowed only when it was checked (a failure's sentence names its own file) and the names
    end alike (the suffix can decide the format)."""
    if store is None or not digest:
        return None, False
    for own, stored in store.candidates(path, digest, __version__):
        if stored.get("status", "ok") not in FINAL_STATUSES or stored.get("options") != wanted:
            continue
        if own or (stored.get("status", "ok") == "ok"
                   and Path(stored.get("file", "")).suffix.lower() == path.suffix.lower()):
            return stored, own
    return None, False


def _as_copy(record: dict, path: Path) -> dict:
    """The record of another path with the same bytes: the same result, under its own name."""
    copy = deepcopy(record)
    copy["file"] = shown_name(path)
    return copy


def _each(records: Iterator[dict]) -> Iterator[dict]:
    """The runner's records; however the loop ends (Ctrl-C, a store that fails), the runner is
    closed at once, so no worker outlives it."""
    try:
        yield from records
    finally:
        close = getattr(records, "close", None)
        if close is not None:
            close()
