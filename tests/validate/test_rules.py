import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from extractor.errors import NotAForm4Error
from extractor.model import (
    Field,
    Footnote,
    Form4,
    Issuer,
    NonDerivativeRow,
    Provenance,
    Relationship,
    ReportingOwner,
    Signature,
)
from extractor.validate import require_filing_values, validate

P = Provenance("text-dump")


def _form(**changes: object) -> Form4:
    owner = ReportingOwner(rpt_owner_name=Field("Doe Jane", 0.95, P),
                           rpt_owner_street1=Field("1 Main St", 0.95, P),
                           rpt_owner_city=Field("Madison", 0.95, P),
                           rpt_owner_state=Field("WI", 0.95, P),
                           rpt_owner_zip_code=Field("53716", 0.95, P), relationship=Relationship(
        is_director=Field(True, 0.95, P), is_officer=Field(False, 0.95, P),
        is_ten_percent_owner=Field(False, 0.95, P), is_other=Field(False, 0.95, P)))
    row = NonDerivativeRow(security_title=Field("Common Stock", 0.95, P),
                           transaction_date=Field(dt.date(2020, 1, 2), 0.95, P),
                           transaction_code=Field("P", 0.95, P),
                           transaction_shares=Field(None, 1.0, P, ("F1",)),
                           transaction_acquired_disposed_code=Field("A", 0.95, P),
                           shares_owned_following_transaction=Field(Decimal(100), 0.95, P),
                           direct_or_indirect_ownership=Field("D", 0.95, P))
    base = Form4(document_type=Field("4", 0.9, P),
                 issuer=Issuer(Field("Acme Corp", 0.95, P), Field("ACME", 0.95, P)),
                 reporting_owners=(owner,), period_of_report=Field(dt.date(2020, 1, 2), 0.95, P),
                 non_derivative_table=(row,),
                 footnotes=(Footnote("F1", Field("A note.", 0.95, P)),),
                 signatures=(Signature(Field("/s/ Jane Doe", 0.95, P),
                                       Field(dt.date(2020, 1, 3), 0.95, P)),),
                 source_kind="text-dump", form_revision="2002")
    return dataclasses.replace(base, **changes)


def test_clean_form_needs_no_review() -> None:
    form = validate(_form())
    assert form.review_items() == []
    assert not form.needs_review


def test_low_confidence_is_flagged_and_value_kept() -> None:
    form = validate(_form(issuer=Issuer(Field("Acme Corp", 0.5, P), Field("ACME", 0.95, P))))
    assert form.issuer.issuer_name.value == "Acme Corp"
    assert form.issuer.issuer_name.review_reason == "low confidence (0.50)"


def test_missing_required_fields_are_flagged() -> None:
    form = validate(_form(issuer=Issuer(), period_of_report=Field()))
    paths = {item.path for item in form.review_items()}
    assert {"issuer.issuer_name", "issuer.issuer_trading_symbol", "period_of_report"} <= paths


def test_orphan_footnote_and_empty_tables() -> None:
    note = Footnote("F2", Field("The options vest over four years.", 0.95, P))
    form = validate(_form(non_derivative_table=(), footnotes=(note,)))
    reasons = {item.path: item.reason for item in form.review_items()}
    assert "derivative_table" in reasons and "F2" in reasons["derivative_table"]
    form = validate(_form(non_derivative_table=(), footnotes=()))
    assert any(item.path == "non_derivative_table" and "no row" in item.reason
               for item in form.review_items())


def test_box3_must_match_earliest_transaction() -> None:
    form = validate(_form(period_of_report=Field(dt.date(2019, 12, 1), 0.95, P)))
    assert any(item.path == "period_of_report" for item in form.review_items())


def test_signature_before_transaction_is_flagged() -> None:
    sig = Signature(Field("/s/ Jane Doe", 0.95, P), Field(dt.date(2019, 1, 1), 0.95, P))
    form = validate(_form(signatures=(sig,)))
    assert any(item.path == "signatures[0].signature_date" for item in form.review_items())


