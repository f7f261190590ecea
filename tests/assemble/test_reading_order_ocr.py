"""The reading-order reader on an OCR engine's plain text: rows printed as lines are read,
and what the engine may have misread is flagged, never passed as read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.assemble.reading_order import read_reading_order
from extractor.assemble.reading_order_ocr import trust_ocr_values
from extractor.model import Field, Footnote, Form4, NonDerivativeRow, Provenance
from extractor.validate import validate

#: Tesseract's reading of a Form 4's first page as the development layouts print it.
OCR_TEXT = """FORM 4

STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP

LJ} Director
C] Ten Percent Owner

TABLE I - NON-DERIVATIVE SECURITIES ACQUIRED, DISPOSED OF, OR BENEFICIALLY OWNED

Title of Transaction Date Deemed Execution Date, if Transaction Code Securities

Code Vv Amount | (A) or (D) Price

Common 2019-08-24 M 560,000.00?"?3 A 4 1,414,849.00 D>

Stock

Common 2019-08-24 F 294,840.00° D 202.64 1,120,009.00 D®

Stock

Common 2019-08-26 S 129,555.00 D 205.75 990,454.00 D

Reminder: Report on a separate line for each class of securities beneficially owned.
"""


def _rows(text: str) -> tuple:
    return validate(read_reading_order(text)).non_derivative_table


def test_rows_printed_as_lines_are_read_with_their_wrapped_titles() -> None:
    rows = _rows(OCR_TEXT)
    assert len(rows) == 3
    second = rows[1]
    assert second.security_title.value == "Common Stock"
    assert not second.security_title.needs_review
    assert second.transaction_date.value == dt.date(2019, 8, 24)
    assert second.transaction_code.value == "F"
    assert second.transaction_shares.value == Decimal("294840")
    assert second.transaction_price_per_share.value == Decimal("202.64")
    assert second.shares_owned_following_transaction.value == Decimal("1120009")
    assert second.direct_or_indirect_ownership.value == "D"
    assert not any(f.needs_review for f in (second.transaction_shares,
                                            second.direct_or_indirect_ownership))


def test_a_lone_superscript_read_as_a_price_is_flagged() -> None:
    price = _rows(OCR_TEXT)[0].transaction_price_per_share
    assert price.value == Decimal("4")
    assert price.needs_review


def test_a_title_without_the_second_line_the_others_have_is_flagged() -> None:
    last = _rows(OCR_TEXT)[2]
    assert last.security_title.value == "Common"
    assert last.security_title.needs_review
    assert last.transaction_shares.value == Decimal("129555")


def test_check_boxes_read_as_letters_are_flagged() -> None:
    relationship = read_reading_order(OCR_TEXT).reporting_owners[0].relationship
    assert relationship.is_director.value is None
    assert relationship.is_director.needs_review


def _note(text: str) -> Form4:
    field = Field(text, 0.9, Provenance("text-dump", raw_text=text))
    return trust_ocr_values(Form4(footnotes=(Footnote("F1", field),)), 0)


def test_specked_prose_is_flagged_and_clean_prose_passes() -> None:
    assert _note("Includes 15,000; unvested shares subject to the award.") \
        .footnotes[0].text.needs_review
    assert _note("The price reported is,the weighted average.").footnotes[0].text.needs_review
    assert _note("Each RSU. 5) 6) 294,840 shares were withheld.").footnotes[0].text.needs_review
    clean = _note("This transaction (e.g. a sale) was made pursuant to a Rule 10b5-1 plan "
                  "adopted on May 1, 2019. See 18 U.S.C. 1001.")
    assert not clean.footnotes[0].text.needs_review


def _title(title: str) -> Field:
    field = Field(title, 0.9, Provenance("text-dump", raw_text=title))
    row = NonDerivativeRow(security_title=field)
    return trust_ocr_values(Form4(non_derivative_table=(row,)), 0) \
        .non_derivative_table[0].security_title


def test_titles_with_a_lost_class_letter_or_repeated_words_are_flagged() -> None:
    assert _title("Class Common Stock").needs_review
    assert _title("Class A Common Stock Class A Common Stock").needs_review
    assert not _title("Class A Common Stock").needs_review
    assert not _title("Series 2 Preferred Stock").needs_review
