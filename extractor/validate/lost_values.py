"""What a page lost, flagged where it was lost.

A printed form always has box 1, box 5's check boxes, an address and a signature; an empty one
was lost in reading, not left out by the filer.  Flagged on the field itself, it reaches the
reviewer and the XML's review list (docs/design-notes.md#flag-where-lost).  EDGAR XML is taken
as it is: nothing was read from a page.
"""

from __future__ import annotations

import dataclasses

from extractor.model import Field, Form4, ReportingOwner, Signature

RELATIONSHIP_BOXES = ("is_director", "is_officer", "is_ten_percent_owner", "is_other")


def flag_lost_values(form: Form4) -> Form4:
    """On a printed form, an owner's box 5 check boxes, officer title and address that could
    not be read are flagged where they are: an owner listed with no relationship or address
    read has lost them (a joint filer's line read apart from its boxes), not printed none."""
    if form.form_revision is None:
        return form  # EDGAR XML says what it says; nothing was read from a page
    owners = form.reporting_owners or (  # every form has box 1: it was lost, not left out
        ReportingOwner(rpt_owner_name=Field().flagged("no reporting person (box 1) read")),)
    form = dataclasses.replace(form, reporting_owners=tuple(
        _owner_gaps_flagged(o) for o in owners))
    return _flag_lost_signature(form)


def _owner_gaps_flagged(owner: ReportingOwner) -> ReportingOwner:
    rel = owner.relationship
    boxes = {name: getattr(rel, name) for name in RELATIONSHIP_BOXES}
    if all(f.value is None for f in boxes.values()):
        reason = "no relationship check mark could be read (box 5)"
    else:  # some read, some not: an unread box is not taken as unchecked
        reason = "this box 5 check box could not be read"
    changes: dict[str, Field] = {name: _missing_as(f, reason) for name, f in boxes.items()}
    if rel.is_officer.value and rel.officer_title.value is None:
        changes["officer_title"] = _missing_as(rel.officer_title,
                                               "officer checked but no title read")
    if rel.is_other.value and rel.other_text.value is None:
        changes["other_text"] = _missing_as(rel.other_text, "other checked but no text read")
    owner = dataclasses.replace(owner, relationship=dataclasses.replace(rel, **changes))
    place = (owner.rpt_owner_city, owner.rpt_owner_state, owner.rpt_owner_zip_code)
    if owner.rpt_owner_name.value is not None and all(f.value is None for f in place):
        reason = "no address read for this reporting person"
        owner = dataclasses.replace(
            owner, rpt_owner_city=_missing_as(owner.rpt_owner_city, reason),
            rpt_owner_state=_missing_as(owner.rpt_owner_state, reason),
            rpt_owner_zip_code=_missing_as(owner.rpt_owner_zip_code, reason),
            rpt_owner_street1=_missing_as(owner.rpt_owner_street1, reason))
    elif any(f.value is not None for f in place):
        # A city line read with no street above it: the street line was lost (EDGAR's
        # address has one whenever it has a city).
        owner = dataclasses.replace(owner, rpt_owner_street1=_missing_as(
            owner.rpt_owner_street1, "a city line read but no street line above it"))
    return owner


def _flag_lost_signature(form: Form4) -> Form4:
    """Every printed Form 4 is signed: a form from a page with no signature read has lost it,
    and says so in a signature of flagged empty fields."""
    if form.form_revision is None or form.signatures:
        return form
    reason = "no signature read (the form prints a signature line)"
    return dataclasses.replace(form, signatures=(
        Signature(Field().flagged(reason), Field().flagged(reason)),))


def _missing_as(value: Field, reason: str) -> Field:
    """``value`` flagged with ``reason`` when it is empty and not flagged yet."""
    return value.flagged(reason) if value.value is None and not value.needs_review else value
