"""Reporting owners from a text dump: box 1, box 5 check marks, and the "Reporting Owners" table
that EDGAR's HTML view (and the investor-relations pages that copy it) prints after the form.

When both the form and the table hold a value they corroborate each other; a value cut off in one
("MADISO", ZIP "5371") is completed from the other; a real disagreement is flagged, not settled.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from extractor.assemble.box1_text import named_owner
from extractor.assemble.text_fields import CLEAN, SOURCE
from extractor.assemble.text_fields import text_field as _f
from extractor.fields.addresses import recase_owner_address, split_street
from extractor.fields.cells import REPAIRED_CONFIDENCE
from extractor.fields.ocr_repair import repair_code
from extractor.knowledge import labels as K
from extractor.knowledge.codes import (
    STREET_WORDS,
    UNIT_WORDS,
    US_ZIP,
    is_state_or_country_code,
)
from extractor.layout.fuzzy import normalize_label
from extractor.layout.text_boxes import TextLayout, clean_segment
from extractor.layout.text_checkboxes import read_checkboxes
from extractor.layout.text_regions import table_rows_after
from extractor.model import Field, Provenance, Relationship, ReportingOwner

FORM = Provenance(SOURCE)


# --- box 5 ----------------------------------------------------------------------------------------

def read_box5(layout: TextLayout) -> Relationship:
    """Box 5's check marks, and the officer title / other text printed below the boxes."""
    values = read_checkboxes(layout, {"director": "is_director",
                                      "ten_percent_owner": "is_ten_percent_owner",
                                      "officer": "is_officer", "other": "is_other"})
    other_label = layout.find("other", "checkbox")
    officer, other = (values.get(k, Field()).value for k in ("is_officer", "is_other"))
    if other_label is not None and (officer or other):
        # The officer's title or the "Other" text is printed below the check boxes: the first
        # line that holds text.  With both boxes checked it cannot be told which it is.
        lines = [clean_segment(t) for t in layout.segment_after(other_label).split("\n")]
        # A line of check marks alone (a mark read below its box) is no title.
        title = next((t for t in lines if t and not _MARKS_ONLY.fullmatch(t)), "")
        if title and officer and other and title.count(";") == 1:
            officer_title, other_text = (part.strip() for part in title.split(";"))
            values["officer_title"] = _f(officer_title, title, 0.85)
            values["other_text"] = _f(other_text, title, 0.85)
        elif title and officer and other:
            reason = "officer and other both checked: the text below may be either"
            values["officer_title"] = _f(title, title, 0.5, reason)
            values["other_text"] = _f(title, title, 0.5, reason)
        elif title:
            values["officer_title" if officer else "other_text"] = _f(title, title)
    return Relationship(**values)


# --- the Reporting Owners table -------------------------------------------------------------------

def read_owners_table(layout: TextLayout, box1: ReportingOwner | None) -> list[ReportingOwner]:
    """One owner per row of the Reporting Owners table (empty when the dump has none)."""
    owners: list[ReportingOwner] = []
    for header in layout.find_all("owner_name_address"):  # the table may go on over pages
        header_line = layout.dump.lines[layout.dump.line_at(header.start)]
        columns = {normalize_label(c): i for i, c in enumerate(header_line.cells)}
        index = {lab.key: columns.get(normalize_label(lab.text))
                 for lab in K.REPORTING_OWNER_COLUMNS}
        if index["owner_name_address"] is None:
            continue
        for row in table_rows_after(layout, header):
            if row.filled_cells:
                cells = list(row.cells) + [""] * len(header_line.cells)
                owners.append(_owner_from_row(cells, index, box1, first=not owners))
    return owners


def _owner_from_row(cells: list[str], index: dict[str, int | None],
                    box1: ReportingOwner | None, first: bool) -> ReportingOwner:
    cell = cells[index["owner_name_address"] or 0]
    split = _split_name_address(cell, box1, first)
    if split is None:
        reason = "where the name ends and the address begins is not clear"
        owner = ReportingOwner(rpt_owner_name=_f(cell, cell, 0.4, reason))
    else:
        name, address = split
        owner = named_owner(name, cell)
        owner = dataclasses.replace(owner, **_split_address(address, cell, box1))

    def mark(key: str) -> str | None:
        at = index.get(key)
        if at is None:
            return None
        text = cells[at].strip()
        # OCR doubles a lone capital or hangs a bracket on it: "Xx", "X)" are the mark.
        return "X" if text and repair_code(text, _MARK) else text

    rel: dict[str, Field] = {}
    for key, name in (("director", "is_director"), ("ten_percent_owner", "is_ten_percent_owner"),
                      ("officer", "is_officer"), ("other", "is_other")):
        text = mark(key)
        if text is None:
            continue
        rel[name] = _f(bool(text), text)
        if text and text.upper() != "X" and key in ("officer", "other"):
            rel["officer_title" if key == "officer" else "other_text"] = _f(text, text)
    return dataclasses.replace(owner, relationship=Relationship(**rel))


