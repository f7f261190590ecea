"""Box 1 of a text dump: the reporting person's name and address.

Read by its sub-labels ("(Last)", "(Street)", "(City)") where the dump kept them; a converter
that wrote box 1 as plain lines under its label (name, street, "CITY ST ZIP") is read by line:
the first line is the name, the last one that reads as city, state and postal code is the
city line, and the lines between them are the street.
"""

from __future__ import annotations

import dataclasses
import re

from extractor.assemble.box1_merged import merged_cell, read_merged_box1
from extractor.assemble.text_fields import CLEAN
from extractor.assemble.text_fields import text_field as _f
from extractor.fields.addresses import split_street
from extractor.fields.names import split_person_name
from extractor.knowledge.codes import STATE_CODES, US_ZIP, is_state_or_country_code
from extractor.layout.text_boxes import LocatedLabel, TextLayout, clean_segment
from extractor.model import Field, ReportingOwner


def read_box1(layout: TextLayout) -> ReportingOwner | None:
    """The reporting person printed in box 1, or None when box 1 is not in the dump."""
    box = layout.find("reporting_person")
    if box is None:
        return None
    cell = merged_cell(layout, box)
    merged = read_merged_box1(cell) if cell else None
    if merged is not None:
        return merged
    if not _has_sublabels(layout, box):
        return read_box1_lines(layout, box)
    last = layout.find("last", "sublabel")
    stop = layout.next_label_start(box.end)  # never read across another label
    raw_name = layout.dump.flat[box.end:min(stop, last.start)] if last and \
        last.start > box.end else layout.segment_after(box)
    # Without the "(Last)" sub-label (OCR read it "(las)") the name is the first line that
    # holds text: the label's own asterisk may end up on a line of its own.
    name = clean_segment(raw_name) if last is not None else \
        next((text for line in raw_name.split("\n") if (text := clean_segment(line))), "")
    owner = named_owner(name, raw_name)
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


def named_owner(name: str, raw: str) -> ReportingOwner:
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


# --- box 1 as plain lines -------------------------------------------------------------------------

def _box_end(layout: TextLayout, box: LocatedLabel) -> int:
    return layout.next_label_start(box.end, ("box", "section", "column"))


def _has_sublabels(layout: TextLayout, box: LocatedLabel) -> bool:
    end = _box_end(layout, box)
    return any(lab.kind == "sublabel" and box.end <= lab.start < end for lab in layout.labels)


def extra_box1_owners(layout: TextLayout) -> list[ReportingOwner]:
    """The owners of the box 1s printed after the first (a joint filing printing box 1 once
    per reporting person), each read by line."""
    return [read_box1_lines(layout, box) for box in layout.find_all("reporting_person")[1:]
            if box.kind == "box"]


def read_box1_lines(layout: TextLayout, box: LocatedLabel) -> ReportingOwner:
    """Box 1 written as plain lines: name, street line(s), then "CITY ST ZIP".

    Without a city line that reads as one, where the street ends is not known: the street and
    city are flagged, never guessed.
    """
    raw = layout.dump.flat[box.end:layout.next_label_start(box.end)]
    lines = [text for line in raw.split("\n") if (text := clean_segment(line))]
    if not lines:
        return named_owner("", raw)
    owner = named_owner(lines[0], raw)
    rest = lines[1:]
    city_line = _CITY_STATE_ZIP.match(rest[-1]) if rest else None
    if city_line is None or not is_state_or_country_code(city_line["state"].upper()):
        if not rest:
            return owner
        reason = f"no line of box 1 reads as city, state and postal code: {rest[-1]!r}"
        return dataclasses.replace(owner, rpt_owner_street1=_f(None, raw, 0.0, reason),
                                   rpt_owner_city=_f(None, raw, 0.0, reason))
    street_lines = rest[:-1]
    street1, street2 = (street_lines[0], " ".join(street_lines[1:]) or None) \
        if street_lines else (None, None)
    state = city_line["state"].upper()
    return dataclasses.replace(
        owner,
        rpt_owner_street1=_f(street1, raw) if street1 else Field(),
        rpt_owner_street2=_f(street2, raw) if street2 else Field(),
        rpt_owner_city=_f(city_line["city"].strip(), raw),
        rpt_owner_state=_f(state, raw),
        rpt_owner_zip_code=_zip_field(city_line["zip"] or "", state, raw))
