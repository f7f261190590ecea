"""Table I and Table II of reading-order text: rows read from their cells' types.

Plain ``pdftotext`` prints every cell of a table as a paragraph of its own, row after row, and
drops the empty ones; tesseract prints a row as a line, a wrapped title running on below it.
Either way the headings are the form's printed words and the cells are typed values, so the
values are split into rows where a title starts, and each row is read by
:func:`~extractor.fields.table_rows.parse_row_words` from the types of its words.  A row the
grammar cannot read, or whose cells of two rows ran together, is kept only as a review item.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from extractor.assemble.reading_order_cells import (
    cell_kind,
    cell_kinds,
    cell_words,
)
from extractor.assemble.reading_order_columns import (
    code_after_dates,
    end_in_order,
    place_columns_apart,
)
from extractor.assemble.reading_order_paragraphs import TextCell as _Cell
from extractor.assemble.reading_order_paragraphs import value_cells
from extractor.assemble.reading_order_refs import (
    flag_lone_markers,
    markers_before_dates,
)
from extractor.fields.footnote_refs import split_footnote_refs
from extractor.fields.table_rows import Row, parse_row_words
from extractor.knowledge.codes import DIRECT_INDIRECT_CODES, ROW_TRANSACTION_CODES
from extractor.layout.reading_order import Line, is_value
from extractor.model import DerivativeRow, Field, NonDerivativeRow, Provenance, ReviewItem

SOURCE = "text-dump"
#: Confidence of a cell read from reading-order text: the characters are the text's, the
#: cell's place is the grammar's.
ROW_CONFIDENCE = 0.9

_TITLE = re.compile(
    r"(?i)^\W*(?:table\s*\S{1,3}\s*[-–—:.]?\s*)?(?P<non>non\s*-?\s*)?derivative\s+securities"
    r"\s+acquired\s*,?\s*disposed")
_EXPLANATION = re.compile(r"(?i)^\W*explanation\s+of\s+responses")
_TABLE_END = re.compile(r"(?i)^\W*(?:reminder\b|remarks\b|\*+\s*signature|/s/)")
_REF = re.compile(r"^(\(\d{1,2}\))+$")


@dataclass(frozen=True, slots=True)
class TableRegions:
    """Line ranges ``[start, end)`` of Table I and Table II (None when not printed)."""

    table1: tuple[int, int] | None
    table2: tuple[int, int] | None
    #: Index of the first line after the tables (where the notes begin).
    end: int


def table_regions(lines: Sequence[Line]) -> TableRegions:
    """Where the two tables' titles stand and where each table ends."""
    starts: dict[str, int] = {}
    for index, line in enumerate(lines):
        m = _TITLE.match(line.text)
        if m:
            starts.setdefault("table1" if m["non"] else "table2", index)
    explanation = next((i for i, line in enumerate(lines) if _EXPLANATION.match(line.text)),
                       len(lines))
    after = [s for s in starts.values()]
    regions: dict[str, tuple[int, int] | None] = {"table1": None, "table2": None}
    for key, start in starts.items():
        later = [s for s in after if s > start]
        end = min([*later, explanation if explanation > start else len(lines)])
        stop = next((i for i in range(start + 1, end) if _TABLE_END.match(lines[i].text)), end)
        regions[key] = (start + 1, stop)
    ends = [r[1] for r in regions.values() if r is not None]
    return TableRegions(regions["table1"], regions["table2"], max(ends) if ends else 0)


def _split_rows(cells: list[_Cell], derivative: bool, notes: int = 0,
                ) -> tuple[list[list[_Cell]], list[str]]:
    """Cells grouped into rows, each starting with its title (or, for a row whose title the
    text prints apart, with its first value); and the doubts found."""
    rows: list[list[_Cell]] = []
    orphans: list[_Cell] = []  # values before any title: the first row's, printed apart?
    for position, cell in enumerate(cells):
        follows = cells[position + 1] if position + 1 < len(cells) else None
        if not rows:
            if cell.is_text:
                rows.append([cell])
            else:
                orphans.append(cell)
            continue
        current = rows[-1]
        if cell.is_text and orphans and len(rows) == 1 and not _complete(current, derivative):
            # the first row's end, printed above its start; before it may stand a heading's
            # residue ("4 & 5)"), left as a doubt
            for start in range(len(orphans)):
                tail = _as_markers(orphans[start:], notes)
                if _complete([*current, *tail], derivative):
                    current += tail
                    orphans = orphans[:start]
                    break
        last = _last_code(current)
        if cell.is_text and last in DIRECT_INDIRECT_CODES and any(not c.is_text
                                                                  for c in current):
            if last == "I" and not _has_nature(current) and (follows is None or
                                                                follows.is_text):
                current.append(cell)  # the nature of an indirect holding, after its D/I
                continue
            rows.append([cell])
        elif cell.is_text and _has_nature(current):
            rows.append([cell])
        elif not cell.is_text and _complete(current, derivative) and \
                not _complete([*current, cell], derivative):
            rows.append([cell])  # a row whose title stands apart from its values
        else:
            current.append(cell)  # Table II's underlying title, or a wrapped cell
    return rows, [f"value {cell.raw!r} stands before any security title" for cell in orphans]


