"""The analysts' tables of one real filing: SEC column names, values, flags, the join key."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from extractor.api import extract
from extractor.batch.tables import COLUMNS, TABLES, filing_id, form_tables


def _musk(shared_xml: list[Path]) -> Path:
    return next(p for p in shared_xml if p.name.startswith("tsla_musk"))


def test_every_table_of_a_filing(shared_xml: list[Path]) -> None:
    tables = form_tables(extract(_musk(shared_xml)), "f1", "in/tsla.xml")
    assert set(tables) == set(TABLES)
    filing = tables["filings"][0]
    assert (filing["ISSUERNAME"], filing["ISSUERTRADINGSYMBOL"], filing["ISSUERCIK"]) == (
        "Tesla, Inc.", "TSLA", "0001318605")
    assert filing["PERIOD_OF_REPORT"] == "2023-03-08"
    assert filing["OWNERSIGNATUREDATE"] == "2023-03-10"
    assert filing["SOURCE_PATH"] == "in/tsla.xml" and filing["REVIEW_COUNT"] == 0
    owner = tables["reporting_owners"][0]
    assert owner["RPTOWNERNAME"] == "Musk Elon" and owner["RPTOWNERCIK"] == "0001494730"
    assert owner["RPTOWNER_RELATIONSHIP"] == "Director,Officer,TenPercentOwner"
    assert owner["RPTOWNER_TITLE"] == "CEO"
    first = tables["non_derivative"][0]
    assert (first["TRANS_DATE"], first["TRANS_CODE"], first["TRANS_SHARES"],
            first["TRANS_PRICEPERSHARE"], first["SHRS_OWND_FOLWNG_TRANS"]) == (
        "2023-03-08", "M", "5250", "2.79", "411056826")
    assert first["DIRECT_INDIRECT_OWNERSHIP"] == "I"
    assert first["NATURE_OF_OWNERSHIP"] == "by Trust" and first["NATURE_OF_OWNERSHIP_FN"] == "F1"
    option = tables["derivative"][0]
    assert option["CONV_EXERCISE_PRICE"] == "2.79" and option["EXPIRATION_DATE"] == "2023-04-08"
    assert option["EXCERCISE_DATE"] is None and option["EXCERCISE_DATE_FN"] == "F2"
    assert [n["FOOTNOTE_ID"] for n in tables["footnotes"]] == ["F1", "F2", "F3"]
    for table in TABLES:  # one join key, and no column the table does not declare
        names = {name for name, _ in COLUMNS[table]}
        for row in tables[table]:
            assert row["FILING_ID"] == "f1" and set(row) == names


def test_a_flagged_value_is_left_empty_and_named(shared_xml: list[Path]) -> None:
    form = extract(_musk(shared_xml))
    row = form.non_derivative_table[0]
    doubtful = row.transaction_shares.flagged("OCR read 5250 or 5256")
    form = dataclasses.replace(form, non_derivative_table=(
        dataclasses.replace(row, transaction_shares=doubtful), *form.non_derivative_table[1:]))
    tables = form_tables(form, "f1", "x")
    flagged = tables["non_derivative"][0]
    assert flagged["TRANS_SHARES"] is None
    assert flagged["NEEDS_REVIEW"] is True and flagged["REVIEW_FIELDS"] == "TRANS_SHARES"
    assert flagged["REVIEW_REASONS"] == "TRANS_SHARES: OCR read 5250 or 5256"
    assert tables["non_derivative"][1]["NEEDS_REVIEW"] is False
    assert tables["filings"][0]["FILING_NEEDS_REVIEW"] is True
    assert tables["filings"][0]["REVIEW_COUNT"] == 1


def test_sec_column_names() -> None:
    rows = [name for name, _ in COLUMNS["non_derivative"]]
    for name in ("SECURITY_TITLE", "TRANS_DATE", "TRANS_CODE", "TRANS_SHARES",
                 "TRANS_PRICEPERSHARE", "TRANS_ACQUIRED_DISP_CD", "SHRS_OWND_FOLWNG_TRANS",
                 "DIRECT_INDIRECT_OWNERSHIP", "NATURE_OF_OWNERSHIP", "TRANS_SHARES_FN"):
        assert name in rows
    assert ("UNDLYNG_SEC_SHARES", "num") in COLUMNS["derivative"]
    assert ("TRANS_DATE", "date") in COLUMNS["derivative"]
    assert filing_id("ab" * 32) == "ab" * 8
