"""A run over many files: check each (or reuse its stored record), then set last
year beside this year. The CLI chooses the runner (local processes or a Dask
cluster) and the outputs; this module only orders the work and the store.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import __version__
from .batch import BatchLimits, CheckOptions, content_hash, run_batch
from .check import apply_cross_year
from .names import shown_name
from .record import Record
from .store import Store
from .store_file import text_key

# What a rerun may reuse: a check's outcome is fixed by the bytes and the tool version,
# unless the file was cut off (time, memory) or hit a bug: those are tried again.
FINAL_STATUSES = ("ok", "unreadable")

Runner = Callable[[list[Path], BatchLimits, CheckOptions], Iterator[Record]]


@dataclass
class SeasonRun:
    records: list[Record]                      # every file named, in input order
    new: set[str] = field(default_factory=set)  # files new to the store in this run: checked, or a copy's result


def local_runner(paths: list[Path], limits: BatchLimits, options: CheckOptions) -> Iterator[Record]:
    return run_batch(paths, limits, options)


def run_season(paths: list[Path], *, limits: BatchLimits = BatchLimits(), options: CheckOptions = CheckOptions(),
               store: Store | None = None, by_hand: Sequence[tuple[str, str]] = (),
               runner: Runner = local_runner, on_record: Callable[[Record], None] | None = None) -> SeasonRun:
    """Check every path; a file whose bytes, tool version and options the store knows is
    reused. Every path keeps its own record and its own row in the store, under its own
    name: copies (the same bytes under another path with the same suffix) are checked
    once and share the result. Each new record is saved as soon as it arrives (an
    interrupted run loses nothing); records that pairing changed are saved again at the end."""
    records: dict[str, Record] = {}           # by the name records carry (names.shown_name)
    borrowed: set[str] = set()                 # files new to the store, answered by a copy's stored result
    hashes: dict[str, str | None] = {}
    named: dict[str, Path] = {}

    def save(record: Record, path: Path) -> None:
        digest = hashes.get(shown_name(path))
        if store is not None and digest:
            store.save(record, digest, path)

    def keep(record: Record, path: Path, *, saved: bool = True) -> None:
        records[shown_name(path)] = record
        if saved:
            save(record, path)
        if on_record:
            on_record(record)

    todo: list[Path] = []
    copies: dict[tuple[str, str], list[Path]] = {}   # bytes and suffix -> the later paths that wait for the first
    for path in paths:
        digest = content_hash(path)
        hashes[shown_name(path)] = digest
        named[shown_name(path)] = path
        stored, own = _reusable(store, path, digest, options)
        if stored is not None:
            moved = stored.file != shown_name(path)
            # the same bytes may have moved, or be a copy
            keep(replace(stored, file=shown_name(path), reused=True), path, saved=not own or moved)
            if not own:
                borrowed.add(shown_name(path))
            continue
        same = (digest, path.suffix.lower()) if digest else None
        if same is not None and same in copies:
            copies[same].append(path)
            continue
        if same is not None:
            copies[same] = []
        todo.append(path)
    again: list[Path] = []
    for record in _each(runner(todo, limits, options)):
        record = replace(record, options=options)   # a failure is answered for these options too
        path = named.get(record.file, Path(record.file))
        keep(record, path)
        digest = hashes.get(shown_name(path))
        for other in copies.pop((digest, path.suffix.lower()), []) if digest else []:
            if record.ok:
                keep(replace(record, file=shown_name(other)), other)
            else:   # a failure's sentence names its file: the copy is tried under its own name
                again.append(other)
    for record in _each(runner(again, limits, options)) if again else ():
        record = replace(record, options=options)
        keep(record, named.get(record.file, Path(record.file)))
    ordered = [records[shown_name(p)] for p in paths if shown_name(p) in records]
    # last year's reports may come from an earlier run into the same store
    earlier: list[Record] = []
    if store is not None:
        years = {r.year - 1 for r in ordered if r.year}
        earlier = store.checked_in_years(years, __version__, exclude={text_key(p) for p in paths})
    ordered, paired = apply_cross_year(ordered, by_hand, earlier=earlier, select=options.select, ignore=options.ignore,
                                       rules=options.rule_set())
    for record in paired:
        save(record, named.get(record.file, Path(record.file)))
    return SeasonRun(ordered, {r.file for r in ordered if not r.reused or r.file in borrowed})


def _reusable(store: Store | None, path: Path, digest: str | None, options: CheckOptions) -> tuple[Record | None, bool]:
    """A stored record that answers this file's question (same bytes, tool version and options,
    and a final status), and whether it is the file's own row. Another path's record is
    borrowed only when it was checked (a failure's sentence names its own file) and the names
    end alike (the suffix can decide the format)."""
    if store is None or not digest:
        return None, False
    for own, stored in store.candidates(path, digest, __version__):
        if stored.status not in FINAL_STATUSES or stored.options != options:
            continue
        if own or (stored.ok and Path(stored.file).suffix.lower() == path.suffix.lower()):
            return stored, own
    return None, False


def _each(records: Iterator[Record]) -> Iterator[Record]:
    """The runner's records; however the loop ends (Ctrl-C, a store that fails), the runner is
    closed at once, so no worker outlives it."""
    try:
        yield from records
    finally:
        close = getattr(records, "close", None)
        if close is not None:
            close()
