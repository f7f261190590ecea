"""The review database on its own: WAL mode, the version check between two connections (two
reviewers), undo, the audit trail, and typed input checked like the field."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.review.corrections import InvalidInput, parse_input
from extractor.review.intake import find_sources, load_directory
from extractor.review.store import Conflict, Store
from tests.review.conftest import _corpus, doubted_result

SHARES = "non_derivative_table[0].transaction_shares"


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    root = tmp_path / "dir"
    root.mkdir()
    xml = root / "tsla.xml"
    shutil.copy(_corpus("tsla_musk_2023-03-08.xml"), xml)
    result = doubted_result(xml, "tsla.xml", {
        ("non_derivative_table", "0", "transaction_shares"): (0.5, "planted doubt")})
    (root / "results").mkdir()
    (root / "results" / "tsla.json").write_text(json.dumps(result))
    (root / "notes.md").write_text("not a filing")
    store = Store(root / ".db.sqlite")
    assert load_directory(store, root, lambda _: None) == (1, 0)
    store.close()
    return root / ".db.sqlite"


def _shares(store: Store):  # type: ignore[no-untyped-def]
    return next(r for r in store.fields(1) if r.path == SHARES)


def test_a_result_is_paired_with_its_input(tmp_path: Path, db: Path) -> None:
    sources = find_sources(db.parent)
    assert [(s.name, s.input is not None, s.result is not None) for s in sources] == [
        ("tsla.xml", True, True)]


def test_wal_and_stale_edit_between_two_reviewers(db: Path) -> None:
    first, second = Store(db), Store(db)
    assert first._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    row = _shares(first)
    assert row.is_open and row.value == Decimal("5250") and row.version == 0
    done = first.decide(row.id, "correct", "ann", 0, "5,251")
    assert done.status == "corrected" and done.current == Decimal("5251") and done.version == 1
    with pytest.raises(Conflict, match=r"someone else changed this value first.*ann"):
        second.decide(row.id, "accept", "bob", 0)
    assert _shares(second).current == Decimal("5251")  # nothing overwritten
    # Bob, on the current version, accepts; Ann's undo would now undo his work: refused.
    second.decide(row.id, "accept", "bob", 1)
    with pytest.raises(Conflict, match="not undone"):
        first.undo(1, "ann")
    undone = second.undo(1, "bob")
    assert undone is not None and undone.status == "corrected" and undone.current == 5251
    trail = [(h["reviewer"], h["action"], h["old_value"], h["new_value"], h["reason"])
             for h in first.history(1)]
    assert trail == [("ann", "correct", "5250", "5251", "planted doubt"),
                     ("bob", "accept", "5251", "5251", "planted doubt"),
                     ("bob", "undo", "5251", "5251", "undid accept")]
    assert all(h["at"].endswith("Z") for h in first.history(1))
    first.close()
    second.close()


def test_typed_input_is_refused_when_the_field_cannot_hold_it(db: Path) -> None:
    store = Store(db)
    row = _shares(store)
    with pytest.raises(InvalidInput, match="not an amount"):
        store.decide(row.id, "correct", "ann", 0, "5250 shares")
    assert _shares(store).version == 0 and store.history(1) == []
    store.close()


@pytest.mark.parametrize(("path", "text", "value"), [
    ("period_of_report", "2023-03-08", dt.date(2023, 3, 8)),
    ("signatures[0].signature_date", "3/10/2023", dt.date(2023, 3, 10)),
    ("derivative_table[1].transaction_price_per_share", "$1,000.25", Decimal("1000.25")),
    ("non_derivative_table[0].transaction_code", "m", "M"),
    ("non_derivative_table[0].direct_or_indirect_ownership", "i", "I"),
    ("reporting_owners[0].rpt_owner_state", "tx", "TX"),
    ("reporting_owners[0].rpt_owner_state", "M0", "M0"),
    ("reporting_owners[0].relationship.is_director", "x", True),
    ("reporting_owners[0].relationship.is_director", "no", False),
    ("individual_or_joint_filing", "Joint", "joint"),
    ("issuer.issuer_cik", "1318605", "0001318605"),
    ("remarks", "  two   spaces ", "two spaces"),
    ("remarks", "", None),
])
def test_input_is_parsed_as_the_field_reads(path: str, text: str, value: object) -> None:
    assert parse_input(path, text) == value


@pytest.mark.parametrize(("path", "text", "message"), [
    ("period_of_report", "2023-02-30", "no such date"),
    ("period_of_report", "yesterday", "not a date"),
    ("period_of_report", "1899-01-01", "between 1934 and 2100"),
    ("non_derivative_table[0].transaction_shares", "-5", "zero or more"),
    ("non_derivative_table[0].transaction_code", "V", "not a transaction code"),
    ("non_derivative_table[0].transaction_acquired_disposed_code", "X", "not A or D"),
    ("reporting_owners[0].rpt_owner_state", "ZZ", "not a US state code"),
    ("reporting_owners[0].relationship.is_officer", "maybe", "yes or no"),
])
def test_input_the_field_cannot_hold(path: str, text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_input(path, text)
