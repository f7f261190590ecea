"""Share amounts and prices: "12,000", "$1.375", "$ 2.79 (1)", "0"."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_AMOUNT = re.compile(r"^\(?\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\)?$")


def parse_amount(text: str) -> Decimal | None:
    """A non-negative number written as the form prints it, or None when ``text`` is not one.

    Thousands separators must sit every three digits ("12,000", not "1,20"): a misplaced comma is
    more likely an OCR slip than a number, so it is refused rather than guessed.

    >>> parse_amount("$1.375")
    Decimal('1.375')
    >>> parse_amount("12,000")
    Decimal('12000')
    """
    cleaned = text.strip().replace(" ", "")
    m = _AMOUNT.match(cleaned)
    if not m:
        return None
    try:
        return Decimal(m[1].replace(",", "") + (m[2] or ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        return None
