"""Which of two texts under box 5 is the officer's title."""

from __future__ import annotations

import pytest

from extractor.assemble.page_owners import _title_split
from extractor.knowledge.officer_titles import reads_as_title


@pytest.mark.parametrize(("text", "expected"), [
    ("COO Member of 13(d) group", ("COO", "Member of 13(d) group")),
    ("Chief Executive Officer Former director", ("Chief Executive Officer", "Former director")),
    ("CFO Director by deputization", None),  # "CFO | Director ..." or "CFO Director | ..."
    ("Chief Operating Officer Vice Chairman", None),  # both name an office
])
def test_one_line_under_both_labels_is_cut_only_where_one_cut_fits(
        text: str, expected: tuple[str, str] | None) -> None:
    assert _title_split(text) == expected


def test_a_past_office_is_not_a_title() -> None:
    assert reads_as_title("SVP, General Counsel")
    assert not reads_as_title("Former Chief Financial Officer")
