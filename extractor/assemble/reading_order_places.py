"""Box 1 of reading-order text, by the types of its lines: a name, a street, a city line.

A value is known for a name when it is words (an entity's may hold digits), for a street when it
holds a number or a street word, and for the city, state and ZIP when they stand on one line,
on three lines one after another, or each after its sub-label ("City: REDMOND").
"""

from __future__ import annotations

import re

from extractor.fields.addresses import parse_city_state_zip
from extractor.fields.names import is_entity_name
from extractor.knowledge.codes import STATE_CODES, STREET_WORDS, UNIT_WORDS, US_ZIP
from extractor.layout.reading_order import Line

#: A line that ends in a bracketed ticker: box 2's issuer ("Apple Inc. [AAPL]").
ISSUER = re.compile(r"^(?P<name>.*?)\s*\[\s*(?P<ticker>[A-Za-z0-9.\-]{1,8})\s*\]\s*$")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9.,'&\- ]*[A-Za-z.]$")


def is_name(text: str) -> bool:
    if re.search(r"\d", text) and not is_entity_name(text):
        return False
    return bool(_NAME.match(text)) and len(text.split()) >= 2 and not ISSUER.match(text)


def is_street(text: str) -> bool:
    words = {w.strip(".,").upper() for w in text.split()}
    return bool(re.search(r"\d", text)) or bool(words & (STREET_WORDS | UNIT_WORDS)) or \
        text.upper().startswith(("C/O", "PO BOX", "P.O."))


#: The sub-labels a value printed after them on their line ("City: REDMOND") belongs to.
_PLACE_LABELS = {"city": ("city",), "state": ("state",),
                 "zip": ("zip", "zip code", "zip/postal code", "postal code")}


#: Sub-labels of box 1 whose value, printed after them on their line, is a value whatever its
#: words ("Street: ONE" of "ONE APPLE PARK WAY").
_BOX1_LABELS = frozenset({"street", "city", "state", "zip", "zip code", "zip/postal code",
                          "postal code"})


def is_labelled_value(lines: list[Line], index: int) -> bool:
    """Whether the line at ``index`` was printed after a box 1 sub-label on its line."""
    return index > 0 and lines[index - 1].number == lines[index].number and \
        lines[index - 1].text.strip(" :()").lower() in _BOX1_LABELS and \
        bool(re.search(r"[A-Za-z0-9]", lines[index].text))


#: A box 1 sub-label leading its value on one line: "CITY AUSTIN", "(City) ASHBURN",
#: "ZIP/POSTAL CODE: 20147", "(Street) 19886 ASHBURN ROAD".
_LEADING_LABEL = re.compile(
    r"(?i)^\(?(?P<label>street|city|state|zip/postal code|zip code|postal code|zip)\)?"
    r"\s*:?\s+(?P<value>\S.*)$")


def _labelled(lines: list[Line], free: list[int], names: tuple[str, ...],
              ) -> tuple[int, str] | None:
    """The free value printed on one line after one of the labels ``names``: as a segment of
    its own beside the label, or after it in the same text."""
    for i in free:
        label = lines[i - 1].text.strip(" :()").lower() if i > 0 and \
            lines[i - 1].number == lines[i].number else None
        first, _, rest = lines[i].text.partition(" ")
        if label and f"{label} {first.strip(':').lower()}" in names and rest.strip():
            return i, rest.strip()  # a label's last word set off with its value: "CODE 78725"
        if label in names:
            return i, lines[i].text
        m = _LEADING_LABEL.match(lines[i].text)
        if m and m["label"].lower() in names:
            return i, m["value"].strip()
    return None


def is_box1_line(text: str) -> bool:
    """Whether the line can only be box 1's: a sub-label leads it ("(Zip/Postal Code) 20147")
    or it is a care-of line ("C/O ALPHABET INC."), never an officer's title."""
    return bool(_LEADING_LABEL.match(text)) or text.upper().startswith(("C/O ", "C/O:"))


def without_label(text: str) -> str:
    """A box 1 line without the sub-label that leads it ("(Street) 19886 ASHBURN ROAD")."""
    m = _LEADING_LABEL.match(text)
    return m["value"].strip() if m else text


def labelled_place(lines: list[Line], free: list[int],
                    ) -> tuple[int, tuple[str, str, str, str]] | None:
    """City, state and ZIP each printed after its label ("City: REDMOND", "State: WA")."""
    at = {key: _labelled(lines, free, names) for key, names in _PLACE_LABELS.items()}
    if any(found is None for found in at.values()):
        return None
    city, state, zip_code = (found[1] for found in at.values() if found is not None)
    if state.upper() not in STATE_CODES or not re.fullmatch(US_ZIP, zip_code) or \
            is_street(city):
        return None
    city_at = at["city"]
    assert city_at is not None
    return city_at[0], (city, state.upper(), zip_code, f"{city} / {state} / {zip_code}")


def city_state_zip(lines: list[Line], free: list[int],
                    ) -> tuple[int | None, tuple[str, str, str, str] | None]:
    """The first city, state and ZIP among the free lines: on one line or on three."""
    for position, index in enumerate(free):
        text = lines[index].text
        place = parse_city_state_zip(text)
        if place:
            return index, (place.city, place.state, place.zip_code, text)
        following = [lines[i].text for i in free[position + 1:position + 3]]
        if len(following) == 2 and re.fullmatch(r"[A-Za-z][A-Za-z .'\-]+", text) and \
                not is_street(text) and \
                following[0].upper() in STATE_CODES and re.fullmatch(US_ZIP, following[1]):
            raw = " / ".join([text, *following])
            return index, (text, following[0].upper(), following[1], raw)
    return None, None
