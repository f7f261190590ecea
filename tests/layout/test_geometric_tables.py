"""Typed tables laid out from their headings: a heading typed as its number and first
sub-column ("3. Code", "V"), columns parted by the breaks in the rule under the headings, and
headings wrapped over more lines than were matched kept out of the rows."""

from __future__ import annotations

from extractor.ingest.text_grid import text_pages
from extractor.knowledge import labels as K
from extractor.layout.geometric.lines import Rules
from extractor.layout.geometric.tables import TableLayout, lay_out_table

#: Each column: its width, its heading's lines, its two rows' cells.
COLUMNS = (
    (16, ("1. Title of", "Security (Instr.", "3)"), ("Common Stock (1)",) * 2),
    (10, ("2. Transac", "tion Date", "(Month/Day", "/Year)"), ("05-04-2022",) * 2),
    (9, ("2A.", "Deemed", "Execution", "Date, if", "any"), ("--",) * 2),
    (9, ("3. Code",), ("S",) * 2),
    (3, ("V",), ("",) * 2),
    (9, ("4. Amount",), ("9,136", "5,316")),
    (9, ("(A) or", "(D)"), ("D",) * 2),
    (10, ("Price",), ("159.94 (2)", "160.82 (3)")),
    (9, ("5. Amount", "Beneficia", "lly Owned", "Following", "Reported", "Trans.",
         "(Instr. 3", "and 4)"), ("468,198", "462,882")),
    (9, ("6.", "Ownership", "Form", "(D/I)"), ("D",) * 2),
    (10, ("7. Nature", "of", "Indirect", "Beneficial", "Ownership"), ("--",) * 2),
)


def _typed(ruled: bool) -> str:
    """The table typed column by column, two spaces apart, its headings underlined or not."""
    depth = max(len(heading) for _, heading, _ in COLUMNS)
    lines = ["  ".join((heading[i] if i < len(heading) else "").ljust(width)
                       for width, heading, _ in COLUMNS) for i in range(depth)]
    if ruled:
        lines.append("  ".join("-" * width for width, _, _ in COLUMNS))
    lines += ["  ".join(cells[r].ljust(width) for width, _, cells in COLUMNS)
              for r in range(2)]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _table(text: str) -> TableLayout | None:
    page, = text_pages(text)
    rules = Rules.from_rects(page.rects, page.width, page.height)
    return lay_out_table("table1", K.TABLE1_2002, page.words, rules, set())


def test_sub_columns_typed_as_headings_are_found() -> None:
    table = _table(_typed(ruled=True))
    assert table is not None and not table.missing
    assert all(column.found for column in table.columns)


def test_rows_under_the_headings_rule_read_cell_by_cell() -> None:
    table = _table(_typed(ruled=True))
    assert table is not None
    cells = [[" ".join(w.text for w in cell) for cell in row.cells] for row in table.rows]
    assert cells == [
        ["Common Stock (1)", "05-04-2022", "--", "S", "", "9,136", "D", "159.94 (2)",
         "468,198", "D", "--"],
        ["Common Stock (1)", "05-04-2022", "--", "S", "", "5,316", "D", "160.82 (3)",
         "462,882", "D", "--"]]


def test_headings_wrapped_past_their_match_are_no_row_without_a_rule() -> None:
    table = _table(_typed(ruled=False))
    assert table is not None
    assert len(table.rows) == 2
    assert table.rows[0].cells[8][0].text == "468,198"
