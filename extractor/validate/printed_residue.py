"""Values that took in print of the form around them, flagged.

On a layout the reader does not know, a box's edge may be put in the wrong place: its value
then holds the next label's words ("(CHECK ALL THAT APPLY) President"), a check box ("[ ]"),
a box's number ("5. APPLE INC"), a sub-label ("Street 69 Grosvenor") or the page's furniture
("FORM 4 (Continued)" in a footnote).  Such a value is kept for the reviewer, flagged with
what it holds.  A box that took another box's lines leaves an owner whose name does not read
as a name ("CA 92121", "P.O. BOX 81226"): every field of that owner is flagged.  EDGAR XML is
taken as it is.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

from extractor.knowledge.label_residue import (
    ADDRESS_SUB_LABELS,
    BOX_LABEL_PHRASES,
    NOTE_LABEL_PHRASES,
)
from extractor.model import (
    DerivativeRow,
    Field,
    Footnote,
    Form4,
    NonDerivativeRow,
    ReportingOwner,
    map_fields,
)


def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


_BOX_LABELS = _phrases(BOX_LABEL_PHRASES)
_NOTE_LABELS = _phrases(NOTE_LABEL_PHRASES)
#: A check box as OCR or a text layer gives it: "[ ]", "[", "]", "[X]".
_CHECK_BOX = re.compile(r"(?:^|\s)(?:\[\s*[xX]?\s*\]|\[|\])(?=\s|$)")
#: A box's printed number at a value's head: "5.", "2)", "3A.".
_BOX_NUMBER = re.compile(r"^\d{1,2}[A-Za-z]?[.)]\s")
_NOTE_PATHS = re.compile(r"^(?:footnotes\[\d+\]\.text|remarks)$")
_FREE_TEXT_PATHS = re.compile(
    r"(?:issuer_name|rpt_owner_name|_name|rpt_owner_street\d|rpt_owner_city|rpt_owner_state|"
    r"rpt_owner_zip_code|officer_title|other_text|security_title|underlying_security_title|"
    r"nature_of_ownership|signature_name)$")
#: A check mark inside running text: a word the check-box finder took for a marked box.
_MARK_IN_TEXT = re.compile(r"(?:^|\s)X(?=\s|$)")
#: OCR's slips inside a number: a letter among digits ("1l6a-9"), a number cut at its
#: point ("$0. 83518").
_NUMBER_SLIP = re.compile(r"\d[lIO|]\d|\$\d+\.\s\d")
#: Letters read one by one, apart: "M a r k" (OCR of letter-spaced or smudged print).
_LETTERS_APART = re.compile(r"(?:^|\s)(?:[A-Za-z]\s){3,}[A-Za-z](?=\s|$)")
#: A signature cut off where the signer's name should follow: "SoftBank Vision Fund, By"
#: (one signature block read as two; more signatures than signers are common, so their count
#: proves nothing).
_CUT_SHORT = re.compile(r"(?:\bBy|/s/)\s*:?$", re.IGNORECASE)
_PLACE = re.compile(r"rpt_owner_(?:city|state|zip_code)$")
_STREET = re.compile(r"rpt_owner_street\d$")
#: A name that is an address: a post office box, or a state and ZIP code.
_ADDRESS_AS_NAME = re.compile(
    r"^(?:P\.?\s?O\.?\s+BOX\b|[A-Z]{2},?\s+\d{5}(?:-\d{4})?$|\d+\s+(?:\S+\s+){0,3}(?:STREET|"
    r"AVENUE|AVE|ROAD|RD|DRIVE|DR|BOULEVARD|BLVD|SUITE|WAY|LANE|PLAZA|PARKWAY|PKWY|FLOOR)\b)",
    re.IGNORECASE)
#: A street line that is a city, state and ZIP code line.
_PLACE_AS_STREET = re.compile(r"\b[A-Za-z]{2},?\s+\d{5}(?:-\d{4})?$")


def residue_in(path: str, value: object) -> str | None:
    """Why the text ``value`` of the field at ``path`` holds print of the form, if it does.

    >>> residue_in("reporting_owners[0].relationship.officer_title", "(CHECK ALL THAT APPLY) CEO")
    "holds the form's printed words 'CHECK ALL THAT APPLY'"
    >>> residue_in("reporting_owners[0].rpt_owner_street1", "69 GROSVENOR STREET") is None
    True
    """
    if not isinstance(value, str):
        return None
    note = bool(_NOTE_PATHS.search(path))
    if not note and not _FREE_TEXT_PATHS.search(path):
        return None
    found = (_NOTE_LABELS if note else _BOX_LABELS).search(value)
    if found:
        return f"holds the form's printed words {found[0]!r}"
    if _CHECK_BOX.search(value):
        return "holds a check box's mark: print beside the value was read into it"
    if "()" in value:
        return "holds empty brackets: a footnote marker's number may have been lost"
    if _LETTERS_APART.search(value):
        return "holds letters read one by one, apart: OCR may have misread the words"
    if note and _MARK_IN_TEXT.search(value):
        return "holds a lone 'X': a word of the note may have been taken for a check mark"
    if note and _NUMBER_SLIP.search(value):
        return "holds a number OCR may have misread (a letter among digits, or cut at its point)"
    if note:
        return None
    if path.endswith("signature_name") and _CUT_SHORT.search(value):
        return "the signature ends where a name should follow: it may be cut short"
    if _BOX_NUMBER.match(value):
        return f"begins with {value.split()[0]!r}, a box's printed number"
    words = [w.strip(":,.()").casefold() for w in value.split()]
    if _PLACE.search(path) and any(w in ADDRESS_SUB_LABELS - {"city"} for w in words):
        return "holds a sub-label of box 1 (Street, State, Zip)"
    if (_PLACE.search(path) or _STREET.search(path)) and words and (
            words[0] in ADDRESS_SUB_LABELS or value.split()[0].endswith(":")):
        return f"begins with {value.split()[0]!r}, a sub-label of box 1"
    if _STREET.search(path) and _PLACE_AS_STREET.search(value):
        return "reads as a city, state and ZIP code line, not a street"
    return None


def flag_printed_residue(form: Form4) -> Form4:
    """On a printed form, every text value holding print of the form flagged with what it
    holds, and every field of an owner whose name is no name."""
    if form.form_revision is None:
        return form

    def change(path: str, field: Field) -> Field:
        reason = residue_in(path, field.value)
        return field if reason is None else _flagged_once(field, reason)

    form = map_fields(form, change)
    return dataclasses.replace(
        form, reporting_owners=tuple(_no_name_flagged(o) for o in form.reporting_owners),
        footnotes=_run_together_flagged(form.footnotes),
        non_derivative_table=tuple(_numberless_flagged(r) for r in form.non_derivative_table),
        derivative_table=tuple(_numberless_flagged(r) for r in form.derivative_table))



#: A row's fields that hold a number or a date: a row has one at least.
_NUMBERS = ("transaction_date", "transaction_shares", "transaction_price_per_share",
            "shares_owned_following_transaction", "conversion_or_exercise_price",
            "exercise_date", "expiration_date", "underlying_security_shares")
_NUMBERLESS = "a row with no number or date read: it may be a wrapped line of the row above"
_Row = TypeVar("_Row", NonDerivativeRow, DerivativeRow)

def _numberless_flagged(row: _Row) -> _Row:
    if any(getattr(row, name, Field()).value is not None for name in _NUMBERS):
        return row
    return _filled_flagged(row, _NUMBERLESS)


#: Words of a note's opening that, found again inside a note, show two notes read as one;
#: a shorter note must be found whole (notes of one filing share phrases: "These shares were
#: purchased in multiple transactions at ...").
OPENING_WORDS = 12


def _run_together_flagged(notes: tuple[Footnote, ...]) -> tuple[Footnote, ...]:
    """Notes that hold a note's opening after their own start (their own, or another's):
    the marker between two notes was not read, and one note took in the next."""
    texts = {n.footnote_id: " ".join(re.findall(r"\w+", (n.text.value or "").casefold()))
             for n in notes}
    openings = {key: " ".join(text.split()[:OPENING_WORDS]) for key, text in texts.items()
                if len(text.split()) >= 4}
    out = []
    for note in notes:
        text = f" {texts[note.footnote_id]} "
        held = next((key for key, opening in openings.items()
                     if text.find(f" {opening} ", 1) > 0), None)
        if held is not None:
            note = dataclasses.replace(note, text=_flagged_once(
                note.text, f"holds the opening of footnote {held} again: two notes may be "
                "read as one"))
        out.append(note)
    return tuple(out)


def _no_name_flagged(owner: ReportingOwner) -> ReportingOwner:
    name = owner.rpt_owner_name.value
    if not isinstance(name, str) or not name.strip():
        return owner  # no name read: lost_values says so
    residue = residue_in("reporting_owners[0].rpt_owner_name", name)
    if residue is not None:
        reason = f"the owner's name {residue}: the layout may have taken other print for " \
                 "an owner"
    elif len(re.findall(r"[A-Za-z]", name)) < 2:
        reason = f"the owner's name {name!r} does not read as a name: the layout may have " \
                 "taken other print for an owner"
    elif _ADDRESS_AS_NAME.search(name):
        reason = f"the owner's name {name!r} reads as an address: box 1's lines may be " \
                 "shifted"
    else:
        return owner
    return _filled_flagged(owner, reason)


_Part = TypeVar("_Part", ReportingOwner, NonDerivativeRow, DerivativeRow)


def _filled_flagged(part: _Part, reason: str) -> _Part:
    """Every filled field of ``part`` flagged with ``reason``."""
    flagged: _Part = map_fields(part, lambda _, field: field if field.value is None
                                else _flagged_once(field, reason))
    return flagged


def _flagged_once(field: Field, reason: str) -> Field:
    return field if reason in (field.review_reason or "") else field.flagged(reason)
