"""Table columns that reading-order text prints apart from their rows.

Plain ``pdftotext`` reads a table cell by cell, row after row, but a column whose cells sit
lower or in another text flow than the rest of their row comes out on its own: the nature of
ownership of every indirect row after the whole table, or a holding row's title after its
values.  What such text holds at the table's end is then a run of text cells, one column's
values in the rows' order.  They are given back to the rows that lack them, titles first (the
title is the first column) and natures after, when their count is the count of the rows that
lack them; otherwise the text does not show which is whose, and the rows are left without them
to be flagged.  A code printed before its row's dates is put back after them, and a D or I
printed after the nature of ownership or before the amount owned is put back between them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar


class Cell(Protocol):
    """A table cell of reading-order text: its words, and whether it is text (a title or a
    nature of ownership) rather than a value."""

    words: list[str]

    @property
    def is_text(self) -> bool: ...


C = TypeVar("C", bound=Cell)


def _value_end(group: Sequence[Cell]) -> int:
    """The index after the group's last value cell (0 when it holds none)."""
    return max((i + 1 for i, cell in enumerate(group) if not cell.is_text), default=0)


def place_columns_apart(groups: list[list[C]], last_code: Callable[[list[C]], str | None],
                        ) -> tuple[list[list[C]], list[str]]:
    """``groups`` (rows of cells, as split by their titles) with the text cells printed after
    the last row given to the rows that lack a title or a nature; and the doubts found."""
    last = max((i for i, group in enumerate(groups) if _value_end(group)), default=None)
    titleless = [i for i, group in enumerate(groups) if group and not group[0].is_text]
    if last is None:
        return groups, []
    cut = _value_end(groups[last])
    run = [*groups[last][cut:], *(cell for group in groups[last + 1:] for cell in group)]
    if not titleless and len(run) <= 1:
        return groups, []  # a nature right after its row's D or I is that row's own
    rows = [list(group) for group in groups[:last]] + [list(groups[last][:cut])]
    natureless = [i for i, group in enumerate(rows)
                  if _value_end(group) == len(group) and last_code(group) == "I"]
    if len(run) != len(titleless) + len(natureless):
        doubt = (f"{len(run)} text cells stand after the table's rows, where "
                 f"{len(titleless)} rows lack a title and {len(natureless)} indirect rows a "
                 "nature of ownership: which belongs to which row is not shown")
        return rows, [doubt]
    for index, cell in zip(titleless, run, strict=False):
        rows[index].insert(0, cell)
    for index, cell in zip(natureless, run[len(titleless):], strict=True):
        rows[index].append(cell)
    return rows, []


def code_after_dates(words: list[str], kinds: list[str]) -> list[str]:
    """``words`` (of types ``kinds``) with a transaction code printed before the dates that
    precede it in the row ("Common Stock S (1) 12/09/25 ...") put after them: a letter and a
    date are told apart by their types whatever their order."""
    first = next((i for i, k in enumerate(kinds) if k != "text"), None)
    if first is None or kinds[first] != "code":
        return words
    end = first + 1
    while end < len(kinds) and kinds[end] == "ref":
        end += 1
    dates = end
    while dates < len(kinds) and kinds[dates] in ("date", "ref"):
        dates += 1
    if dates == end:
        return words
    return [*words[:first], *words[end:dates], *words[first:end], *words[dates:]]


def end_in_order(group: list[C], is_owned_code: Callable[[C], bool]) -> list[C]:
    """``group`` with its last two cells swapped when the text printed a row's end out of the
    form's order: the nature of ownership before the D or I ("See Footnotes (1)(2)" / "I"),
    or the D or I before the amount owned ("D" / "74,213 (2)(3)(4)"); otherwise ``group``
    itself.  The cells' types tell them apart whatever their order."""
    if len(group) < 3 or (not is_owned_code(group[-1]) and not is_owned_code(group[-2])):
        return group
    last, before = group[-1], group[-2]
    if is_owned_code(last) and before.is_text and not group[-3].is_text:
        return [*group[:-2], last, before]
    # the "D" is the D or I only when the row's (A) or (D) stands before it
    direction = any(cell.words[:1] in (["A"], ["D"]) for cell in group[:-2])
    if is_owned_code(before) and not last.is_text and not is_owned_code(last) and \
            not group[-3].is_text and direction:
        return [*group[:-2], last, before]
    return group
