"""A run over many files: check each (or reuse its stored record), then set last
year beside this year. The CLI chooses the runner (local processes or a Dask
cluster) and the outputs; this module only orders the work and the store.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .batch import BatchLimits, CheckOptions, content_hash, run_batch
from .check import apply_cross_year
from .store import Store

# What a rerun may reuse: a check's outcome is fixed by the bytes and the tool version,
# unless the file was cut off (time, memory) or hit a bug: those are tried again.
FINAL_STATUSES = ("ok", "unreadable")

Runner = Callable[[list[Path], BatchLimits, CheckOptions], Iterator[dict]]


@dataclass
class SeasonRun:
    records: list[dict]                        # every file named, in input order
    new: set[str] = field(default_factory=set)  # files checked in this run (not reused from the store)


def local_runner(paths: list[Path], limits: BatchLimits, options: CheckOptions) -> Iterator[dict]:
    return run_batch(paths, limits, options)


def run_season(paths: list[Path], *, limits: BatchLimits = BatchLimits(), options: CheckOptions = CheckOptions(),
               store: Store | None = None, by_hand: list[tuple[str, str]] = (),
               runner: Runner = local_runner, on_record: Callable[[dict], None] | None = None) -> SeasonRun:
    """Check every path; a file whose bytes and tool version the store knows is reused.
    Each new record is saved as soon as it arrives (an interrupted run loses nothing);
    records that pairing changed are saved again at the end."""
    records: dict[str, dict] = {}
    hashes: dict[str, str | None] = {}
    # a stored result answers only the same question: checked with other rules or another
    # publication date, the file is checked again (and its stored result replaced)
    wanted = options.as_record()
    todo = []
    for path in paths:
        digest = content_hash(path)
        hashes[str(path)] = digest
        stored = store.record(digest, __version__) if store is not None and digest else None
        if stored is not None and stored.get("status", "ok") in FINAL_STATUSES and stored.get("options") == wanted:
            stored["file"] = str(path)   # the same bytes may have moved
            stored["reused"] = True
            records[str(path)] = stored
            if on_record:
                on_record(stored)
        else:
            todo.append(path)
    for record in runner(todo, limits, options):
        record["options"] = wanted
        records[record["file"]] = record
        if store is not None and hashes.get(record["file"]):
            store.save(record, hashes[record["file"]])
        if on_record:
            on_record(record)
    ordered = [records[str(p)] for p in paths if str(p) in records]
    # last year's reports may come from an earlier run into the same store
    earlier: list[dict] = []
    if store is not None:
        named = {r["file"] for r in ordered}
        years = {r["year"] - 1 for r in ordered if r.get("year")}
        earlier = [r for r in store.checked_in_years(years, __version__) if r["file"] not in named]
    for record in apply_cross_year(ordered, by_hand, earlier=earlier, select=options.select, ignore=options.ignore):
        if store is not None and hashes.get(record["file"]):
            store.save(record, hashes[record["file"]])
    return SeasonRun(ordered, {r["file"] for r in ordered if not r.get("reused")})
