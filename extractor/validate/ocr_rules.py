"""Rules for values read by OCR: readings that look right but that OCR's look-alike glyphs
leave open ("MO" or "M0", "JE1 OBD", transaction dates a blurred 5 or 6 apart), and words one
slip away from the form's vocabulary ("Cornmon Stock" for "Common Stock").  They flag; they
never change a value."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from extractor.fields.ocr_repair import lookalike_word, mixes_lookalikes, other_readings
from extractor.knowledge.codes import (
    SECURITY_TITLE_WORDS,
    STATE_CODES,
    US_ZIP,
    is_state_or_country_code,
)
from extractor.knowledge.ocr_confusions import BLURRED_DIGITS
from extractor.model import Field, Form4, map_fields

_TITLE_FIELDS = ("security_title", "underlying_security_title")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]{3,}")


def flag_ocr_misreadings(form: Form4) -> Form4:
    """``form`` with the OCR readings these rules doubt flagged (a form not read by OCR is
    returned as it is)."""
    if form.source_kind != "ocr":
        return form
    return map_fields(_flag_blurred_signature_years(
        _flag_lookalike_dates(_flag_lookalike_addresses(form))),
                      lambda path, value: _flag_stop_for_comma(
                          path, _flag_misread_title_words(path, value)))


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


_SHARE_FIELDS = ("transaction_shares", "shares_owned_following_transaction",
                 "underlying_security_shares")
#: A share count with one full stop and three digits after it ("2.193"): a thousands comma
#: that OCR read as a full stop, or a fractional count?
_STOP_OR_COMMA = re.compile(r"^\s*\d{1,3}\.\d{3}(?![\d.,])")


def _flag_stop_for_comma(path: str, value: Field) -> Field:
    raw = value.provenance.raw_text if value.provenance else None
    if not path.endswith(_SHARE_FIELDS) or value.value is None or value.needs_review or \
            not raw or not (m := _STOP_OR_COMMA.match(raw)):
        return value
    number = m[0].strip()
    return value.flagged(f"{number!r}: a thousands comma read as a full stop "
                         f"({number.replace('.', '')}) or a fraction of a share?")


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


def months_blur_apart(first: str, second: str) -> bool:
    """Whether two ISO dates differ only in one digit of the month, a pair of
    :data:`~extractor.knowledge.ocr_confusions.BLURRED_DIGITS`.  Days are left out: a
    filing's rows are often a day apart ("2023-05-15", "2023-05-16"), seldom a month.

    >>> months_blur_apart("2019-05-02", "2019-06-02")
    True
    >>> months_blur_apart("2023-05-15", "2023-05-16")
    False
    """
    if len(first) != 10 or len(second) != 10 or first[:5] + first[7:] != second[:5] + second[7:]:
        return False
    differ = [frozenset((a, b)) for a, b in zip(first[5:7], second[5:7], strict=True) if a != b]
    return len(differ) == 1 and differ[0] in BLURRED_DIGITS


def _flag_lookalike_dates(form: Form4) -> Form4:
    """Transaction dates of a scan whose months are one blurred digit apart ("2019-05-02" in
    one row, "2019-06-02" in four) may be one date misread: all of them go to review, because
    the misreading can be the more common one."""
    dates = {str(row.transaction_date.value) for row in form.table_rows()
             if row.transaction_date.value is not None}
    doubtful = {d for d in dates if any(months_blur_apart(d, other) for other in dates)}
    if not doubtful:
        return form

    def check(row: Any) -> Any:
        date = row.transaction_date
        if str(date.value) not in doubtful or date.needs_review:
            return row
        other = next(d for d in sorted(doubtful) if months_blur_apart(str(date.value), d))
        return dataclasses.replace(row, transaction_date=date.flagged(
            f"another row's date, {other}, is one blurred month digit away: one may be "
            "misread"))

    return dataclasses.replace(
        form, non_derivative_table=tuple(map(check, form.non_derivative_table)),
        derivative_table=tuple(map(check, form.derivative_table)))


#: A signature this many days or more after the last transaction it reports is a year late:
#: filings in the shared corpus were signed 0 to 88 days after.
_YEAR_LATE = 300


def _flag_blurred_signature_years(form: Form4) -> Form4:
    """A signature dated a year or more after the last transaction, in a year one blurred digit
    from the transactions' ("2026" for "2025"): the year may be misread, by both engines."""
    dates = [row.transaction_date.value for row in form.table_rows()
             if row.transaction_date.value is not None]
    if not dates:
        return form
    last = max(dates)

    def check(signature: Any) -> Any:
        signed = signature.signature_date
        if signed.value is None or signed.needs_review or \
                (signed.value - last).days < _YEAR_LATE:
            return signature
        year, theirs = str(signed.value.year), str(last.year)
        differ = {frozenset(pair) for pair in zip(year, theirs, strict=True) if pair[0] != pair[1]}
        if len(differ) != 1 or not differ <= BLURRED_DIGITS:
            return signature
        return dataclasses.replace(signature, signature_date=signed.flagged(
            f"signed in {year}, a year after the last transaction ({last}): "
            f"its year may be {theirs} misread"))

    return dataclasses.replace(form, signatures=tuple(map(check, form.signatures)))
