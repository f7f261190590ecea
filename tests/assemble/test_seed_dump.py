"""The seed dump (a PDF-to-markdown conversion of an investor-relations page) read end to end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractor import Form4, extract


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Form4:
    return extract(seed_path)


def test_reporting_person_and_address(seed: Form4) -> None:
    assert len(seed.reporting_owners) == 1
    owner = seed.reporting_owners[0]
    assert owner.rpt_owner_name.value == "Longcor Jarrod"
    assert owner.last_name.value == "Longcor"
    assert owner.first_name.value == "Jarrod"
    assert owner.middle_name.value is None
    assert owner.rpt_owner_street1.value == "C/O Cellectar Biosciences, Inc."
    assert owner.rpt_owner_street2.value == "3301 Agriculture Drive"
    assert owner.rpt_owner_city.value == "Madison"
    assert owner.rpt_owner_state.value == "WI"
    assert owner.rpt_owner_zip_code.value == "53716"
    for field in (owner.rpt_owner_name, owner.rpt_owner_city, owner.rpt_owner_zip_code):
        assert not field.needs_review


def test_zip_completed_from_reporting_owners_table(seed: Form4) -> None:
    # Box 1 shows the ZIP clipped ("5371"); the Reporting Owners table holds it whole.
    zip_code = seed.reporting_owners[0].rpt_owner_zip_code
    assert zip_code.value == "53716"
    assert zip_code.provenance is not None and "53716" in (zip_code.provenance.raw_text or "")


def test_issuer_dates_and_amendment(seed: Form4) -> None:
    assert seed.issuer.issuer_name.value == "Cellectar Biosciences, Inc."
    assert seed.issuer.issuer_trading_symbol.value == "CLRB"
    assert seed.period_of_report.value == dt.date(2017, 9, 18)
    assert seed.document_type.value == "4"
    assert seed.date_of_original_submission.value is None
    assert seed.form_revision == "2002"
    assert seed.source_kind == "text-dump"


@pytest.mark.parametrize(("printed", "ticker"), [
    ("[CLRB", "CLRB"),      # the closing bracket lost
    ("[ CLRB J", "CLRB"),   # read as a letter, a space after the ticker
    ("[CLRBJ", None),       # glued on: "CLRB]" or a ticker ending in J? flagged
])
def test_a_ticker_whose_closing_bracket_was_lost(seed_path: Path, printed: str,
                                                 ticker: str | None) -> None:
    damaged = extract(seed_path.read_text().replace("[CLRB]", printed))
    symbol = damaged.issuer.issuer_trading_symbol
    assert damaged.issuer.issuer_name.value == "Cellectar Biosciences, Inc." or ticker is None
    if ticker is None:
        assert symbol.needs_review
    else:
        assert symbol.value == ticker and not symbol.needs_review


def test_relationship_officer_not_director(seed: Form4) -> None:
    rel = seed.reporting_owners[0].relationship
    assert rel.is_officer.value is True
    assert rel.officer_title.value == "Chief Business Officer"
    # "Director" after box 5's label is the first check box's printed label, not a mark.
    assert rel.is_director.value is False
    assert rel.is_ten_percent_owner.value is False
    assert rel.is_other.value is False
    assert rel.other_text.value is None


def test_signature_and_footnote(seed: Form4) -> None:
    assert len(seed.signatures) == 1
    signature = seed.signatures[0]
    assert signature.signature_name.value == \
        "/s/ Christina Blakley, attorney-in-fact for Jarrod Longcor"
    assert signature.signature_date.value == dt.date(2017, 9, 25)
    assert [n.footnote_id for n in seed.footnotes] == ["F1"]
    assert seed.footnote_text("F1") == ("Option vests in equal quarterly increments over a "
                                        "period of three years from the date of grant.")


def test_tables_lost_rows_are_flagged_not_invented(seed: Form4) -> None:
    assert seed.non_derivative_table == ()
    assert seed.derivative_table == ()
    assert seed.needs_review
    reasons = {item.path: item.reason for item in seed.review_items()}
    assert "derivative_table" in reasons
    assert "F1" in reasons["derivative_table"]
    assert "lost" in reasons["derivative_table"]


def test_every_filled_field_is_confident(seed: Form4) -> None:
    for path, field in seed.iter_fields():
        if field.value is not None:
            assert field.confidence >= 0.8, path
            assert not field.needs_review, path
