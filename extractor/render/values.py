"""Values as filed forms print them: "09/18/2017", "411,056,826", "$2.79", "by Trust (1)".

Shared by everything that writes a form out (the PDF renderer, the benchmark's text dumps), so
the printed shape of a value is decided once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from extractor.fields.table_rows import leaf_columns
from extractor.knowledge.labels import Column
from extractor.model import DerivativeRow, Field, NonDerivativeRow

#: Row fields printed as prices (with a dollar sign).
PRICE_FIELDS = frozenset({"transaction_price_per_share", "conversion_or_exercise_price"})


def footnote_markers(field: Field) -> str:
    """"(1)(2)" for footnote ids ("F1", "F2")."""
    return "".join(f"({ref.removeprefix('F')})" for ref in field.footnote_ids)


def format_value(value: object, price: bool = False) -> str:
    """One value as printed: dates MM/DD/YYYY, amounts with thousands separators, prices with $."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "X" if value else ""
    if isinstance(value, dt.date):
        return value.strftime("%m/%d/%Y")
    if isinstance(value, Decimal):
        text = f"{value:,f}"
        if "." in text and not price:
            text = text.rstrip("0").rstrip(".")
        return f"${text}" if price else text
    return str(value)


def format_field(field: Field, price: bool = False) -> str:
    """A field as printed in its cell: the value, then its footnote markers."""
    text = format_value(field.value, price)
    markers = footnote_markers(field)
    return f"{text} {markers}".strip() if text and markers else text or markers


def row_cells(row: NonDerivativeRow | DerivativeRow, columns: Sequence[Column]) -> list[str]:
    """The printed text of every leaf column of a table row, left to right."""
    cells = []
    for name, sub in leaf_columns(columns):
        value = getattr(row, name)
        if name == "transaction_timeliness":  # the "V" column: a mark, not the XML code
            cells.append("V" if value.value == "E" else footnote_markers(value))
        elif name == "transaction_shares" and sub in ("(A)", "(D)"):
            code = row.transaction_acquired_disposed_code.value
            cells.append(format_field(value) if code == sub.strip("()") else "")
        else:
            cells.append(format_field(value, price=name in PRICE_FIELDS))
    return cells
