"""Parse one table cell into a typed :class:`~extractor.model.Field`.

Each function takes the cell text as printed (footnote markers included) and returns a Field
whose value has the model's type, whose ``footnote_ids`` carry the markers, and which is flagged
when the cell holds something that is not a value of the column's type.  Nothing is guessed: a
cell that does not parse is kept as raw text in the provenance and left empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extractor.fields.amounts import parse_amount
from extractor.fields.dates import parse_date
from extractor.fields.footnote_refs import split_footnote_refs
from extractor.fields.ocr_repair import join_split_number, repair_code, repair_digits
from extractor.knowledge.codes import (
    ACQUIRED_DISPOSED_CODES,
    DIRECT_INDIRECT_CODES,
    ROW_TRANSACTION_CODES,
)
from extractor.model import Field, Provenance

CellParser = Callable[[str, float, Provenance], Field]

#: Confidence of a value read cleanly from text whose characters are exact.
CLEAN_TEXT_CONFIDENCE = 0.95
#: At most this confident in a value whose look-alike characters were repaired (O -> 0, | -> I):
#: the column's type settles the reading, but a person may still want to see it.
REPAIRED_CONFIDENCE = 0.85


#: What a filer types in a cell with nothing to report: no value, never a value.
EMPTY_MARK = re.compile(r"-{1,3}|—|–|N/?A|n/a|None|none")


def _empty(text: str) -> bool:
    return not text or bool(EMPTY_MARK.fullmatch(text.strip()))


def _field(value: object, raw: str, refs: tuple[str, ...], confidence: float,
           provenance: Provenance) -> Field:
    prov = Provenance(provenance.source, provenance.page, provenance.bbox, raw)
    return Field(value, confidence, prov, refs)


def _bad(raw: str, refs: tuple[str, ...], provenance: Provenance, what: str) -> Field:
    prov = Provenance(provenance.source, provenance.page, provenance.bbox, raw)
    return Field(None, 0.0, prov, refs, f"cell {raw!r} is not {what}")


def text_cell(raw: str, confidence: float, provenance: Provenance) -> Field:
    """Free text (titles, nature of ownership)."""
    text, refs = split_footnote_refs(raw)
    text = "" if _empty(text) else " ".join(text.split())
    return _field(text or None, raw, refs, confidence if text else 1.0, provenance)


def date_cell(raw: str, confidence: float, provenance: Provenance) -> Field:
    text, refs = split_footnote_refs(raw)
    if _empty(text):
        return _field(None, raw, refs, 1.0, provenance)
    value = parse_date(text)
    if value is None:
        repaired = repair_digits(text)
        value = parse_date(repaired) if repaired else None
        confidence = min(confidence, REPAIRED_CONFIDENCE)
    if value is None:
        return _bad(raw, refs, provenance, "a date")
    return _field(value, raw, refs, confidence, provenance)


#: An amount, a space and one or two digits.
_TRAILING_DIGIT = re.compile(r"^(\S*\d)\s+(\d{1,2})$")


def amount_cell(raw: str, confidence: float, provenance: Provenance) -> Field:
    text, refs = split_footnote_refs(raw)
    if _empty(text):
        return _field(None, raw, refs, 1.0, provenance)
    value = parse_amount(text)
    trailing = _TRAILING_DIGIT.match(text)
    if value is None and trailing and parse_amount(trailing[1]) is not None:
        # "294,840.00 6": a whole amount and a lone digit, most likely its footnote marker
        # printed at text size; joined, it would be another number.
        return _field(parse_amount(trailing[1]), raw, refs, REPAIRED_CONFIDENCE,
                      provenance).flagged(f"cell {raw!r}: an amount and a lone digit (a footnote "
                                          "marker?)")
    if value is None:
        joined = join_split_number(text) or text
        repaired = repair_digits(joined) or joined
        value = parse_amount(repaired) if repaired != text else None
        confidence = min(confidence, REPAIRED_CONFIDENCE)
    if value is None:
        return _bad(raw, refs, provenance, "an amount")
    return _field(value, raw, refs, confidence, provenance)


def _code_cell(allowed: frozenset[str], what: str) -> CellParser:
    def parse(raw: str, confidence: float, provenance: Provenance) -> Field:
        text, refs = split_footnote_refs(raw)
        code = text.strip("() ")
        if _empty(code):
            return _field(None, raw, refs, 1.0, provenance)
        if code not in allowed:
            repaired = repair_code(code, allowed)
            if repaired is None:
                return _bad(raw, refs, provenance, what)
            if repaired.lower() != code.lower():  # a look-alike, not just a small letter
                confidence = min(confidence, REPAIRED_CONFIDENCE)
            code = repaired
        return _field(code, raw, refs, confidence, provenance)

    return parse


transaction_code_cell = _code_cell(ROW_TRANSACTION_CODES, "a transaction code")
acquired_disposed_cell = _code_cell(ACQUIRED_DISPOSED_CODES, "(A) or (D)")
direct_indirect_cell = _code_cell(DIRECT_INDIRECT_CODES, "D or I")


def timeliness_cell(raw: str, confidence: float, provenance: Provenance) -> Field:
    """The "V" column: a V means reported voluntarily, i.e. early ("E" in EDGAR XML)."""
    text, refs = split_footnote_refs(raw)
    if _empty(text):
        return _field(None, raw, refs, 1.0, provenance)
    if text.strip().upper() != "V":
        return _bad(raw, refs, provenance, "the V mark")
    return _field("E", raw, refs, confidence, provenance)


#: Which parser reads each row field: the model's field names are the keys.
CELL_PARSERS: dict[str, CellParser] = {
    "security_title": text_cell,
    "underlying_security_title": text_cell,
    "nature_of_ownership": text_cell,
    "transaction_date": date_cell,
    "deemed_execution_date": date_cell,
    "exercise_date": date_cell,
    "expiration_date": date_cell,
    "transaction_code": transaction_code_cell,
    "transaction_timeliness": timeliness_cell,
    "transaction_shares": amount_cell,
    "transaction_price_per_share": amount_cell,
    "conversion_or_exercise_price": amount_cell,
    "underlying_security_shares": amount_cell,
    "shares_owned_following_transaction": amount_cell,
    "transaction_acquired_disposed_code": acquired_disposed_cell,
    "direct_or_indirect_ownership": direct_indirect_cell,
}
