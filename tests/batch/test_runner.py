"""Whole batches in worker processes: outputs, the ledger, failures, re-runs, tables."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from extractor.batch.runner import BatchError, Options, run_batch

TABLES = ("filings", "reporting_owners", "non_derivative", "derivative", "footnotes")


def _run(tree: Path, out: Path, fmt: str = "json", **extra: object):  # type: ignore[no-untyped-def]
    stream = io.StringIO()
    outcome = run_batch([str(tree)], out, Options(fmt=fmt, workers=2, **extra),  # type: ignore[arg-type]
                        stream=stream, live=False, interval=3600)
    return outcome, stream.getvalue()


def _ledger(out: Path) -> list[tuple[str, str, str | None]]:
    with sqlite3.connect(out / "form4-ledger.sqlite") as db:
        return db.execute("SELECT rel, status, kind FROM inputs ORDER BY rel").fetchall()


def test_per_input_outputs_ledger_and_failures(small_tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    outcome, log = _run(small_tree, out)
    assert (outcome.summary.read, dict(outcome.summary.failed)) == (5, {"bad-input": 2})
    assert outcome.failures == {"bad-input": 2}
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert written == [  # the tree mirrored: a/ and b/ hold a file of the same name
        "a/aapl_adams_2022-05-04.xml.json", "a/aapl_cook_2019-08-24.xml.json",
        "a/aapl_williams_2019-05-02.xml.json", "a/amzn_ng_2024-04-12.xml.json",
        "b/aapl_adams_2022-05-04.xml.json"]
    musk = json.loads((out / "b/aapl_adams_2022-05-04.xml.json").read_text())
    assert musk["issuer"]["issuer_name"]["value"] == "Tesla, Inc."
    assert musk["source_path"] == str(small_tree / "b" / "aapl_adams_2022-05-04.xml")
    with open(out / "failures.csv", newline="") as handle:
        failures = list(csv.DictReader(handle))
    assert [(Path(f["path"]).name, f["kind"]) for f in failures] == [
        ("empty.txt", "bad-input"), ("form3_snow_garrett_2020-09-15.xml", "bad-input")]
    assert failures[0]["message"] == "the file is empty"
    assert failures[1]["message"].startswith("this is a Form 3")
    assert f"form4: error: {small_tree / 'b' / 'empty.txt'}: the file is empty" in log
    assert [status for _, status, _ in _ledger(out)] == ["done"] * 4 + [
        "done", "failed", "failed"]

    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    again, _ = _run(small_tree, out)  # the same command again: nothing to do
    assert (again.summary.read, again.summary.skipped, again.summary.failed_before) == (0, 7, 2)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.json")} == stamps
    assert again.failures == {"bad-input": 2}

    changed = small_tree / "a" / "aapl_cook_2019-08-24.xml"
    changed.write_bytes(changed.read_bytes() + b"\n<!-- edited -->\n")
    third, _ = _run(small_tree, out)
    assert (third.summary.read, third.summary.skipped) == (1, 6)  # only the changed input


def test_parquet_tables_load_with_their_types(small_tree: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    _run(small_tree, out, "parquet")
    tables = {t: pq.read_table(out / f"{t}.parquet") for t in TABLES}
    filings = tables["filings"].to_pylist()
    assert [f["ISSUERTRADINGSYMBOL"] for f in filings] == ["AAPL", "AAPL", "AAPL", "AMZN",
                                                           "TSLA"]
    ids = {f["FILING_ID"] for f in filings}
    assert len(ids) == 5
    for table in TABLES[1:]:  # every row joins to a filing
        assert set(tables[table].column("FILING_ID").to_pylist()) <= ids
    assert str(tables["non_derivative"].schema.field("TRANS_DATE").type) == "date32[day]"
    assert str(tables["non_derivative"].schema.field("TRANS_SHARES").type) == "double"
    musk_id = next(f["FILING_ID"] for f in filings if f["ISSUERTRADINGSYMBOL"] == "TSLA")
    rows = [r for r in tables["non_derivative"].to_pylist() if r["FILING_ID"] == musk_id]
    assert (rows[0]["TRANS_SHARES"], rows[0]["TRANS_PRICEPERSHARE"]) == (5250.0, 2.79)
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_parquet(out / "non_derivative.parquet")
    assert len(frame) == tables["non_derivative"].num_rows


def test_duckdb_joins_the_tables(small_tree: Path, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "out"
    _run(small_tree, out, "parquet")
    query = (f"SELECT f.ISSUERTRADINGSYMBOL, COUNT(*) FROM '{out}/filings.parquet' f JOIN "
             f"'{out}/non_derivative.parquet' n USING (FILING_ID) GROUP BY 1 ORDER BY 1")
    assert dict(duckdb.sql(query).fetchall())["TSLA"] == 4


def test_csv_tables_and_json_lines(small_tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    _run(small_tree, out, "csv")
    with open(out / "non_derivative.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {"FILING_ID", "TRANS_DATE", "TRANS_SHARES", "SHRS_OWND_FOLWNG_TRANS",
            "NEEDS_REVIEW"} <= set(rows[0])
    musk = [r for r in rows if r["TRANS_PRICEPERSHARE"] == "2.79"]
    assert musk[0]["TRANS_SHARES"] == "5250" and musk[0]["NEEDS_REVIEW"] == "0"
    with open(out / "filings.csv", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 5

    lines_out = tmp_path / "jsonl"
    copy = small_tree / "b" / "copy_of_amzn.xml"  # the same bytes under another name
    copy.write_bytes((small_tree / "a" / "amzn_ng_2024-04-12.xml").read_bytes())
    outcome, _ = _run(small_tree, lines_out, "jsonl")
    assert outcome.summary.read == 6
    lines = (lines_out / "filings.jsonl").read_text().splitlines()
    paths = [Path(json.loads(line)["source_path"]).name for line in lines]
    assert paths == ["aapl_adams_2022-05-04.xml", "aapl_cook_2019-08-24.xml",
                     "aapl_williams_2019-05-02.xml", "amzn_ng_2024-04-12.xml",
                     "aapl_adams_2022-05-04.xml"]  # the copy is the same filing: once


def test_errors_before_any_work(small_tree: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(BatchError, match="cannot write there"):
        run_batch([str(small_tree)], blocker / "out", Options())
    with pytest.raises(BatchError, match="cannot be an input directory"):
        run_batch([str(small_tree)], small_tree, Options())
    with pytest.raises(BatchError, match="no batch to resume"):
        run_batch([], tmp_path / "fresh", Options())


def test_a_temporary_file_left_by_a_killed_write_is_removed(small_tree: Path,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(small_tree, out)
    name = "a/aapl_cook_2019-08-24.xml"
    stale = out / "a" / ".aapl_cook_2019-08-24.xml.json.k1ll3d.tmp"
    stale.write_text('{"format_version": ')  # as write_atomic leaves it when killed mid-write
    (out / ".failures.csv.k1ll3d.tmp").write_text("path,")
    with sqlite3.connect(out / "form4-ledger.sqlite") as db:
        db.execute("UPDATE inputs SET status = 'running' WHERE rel = ?", (name,))
    outcome, _ = _run(small_tree, out)
    assert (outcome.summary.read, outcome.summary.skipped) == (1, 6)  # the interrupted one
    assert sorted(p.name for p in out.rglob("*.tmp")) == []
    assert json.loads((out / (name + ".json")).read_text())["source_path"].endswith(name)
