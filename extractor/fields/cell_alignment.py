"""Align a table row's cells to the table's columns by the types of the cells.

A converter may drop a row's empty cells, merge two neighbouring cells into one or split one
cell in two, so a cell's position no longer says its column.  Its *type* still does: every
leaf column holds one kind of value (:data:`COLUMN_TYPES`: a title, a date, a code, the V mark,
an amount, A or D, D or I, nature text), and the cells keep the columns' order.  The row is
read by the cheapest sequence alignment of cells to columns that allows

* a column with no cell (a dropped empty cell; dearer for a column the form requires),
* one cell spread over two or three neighbouring columns (a merge, cut at a space),
* two neighbouring cells in one column (a split),
* an empty cell over no column.

A row is either a *transaction* (date, code and amount required) or a *holding* (no date, code
or transaction amount: title, amount owned, D or I).  The two cheapest alignments are read;
where they read a field differently and cost about the same, the text does not say which is
right, and that field is flagged with the reason instead of taking either.
"""

from __future__ import annotations

import dataclasses
import heapq
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extractor.fields.amounts import parse_amount
from extractor.fields.cells import EMPTY_MARK
from extractor.fields.dates import parse_date
from extractor.fields.footnote_refs import split_footnote_refs
from extractor.fields.table_rows import Row, leaf_columns, parse_row_cells
from extractor.knowledge.codes import (
    ACQUIRED_DISPOSED_CODES,
    DIRECT_INDIRECT_CODES,
    ROW_TRANSACTION_CODES,
)
from extractor.knowledge.labels import Column
from extractor.model import Field, Provenance

#: The type of each row field's column.
COLUMN_TYPES: dict[str, str] = {
    "security_title": "text", "underlying_security_title": "text", "nature_of_ownership": "text",
    "transaction_date": "date", "deemed_execution_date": "date", "exercise_date": "date",
    "expiration_date": "date", "transaction_code": "code", "transaction_timeliness": "v",
    "transaction_shares": "amount", "transaction_price_per_share": "price",
    "conversion_or_exercise_price": "price", "underlying_security_shares": "amount",
    "shares_owned_following_transaction": "amount",
    "transaction_acquired_disposed_code": "ad", "direct_or_indirect_ownership": "di",
}
#: Fields the form requires in a transaction row, and in a holding row (Table I's holding has
#: no transaction columns; Table II's keeps its exercise dates and underlying security).
REQUIRED = {
    "transaction": frozenset({"security_title", "transaction_date", "transaction_code",
                              "underlying_security_title", "underlying_security_shares",
                              "shares_owned_following_transaction",
                              "direct_or_indirect_ownership"}),
    "holding": frozenset({"security_title", "underlying_security_title",
                          "underlying_security_shares", "shares_owned_following_transaction",
                          "direct_or_indirect_ownership"}),
}
#: Fields a holding row never fills.
_NOT_IN_HOLDING = frozenset({"transaction_date", "deemed_execution_date", "transaction_code",
                             "transaction_timeliness", "transaction_shares",
                             "transaction_acquired_disposed_code",
                             "transaction_price_per_share"})

# Costs of the alignment's steps.  A cell that fits its column costs nothing; the rest are
# weighed so that one dropped optional cell, one merge and one split cost alike.
_SKIP_OPTIONAL = 1.0
_SKIP_REQUIRED = 3.0
_MERGE = 1.0
_SPLIT = 1.0
_DROP_EMPTY = 0.5
_EMPTY_REQUIRED = 1.0
#: A cell holding only footnote markers fits any column, at a small cost: a marker more often
#: stands in a cell of its own than beside the value before it.
_REFS_ONLY = 0.25
#: Columns of one letter (code, V, A/D, D/I): a marker there stands beside its letter.
_MARKS = frozenset({"code", "v", "ad", "di"})
_REFS_IN_MARK = 1.0
#: A title or nature cell that holds only a number or a date: possible, but unlikely.
_NUMERIC_TEXT = 2.0
#: Two alignments whose costs differ by less than this are equally good readings.
AMBIGUOUS_MARGIN = 0.5
#: The most columns one cell may span: a converter runs a whole row's tail into one cell.
_MAX_MERGE = 7
_KEEP = 4  # alignments kept per state: enough for the two best distinct readings


@dataclass(frozen=True, slots=True)
class Alignment:
    """One reading of a row: the text of each leaf column, the cost, and its kind."""

    cells: tuple[str, ...]
    cost: float
    kind: str  # "transaction" or "holding"
    reshaped: bool  # a merge or a split was needed