_MARK = frozenset({"X"})
#: A line holding nothing but check marks, as the layout writes them.
_MARKS_ONLY = re.compile(r"(?:X|\[ \])(?:\s+(?:X|\[ \]))*")
_ENTITY_END = re.compile(r"\b(?:LLC|L\.L\.C\.|LP|L\.P\.|LLP|INC\.?|CORP\.?|CORPORATION|LTD\.?|"
                         r"LIMITED|CO\.|TRUST|FUND|PLC|N\.V\.|S\.A\.|AG|GMBH)(?=\s)",
                         re.IGNORECASE)
_ADDRESS_START = re.compile(r"\s(?=C/O\b|c/o\b|P\.?\s?O\.?\s+BOX\b|\d)", re.IGNORECASE)
#: An EDGAR country code as OCR may read it: the digit 0 read as the letter O ("X0" -> "XO").
_COUNTRY_CODE = r"[A-Z][0-9O]"
_US_TAIL = re.compile(r",\s*(?:[A-Z]{2}\s+" + US_ZIP + "|" + _COUNTRY_CODE +
                      r"\s+[A-Z0-9][A-Z0-9 \-]*)$")


def _split_name_address(cell: str, box1: ReportingOwner | None,
                        first: bool = True) -> tuple[str, str] | None:
    """Where a Reporting Owners cell ("Name Street City, ST ZIP", line breaks lost) splits.

    In order of trust: the name box 1 printed; the street box 1 printed (joint filers often
    share it); a care-of, PO box or house number; the end of an entity's name ("... LLC").  The
    address left over must still end in "City, ST ZIP" and hold more than that.
    """
    def usable(position: int) -> bool:
        rest = cell[position:].strip()
        return bool(_US_TAIL.search(rest)) and len(_US_TAIL.sub("", rest).split()) >= 2

    known = box1.rpt_owner_name.value if box1 and first else None
    if known and cell.lower().startswith(known.lower()):
        return cell[:len(known)].strip(), cell[len(known):].strip()
    street = box1.rpt_owner_street1.value if box1 else None
    candidates: list[int] = []
    if street:
        at = cell.upper().find(str(street).upper())
        if at > 0:
            candidates.append(at)
    candidates += [m.end() for m in _ADDRESS_START.finditer(cell)]
    candidates += [m.end() for m in reversed(list(_ENTITY_END.finditer(cell)))]
    for position in candidates:  # in order of trust, not of position
        if position > 0 and usable(position):
            return cell[:position].strip(" ,"), cell[position:].strip()
    return None


def _state_field(state: str | None, country: str | None, raw: str) -> Field:
    """The state or country code.  A code of a letter and "O" before a foreign postal code is
    a country code whose 0 OCR read as O ("XO W1K 3JP"): no US state stands before such a
    code, so the digit is the one reading."""
    if country and country.endswith("O"):
        return _f(country[0] + "0", raw, REPAIRED_CONFIDENCE)
    code = state or country or ""
    if is_state_or_country_code(code):
        return _f(code, raw)
    return _f(None, raw, 0.0, f"{code!r} is not a state code")


