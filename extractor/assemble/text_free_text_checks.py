"""Checks on a text's free text (signatures, footnotes, remarks) before it is passed.

Free text ends where the form says, yet a reader that misses where a note or a signature ends
runs it on into the form's printed text (its notices, its captions, its page furniture) or
into the signature block.  A value holding any of that is flagged with the reason, and so is
a signature that is one word with no signature mark (the end of a name whose first lines were
lost).
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from extractor.fields.dates import find_dates
from extractor.knowledge.label_wordings import BOILERPLATE
from extractor.model import Field, Form4

#: The form's own captions, which no signature, footnote or remark holds.
_CAPTIONS = (r"Signature of Reporting Person", r"FORM 4 \(continued\)",
             r"Explanation of Responses", r"Table I\b",
             r"Table II\b", r"SEC 1474", r"Reporting Owner Name", r"Name and Address of",
             r"Issuer Name and")
#: Words of a known boilerplate text that, in a row, mark it.
_OPENING_WORDS = 4


@cache
def _printed() -> re.Pattern[str]:
    openings = {r"\s+".join(re.escape(w) for w in text.lstrip("* ").split()[:_OPENING_WORDS])
                for text in BOILERPLATE if len(text.split()) >= _OPENING_WORDS}
    return re.compile("|".join(sorted(openings) + list(_CAPTIONS)), re.IGNORECASE)


def printed_text_in(value: str) -> str | None:
    """The form's printed text found in ``value``, or None."""
    m = _printed().search(value)
    return m[0] if m else None


def _flag(field: Field, reason: str) -> Field:
    return dataclasses.replace(field, review_reason=reason)


def _checked(field: Field, what: str, signature: bool = False) -> Field:
    if not isinstance(field.value, str) or field.review_reason:
        return field
    if printed := printed_text_in(field.value):
        return _flag(field, f"the {what} runs on into the form's printed text ({printed!r})")
    if not signature and "/s/" in field.value:
        return _flag(field, f"the {what} runs on into a signature")
    if not signature and re.match(r"\d{1,2}\s+[A-Z]", field.value):
        return _flag(field, f"the {what} opens with another note's marker: notes ran together")
    if signature and "/s/" not in field.value.split(",")[0] and \
            len(field.value.split(",")[0].split()) == 1 and "," in field.value:
        return _flag(field, "the signature starts mid-name: the lines before it may be lost")
    if signature and find_dates(field.value):
        return _flag(field, "the signature holds a date: its date ran into the name")
    if signature and " " not in field.value.strip() and "/s/" not in field.value:
        return _flag(field, "the signature is one word: the lines it wrapped from may be lost")
    return field


def check_free_text(form: Form4) -> Form4:
    """``form`` with signatures, footnotes and remarks that run on into other text flagged."""
    signatures = tuple(dataclasses.replace(s, signature_name=_checked(
        s.signature_name, "signature", signature=True)) for s in form.signatures)
    footnotes = tuple(dataclasses.replace(f, text=_checked(f.text, "footnote"))
                      for f in form.footnotes)
    return dataclasses.replace(form, signatures=signatures, footnotes=footnotes,
                               remarks=_checked(form.remarks, "remarks"))
