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


def _labelled(lines: list[Line], free: list[int], names: tuple[str, ...]) -> int | None:
    """The free value printed on one line after one of the labels ``names``."""
    return next((i for i in free if i > 0 and lines[i - 1].number == lines[i].number and
                 lines[i - 1].text.strip(" :()").lower() in names), None)


def labelled_place(lines: list[Line], free: list[int],
                    ) -> tuple[int, tuple[str, str, str, str]] | None:
    """City, state and ZIP each printed after its label ("City: REDMOND", "State: WA")."""
    at = {key: _labelled(lines, free, names) for key, names in _PLACE_LABELS.items()}
    if any(i is None for i in at.values()):
        return None
    city, state, zip_code = (lines[i].text for i in at.values() if i is not None)
    if state.upper() not in STATE_CODES or not re.fullmatch(US_ZIP, zip_code) or \
            is_street(city):
        return None
    city_at = at["city"]
    assert city_at is not None
    return city_at, (city, state.upper(), zip_code, f"{city} / {state} / {zip_code}")


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
