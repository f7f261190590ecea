"""Reporting owners from an HTML view's cells: box 1, box 5, the joint filers' boxes and the
"Reporting Owners" table.

Box 1 prints its values above their captions ("(Last) (First) (Middle)", "(Street)", "(City)
(State) (Zip)", from 2026 "(Country)"): the lines before a caption row are its values, the
cells of the city row go to the captions in the same positions.  A joint filing repeats box 1
and box 5 for every owner after Table II; the "Reporting Owners" table lists every owner with
name, address lines and relationship.  An owner printed in several places is one owner: the
places corroborate each other, and a disagreement is flagged.
"""

from __future__ import annotations

import dataclasses
import re

from extractor.fields.addresses import parse_city_state_zip, recase_owner_address
from extractor.fields.names import split_person_name
from extractor.ingest.html_view import CHECK_MARKS, ViewCell, ViewLine
from extractor.knowledge.codes import STATE_NAME_CODES, is_state_or_country_code
from extractor.knowledge.labels import US_COUNTRY_NAMES
from extractor.layout.html_labels import label_score
from extractor.model import Field, Provenance, Relationship, ReportingOwner

SOURCE = "html"
#: Confidence of a value read from its own cell of the view: the text is exact.
CLEAN = 0.95
_SUBLABELS = ("last", "first", "middle", "street", "city", "state", "zip", "country")
_CHECKS = {"director": "is_director", "ten_percent_owner": "is_ten_percent_owner",
           "officer": "is_officer", "other": "is_other"}
#: "LONDON, X0 W1K 3JP", "WILMINGTON,, DE 19808": a city, a state or EDGAR country code, a
#: postal code, as the "Reporting Owners" table prints the last address line.
_PLACE = re.compile(r"^(?P<city>.+?),\s*(?P<state>[A-Z][A-Z0-9])\s+(?P<zip>[A-Z0-9][A-Z0-9 \-]*)$")


class ViewLayoutError(Exception):
    """The cells are not laid out as an EDGAR view: the structural reading is given up."""


def field(value: object, raw: str, confidence: float = CLEAN,
          reason: str | None = None) -> Field:
    """A value read from the view's text ``raw``."""
    return Field(value, confidence if value is not None or reason else 1.0,
                 Provenance(SOURCE, raw_text=raw), (), reason)


def _sublabels(line: ViewLine) -> list[str | None]:
    """The caption key of each cell of a caption row ("(City)" -> "city"), else None."""
    keys: list[str | None] = []
    for cell in line.cells:
        text = cell.text
        key = next((k for k in _SUBLABELS if text.startswith("(") and
                    label_score(text, k) >= 90), None)
        keys.append(key)
    return keys if any(keys) else []


def _segments(lines: list[ViewLine]) -> list[tuple[list[str | None], list[ViewLine]]]:
    """(caption keys, value lines) pairs: values above their captions, as EDGAR prints them;
    below them when the box opens with a caption."""
    captions: list[list[str | None]] = []
    values: list[list[ViewLine]] = [[]]
    for line in lines:
        keys = _sublabels(line)
        if keys:
            captions.append(keys)
            values.append([])
        elif line.text:
            values[-1].append(line)
    if not captions:
        return []
    if not values[0] and values[-1]:  # captions first, values under them
        return list(zip(captions, values[1:], strict=True))
    return list(zip(captions, values[:-1], strict=True))


def state_field(text: str, raw: str) -> Field:
    """A state as printed: a USPS or EDGAR country code, or a US state's name spelled out."""
    code = " ".join(text.split()).strip(" ,.").upper()
    if not code:
        return Field()
    if is_state_or_country_code(code):
        return field(code, raw)
    if code in STATE_NAME_CODES:
        return field(STATE_NAME_CODES[code], raw)
    return field(None, raw, 0.0, f"state {text!r} is neither a state code nor a state's name")


def _place(owner: dict[str, Field], line: ViewLine, keys: list[str | None]) -> None:
    """The city row: cell by cell under (City) (State) (Zip), or one "City, ST ZIP" text."""
    raw = line.text
    if line.in_row and len(line.cells) == len(keys):
        for cell, key in zip(line.cells, keys, strict=True):
            if key == "state":
                owner["rpt_owner_state"] = state_field(cell.text, raw)
            elif key in ("city", "zip") and cell.text:
                owner[f"rpt_owner_{key}" if key == "city" else "rpt_owner_zip_code"] = \
                    field(cell.text, raw)
        return
    if parsed := parse_city_state_zip(raw):
        owner.update(rpt_owner_city=field(parsed.city, raw),
                     rpt_owner_state=field(parsed.state, raw),
                     rpt_owner_zip_code=field(parsed.zip_code, raw))
    else:
        owner["rpt_owner_city"] = field(None, raw, 0.0, f"city, state and ZIP not told apart "
                                                        f"in {raw!r}")


def _name_fields(name: str, raw: str) -> dict[str, Field]:
    person = split_person_name(name)
    if not person.full:
        return {"rpt_owner_name": field(None, raw, 0.0, "box 1 holds no name")}
    parts = {"rpt_owner_name": field(person.full, raw)}
    for part in ("last", "first", "middle"):
        value = getattr(person, part)
        if value:
            parts[f"{part}_name"] = field(value, raw)
    return parts


