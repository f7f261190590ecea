"""How values are printed: numbers, dates and footnote marks in the drawn formats.

Every format prints the truth's own value: a number keeps every significant decimal whatever
the format's minimum ("1,234.0000" and "1234" are both 1234; 66834.25 is never "66,834"), and a
date keeps day, month and year (two-digit years are 2000-2099 in every filing this prints).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from extractor.model import Field

#: Minimum decimals, thousands separator and currency sign of each number format.
_NUMBER_FORMATS: dict[str, tuple[int, bool, str]] = {
    "comma": (0, True, ""), "plain": (0, False, ""), "comma4": (4, True, ""),
    "comma2": (2, True, ""), "dollar2": (2, True, "$"), "dollar": (0, True, "$"),
    "dollar_space": (0, True, "$ "), "plain2": (2, False, ""),
}


@dataclass(frozen=True, slots=True)
class Printed:
    """A value as printed: its text and the footnote numbers printed after it ("1", "2")."""

    text: str
    marks: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.text and not self.marks


BLANK = Printed("")


def format_number(value: Decimal, style: str) -> str:
    """``value`` in ``style``, with as many decimals as the style asks or the value needs.

    >>> format_number(Decimal("1234"), "comma4"), format_number(Decimal("66834.25"), "comma")
    ('1,234.0000', '66,834.25')
    >>> format_number(Decimal("296.42"), "dollar_space"), format_number(Decimal("0"), "dollar2")
    ('$ 296.42', '$0.00')
    """
    minimum, commas, sign = _NUMBER_FORMATS[style]
    exponent = value.normalize().as_tuple().exponent
    needed = max(0, -exponent) if isinstance(exponent, int) else 0
    decimals = max(minimum, needed)
    text = f"{abs(value):,.{decimals}f}" if commas else f"{abs(value):.{decimals}f}"
    return ("-" if value < 0 else "") + sign + text


def format_date(value: dt.date, style: str) -> str:
    """``value`` in ``style``.

    >>> d = dt.date(2019, 8, 4)
    >>> [format_date(d, s) for s in ("mdY", "mdY_nopad", "mdy", "iso", "m-d-Y")]
    ['08/04/2019', '8/4/2019', '08/04/19', '2019-08-04', '08-04-2019']
    """
    if style == "mdY":
        return f"{value.month:02d}/{value.day:02d}/{value.year:04d}"
    if style == "mdY_nopad":
        return f"{value.month}/{value.day}/{value.year:04d}"
    if style == "mdy":
        return f"{value.month:02d}/{value.day:02d}/{value.year % 100:02d}"
    if style == "m-d-Y":
        return f"{value.month:02d}-{value.day:02d}-{value.year:04d}"
    return value.isoformat()


def note_number(footnote_id: str) -> str:
    """The number printed for an EDGAR footnote id: "F12" -> "12"."""
    return footnote_id[1:] if footnote_id[:1] in "Ff" and footnote_id[1:].isdigit() \
        else footnote_id


def marks_of(field: Field) -> tuple[str, ...]:
    return tuple(note_number(i) for i in field.footnote_ids)


class Formatter:
    """Prints fields of a filing in one layout's number and date formats."""

    def __init__(self, shares: str, price: str, date: str) -> None:
        self.shares, self.price, self.date = shares, price, date

    def text(self, field: Field) -> Printed:
        return Printed("" if field.value is None else str(field.value), marks_of(field))

    def amount(self, field: Field) -> Printed:
        value = field.value
        return Printed("" if value is None else format_number(value, self.shares),
                       marks_of(field))

    def money(self, field: Field) -> Printed:
        value = field.value
        return Printed("" if value is None else format_number(value, self.price),
                       marks_of(field))

    def day(self, field: Field) -> Printed:
        value = field.value
        return Printed("" if value is None else format_date(value, self.date), marks_of(field))

    def date_text(self, value: dt.date | None) -> str:
        return "" if value is None else format_date(value, self.date)


def mark_text(marks: tuple[str, ...], style: str) -> str:
    """The footnote marks as one string in the drawn marker style (superscripts are drawn
    small and raised by the pen; this is their text).

    >>> mark_text(("1", "2"), "paren"), mark_text(("1", "2"), "super_digit")
    ('(1)(2)', '1,2')
    """
    if not marks:
        return ""
    if style == "super_digit":
        return ",".join(marks)
    return "".join(f"({m})" for m in marks)
