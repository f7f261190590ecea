"""Checks on a text's reporting owners before they are passed.

Box 1 prints its captions under the lines they name ("(Last) (First) (Middle)", "(Street)",
"(City) (State) (Zip)"), and a converter that merges box 1 into one cell, or runs it into its
neighbours, leaves those captions, other boxes' labels or a date inside a name or an address.
Such a value holds words no owner's name or address holds: it is flagged with the reason.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from extractor.fields.dates import find_dates
from extractor.model import Field, ReportingOwner

#: The form's printed words that are in no owner's name: box 1's captions, box 2's and box 6's
#: labels.  "Last" and "First" only as the caption pair (an entity may be "First Capital").
_LABEL_IN_NAME = re.compile(
    r"\b(?:Middle|Street|Zip|Issuer|Symbol|Ticker|filed|Reporting Person|Last:?\s+First|"
    r"Name|Form|Address|Item)\b|\[|\bC/O\b|^[^A-Za-z]*$", re.IGNORECASE)
#: The same in an address, where "C/O", "Street" and "State" belong (box 1's captions only
#: in their brackets).
_LABEL_IN_ADDRESS = re.compile(
    r"\b(?:Middle|Zip|Issuer|Symbol|Reporting|Person|Officer|Last\s+First)\b|\[|"
    r"\((?:Street|City|State)\)",
    re.IGNORECASE)
#: A street line that opens with "C/O" (the care-of name, with the street after it).
_CARE_OF = re.compile(r"\s*C/O\b", re.IGNORECASE)
#: Box 1's captions, which no city or officer's title holds as a word.
_CAPTION_WORD = re.compile(r"\b(?:Street|City|State|Zip)\b", re.IGNORECASE)
#: The relationship's free text, which box 1's address may run into.
_TITLES = ("officer_title", "other_text")
#: A line of an address, not a name: a care-of line, a house number and street (or the start
#: of one: "18390 NE"), a city line.
_ADDRESS_LINE = re.compile(
    r"^C/O\b|^\d{2,}[\d\-]*\s+[A-Za-z]|^\d[\d\-]*\s+\S.*\b(?:AVE|AVENUE|ST|STREET|ROAD|RD|DRIVE|DR|WAY|BLVD|PKWY|"
    r"PARKWAY|LANE|LN|SUITE|FLOOR|PLAZA)\b\.?|^[A-Za-z .'\-]+,?\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?$|"
    r"(?-i:,\s*[A-Z][A-Z0-9]\s+[A-Z0-9][A-Z0-9 \-]{2,}$)",
    re.IGNORECASE)
_NAMES = ("rpt_owner_name", "last_name", "first_name", "middle_name")
_ADDRESS = ("rpt_owner_street1", "rpt_owner_street2", "rpt_owner_city")


def owner_doubt(name: str, value: str, street2: object = None) -> str | None:
    """Why ``value`` read for the owner's ``name`` field holds other printed text, or None."""
    if name in _TITLES:
        if re.search(r"\d{3}", value) or _CAPTION_WORD.search(value) or \
                _ADDRESS_LINE.search(value) or re.search(r",\s*,|,$|#\d|,\s*\d+\s+[A-Za-z]", value):
            return "holds a number, caption or line of box 1: the address runs into it"
        return None
    label = (_LABEL_IN_NAME if name in _NAMES else _LABEL_IN_ADDRESS).search(value)
    if label:
        return f"holds the form's printed {label[0]!r}: text of another box or caption"
    if find_dates(value):
        return "holds a date: text of another box"
    if name == "rpt_owner_city" and _CAPTION_WORD.search(value):
        return "holds one of box 1's captions: text of another line"
    if name == "rpt_owner_street1" and _CARE_OF.match(value) and not re.search(r"\d", value) \
            and not street2:
        return "is a care-of line without its street: the street may be lost"
    return None


def flag_doubtful_owner(owner: ReportingOwner) -> ReportingOwner:
    """``owner`` with each name or address field that holds other printed text flagged."""
    changes: dict[str, Any] = {}
    for name in (*_NAMES, *_ADDRESS):
        field: Field[str] = getattr(owner, name)
        if not isinstance(field.value, str) or field.review_reason:
            continue
        doubt = owner_doubt(name, field.value, owner.rpt_owner_street2.value)
        if doubt:
            changes[name] = dataclasses.replace(field, review_reason=f"{field.value!r} {doubt}")
    relationship = owner.relationship
    rel_changes: dict[str, Any] = {}
    for name in _TITLES:
        field = getattr(relationship, name)
        if isinstance(field.value, str) and not field.review_reason and \
                (doubt := owner_doubt(name, field.value)):
            rel_changes[name] = dataclasses.replace(field, review_reason=f"{field.value!r} {doubt}")
    person = str(owner.rpt_owner_name.value or "").strip()
    # a name the reader could not tell from an address may be a line of one
    tangled = "address" in (owner.rpt_owner_name.review_reason or "")
    if not person or tangled or _ADDRESS_LINE.search(person):
        # no name, or a line of box 1's address read as one: this may be no reporting person
        reason = "the owner's name is missing or is a line of an address: this may be no " \
                 "reporting person"
        for name in ("is_director", "is_officer", "is_ten_percent_owner", "is_other"):
            field = getattr(relationship, name)
            if field.value is not None and not field.review_reason:
                rel_changes[name] = dataclasses.replace(field, review_reason=reason)
        for name in (*_NAMES, *_ADDRESS, "rpt_owner_state", "rpt_owner_zip_code"):
            field = changes.get(name, getattr(owner, name))
            if field.value is not None and not field.review_reason:
                changes[name] = dataclasses.replace(field, review_reason=reason)
    boxes = ("is_director", "is_officer", "is_ten_percent_owner", "is_other")
    marked = [name for name in boxes if getattr(relationship, name).value is True]
    if len(marked) == len(boxes) or (rel_changes and any(n in rel_changes for n in _TITLES)):
        # every box checked, or the address run into the title: the marks read are not surely
        # this person's boxes
        for name in boxes:
            field = rel_changes.get(name, getattr(relationship, name))
            if field.value is not None and not field.review_reason:
                rel_changes[name] = dataclasses.replace(
                    field, review_reason="box 5's marks do not read as one person's boxes "
                                         "(every one checked, or the address in its text)")
    if rel_changes:
        changes["relationship"] = dataclasses.replace(relationship, **rel_changes)
    return dataclasses.replace(owner, **changes) if changes else owner
