"""Footnote markers that plain ``pdftotext`` prints as bare digits."""

from __future__ import annotations

from decimal import Decimal

from extractor.assemble.reading_order_refs import (
    flag_lone_markers,
    marked_cell,
    markers_before_dates,
)
from extractor.model import Field, NonDerivativeRow


def test_digits_after_a_code_an_amount_or_a_date_are_markers() -> None:
    assert marked_cell("S1", 7) == "S (1)"
    assert marked_cell("D5", 7) == "D (5)"
    assert marked_cell("560,000.00 1,2,3", 11) == "560,000.00 (1)(2)(3)"
    assert marked_cell("$ 430.45 2", 3) == "$ 430.45 (2)"


def test_numbers_past_the_footnotes_or_without_a_value_stay() -> None:
    assert marked_cell("S1", 0) == "S1"
    assert marked_cell("15.0000 9", 7) == "15.0000 9"
    assert marked_cell("0.0000 222,700.0000", 7) == "0.0000 222,700.0000"
    assert marked_cell("Series 2", 7) == "Series 2"
    assert marked_cell("B1", 7) == "B1"  # no cell's code


def test_a_number_between_an_amount_and_a_date_is_a_marker() -> None:
    words = ["A", "60,000.0000", "2", "07/25/32"]
    assert markers_before_dates(words, 7) == ["A", "60,000.0000", "(2)", "07/25/32"]
    assert markers_before_dates(words, 1) == words


def test_a_whole_price_no_larger_than_the_footnotes_count_is_flagged() -> None:
    row = NonDerivativeRow(transaction_price_per_share=Field(Decimal("4"), 0.9))
    assert flag_lone_markers(row, 11).transaction_price_per_share.needs_review
    assert not flag_lone_markers(row, 3).transaction_price_per_share.needs_review
    priced = NonDerivativeRow(transaction_price_per_share=Field(Decimal("4.25"), 0.9))
    assert not flag_lone_markers(priced, 11).transaction_price_per_share.needs_review