def _as_markers(cells: list[_Cell], notes: int) -> list[_Cell]:
    """``cells`` with a first cell that is a bare number no larger than the footnotes' count
    read as a marker: a superscript printed apart from its code."""
    first = cells[0].words if cells else []
    if len(first) == 1 and first[0].isdigit() and 1 <= int(first[0]) <= notes:
        return [_Cell([f"({int(first[0])})"], cells[0].raw), *cells[1:]]
    return cells


def _complete(cells: list[_Cell], derivative: bool) -> bool:
    """Whether the cells make a whole row, up to its D or I."""
    if not cells or not cells[0].is_text or _last_code(cells) not in DIRECT_INDIRECT_CODES:
        return False
    row, _ = parse_row_words([w for c in cells for w in c.words], derivative, ROW_CONFIDENCE,
                             Provenance(SOURCE))
    return row is not None


def _last_code(cells: list[_Cell]) -> str | None:
    words = [w for c in cells for w in c.words if cell_kind(w) != "ref"]
    return split_footnote_refs(words[-1])[0].upper() if words else None


def _has_nature(cells: list[_Cell]) -> bool:
    return len(cells) > 1 and cells[-1].is_text


def _is_row_line(words: list[str]) -> bool:
    """A table row printed as one line: a title's word first, then a date and amounts."""
    kinds = cell_kinds(words)
    return len(words) >= 5 and kinds[0] == "text" and "date" in kinds and "amount" in kinds


def _line_rows(lines: Sequence[Line], derivative: bool,
               ) -> tuple[list[list[_Cell]], list[str]]:
    """Rows printed as lines (an OCR engine's reading): each row line with the words of the
    lines after it that hold only text, a title wrapped in its cell, put back on its title."""
    rows: list[list[_Cell]] = []
    doubts: list[str] = []
    for line in lines:
        words = cell_words(line.text)
        if not words or not is_value(line.text):
            continue
        if _is_row_line(words):
            kinds = cell_kinds(words)
            cut = next(i for i, k in enumerate(kinds) if k != "text")
            rows.append([_Cell(words[:cut], " ".join(words[:cut])),
                         _Cell(words[cut:], " ".join(words[cut:]))])
            continue
        if not rows:
            continue  # a heading's words before the first row
        kinds = cell_kinds(words)
        if not set(kinds) <= {"text", "ref"} or len(words) > 4:
            doubts.append(f"line {line.text!r} stands among the rows")
            rows[-1].append(_Cell(["?"], line.text))  # a wrapped title may lack a word
            continue
        title, rest = rows[-1][0], rows[-1][1]
        owned = split_footnote_refs(rest.words[-1])[0].upper() if rest.words else ""
        if derivative or owned not in DIRECT_INDIRECT_CODES:
            doubts.append(f"which column the wrapped words {line.text!r} belong to is not "
                          "shown")
            rows[-1].append(_Cell(["?"], line.text))  # makes the row unreadable, not wrong
            continue
        title.words += words
        title.raw += "\n" + line.text
    return rows, doubts


def _unwrapped_titles(groups: list[list[_Cell]]) -> set[int]:
    """Rows printed as lines whose title has no second line where other rows' titles have one:
    its second line may be lost to the engine."""
    wrapped = ["\n" in group[0].raw for group in groups]
    return {i for i, w in enumerate(wrapped) if not w} if any(wrapped) else set()


