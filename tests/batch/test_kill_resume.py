"""A batch killed with SIGKILL mid-way, then resumed, ends with exactly the outputs of an
uninterrupted run: a real ``form4 batch`` process group, a real SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.batch.conftest import make_copies

FORM4 = [sys.executable, "-m", "extractor.cli", "batch"]
COUNT = 900


def _done(out: Path) -> int:
    """Inputs the ledger of ``out`` has as done (read while the batch writes it)."""
    ledger = out / "form4-ledger.sqlite"
    if not ledger.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{ledger}?mode=ro", uri=True, timeout=5) as db:
            return int(db.execute("SELECT COUNT(*) FROM inputs WHERE status = 'done'")
                       .fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def _kill_mid_way(args: list[str], out: Path, at: int) -> int:
    """Start the batch, SIGKILL its whole process group once ``at`` inputs are done; returns
    how many were done at the kill."""
    process = subprocess.Popen([*FORM4, *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    try:
        while _done(out) < at:
            assert process.poll() is None, "the batch ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.01)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the parent, its forkserver and workers
        process.wait()
    return _done(out)


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != "form4-ledger.sqlite"
            and not p.name.startswith("form4-ledger.sqlite-")}


@pytest.mark.parametrize("fmt", ["json", "parquet"])
def test_sigkill_then_resume_equals_an_uninterrupted_run(
        fmt: str, shared_xml: list[Path], tmp_path: Path) -> None:
    tree = tmp_path / "in"
    make_copies(shared_xml, tree, COUNT)
    (tree / "part1" / "empty.txt").write_bytes(b"")  # a failure record, too
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    common = ["--workers", "2", "--format", fmt]
    result = subprocess.run([*FORM4, str(tree), "-o", str(whole), *common],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 2, result.stderr  # the empty file
    assert "900 read" in result.stderr

    at_kill = _kill_mid_way([str(tree), "-o", str(killed), *common], killed, 150)
    assert 150 <= at_kill < COUNT + 1
    with sqlite3.connect(killed / "form4-ledger.sqlite") as db:
        done = [killed / row[0] for row in db.execute(
            "SELECT output FROM inputs WHERE status = 'done' AND output IS NOT NULL")]
    assert len(done) == (at_kill if fmt == "json" else 0)
    kept = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in done}
    resumed = subprocess.run([*FORM4, "--resume", "-o", str(killed), "--format", fmt,
                              "--workers", "2"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 2, resumed.stderr
    assert f"{at_kill} done before" in resumed.stderr

    assert _files(killed) == _files(whole)  # the same files, byte for byte
    for path, stamp in kept.items():  # what was done before the kill was not written again
        assert (path.stat().st_ino, path.stat().st_mtime_ns) == stamp
    with sqlite3.connect(killed / "form4-ledger.sqlite") as db:
        statuses = dict(db.execute("SELECT status, COUNT(*) FROM inputs GROUP BY status"))
    assert statuses == {"done": COUNT, "failed": 1}
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(killed / "filings.parquet").num_rows == COUNT
