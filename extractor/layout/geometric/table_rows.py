"""A table's body lines grouped into rows and cut into cells at the column boundaries.

Rows are the lines under the headings; a line joins the row above unless it prints a value
in a column that row has filled, or a rule or a wide gap parts them, so cells that wrap onto
several lines stay one cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractor.ingest.page import Word
from extractor.layout.geometric.lines import Rules, group_lines, line_height

if TYPE_CHECKING:
    from extractor.layout.geometric.tables import LeafColumn


#: Fields that hold free text, which wraps; every other cell holds one short value (the
#: Reporting Owners table's name-and-address, officer and other columns included).
TEXT_FIELDS = frozenset({"security_title", "nature_of_ownership", "underlying_security_title",
                         "owner", "officer", "other"})
#: A row's lines are at most this many line heights apart.
ROW_GAP = 1.1


@dataclass(slots=True)
class TableRow:
    """One row: each leaf column's words, in reading order."""

    cells: list[list[Word]]
    page: int

    @property
    def words(self) -> list[Word]:
        return [w for cell in self.cells for w in cell]


def _column_of(word: Word, cuts: list[float]) -> int:
    for index, cut in enumerate(cuts):
        if word.cx < cut:
            return index
    return len(cuts)


_MARKERS = re.compile(r"^(\(\d{1,2}\))+$|^\d{1,2}$")


def _valued(cell: list[Word]) -> bool:
    return any(not _MARKERS.match(w.text) for w in cell)


def group_rows(body: list[Word], columns: Sequence[LeafColumn], cuts: list[float],
          rules: Rules) -> list[TableRow]:
    """The body's lines grouped into rows.

    Where rules part the rows (a ruled table), a row is what lies between two rules.  Without
    them a line starts a row when it prints a value in a column the row above has filled, or
    stands apart from it; a line of text alone (a title wrapped onto it) goes with the nearer
    of the rows above and below it.
    """
    if not columns or not body:
        return []
    page = body[0].page
    left, right = columns[0].x0, columns[-1].x1
    lines = group_lines(body)
    cells_of = []
    for line in lines:
        cells: list[list[Word]] = [[] for _ in columns]
        for word in line:
            cells[_column_of(word, cuts)].append(word)
        cells_of.append(cells)
    tops = [min(w.top for w in line) for line in lines]
    bottoms = [max(w.bottom for w in line) for line in lines]
    ruled = any(rules.horizontal_between(bottoms[i - 1] - 0.5, tops[i] + 0.5, left, right)
                for i in range(1, len(lines)))
    rows: list[TableRow] = []
    text_only: list[bool] = []
    for i, cells in enumerate(cells_of):
        line = lines[i]
        only_markers = all(_MARKERS.match(w.text) for w in line)
        new = not rows
        if rows and not only_markers:
            current = rows[-1]
            # (a footnote marker alone fills no cell: it may sit above its value, raised)
            filled_again = any(_valued(cells[c]) and _valued(current.cells[c]) and
                               columns[c].field not in TEXT_FIELDS
                               for c in range(len(columns)))
            parted = rules.horizontal_between(bottoms[i - 1] - 0.5, tops[i] + 0.5, left, right)
            far = tops[i] - bottoms[i - 1] > ROW_GAP * line_height(line)
            new = filled_again or parted if ruled else filled_again or far
        if new:
            rows.append(TableRow([list(c) for c in cells], page))
            text_only.append(all(not c or columns[k].field in TEXT_FIELDS
                                 for k, c in enumerate(cells)))
        else:
            for c, cell in enumerate(cells):
                rows[-1].cells[c].extend(cell)
            text_only[-1] = text_only[-1] and all(not c or columns[k].field in TEXT_FIELDS
                                                  for k, c in enumerate(cells))
    return rows if ruled else _place_text_rows(rows, text_only)


def _place_text_rows(rows: list[TableRow], text_only: list[bool]) -> list[TableRow]:
    """Rows of text alone joined to the nearer of their neighbours (rule-less tables)."""
    out: list[TableRow] = []
    for index, row in enumerate(rows):
        if not text_only[index] or len(rows) == 1:
            out.append(row)
            continue
        top = min(w.top for w in row.words)
        bottom = max(w.bottom for w in row.words)
        above = out[-1] if out else None
        below = rows[index + 1] if index + 1 < len(rows) and not text_only[index + 1] else None
        gap_above = top - max(w.bottom for w in above.words) if above else float("inf")
        gap_below = min(w.top for w in below.words) - bottom if below else float("inf")
        if above is None and below is None:
            out.append(row)
        elif gap_above <= gap_below and above is not None:
            for c, cell in enumerate(row.cells):
                above.cells[c].extend(cell)
        else:
            assert below is not None
            for c, cell in enumerate(row.cells):
                below.cells[c][:0] = cell
    return out
