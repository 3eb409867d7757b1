"""The record of one file, from its check to every output: what was read, what was found,
how it stands beside last year's report, or why it could not be checked; with the options
and the tool version that made it. Frozen: a later stage makes a changed copy (`replace`).

`to_dict` / `from_dict` are the one serialiser (the store, the Dask runner's workers and the
JSON reporter all go through them). The JSON is DOMAIN §6 plus `status`, `tool_version`,
`options` and, where they apply, `error`, `cross_year` and `baselined`; `material` carries
what the cross-year rules read of a report (every cell's value as a Decimal-preserving
string with its printed text, and the sentences), for the store, never for readers.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from .document import Location as Printed
from .engine import RuleSet, load_rule_set
from .findings import Category, CellRef, Finding, Location, Number, Severity, Summary
from .fingerprints import fingerprints_of
from .places import cell_key, cell_of_key
from .prose import Sentence
from .values import Value

OK = "ok"
# a check's outcome: ok, or why the file could not be checked (words.STATUS_ZH names them)
STATUSES = (OK, "unreadable", "timeout", "too_big", "crashed", "internal_error")
MATERIAL_KEY = "material"
READER_KEYS_LEFT_OUT = (MATERIAL_KEY, "reused")   # what a record carries for the run, not for readers


@dataclass(frozen=True)
class Options:
    """What every file of a run is checked with (--select, --ignore, --published, --rules): a
    stored result answers only the same question."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    published: date | None = None
    rules: tuple[str, ...] = ()   # the packs' folders (--rules): workers load the rule set themselves

    def rule_set(self) -> RuleSet:
        return load_rule_set(tuple(Path(p) for p in self.rules))   # cached: once per process

    def to_dict(self) -> dict[str, Any]:
        return {"select": list(self.select), "ignore": list(self.ignore),
                "published": self.published.isoformat() if self.published else None, "rules": list(self.rules)}

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Options:
        published = raw.get("published")
        return cls(tuple(raw.get("select") or ()), tuple(raw.get("ignore") or ()),
                   date.fromisoformat(published) if published else None, tuple(raw.get("rules") or ()))


@dataclass(frozen=True)
class SectionRead:
    id: str
    heading: str
    location: Printed


@dataclass(frozen=True)
class ReportRead:
    """The report as read: DOMAIN §6's fields, and the typed values every rule reads."""

    format: str
    title: str | None
    body: str | None
    year: int | None
    template: str | None
    table_templates: Mapping[str, str]
    sections: tuple[SectionRead, ...]
    tables: Mapping[str, Mapping[str, Any]]          # DOMAIN §6 `tables` (JSON numbers)
    read_by: Mapping[str, str] = field(default_factory=dict)   # cell key -> rule codes or "text"
    unread: tuple[str, ...] = ()                     # cell keys no reading decides
    values: Mapping[CellRef, Value] = field(default_factory=dict)   # every mapped cell, Decimal and print kept
    sentences: tuple[Sentence, ...] = ()


@dataclass(frozen=True)
class CrossYear:
    """Which report stood as last year's, and how much text the two share."""

    paired_with: str
    last_year: int | None
    overlap: Mapping[str, float | None]    # document, problems

    def to_dict(self) -> dict[str, Any]:
        return {"paired_with": self.paired_with, "last_year": self.last_year, "overlap": dict(self.overlap)}


