"""--engine dask: the same season on a LocalCluster of two worker processes gives the
same records as the local pool, into the same store."""
from __future__ import annotations

import json
import sqlite3

import pytest
from distributed import LocalCluster

from checker import cli, exit_codes

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def scheduler():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def run(capsys, *args) -> tuple[int, list[dict]]:
    status = cli.main(["check", *args, "--format", "json"])
    return status, [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_dask_engine_matches_the_local_pool(scheduler, tmp_path, capsys):
    inputs = [str(SAMPLES / "html"), str(SAMPLES / "pairs"), str(SAMPLES / "bad" / "scanned.pdf")]
    local_status, local = run(capsys, *inputs, "--jobs", "2")
    db = tmp_path / "cluster.sqlite"
    status, remote = run(capsys, *inputs, "--engine", "dask", "--scheduler", scheduler, "--db", str(db))
    assert status == local_status == exit_codes.FINDINGS
    assert remote == local and len(remote) == 9   # 5 html, 3 pairs, 1 scanned
    assert [r["status"] for r in remote].count("unreadable") == 1
    assert any(r.get("cross_year", {}).get("paired_with", "").endswith("county_2023.html") for r in remote)
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT COUNT(*), COUNT(DISTINCT sha256) FROM files").fetchone() == (9, 9)
    # a rerun against the same store has nothing new to send
    assert run(capsys, *inputs, "--engine", "dask", "--scheduler", scheduler, "--db", str(db)) == (exit_codes.OK, [])


def test_unreachable_scheduler_is_one_sentence(capsys):
    status = cli.main(["check", str(SAMPLES / "qingzu_2024.txt"), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert status == exit_codes.BAD_INPUT and "连不上 Dask 调度器" in err and "Traceback" not in err
