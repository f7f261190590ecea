"""Cross-field rules and review reasons.

The readers report what they read; this stage decides what a human must look at: values read
with low confidence, required boxes that came back empty, rows that were evidently lost, and
values that contradict each other.  It never changes a value, except to empty one it has shown
to be impossible.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from rapidfuzz import fuzz, process

from extractor.errors import NotAForm4Error
from extractor.knowledge import labels as K
from extractor.knowledge.lexicon import entity_suffix_slip
from extractor.layout.fuzzy import normalize_label
from extractor.model import (
    REVIEW_THRESHOLD,
    Field,
    Form4,
    ReviewItem,
    map_fields,
)
from extractor.validate.lost_values import RELATIONSHIP_BOXES, flag_lost_values
from extractor.validate.ocr_rules import flag_ocr_misreadings
from extractor.validate.printed_residue import flag_printed_residue

#: Words in a footnote that tie it to Table II (derivative securities).
_DERIVATIVE_HINTS = re.compile(
    r"\b(options?|warrants?|restricted stock units?|RSUs?|performance (?:stock )?units?|"
    r"stock appreciation rights?|convertible|exercis\w*|vest\w*|expir\w*|derivative)\b",
    re.IGNORECASE,
)


def validate(form: Form4) -> Form4:
    """``form`` with low-confidence fields flagged and document-level review items added."""
    form = map_fields(form, _flag_low_confidence)
    form = map_fields(form, _flag_printed_labels)
    form = _flag_unknown_footnote_refs(form)
    form = _flag_ocr_period_conflict(form)
    form = flag_ocr_misreadings(form)
    form = _flag_parts_of_doubted_names(form)
    form = _flag_required(form)
    form = _flag_notes_before_lost_ones(form)
    items = list(form.review)
    items += _check_rows(form)
    form = _flag_empty_required_cells(form)
    items += _check_dates(form)
    form = flag_lost_values(form)
    form = flag_printed_residue(form)
    items += _check_relationships(form)
    seen: set[tuple[str, str]] = set()
    unique = []
    for item in items:
        if (item.path, item.reason) not in seen:
            seen.add((item.path, item.reason))
            unique.append(item)
    return dataclasses.replace(form, review=tuple(unique))


def _flag_parts_of_doubted_names(form: Form4) -> Form4:
    """A reporting person's last, first and middle names are split from the full name, and an
    entity's name is not split: where a word of the name may be a misread entity suffix ("SB
    Global Advisers Lid", "Lid" for "Ltd"), the split is doubted with it ("SB" is no last
    name)."""
    owners = []
    for owner in form.reporting_owners:
        name = owner.rpt_owner_name
        if isinstance(name.value, str) and any(
                entity_suffix_slip(word) for word in name.value.split()[1:]):
            reason = f"split from the name {name.value!r}, which may be an entity's"
            owner = dataclasses.replace(owner, **{
                part: getattr(owner, part).flagged(reason)
                for part in ("last_name", "first_name", "middle_name")
                if getattr(owner, part).value is not None
                and not getattr(owner, part).needs_review})
        owners.append(owner)
    return dataclasses.replace(form, reporting_owners=tuple(owners))


def _flag_low_confidence(path: str, value: Field) -> Field:
    if value.value is not None and value.confidence < REVIEW_THRESHOLD and not value.needs_review:
        return value.flagged(f"low confidence ({value.confidence:.2f})")
    return value


def _flag_unknown_footnote_refs(form: Form4) -> Form4:
    """A marker that points at no footnote of the form ("(41)" where the notes stop at (11)) is
    a misreading: the field it rides on is flagged.  Unchecked when no footnote was read."""
    known = {note.footnote_id for note in form.footnotes}
    if not known:
        return form

    def check(_: str, value: Field) -> Field:
        unknown = [ref for ref in value.footnote_ids if ref not in known]
        if not unknown or value.needs_review:
            return value
        return value.flagged(f"refers to footnote {unknown[0]}, which the form does not have")

    return map_fields(form, check)


def _printed_texts() -> list[str]:
    texts = [lab.text for rev in K.REVISIONS.values() for lab in rev.boxes]
    texts += [s.text for s in K.SECTIONS] + [c.text for c in K.CHECKBOXES]
    texts += [c.heading for rev in K.REVISIONS.values() for c in (*rev.table1, *rev.table2)]
    return sorted({normalize_label(t) for t in texts})


_PRINTED = _printed_texts()


def _printed_label_in(value: object) -> str | None:
    """The form's printed label that ``value`` reads like, if any (normalised), else ``None``.

    A value that is mostly a label, or that holds a long label, was taken from the wrong place
    (raw OCR text that runs across boxes, a box whose label was not found).
    """
    if not isinstance(value, str) or len(value) < 12:
        return None
    text = normalize_label(value)
    best = process.extractOne(text, _PRINTED, scorer=fuzz.partial_ratio, score_cutoff=90)
    if best is not None and (len(best[0]) >= 0.6 * len(text) or len(best[0]) >= 30):
        return best[0]
    return None


def _flag_printed_labels(path: str, value: Field) -> Field:
    label = _printed_label_in(value.value)
    reason = f"reads like the form's printed label {label!r}"
    if label is None or reason in (value.review_reason or ""):
        return value
    return value.flagged(reason)


#: Values that show a filled-in filing: whose issuer, whose holdings, when, a relationship
#: marked (a check box is only ever read as ``True`` when there is a mark in it).
_IDENTIFYING_PATHS = re.compile(
    r"issuer\.|reporting_owners\[\d+\]\.(rpt_owner_name|relationship\.is_\w+)$|"
    r"period_of_report$|statement_month$")


def require_filing_values(form: Form4) -> Form4:
    """``form`` itself, unless it holds no value that identifies a filing.

    A document that prints the form's labels but from which no issuer, reporting person, date,
    table row or check mark could be read (a blank form, a text about the form) is not a Form 4
    filing: :class:`NotAForm4Error`, rather than a result that is empty throughout.  A value
    that is one of the form's own labels does not count.
    """
    if form.non_derivative_table or form.derivative_table:
        return form
    for path, field in form.iter_fields():
        if (field.value not in (None, False) and _IDENTIFYING_PATHS.match(path)
                and _printed_label_in(field.value) is None):
            return form
    raise NotAForm4Error("the form's labels are there but no issuer, reporting person, date, "
                         "table row or check mark could be read")


def _missing(value: Field, what: str) -> Field:
    if value.value is None and not value.needs_review:
        return value.flagged(f"{what} not found")
    return value


def _flag_required(form: Form4) -> Form4:
    issuer = dataclasses.replace(
        form.issuer,
        issuer_name=_missing(form.issuer.issuer_name, "issuer name (box 2)"),
        issuer_trading_symbol=_missing(form.issuer.issuer_trading_symbol, "ticker (box 2)"))
    owners = tuple(
        dataclasses.replace(o, rpt_owner_name=_missing(o.rpt_owner_name, "reporting person name"))
        for o in form.reporting_owners)
    period = form.period_of_report
    if form.form_revision != "pre-2002" or form.statement_month.value is None:
        period = _missing(period, "date of earliest transaction (box 3)")
    return dataclasses.replace(form, issuer=issuer, reporting_owners=owners,
                               period_of_report=period,
                               document_type=_missing(form.document_type, "document type"))


#: Cells every transaction row prints (a value or at least a footnote marker).  Holdings print
#: only the title, the amount owned and the ownership form.
_REQUIRED_TRANSACTION_CELLS = (
    "security_title", "transaction_date", "transaction_code", "transaction_shares",
    "transaction_acquired_disposed_code", "shares_owned_following_transaction",
    "direct_or_indirect_ownership")
_REQUIRED_HOLDING_CELLS = ("security_title", "shares_owned_following_transaction",
                           "direct_or_indirect_ownership")


def _flag_notes_before_lost_ones(form: Form4) -> Form4:
    """A note is flagged when the notes after it are referenced but were not found: their
    numbers were lost, and their text most likely ran on into it."""
    if form.source_kind == "edgar-xml" or not form.footnotes:
        return form
    referenced = {ref for _, f in form.iter_fields() for ref in f.footnote_ids}
    found = {n.footnote_id for n in form.footnotes}
    number = {n.footnote_id: int(n.footnote_id[1:]) for n in form.footnotes
              if n.footnote_id[1:].isdigit()}
    lost = sorted(int(r[1:]) for r in referenced - found if r[1:].isdigit())
    doubted = {max((i for i, k in number.items() if k < n), key=number.__getitem__,
                   default=None) for n in lost} - {None}
    if not doubted:
        return form
    notes = tuple(dataclasses.replace(n, text=n.text.flagged(
        "the notes after it are referenced but were not found: their text may have run on "
        "into this one")) if n.footnote_id in doubted and not n.text.needs_review else n
        for n in form.footnotes)
    return dataclasses.replace(form, footnotes=notes)


def _flag_empty_required_cells(form: Form4) -> Form4:
    """Flag a required cell that came back empty (a converter or OCR lost its value), and a
    cell holding what belongs to its neighbour."""
    if form.source_kind == "edgar-xml":
        return form

    def check(row: Any) -> Any:
        names = _REQUIRED_HOLDING_CELLS if row.is_holding else _REQUIRED_TRANSACTION_CELLS
        changes = {}
        for name in names:
            cell = getattr(row, name)
            if cell.value is None and not cell.footnote_ids and not cell.needs_review:
                changes[name] = cell.flagged("required cell is empty: its value was lost")
        nature = row.nature_of_ownership
        if str(nature.value).strip().upper() in ("D", "I") and not nature.needs_review:
            # A bare ownership code in the nature column: the cells have shifted a column.
            changes["nature_of_ownership"] = nature.flagged(
                f"the nature of ownership reads {nature.value!r}, an ownership code: the "
                "row's cells may have shifted a column")
        ownership = row.direct_or_indirect_ownership
        if nature.value is None and not nature.footnote_ids and not nature.needs_review:
            # The specification makes the nature mandatory with I: it was lost, not left out;
            # with the ownership form unread, whether there was one cannot be told.
            if ownership.value == "I":
                changes["nature_of_ownership"] = nature.flagged(
                    "indirect ownership (I) but no nature of ownership read")
            elif ownership.value is None and ownership.needs_review:
                changes["nature_of_ownership"] = nature.flagged(
                    "the ownership form (D or I) could not be read, so neither could whether "
                    "a nature of ownership belongs here")
        return dataclasses.replace(row, **changes) if changes else row

    return dataclasses.replace(
        form, non_derivative_table=tuple(check(r) for r in form.non_derivative_table),
        derivative_table=tuple(check(r) for r in form.derivative_table))


def _check_rows(form: Form4) -> list[ReviewItem]:
    items: list[ReviewItem] = []
    if form.source_kind == "edgar-xml":
        return items
    referenced = {ref for _, f in form.iter_fields() for ref in f.footnote_ids}
    orphans = [n for n in form.footnotes if n.footnote_id not in referenced]
    derivative_hints = [n for n in orphans if _DERIVATIVE_HINTS.search(n.text.value or "")]
    if not form.derivative_table and derivative_hints:
        notes = ", ".join(f"{n.footnote_id} ({_short(n.text.value)})" for n in derivative_hints)
        items.append(ReviewItem(
            "derivative_table",
            f"Table II headings are printed and footnote {notes} describes a derivative "
            "security, but no Table II row values could be read: the row values were lost "
            "from the text; none were invented"))
    if not form.non_derivative_table and not form.derivative_table and not derivative_hints:
        items.append(ReviewItem("non_derivative_table",
                                "no row of Table I or Table II could be read; a Form 4 "
                                "reports at least one transaction or holding"))
    known = {n.footnote_id for n in form.footnotes}
    # Paths name real fields: the first value carrying the marker, the note's own text.
    first_ref: dict[str, str] = {}
    for path, field in form.iter_fields():
        for ref in field.footnote_ids:
            first_ref.setdefault(ref, path)
    for ref in sorted(referenced - known, key=lambda r: (len(r), r)):
        items.append(ReviewItem(first_ref[ref], f"footnote {ref} is referenced but its text "
                                                "was not found"))
    for note in orphans:
        if note not in derivative_hints or form.derivative_table:
            index = form.footnotes.index(note)
            items.append(ReviewItem(f"footnotes[{index}].text",
                                    f"footnote {note.footnote_id} is referenced by no extracted "
                                    "value; a marker or a row may have been lost"))
    return items


def _period_conflict(form: Form4) -> bool:
    """Whether box 3's date differs from the earliest transaction date in the tables."""
    dates = [r.transaction_date.value for r in form.table_rows()
             if r.transaction_date.value is not None]
    period = form.period_of_report.value
    return bool(dates and period and form.form_revision != "pre-2002" and min(dates) != period)


