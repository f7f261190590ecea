"""Checks on a text's reporting owners before they are passed.

Box 1 prints its captions under the lines they name ("(Last) (First) (Middle)", "(Street)",
"(City) (State) (Zip)"), and a converter that merges box 1 into one cell, or runs it into its
neighbours, leaves those captions, other boxes' labels or a date inside a name or an address.
Such a value holds words no owner's name or address holds: it is flagged with the reason.
Box 5 read with no box checked (every reporting person is related to the issuer somehow: the
marks were lost, as ``pdftotext`` loses drawn ones), a title under an unchecked box, and one
person read as two owners are flagged too.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from extractor.fields.dates import find_dates
from extractor.model import Field, Relationship, ReportingOwner, map_fields

#: The form's printed words that are in no owner's name: box 1's captions, box 2's and box 6's
#: labels.  "Last" and "First" only as the caption pair (an entity may be "First Capital").
_LABEL_IN_NAME = re.compile(
    r"\b(?:Middle|Street|Zip|Issuer|Symbol|Ticker|filed|Reporting Person|Last:?\s+First|"
    r"Name|Form|Address|Item|Persons?|Director|Ten Percent Owner|give title|specify below)\b|"
    r"\b10% Owner\b|\[|\bC/O\b|^[^A-Za-z]*$", re.IGNORECASE)
#: The same in an address, where "C/O", "Street" and "State" belong (box 1's captions only
#: in their brackets).
_LABEL_IN_ADDRESS = re.compile(
    r"\b(?:Middle|Zip|Issuer|Symbol|Reporting|Person|Officer|Last\s+First)\b|\[|"
    r"\((?:Street|City|State)\)|\bPage \d+\b",
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
#: An officer's title, which box 5 prints and no owner's name holds.
_OFFICER_TITLE = re.compile(r"\b(?:[CESV]VP|C[EFOT]O|EVP|SVP|(?i:Chief|President|Vice President|"
                            r"General Counsel|Treasurer))\b")
#: Words that end an entity's name, which a street line holds only after "C/O".
_ENTITY = re.compile(r"\b(?:LLC|L\.L\.C\.|Inc\.?|Corp\.?|Corporation|L\.?P\.|Ltd\.?|"
                     r"Investments|Holdings|Partners|Trust)(?=\W|$)", re.IGNORECASE)
#: A street's kind in capitals, as box 1's address prints it ("ONE APPLE PARK WAY").
_STREET_WORD = re.compile(r"\b(?:WAY|AVE|AVENUE|STREET|ROAD|RD|BLVD|BOULEVARD|DRIVE|SUITE|"
                          r"PKWY|PARKWAY|PLAZA|FLOOR|LANE|HIGHWAY)\b")
#: A house number and street, which no name holds ("475 OAKMEAD PKWY").
_STREET_IN_NAME = re.compile(
    r"\b\d[\d\-]*\s+(?:[A-Za-z.']+\s+){0,4}(?:AVE|AVENUE|ST|STREET|ROAD|RD|DRIVE|DR|WAY|BLVD|"
    r"PKWY|PARKWAY|LANE|LN|SUITE|FLOOR|PLAZA|EXPRESSWAY|HIGHWAY)\b", re.IGNORECASE)
#: A state and zip code, which end box 1's city line and no street line.
_CITY_LINE = re.compile(r"\b[A-Z]{2},?\s+\d{5}(?:-\d{4})?\b")
_NAMES = ("rpt_owner_name", "last_name", "first_name", "middle_name")
_ADDRESS = ("rpt_owner_street1", "rpt_owner_street2", "rpt_owner_city")


def owner_doubt(name: str, value: str, street2: object = None) -> str | None:
    """Why ``value`` read for the owner's ``name`` field holds other printed text, or None."""
    if name in _TITLES:
        if re.fullmatch(r"Page \d+(?: of \d+)?", value.strip(), re.IGNORECASE):
            return "is the form's page number: no text of box 5"
        if re.search(r"\b(?:Last\s+First|First\s+Middle)\b|\((?:Last|First|Middle)\)", value,
                     re.IGNORECASE):
            return "holds box 1's captions: text of another box"
        if _STREET_WORD.search(value):
            return "holds a word of a street: the address runs into it"
        if re.search(r"\d{3}", value) or _CAPTION_WORD.search(value) or \
                _ADDRESS_LINE.search(value) or re.search(r",\s*,|,$|#\d|,\s*\d+\s+[A-Za-z]", value):
            return "holds a number, caption or line of box 1: the address runs into it"
        return None
    if name in _NAMES and (street := _STREET_IN_NAME.search(value)):
        return f"holds {street[0]!r}, a street: text of box 1's address"
    if name in _NAMES and (title := _OFFICER_TITLE.search(value)):
        return f"holds the officer's title {title[0]!r}: text of box 5"
    if name.startswith("rpt_owner_street") and not _CARE_OF.match(value) and \
            (entity := _ENTITY.search(value)):
        return f"holds {entity[0]!r}, a word of an entity's name: the name runs into the street"
    label = (_LABEL_IN_NAME if name in _NAMES else _LABEL_IN_ADDRESS).search(value)
    if label:
        return f"holds the form's printed {label[0]!r}: text of another box or caption"
    if find_dates(value):
        return "holds a date: text of another box"
    if name in _ADDRESS and re.search(r"\b[A-Z]{2,}\b", value) and \
            re.search(r"\b[a-z]{2,}\s+[a-z]{2,}\b", value):
        return "mixes a line in capitals with words in lower case: text of another box"
    if name.startswith("rpt_owner_street") and _CITY_LINE.search(value):
        return "holds a state and zip code: text of the city line"
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
    if any("the name runs into the street" in (f.review_reason or "") for f in changes.values()):
        for name in _NAMES:  # the words the street holds are the name's lost end
            field = changes.get(name, getattr(owner, name))
            if field.value is not None and not field.review_reason:
                changes[name] = dataclasses.replace(field, review_reason=(
                    "the street holds words of an entity's name: the name may be cut short"))
    if any(name in changes for name in _NAMES):
        for name in _NAMES:  # the parts of a name are read from the same text
            field = getattr(owner, name)
            if name not in changes and field.value is not None and not field.review_reason:
                changes[name] = dataclasses.replace(field, review_reason=(
                    "another part of the owner's name is in doubt, and the parts are read "
                    "from one text"))
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
    titled = "officer's title" in (changes.get("rpt_owner_name", Field()).review_reason or "")
    if not person or tangled or titled or _ADDRESS_LINE.search(person):
        # no name, or a line of box 1's address or box 5's title read as one: this may be no
        # reporting person, and box 1's lines may be others' than they read
        reason = "the owner's name is missing or is a line of an address or an officer's " \
                 "title: this may be no reporting person"
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
    for name, reason in _unmarked_boxes(relationship):
        field = rel_changes.get(name, getattr(relationship, name))
        if field.value is not None and not field.review_reason:
            rel_changes[name] = dataclasses.replace(field, review_reason=reason)
    doubted = sum(1 for name in boxes if rel_changes.get(name, getattr(relationship, name))
                  .review_reason)
    name_doubt = changes.get("rpt_owner_name", owner.rpt_owner_name).review_reason
    street_doubt = any(n in changes for n in ("rpt_owner_street1", "rpt_owner_street2"))
    if name_doubt and (doubted >= 2 or street_doubt):
        # the name and box 5's marks in doubt: the whole owner is, and so are the lines read
        # for it (they may be another owner's, or no owner's)
        reason = "the owner's name and its street or box 5's marks are in doubt: the lines " \
                 "read for this owner may be others'"
        for name in (*_ADDRESS, "rpt_owner_state", "rpt_owner_zip_code"):
            field = changes.get(name, getattr(owner, name))
            if field.value is not None and not field.review_reason:
                changes[name] = dataclasses.replace(field, review_reason=reason)
        for name in boxes if doubted >= 2 else ():
            field = rel_changes.get(name, getattr(relationship, name))
            if field.value is not None and not field.review_reason:
                rel_changes[name] = dataclasses.replace(field, review_reason=reason)
    if rel_changes:
        changes["relationship"] = dataclasses.replace(relationship, **rel_changes)
    return dataclasses.replace(owner, **changes) if changes else owner


