"""Footnote markers that reading-order text prints bare: a superscript's digits run onto a value.

A PDF prints a footnote marker as a small raised digit; plain ``pdftotext`` keeps the digit and
drops the raising, so "S¹" comes out "S1", "560,000.00¹ ²  ³" as "560,000.00 1,2,3" and "D⁵" as
"D5".  A cell that holds a code, an amount or a date followed by such numbers, each no larger
than the number of footnotes the text explains, has them written back as markers ("(1)").
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from typing import Any

from extractor.fields.amounts import parse_amount
from extractor.fields.dates import parse_date
from extractor.fields.table_rows import Row
from extractor.knowledge.codes import (
    ACQUIRED_DISPOSED_CODES,
    DIRECT_INDIRECT_CODES,
    TRANSACTION_CODES,
)
from extractor.model import Field

#: Letters a table cell holds alone: a transaction code, (A) or (D), D or I.
_CELL_CODES = frozenset(TRANSACTION_CODES) | ACQUIRED_DISPOSED_CODES | DIRECT_INDIRECT_CODES
_CODE_REFS = re.compile(r"^(?P<value>[A-Z])(?P<refs>\d{1,2}(?:,\d{1,2})*)$")
_VALUE_REFS = re.compile(r"^(?P<value>\$?\s?\S+)\s+(?P<refs>\d{1,2}(?:\s*,\s*\d{1,2})*)$")
_DATE = re.compile(r"^\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}$|^\d{4}-\d{2}-\d{2}$")


def _markers(refs: str, notes: int) -> str | None:
    numbers = [int(n) for n in re.split(r"\s*,\s*", refs)]
    if not all(1 <= n <= notes for n in numbers) or numbers != sorted(set(numbers)):
        return None  # a number past the explained footnotes is a value of its own
    return "".join(f"({n})" for n in numbers)


def _is_number_or_date(text: str) -> bool:
    bare = text.replace("$", "").strip()
    if _DATE.match(bare):
        return parse_date(bare) is not None
    return bool(re.fullmatch(r"[\d,]*\d(?:\.\d+)?", bare)) and parse_amount(bare) is not None


def marked_cell(text: str, notes: int) -> str:
    """``text`` with bare footnote numbers after its code, amount or date written as markers
    ("S1" -> "S (1)", "15.0000 4" -> "15.0000 (4)"); any other text as it is."""
    if notes <= 0:
        return text
    m = _CODE_REFS.match(text)
    if m and m["value"] in _CELL_CODES:
        markers = _markers(m["refs"], notes)
        return f"{m['value']} {markers}" if markers else text
    m = _VALUE_REFS.match(text)
    if m and _is_number_or_date(m["value"]):
        markers = _markers(m["refs"], notes)
        return f"{m['value']} {markers}" if markers else text
    return text


#: Cells where a lone footnote number may stand in place of a value (a price given only in a
#: footnote prints as its marker alone).
_MARKER_ALONE_FIELDS = ("transaction_price_per_share", "conversion_or_exercise_price")


def flag_lone_markers(row: Row, notes: int) -> Row:
    """``row`` with a price that is a whole number no larger than the footnotes' count, and has
    no marker of its own, flagged: it may be a bare footnote marker rather than a price."""
    changes: dict[str, Any] = {}
    for name in _MARKER_ALONE_FIELDS:
        field: Field | None = getattr(row, name, None)
        if field is None:
            continue
        value = field.value
        if isinstance(value, Decimal) and not field.footnote_ids and not field.needs_review \
                and value == value.to_integral_value() and 1 <= value <= notes:
            changes[name] = field.flagged(
                f"the price {value} may be footnote ({value})'s marker printed bare")
    return dataclasses.replace(row, **changes) if changes else row


def markers_before_dates(words: list[str], notes: int) -> list[str]:
    """``words`` with a bare number no larger than the footnotes' count, standing between an
    amount and a date, read as a marker: Table II's date exercisable given only by its
    footnote ("60,000 2 07/25/32"), where a date and never a number belongs."""
    out = list(words)
    for i in range(1, len(words) - 1):
        word = words[i]
        if word.isdigit() and 1 <= int(word) <= notes and _DATE.match(words[i + 1]) and \
                _is_number_or_date(words[i - 1]) and not _DATE.match(words[i - 1]):
            out[i] = f"({int(word)})"
    return out
