"""The ledger: an SQLite file in OUTDIR that records every input of a batch.

One row per input (its absolute path), with the SHA-256 of its content, its status
(``running`` while a worker has it, then ``done`` or ``failed``), the output written or the
failure's kind and message, its pages and time.  For the combined formats the result itself is
kept here (compressed) until the combined files are made from it, so a run killed at any
moment loses at most the documents in the workers' hands, and the output files are made
again from the ledger alone.

Every change is its own transaction (WAL journal): a SIGKILL leaves the rows as they were at
the last commit, never half a row.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extractor.batch.worker import TaskResult

LEDGER_NAME = "form4-ledger.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS inputs (
    path TEXT PRIMARY KEY,
    shown TEXT NOT NULL,
    rel TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    run INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    output TEXT,
    kind TEXT,
    message TEXT,
    pages INTEGER,
    seconds REAL,
    flagged INTEGER,
    updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS inputs_rel ON inputs (rel);
CREATE INDEX IF NOT EXISTS inputs_sha ON inputs (sha256, status, rel);
CREATE TABLE IF NOT EXISTS results (path TEXT PRIMARY KEY, data BLOB NOT NULL);
"""


class LedgerError(Exception):
    """The ledger cannot be used for this run (another format's batch, or not a ledger)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """An input's row as the ledger has it."""

    path: str
    sha256: str
    status: str
    run: int
    attempts: int
    output: str | None
    kind: str | None
    pages: int | None
    flagged: int | None


@dataclass(frozen=True, slots=True)
class Failure:
    """A failure record, as ``failures.csv`` lists it."""

    path: str
    kind: str
    message: str
    sha256: str
    attempts: int


class Ledger:
    """The ledger of the batch in ``outdir``, opened for a run in format ``fmt``."""

    def __init__(self, outdir: str | Path, fmt: str) -> None:
        self.path = Path(outdir) / LEDGER_NAME
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # WAL: a killed process loses nothing
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as err:
            raise LedgerError(f"{self.path} cannot be used as a ledger ({err})") from None
        recorded = self.meta("format")
        if recorded is not None and recorded != fmt:
            self._db.close()
            raise LedgerError(f"{Path(outdir)} holds a --format {recorded} batch; give the "
                              f"same format or another output directory")
        if recorded is None:
            self.set_meta("format", fmt)
        self.run = int(self.meta("runs") or 0) + 1
        self.set_meta("runs", str(self.run))

    def meta(self, key: str) -> str | None:
        """A value the ledger keeps about the batch (its format, its inputs' arguments)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                         "DO UPDATE SET value = excluded.value", (key, value))

    def lookup(self, path: str) -> Entry | None:
        """The row of the input at ``path``, if it has one."""
        row = self._db.execute(
            "SELECT path, sha256, status, run, attempts, output, kind, pages, flagged "
            "FROM inputs WHERE path = ?", (path,)).fetchone()
        return None if row is None else Entry(*row)

    def has_result(self, path: str) -> bool:
        """Whether the combined formats' result of ``path`` is kept."""
        return self._db.execute("SELECT 1 FROM results WHERE path = ?",
                                (path,)).fetchone() is not None

    def start(self, path: str, shown: str, rel: str, sha256: str, size: int) -> int:
        """Record that ``path`` is handed to a worker; returns its attempt number."""
        with self._transaction():
            self._db.execute(
                "INSERT INTO inputs (path, shown, rel, sha256, size, status, run, attempts, "
                "updated) VALUES (?, ?, ?, ?, ?, 'running', ?, 1, ?) ON CONFLICT (path) DO "
                "UPDATE SET shown = excluded.shown, rel = excluded.rel, "
                "attempts = CASE WHEN inputs.sha256 = excluded.sha256 "
                "THEN inputs.attempts + 1 ELSE 1 END, sha256 = excluded.sha256, "
                "size = excluded.size, status = 'running', run = excluded.run, output = NULL, "
                "kind = NULL, message = NULL, updated = excluded.updated",
                (path, shown, rel, sha256, size, self.run, time.time()))
            self._db.execute("DELETE FROM results WHERE path = ?", (path,))
            row = self._db.execute("SELECT attempts FROM inputs WHERE path = ?",
                                   (path,)).fetchone()
        return int(row[0])

    def finish(self, result: TaskResult, output: str | None = None,
               keep: bytes | None = None) -> None:
        """Record what became of an input: its output (a file, or ``keep``: the combined
        formats' result) or its failure."""
        with self._transaction():
            self._db.execute(
                "UPDATE inputs SET status = ?, output = ?, kind = ?, message = ?, pages = ?, "
                "seconds = ?, flagged = ?, updated = ? WHERE path = ?",
                ("done" if result.ok else "failed", output, result.kind, result.message,
                 result.pages, round(result.seconds, 4), result.flagged, time.time(),
                 result.path))
            if keep is not None:
                self._db.execute("INSERT OR REPLACE INTO results (path, data) VALUES (?, ?)",
                                 (result.path, keep))

    def results(self) -> Iterator[tuple[str, bytes]]:
        """The kept results in output order (by mirrored name), one per distinct content:
        an input whose bytes equal an earlier one's is the same filing, listed once."""
        query = ("SELECT i.rel, r.data FROM inputs i JOIN results r ON r.path = i.path "
                 "WHERE i.status = 'done' AND i.rel = (SELECT MIN(j.rel) FROM inputs j "
                 "JOIN results s ON s.path = j.path WHERE j.sha256 = i.sha256 "
                 "AND j.status = 'done') ORDER BY i.rel, i.path")
        yield from self._db.execute(query)

    def failures(self) -> Iterator[Failure]:
        """Every failure record, in output order."""
        yield from (Failure(*row) for row in self._db.execute(
            "SELECT shown, kind, message, sha256, attempts FROM inputs "
            "WHERE status = 'failed' ORDER BY rel, path"))

    def counts(self) -> dict[str, int]:
        """Inputs by status (``running``: interrupted, to be retried)."""
        return {str(status): int(n) for status, n in self._db.execute(
            "SELECT status, COUNT(*) FROM inputs GROUP BY status")}

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    def close(self) -> None:
        """Close the database (its WAL is folded back in)."""
        self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on an exception."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *_: object) -> None:
        self._db.execute("ROLLBACK" if exc_type is not None else "COMMIT")