#: A cell that is a date and nothing else: "06/08/2026", "2026-06-08", "June 8, 2026".
_WHOLE_DATE = re.compile(r"\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}|\d{4}-\d{2}-\d{2}|"
                         r"[A-Za-z]{3,9}\.?\s\d{1,2},?\s\d{4}")


@lru_cache(maxsize=4096)
def _fits(text: str, kind: str) -> float:
    """The cost of ``text`` in a column of type ``kind`` (``inf``: it cannot stand there)."""
    if not text.strip() or EMPTY_MARK.fullmatch(text.strip()):
        return 0.0
    value, refs = split_footnote_refs(text)
    if not value:
        return (_REFS_ONLY if kind not in _MARKS else _REFS_IN_MARK) if refs else math.inf
    checks: dict[str, Callable[[str], bool]] = {
        "date": lambda v: bool(_WHOLE_DATE.fullmatch(v)) and parse_date(v) is not None,
        "code": lambda v: v.strip("() ").upper() in ROW_TRANSACTION_CODES,
        "v": lambda v: v.strip().upper() == "V",
        # One number, no space inside: "74 16506" is two cells run together, not 7,416,506.
        "amount": lambda v: "$" not in v and " " not in v and parse_amount(v) is not None,
        "price": lambda v: " " not in v.replace("$ ", "$") and parse_amount(v) is not None,
        "ad": lambda v: v.strip("() ").upper() in ACQUIRED_DISPOSED_CODES,
        "di": lambda v: v.strip("() ").upper() in DIRECT_INDIRECT_CODES,
    }
    if kind == "text":
        if not any(c.isalpha() for c in value):
            return _NUMERIC_TEXT
        # A lone code letter or a date is some other column's value, not a title.
        typed = any(checks[k](value) for k in ("date", "code", "ad", "di", "v"))
        # Cells run together ("S 13,433 D $208.99 151,187 D", "Common 05-02-2019"): a title
        # or nature holds no date and at most one number.
        words = [split_footnote_refs(w)[0] for w in value.split()]
        numbers = sum(1 for w in words if w and parse_amount(w) is not None)
        if len(words) > 1 and (numbers > 1 or any(_WHOLE_DATE.fullmatch(w) for w in words)):
            return math.inf
        return _NUMERIC_TEXT if typed else 0.0
    return 0.0 if checks[kind](value) else math.inf


@lru_cache(maxsize=1024)
def _pieces(text: str, parts: int) -> list[list[str]]:
    """Every way to cut ``text`` at spaces into ``parts`` non-empty pieces."""
    words = text.split()
    if len(words) < parts:
        return []
    if parts == 1:
        return [[" ".join(words)]]
    out = []
    for cut in range(1, len(words) - parts + 2):
        for rest in _pieces(" ".join(words[cut:]), parts - 1):
            out.append([" ".join(words[:cut]), *rest])
    return out


