"""Checks on a text's reporting owners before they are passed.

Box 1 prints its captions under the lines they name ("(Last) (First) (Middle)", "(Street)",
"(City) (State) (Zip)"), and a converter that merges box 1 into one cell, or runs it into its
neighbours, leaves those captions, other boxes' labels or a date inside a name or an address.
Such a value holds words no owner's name or address holds: it is flagged with the reason.
"""

from __future__ import annotations

import dataclasses
import re

from extractor.fields.dates import find_dates
from extractor.model import Field, ReportingOwner

#: The form's printed words that are in no owner's name: box 1's captions, box 2's and box 6's
#: labels.  "Last" and "First" only as the caption pair (an entity may be "First Capital").
_LABEL_IN_NAME = re.compile(
    r"\b(?:Middle|Street|Zip|Issuer|Symbol|Ticker|filed by|Reporting Person|Last:?\s+First)\b|"
    r"\[|\bC/O\b", re.IGNORECASE)
#: The same in an address, where "C/O" belongs.
_LABEL_IN_ADDRESS = re.compile(
    r"\b(?:Last|First|Middle|Street|City|State|Zip|Issuer|Symbol|Reporting|Person)\b|\[",
    re.IGNORECASE)
_NAMES = ("rpt_owner_name", "last_name", "first_name", "middle_name")
_ADDRESS = ("rpt_owner_street1", "rpt_owner_street2", "rpt_owner_city")


def owner_doubt(name: str, value: str) -> str | None:
    """Why ``value`` read for the owner's ``name`` field holds other printed text, or None."""
    label = (_LABEL_IN_NAME if name in _NAMES else _LABEL_IN_ADDRESS).search(value)
    if label:
        return f"holds the form's printed {label[0]!r}: text of another box or caption"
    if find_dates(value):
        return "holds a date: text of another box"
    return None


def flag_doubtful_owner(owner: ReportingOwner) -> ReportingOwner:
    """``owner`` with each name or address field that holds other printed text flagged."""
    changes = {}
    for name in (*_NAMES, *_ADDRESS):
        field: Field[str] = getattr(owner, name)
        if not isinstance(field.value, str) or field.review_reason:
            continue
        doubt = owner_doubt(name, field.value)
        if doubt:
            changes[name] = dataclasses.replace(field, review_reason=f"{field.value!r} {doubt}")
    return dataclasses.replace(owner, **changes) if changes else owner
