"""Table I, Table II, the explanation of responses and the signatures of an HTML view.

A table's columns are read from its printed headings: each numbered heading is matched
fuzzily to a column of the revision (:mod:`extractor.knowledge.labels`), its colspan says how
many leaf columns it has, and the sub-heading row names them ("Code | V", "(A) | (D)").  A data
row's cells (colspans expanded) then go to the leaf in the same position, and the typed cell
parsers (:func:`~extractor.fields.table_rows.parse_row_cells`) read them.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from extractor.assemble.html_view_owners import CLEAN, SOURCE, ViewLayoutError, field
from extractor.fields.dates import parse_date
from extractor.fields.table_rows import Row, leaf_columns, parse_row_cells
from extractor.ingest.html_view import HtmlView, ViewLine
from extractor.knowledge import labels as K
from extractor.layout.fuzzy import normalize_label
from extractor.layout.html_labels import LabelAt, find_label, find_labels, label_score, table_lines
from extractor.model import Footnote, Provenance, ReviewItem, Signature

_NUMBER = re.compile(r"^\d{1,2}[A-Za-z]?\.\s*")
#: The lowest similarity (0-100) of a printed column heading to the revision's.
MIN_HEADING_SCORE = 75.0
#: "1. text" as EDGAR's view numbers a footnote; "(1) text" as paper does.
_FOOTNOTE = re.compile(r"^(?:\((?P<n>\d{1,2})\)|(?P<m>\d{1,2})[.)])\s*(?P<text>.*)$")


def _heading(text: str) -> str:
    return normalize_label(_NUMBER.sub("", text.strip()))


def _match_columns(top: ViewLine, subs: ViewLine | None,
                   columns: tuple[K.Column, ...]) -> list[int]:
    """For each printed leaf position, the index of the revision's leaf it is."""
    offsets, at = [], 0
    for column in columns:
        offsets.append(at)
        at += len(column.fields)
    headings = [_heading(c.heading) for c in columns]
    sub_cells = list(subs.cells) if subs is not None else []
    used: set[int] = set()
    positions: list[int] = []
    for cell in top.cells:
        text = _heading(cell.text)
        scores = [(fuzz.ratio(text, h), i) for i, h in enumerate(headings) if i not in used]
        score, index = max(scores, default=(0.0, -1))
        if score < MIN_HEADING_SCORE:
            raise ViewLayoutError(f"column heading {cell.text!r} is not one of the table's")
        used.add(index)
        column = columns[index]
        width, span = len(column.fields), cell.colspan
        if span > width:
            raise ViewLayoutError(f"column {cell.text!r} spans {span} columns, not {width}")
        if span == 1:  # one leaf: the column's first field ("Code" where no "V" is printed)
            positions.append(offsets[index])
            continue
        for got in [sub_cells.pop(0).text if sub_cells else "" for _ in range(span)]:
            scores = [(fuzz.ratio(normalize_label(want), normalize_label(got)), i)
                      for i, want in enumerate(column.sub_headings)]
            score, leaf = max(scores, default=(0.0, -1))
            if score < 80:
                raise ViewLayoutError(f"sub-heading {got!r} is not one of {column.heading!r}")
            positions.append(offsets[index] + leaf)
    if len(used) != len(columns):
        raise ViewLayoutError("the table lacks columns of the form")
    return positions


def read_table(view: HtmlView, at: LabelAt, columns: tuple[K.Column, ...], derivative: bool,
               path: str, review: list[ReviewItem]) -> list[Row]:
    """The rows of the table titled at ``at``."""
    lines = [line for _, line in table_lines(view, at)][1:]
    headings = [line for line in lines if any(c.header for c in line.cells)]
    if not headings:  # a view that draws headings as plain cells: the rows before the data
        headings = [line for line in lines[:2]]
    top = headings[0] if headings else None
    if top is None:
        raise ViewLayoutError("table headings not found")
    positions = _match_columns(top, headings[1] if len(headings) > 1 else None, columns)
    width = len(leaf_columns(columns))
    rows: list[Row] = []
    for line in lines:
        if line in headings or not any(c.text or c.refs for c in line.cells):
            continue
        cells = [cell for cell in line.cells for _ in range(cell.colspan)]
        raw = " | ".join(c.marked_text for c in line.cells)
        if len(cells) != len(positions):
            review.append(ReviewItem(path, f"row with {len(cells)} cells under {len(positions)} "
                                           f"columns could not be read: {raw!r}"))
            continue
        ordered = [""] * width
        for cell, position in zip(cells, positions, strict=True):
            ordered[position] = cell.marked_text
        rows.append(parse_row_cells(ordered, columns, derivative, CLEAN,
                                    Provenance(SOURCE, raw_text=raw)))
    return rows


def read_footnotes(view: HtmlView, start: int) -> tuple[Footnote, ...]:
    """The numbered notes under "Explanation of Responses", up to the remarks."""
    at = find_label(view, "explanation", start=start)
    if at is None:
        return ()
    table = view.lines[at.line].table
    lines = [line for i, line in table_lines(view, at) if i > at.line] if table else []
    notes: list[list] = []
    for line in lines:
        text = line.text
        if label_score(text, "remarks") >= 90 or \
                label_score(text, "signature_of_reporting_person") >= 90:
            break
        if m := _FOOTNOTE.match(text):
            notes.append([int(m["n"] or m["m"]), m["text"]])
        elif notes and text:
            notes[-1][1] += " " + text
    seen: set[int] = set()
    out = []
    for number, text in notes:
        note = " ".join(text.split())
        flag = f"footnote {number} is printed twice" if number in seen else None
        seen.add(number)
        out.append(Footnote(f"F{number}", field(note, note, CLEAN, flag)))
    return tuple(out)


def read_signatures(view: HtmlView, start: int) -> tuple[Signature, ...]:
    """Each signature row above the "** Signature of Reporting Person" / "Date" captions."""
    captions = find_labels(view, "signature_of_reporting_person", start=start)
    if not captions:
        return ()
    cap = captions[0]
    caption = view.lines[cap.line]
    date_at = next((i for i, c in enumerate(caption.cells)
                    if i != cap.cell and label_score(c.text, "signature_date") >= 95), None)
    rows: list[ViewLine] = []
    for line in reversed(view.lines[start:cap.line]):
        if line.table != caption.table or not line.in_row:
            break
        rows.insert(0, line)
    out = []
    for row in rows:
        if not row.text or len(row.cells) != len(caption.cells):
            continue
        name = row.cells[cap.cell].text
        raw_date = row.cells[date_at].text if date_at is not None else ""
        date = parse_date(raw_date) if raw_date else None
        if not name and not raw_date:
            continue
        name_field = field(name, row.text) if name else \
            field(None, row.text, 0.0, "signature has a date but no name")
        date_field = field(date, raw_date) if date else \
            field(None, raw_date, 0.0, f"no date readable in {raw_date!r}")
        out.append(Signature(name_field, date_field))
    return tuple(out)


__all__ = ["read_footnotes", "read_signatures", "read_table"]