def _split_address(address: str, raw: str, box1: ReportingOwner | None) -> dict[str, Any]:
    m = re.match(r"^(?P<rest>.*?)\s*,\s*(?:(?P<state>[A-Z]{2})\s+(?P<zip>" + US_ZIP + r")|"
                 r"(?P<country>" + _COUNTRY_CODE + r")\s+(?P<postal>[A-Z0-9][A-Z0-9 \-]*))$",
                 address)
    if not m:  # not a US "CITY, ST ZIP" address: where the street ends is anyone's guess
        reason = "address not in CITY, ST ZIP form; street, city and postal code not separated"
        return {"rpt_owner_street1": _f(None, raw, 0.0, reason)}
    words = m["rest"].split()
    known_city = box1.rpt_owner_city.value if box1 else None
    cut, confidence = _city_start(words, known_city)
    city = " ".join(words[cut:])
    if "," in city.rstrip(","):  # "GEORGE TOWN, GRAND CAYMAN": where the street ends is unsure
        confidence = min(confidence, 0.6)
    # The street ends where the city begins: it is as sure as that boundary.
    street1, street2 = split_street(" ".join(words[:cut]))
    return {
        "rpt_owner_street1": _f(street1 or None, raw, min(CLEAN, confidence + 0.1)),
        "rpt_owner_street2": _f(street2, raw, min(CLEAN, confidence + 0.1)) if street2 else
        Field(),
        "rpt_owner_city": _f(city, raw, confidence),
        "rpt_owner_state": _state_field(m["state"], m["country"], raw),
        "rpt_owner_zip_code": _f(m["zip"] or m["postal"].strip(), raw),
    }


def _city_start(words: list[str], known_city: str | None) -> tuple[int, float]:
    """Where the city begins in "… AGRICULTURE DRIVE MADISON", and how sure that is."""
    if known_city:
        size = len(known_city.split())
        if [w.upper() for w in words[-size:]] == known_city.upper().split():
            return len(words) - size, CLEAN
    for i in range(len(words) - 1, 0, -1):
        word = words[i - 1].upper().strip(".,")
        if word in STREET_WORDS:
            # "ST." ends a street ("MAIN ST.") or begins a saint's city ("ST. HELIER").
            return i, 0.6 if word == "ST" and len(words) - i <= 2 else 0.85
        if word in UNIT_WORDS or word.startswith("#"):
            return min(i + 1, len(words) - 1), 0.85
    return len(words) - 1, 0.5


# --- reconciling the sources ----------------------------------------------------------------------

def _compact(value: object) -> str:
    return re.sub(r"[^0-9a-z]", "", str(value).lower())


def corroborate(form: Field, table: Field, what: str) -> Field:
    """One field from the form's box and the Reporting Owners table."""
    if form.value is None and table.value is None:
        return form if form.needs_review else table
    if form.value is None:
        raw = (form.provenance.raw_text or "") if form.provenance else ""
        if form.needs_review and raw and not _compact(table.value).startswith(
                _compact(raw.split()[-1] if raw.split() else raw)):
            return table.flagged(f"{what}: form box reads {raw!r}")
        return dataclasses.replace(table, review_reason=None)
    if table.value is None:
        return form
    a, b = _compact(form.value), _compact(table.value)
    if a == b:  # the same up to spacing and case: keep the better-read spelling
        best = form if form.confidence >= table.confidence else table
        return dataclasses.replace(best, confidence=min(1.0, max(form.confidence,
                                   table.confidence) + 0.04), review_reason=None)
    shorter, longest = sorted((len(a), len(b)))
    if (b.startswith(a) or a.startswith(b)) and shorter >= 0.6 * longest:
        # One source clipped the value ("MADISO" / "MADISON"): the longer one is complete.
        longer = table if len(b) > len(a) else form
        return dataclasses.replace(longer, review_reason=None)
    return form.dropped(f"{what}: form box says {form.value!r}, Reporting Owners table says "
                        f"{table.value!r}")


def merge_owner(box1: ReportingOwner | None, box5: Relationship,
                table: ReportingOwner | None) -> ReportingOwner:
    """The first reporting owner from box 1 + box 5 and the table row, corroborated."""
    form = dataclasses.replace(box1 or ReportingOwner(), relationship=box5)
    if table is None:
        return recase_owner_address(form)
    merged = {f.name: corroborate(getattr(form, f.name), getattr(table, f.name), f.name)
              for f in dataclasses.fields(ReportingOwner) if f.name != "relationship"}
    relationship = Relationship(**{
        f.name: corroborate(getattr(box5, f.name), getattr(table.relationship, f.name), f.name)
        for f in dataclasses.fields(Relationship)})
    return recase_owner_address(ReportingOwner(**merged, relationship=relationship))


def finish_owner(owner: ReportingOwner) -> ReportingOwner:
    """An owner that had no box 1 to corroborate it (second and later table rows)."""
    return recase_owner_address(owner)

