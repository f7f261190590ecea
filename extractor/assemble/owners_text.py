"""Reporting owners from a text dump: box 1, box 5 check marks, and the "Reporting Owners" table
that EDGAR's HTML view (and the investor-relations pages that copy it) prints after the form.

When both the form and the table hold a value they corroborate each other; a value cut off in one
("MADISO", ZIP "5371") is completed from the other; a real disagreement is flagged, not settled.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from extractor.assemble.text_fields import CLEAN, SOURCE
from extractor.assemble.text_fields import text_field as _f
from extractor.fields.addresses import recase_owner_address, split_street
from extractor.fields.cells import REPAIRED_CONFIDENCE
from extractor.fields.names import split_person_name
from extractor.fields.ocr_repair import repair_code
from extractor.knowledge import labels as K
from extractor.knowledge.codes import (
    STATE_CODES,
    STREET_WORDS,
    UNIT_WORDS,
    US_ZIP,
    is_state_or_country_code,
)
from extractor.layout.fuzzy import normalize_label
from extractor.layout.text_boxes import LocatedLabel, TextLayout, clean_segment
from extractor.layout.text_checkboxes import read_checkboxes
from extractor.layout.text_regions import table_rows_after
from extractor.model import Field, Provenance, Relationship, ReportingOwner

FORM = Provenance(SOURCE)


# --- box 1 ----------------------------------------------------------------------------------------

def read_box1(layout: TextLayout) -> ReportingOwner | None:
    """The reporting person printed in box 1, or None when box 1 is not in the dump."""
    box = layout.find("reporting_person")
    if box is None:
        return None
    last = layout.find("last", "sublabel")
    stop = layout.next_label_start(box.end)  # never read across another label
    raw_name = layout.dump.flat[box.end:min(stop, last.start)] if last and \
        last.start > box.end else layout.segment_after(box)
    # Without the "(Last)" sub-label (OCR read it "(las)") the name is the first line that
    # holds text: the label's own asterisk may end up on a line of its own.
    name = clean_segment(raw_name) if last is not None else \
        next((text for line in raw_name.split("\n") if (text := clean_segment(line))), "")
    owner = _named_owner(name, raw_name)
    street = layout.find("street", "sublabel")
    if street is not None:
        raw = layout.segment_before(street)
        lines = [text for line in raw.split("\n")
                 if (text := clean_segment(line)) and not _GARBLED_SUBLABELS.fullmatch(text)]
        street1: str | None
        street2: str | None
        if len(lines) >= 2:  # the dump kept the printed line break between the two lines
            street1, street2 = lines[0], " ".join(lines[1:])
        else:
            street1, street2 = split_street(clean_segment(raw))
        owner = dataclasses.replace(
            owner, rpt_owner_street1=_f(street1 or None, raw),
            rpt_owner_street2=_f(street2, raw) if street2 else Field())
    return _with_city_state_zip(layout, owner, street.end if street else box.end)


def _named_owner(name: str, raw: str) -> ReportingOwner:
    if not name:
        return ReportingOwner(rpt_owner_name=_f(None, raw, 0.0, "box 1 holds no name"))
    person = split_person_name(name)
    return ReportingOwner(
        rpt_owner_name=_f(person.full, raw), last_name=_f(person.last, raw),
        first_name=_f(person.first, raw) if person.first else Field(),
        middle_name=_f(person.middle, raw) if person.middle else Field())


#: Sub-labels OCR garbled past recognition, on a line of their own: "(Micdte)", "(Cay) (2p)",
#: "ay)".  No line of a name or an address is made of such tokens alone.
_GARBLED_SUBLABELS = re.compile(r"(?:[(\[{]?[^\s()]{1,7}[)\]}]\s*)+")


def _with_city_state_zip(layout: TextLayout, owner: ReportingOwner, after: int
                         ) -> ReportingOwner:
    """City, state and ZIP from the line above their sub-labels; ``after`` is where the street
    ends."""
    city, state, zip_label = (layout.find(k, "sublabel") for k in ("city", "state", "zip"))
    if city is None:
        return _with_unlabelled_city_line(layout, owner, after, state or zip_label)
    flat = layout.dump.flat
    pieces = [clean_segment(layout.segment_before(city))]
    for left, right in ((city, state), (state, zip_label)):
        if left is not None and right is not None and right.start > left.end:
            pieces.append(clean_segment(flat[left.end:right.start]))
    pieces = [p for p in pieces if p]
    raw = " | ".join(pieces)
    # A cell boundary inside a word ("MADISO | N, WI") is where a converter cut one word in two.
    joined = pieces[0] if pieces else ""
    glued = False
    for piece in pieces[1:]:
        # Glue when the piece goes on with letters up to the city's comma ("N, WI 53716"),
        # or starts with something that is no state code; "WI 53716" starts a new field.
        head = re.match(r"[A-Za-z]+(?=,)", piece)
        if joined and joined[-1].isalpha() and piece[:1].isalpha() and (
                head is not None or not re.match(r"[A-Z]{2}\b", piece)):
            joined, glued = joined + piece, True
        else:
            joined = f"{joined} {piece}"
    m = _CITY_STATE_ZIP.match(joined)
    if not m:
        return _without_state(owner, joined, raw)
    state_code = m["state"].upper()
    zip_code = m["zip"] or ""
    return dataclasses.replace(
        owner,
        rpt_owner_city=_f(m["city"].strip(), raw, 0.6 if glued else CLEAN,
                          "city was split across table cells" if glued else None),
        rpt_owner_state=_f(state_code, raw) if is_state_or_country_code(state_code) else
        _f(None, raw, 0.0, f"{m['state']!r} is not a state or EDGAR country code"),
        rpt_owner_zip_code=_zip_field(zip_code, state_code, raw),
    )


#: "CUPERTINO, CA 95014", "LONDON, X0 W1J 5AB".
_CITY_STATE_ZIP = re.compile(r"^(?P<city>[A-Za-z][A-Za-z .'\-]*?)[,\s]+"
                             r"(?P<state>[A-Za-z][A-Za-z0-9])\.?"
                             r"(?:[,\s]+(?P<zip>[A-Z0-9][A-Z0-9 \-]*))?\s*$")


def _with_unlabelled_city_line(layout: TextLayout, owner: ReportingOwner, after: int,
                               anchor: LocatedLabel | None) -> ReportingOwner:
    """City, state and ZIP when OCR garbled the "(City)" sub-label past recognition ("(Cay)"):
    the first line after the street, up to the next sub-label or box, that reads as a city, a
    state or country code and a US ZIP ("SANTA CLARA CA 95051")."""
    end = anchor.start if anchor is not None else layout.next_label_start(
        after, ("box", "section", "column"))
    for line in layout.dump.flat[after:end].split("\n"):
        text = clean_segment(line)
        m = _CITY_STATE_ZIP.match(text)
        if m and is_state_or_country_code(m["state"].upper()) and \
                re.fullmatch(US_ZIP, m["zip"] or ""):
            return dataclasses.replace(
                owner, rpt_owner_city=_f(m["city"].strip(), text),
                rpt_owner_state=_f(m["state"].upper(), text),
                rpt_owner_zip_code=_f(m["zip"], text))
    return owner


#: "AUSTIN 78725", "AUSTIN T™ 78725": a city and a US ZIP with the state between them lost or
#: unreadable (a token of up to three characters, one of them no letter).
_CITY_ZIP = re.compile(r"^(?P<city>[A-Za-z][A-Za-z .'\-]*?)"
                       r"(?:\s+(?P<lost>(?=\S{0,2}[^A-Za-z\s])\S{1,3}))?"
                       r"\s+(?P<zip>" + US_ZIP + r")\s*$")


def _without_state(owner: ReportingOwner, joined: str, raw: str) -> ReportingOwner:
    """City and ZIP of a line whose state OCR lost: both are kept, the state is flagged."""
    m = _CITY_ZIP.match(joined)
    if not m:
        return dataclasses.replace(owner, rpt_owner_city=_f(None, raw, 0.0,
                                   f"city, state and ZIP not readable in {raw!r}"))
    reason = (f"state code not readable ({m['lost']!r}) between city and ZIP" if m["lost"]
              else "no state code between city and ZIP")
    return dataclasses.replace(owner, rpt_owner_city=_f(m["city"].strip(), raw),
                               rpt_owner_state=_f(None, raw, 0.0, reason),
                               rpt_owner_zip_code=_f(m["zip"], raw))


def _zip_field(zip_code: str, state: str, raw: str) -> Field:
    """A US ZIP must have five digits (a clipped "5371" is flagged); a foreign postal code is
    taken as printed."""
    if state in STATE_CODES:
        if re.fullmatch(US_ZIP, zip_code):
            return _f(zip_code, raw)
        return _f(None, raw, 0.0, f"ZIP {zip_code!r} is incomplete")
    return _f(zip_code.strip() or None, raw, CLEAN if zip_code.strip() else 0.0)


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
            values["officer_title"] = _f(title, title, 0.5, "officer and other both checked: "
                                         "the text below may be either")
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
        owner = _named_owner(name, cell)
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

