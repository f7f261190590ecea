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
    # A space after "$" is print; one between digits may part a number from a footnote
    # digit ("294,840.00 6"), so it is no number here (OCR's split numbers are repaired, and
    # doubted, by extractor.fields.ocr_repair).
    cleaned = re.sub(r"(?<=\$)\s+", "", text.strip())
    m = _AMOUNT.match(cleaned)
    if not m:
        return None
    try:
        return Decimal(m[1].replace(",", "") + (m[2] or ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        return None


def split_paired_amount(amount: str, codes: str) -> list[tuple[str, Decimal | None]] | None:
    """An amount typed as the paper form's (A) and (D) sub-columns side by side.

    ``("12,000 -", "A,D")`` -> ``[("A", Decimal("12000")), ("D", None)]``: one slot per code, in
    the order the codes are typed; a dash is an empty slot.  None unless ``codes`` names exactly
    A and D (nothing else) and ``amount`` has one part per code, each an amount or a dash.
    """
    letters = re.findall(r"[AD]", codes.upper())
    parts = [p for p in re.split(r"[\s/]+", amount.strip()) if p]
    if sorted(letters) != ["A", "D"] or re.sub(r"[\sAD(),/&+]", "", codes.upper()) or \
            len(parts) != 2:
        return None
    slots: list[tuple[str, Decimal | None]] = []
    for code, part in zip(letters, parts, strict=True):
        value = None if re.fullmatch(r"-+", part) else parse_amount(part)
        if value is None and not re.fullmatch(r"-+", part):
            return None
        slots.append((code, value))
    return slots
