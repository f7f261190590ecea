"""The cells of a filing's rows and boxes as a typist prints them, in a drawn style.

A :class:`Style` fixes how dates, amounts, prices, empty cells and footnote marks look; the
same filing printed in two styles differs only in print, never in value.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from extractor.model import DerivativeRow, Field, Form4, NonDerivativeRow

#: Date shapes typists used: 2/29/00, 02/29/2000, 02-29-2000, Feb. 29, 2000.
DATE_STYLES = ("m/d/yy", "mm/dd/yyyy", "mm-dd-yyyy", "Mon. d, yyyy")
#: What a typist puts in a cell with nothing to report.
EMPTIES = ("", "-", "N/A", "--")
_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.",
           "Nov.", "Dec.")


@dataclass(frozen=True, slots=True)
class Style:
    date: str = "mm/dd/yyyy"
    empty: str = ""
    commas: bool = True
    dollar: bool = True
    #: "(1)" after the value, or "(1)" before it is never done: markers trail.
    marker_space: bool = True

    @classmethod
    def draw(cls, rng: random.Random) -> Style:
        return cls(rng.choice(DATE_STYLES), rng.choice(EMPTIES), rng.random() < 0.8,
                   rng.random() < 0.7, rng.random() < 0.5)


def date_text(value: dt.date, style: str) -> str:
    if style == "m/d/yy":
        return f"{value.month}/{value.day}/{value.year % 100:02d}"
    if style == "mm-dd-yyyy":
        return f"{value:%m-%d-%Y}"
    if style == "Mon. d, yyyy":
        return f"{_MONTHS[value.month - 1]} {value.day}, {value.year}"
    return f"{value:%m/%d/%Y}"


def value_text(value: object, style: Style, price: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "X" if value else ""
    if isinstance(value, dt.date):
        return date_text(value, style.date)
    if isinstance(value, Decimal):
        text = f"{value:,f}" if style.commas else f"{value:f}"
        if "." in text and not price:
            text = text.rstrip("0").rstrip(".")
        return f"${text}" if price and style.dollar else text
    return str(value)


def cell(field: Field, style: Style, price: bool = False, empty: bool = True) -> str:
    """The printed cell: value and footnote marks; the style's empty mark when there is
    neither (``empty`` False: leave it blank, as a V column is)."""
    text = value_text(field.value, style, price)
    marks = "".join(f"({ref.removeprefix('F')})" for ref in field.footnote_ids)
    if marks:
        text = f"{text} {marks}" if text and style.marker_space else f"{text}{marks}"
    return text if text or not empty else style.empty


#: Table I's columns: (key, field, price?) in the 2002 form's order; "deemed" is left out
#: of the pre-2002 form.
TABLE1 = (("title", "security_title", False), ("date", "transaction_date", False),
          ("deemed", "deemed_execution_date", False), ("code", "transaction_code", False),
          ("v", "transaction_timeliness", False), ("amount", "transaction_shares", False),
          ("ad", "transaction_acquired_disposed_code", False),
          ("price", "transaction_price_per_share", True),
          ("owned", "shares_owned_following_transaction", False),
          ("form", "direct_or_indirect_ownership", False), ("nature", "nature_of_ownership", False))
TABLE2 = (("title", "security_title", False), ("conversion", "conversion_or_exercise_price", True),
          ("date", "transaction_date", False), ("deemed", "deemed_execution_date", False),
          ("code", "transaction_code", False), ("v", "transaction_timeliness", False),
          ("a", "transaction_shares", False), ("d", "transaction_shares", False),
          ("exercisable", "exercise_date", False), ("expiration", "expiration_date", False),
          ("underlying", "underlying_security_title", False),
          ("underlying_amount", "underlying_security_shares", False),
          ("price", "transaction_price_per_share", True),
          ("owned", "shares_owned_following_transaction", False),
          ("form", "direct_or_indirect_ownership", False), ("nature", "nature_of_ownership", False))


def row_cells(row: NonDerivativeRow | DerivativeRow, columns: tuple[tuple[str, str, bool], ...],
              style: Style) -> list[str]:
    """One printed cell per column; Table II's number goes under (A) or (D) by its code."""
    side = row.transaction_acquired_disposed_code.value
    out = []
    for key, name, price in columns:
        field = getattr(row, name)
        if key == "v":
            out.append("V" if field.value == "E" else "")
        elif key in ("a", "d") and (side or "").upper() != key.upper():
            out.append(style.empty)
        else:
            out.append(cell(field, style, price))
    return out


def owner_name(form: Form4, index: int) -> str:
    owner = form.reporting_owners[index]
    return str(owner.rpt_owner_name.value or "")


def street(form: Form4, index: int) -> str:
    owner = form.reporting_owners[index]
    return " ".join(str(f.value) for f in (owner.rpt_owner_street1, owner.rpt_owner_street2)
                    if f.value)


def city_line(form: Form4, index: int) -> str:
    owner = form.reporting_owners[index]
    parts = [str(f.value) for f in (owner.rpt_owner_city, owner.rpt_owner_state,
                                    owner.rpt_owner_zip_code) if f.value]
    return "  ".join(parts)
