"""Table I and Table II of a text dump: which lines are rows, and how each row is read.

A markdown row whose cells line up with the table's leaf columns, each cell fitting its
column's type, is read by position.  Any other row (cells dropped, merged or split by the
converter) is read by the types of its cells (:mod:`extractor.fields.cell_alignment`); a line
of plain words by the typed word grammar of :mod:`extractor.fields.table_rows`.  What none of
them reads is a review item, never a shifted row.
"""

from __future__ import annotations

import dataclasses
import re

from extractor.assemble.text_fields import CLEAN, SOURCE
from extractor.assemble.text_row_wraps import add_wrap, cell_columns, is_wrap_line
from extractor.fields.cell_alignment import align_row, fits_positions, read_row_by_types
from extractor.fields.dates import find_dates, parse_date
from extractor.fields.footnote_refs import split_footnote_refs
from extractor.fields.ocr_repair import repair_code
from extractor.fields.table_rows import Row, leaf_columns, parse_row_cells, parse_row_words
from extractor.ingest.text_dump import TextLine
from extractor.knowledge import labels as K
from extractor.knowledge.codes import DIRECT_INDIRECT_CODES
from extractor.layout.text_boxes import TextLayout
from extractor.layout.text_regions import Region, table_regions
from extractor.model import DerivativeRow, NonDerivativeRow, Provenance, ReviewItem


def read_tables(layout: TextLayout) -> tuple[tuple[NonDerivativeRow, ...],
                                              tuple[DerivativeRow, ...], list[ReviewItem]]:
    review: list[ReviewItem] = []
    region1, region2 = table_regions(layout)
    rows1 = _read_table(region1, layout.revision, False, "non_derivative_table", review)
    rows2 = _read_table(region2, layout.revision, True, "derivative_table", review)
    return tuple(rows1), tuple(rows2), review  # type: ignore[arg-type]


def _is_data_line(line: TextLine) -> bool:
    """A row with values, not a heading: it holds a real date or a D/I ownership cell."""
    text = line.text
    if re.search(r"Month/|Instr\.|Title of", text, re.IGNORECASE):
        return False
    if find_dates(text) or (line.is_table_row and _SPELLED_DATE.search(text)):
        return True
    # A holding has no date: an amount and a D or I ownership cell (or word) make it a row.
    # In a grid's cell, an OCR look-alike of D or I ("l", "0") counts; the cell parser decides.
    if line.is_table_row:
        owned = any(len(c) <= 2 and repair_code(c, DIRECT_INDIRECT_CODES)
                    for c in (split_footnote_refs(c)[0] for c in line.cells))
        # (not "(D)": that is the heading of column 4)
        # A holding whose D / I cell OCR lost still has its amounts in their cells: read (and
        # its empty cell flagged), not dropped unseen.
        owned = owned or sum(bool(_AMOUNT_CELL.fullmatch(c.strip())) for c in line.cells) >= 2
    else:
        owned = any(t in ("D", "I") for t in text.split())
    return owned and bool(re.search(r"\d", text))


#: A cell holding an amount alone: "8,635", "$0.00", "18,509,696 (3)".
_AMOUNT_CELL = re.compile(r"\$?\d[\d,.]*(?:\s*\(\d+\))*")


#: A cell a typist marks "nothing to report" ("-", "N/A"): no value, and no word to walk.
_EMPTY_MARK = re.compile(r"-{1,3}|N/?A|n/a|None")
#: A date with its month spelled ("Aug. 24, 2019"): one date, though it is three words.
_SPELLED_DATE = re.compile(r"\b[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\b")


def _typed_words(cells: list[str]) -> list[str]:
    """The words of a row's cells as the typed word grammar reads them: empty marks left
    out, a spelled date as one word (MM/DD/YYYY)."""
    text = " ".join(c for c in cells if c and not _EMPTY_MARK.fullmatch(c.strip()))

    def numeric(match: re.Match[str]) -> str:
        date = parse_date(match[0])
        return f"{date:%m/%d/%Y}" if date else match[0]

    # "$ 0": a converter that spaces a price's dollar sign from its digits (one word, "$0")
    text = _DOLLAR_SPACED.sub("$", text)
    return _SPELLED_DATE.sub(numeric, text).split()


#: A dollar sign a space away from the amount it stands before.
_DOLLAR_SPACED = re.compile(r"\$\s+(?=\d)")


#: A one-letter cell (a code, A/D, D/I) with a footnote marker run into it: "M1", "D5".
_GLUED_LETTER = re.compile(r"^(\s*[A-Z])(\d{1,2})(\s*)$")


def _unglued(line: TextLine) -> TextLine:
    """``line`` with each one-letter cell's glued footnote marker set apart: "M1" -> "M (1)"."""
    def fix(text: str) -> str:
        return " ".join(_GLUED_LETTER.sub(r"\1 (\2)\3", w) for w in text.split(" "))

    cells = tuple(fix(c) for c in line.cells)
    return line if cells == line.cells else dataclasses.replace(line, cells=cells)


def _read_table(region: Region | None, revision: K.FormRevision, derivative: bool,
                path: str, review: list[ReviewItem]) -> list[Row]:
    if region is None:
        return []
    columns = revision.table2 if derivative else revision.table1
    rows: list[Row] = []
    fields = [name for name, _ in leaf_columns(columns)]
    width = len(fields)
    # The cells of the row just read (None: not read by position), while lines may wrap it.
    wraps: tuple[tuple[str | None, ...] | None] | None = None
    for line in region.lines:
        if not _is_data_line(line):
            if wraps is not None and rows and is_wrap_line(line, revision):
                rows[-1] = add_wrap(rows[-1], line, wraps[0])
            else:
                wraps = None
            continue
        wraps, count = (None,), len(rows)
        provenance = Provenance(SOURCE, raw_text=line.text)
        line = _unglued(line)
        cells = list(line.cells)
        while len(cells) > width and not cells[-1]:
            cells.pop()  # a wide markdown grid pads rows with empty cells on the right
        # A row one cell wider than the table may be a cell split in two: positions then lie.
        padded = len(line.cells) == width + 1
        if line.is_table_row and not padded and fits_positions(cells, fields):
            # Cells line up with the leaf columns, each of its column's type.
            rows.append(parse_row_cells(cells, columns, derivative, CLEAN, provenance))
            wraps = (tuple(fields[:len(line.cells)]) + (None,) * (len(line.cells) - width),)
            continue
        # Merged, lost or extra cells: positions lie, the cells' types place them.
        aligned = read_row_by_types(list(line.cells) if padded else cells, columns, derivative,
                                    provenance) if line.is_table_row else None
        if aligned is not None:
            rows.append(aligned)
            best = align_row(list(line.cells) if padded else cells, fields)[0]
            wraps = (cell_columns(line.cells, best.cells, fields),)
            continue
        if line.is_table_row and len(cells) == width:  # read as laid out, bad cells flagged
            rows.append(parse_row_cells(cells, columns, derivative, CLEAN, provenance))
            wraps = (tuple(fields) + (None,) * (len(line.cells) - width),)
            continue
        words = _typed_words(cells)
        row, reason = parse_row_words(words, derivative, 0.85, provenance)
        if row is None:
            review.append(ReviewItem(path, f"row on line {line.line_number} could not be read "
                                           f"({reason}): {line.text!r}"))
        else:
            rows.append(row)
        if len(rows) == count:
            wraps = None  # a line that is no row: nothing after it continues a row
    return rows
