"""Reporting person names: "Longcor Jarrod", "Foster, Alan H.", "SoftBank Group Corp."."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Words that make a name an entity's (no last/first split).
_ENTITY_WORDS = re.compile(
    r"\b(inc|corp|corporation|co|company|llc|l\.l\.c|lp|l\.p|llp|ltd|limited|fund|trust|"
    r"partners|partnership|holdings?|group|capital|management|advisors|associates|bank|plc|"
    r"foundation|ventures|investments?|s\.a|n\.v|ag|gmbh)\b\.?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PersonName:
    """A name split as box 1 prints it: (Last) (First) (Middle)."""

    full: str
    last: str | None
    first: str | None
    middle: str | None


def is_entity_name(name: str) -> bool:
    """True when ``name`` reads as a company, fund or trust rather than a person."""
    return bool(_ENTITY_WORDS.search(name))


def split_person_name(text: str) -> PersonName:
    """Split a box 1 name.  ``full`` is EDGAR style "Last First Middle".

    "Foster, Alan H." -> last Foster, first Alan, middle H.; "Longcor Jarrod" -> last Longcor,
    first Jarrod.  Entities keep the whole name as ``last``.
    """
    name = " ".join(text.replace("\u00a0", " ").split()).strip(" ,;")
    if not name:
        return PersonName("", None, None, None)
    if is_entity_name(name):
        return PersonName(name, name, None, None)
    if "," in name:
        last, _, rest = name.partition(",")
        tokens = [last.strip(), *rest.split()]
    else:
        tokens = name.split()
    last = tokens[0]
    first = tokens[1] if len(tokens) > 1 else None
    middle = " ".join(tokens[2:]) or None
    full = " ".join(t for t in (last, first, middle) if t)
    return PersonName(full, last, first, middle)


def ticker_spelled_by(ticker: str, issuer_name: str) -> bool:
    """Whether the issuer's name holds the ticker's letters in order ("TSLA" in "TeSLA, Inc.",
    "NVDA" in "NVIDIA", "FLWS" in "1-800-FLoWerS"): most tickers are so made, and a letter
    misread in either rarely keeps the pattern, so the one corroborates the other.

    >>> ticker_spelled_by("TSLA", "Tesla, Inc."), ticker_spelled_by("TSIA", "Tesla, Inc.")
    (True, False)
    """
    letters = iter(issuer_name.upper())
    return bool(ticker) and ticker.isalpha() and all(c in letters for c in ticker.upper())
