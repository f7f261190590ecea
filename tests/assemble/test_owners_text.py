"""The Reporting Owners table's address cells: where the street ends, and the state or
country code before the postal code."""

from __future__ import annotations

import pytest

from extractor.assemble.owners_text import _split_address


@pytest.mark.parametrize(("address", "state", "postal", "repaired"), [
    ("69 GROSVENOR STREET LONDON,, X0 W1K 3JP", "X0", "W1K 3JP", False),
    # OCR reads the 0 of a country code as O; before a foreign postal code no US state stands.
    ("69 GROSVENOR STREET LONDON,, XO W1K 3JP", "X0", "W1K 3JP", True),
    ("138 MARKET STREET CAPITAGREEN,, UO 048926", "U0", "048926", True),
    ("1 MAIN STREET ST. LOUIS, MO 63101", "MO", "63101", False),  # Missouri: a US ZIP follows
])
def test_state_or_country_code(address: str, state: str, postal: str, repaired: bool) -> None:
    fields = _split_address(address, address, None)
    assert fields["rpt_owner_state"].value == state
    assert fields["rpt_owner_zip_code"].value == postal
    assert (fields["rpt_owner_state"].confidence < 0.9) is repaired
