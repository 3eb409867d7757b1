"""One typed record from the check of a file to every output: one serialiser, one JSON
shape for one file and for many, and cross-year rules reading the same typed values
(decimals and printed text kept) as every other rule."""
from __future__ import annotations

import json
from decimal import Decimal

from checker import cli
from checker.batch import check_one
from checker.check import check_file, record_of, side_of
from checker.findings import CellRef
from checker.record import Record

from .conftest import SAMPLES, SEED

CITY_2019 = SAMPLES / "html" / "city_dept_2020_template2019.html"
AMOUNT = CellRef("t2", "procurement", "amount")


def test_a_record_survives_its_serialiser_whole():
    """The store, the Dask runner and the JSON output share one serialiser: a record read
    back is the record written."""
    for path in (SEED, SAMPLES / "html" / "county_2024_errors.html", CITY_2019, SAMPLES / "bad" / "scanned.pdf"):
        record = check_one(path)
        again = Record.from_dict(json.loads(json.dumps(record.to_dict())))
        assert again == record
        assert again.to_dict() == record.to_dict()


def test_cross_year_rules_read_decimals_and_print_from_a_stored_record():
    stored = Record.from_dict(json.loads(json.dumps(record_of(check_file(CITY_2019)).to_dict())))
    value = side_of(stored).values[AMOUNT]
    assert (value.number, value.text) == (Decimal("386.52"), "386.52")
    assert side_of(stored).cells[AMOUNT] == Decimal("386.52")


def test_one_json_shape_for_one_file_and_for_many(capsys):
    cli.main(["check", str(SEED), "--format", "json"])
    [one] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    cli.main(["check", str(SEED), str(CITY_2019), "--format", "json"])
    many = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(one) == sorted(many[0]) == sorted(many[1])
    assert {"file", "format", "title", "body", "year", "template", "sections", "tables", "findings", "summary",
            "status", "tool_version", "options"} <= set(one)
    assert one == many[0]
