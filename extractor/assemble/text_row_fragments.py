"""Rows that are only a wrapped line of the row above them ("Restricted" / "Stock Units").

A reader that takes a text's lines for rows (the grid reader over ``pdftotext -layout``, a
dump whose cells wrap) reads a title's second and later lines as rows of their own: rows with
words in the title column and nothing else.  No row of either table is only a title (a row
reports a transaction or a holding), so such a row is the continuation of the row above it.
Its words are joined to that row's title; the joined title passes only when the row's own
title could not be whole (it ends in a word that qualifies a security's name, or mid-phrase)
and the joined one can.  Otherwise the joined title is flagged with the reason, and a title
row with no row above it is flagged, never passed as a row.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TypeVar

from extractor.model import Field, TableRow

#: The text columns a wrapped line may fill; a row holding nothing else is a fragment.
_TEXT = ("security_title", "underlying_security_title", "nature_of_ownership")
R = TypeVar("R", bound=TableRow)


def is_title_fragment(row: TableRow) -> bool:
    """True when ``row`` holds a security title and no other value at all."""
    if not row.security_title.value:
        return False
    for name in row.__dataclass_fields__:
        field = getattr(row, name)
        if name != "security_title" and isinstance(field, Field) and field.value is not None:
            return False
    return True


def _joined(title: Field, pieces: Sequence[Field]) -> Field:
    value = " ".join(str(p.value) for p in (title, *pieces) if p.value)
    refs = tuple(dict.fromkeys(ref for p in (title, *pieces) for ref in p.footnote_ids))
    raw = " / ".join(p.provenance.raw_text or "" for p in (title, *pieces) if p.provenance)
    provenance = dataclasses.replace(title.provenance, raw_text=raw) if title.provenance \
        else None
    return dataclasses.replace(title, value=value, footnote_ids=refs, provenance=provenance)


def join_title_fragments(rows: Sequence[R], doubt: Callable[[str], str | None]) -> list[R]:
    """``rows`` with each run of title-only rows joined to the title of the row above it.

    ``doubt`` says why a title cannot be whole (None when it can): the join passes unflagged
    only when it turns a title that cannot be whole into one that can."""
    out: list[R] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        run: list[R] = []
        while index + 1 + len(run) < len(rows) and is_title_fragment(rows[index + 1 + len(run)]):
            run.append(rows[index + 1 + len(run)])
        if is_title_fragment(row) and not out:
            # a title line before any row: a wrap of the row below, or no row at all
            title = row.security_title
            if not title.review_reason:
                title = dataclasses.replace(title, review_reason=(
                    f"{title.value!r} is a row holding only a title: a wrapped line of another "
                    "row's title may have been read as a row"))
            out.append(dataclasses.replace(row, security_title=title))
            index += 1
            continue
        if not run:
            out.append(row)
            index += 1
            continue
        pieces = [r.security_title for r in run]
        title = _joined(row.security_title, pieces)
        own = str(row.security_title.value or "")
        whole = bool(own) and doubt(own) is not None and doubt(str(title.value)) is None and \
            not row.security_title.review_reason
        if not whole:
            title = dataclasses.replace(title, review_reason=row.security_title.review_reason or (
                f"{title.value!r} is joined from lines read as rows of their own (a title's "
                "wrapped lines): where its words belong is not certain"))
        else:
            title = dataclasses.replace(title, review_reason=None)
        out.append(dataclasses.replace(row, security_title=title))
        index += 1 + len(run)
    return out
