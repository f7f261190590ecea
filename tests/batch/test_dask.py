"""``form4 batch --dask`` on a real ``distributed.LocalCluster`` over loopback: two worker
processes, one of them SIGKILLed mid-run; nothing lost, nothing written twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.batch.conftest import make_copies
from tests.batch.test_kill_resume import FORM4, _done, _files

COUNT = 600


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as local, \
            distributed.Client(local) as client:
        yield local, client


def test_a_worker_killed_mid_run_loses_nothing(cluster, shared_xml: list[Path],  # type: ignore[no-untyped-def]
                                               tmp_path: Path) -> None:
    local, client = cluster
    tree = tmp_path / "in"
    make_copies(shared_xml, tree, COUNT)
    here, there = tmp_path / "local", tmp_path / "dask"
    result = subprocess.run([*FORM4, str(tree), "-o", str(here), "--workers", "2"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr

    process = subprocess.Popen([*FORM4, str(tree), "-o", str(there), "--dask",
                                local.scheduler_address], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while _done(there) < 100:
        assert process.poll() is None, process.communicate()[1]
        assert time.monotonic() < deadline
        time.sleep(0.01)
    victim = sorted(client.run(os.getpid).values())[0]
    os.kill(victim, signal.SIGKILL)
    assert _done(there) < COUNT  # killed mid-run
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    assert f"form4: {COUNT} read" in stderr

    assert _files(there) == _files(here)  # every output, the same bytes as a local run
    with sqlite3.connect(there / "form4-ledger.sqlite") as db:
        rows = db.execute("SELECT status, attempts, COUNT(*) FROM inputs GROUP BY 1, 2")
        assert rows.fetchall() == [("done", 1, COUNT)]  # each booked once


def test_inputs_sent_as_bytes(cluster, shared_xml: list[Path],  # type: ignore[no-untyped-def]
                              tmp_path: Path) -> None:
    local, _ = cluster
    tree = tmp_path / "in"
    make_copies(shared_xml, tree, 30)
    out = tmp_path / "out"
    result = subprocess.run([*FORM4, str(tree), "-o", str(out), "--format", "jsonl", "--dask",
                             local.scheduler_address, "--send-bytes"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert len((out / "filings.jsonl").read_text().splitlines()) == 30
