"""A cell's text from its words: footnote markers set level with the text, as typed text and
``pdftotext -layout`` print a superscript, written as markers."""

from __future__ import annotations

from extractor.assemble.page_cells import cell_text
from extractor.ingest.page import Word


def _word(text: str, column: int, line: int = 0) -> Word:
    return Word(text, column * 6.0, (column + len(text)) * 6.0, line * 12.0 + 1.5,
                line * 12.0 + 10.5, 1, 1.0, 10.0)


def test_digits_after_a_number_are_its_markers() -> None:
    assert cell_text([_word("294,840.00", 0), _word("6", 11)], 9.0) == "294,840.00 (6)"
    assert cell_text([_word("560,000.00", 0), _word("1,2,3", 11)], 9.0) == \
        "560,000.00 (1)(2)(3)"


def test_digits_on_a_line_of_their_own_over_a_number_are_its_markers() -> None:
    assert cell_text([_word("4", 2), _word("1,414,849.00", 0, 1)], 9.0) == "(4) 1,414,849.00"


def test_digits_in_text_stay_text() -> None:
    assert cell_text([_word("Series", 0), _word("2", 7)], 9.0) == "Series 2"
    assert cell_text([_word("See", 0), _word("Footnotes(", 4), _word("1)(2)", 0, 1)],
                     9.0) == "See Footnotes(1)(2)"
