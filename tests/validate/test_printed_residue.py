"""Values that took in print of the form around them are flagged with what they hold."""

from __future__ import annotations

import dataclasses

import pytest

from extractor.model import Field, Form4, ReportingOwner
from extractor.validate.printed_residue import flag_printed_residue, residue_in


@pytest.mark.parametrize(("path", "value", "held"), [
    ("reporting_owners[0].relationship.officer_title", "(CHECK ALL THAT APPLY) President",
     "printed words"),
    ("reporting_owners[0].relationship.officer_title", "[ [ [ CEO", "check box"),
    ("issuer.issuer_name", "5. APPLE INC", "box's printed number"),
    ("reporting_owners[0].rpt_owner_street1", "Street 69 Grosvenor", "sub-label"),
    ("reporting_owners[0].rpt_owner_city", "Street: CHESTNUT HILL", "sub-label"),
    ("reporting_owners[0].rpt_owner_city", "C/O TESLA, INC. Street 1 TESLA ROAD AUSTIN",
     "sub-label"),
    ("reporting_owners[0].rpt_owner_street1", "Seattle Wa 98108-1226", "city, state and ZIP"),
    ("non_derivative_table[4].security_title", "Table II Deriva", "printed words"),
    ("non_derivative_table[3].security_title", "Common Stock()", "empty brackets"),
    ("footnotes[1].text", "Represents shares withheld. FORM 4 (Continued) 02-13-2025",
     "printed words"),
    ("footnotes[1].text", "Subject [ ] the reporting person's continued service", "check box"),
    ("footnotes[1].text", "The price reported FORM 4- continued 12/23/2025", "printed words"),
    ("footnotes[0].text", "SoftBank Group Corp., which X a publicly traded company", "lone 'X'"),
    ("footnotes[0].text", "as defined in Rule 1l6a-9. under the Act", "misread"),
    ("footnotes[0].text", "at a price of $0. 83518 per share", "misread"),
])
def test_print_of_the_form_in_a_value_is_named(path: str, value: str, held: str) -> None:
    reason = residue_in(path, value)
    assert reason is not None and held in reason


@pytest.mark.parametrize(("path", "value"), [
    ("reporting_owners[0].rpt_owner_street1", "69 GROSVENOR STREET"),
    ("reporting_owners[0].rpt_owner_city", "Salt Lake City"),
    ("reporting_owners[0].rpt_owner_name", "State Street Corp"),
    ("issuer.issuer_name", "3M Company"),
    ("footnotes[0].text", "Reported in Table II; the reporting person disclaims beneficial "
                     "ownership except to the extent of his pecuniary interest."),
    ("footnotes[0].text", "Subject to the reporting person's continued service; Rule 16a-9. "
                     "At $0.83518 per share, 1,000 shares vest on June 1. 2,000 in July."),
    ("non_derivative_table[0].transaction_shares", "5. APPLE"),  # not a text field
])
def test_values_of_their_own_are_not_flagged(path: str, value: str) -> None:
    assert residue_in(path, value) is None


def _owner(name: str) -> ReportingOwner:
    return ReportingOwner(rpt_owner_name=Field(name, 0.95), last_name=Field(name, 0.95),
                          rpt_owner_city=Field("Cupertino", 0.95))


def test_an_owner_whose_name_is_no_name_is_flagged_throughout() -> None:
    form = Form4(reporting_owners=(_owner("Adams Katherine L."), _owner("CA 92121"),
                                   _owner("2")), form_revision="2002")
    owners = flag_printed_residue(form).reporting_owners
    assert not owners[0].rpt_owner_name.needs_review
    for owner in owners[1:]:
        assert owner.rpt_owner_name.needs_review and owner.rpt_owner_city.needs_review
    assert "reads as an address" in (owners[1].rpt_owner_city.review_reason or "")


def test_edgar_xml_is_taken_as_it_is() -> None:
    form = Form4(reporting_owners=(_owner("2"),))
    assert flag_printed_residue(form) == form
    printed = dataclasses.replace(form, form_revision="2002")
    assert flag_printed_residue(printed) != printed


def _notes(*texts: str) -> Form4:
    from extractor.model import Footnote

    return Form4(footnotes=tuple(Footnote(f"F{i}", Field(t, 0.95))
                                 for i, t in enumerate(texts, start=1)), form_revision="2002")


def test_two_notes_read_as_one_are_flagged() -> None:
    price = "The price reported in Column 4 is a weighted average price."
    grant = "Each RSU represents a contingent right to receive one share."
    notes = flag_printed_residue(_notes(price + " " + grant, grant, price)).footnotes
    assert "opening of footnote F2" in (notes[0].text.review_reason or "")
    assert not notes[1].text.needs_review and not notes[2].text.needs_review


def test_a_signature_read_letter_by_letter_is_flagged() -> None:
    reason = residue_in("signatures[0].signature_name", "/ s/ by M a r k F. Hoffm a n")
    assert reason is not None and "letters read one by one" in reason
    assert residue_in("signatures[0].signature_name", "/s/ J. R. R. Tolkien") is None


def test_owners_made_of_other_print_are_flagged_throughout() -> None:
    from extractor.model import Relationship

    phantom = dataclasses.replace(_owner("Director 10% Owner Officer Other"),
                                  relationship=Relationship(is_director=Field(True, 0.95)))
    form = Form4(reporting_owners=(_owner("4747 EXECUTIVE DRIVE"), phantom),
                 form_revision="2002")
    street, labels = flag_printed_residue(form).reporting_owners
    assert "reads as an address" in (street.rpt_owner_city.review_reason or "")
    assert labels.relationship.is_director.needs_review and labels.rpt_owner_city.needs_review
    assert not flag_printed_residue(dataclasses.replace(
        form, reporting_owners=(_owner("10X Capital Venture Fund"),))).reporting_owners[0] \
        .rpt_owner_city.needs_review


def test_a_row_with_no_number_is_flagged_as_a_wrapped_line() -> None:
    from decimal import Decimal

    from extractor.model import DerivativeRow

    wrapped = DerivativeRow(security_title=Field("Purchase Common Shares", 0.95),
                            transaction_acquired_disposed_code=Field("A", 0.95))
    row = DerivativeRow(security_title=Field("Warrants", 0.95),
                        underlying_security_shares=Field(Decimal(100), 0.95))
    form = Form4(derivative_table=(row, wrapped), form_revision="2002")
    kept, flagged = flag_printed_residue(form).derivative_table
    assert not kept.security_title.needs_review
    assert flagged.security_title.needs_review
    assert flagged.transaction_acquired_disposed_code.needs_review


def test_a_signature_cut_short_is_flagged() -> None:
    from extractor.model import Signature

    def signed(name: str) -> Signature:
        return Signature(Field(name, 0.95), Field(None))

    form = Form4(reporting_owners=(_owner("SoftBank Group Corp."),),
                 signatures=(signed("SoftBank Vision Fund II-2 L.P., By"),
                             signed("/s/ Stephen Lam, Director")), form_revision="2002")
    first, second = flag_printed_residue(form).signatures
    assert "cut short" in (first.signature_name.review_reason or "")
    assert not second.signature_name.needs_review
