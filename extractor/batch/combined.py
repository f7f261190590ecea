"""The combined outputs, made from the ledger: JSON Lines, CSV tables, Parquet tables, and
``failures.csv``.

They are written at the end of every run from the results the ledger keeps, streaming (a few
thousand filings in memory at a time), each file atomically: a run interrupted and resumed
writes exactly what an uninterrupted run writes.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import tempfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from extractor.batch.ledger import Ledger
from extractor.batch.tables import COLUMNS, TABLES, ColumnType

FAILURES_NAME = "failures.csv"
JSONL_NAME = "filings.jsonl"
#: Filings per Parquet row group (and per batch held in memory while writing).
BATCH_FILINGS = 500


@contextmanager
def _atomic(target: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """A file written next to ``target`` and renamed over it once complete."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        handle: IO[Any]
        if "b" in mode:
            handle = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def output_files(fmt: str) -> list[str]:
    """The names (in OUTDIR) of the combined files of format ``fmt``."""
    if fmt == "jsonl":
        return [JSONL_NAME]
    if fmt in ("csv", "parquet"):
        return [f"{table}.{fmt}" for table in TABLES]
    return []


def write_failures(ledger: Ledger, outdir: Path) -> int:
    """``failures.csv``: path, kind (bad-input, timeout, bug), message; returns the count."""
    count = 0
    with _atomic(outdir / FAILURES_NAME) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["path", "kind", "message", "sha256", "attempts"])
        for failure in ledger.failures():
            writer.writerow([failure.path, failure.kind, failure.message, failure.sha256,
                             failure.attempts])
            count += 1
    return count


def write_combined(ledger: Ledger, outdir: Path, fmt: str) -> None:
    """Make the combined files of format ``fmt`` from the ledger's results."""
    if fmt == "jsonl":
        with _atomic(outdir / JSONL_NAME) as handle:
            for _, blob in ledger.results():
                handle.write(zlib.decompress(blob).decode("utf-8") + "\n")
    elif fmt == "csv":
        _write_csv(ledger, outdir)
    elif fmt == "parquet":
        _write_parquet(ledger, outdir)


def _rows(ledger: Ledger) -> Iterator[dict[str, list[dict[str, Any]]]]:
    for _, blob in ledger.results():
        yield json.loads(zlib.decompress(blob))


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    return "" if value is None else value


def _write_csv(ledger: Ledger, outdir: Path) -> None:
    with _atomic_all(outdir, "csv", "w") as handles:
        writers = {}
        for table in TABLES:
            writers[table] = csv.writer(handles[table], lineterminator="\n")
            writers[table].writerow([name for name, _ in COLUMNS[table]])
        for filing in _rows(ledger):
            for table in TABLES:
                names = [name for name, _ in COLUMNS[table]]
                writers[table].writerows([[_csv_cell(row.get(n)) for n in names]
                                          for row in filing[table]])


@contextmanager
def _atomic_all(outdir: Path, suffix: str, mode: str) -> Iterator[dict[str, IO[Any]]]:
    """One atomic file per table, all renamed into place only when all are complete."""
    with (_atomic(outdir / f"filings.{suffix}", mode) as filings,
          _atomic(outdir / f"reporting_owners.{suffix}", mode) as owners,
          _atomic(outdir / f"non_derivative.{suffix}", mode) as table1,
          _atomic(outdir / f"derivative.{suffix}", mode) as table2,
          _atomic(outdir / f"footnotes.{suffix}", mode) as notes):
        yield dict(zip(TABLES, (filings, owners, table1, table2, notes), strict=True))


def _converter(kind: ColumnType) -> Callable[[Any], Any]:
    if kind == "date":
        return lambda v: None if v is None else dt.date.fromisoformat(v)
    if kind == "num":
        return lambda v: None if v is None else float(v)
    return lambda v: v


def arrow_schema(table: str) -> Any:
    """The Arrow schema of ``table``: dates as date32, amounts as float64."""
    import pyarrow as pa

    types = {"str": pa.string(), "date": pa.date32(), "num": pa.float64(),
             "bool": pa.bool_(), "int": pa.int64()}
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS[table]])


def _write_parquet(ledger: Ledger, outdir: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    converters = {t: [(n, _converter(k)) for n, k in COLUMNS[t]] for t in TABLES}
    schemas = {t: arrow_schema(t) for t in TABLES}
    with _atomic_all(outdir, "parquet", "wb") as handles:
        writers = {t: pq.ParquetWriter(handles[t], schemas[t], compression="zstd")
                   for t in TABLES}
        pending: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        filings = 0

        def flush() -> None:
            for t in TABLES:
                columns = {n: [convert(row.get(n)) for row in pending[t]]
                           for n, convert in converters[t]}
                writers[t].write_table(pa.table(columns, schema=schemas[t]))
                pending[t] = []

        for filing in _rows(ledger):
            for t in TABLES:
                pending[t].extend(filing[t])
            filings += 1
            if filings % BATCH_FILINGS == 0:
                flush()
        if filings % BATCH_FILINGS or filings == 0:
            flush()
        for writer in writers.values():
            writer.close()


def describe(outdir: Path, fmt: str) -> str:
    """Where the results are, for the summary."""
    names = output_files(fmt)
    if not names:
        return f"one .{fmt} file per input under {outdir}"
    return ", ".join(str(outdir / n) for n in names)

