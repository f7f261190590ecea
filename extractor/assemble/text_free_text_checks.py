"""Checks on a text's free text (signatures, footnotes, remarks) before it is passed.

Free text ends where the form says, yet a reader that misses where a note or a signature ends
runs it on into the form's printed text (its notices, its captions, its page furniture) or
into the signature block.  A value holding any of that is flagged with the reason, and so is
a signature that is one word with no signature mark (the end of a name whose first lines were
lost).  A signature read twice, more signatures than reporting persons while one is in doubt,
free text holding a signature's opening words, a note cut mid-sentence and a note numbered
far past the others (a number in a note read as a marker) are flagged as well.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from extractor.fields.dates import find_dates
from extractor.knowledge.label_wordings import BOILERPLATE
from extractor.model import Field, Footnote, Form4, Signature

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
    if signature and field.value[:1].islower() and not field.value.lower().startswith("by"):
        return _flag(field, "the signature starts in lower case, mid-sentence: other text read "
                            "as a signature")
    if signature and re.search(r"\b(?:By|by|BY)\s*:?\s*$", field.value):
        return _flag(field, "the signature ends in 'By': its signer's line may be lost")
    if signature and find_dates(field.value):
        return _flag(field, "the signature holds a date: its date ran into the name")
    if signature and " " not in field.value.strip() and "/s/" not in field.value:
        return _flag(field, "the signature is one word: the lines it wrapped from may be lost")
    return field


#: The words a sentence never ends in: a note that ends in one was cut mid-sentence.
_CUT_WORDS = frozenset({"a", "an", "the", "of", "to", "at", "least", "and", "or", "by", "in",
                        "for", "with", "from", "on", "as", "is", "was", "be", "than", "that"})
#: A signature's opening words that, found in other free text, show it ran into the signature.
_SIGNATURE_OPENING = 3


def _signed_into(field: Field, openings: list[str], what: str) -> Field:
    if not isinstance(field.value, str) or field.review_reason:
        return field
    for opening in openings:
        if opening in " ".join(field.value.split()):
            return _flag(field, f"the {what} runs on into a signature ({opening!r})")
    return field


def _note_doubts(notes: tuple[Footnote, ...]) -> dict[str, str]:
    """Footnote ids whose text may be cut or split, each with the reason: a note cut
    mid-sentence, and a note numbered far past the others (a number in a note's text read as
    the next note's marker) with the note before it."""
    out: dict[str, str] = {}
    numbers = [int(n.footnote_id[1:]) for n in notes if n.footnote_id[1:].isdigit()]
    for index, note in enumerate(notes):
        text = note.text.value if isinstance(note.text.value, str) else ""
        words = text.split()
        if words and words[-1].lower().rstrip(":,") in _CUT_WORDS:
            out[note.footnote_id] = f"the footnote ends in {words[-1]!r}: it was cut mid-sentence"
        number = note.footnote_id[1:]
        if number.isdigit() and int(number) > len(numbers) + 1 and index > 0:
            reason = f"footnote {number} is numbered past the {len(numbers)} notes: a number " \
                     "in a note's text may have been read as a marker, splitting the note"
            out[note.footnote_id] = reason
            out.setdefault(notes[index - 1].footnote_id, reason)
    return out


def _twice_read(signatures: tuple[Signature, ...]) -> set[int]:
    """The signatures read twice: one whose name was found cut short (flagged), or that ends
    another's without a signature mark of its own, and that other."""
    names = [" ".join(str(s.signature_name.value or "").split()).casefold() for s in signatures]
    out: set[int] = set()
    for i, name in enumerate(names):
        for j, other in enumerate(names):
            if i != j and name and name in other and (
                    signatures[i].signature_name.review_reason or
                    (other.endswith(name) and not name.startswith("/s/"))):
                out.update((i, j))  # a cut name, or a signer's line read again on its own
    return out


def _doubt_signatures(signatures: tuple[Signature, ...], owners: int) -> tuple[Signature, ...]:
    """``signatures`` with the date of a signature whose name is in doubt flagged (the name is
    other text, so the date may be), and every signature flagged when more pass than there are
    reporting persons while one is in doubt or read twice (each person signs once: other text
    was read as signatures)."""
    names = [" ".join(str(s.signature_name.value or "").split()) for s in signatures]
    passed = sum(1 for s in signatures if not s.signature_name.review_reason)
    extra = passed > max(owners, 1) and (passed < len(signatures) or len(set(names)) < len(names))
    out = []
    for sig in signatures:
        name, date = sig.signature_name, sig.signature_date
        if extra:
            reason = f"{len(signatures)} signatures read for {max(owners, 1)} reporting " \
                     "person(s): other text may have been read as a signature"
            name = name if name.review_reason or name.value is None else _flag(name, reason)
            date = date if date.review_reason or date.value is None else _flag(date, reason)
        elif name.review_reason and date.value is not None and not date.review_reason:
            date = _flag(date, "the signature's name is in doubt, and so is the date read "
                               "with it")
        out.append(dataclasses.replace(sig, signature_name=name, signature_date=date))
    return tuple(out)


def check_free_text(form: Form4) -> Form4:
    """``form`` with signatures, footnotes and remarks that run on into other text flagged."""
    signatures = tuple(dataclasses.replace(s, signature_name=_checked(
        s.signature_name, "signature", signature=True)) for s in form.signatures)
    twice = _twice_read(signatures)
    reason = "the signature's name is held in another signature's: one signature read twice"
    signatures = tuple(dataclasses.replace(
        s, signature_name=_flag(s.signature_name, reason) if not s.signature_name.review_reason
        else s.signature_name,
        signature_date=_flag(s.signature_date, reason) if s.signature_date.value is not None
        and not s.signature_date.review_reason else s.signature_date)
        if i in twice else s for i, s in enumerate(signatures))
    signatures = _doubt_signatures(signatures, sum(
        1 for o in form.reporting_owners if o.rpt_owner_name.value and
        not o.rpt_owner_name.review_reason))
    openings = [" ".join(words[:_SIGNATURE_OPENING]) for s in form.signatures
                if len(words := str(s.signature_name.value or "").split()) >= _SIGNATURE_OPENING]
    doubts = _note_doubts(form.footnotes)
    footnotes = tuple(dataclasses.replace(f, text=_signed_into(_checked(f.text, "footnote"),
                                                               openings, "footnote"))
                      for f in form.footnotes)
    footnotes = tuple(dataclasses.replace(f, text=_flag(f.text, doubts[f.footnote_id]))
                      if f.footnote_id in doubts and f.text.value is not None and
                      not f.text.review_reason else f for f in footnotes)
    remarks = _signed_into(_checked(form.remarks, "remarks"), openings, "remarks")
    return dataclasses.replace(form, signatures=signatures, footnotes=footnotes, remarks=remarks)
