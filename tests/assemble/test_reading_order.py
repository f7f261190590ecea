"""The reading-order reader on ``pdftotext`` plain text of drawn and rendered PDFs: what the
text holds is read right, and nothing it cannot show passes unflagged as a wrong value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from bench.layouts import DEV_SEEDS, render_layout
from bench.text_layouts.pdftext import pdftotext, pdftotext_available
from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.assemble.reading_order import read_reading_order
from extractor.model import Form4
from extractor.render import render_pdf
from extractor.validate import validate
from tests.support.compare import compare_forms

XML = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "xml"
needs_poppler = pytest.mark.skipif(not pdftotext_available(), reason="no pdftotext")
#: The development seed whose layout prints every cell as a paragraph of its own.
SEED = 1958


def _truth(stem: str) -> Form4:
    return read_edgar_xml((XML / f"{stem}.xml").read_bytes())


@needs_poppler
def test_a_drawn_layout_reads_exactly() -> None:
    assert SEED in DEV_SEEDS
    truth = _truth("aapl_adams_2022-05-04")
    pdf, _ = render_layout(truth, SEED)
    form = validate(read_reading_order(pdftotext(pdf, layout=False)))
    assert form.issuer.issuer_name.value == "Apple Inc."
    assert form.issuer.issuer_trading_symbol.value == "AAPL"
    owner = form.reporting_owners[0]
    assert owner.rpt_owner_name.value == "Adams Katherine L."
    assert (owner.rpt_owner_city.value, owner.rpt_owner_state.value,
            owner.rpt_owner_zip_code.value) == ("CUPERTINO", "CA", "95014")
    assert owner.relationship.is_officer.value is True
    assert owner.relationship.is_director.value is False  # the text prints marks bare
    assert owner.relationship.officer_title.value == "SVP, GC and Secretary"
    assert form.period_of_report.value == dt.date(2022, 5, 4)
    rows = form.non_derivative_table
    assert len(rows) == 7
    assert rows[0].transaction_price_per_share.value == Decimal("159.94")
    assert rows[0].transaction_price_per_share.footnote_ids == ("F2",)
    assert rows[-1].shares_owned_following_transaction.value == Decimal("452334")
    assert [n.footnote_id for n in form.footnotes] == [f"F{i}" for i in range(1, 9)]
    assert form.signatures[0].signature_date.value == dt.date(2022, 5, 6)
    outcomes = {c.outcome for c in compare_forms(truth, form)}
    assert outcomes == {"correct"}


@needs_poppler
def test_our_rendering_reads_its_boxes_and_passes_no_wrong_value() -> None:
    """Our renderer's plain text runs table cells of neighbouring rows together: those rows are
    flagged, the boxes above the table are read."""
    truth = _truth("aapl_adams_2022-05-04")
    form = validate(read_reading_order(pdftotext(render_pdf(truth), layout=False)))
    assert form.issuer.issuer_trading_symbol.value == "AAPL"
    assert form.reporting_owners[0].rpt_owner_street1.value == "ONE APPLE PARK WAY"
    assert form.period_of_report.value == dt.date(2022, 5, 4)
    assert not [c for c in compare_forms(truth, form) if c.outcome == "wrong"]


def _header(marks: str) -> str:
    return f"""STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP

1. Name and Address of Reporting Person*

Doe Jane Q

5. Relationship of Reporting Person(s) to Issuer
{marks}

Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
"""


def test_check_boxes_the_text_cannot_show_are_flagged() -> None:
    form = validate(read_reading_order(_header("Director\nOfficer (give title below)")))
    relationship = form.reporting_owners[0].relationship
    assert relationship.is_director.value is None
    assert relationship.is_director.needs_review
    assert relationship.is_officer.needs_review


def test_bare_marks_make_a_bare_label_unchecked() -> None:
    form = read_reading_order(_header("X Director\nOfficer (give title below)"))
    relationship = form.reporting_owners[0].relationship
    assert relationship.is_director.value is True
    assert relationship.is_officer.value is False
    assert not relationship.is_officer.needs_review


def test_printed_boxes_are_read_either_way() -> None:
    form = read_reading_order(_header("[ ] Director\n[X] Officer (give title below)\nOther"))
    relationship = form.reporting_owners[0].relationship
    assert relationship.is_director.value is False
    assert relationship.is_officer.value is True
    assert relationship.is_other.needs_review  # its box is not printed, its mark not known