def test_unread_relationship_and_officer_without_title() -> None:
    owner = ReportingOwner(rpt_owner_name=Field("Doe Jane", 0.95, P))
    form = validate(_form(reporting_owners=(owner,)))
    assert any("no relationship check mark" in i.reason for i in form.review_items())
    owner = dataclasses.replace(owner, relationship=Relationship(is_officer=Field(True, 0.95, P)))
    form = validate(_form(reporting_owners=(owner,)))
    assert any(i.path.endswith("officer_title") for i in form.review_items())
    # Some boxes read, one not: the unread one is flagged, not taken as unchecked.
    owner = dataclasses.replace(owner, relationship=Relationship(
        is_officer=Field(False, 0.95, P), is_ten_percent_owner=Field(False, 0.95, P),
        is_other=Field(True, 0.95, P), other_text=Field("Trustee", 0.95, P)))
    form = validate(_form(reporting_owners=(owner,)))
    assert form.reporting_owners[0].relationship.is_director.value is None
    assert [i.path for i in form.review_items() if "box 5" in i.reason] == \
        ["reporting_owners[0].relationship.is_director"]


def test_empty_required_cell_is_flagged() -> None:
    form = _form()
    row = dataclasses.replace(form.non_derivative_table[0],
                              shares_owned_following_transaction=Field(None, 1.0, P))
    form = validate(dataclasses.replace(form, non_derivative_table=(row,)))
    cell = form.non_derivative_table[0].shares_owned_following_transaction
    assert cell.value is None and cell.review_reason is not None and "lost" in cell.review_reason
    # A cell holding only a footnote marker is not empty.
    assert not form.non_derivative_table[0].transaction_shares.needs_review


def test_a_value_that_is_a_printed_label_does_not_make_a_filing() -> None:
    label_only = _form(issuer=Issuer(Field("3. Date of Earliest Transaction", 0.7, P), Field()),
                       non_derivative_table=(), derivative_table=(), period_of_report=Field(),
                       reporting_owners=())
    with pytest.raises(NotAForm4Error, match="no issuer"):
        require_filing_values(label_only)
    real = dataclasses.replace(label_only, issuer=Issuer(Field("Acme Corp", 0.9, P), Field()))
    assert require_filing_values(real) is real


def _owner_at(state: str, zip_code: str) -> ReportingOwner:
    owner = _form().reporting_owners[0]
    return dataclasses.replace(owner, rpt_owner_state=Field(state, 0.95, P),
                               rpt_owner_zip_code=Field(zip_code, 0.95, P))


@pytest.mark.parametrize(("state", "zip_code", "kind", "state_flagged", "zip_flagged"), [
    ("MO", "105-7537", "ocr", True, False),   # Missouri, or M0 (Japan)? a foreign postal code
    ("MO", "63101", "ocr", False, False),     # a US ZIP beside a US state settles it
    ("Y9", "JE1 OBD", "ocr", False, True),    # O or 0 in a postal code: no rule settles it
    ("X0", "W1K 3JP", "ocr", False, True),
    ("MO", "105-7537", "pdf", False, False),  # a text layer has no look-alikes
])
def test_ocr_lookalike_address_codes_go_to_review(state: str, zip_code: str, kind: str,
                                                  state_flagged: bool, zip_flagged: bool) -> None:
    form = validate(_form(reporting_owners=(_owner_at(state, zip_code),), source_kind=kind))
    owner = form.reporting_owners[0]
    assert owner.rpt_owner_state.value == state and owner.rpt_owner_zip_code.value == zip_code
    assert owner.rpt_owner_state.needs_review is state_flagged
    assert owner.rpt_owner_zip_code.needs_review is zip_flagged


@pytest.mark.parametrize("kind", ["ocr", "text-dump"])
def test_box3_against_the_tables_on_a_scan_flags_both_dates(kind: str) -> None:
    """A blurred 5 reads 6: box 3 says January, the table June.  On a scan either may be the
    misread one, so both are flagged; other readers only list the conflict."""
    row = dataclasses.replace(_form().non_derivative_table[0],
                              transaction_date=Field(dt.date(2020, 6, 2), 0.95, P))
    form = validate(_form(non_derivative_table=(row,), source_kind=kind))
    assert any(item.path == "period_of_report" for item in form.review_items())
    flagged = kind == "ocr"
    assert form.period_of_report.needs_review is flagged
    assert form.non_derivative_table[0].transaction_date.needs_review is flagged
    assert form.non_derivative_table[0].transaction_date.value == dt.date(2020, 6, 2)