def _country(owner: dict[str, Field], text: str) -> None:
    """The 2026 country line: the United States is EDGAR's default, no country element; any
    other country is kept as printed, flagged, since EDGAR XML holds it as a code."""
    if text.upper().strip(" .") in US_COUNTRY_NAMES:
        owner["rpt_owner_non_us_address_flag"] = field(False, text)
        return
    owner["rpt_owner_non_us_address_flag"] = field(True, text)
    owner["rpt_owner_country"] = field(text, text, 0.6, "the country is printed as a name; "
                                                       "EDGAR XML holds a code")
    state = owner.get("rpt_owner_state")
    if state is not None and state.value and len(str(state.value)) == 2 and \
            str(state.value).isalpha() and not state.needs_review:
        owner["rpt_owner_state"] = state.flagged(f"box 1 names the country {text!r}, yet the "
                                                 "state reads as a US state")


def read_owner_box(lines: list[ViewLine]) -> ReportingOwner:
    """Box 1 (or a joint filer's copy of it): name, street lines, city, state, ZIP, country."""
    segments = _segments(lines)
    found = {key for keys, _ in segments for key in keys if key}
    if not found & {"last", "first", "middle"} or not found & {"city", "state", "zip"}:
        raise ViewLayoutError("box 1 lacks its name or city captions")
    owner: dict[str, Field] = {}
    for keys, values in segments:
        texts = [v.text for v in values]
        if set(keys) & {"last", "first", "middle"}:
            owner.update(_name_fields(" ".join(texts), " / ".join(texts)))
        elif "street" in keys and texts:
            owner["rpt_owner_street1"] = field(texts[0], " / ".join(texts))
            if len(texts) > 1:
                owner["rpt_owner_street2"] = field(" ".join(texts[1:]), " / ".join(texts))
        elif set(keys) & {"city", "state", "zip"} and values:
            _place(owner, values[-1], keys)  # the row right above its captions
            if len(texts) > 1 and "street" not in found:
                owner["rpt_owner_street1"] = field(" ".join(texts[:-1]), " / ".join(texts),
                                                   0.6, "box 1 prints no (Street) caption")
        elif "country" in keys and texts:
            _country(owner, " ".join(texts))
    if "rpt_owner_name" not in owner:
        owner["rpt_owner_name"] = field(None, "", 0.0, "box 1 holds no name")
    return recase_owner_address(ReportingOwner(**owner))  # type: ignore[arg-type]


def _mark_of(line: ViewLine, index: int, labels: set[int]) -> ViewCell | None:
    """The check box of the label in cell ``index``: the cell before it, or the one after it
    where the row opens with a label."""
    cells = line.cells
    before_first = 0 not in labels
    for near in ((index - 1, index + 1) if before_first else (index + 1, index - 1)):
        if 0 <= near < len(cells) and near not in labels:
            return cells[near]
    return None


def check_value(cell: ViewCell | None, raw: str) -> Field:
    """A check box's reading: marked, empty, or something else (flagged)."""
    if cell is None:
        return field(None, raw, 0.0, "no check box beside the label")
    if cell.mark:
        return field(True, raw)
    if not cell.text:
        return field(False, raw)
    return field(None, raw, 0.0, f"the check box holds {cell.text!r}, not a mark")


def read_checks(lines: list[ViewLine], keys: dict[str, str]) -> tuple[dict[str, Field],
                                                                       dict[str, tuple[int,
                                                                                       int]]]:
    """The check boxes of labels ``keys`` (label key -> field name) among ``lines``, and where
    each label was found (line index, cell index)."""
    values: dict[str, Field] = {}
    places: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(lines):
        found = {}
        for index, cell in enumerate(line.cells):
            key = max(keys, key=lambda k: label_score(cell.text, k))
            if cell.text and label_score(cell.text, key) >= 90 and key not in places:
                found[index] = key
        for index, key in found.items():
            values[keys[key]] = check_value(_mark_of(line, index, set(found)), line.text)
            places[key] = (number, index)
    return values, places


def _texts_below(lines: list[ViewLine], places: dict[str, tuple[int, int]],
                 values: dict[str, Field]) -> None:
    """The officer's title and the "other" text, on the row under the check boxes."""
    at = max((places[k][0] for k in ("officer", "other") if k in places), default=None)
    if at is None:
        return
    row = next((line for line in lines[at + 1:] if line.in_row or line.text), None)
    if row is None or not row.text:
        return
    label_row = lines[at]
    if len(row.cells) == len(label_row.cells) and len(row.cells) > 1:
        for key, name in (("officer", "officer_title"), ("other", "other_text")):
            if key in places and (text := row.cells[places[key][1]].text):
                values[name] = field(text, row.text)
        return
    cell = row.cells[0]
    parts = [p for p in cell.parts] if len(cell.parts) == 2 else []
    officer, other = (values.get(f, Field()).value for f in ("is_officer", "is_other"))
    if parts:
        for text, name in zip(parts, ("officer_title", "other_text"), strict=True):
            if text:
                values[name] = field(text, row.text)
    elif officer and not other:
        values["officer_title"] = field(cell.text, row.text)
    elif other and not officer:
        values["other_text"] = field(cell.text, row.text)
    else:
        values["officer_title"] = field(cell.text, row.text, 0.5, "the text under box 5 may be "
                                        "the officer's title or the other text")


