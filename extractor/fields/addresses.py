"""Addresses in box 1: street lines, "MADISON, WI 53716", display casing."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from extractor.knowledge.codes import (
    STATE_CODES,
    UNIT_WORDS,
    UPPERCASE_ADDRESS_WORDS,
    US_ZIP,
)
from extractor.model import ReportingOwner

_CITY_STATE_ZIP = re.compile(
    r"^(?P<city>[A-Za-z][A-Za-z .'\-]*?)\s*,?\s+(?P<state>[A-Za-z]{2})\.?\s*,?\s+"
    r"(?P<zip>" + US_ZIP + r")\b"
)
_ORDINAL = re.compile(r"^(\d+)(ST|ND|RD|TH)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CityStateZip:
    city: str
    state: str
    zip_code: str


def parse_city_state_zip(text: str) -> CityStateZip | None:
    """"MADISON, WI 53716" -> CityStateZip("MADISON", "WI", "53716"); None unless the state is a
    real USPS code and the ZIP has five digits."""
    m = _CITY_STATE_ZIP.match(" ".join(text.split()))
    if not m or m["state"].upper() not in STATE_CODES:
        return None
    return CityStateZip(m["city"].strip(), m["state"].upper(), m["zip"])


def recase_address(text: str) -> str:
    """Re-case an all-capitals address line for display; mixed-case text is returned unchanged.

    Paper forms and EDGAR often print addresses in capitals; users want "3301 Agriculture Drive".
    Abbreviations such as C/O, LLC, PO and compass points stay in capitals.

    >>> recase_address("C/O CELLECTAR BIOSCIENCES, INC.")
    'C/O Cellectar Biosciences, Inc.'
    """
    letters = [c for c in text if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return text
    return " ".join(_recase_word(word) for word in text.split(" "))


def recase_owner_address(owner: ReportingOwner) -> ReportingOwner:
    """``owner`` with its street lines and city re-cased for display (:func:`recase_address`)."""
    changes = {}
    for name in ("rpt_owner_street1", "rpt_owner_street2", "rpt_owner_city"):
        value = getattr(owner, name)
        if isinstance(value.value, str):
            changes[name] = dataclasses.replace(value, value=recase_address(value.value))
    return dataclasses.replace(owner, **changes)


def _recase_word(word: str) -> str:
    core = word.rstrip(",;:")
    tail = word[len(core):]
    if core.upper() in UPPERCASE_ADDRESS_WORDS or not any(c.isalpha() for c in core):
        return word
    if m := _ORDINAL.match(core):
        return m[1] + m[2].lower() + tail
    if any(c.isdigit() for c in core):  # unit numbers such as "3A", "B-12" stay as printed
        return word
    parts = re.split(r"([\-/'.])", core)
    return "".join(p[:1].upper() + p[1:].lower() for p in parts) + tail


def split_street(text: str) -> tuple[str, str | None]:
    """Split one printed street line into street1 and street2.

    Box 1 prints the street on one line; EDGAR keeps two.  The split is made where the second
    line evidently starts: after a care-of line at the house number ("C/O ACME, INC., 3301 MAIN
    DRIVE"), or at a unit ("100 CARR 115, UNIT 1900", "4747 EXECUTIVE DRIVE SUITE 210").  A plain
    street stays whole.
    """
    text = " ".join(text.split()).strip(" ,")
    if re.match(r"(?i)(c/o|attn:?|care of)\s", text):
        # the last house number: an all-digit token ("3301", "1-7-1"), not "10X" in a name
        numbers = list(re.finditer(r"(?:,\s*|\s+)(?=\d[\d\-]*\s)", text))
        if numbers:
            cut = numbers[-1]
            return text[: cut.start()].strip(" ,"), text[cut.end():].strip()
        return text, None
    units = "|".join(sorted(UNIT_WORDS, key=len, reverse=True))
    m = re.search(rf"(?:,\s*|\s+)(?=(?:{units})\b\.?\s*#?\s*[\w\-]+$|#\s*[\w\-]+$)", text,
                  re.IGNORECASE)
    if m and m.start() > 0 and not re.fullmatch(r"(?i)p\.?\s*o\.?", text[: m.start()].strip()):
        return text[: m.start()].strip(" ,"), text[m.end():].strip()
    return text, None