def test_the_parts_of_a_doubted_name_are_doubted_too() -> None:
    doubted = Field("SB Global Advisers Lid", 0.95, P)
    owner = ReportingOwner(rpt_owner_name=doubted, last_name=Field("SB", 0.95, P),
                           first_name=Field("Global", 0.95, P),
                           middle_name=Field("Advisers Lid", 0.95, P))
    form = validate(_form(reporting_owners=(owner,)))
    parts = form.reporting_owners[0]
    for part in (parts.last_name, parts.first_name, parts.middle_name):
        assert part.needs_review and "an entity" in (part.review_reason or "")
    sure = validate(_form()).reporting_owners[0]
    assert not sure.rpt_owner_name.needs_review


def test_a_joint_filer_read_without_boxes_or_address_is_flagged_where_it_is() -> None:
    second = ReportingOwner(rpt_owner_name=Field("Doe John", 0.95, P))
    form = _form()
    form = validate(dataclasses.replace(
        form, reporting_owners=(*form.reporting_owners, second)))
    got = form.reporting_owners[1]
    assert got.relationship.is_director.review_reason == (
        "no relationship check mark could be read (box 5)")
    assert got.relationship.is_other.needs_review
    assert got.rpt_owner_city.review_reason == "no address read for this reporting person"
    assert got.rpt_owner_zip_code.needs_review
    assert all(not f.needs_review for path, f in form.iter_fields()
               if path.startswith("reporting_owners[0]"))


def test_a_box_left_unread_beside_read_ones_is_flagged_alone() -> None:
    owner = _form().reporting_owners[0]
    rel = dataclasses.replace(owner.relationship, is_other=Field())
    form = validate(_form(reporting_owners=(dataclasses.replace(owner, relationship=rel),)))
    rel = form.reporting_owners[0].relationship
    assert rel.is_other.review_reason == "this box 5 check box could not be read"
    assert not rel.is_director.needs_review


def test_edgar_xml_is_not_flagged_for_what_it_leaves_out() -> None:
    owner = ReportingOwner(rpt_owner_name=Field("Doe Jane", 1.0, P))
    form = validate(_form(reporting_owners=(owner,), form_revision=None))
    assert not form.reporting_owners[0].rpt_owner_city.needs_review


def test_an_indirect_holding_without_its_nature_is_flagged() -> None:
    row = _form().non_derivative_table[0]
    row = dataclasses.replace(row, direct_or_indirect_ownership=Field("I", 0.95, P))
    form = validate(_form(non_derivative_table=(row,)))
    assert form.non_derivative_table[0].nature_of_ownership.review_reason == (
        "indirect ownership (I) but no nature of ownership read")


def test_a_printed_form_with_no_signature_read_says_so() -> None:
    form = validate(_form(signatures=()))
    assert len(form.signatures) == 1
    assert form.signatures[0].signature_name.needs_review
    assert form.signatures[0].signature_date.value is None
    assert validate(_form(signatures=(), form_revision=None)).signatures == ()


def test_a_city_without_its_street_line_is_flagged() -> None:
    owner = dataclasses.replace(_form().reporting_owners[0], rpt_owner_street1=Field())
    form = validate(_form(reporting_owners=(owner,)))
    assert form.reporting_owners[0].rpt_owner_street1.review_reason == (
        "a city line read but no street line above it")


def test_an_unread_ownership_form_leaves_the_nature_in_doubt() -> None:
    row = _form().non_derivative_table[0]
    row = dataclasses.replace(row, direct_or_indirect_ownership=Field().flagged("not D or I"))
    form = validate(_form(non_derivative_table=(row,)))
    assert form.non_derivative_table[0].nature_of_ownership.needs_review


def test_a_printed_form_with_no_reporting_person_read_says_so() -> None:
    form = validate(_form(reporting_owners=()))
    assert form.reporting_owners[0].rpt_owner_name.review_reason == (
        "no reporting person (box 1) read")
    assert form.reporting_owners[0].relationship.is_director.needs_review
