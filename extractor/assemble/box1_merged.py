"""Box 1 written into one cell: the name, address and captions run together in print order.

A converter that merges box 1 into one markdown cell or one line leaves its captions among the
values: "Sergey Brin Last: First: Middle: C/O ALPHABET INC. 1600 AMPHITHEATRE PKWY Street:
MOUNTAIN VIEW CA 94043 City: State: Zip:".  The captions keep the form's order (Last, First,
Middle, Street, City, State, Zip, Country), so the cell is read by that label sequence: the name
stands before "Last"; a value stands under its caption on the form (before it in the text) or,
in a converter's "Caption: value" style, after it.  Which of the two a cell uses is seen at the
city: text between "City" and "State" is the city, written after its caption; none there means
the city line stands before "City" with the street before it.
"""

from __future__ import annotations

import dataclasses
import re

from extractor.assemble.text_fields import text_field as _f
from extractor.knowledge.codes import STATE_CODES, US_ZIP, is_state_or_country_code
from extractor.layout.text_boxes import LocatedLabel, TextLayout, clean_segment
from extractor.model import ReportingOwner


def _caption(word: str) -> str:
    return r"\(?\b" + word + r"\b\)?:?"


_NAME_CAPTIONS = re.compile(_caption("Last") + r"\s*" + _caption("First") + r"\s*" +
                            _caption("Middle"), re.IGNORECASE)
_STREET = re.compile(_caption("Street"), re.IGNORECASE)
#: The street caption as the form prints it, bracketed or with a colon: "STREET" alone may be
#: a word of the address ("222 BERKELEY STREET").
_STREET_MARKED = re.compile(r"\(Street\)|\bStreet:", re.IGNORECASE)
_CITY = re.compile(_caption("City"), re.IGNORECASE)
_STATE = re.compile(_caption("State"), re.IGNORECASE)
_ZIP = re.compile(r"\(?\bZip(?:\s*Code|/Postal Code)?\b\)?:?", re.IGNORECASE)
_COUNTRY = re.compile(_caption("Country"), re.IGNORECASE)
#: "MOUNTAIN VIEW CA 94043": a city line written before its captions.
_CITY_LINE = re.compile(r"^(?P<city>[A-Za-z][A-Za-z .'\-]*?)[,\s]+(?P<state>[A-Za-z][A-Za-z0-9])"
                        r"[,\s]+(?P<zip>[A-Z0-9][A-Z0-9 \-]*)$")


def merged_cell(layout: TextLayout, box: LocatedLabel) -> str | None:
    """The one cell after box 1's label that holds the name captions and the city caption
    after them, or None."""
    flat = layout.dump.flat
    line_end = flat.find("\n", box.end)
    lines = [flat[box.end:line_end if line_end >= 0 else len(flat)]]
    lines += flat[line_end + 1:].split("\n", 3)[:3] if line_end >= 0 else []
    for line in lines:
        for cell in line.split("|"):
            m = _NAME_CAPTIONS.search(cell)
            if m and _CITY.search(cell, m.end()) and clean_segment(cell[:m.start()]):
                return cell.replace("<br>", " ")
    return None


def read_merged_box1(cell: str) -> ReportingOwner | None:
    """The owner a merged box 1 cell holds, read by its label sequence; None when the
    captions after the name are not in the form's order."""
    from extractor.assemble.box1_text import named_owner

    names = _NAME_CAPTIONS.search(cell)
    if names is None:
        return None
    rest = cell[names.end():]
    city = _CITY.search(rest)
    state = _STATE.search(rest, city.end()) if city else None
    zip_label = _ZIP.search(rest, state.end()) if state else None
    if city is None or state is None or zip_label is None:
        return None
    country = _COUNTRY.search(rest, zip_label.end())
    before_city = rest[:city.start()]
    owner = named_owner(clean_segment(cell[:names.start()]), cell)
    city_after = clean_segment(rest[city.end():state.start()])
    if city_after:  # "City: BOSTON State: MA Zip: 02116": each value after its caption
        caption = _street_caption(before_city)
        street_text = before_city if caption is None else \
            f"{before_city[:caption.start()]} {before_city[caption.end():]}"
        city_name, state_code = city_after, clean_segment(rest[state.end():zip_label.start()])
        zip_code = clean_segment(rest[zip_label.end():country.start() if country else None])
    else:  # "... PKWY Street: MOUNTAIN VIEW CA 94043 City: State: Zip:": values before
        street = _street_caption(before_city)
        if street is None:
            return None
        m = _CITY_LINE.match(clean_segment(before_city[street.end():]))
        if m is None:
            return None
        street_text = before_city[:street.start()]
        city_name, state_code, zip_code = m["city"], m["state"], m["zip"]
    state_code = state_code.upper()
    if not is_state_or_country_code(state_code):
        return None
    street_text = clean_segment(street_text)
    zip_ok = not (state_code in STATE_CODES and not re.fullmatch(US_ZIP, zip_code))
    return dataclasses.replace(
        owner,
        rpt_owner_street1=_f(street_text or None, cell),
        rpt_owner_city=_f(city_name.strip(" ,"), cell),
        rpt_owner_state=_f(state_code, cell),
        rpt_owner_zip_code=_f(zip_code, cell) if zip_ok else
        _f(None, cell, 0.0, f"ZIP {zip_code!r} is incomplete"))


def _street_caption(text: str) -> re.Match[str] | None:
    """The street caption in ``text``: a bracketed or colon-marked one, else the last."""
    marked = _STREET_MARKED.search(text)
    if marked:
        return marked
    found = list(_STREET.finditer(text))
    return found[-1] if found else None