@dataclass(frozen=True)
class Record:
    file: str
    status: str = OK
    tool_version: str = ""
    report: ReportRead | None = None      # None: not checked (`error` says why)
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    cross_year: CrossYear | None = None
    options: Options | None = None
    reused: bool = False                  # answered from the results database
    baselined: int = 0                    # reviewed findings left out (--baseline)
    # each finding's fingerprint (fingerprints.py); made from the findings when not given, and
    # kept when reviewed findings are left out (a fingerprint counts its rule's findings at one place)
    fingerprints: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if len(self.fingerprints) != len(self.findings):
            prints = fingerprints_of(self.body, self.year, [(f.rule, f.location.to_dict()) for f in self.findings])
            object.__setattr__(self, "fingerprints", prints)

    @property
    def ok(self) -> bool:
        return self.status == OK

    @property
    def body(self) -> str | None:
        return self.report.body if self.report else None

    @property
    def year(self) -> int | None:
        return self.report.year if self.report else None

    @property
    def template(self) -> str | None:
        return self.report.template if self.report else None

    @property
    def table_templates(self) -> Mapping[str, str]:
        return self.report.table_templates if self.report else {}

    @property
    def format(self) -> str | None:
        return self.report.format if self.report else None

    @property
    def summary(self) -> Summary:
        return Summary.of(list(self.findings))

    def with_findings(self, findings: Iterable[Finding], **changes: Any) -> Record:
        """A copy with these findings (their fingerprints made anew)."""
        return replace(self, findings=tuple(findings), fingerprints=(), **changes)

    # --- the one serialiser ----------------------------------------------------------
    def to_dict(self, *, for_readers: bool = False) -> dict[str, Any]:
        """As JSON stores it; `for_readers`: without what the run carries internally."""
        out: dict[str, Any] = {"file": self.file}
        if self.report is not None:
            r = self.report
            out.update({
                "format": r.format, "title": r.title, "body": r.body, "year": r.year, "template": r.template,
                "table_templates": dict(r.table_templates),
                "sections": [{"id": s.id, "heading": s.heading, "location": _printed(s.location)} for s in r.sections],
                "tables": {t: dict(grid) for t, grid in r.tables.items()},
                "read_by": dict(r.read_by), "unread": list(r.unread),
            })
        findings = []
        for finding, fingerprint in zip(self.findings, self.fingerprints):
            findings.append({**finding.to_dict(), "fingerprint": fingerprint})
        out["findings"] = findings
        out["summary"] = self.summary.to_dict()
        out["status"] = self.status
        out["tool_version"] = self.tool_version
        if self.error is not None:
            out["error"] = self.error
        if self.options is not None:
            out["options"] = self.options.to_dict()
        if self.cross_year is not None:
            out["cross_year"] = self.cross_year.to_dict()
        if self.baselined:
            out["baselined"] = self.baselined
        if not for_readers:
            if self.report is not None:
                out[MATERIAL_KEY] = _material(self.report)
            if self.reused:
                out["reused"] = True
        return out

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Record:
        report = None
        if raw.get("status", OK) == OK:   # a checked file: what was read
            material = raw.get(MATERIAL_KEY) or {}
            report = ReportRead(
                format=raw.get("format") or "text", title=raw.get("title"), body=raw.get("body"), year=raw.get("year"),
                template=raw.get("template"), table_templates=dict(raw.get("table_templates") or {}),
                sections=tuple(SectionRead(s["id"], s["heading"], Printed(**s.get("location", {})))
                               for s in raw.get("sections") or ()),
                tables={t: dict(grid) for t, grid in (raw.get("tables") or {}).items()},
                read_by=dict(raw.get("read_by") or {}), unread=tuple(raw.get("unread") or ()),
                values=_values(material.get("values") or {}),
                sentences=tuple(Sentence(text, section, Printed(page, line, column), paragraph)
                                for section, text, page, line, column, paragraph in material.get("sentences") or ()),
            )
        cross = raw.get("cross_year")
        options = raw.get("options")
        return cls(
            file=raw["file"], status=raw.get("status", OK), tool_version=raw.get("tool_version", ""), report=report,
            findings=tuple(finding_from_dict(f) for f in raw.get("findings") or ()), error=raw.get("error"),
            fingerprints=tuple(f.get("fingerprint", "") for f in raw.get("findings") or ()
                               if f.get("fingerprint")),
            cross_year=CrossYear(cross["paired_with"], cross.get("last_year"), dict(cross.get("overlap") or {}))
            if cross else None,
            options=Options.from_dict(options) if options is not None else None,
            reused=bool(raw.get("reused")), baselined=int(raw.get("baselined") or 0),
        )


def _printed(loc: Printed) -> dict[str, int]:
    return {k: v for k, v in (("page", loc.page), ("line", loc.line)) if v is not None}


def _material(report: ReportRead) -> dict[str, Any]:
    return {
        # key -> [number as text (Decimal kept) or None, printed text, page, line, column, problem, decimals, unit]
        "values": {cell_key(ref): [None if v.number is None else str(v.number), v.text, v.location.page,
                                   v.location.line, v.location.column, v.problem, v.decimals, v.unit]
                   for ref, v in report.values.items()},
        "sentences": [[s.section, s.text, s.location.page, s.location.line, s.location.column, s.paragraph]
                      for s in report.sentences],
    }


def _number(text: str | None) -> Number | None:
    if text is None:
        return None
    number = Decimal(text)
    return int(number) if number == number.to_integral_value() and "." not in text and "E" not in text else number


def _values(raw: Mapping[str, list]) -> dict[CellRef, Value]:
    out = {}
    for key, (number, text, page, line, column, problem, decimals, unit) in raw.items():
        ref = cell_of_key(key)
        out[ref] = Value(ref, _number(number), text, Printed(page, line, column), problem, decimals, unit)
    return out


def _json_value(value: object) -> Number | str | None:
    """A finding's expected/actual back from JSON: floats as the Decimal they printed as."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        return Decimal(str(value))
    return value if isinstance(value, (int, str)) else None


def location_from_dict(raw: Mapping[str, Any]) -> Location:
    """The inverse of findings.Location.to_dict (表四's cells are named by their column: "review.upheld")."""
    def cell(place: Mapping[str, Any]) -> CellRef | None:
        table, row, column = place.get("table"), place.get("row"), place.get("column")
        if not table or not column:
            return None
        if table == "t4":
            group, _, leaf = str(column).partition(".")
            return CellRef("t4", group, leaf)
        return CellRef(table, row, column) if row else None

    own = cell(raw)
    return Location(page=raw.get("page"), line=raw.get("line"), section=raw.get("section"), cell=own,
                    table=None if own else raw.get("table"), row=None if own else raw.get("row"),
                    cells=tuple(c for c in map(cell, raw.get("cells") or ()) if c is not None),
                    paragraph=raw.get("paragraph"))


def finding_from_dict(raw: Mapping[str, Any]) -> Finding:
    return Finding(rule=raw["rule"], category=Category(raw["category"]), severity=Severity(raw["severity"]),
                   message=raw["message"], location=location_from_dict(raw.get("location") or {}),
                   expected=_json_value(raw.get("expected")), actual=_json_value(raw.get("actual")),
                   evidence=raw.get("evidence"))
