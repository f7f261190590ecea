"""Cells of plain ``pdftotext`` text put back together: a title wrapped beside its amount, a
year or numeral inside a name, a heading's broken-off end, rows whose ends are out of order, and
a failed row putting only the rows beside it in doubt (on drawn layouts of shipped filings)."""

from __future__ import annotations

from decimal import Decimal

from extractor.assemble.reading_order_tables import read_table, table_regions
from extractor.assemble.text_row_checks import check_tables
from extractor.layout.reading_order import read_lines
from extractor.model import Form4
from extractor.validate import validate
from tests.support.compare import compare_forms
from tests.support.reading_order import needs_poppler, read_drawn_layout


def _checked(stem: str, seed: int) -> tuple[Form4, Form4]:
    """The truth and the reading as ``extract`` passes it: the text readers' row checks too."""
    truth, form = read_drawn_layout(stem, seed)
    return truth, validate(check_tables(form))


def _wrong(truth: Form4, form: Form4) -> list[str]:
    return [c.path for c in compare_forms(truth, form) if c.outcome == "wrong"]


@needs_poppler
def test_a_first_row_printed_above_its_start_behind_a_headings_end() -> None:
    """Seed 1108 prints the first row's end above its title, after the heading's broken-off
    "4 & 5)"; its footnotes start with bare numbers ("1 The sales ..."); Table II's underlying
    title wraps beside its amount ("Ordinary 60000" / "Shares")."""
    truth, form = _checked("wve_moran_2025-12-08", 1108)
    first = form.non_derivative_table[0]
    assert (first.transaction_code.value, first.transaction_shares.value,
            first.shares_owned_following_transaction.value) == ("M", Decimal("60000"),
                                                                 Decimal("149218"))
    assert not first.shares_owned_following_transaction.needs_review
    assert [n.footnote_id for n in form.footnotes] == [f"F{i}" for i in range(1, 8)]
    assert {r.underlying_security_title.value for r in form.derivative_table} == {
        "Ordinary Shares"}
    assert not any(r.underlying_security_title.needs_review for r in form.derivative_table)
    assert not _wrong(truth, form)


@needs_poppler
def test_a_year_inside_a_trusts_name_stays_in_the_nature() -> None:
    """Seed 1594 prints "By FDS New" / "River Farm" / "2017" / "Irrevocable" / "Trust"."""
    truth, form = _checked("tls_schaufeld_2023-05-12_23000040", 1594)
    natures = [r.nature_of_ownership for r in form.non_derivative_table]
    assert "By FDS New River Farm 2017 Irrevocable Trust" in [n.value for n in natures]
    assert not any(n.needs_review for n in natures if n.value)
    assert not _wrong(truth, form)


@needs_poppler
def test_a_headings_letter_on_its_next_line_is_no_row() -> None:
    """Seed 1263 prints the heading "INDIRECT" / "(I)" after the rows: the rows stand."""
    truth, form = _checked("aapl_williams_2019-05-02", 1263)
    rows = form.non_derivative_table
    assert len(rows) == len(truth.non_derivative_table)
    assert not any(r.transaction_shares.needs_review for r in rows)
    assert not _wrong(truth, form)


@needs_poppler
def test_a_title_beside_its_price_and_box1_values_after_their_labels() -> None:
    """Seed 1187 prints "Non-Qualifed $2.79" / "Stock Option" / "(right to buy)" and box 1 as
    "STREET 1 TESLA ROAD", "CITY AUSTIN", "ZIP" / "CODE 78725"; a "$0" read as an amount
    puts the row's other numbers in doubt."""
    truth, form = _checked("tsla_musk_2023-03-08", 1187)
    owner = form.reporting_owners[0]
    assert (owner.rpt_owner_street2.value, owner.rpt_owner_city.value,
            owner.rpt_owner_state.value, owner.rpt_owner_zip_code.value) == (
        "1 TESLA ROAD", "AUSTIN", "TX", "78725")
    row = form.derivative_table[0]
    assert row.security_title.value == "Non-Qualifed Stock Option (right to buy)"
    assert row.conversion_or_exercise_price.value == Decimal("2.79")
    assert row.shares_owned_following_transaction.needs_review
    assert not _wrong(truth, form)


def _table(cells: str) -> str:
    return ("Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n"
            + "\n\n".join(cells.split("|")) + "\n\nExplanation of Responses:\n")


def _rows(text: str) -> tuple:
    lines = read_lines(text)
    return read_table(lines, table_regions(lines).table1, False)


def test_a_nature_printed_before_its_d_or_i_is_read_in_the_forms_order() -> None:
    rows, _ = _rows(_table("Common Stock|04/28/2025|P|35,000|A|$ 5.4173|8,687,914|"
                           "See Footnotes|I"))
    assert (rows[0].direct_or_indirect_ownership.value, rows[0].nature_of_ownership.value) == (
        "I", "See Footnotes")
    assert not rows[0].nature_of_ownership.needs_review


def test_a_failed_row_that_holds_its_ends_puts_only_its_neighbours_in_doubt() -> None:
    rows, _ = _rows(_table(
        "Common Stock|01/02/2025|S|100|D|$ 5.00|900|D|"
        "Common Stock|01/02/2025|S|100|D|$ 5.00|800|D|"
        "Common Stock|01/02/2025|S|100|D|$ 5.00|700|D|"
        "Common Stock|01/03/2025|S|100|D|D|$ 6.00|D"))
    assert not rows[0].shares_owned_following_transaction.needs_review
    assert rows[2].shares_owned_following_transaction.needs_review
    assert rows[3].security_title.needs_review


def test_a_failed_row_that_lost_its_d_or_i_puts_every_row_in_doubt() -> None:
    rows, _ = _rows(_table(
        "Common Stock|01/02/2025|S|100|D|$ 5.00|900|D|"
        "Common Stock|01/02/2025|S|100|D|$ 5.00|800|D|"
        "Common Stock|01/02/2025|S|100|D|$ 5.00|700|D|"
        "Common Stock|01/03/2025|S|100|$ 6.00"))
    assert all(r.security_title.needs_review for r in rows)
