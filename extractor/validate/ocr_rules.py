"""Rules for values read by OCR: readings that look right but that OCR's look-alike glyphs
leave open ("MO" or "M0", "JE1 OBD"), and words one slip away from the form's vocabulary
("Cornmon Stock" for "Common Stock").  They flag; they never change a value."""

from __future__ import annotations

import dataclasses
import re

from extractor.fields.ocr_repair import lookalike_word, mixes_lookalikes, other_readings
from extractor.knowledge.codes import (
    SECURITY_TITLE_WORDS,
    STATE_CODES,
    US_ZIP,
    is_state_or_country_code,
)
from extractor.model import Field, Form4, map_fields

_TITLE_FIELDS = ("security_title", "underlying_security_title")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]{3,}")


def flag_ocr_misreadings(form: Form4) -> Form4:
    """``form`` with the OCR readings these rules doubt flagged (a form not read by OCR is
    returned as it is)."""
    if form.source_kind != "ocr":
        return form
    return map_fields(_flag_lookalike_addresses(form), _flag_misread_title_words)


def misread_word(text: str, vocabulary: frozenset[str]) -> tuple[str, str] | None:
    """The first word of ``text`` that is a word of ``vocabulary`` read with OCR's look-alike
    slips, without being one, and that word; None when there is none.

    >>> misread_word("Cornmon Stock", frozenset({"common", "stock"}))
    ('Cornmon', 'common')
    >>> misread_word("Alphabet Class C Stock", frozenset({"class", "stock"})) is None
    True
    """
    for word in _WORD.findall(text):
        near = lookalike_word(word, vocabulary)
        if near is not None:
            return word, near
    return None


def _flag_misread_title_words(path: str, value: Field) -> Field:
    if not path.endswith(_TITLE_FIELDS) or not isinstance(value.value, str) or \
            value.needs_review:
        return value
    found = misread_word(value.value, SECURITY_TITLE_WORDS)
    if found is None:
        return value
    return value.flagged(f"{found[0]!r} looks like an OCR misreading of {found[1]!r}")




def _flag_lookalike_addresses(form: Form4) -> Form4:
    """On a scan, address codes whose look-alike glyphs leave two readings go to review.

    A state "MO" may be Missouri or "M0" (EDGAR's code for Japan); the ZIP settles it only when
    it is a US ZIP beside a US state.  A foreign postal code that mixes letters and digits
    ("JE1 0BD") has no type rule to tell O from 0.
    """
    owners = []
    for owner in form.reporting_owners:
        state, zip_code = owner.rpt_owner_state, owner.rpt_owner_zip_code
        us_pair = state.value in STATE_CODES and zip_code.value is not None and \
            re.fullmatch(US_ZIP, zip_code.value) is not None
        others = other_readings(state.value or "", is_state_or_country_code)
        if others and not us_pair and not state.needs_review:
            state = state.flagged(f"OCR cannot tell {state.value!r} from "
                                  f"{' or '.join(map(repr, others))} here")
        if zip_code.value and mixes_lookalikes(zip_code.value) and not zip_code.needs_review:
            zip_code = zip_code.flagged("OCR cannot tell O from 0 or I from 1 in a postal code "
                                        "that mixes letters and digits")
        owners.append(dataclasses.replace(owner, rpt_owner_state=state,
                                          rpt_owner_zip_code=zip_code))
    return dataclasses.replace(form, reporting_owners=tuple(owners))
