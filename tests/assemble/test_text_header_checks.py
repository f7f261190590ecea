"""Checks on a text's header boxes and free text (extractor/assemble/text_header_checks.py,
text_free_text_checks.py)."""

from __future__ import annotations

import datetime as dt

from extractor.assemble.text_free_text_checks import check_free_text, printed_text_in
from extractor.assemble.text_header_checks import check_header, issuer_doubt
from extractor.model import (
    Field,
    Footnote,
    Form4,
    Issuer,
    NonDerivativeRow,
    ReportingOwner,
    Signature,
)


def test_an_issuer_run_into_its_neighbours_is_doubted() -> None:
    assert issuer_doubt("Apple Inc.") is None
    assert issuer_doubt("Better Home & Finance Holding Co") is None
    assert issuer_doubt("Apple Inc. 5. Relationship of Reporting Person(s)") is not None


def test_header_values_at_odds_with_the_form_are_flagged() -> None:
    form = Form4(
        document_type=Field("4"), issuer=Issuer(Field("Apple Inc."), Field("AAPL J")),
        period_of_report=Field(dt.date(2019, 8, 26)),
        date_of_original_submission=Field(dt.date(2019, 8, 27)),
        non_derivative_table=(NonDerivativeRow(transaction_date=Field(dt.date(2019, 8, 24))),))
    checked = check_header(form)
    assert checked.issuer.issuer_name.review_reason is None
    assert checked.issuer.issuer_trading_symbol.review_reason  # "AAPL J" is no ticker
    assert checked.date_of_original_submission.review_reason  # an original "4"
    assert checked.period_of_report.review_reason  # not the earliest transaction's date


def test_free_text_running_into_the_forms_print_is_flagged() -> None:
    assert printed_text_in("** Intentional misstatements or omissions of facts") is not None
    assert printed_text_in("Held by the Smith Family Trust.") is None
    form = Form4(
        signatures=(Signature(Field("/s/ Sam Whittington, Attorney-in-Fact")),
                    Signature(Field("Williams")),
                    Signature(Field("Cable, Chief Operating Officer")),
                    Signature(Field("Intentional misstatements or omissions of facts"))),
        footnotes=(Footnote("F1", Field("Held by a trust. /s/ Sam Whittington")),
                   Footnote("F2", Field("Held by a trust.")),
                   Footnote("F3", Field("3 The price reported in Column 4 is a weighted"))))
    checked = check_free_text(form)
    assert [s.signature_name.needs_review for s in checked.signatures] == [
        False, True, True, True]
    assert [f.text.needs_review for f in checked.footnotes] == [True, False, True]


def test_an_amendment_dated_no_later_than_its_period_and_tangled_boxes_are_flagged() -> None:
    day = dt.date(2023, 6, 21)
    form = Form4(document_type=Field("4/A"), period_of_report=Field(day),
                 date_of_original_submission=Field(day),
                 issuer=Issuer(Field("Shoquist Debora NVIDIA CORP"), Field("NVDA")),
                 reporting_owners=(ReportingOwner(rpt_owner_name=Field("Shoquist Debora")),))
    checked = check_header(form)
    assert checked.date_of_original_submission.review_reason
    assert checked.document_type.review_reason
    assert checked.issuer.issuer_name.review_reason  # it holds the owner's name
    # box 1's captions in the issuer's name: box 1's name may hold the issuer's
    tangled = Form4(issuer=Issuer(Field("First: Middle:"), Field("ARWR")),
                    reporting_owners=(ReportingOwner(rpt_owner_name=Field(
                        "OLUKOTUN ADEOYE Y ARROWHEAD PHARMACEUTICALS, INC.")),))
    owner = check_header(tangled).reporting_owners[0]
    assert owner.rpt_owner_name.review_reason
    plain = Form4(issuer=Issuer(Field("Apple Inc."), Field("AAPL")),
                  reporting_owners=(ReportingOwner(rpt_owner_name=Field("Cook Timothy D")),))
    assert check_header(plain) == plain


def test_signatures_read_twice_or_from_other_text_and_split_notes_are_flagged() -> None:
    day = Field(dt.date(2023, 7, 31))
    form = Form4(
        reporting_owners=(ReportingOwner(rpt_owner_name=Field("Baglino Andrew D")),),
        signatures=(Signature(Field("Baglino"), day),
                    Signature(Field("By: Aaron Beckman, Power of Attorney For: Andrew D. "
                                    "Baglino"), day)),
        remarks=Field("Exhibit 24 is incorporated by reference. By: Aaron Beckman, Power"),
        footnotes=(Footnote("F1", Field("Held by a trust.")),
                   Footnote("F3", Field("Apple needed a TSR of at least")),
                   Footnote("F52", Field("59% to outperform the middle third."))))
    checked = check_free_text(form)
    assert all(s.signature_name.needs_review and s.signature_date.needs_review
               for s in checked.signatures)
    assert checked.remarks.review_reason  # it runs on into the signature
    assert [f.text.needs_review for f in checked.footnotes] == [False, True, True]
    # one owner's attorney signing for each of several owners: nothing in doubt
    owners = tuple(ReportingOwner(rpt_owner_name=Field(n)) for n in ("Tang Kevin", "Tang LLC"))
    signed = Form4(reporting_owners=owners, signatures=(
        Signature(Field("/s/ Kevin Tang"), day), Signature(Field("/s/ Kevin Tang, Manager"), day)))
    assert check_free_text(signed).signatures == signed.signatures


def test_box2_run_into_box1_is_flagged_in_both() -> None:
    assert issuer_doubt(": Apple Inc.") is not None
    form = Form4(issuer=Issuer(Field("Apple Inc."), Field("AAPL")),
                 reporting_owners=(ReportingOwner(rpt_owner_name=Field(
                     "COOK TIMOTHY D Apple Inc.")),))
    assert check_header(form).reporting_owners[0].rpt_owner_name.review_reason


def test_a_signature_ending_in_by_is_flagged() -> None:
    form = Form4(signatures=(Signature(Field("Silver Brick Management PTE. LTD., By :")),))
    assert check_free_text(form).signatures[0].signature_name.review_reason
