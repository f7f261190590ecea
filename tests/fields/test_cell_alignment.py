"""Rows read by the types of their cells: dropped, merged and split cells placed by type."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.fields.cell_alignment import align_row, fits_positions, read_row_by_types
from extractor.fields.table_rows import leaf_columns
from extractor.knowledge import labels as K
from extractor.model import Provenance

TABLE1 = K.TABLE1_2002
TABLE2 = K.TABLE2_2002
FIELDS1 = [name for name, _ in leaf_columns(TABLE1)]
PROVENANCE = Provenance("text-dump")


def test_dropped_empty_cells_are_placed_by_type() -> None:
    """The issue's row: the deemed date, V and price cells dropped; the code is no deemed
    date and 16506 is the amount owned (the form requires it), not the price."""
    cells = ["Common Stock", "12/26/2025", "S", "74", "D", "16506", "D"]
    assert not fits_positions(cells, FIELDS1)
    row = read_row_by_types(cells, TABLE1, False, PROVENANCE)
    assert row is not None
    assert row.transaction_date.value == dt.date(2025, 12, 26)
    assert row.deemed_execution_date.value is None
    assert row.transaction_code.value == "S"
    assert row.transaction_shares.value == Decimal("74")
    assert row.transaction_acquired_disposed_code.value == "D"
    assert row.transaction_price_per_share.value is None
    assert row.shares_owned_following_transaction.value == Decimal("16506")
    assert row.direct_or_indirect_ownership.value == "D"
    assert not row.shares_owned_following_transaction.needs_review


def test_merged_and_split_cells() -> None:
    merged = ["Class A Common Stock", "4/13/22", "-", "S", "", "100", "D", "$2556.7346(2)",
              "13788 D", "-"]
    row = read_row_by_types(merged, TABLE1, False, PROVENANCE)
    assert row is not None
    assert row.shares_owned_following_transaction.value == Decimal("13788")
    assert row.direct_or_indirect_ownership.value == "D"
    assert row.transaction_price_per_share.footnote_ids == ("F2",)
    assert row.nature_of_ownership.value is None
    split = ["Common", "Stock (1)", "06/08/2026", "", "M", "", "150,000", "A", "$0.00",
             "622,308", "D", ""]
    row = read_row_by_types(split, TABLE1, False, PROVENANCE)
    assert row is not None
    assert row.security_title.value == "Common Stock"
    assert row.security_title.footnote_ids == ("F1",)
    assert row.shares_owned_following_transaction.value == Decimal("622308")


def test_a_cell_holding_only_a_marker_keeps_its_column() -> None:
    """"(4)" between the A/D cell and the amount owned is the price cell's marker."""
    cells = ["Common Stock", "Aug. 24, 2019", "M", "560000(1)(2)(3)", "A", "(4)", "1414849",
             "D(5)"]
    row = read_row_by_types(cells, TABLE1, False, PROVENANCE)
    assert row is not None
    assert row.transaction_shares.footnote_ids == ("F1", "F2", "F3")
    assert row.transaction_price_per_share.value is None
    assert row.transaction_price_per_share.footnote_ids == ("F4",)
    assert row.direct_or_indirect_ownership.footnote_ids == ("F5",)


def test_holding_row() -> None:
    row = read_row_by_types(["Common Stock", "1,000", "I", "By Trust"], TABLE1, False,
                            PROVENANCE)
    assert row is not None and row.is_holding
    assert row.shares_owned_following_transaction.value == Decimal("1000")
    assert row.transaction_shares.value is None
    assert row.nature_of_ownership.value == "By Trust"


def test_dropped_a_or_d_cell_is_flagged_not_guessed() -> None:
    """Table II's amount under (A) or (D), the other cell dropped: the types cannot say which
    side it stood on, so the side is flagged; what both readings agree on passes."""
    cells = ["Restricted Stock Unit", "(4)", "08/24/2019", "M", "560,000", "(11)", "(11)",
             "Common Stock", "560,000", "(4)", "1,820,000", "D"]
    row = read_row_by_types(cells, TABLE2, True, PROVENANCE)
    assert row is not None
    assert row.transaction_acquired_disposed_code.needs_review
    assert "two ways" in (row.transaction_acquired_disposed_code.review_reason or "")
    assert row.transaction_shares.value == Decimal("560000")
    assert not row.transaction_shares.needs_review
    assert row.conversion_or_exercise_price.footnote_ids == ("F4",)
    assert row.underlying_security_shares.value == Decimal("560000")
    assert row.shares_owned_following_transaction.value == Decimal("1820000")


def test_no_alignment_for_cells_that_fit_no_column() -> None:
    assert align_row(["Common Stock", "hello", "world", "again", "and", "more", "words"],
                     FIELDS1[:3]) == []
