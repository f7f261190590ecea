"""The ledger: one row per input, attempts, kept results, one batch format per directory."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from extractor.batch.ledger import Ledger, LedgerError
from extractor.batch.worker import TaskResult


def test_rows_attempts_and_results(tmp_path: Path) -> None:
    with Ledger(tmp_path, "jsonl") as ledger:
        assert ledger.run == 1
        assert ledger.start("/in/b.xml", "b.xml", "b.xml", "s1", 10) == 1
        assert ledger.start("/in/b.xml", "b.xml", "b.xml", "s1", 10) == 2  # handed out again
        ledger.finish(TaskResult("/in/b.xml", True, pages=1), keep=zlib.compress(b"B"))
        ledger.start("/in/a.xml", "a.xml", "a.xml", "s2", 10)
        ledger.finish(TaskResult("/in/a.xml", True, pages=1), keep=zlib.compress(b"A"))
        ledger.start("/in/c.xml", "c.xml", "c.xml", "s1", 10)  # b.xml's bytes again
        ledger.finish(TaskResult("/in/c.xml", True, pages=1), keep=zlib.compress(b"C"))
        ledger.start("/in/d.txt", "d.txt", "d.txt", "s3", 0)
        ledger.finish(TaskResult("/in/d.txt", False, "bad-input", "the file is empty"))
        entry = ledger.lookup("/in/b.xml")
        assert entry is not None and (entry.status, entry.attempts, entry.sha256) == (
            "done", 2, "s1")
        # in name order, and a second copy of the same bytes is the same filing, once
        assert [(rel, zlib.decompress(b)) for rel, b in ledger.results()] == [
            ("a.xml", b"A"), ("b.xml", b"B")]
        assert [(f.path, f.kind, f.message) for f in ledger.failures()] == [
            ("d.txt", "bad-input", "the file is empty")]
        assert ledger.counts() == {"done": 3, "failed": 1}
        # changed content starts over at attempt 1, and its old result is dropped
        assert ledger.start("/in/a.xml", "a.xml", "a.xml", "s9", 10) == 1
        assert not ledger.has_result("/in/a.xml")
    with Ledger(tmp_path, "jsonl") as again:
        assert again.run == 2
        entry = again.lookup("/in/a.xml")
        assert entry is not None and entry.status == "running"  # interrupted: to be retried


def test_one_format_per_output_directory(tmp_path: Path) -> None:
    Ledger(tmp_path, "csv").close()
    with pytest.raises(LedgerError, match="holds a --format csv batch"):
        Ledger(tmp_path, "json")


def test_a_file_that_is_no_ledger(tmp_path: Path) -> None:
    (tmp_path / "form4-ledger.sqlite").write_bytes(b"not a database" * 100)
    with pytest.raises(LedgerError, match="cannot be used as a ledger"):
        Ledger(tmp_path, "json")