def _unmarked_boxes(relationship: Relationship) -> list[tuple[str, str]]:
    """Box 5's check boxes read as unchecked that the form says may be checked, each with the
    reason: none reads as checked (every reporting person is related to the issuer in one
    way at least: the marks were lost), or a title is given under an unchecked box."""
    boxes = ("is_director", "is_officer", "is_ten_percent_owner", "is_other")
    if all(getattr(relationship, name).value is False for name in boxes):
        return [(name, "no check box of box 5 reads as checked, yet a reporting person is "
                       "related to the issuer in one way at least: the marks may be lost")
                for name in boxes]
    out = []
    for box, text in (("is_officer", "officer_title"), ("is_other", "other_text")):
        given = getattr(relationship, text).value
        if getattr(relationship, box).value is False and given and \
                not re.fullmatch(r"Page \d+(?: of \d+)?", str(given).strip(), re.IGNORECASE):
            out.append((box, f"the box reads as unchecked, yet its text "
                             f"({getattr(relationship, text).value!r}) is given"))
    return out


def _name_words(owner: ReportingOwner) -> list[str]:
    text = re.sub(r"<[^>]*>", " ", str(owner.rpt_owner_name.value or ""))
    return [w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z'\-]+", text)]


def flag_repeated_owners(owners: tuple[ReportingOwner, ...]) -> tuple[ReportingOwner, ...]:
    """``owners`` with every value of two owners flagged where one's name (two words or more)
    is held whole in the other's, or opens with two words the other holds in a row while one
    of the names is in doubt already: one person read twice (from box 1 and from a list of
    reporting persons), whose readings cannot both stand."""
    words = [_name_words(o) for o in owners]
    twice: set[int] = set()
    for i, mine in enumerate(words):
        for j, other in enumerate(words):
            # a name held whole, or (one name already in doubt) the first two words of one
            doubted = bool(owners[i].rpt_owner_name.review_reason or
                           owners[j].rpt_owner_name.review_reason)
            key = mine if not doubted else mine[:2]
            if i != j and len(mine) >= 2 and any(
                    other[k:k + len(key)] == key for k in range(len(other) - len(key) + 1)):
                twice.update((i, j))

    def flag(_: str, field: Field) -> Field:
        if field.value is None or field.review_reason:
            return field
        return dataclasses.replace(field, review_reason=(
            "the reporting person may be read twice (two owners' names hold the same name): "
            "which reading is the person's is not certain"))

    return tuple(map_fields(o, flag) if i in twice else o for i, o in enumerate(owners))
