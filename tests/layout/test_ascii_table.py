"""Typed-out ASCII tables: column spans from pipes or <S><C> markers, wrapped cells joined."""

from __future__ import annotations

import pytest

from extractor.ingest.sgml import split_submission
from extractor.layout.ascii_table import (
    is_rule_line,
    parse_ascii_tables,
    parse_table_lines,
    split_captions,
)
from tests.support.paths import FIXTURE_CORPUS

LEGACY = FIXTURE_CORPUS / "real" / \
    "legacy_ascii_form4_prac_foster_2000-02_0001094891-00-000193.txt"


def grid(*cells: tuple[str, int]) -> str:
    """One typed grid line: each cell left-aligned in its width and closed by a pipe."""
    return "".join(text.ljust(width)[:width] + "|" for text, width in cells)


@pytest.fixture(scope="module")
def real_tables() -> list:
    text = split_submission(LEGACY.read_text(encoding="utf-8")).documents[0].text
    return parse_ascii_tables(text)


def test_real_filing_has_two_tables(real_tables: list) -> None:
    table1, table2 = real_tables
    assert table1.caption.startswith("Table I -- Non-Derivative Securities")
    assert table2.caption.startswith("Table II -- Derivative Securitites")
    assert table1.rows == ()  # only rule lines under Table I's marker line
    assert len(table2.columns) == 15


def test_real_table2_row_with_wrapped_cells(real_tables: list) -> None:
    table2 = real_tables[1]
    assert table2.cell_rows() == [[
        "Options to Purchase Common Stock", "$1.375", "2/7/00", "A", "V", "12,000 -", "A,D",
        "2/7/00", "2/7/05", "Common Stock", "12,000", "-", "12,000", "D", "-",
    ]]
    row = table2.rows[0]
    assert len(row.lines) == 2
    glued = [i for i, cut in enumerate(row.cut_words) if cut]
    assert glued == [0, 2, 7, 8]  # title and three dates were cut at the column edge


def test_columns_come_from_the_pipes_not_fixed_offsets(real_tables: list) -> None:
    spans = real_tables[1].columns
    assert spans[0] == (0, 22) and spans[1] == (23, 31) and spans[-1] == (119, 131)


SYNTHETIC = "\n".join([
    "<TABLE>",
    "<CAPTION>",
    "Table I -- Non-Derivative Securities",
    grid(("Title", 18), ("Date", 8), ("Amount", 8), ("D/I", 3), ("Nature", 12)),
    "_" * 55,
    "<S>               <C>      <C>      <C>    <C>",
    # word wrap: "value" would not fit after "par" -> continuation, joined with a space
    grid(("Common Stock, par", 18), ("01/05/99", 8), ("1,000", 8), ("D", 3), ("", 12)),
    grid(("value $.01", 18), ("", 8), ("", 8), ("", 3), ("", 12)),
    # a new row: "D" under "D  " had room, so this is not a continuation
    grid(("Series B Convertib", 18), ("", 8), ("250", 8), ("I", 3), ("By the Famil", 12)),
    # words cut at the column edge ("Convertib|", "Famil|") -> glued without a space
    grid(("le Stock", 18), ("", 8), ("", 8), ("", 3), ("y Trust", 12)),
    "-" * 55,
    grid(("", 18), ("", 8), ("", 8), ("", 3), ("", 12)),
    "</TABLE>",
])


def test_synthetic_two_rows_with_wrapped_cells() -> None:
    (table,) = parse_ascii_tables(SYNTHETIC)
    assert table.caption.startswith("Table I -- Non-Derivative Securities")
    assert table.cell_rows() == [
        ["Common Stock, par value $.01", "01/05/99", "1,000", "D", ""],
        ["Series B Convertible Stock", "", "250", "I", "By the Family Trust"],
    ]
    assert table.rows[0].cut_words == (False,) * 5
    assert table.rows[1].cut_words == (True, False, False, False, True)


def test_marker_columns_without_pipes() -> None:
    lines = [
        "<CAPTION>",
        "Title of Security      Date      Amount",
        "<S>                    <C>       <C>",
        "Common Stock           02/07/00  12,000",
        "Class B Common Stock   02/08/00  500",
    ]
    table = parse_table_lines(lines)
    assert table.columns[:2] == ((0, 23), (23, 33))
    assert table.cell_rows() == [["Common Stock", "02/07/00", "12,000"],
                                 ["Class B Common Stock", "02/08/00", "500"]]


def test_grid_without_table_tags() -> None:
    text = "\n".join([
        "Table II -- Derivative Securities",
        grid(("Title", 12), ("Price", 6)),
        "_" * 20,
        grid(("Warrants", 12), ("$2.50", 6)),
        "",
        "Explanation of Responses:",
    ])
    (table,) = parse_ascii_tables(text)
    assert table.caption.startswith("Table II -- Derivative Securities")
    assert table.cell_rows() == [["Warrants", "$2.50"]]


def test_split_captions_keeps_each_caption_apart() -> None:
    parts = split_captions(["_____", "<CAPTION>", "one", "<S> <C>", "<CAPTION>", "two"])
    assert [part[1] for part in parts] == ["one", "two"]


@pytest.mark.parametrize(("line", "rule"), [
    ("_" * 20 + "|", True), ("- ----------", True), ("   ", True), ("|  |  |", True),
    ("| 12 |", False), ("Table I", False),
])
def test_is_rule_line(line: str, rule: bool) -> None:
    assert is_rule_line(line) is rule


def test_a_shifted_line_is_cut_at_its_own_pipes() -> None:
    lines = [
        "<S>      <C>    <C>",
        "Warrants |$2.50 |D |",
        "Options   |$1.00|D |",  # the typist's first pipe slipped one place right
        "Rights   |$3.00 |I |",
    ]
    table = parse_table_lines(lines)
    assert table.cell_rows() == [["Warrants", "$2.50", "D"], ["Options", "$1.00", "D"],
                                 ["Rights", "$3.00", "I"]]


def test_a_word_ending_at_the_edge_is_not_glued_to_a_capitalised_word() -> None:
    lines = [
        "<S>                <C>",
        grid(("Series B Preferred", 18), ("250", 5)),
        grid(("Stock", 18), ("", 5)),
    ]
    table = parse_table_lines(lines)
    assert table.cell_rows() == [["Series B Preferred Stock", "250"]]
    assert table.rows[0].cut_words == (False, False)
