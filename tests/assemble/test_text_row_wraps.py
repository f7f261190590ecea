"""Row cells that wrap onto the next line or markdown row, and HTML tables in a text dump."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor import extract

_HEAD = """FORM 4
| 1. Name and Address of Reporting Person* | Musk Elon (Last) (First) (Middle) |
|---|---|
| | 1 TESLA ROAD (Street) AUSTIN (City) TX (State) 78725 (Zip) |
| 2. Issuer Name and Ticker or Trading Symbol | Tesla, Inc. [TSLA] |
| 3. Date of Earliest Transaction (Month/Day/Year) | 03/08/2023 |

Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned

"""


def _rows(tmp_path, body: str):
    path = tmp_path / "dump.md.txt"
    path.write_text(_HEAD + body)
    return extract(path).non_derivative_table


def test_a_wrapped_title_is_joined_by_its_cell(tmp_path) -> None:
    rows = _rows(tmp_path, "| Common | 03/08/2023 | | M | | 5,250 | A | $2.79 | 411,056,826 | I"
                           " | by Trust (1) |\n|---|---|---|---|---|---|---|---|---|---|---|\n"
                           "| Stock | | | | | | | | | | Fund |\n")
    assert rows[0].security_title.value == "Common Stock"
    assert rows[0].nature_of_ownership.value == "by Trust Fund"
    assert rows[0].transaction_date.value == dt.date(2023, 3, 8)
    assert not rows[0].security_title.needs_review


def test_an_unplaceable_wrap_is_flagged_not_guessed(tmp_path) -> None:
    rows = _rows(tmp_path, "| Common | 03/08/2023 | M | 5,250 | A | $2.79 | 411,056,826 | I |"
                           " by Trust |\n|---|---|---|---|---|---|---|---|---|\n"
                           "Stock Fund\n")
    assert rows[0].security_title.needs_review
    assert rows[0].transaction_shares.value == Decimal("5250")


def test_html_table_rows_are_read_as_cells(tmp_path) -> None:
    rows = _rows(tmp_path, "<table><tr><td>Common Stock</td><td>03/08/2023</td><td></td>"
                           "<td>M</td><td></td><td>5,250</td><td>A</td><td>$2.79</td>"
                           "<td>411,056,826</td><td>D</td><td></td></tr></table>\n")
    assert rows[0].security_title.value == "Common Stock"
    assert rows[0].shares_owned_following_transaction.value == Decimal("411056826")
