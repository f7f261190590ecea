import datetime as dt
from decimal import Decimal

from extractor.fields.table_rows import leaf_columns, parse_row_cells, parse_row_words
from extractor.knowledge.labels import TABLE1_2002, TABLE2_2002
from extractor.model import DerivativeRow, NonDerivativeRow, Provenance

PROV = Provenance("text-dump")


def test_leaf_columns_count() -> None:
    assert len(leaf_columns(TABLE1_2002)) == 11
    assert len(leaf_columns(TABLE2_2002)) == 16


def test_non_derivative_cells() -> None:
    cells = ["Common Stock", "03/08/2023", "", "M", "", "5,250", "A", "$2.79", "411,056,826",
             "I", "by Trust (1)"]
    row = parse_row_cells(cells, TABLE1_2002, False, 0.95, PROV)
    assert isinstance(row, NonDerivativeRow) and not row.is_holding
    assert row.security_title.value == "Common Stock"
    assert row.transaction_date.value == dt.date(2023, 3, 8)
    assert row.deemed_execution_date.value is None
    assert row.transaction_code.value == "M"
    assert row.transaction_shares.value == Decimal("5250")
    assert row.transaction_price_per_share.value == Decimal("2.79")
    assert row.shares_owned_following_transaction.value == Decimal("411056826")
    assert row.nature_of_ownership.value == "by Trust"
    assert row.nature_of_ownership.footnote_ids == ("F1",)


def test_bad_cell_is_flagged_not_guessed() -> None:
    cells = ["Common Stock", "03/08/2023", "", "Q", "", "5,2X0", "A", "$2.79", "100", "B", ""]
    row = parse_row_cells(cells, TABLE1_2002, False, 0.95, PROV)
    assert row.transaction_code.value is None and row.transaction_code.needs_review
    assert row.transaction_shares.value is None and row.transaction_shares.needs_review
    # "B" looks like "8", which is not D or I: nothing to repair it to.
    assert row.direct_or_indirect_ownership.value is None
    assert row.direct_or_indirect_ownership.needs_review


def test_ocr_look_alikes_repaired_where_the_column_type_settles_them() -> None:
    cells = ["Common Stock", "O3/O8/2023", "", "5", "", "5,25O", "A", "$2.7g", "l00", "l", ""]
    row = parse_row_cells(cells, TABLE1_2002, False, 0.95, PROV)
    assert row.transaction_date.value == dt.date(2023, 3, 8)
    assert row.transaction_code.value == "S"  # 5 is not a code; S is its only look-alike
    assert row.transaction_shares.value == Decimal("5250")
    assert row.shares_owned_following_transaction.value == Decimal("100")
    assert row.direct_or_indirect_ownership.value == "I"  # l: 1 or I, and only I is D or I
    for field in (row.transaction_date, row.transaction_code, row.transaction_shares,
                  row.direct_or_indirect_ownership):
        assert field.confidence == 0.85
    # "g" has no digit look-alike: the price is refused, not guessed.
    assert row.transaction_price_per_share.value is None
    assert row.transaction_price_per_share.needs_review


def test_small_letter_codes() -> None:
    cells = ["Common Stock", "03/08/2023", "", "s", "", "100", "a", "$2", "100", "d", ""]
    row = parse_row_cells(cells, TABLE1_2002, False, 0.95, PROV)
    assert row.transaction_code.value == "S" and row.transaction_code.confidence == 0.95
    # "a" and "d" are not the shapes of A and D: refused.
    assert row.transaction_acquired_disposed_code.needs_review
    assert row.direct_or_indirect_ownership.needs_review


def test_derivative_cells_disposed_column() -> None:
    cells = ["Stock Option (right to buy)", "$2.79", "03/08/2023", "", "M", "", "", "5,250",
             "(2)", "04/08/2023", "Common Stock", "5,250", "$0", "0", "D", ""]
    row = parse_row_cells(cells, TABLE2_2002, True, 0.95, PROV)
    assert isinstance(row, DerivativeRow)
    assert row.transaction_acquired_disposed_code.value == "D"
    assert row.transaction_shares.value == Decimal("5250")
    assert row.exercise_date.value is None and row.exercise_date.footnote_ids == ("F2",)
    assert row.expiration_date.value == dt.date(2023, 4, 8)
    assert row.underlying_security_shares.value == Decimal("5250")
    assert row.conversion_or_exercise_price.value == Decimal("2.79")


def test_words_grammar_non_derivative() -> None:
    words = "Common Stock 05/02/2019 S 2,500 (1) D $209.72 (2) 30,000 D".split(" ")
    row, reason = parse_row_words(words, False, 0.85, PROV)
    assert reason is None and row is not None
    assert row.transaction_code.value == "S"
    assert row.transaction_shares.value == Decimal("2500")
    assert row.transaction_shares.footnote_ids == ("F1",)
    assert row.transaction_acquired_disposed_code.value == "D"
    assert row.transaction_price_per_share.value == Decimal("209.72")
    assert row.shares_owned_following_transaction.value == Decimal("30000")
    assert row.direct_or_indirect_ownership.value == "D"


def test_words_grammar_holding_and_failure() -> None:
    words = "Common Stock 1,000 I By spouse".split(" ")
    row, reason = parse_row_words(words, False, 0.85, PROV)
    assert row is not None and row.is_holding and row.nature_of_ownership.value == "By spouse"
    row, reason = parse_row_words(["Common", "Stock", "05/02/2019", "Q"], False, 0.85, PROV)
    assert row is None and reason and "transaction code" in reason