def read_table(lines: Sequence[Line], region: tuple[int, int] | None, derivative: bool,
               by_lines: bool = False, notes: int = 0,
               ) -> tuple[tuple[Row, ...], list[ReviewItem]]:
    """The rows of one table and review items for what could not be read; ``by_lines``: the
    text prints each row as a line (an OCR engine's reading); ``notes``: how many footnotes
    the text explains (bare numbers up to it after a value are its markers)."""
    if region is None:
        return (), []
    name = "derivative_table" if derivative else "non_derivative_table"
    apart: list[str] = []
    if by_lines:
        groups, doubts = _line_rows(lines[region[0]:region[1]], derivative)
    else:
        groups, doubts = _split_rows(value_cells(lines[region[0]:region[1]], notes),
                                     derivative, notes)
        groups, apart = place_columns_apart(groups, _last_code)
        doubts += apart
    review = [ReviewItem(name, doubt) for doubt in doubts]
    rows: list[Row] = []
    failed = 0
    failed_at: list[int] = []
    lost = False  # a failed row lacks its title or its D or I: its cells stand anywhere
    short_titles = _unwrapped_titles(groups) if by_lines else set()
    for index, group in enumerate(groups):
        raw = " | ".join(c.raw.replace("\n", " ") for c in group)
        if all(c.is_text for c in group):  # text after the rows: a column printed apart
            review.append(ReviewItem(name, f"text {raw!r} stands apart from the rows"))
            continue
        words = markers_before_dates([w for c in group for w in c.words], notes)
        row, reason = parse_row_words(words, derivative, ROW_CONFIDENCE,
                                      Provenance(SOURCE, raw_text=raw))
        if row is None and (moved := code_after_dates(words, cell_kinds(words))) != words:
            row, _ = parse_row_words(moved, derivative, ROW_CONFIDENCE,
                                     Provenance(SOURCE, raw_text=raw))
        if row is None and (ended := end_in_order(group, _is_owned_code)) is not group:
            moved = markers_before_dates([w for c in ended for w in c.words], notes)
            row, _ = parse_row_words(moved, derivative, ROW_CONFIDENCE,
                                     Provenance(SOURCE, raw_text=raw))
        if row is None or not _plausible(row, group):
            failed += 1
            failed_at.append(len(rows))
            lost = lost or not _holds_its_ends(group)
            why = reason or "its cells do not make a row of this table"
            review.append(ReviewItem(name, f"row {raw!r} could not be read: {why}"))
            rows.append(_unread_row(group[0], derivative, why))
            continue
        if _last_code(group) == "I" and row.nature_of_ownership.value is None:
            row = dataclasses.replace(row, nature_of_ownership=Field(
                None, 0.0, Provenance(SOURCE, raw_text=raw), (),
                "an indirect holding whose nature of ownership the text does not show beside "
                "it"))
        row = flag_lone_markers(_flag_cut_titles(row, group), notes)
        if index and _title_may_hold_leftover(groups[index - 1], group) and \
                not row.security_title.needs_review:
            row = dataclasses.replace(row, security_title=row.security_title.flagged(
                "the title is joined from separate paragraphs right after a row that ends in "
                "its D or I: the first may be the row above's"))
        if index in short_titles and not row.security_title.needs_review:
            row = dataclasses.replace(row, security_title=row.security_title.flagged(
                "the other rows' titles run on to a second line; this one's does not show"))
        rows.append(row)
    if (failed or apart) and not by_lines:  # a row's cells elsewhere: rows in doubt
        reason = (f"{failed} of the table's {len(groups)} rows could not be read: the text's "
                  "order may have put cells of one row into another") if failed else \
            f"the table's cells are not all in their rows' order: {apart[0]}"
        # a failed row that holds its title and its D or I kept its own cells, in an order
        # the grammar does not read: only the rows beside it may share them; one that lacks
        # either lost cells to any row, as cells printed apart do
        near = set(range(len(rows))) if apart or lost else \
            {i + step for i in failed_at for step in (-1, 0, 1)} | _odd_shapes(rows, failed_at)
        rows = [_distrust(row, reason) if i in near else row for i, row in enumerate(rows)]
    return tuple(rows), review


def _odd_shapes(rows: list[Row], failed_at: list[int]) -> set[int]:
    """The read rows whose filled columns are not the ones most read rows fill: a row that
    took in a failed row's cell, or lost one to it, stands out so."""
    shapes = {i: frozenset(name for name in row.__dataclass_fields__
                           if isinstance(f := getattr(row, name), Field) and f.value is not None)
              for i, row in enumerate(rows) if i not in failed_at}
    common = Counter(shapes.values()).most_common(1)
    return {i for i, shape in shapes.items() if not common or shape != common[0][0]}


