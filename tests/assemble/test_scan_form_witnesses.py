"""The form's own bonds settle a value two OCR engines read differently."""

from __future__ import annotations

from extractor.assemble.scan_form_witnesses import witnessed_by_the_form


def test_a_transaction_is_not_dated_after_the_signature() -> None:
    values = [("non_derivative_table[0].transaction_date", "06/02/2019", "05/02/2019"),
              ("period_of_report", "05/02/2019", "06/02/2019"),
              # two glyphs apart: no bond decides that
              ("non_derivative_table[1].transaction_date", "06/02/2013", "05/02/2019"),
              # an expiration date may well fall after the signature
              ("derivative_table[0].expiration_date", "06/02/2019", "05/02/2019")]
    given = [("signatures[0].signature_date", "05/06/2019")]
    assert witnessed_by_the_form(values, given) == {0: "05/02/2019", 1: "05/02/2019"}
    assert witnessed_by_the_form(values, []) == {}


def _row(i: int, shares: str | None, code: str, owned: str | None) -> list[tuple[str, str]]:
    cells = [(f"non_derivative_table[{i}].security_title", "Common Stock"),
             (f"non_derivative_table[{i}].direct_or_indirect_ownership", "D"),
             (f"non_derivative_table[{i}].transaction_acquired_disposed_code", code)]
    if shares is not None:
        cells.append((f"non_derivative_table[{i}].transaction_shares", shares))
    if owned is not None:
        cells.append((f"non_derivative_table[{i}].shares_owned_following_transaction", owned))
    return cells


def test_the_running_balance_settles_shares_and_holdings() -> None:
    given = _row(0, "1,000", "A", "10,000") + _row(1, "2,500", "D", None) + \
        _row(2, None, "D", "6,500") + _row(3, "500", "D", None) + _row(4, "500", "D", "5,500")
    values = [("non_derivative_table[1].shares_owned_following_transaction", "7,600", "7.500"),
              ("non_derivative_table[2].transaction_shares", "1,600 (1)", "1.000 (1)"),
              # the next row's balance and shares settle row 3's: 5,500 + 500
              ("non_derivative_table[3].shares_owned_following_transaction", "6,600", "6.000")]
    # Row 2's shares need row 1's balance, itself settled first.
    assert witnessed_by_the_form(values, given) == {0: "7,500", 1: "1,000 (1)", 2: "6,000"}


def test_rows_of_another_holding_are_no_balance() -> None:
    given = _row(0, "1,000", "A", "10,000") + _row(1, "2,500", "D", None)
    given = [(p, "I" if p.endswith("direct_or_indirect_ownership") and "[1]" in p else t)
             for p, t in given]
    values = [("non_derivative_table[1].shares_owned_following_transaction", "7,600", "7.500")]
    assert witnessed_by_the_form(values, given) == {}
