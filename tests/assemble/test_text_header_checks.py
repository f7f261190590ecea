"""Checks on a text's header boxes and free text (extractor/assemble/text_header_checks.py,
text_free_text_checks.py)."""

from __future__ import annotations

import datetime as dt

from extractor.assemble.text_free_text_checks import check_free_text, printed_text_in
from extractor.assemble.text_header_checks import check_header, issuer_doubt
from extractor.model import Field, Footnote, Form4, Issuer, NonDerivativeRow, Signature


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