def _is_owned_code(cell: _Cell) -> bool:
    """A cell that is a lone D or I with its markers."""
    return not cell.is_text and bool(cell.words) and \
        split_footnote_refs(cell.words[0])[0].upper() in DIRECT_INDIRECT_CODES and \
        all(_REF.match(w) for w in cell.words[1:])


def _holds_its_ends(group: list[_Cell]) -> bool:
    """Whether a row's cells start with its title and hold a lone D or I: its cells are
    likely all its own, only in an order the grammar does not read."""
    return group[0].is_text and any(_is_owned_code(cell) for cell in group)


def _title_may_hold_leftover(before: list[_Cell], group: list[_Cell]) -> bool:
    """Whether ``group``'s title is joined from two or more text paragraphs while the row
    before ends in its D or I: a word of that row (a wrapped title, a nature printed apart)
    may lead the title."""
    return len(group) >= 2 and group[0].is_text and group[1].is_text and \
        bool(before) and not before[-1].is_text and \
        _last_code(before) in DIRECT_INDIRECT_CODES


def _flag_cut_titles(row: Row, group: list[_Cell]) -> Row:
    """``row`` with an underlying title flagged when it shares its line with a number
    ("Ordinary 100,000.0000"): the line cut the cell, whose other words may stand elsewhere."""
    field = getattr(row, "underlying_security_title", None)
    if not isinstance(field, Field) or field.value is None or field.needs_review:
        return row
    for cell in group:
        if "\n" in cell.raw:
            continue  # its wrapped line was put back: the title is whole
        kinds = cell_kinds(cell.words)
        text = " ".join(w for w, k in zip(cell.words, kinds, strict=True) if k == "text")
        if "text" in kinds and {"amount", "date"} & set(kinds) and text == field.value:
            changes: dict[str, Any] = {"underlying_security_title": field.flagged(
                f"the title shares the line {cell.raw!r} with a number: its other words may "
                "stand elsewhere")}
            return dataclasses.replace(row, **changes)
    return row


def _distrust(row: Row, reason: str) -> Row:
    changes: dict[str, Any] = {name: field.flagged(reason) for name in row.__dataclass_fields__
               if isinstance(field := getattr(row, name), Field) and
               (field.value is not None or field.footnote_ids) and not field.needs_review}
    return dataclasses.replace(row, **changes)


def _plausible(row: Row, group: list[_Cell]) -> bool:
    """A row whose every filled value parsed, whose codes are the form's, and whose free text
    (title, underlying title, nature) is words with markers only at its end."""
    names = {" ".join(cell.words) for cell in group if cell.is_text}
    for name in ("security_title", "nature_of_ownership", "underlying_security_title"):
        field = getattr(row, name, None)
        raw = field.provenance.raw_text if field is not None and field.provenance else None
        if field is not None and field.value is not None and raw and raw not in names and \
                not _is_free_text(raw):
            return False
    code = row.transaction_code.value
    if code is not None and code not in ROW_TRANSACTION_CODES:
        return False
    owned = row.direct_or_indirect_ownership.value
    if owned is not None and owned not in DIRECT_INDIRECT_CODES:
        return False
    title = row.security_title.value
    if not title or not re.search(r"[A-Za-z]{2}", str(title)):
        return False
    return not any(f.needs_review for f in _fields(row))


def _is_free_text(raw: str) -> bool:
    words = raw.split()
    while words and _REF.match(words[-1]):
        words.pop()
    kinds = cell_kinds(words)
    return bool(words) and not any(
        kind in ("date", "ref") or (kind == "amount" and i in (0, len(words) - 1))
        or (kind == "code" and i == len(words) - 1 and i > 0) for i, kind in enumerate(kinds))


def _fields(row: Row) -> list[Field]:
    return [getattr(row, name) for name in row.__dataclass_fields__
            if isinstance(getattr(row, name), Field)]


def _unread_row(title: _Cell, derivative: bool, why: str) -> Row:
    """A row the text could not give: its title kept, flagged, for a reviewer to find it."""
    text, refs = split_footnote_refs(" ".join(title.words))
    field = Field(text or None, 0.5, Provenance(SOURCE, raw_text=title.raw), refs,
                  f"the row's cells could not be told apart ({why})")
    cls = DerivativeRow if derivative else NonDerivativeRow
    return cls(security_title=field)
