"""Table I and Table II of reading-order text: cells printed apart from their rows, bare
footnote markers, a code before its date, a title's letter on a line of its own."""

from __future__ import annotations

from decimal import Decimal

from extractor.assemble.reading_order_tables import read_table, table_regions
from extractor.layout.reading_order import read_lines
from tests.support.compare import compare_forms
from tests.support.reading_order import needs_poppler, read_drawn_layout


@needs_poppler
def test_bare_superscripts_first_row_apart_and_a_code_before_its_date() -> None:
    """Seed 1746 prints markers as plain digits ("S1", "15.0000 4"), the first row's end above
    its start, and the last row's code before its date."""
    truth, form = read_drawn_layout("wve_moran_2025-12-08", 1746)
    rows = form.non_derivative_table
    assert len(rows) == len(truth.non_derivative_table)
    assert (rows[0].transaction_code.value, rows[0].transaction_code.footnote_ids) == ("M",
                                                                                       ("F1",))
    assert rows[0].shares_owned_following_transaction.value == Decimal("149218")
    assert rows[3].transaction_price_per_share.footnote_ids == ("F4",)
    assert rows[-1].transaction_code.value == "S"
    assert not any(f.needs_review for f in (rows[-1].transaction_date, rows[-1].security_title))
    assert form.derivative_table[0].exercise_date.footnote_ids == ("F2",)
    assert not [c for c in compare_forms(truth, form) if c.outcome == "wrong"]


@needs_poppler
def test_a_title_letter_on_its_own_line_stays_in_the_title() -> None:
    truth, form = read_drawn_layout("goog_sergey_2022-04-13_22024550", 1628)
    assert form.non_derivative_table[0].security_title.value == "Class A Common Stock"
    assert not [c for c in compare_forms(truth, form) if c.outcome == "wrong"]


def _table(cells: str) -> str:
    return ("Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n"
            + "\n\n".join(cells.split("|")) + "\n\nExplanation of Responses:\n")


def _rows(text: str) -> tuple:
    lines = read_lines(text)
    return read_table(lines, table_regions(lines).table1, False)


def test_a_holding_title_and_nature_printed_after_the_table_go_back_to_their_row() -> None:
    rows, review = _rows(_table(
        "Common Stock|06/21/2023|F|18,230|D|$ 430.45|4,535,005|D|139,860|I|Common Stock|"
        "7. Nature of Indirect Beneficial Ownership|By Trust (3)"))
    assert len(rows) == 2 and not review
    assert rows[1].security_title.value == "Common Stock"
    assert rows[1].shares_owned_following_transaction.value == Decimal("139860")
    assert (rows[1].nature_of_ownership.value, rows[1].nature_of_ownership.footnote_ids) == (
        "By Trust", ("F3",))
    assert not rows[0].security_title.needs_review


def test_natures_after_the_table_are_paired_by_order_and_count() -> None:
    rows, _ = _rows(_table("Common Stock|100|I|Common Stock|200|I|By Trust|By Spouse"))
    assert [r.nature_of_ownership.value for r in rows] == ["By Trust", "By Spouse"]


def test_natures_that_do_not_match_the_rows_in_count_are_flagged() -> None:
    rows, review = _rows(_table("Common Stock|100|I|Common Stock|200|I|By Trust|By Spouse|"
                                "By LLC"))
    assert review and "which belongs to which row is not shown" in review[0].reason
    assert all(r.nature_of_ownership.value is None or r.nature_of_ownership.needs_review
               for r in rows)
    assert all(r.shares_owned_following_transaction.needs_review for r in rows)


@needs_poppler
def test_a_title_wrapped_around_its_date_is_put_back_together() -> None:
    """Seed 1594 prints a title's first word beside the row's date ("Common 05-12-2023")."""
    truth, form = read_drawn_layout("tls_schaufeld_2023-05-12_23000040", 1594)
    row = form.non_derivative_table[0]
    assert (row.security_title.value, str(row.transaction_date.value)) == ("Common Stock",
                                                                           "2023-05-12")
    assert not [c for c in compare_forms(truth, form) if c.outcome == "wrong"]