def _flag_ocr_period_conflict(form: Form4) -> Form4:
    """On a scan a digit can turn into another (05 -> 06 on a blurred page): when box 3
    disagrees with the tables' earliest date, either may be the misread one, so box 3 and the
    table dates on the earliest day are flagged themselves, not only listed."""
    if form.source_kind != "ocr" or not _period_conflict(form):
        return form
    reason = "box 3 differs from the earliest transaction date in the tables"
    earliest = min(r.transaction_date.value for r in form.table_rows()
                   if r.transaction_date.value is not None)

    def flag_row(row: Any) -> Any:
        date = row.transaction_date
        if date.value != earliest or date.needs_review:
            return row
        return dataclasses.replace(row, transaction_date=date.flagged(reason))

    period = form.period_of_report
    return dataclasses.replace(
        form, period_of_report=period if period.needs_review else period.flagged(reason),
        non_derivative_table=tuple(map(flag_row, form.non_derivative_table)),
        derivative_table=tuple(map(flag_row, form.derivative_table)))


def _check_dates(form: Form4) -> list[ReviewItem]:
    items: list[ReviewItem] = []
    if form.source_kind == "edgar-xml":
        return items
    dates = [r.transaction_date.value for r in form.table_rows()
             if r.transaction_date.value is not None]
    period = form.period_of_report.value
    if period is not None and _period_conflict(form):
        items.append(ReviewItem("period_of_report",
                                f"box 3 says {period.isoformat()} but the earliest transaction "
                                f"in the tables is {min(dates).isoformat()}"))
    for i, sig in enumerate(form.signatures):
        if dates and sig.signature_date.value and sig.signature_date.value < max(dates):
            items.append(ReviewItem(f"signatures[{i}].signature_date",
                                    "signed before the last transaction it reports"))
    return items


def _check_relationships(form: Form4) -> list[ReviewItem]:
    """Document-level: an owner whose boxes were all read and none is checked."""
    items: list[ReviewItem] = []
    for i, owner in enumerate(form.reporting_owners):
        flags = [getattr(owner.relationship, name) for name in RELATIONSHIP_BOXES]
        if all(f.value is False for f in flags):
            items.append(ReviewItem(f"reporting_owners[{i}].relationship",
                                    "no relationship box is checked"))
    return items


def _short(text: str | None, size: int = 40) -> str:
    text = text or ""
    return repr(text if len(text) <= size else text[: size - 1] + "…")