def _align(cells: Sequence[str], fields: Sequence[str], kind: str) -> list[Alignment]:
    """The cheapest alignments of ``cells`` to the leaf columns ``fields`` for a row of
    ``kind``, best first."""
    required = REQUIRED[kind]
    types = [COLUMN_TYPES[f] for f in fields]
    n, m = len(cells), len(fields)

    def skip_cost(j: int) -> float:
        if kind == "holding" and fields[j] in _NOT_IN_HOLDING:
            return 0.0
        return _SKIP_REQUIRED if fields[j] in required else _SKIP_OPTIONAL

    def fit(j: int, text: str) -> float:
        blank = not text.strip() or bool(EMPTY_MARK.fullmatch(text.strip()))
        if kind == "holding" and fields[j] in _NOT_IN_HOLDING and not blank:
            return math.inf
        if fields[j] in required and (blank or not split_footnote_refs(text)[0]):
            # Empty, or a footnote marker alone: the filer may leave it so, but seldom does.
            return _EMPTY_REQUIRED
        return _fits(text, types[j])

    # best[i][j]: up to _KEEP (cost, reshaped, placed) with i cells and j columns consumed;
    # ``placed`` is a tuple of (column, text) pairs.
    Entry = tuple[float, bool, tuple[tuple[int, str], ...]]
    best: list[list[list[Entry]]] = [[[] for _ in range(m + 1)] for _ in range(n + 1)]
    best[0][0] = [(0.0, False, ())]

    def push(i: int, j: int, entry: Entry) -> None:
        if math.isinf(entry[0]):
            return
        slot = best[i][j]
        slot.append(entry)
        slot[:] = heapq.nsmallest(_KEEP, slot, key=lambda e: e[0])

    for i in range(n + 1):
        for j in range(m + 1):
            for cost, reshaped, placed in list(best[i][j]):
                if j < m:  # column j has no cell
                    push(i, j + 1, (cost + skip_cost(j), reshaped, placed))
                if i < n and not cells[i].strip():  # an empty cell over no column
                    push(i + 1, j, (cost + _DROP_EMPTY, reshaped, placed))
                if i < n and j < m:
                    push(i + 1, j + 1, (cost + fit(j, cells[i]), reshaped,
                                        (*placed, (j, cells[i]))))
                for parts in range(2, _MAX_MERGE + 1):  # one cell over neighbouring columns
                    if i < n and j + parts <= m:
                        for pieces in _pieces(cells[i], parts):
                            extra = sum(fit(j + k, p) for k, p in enumerate(pieces))
                            push(i + 1, j + parts, (
                                cost + _MERGE * (parts - 1) + extra, True,
                                (*placed, *((j + k, p) for k, p in enumerate(pieces)))))
                if i + 1 < n and j < m and cells[i].strip() and cells[i + 1].strip():
                    # Two cells in one column: cut at a space, or (a number or date) inside
                    # a word, where a text's cut cannot be told from a space.
                    for glue in (" ", "") if types[j] != "text" else (" ",):
                        joined = f"{cells[i].strip()}{glue}{cells[i + 1].strip()}"
                        push(i + 2, j + 1, (cost + _SPLIT + (glue == "") * 0.5 +
                                            fit(j, joined), True, (*placed, (j, joined))))
    out = []
    for cost, reshaped, placed in best[n][m]:
        texts = [""] * m
        for j, text in placed:
            texts[j] = text
        out.append(Alignment(tuple(texts), cost, kind, reshaped))
    return out


def align_row(cells: Sequence[str], fields: Sequence[str]) -> list[Alignment]:
    """The readings of a row, cheapest first, as a transaction and as a holding (empty when
    no alignment places every cell)."""
    found = [*_align(cells, fields, "transaction"), *_align(cells, fields, "holding")]
    unique: dict[tuple[str, ...], Alignment] = {}
    for alignment in sorted(found, key=lambda a: a.cost):
        unique.setdefault(alignment.cells, alignment)
    return list(unique.values())




#: Confidence of a value whose column the alignment chose: the cell's type placed it, not its
#: position, and a converter that dropped or merged cells may have garbled more.
ALIGNED_CONFIDENCE = 0.9


def fits_positions(cells: Sequence[str], fields: Sequence[str]) -> bool:
    """Whether every cell fits the column at its own position."""
    return len(cells) == len(fields) and all(
        _fits(text, COLUMN_TYPES[name]) < _NUMERIC_TEXT for text, name in zip(
            cells, fields, strict=True))


def read_row_by_types(cells: Sequence[str], columns: Sequence[Column], derivative: bool,
                      provenance: Provenance) -> Row | None:
    """The row read by its best alignment, fields its rival readings dispute flagged; None
    when no alignment places every cell."""
    fields = [name for name, _ in leaf_columns(columns)]
    readings = align_row(cells, fields)
    if not readings:
        return None
    tied = [(a, parse_row_cells(a.cells, columns, derivative, ALIGNED_CONFIDENCE, provenance))
            for a in readings if a.cost - readings[0].cost < AMBIGUOUS_MARGIN]
    (best, row), rivals = tied[0], tied[1:]
    for rival, other in rivals:
        row = _flag_disputes(row, other, best, rival)
    return row


def _flag_disputes(row: Row, other: Row, best: Alignment, rival: Alignment) -> Row:
    """``row`` with every field that ``other`` reads differently flagged."""
    changes: dict[str, Any] = {}
    for item in dataclasses.fields(row):
        mine, theirs = getattr(row, item.name), getattr(other, item.name)
        if not isinstance(mine, Field) or (mine.value, mine.footnote_ids) == (
                theirs.value, theirs.footnote_ids):
            continue
        reason = (f"the row's cells fit its columns two ways ({_shown(best)} or "
                  f"{_shown(rival)}): this cell's column is not certain")
        changes[item.name] = mine.flagged(reason) if not mine.needs_review else mine
    return dataclasses.replace(row, **changes)


def _shown(alignment: Alignment) -> str:
    return " | ".join(text or "·" for text in alignment.cells)
