"""A table row whose text cells wrap onto the lines after it ("Common" / "Stock").

Converters write a cell's second line as a line (or a markdown row) of its own under the row:
``| Common | 08/24/2019 | M | ... |`` then ``| Stock | | | ... |``.  Such a line holds words
only (no amount, no date) and is no heading.  Its words are joined to the row's text cell
they stand under when that is certain (the cell's position, or the row's only text cell);
otherwise the row's text cells are flagged with what the line says, never guessed.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from extractor.fields.footnote_refs import split_footnote_refs
from extractor.fields.table_rows import Row
from extractor.ingest.text_dump import TextLine
from extractor.knowledge import labels as K
from extractor.layout.text_boilerplate import is_boilerplate
from extractor.model import Field

#: The columns whose text a cell may wrap: titles and the nature of ownership.
TEXT_FIELDS = ("security_title", "nature_of_ownership", "underlying_security_title")
#: The most words a wrapped cell's continuation line holds.
_MAX_WORDS = 6
_HEADING = re.compile(r"Month/|Instr\.|Title of|\(continued\)|Page\b", re.IGNORECASE)
_REFS = re.compile(r"\(\s*\d{1,2}\s*\)")
#: A footnote marker whose superscript a converter lost, run into the word: "Stock1".
_GLUED_REF = re.compile(r"(?<=[a-z])\d{1,2}\b")


def _heading_words(revision: K.FormRevision) -> frozenset[str]:
    words: set[str] = set()
    for column in (*revision.table1, *revision.table2):
        for text in (column.heading, *(column.sub_headings or ())):
            words.update(w.strip("(),.:").casefold() for w in text.split())
    return frozenset(w for w in words if w)


def is_wrap_line(line: TextLine, revision: K.FormRevision) -> bool:
    """True when ``line`` can be the continuation of a row's text cells: words only, few of
    them, and neither a heading nor the form's printed text."""
    text = line.text.replace("|", " ")
    words = text.split()
    if not words or len(words) > _MAX_WORDS or _HEADING.search(text) or is_boilerplate(text):
        return False
    # a number in a name ("2017 Irrevocable Trust") is text; an amount, price or date is not
    bare = _GLUED_REF.sub("", _REFS.sub("", text))
    if any(re.search(r"\d", w) and not re.fullmatch(r"(?:19|20)\d\d", w.strip("(),.:"))
           for w in bare.split()):
        return False
    heading = _heading_words(revision)
    return len(words) == 1 or not all(w.strip("(),.:").casefold() in heading for w in words)


def _join(field: Field, piece: str) -> Field:
    text, refs = split_footnote_refs(piece)
    if not refs and (glued := _GLUED_REF.search(text)) and glued.end() == len(text):
        text, refs = text[:glued.start()], (f"F{int(glued[0])}",)
    value = f"{field.value} {text}".strip() if field.value else text
    return dataclasses.replace(field, value=value or None,
                               footnote_ids=tuple(dict.fromkeys((*field.footnote_ids, *refs))))


def _flag(row: Row, names: list[str], reason: str) -> Row:
    changes = {n: dataclasses.replace(getattr(row, n), review_reason=reason) for n in names}
    return dataclasses.replace(row, **changes)


def cell_columns(cells: tuple[str, ...], aligned: tuple[str, ...],
                 fields: list[str]) -> tuple[str | None, ...]:
    """The column each of a row's markdown ``cells`` went to, given the text ``aligned`` to
    each leaf column (None for a cell merged, split or placed twice)."""
    out: list[str | None] = []
    for cell in cells:
        hits = [f for f, text in zip(fields, aligned, strict=False) if cell.strip()
                and text == cell.strip()]
        out.append(hits[0] if len(hits) == 1 else None)
    return tuple(out)


def add_wrap(row: Row, line: TextLine, cell_fields: tuple[str | None, ...] | None) -> Row:
    """``row`` with the words of its continuation ``line`` joined to the cells they belong to.

    ``cell_fields`` are the columns of the row's own markdown cells, when known: a cell of the
    continuation stands under the row's cell of the same index."""
    names = [n for n in TEXT_FIELDS if hasattr(row, n)]
    filled = [n for n in names if getattr(row, n).value]
    pieces = [(i, c) for i, c in enumerate(line.cells) if c.strip()]
    changes: dict[str, Any] = {}
    for index, piece in pieces:
        under = cell_fields[index] if cell_fields is not None and line.is_table_row \
            and len(line.cells) == len(cell_fields) else None
        if under in names:
            name = str(under)
        elif line.is_table_row and index == 0 and len(pieces) == 1:
            name = "security_title"  # the first column is the title's in both tables
        elif len(filled) == 1 and len(pieces) == 1:
            name = filled[0]  # the row's only text: nothing else it can continue
        else:
            return _flag(row, filled or ["security_title"],
                         f"the row's text continues on line {line.line_number} "
                         f"({line.text!r}): which column it belongs to is not certain")
        changes[name] = _join(changes.get(name, getattr(row, name)), piece)
    return dataclasses.replace(row, **changes)
