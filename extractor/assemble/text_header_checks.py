"""Checks on a text's header boxes (the issuer, the amendment) before they are passed.

A converter that runs box 2 into its neighbours leaves their labels or values in the issuer's
name ("Apple Inc. 5. Relationship of Reporting Person(s)"), and the ticker of such a run is
no ticker.  A form that reads as an original ("4") holds no date of an original filing, box 3's
period is the earliest transaction's date, and an original filing comes after its period: a
value at odds with these was misread, and is flagged with the reason.  An issuer's name
holding the owner's name or box 1's captions, and an owner's name holding the issuer's, show
boxes 1 and 2 run together: both are flagged.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from extractor.fields.dates import find_dates
from extractor.fields.table_rows import Row
from extractor.model import Field, Form4, ReportingOwner

#: The form's printed words that no issuer's name holds: labels of boxes 1 to 6.
_LABEL_IN_ISSUER = re.compile(
    r"\b(?:Issuer Name|Ticker|Trading Symbol|Relationship|Reporting Person|Check all|"
    r"Director|10% Owner|Officer|Earliest Transaction|Amendment|Last\s+First)\b|\(Last\)|"
    r"\b(?:Last|First|Middle|Street|City|State|Zip):", re.IGNORECASE)
#: A ticker as exchanges print them: capitals and digits, maybe a class after a dot or dash.
_TICKER = re.compile(r"[A-Z][A-Z0-9]{0,5}(?:[.\-][A-Z]{1,2})?")


def issuer_doubt(name: str) -> str | None:
    """Why ``name`` read for the issuer cannot be the issuer's name alone, or None."""
    if m := _LABEL_IN_ISSUER.search(name):
        return f"holds the form's printed {m[0]!r}: text of another box"
    if find_dates(name):
        return "holds a date: text of another box"
    if re.match(r"[^\w\"'(]", name.strip()):
        return f"opens with {name.strip()[0]!r}: the end of another box's text"
    return None


#: Box 1's name captions: "Last: First: Middle:", "(Last) (First)", "LAST FIRST".
_BOX1_CAPTIONS = re.compile(r"\b(?i:Last|First|Middle):|\((?i:Last|First|Middle)\)|"
                            r"\b(?:LAST\s+FIRST|Last\s+First)\b")


def _flag_names(owner: ReportingOwner, reason: str) -> ReportingOwner:
    names = ("rpt_owner_name", "last_name", "first_name", "middle_name")
    changes: dict[str, Any] = {n: _flag(getattr(owner, n), reason) for n in names}
    return dataclasses.replace(owner, **changes)


def _flag(field: Field, reason: str) -> Field:
    if field.value is None or field.review_reason:
        return field
    return dataclasses.replace(field, review_reason=reason)


def check_header(form: Form4) -> Form4:
    """``form`` with an issuer name or ticker that holds other text, and an original form's
    date of an original filing, flagged."""
    issuer = form.issuer
    name, ticker = issuer.issuer_name, issuer.issuer_trading_symbol
    if isinstance(name.value, str) and (doubt := issuer_doubt(name.value)):
        name = _flag(name, f"{name.value!r} {doubt}")
    raw = name.provenance.raw_text if name.provenance else None
    if raw and _BOX1_CAPTIONS.search(raw):
        name = _flag(name, "read from text that holds box 1's captions: box 1's name may be in "
                           "it")
    tangled = bool(name.review_reason and _BOX1_CAPTIONS.search(
        f"{name.value or ''} {raw or ''}"))
    if tangled:  # box 2 holds box 1's text: box 1's name may hold box 2's
        form = dataclasses.replace(form, reporting_owners=tuple(
            _flag_names(o, "box 1 and box 2 ran together (the issuer's name holds box 1's "
                           "captions): the name may hold the issuer's")
            for o in form.reporting_owners))
    if isinstance(ticker.value, str) and not _TICKER.fullmatch(ticker.value):
        ticker = _flag(ticker, f"{ticker.value!r} is not a ticker as exchanges print them")
    original = form.date_of_original_submission
    document_type = form.document_type
    if form.document_type.value == "4" and original.value is not None:
        reason = "the form reads as an original yet a date of an original filing was read"
        original, document_type = _flag(original, reason), _flag(document_type, reason)
    period = form.period_of_report
    rows: list[Row] = [*form.non_derivative_table, *form.derivative_table]
    dates = [row.transaction_date.value for row in rows
             if row.transaction_date.value is not None and not row.transaction_date.review_reason]
    if period.value is not None and dates and min(dates) != period.value:
        # box 3 is the date of the earliest transaction: a date apart from every row's is
        # another box's date, or a row's date was misread
        period = _flag(period, f"the period {period.value} is not the earliest transaction "
                               f"date of the tables ({min(dates)})")
    if original.value is not None and period.value is not None and original.value < period.value:
        original = _flag(original, "the original filing is dated before the period it reports")
    elif original.value is not None and original.value in (period.value, min(dates, default=None)):
        # box 3's date read again for box 4's: whether the form is an amendment is not sure
        reason = "the original filing's date is box 3's: box 3's date may be read for box 4"
        original, document_type = _flag(original, reason), _flag(document_type, reason)
    owners = [" ".join(str(o.rpt_owner_name.value or "").split()).casefold()
              for o in form.reporting_owners]
    issuer_name = " ".join(str(name.value or "").split()).casefold().strip(" .,:;")
    if len(issuer_name) >= 4:  # box 2's name run into box 1's
        form = dataclasses.replace(form, reporting_owners=tuple(
            _flag_names(o, "the owner's name holds the issuer's name: text of box 2")
            if issuer_name in " ".join(str(o.rpt_owner_name.value or "").split()).casefold()
            else o for o in form.reporting_owners))
    if isinstance(name.value, str) and not name.review_reason and any(
            len(owner) >= 6 and owner in " ".join(name.value.split()).casefold()
            for owner in owners):
        name = _flag(name, f"{name.value!r} holds the reporting person's name: text of box 1")
    return dataclasses.replace(
        form, issuer=dataclasses.replace(issuer, issuer_name=name, issuer_trading_symbol=ticker),
        date_of_original_submission=original, document_type=document_type, period_of_report=period)
