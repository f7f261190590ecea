"""Reading-order lines: the form's printed text told from the values filled in."""

from __future__ import annotations

import pytest

from extractor.layout.reading_order import find_checkboxes, is_printed, read_lines


@pytest.mark.parametrize("text", ["2A. Deemed", "Execution Date, if any", "Code", "V", "(A)",
                                  "Reported Trans.", "OMB Number: 3235-0287", "Amount or"])
def test_printed_text(text: str) -> None:
    assert is_printed(text)


@pytest.mark.parametrize("text", ["Common Stock (1)", "Class A", "D", "S", "By Trust",
                                  "Adams Katherine L.", "ONE APPLE PARK WAY", "95014",
                                  "Stock Option (right to buy)"])
def test_values(text: str) -> None:
    assert not is_printed(text)


def test_a_label_and_its_value_on_one_line_are_two_lines() -> None:
    lines = read_lines("Item 3. Date of Earliest Transaction: 05-12-2023\nCity ASHBURN\n")
    assert [line.text for line in lines] == ["Item 3. Date of Earliest Transaction",
                                             "05-12-2023", "City", "ASHBURN"]
    assert {line.block for line in lines} == {0}


def test_marks_before_check_box_labels() -> None:
    lines = read_lines("__X__ Director\n_____ 10 % Owner\nChief Legal Officer\n"
                       "LX] Form filed by One Reporting Person\n")
    found = {c.key: c.mark for c in find_checkboxes(lines, len(lines))}
    assert found == {"director": True, "ten_percent_owner": False, "individual": True}
