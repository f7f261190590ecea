"""The other reporting owners of a joint filing, from the list reading-order text prints of them.

A joint filing names its first owner in box 1 and the others on a page of their own, headed
"Additional Reporting Persons" or "Joint Filer Information": for each owner a name, the address
lines and "Relationship to Issuer: 10% Owner".  Each entry is read as an owner: the name, the
street lines, the city line, and the relationships the entry names (those it does not name are
unchecked, the entry naming them all).  An address whose last line is no US city, state and
ZIP is flagged, not guessed.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from extractor.assemble.reading_order_tables import SOURCE
from extractor.fields.addresses import parse_city_state_zip
from extractor.fields.names import is_entity_name, split_person_name
from extractor.layout.reading_order import Line
from extractor.model import Field, Provenance, Relationship, ReportingOwner

#: Headings of the page listing the owners after the first.
_LIST_HEADING = re.compile(r"(?i)^\W*(?:additional reporting (?:persons?|owners?)|"
                           r"joint filer(?:s)? information)\W*$")
_RELATIONSHIP = re.compile(r"(?i)^\W*relationships?\s+to\s+issuer\s*:?\s*(?P<rest>.*)$")
#: Words of the relationships an entry names, by the check box they stand for.
RELATIONSHIP_WORDS: dict[str, re.Pattern[str]] = {
    "is_director": re.compile(r"(?i)\bdirector\b"),
    "is_officer": re.compile(r"(?i)\bofficer\b"),
    "is_ten_percent_owner": re.compile(r"(?i)\b(?:10|ten)\s*(?:%|percent)\s*owner\b"),
    "is_other": re.compile(r"(?i)\bother\b"),
}
CLEAN = 0.9


def _f(value: object, raw: str) -> Field:
    return Field(value, CLEAN, Provenance(SOURCE, raw_text=raw), (), None)


def _flag(reason: str, value: object = None, raw: str = "") -> Field:
    return Field(value, 0.5 if value is not None else 0.0, Provenance(SOURCE, raw_text=raw), (),
                 reason)


@dataclass(frozen=True, slots=True)
class _Entry:
    """One listed owner: the lines before its relationship line, and that line's value."""

    lines: tuple[str, ...]
    relationship: str


def _entries(lines: list[Line]) -> list[_Entry]:
    start = next((i for i, line in enumerate(lines) if _LIST_HEADING.match(line.text)), None)
    if start is None:
        return []
    entries: list[_Entry] = []
    pending: list[str] = []
    index = start + 1
    while index < len(lines):
        text = lines[index].text
        m = _RELATIONSHIP.match(text)
        if m:
            rest = m["rest"].strip()
            if not rest and index + 1 < len(lines):
                index += 1
                rest = lines[index].text  # the relationship printed on the line below
            entries.append(_Entry(tuple(pending), rest))
            pending = []
        else:
            pending.append(text)
        index += 1
    return entries


def listed_owners(lines: list[Line]) -> list[ReportingOwner]:
    """The owners listed after the forms' pages, in their order (none when no list)."""
    return [owner for entry in _entries(lines) if (owner := _owner(entry)) is not None]


def _owner(entry: _Entry) -> ReportingOwner | None:
    if len(entry.lines) < 2:
        return None
    name, *address = entry.lines
    raw = "\n".join(entry.lines)
    person = split_person_name(name)
    entity = is_entity_name(name)
    owner = ReportingOwner(
        rpt_owner_name=_f(person.full, name), last_name=_f(person.last, name),
        first_name=_f(person.first, name) if not entity else Field(),
        middle_name=_f(person.middle, name) if not entity else Field(),
        relationship=_relationship(entry.relationship))
    place = parse_city_state_zip(re.sub(r",\s*,", ",", address[-1]))  # an empty country
    if place is None:
        why = f"the listed owner's address {' / '.join(address)!r} ends in no US city line"
        return _replace_address(owner, street=_flag(why, " ".join(address[:-1]), raw),
                                city=_flag(why, address[-1], raw), state=_flag(why),
                                zip_code=_flag(why))
    street = " ".join(address[:-1])
    return _replace_address(owner, street=_f(street, raw) if street else Field(),
                            city=_f(place.city, raw), state=_f(place.state, raw),
                            zip_code=_f(place.zip_code, raw))


def _replace_address(owner: ReportingOwner, street: Field, city: Field, state: Field,
                     zip_code: Field) -> ReportingOwner:
    return dataclasses.replace(owner, rpt_owner_street1=street, rpt_owner_city=city,
                               rpt_owner_state=state, rpt_owner_zip_code=zip_code)


def _relationship(text: str) -> Relationship:
    marks = {key: bool(pattern.search(text)) for key, pattern in RELATIONSHIP_WORDS.items()}
    if not any(marks.values()):
        why = f"the listed relationship {text!r} names no box of box 5"
        return Relationship(*(_flag(why) for _ in RELATIONSHIP_WORDS))
    title = re.sub(r"(?i)^.*?\bofficer\b\W*", "", text).strip() if marks["is_officer"] else ""
    officer_title: Field = _f(title, text) if title else (
        _flag("the listed officer's title is not shown") if marks["is_officer"] else Field())
    return Relationship(**{k: _f(v, text) for k, v in marks.items()},
                        officer_title=officer_title)