def read_relationship(lines: list[ViewLine]) -> Relationship:
    """Box 5: the four check boxes and the texts printed under them."""
    values, places = read_checks(lines, _CHECKS)
    if not places:
        raise ViewLayoutError("box 5 has no check box labels")
    _texts_below(lines, places, values)
    return Relationship(**values)  # type: ignore[arg-type]


def table_owner(cell: ViewCell, marks: dict[str, ViewCell]) -> ReportingOwner:
    """An owner of the "Reporting Owners" table: name and address lines, and the relationship
    columns (an X for Director and 10% Owner, the title or text for Officer and Other)."""
    lines = list(cell.lines)
    raw = " / ".join(lines)
    owner: dict[str, object] = dict(_name_fields(lines[0], raw)) if lines else {}
    if len(lines) == 1:  # no line breaks: the name may run on into the address
        owner = {k: v.flagged("the Reporting Owners table prints no address lines: the name "
                              "may run into the address") for k, v in owner.items()
                 if isinstance(v, Field)}
    if len(lines) > 1:
        place = lines[-1]
        parsed = parse_city_state_zip(place)
        m = _PLACE.match(place)
        if parsed:
            owner.update(rpt_owner_city=field(parsed.city, raw),
                         rpt_owner_state=field(parsed.state, raw),
                         rpt_owner_zip_code=field(parsed.zip_code, raw))
        elif m and is_state_or_country_code(m["state"]):
            owner.update(rpt_owner_city=field(m["city"].strip(), raw),
                         rpt_owner_state=field(m["state"], raw),
                         rpt_owner_zip_code=field(m["zip"].strip(), raw))
        else:
            owner["rpt_owner_city"] = field(None, raw, 0.0, f"no city, state and postal code "
                                                            f"in {place!r}")
        streets = lines[1:-1]
        if streets:
            owner["rpt_owner_street1"] = field(streets[0], raw)
        if len(streets) > 1:
            owner["rpt_owner_street2"] = field(" ".join(streets[1:]), raw)
    rel: dict[str, Field] = {}
    for key in ("director", "ten_percent_owner"):
        if key in marks:
            rel[_CHECKS[key]] = check_value(marks[key], raw)
    for key, text_name in (("officer", "officer_title"), ("other", "other_text")):
        if key in marks:
            text = marks[key].text  # EDGAR requires the title or text with these boxes
            rel[_CHECKS[key]] = field(bool(text), raw)
            if text and text not in CHECK_MARKS:
                rel[text_name] = field(text, raw)
    owner["relationship"] = Relationship(**rel)
    return recase_owner_address(ReportingOwner(**owner))  # type: ignore[arg-type]


def _compact(value: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(value).casefold())


def same_owner(known: ReportingOwner, other: ReportingOwner) -> bool:
    """Whether ``other`` names the owner ``known`` names; also when ``other``'s name runs on
    into its address (a table cell whose line breaks were lost)."""
    a, b = _compact(known.rpt_owner_name.value or ""), _compact(other.rpt_owner_name.value or "")
    return bool(a) and (a == b or (len(a) >= 6 and b.startswith(a) and
                                   other.rpt_owner_street1.value is None))


def corroborate(main: ReportingOwner, other: ReportingOwner) -> ReportingOwner:
    """``main`` with what it lacks taken from ``other``, and each disagreement flagged."""
    def merge(mine: Field, theirs: Field, what: str) -> Field:
        if theirs.value is None or theirs.needs_review:
            return mine
        if mine.value is None and not mine.needs_review:
            return theirs
        if mine.value is not None and _compact(mine.value) != _compact(theirs.value):
            return mine.flagged(f"the view prints {what} also as {theirs.value!r}")
        return mine

    changes: dict[str, object] = {}
    for spec in dataclasses.fields(ReportingOwner):
        mine, theirs = getattr(main, spec.name), getattr(other, spec.name)
        if isinstance(mine, Field) and spec.name not in ("rpt_owner_street1",
                                                         "rpt_owner_street2"):
            changes[spec.name] = merge(mine, theirs, spec.name.replace("rpt_owner_", ""))
    rel = {spec.name: merge(getattr(main.relationship, spec.name),
                            getattr(other.relationship, spec.name), spec.name)
           for spec in dataclasses.fields(Relationship)}
    changes["relationship"] = Relationship(**rel)
    return dataclasses.replace(main, **changes)  # type: ignore[arg-type]


__all__ = ["CLEAN", "SOURCE", "ViewLayoutError", "check_value", "corroborate", "field",
           "read_checks", "read_owner_box", "read_relationship", "same_owner", "state_field",
           "table_owner"]
