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


def test_a_check_mark_alone_below_the_boxes_is_no_officer_title() -> None:
    """On an office scan a mark read below its box gave the title "X"; the title is the first
    line of text below the boxes that is not marks alone."""
    from extractor.assemble.text_dump import read_text_form

    text = "\n".join([
        "5. Relationship of Reporting Person(s) to Issuer (Check all applicable)",
        "[ ] Director [ ] 10% Owner",
        "X Officer (give title below) [ ] Other (specify below)",
        "X",
        "EVP, Operations",
        "3. Date of Earliest Transaction (Month/Day/Year)",
        "06/21/2023",
    ])
    relationship = read_text_form(text).reporting_owners[0].relationship
    assert relationship.is_officer.value is True
    assert relationship.officer_title.value == "EVP, Operations"


@pytest.mark.parametrize(("line", "city", "zip_code"), [
    ("AUSTIN TX 78725", "Austin", "78725"),
    ("AUSTIN 78725", "Austin", "78725"),       # the state lost by OCR
    ("AUSTIN T™ 78725", "Austin", "78725"),    # the state unreadable
    ("AUSTIN", None, None),                    # no ZIP: nothing to anchor the city to
])
def test_box1_city_and_zip_kept_when_the_state_is_lost(line: str, city: str | None,
                                                      zip_code: str | None) -> None:
    from extractor.assemble.text_dump import read_text_form

    text = "\n".join([
        "1. Name and Address of Reporting Person*",
        "Musk Elon",
        "(Last) (First) (Middle)",
        "1 TESLA ROAD",
        "(Street)",
        line,
        "(City) (State) (Zip)",
        "2. Issuer Name and Ticker or Trading Symbol",
        "Tesla, Inc. [ TSLA ]",
    ])
    owner = read_text_form(text).reporting_owners[0]
    assert owner.rpt_owner_city.value == city
    assert owner.rpt_owner_zip_code.value == zip_code
    if city is not None and "TX" not in line:
        assert owner.rpt_owner_state.value is None and owner.rpt_owner_state.needs_review
    if city is None:
        assert owner.rpt_owner_city.needs_review
