"""Which values of an OCR engine's reading-order text may pass as read.

The text was cleaned of the engine's known traces (:mod:`extractor.layout.ocr_text`); what
is left may still hold a misread character.  A value passes when its raw text is clean and
has the shape its field is written in; anything else is flagged, never passed as read.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from extractor.layout.reading_order import PRINTED_WORDS, Line
from extractor.model import Field, Form4, ReportingOwner, ReviewItem, map_fields

#: Characters no value of a Form 4 is typed with: what is left of a speck, box or stroke.
_DEBRIS = re.compile(r"[|“”‘»«©®™¢£§~°{}\\]|\[_\]|_{2,}")
#: Amount fields where a superscript read as a digit changes the value unseen.
_AMOUNTS = ("transaction_shares", "transaction_price_per_share",
            "shares_owned_following_transaction", "conversion_or_exercise_price",
            "underlying_security_shares")


#: Prose an OCR engine specked: punctuation before a space or between two small letters,
#: doubled punctuation, or another note's marker inside ("... trust. 5) 6) 294,840").
_SPECKED_PROSE = re.compile(
    r"\s[.,;:](?!\d)|(?<![A-Za-z.])(?!(?:e\.g|i\.e)\b)[a-z]+[.,;:][a-z]+\b|[,;:][.,;:]|"
    r"\.[,;:]|(?:^|\s)\(?\d{1,2}\)\s|\b([a-z])\1\1?\b|\d[;:]\s|^\W")
#: Fields of prose, whose every character is the text's with no type to check it by.
_PROSE = ("footnotes", "remarks", "signature_name")
#: Fields of names and titles, whose words are letters.
_NAMES = ("rpt_owner_name", "last_name", "first_name", "middle_name", "officer_title",
          "other_text", "security_title", "underlying_security_title", "nature_of_ownership",
          "issuer_name", "rpt_owner_street1", "rpt_owner_street2", "rpt_owner_city")
#: Small words of names ("van", "de"), not an OCR engine's specks.
_PARTICLES = frozenset({"of", "de", "la", "le", "du", "da", "di", "van", "von", "der", "y",
                        "e", "et", "and", "the", "by", "for", "c/o"})


def _doubt_text(path: str, value: str) -> str | None:
    name = path.rsplit(".", 1)[-1]
    prose = path.startswith(_PROSE[:2]) or name == "signature_name"
    if prose and _SPECKED_PROSE.search(value):
        return "the OCR text of this passage holds specks or another note's marker: its " \
               "characters may be misread"
    if name == "signature_name" and not re.search(r"(?i)/s/|\bby\b", value):
        return "an OCR reading of a signature with no \"/s/\" or \"by\": its lines may be " \
               "another block's"
    if prose and re.search(r"(?i)\d\s+date\s*$", value):
        return "an OCR reading of a passage that ends in the signature's date"
    if name in _NAMES:
        words = value.split()
        printed = [w for w in words if len(w) >= 4 and w.strip(".,:").lower() in PRINTED_WORDS]
        if len(printed) * 2 > len(words) and name not in ("security_title",
                                                            "underlying_security_title"):
            return "the OCR text of this name is mostly the form's printed words"
        if name == "rpt_owner_name" and re.match(r"(?i)\d|(?:one|two|three|c/o)\b", value):
            return "an OCR reading of an owner's name that reads as a street"
        if name == "rpt_owner_city" and re.search(r"[.,:;]$", value):
            return "an OCR reading of a city that ends in a speck"
        if name.endswith("security_title") and re.search(
                r"(?i)\b(?:class|series)\b(?!\s+[A-Z0-9]\b)", value):
            return "the OCR text of this title has a class with no letter: the letter is lost"
        if re.search(r"(\b\w.{5,}?\b)\s+\1\b", value):
            return "the OCR text of this value repeats its words: other rows' cells ran in"
        if re.search(r"'(?![A-Za-z])", value):
            return "the OCR text of this name holds a stray quote: a speck or a lost letter"
        if any(not re.search(r"[A-Za-z0-9]", w) or (w.islower() and len(w) <= 3 and
                                                    w not in _PARTICLES) for w in words):
            return "the OCR text of this name holds a speck or a fragment of a word"
    return None


def _doubt(path: str, field: Field) -> str | None:
    raw = field.provenance.raw_text if field.provenance else ""
    if isinstance(field.value, str):
        why = _doubt_text(path, field.value)
        if why:
            return why
    if raw and _DEBRIS.search(raw):
        return "the OCR text of this value carries specks or strokes: a character may be misread"
    value = field.value
    if isinstance(value, Decimal) and path.rsplit(".", 1)[-1] in _AMOUNTS:
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) else 0
        if places == 0 and value < 100 and not re.search(r"[$,]", _token(raw or "", value)):
            return "an OCR reading of a bare number of one or two digits: it may be a " \
                   "footnote's superscript standing alone in its cell"
        if places in (1, 3):  # "205.758": a price of 2 places and its superscript 8
            return "an OCR reading of a number with an odd count of decimals: a footnote " \
                   "superscript may have been read as a digit"
    if isinstance(value, str) and re.search(r"[^\w\s.,'&/()\-:;$%#@+*\"!?]", value):
        return "the OCR text of this value holds characters no such value is typed with"
    return None


def _token(raw: str, value: Decimal) -> str:
    """The word of ``raw`` that reads as ``value`` ("$4" for 4), or the bare digits."""
    return next((w for w in raw.split() if w.strip("$,()") == str(value)), str(value))


def _name_parts_follow(owner: ReportingOwner) -> ReportingOwner:
    """An owner whose name is in doubt with the parts split from it in doubt too."""
    name = owner.rpt_owner_name
    if not name.needs_review:
        return owner
    why = name.review_reason or "the owner's name is in doubt"
    parts = {key: getattr(owner, key).flagged(why) for key in
             ("last_name", "first_name", "middle_name")
             if getattr(owner, key).value is not None and not getattr(owner, key).needs_review}
    return dataclasses.replace(owner, **parts)


def trust_ocr_values(form: Form4, lost_marks: int) -> Form4:
    """``form`` read from OCR text, each value whose text is in doubt flagged, and a review
    item when superscript footnote marks were cut off as unreadable."""
    def check(path: str, field: Field) -> Field:
        if field.value is None or field.needs_review:
            return field
        why = _doubt(path, field)
        return field.flagged(why) if why else field

    checked = map_fields(form, check)
    checked = dataclasses.replace(checked, reporting_owners=tuple(
        _name_parts_follow(owner) for owner in checked.reporting_owners))
    if not lost_marks:
        return checked
    note = ReviewItem("footnotes", f"{lost_marks} lines of the OCR text hold footnote "
                      "superscripts it could not read: which values they mark is not shown")
    return dataclasses.replace(checked, review=(*checked.review, note))


#: Above this share of lines with OCR debris, the text is an OCR engine's reading, whose
#: characters (a digit, a letter of a name) may be wrong with nothing to tell.
MAX_DEBRIS_SHARE = 0.01
_DEBRIS = re.compile(r"[|“”‘»«©®™¢£§~]|\[_\]")


def debris_share(lines: list[Line]) -> float:
    """The share of ``lines`` that carry characters only an OCR engine prints."""
    return sum(1 for line in lines if _DEBRIS.search(line.text)) / max(len(lines), 1)


def distrusted(form: Form4, reason: str) -> Form4:
    """``form`` with every value not yet in doubt flagged for ``reason``."""
    def flag(_: str, field: Field) -> Field:
        if field.value is None or field.needs_review:
            return field
        return field.flagged(reason)

    return map_fields(form, flag)


def distrusted_owner(owner: ReportingOwner, reason: str) -> ReportingOwner:
    """``owner`` with every value not yet in doubt flagged for ``reason``."""
    return distrusted(Form4(reporting_owners=(owner,)), reason).reporting_owners[0]
