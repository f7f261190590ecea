"""Write a Form4 as an EDGAR ``ownershipDocument`` (schema version X0609).

Element names, order and value formats follow the EDGAR Ownership XML Technical Specification.
Two rules keep the output honest:

* fields the paper form does not print (issuer and owner CIKs, ``equitySwapInvolved``) are
  omitted rather than invented;
* a value that is empty or flagged for review is omitted; its footnote references are kept when
  they are known, so ``<exerciseDate><footnoteId id="F2"/></exerciseDate>`` survives.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from lxml import etree

from extractor.model import DerivativeRow, Field, Form4, NonDerivativeRow, ReportingOwner

SCHEMA_VERSION = "X0609"
Element = etree._Element


def _format(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _usable(field: Field) -> bool:
    return field.value is not None and not field.needs_review


def _plain(parent: Element, tag: str, field: Field) -> None:
    """``<tag>text</tag>``: for elements the specification does not wrap in ``<value>``."""
    if _usable(field):
        etree.SubElement(parent, tag).text = _format(field.value)


def _valued(parent: Element, tag: str, field: Field) -> None:
    """``<tag><value>text</value><footnoteId id=".."/></tag>``, or nothing when both are empty."""
    if not _usable(field) and not field.footnote_ids:
        return
    element = etree.SubElement(parent, tag)
    if _usable(field):
        etree.SubElement(element, "value").text = _format(field.value)
    for ref in field.footnote_ids:
        etree.SubElement(element, "footnoteId", id=ref)


def _drop_if_empty(parent: Element, element: Element) -> None:
    if len(element) == 0 and not (element.text or "").strip():
        parent.remove(element)


def _owner(root: Element, owner: ReportingOwner) -> None:
    element = etree.SubElement(root, "reportingOwner")
    ident = etree.SubElement(element, "reportingOwnerId")
    _plain(ident, "rptOwnerName", owner.rpt_owner_name)
    address = etree.SubElement(element, "reportingOwnerAddress")
    for tag, field in (("rptOwnerStreet1", owner.rpt_owner_street1),
                       ("rptOwnerStreet2", owner.rpt_owner_street2),
                       ("rptOwnerCity", owner.rpt_owner_city),
                       ("rptOwnerState", owner.rpt_owner_state),
                       ("rptOwnerZipCode", owner.rpt_owner_zip_code)):
        _plain(address, tag, field)
    _drop_if_empty(element, address)
    rel = owner.relationship
    relationship = etree.SubElement(element, "reportingOwnerRelationship")
    for tag, field in (("isDirector", rel.is_director), ("isOfficer", rel.is_officer),
                       ("isTenPercentOwner", rel.is_ten_percent_owner),
                       ("isOther", rel.is_other), ("officerTitle", rel.officer_title),
                       ("otherText", rel.other_text)):
        _plain(relationship, tag, field)
    _drop_if_empty(element, relationship)


def _transaction_part(element: Element, row: NonDerivativeRow | DerivativeRow,
                      form_type: str) -> None:
    """transactionDate … transactionAmounts: what a transaction row has and a holding lacks."""
    _valued(element, "transactionDate", row.transaction_date)
    _valued(element, "deemedExecutionDate", row.deemed_execution_date)
    coding = etree.SubElement(element, "transactionCoding")
    etree.SubElement(coding, "transactionFormType").text = form_type
    _plain(coding, "transactionCode", row.transaction_code)
    for ref in row.transaction_code.footnote_ids:
        etree.SubElement(coding, "footnoteId", id=ref)
    _valued(element, "transactionTimeliness", row.transaction_timeliness)
    amounts = etree.SubElement(element, "transactionAmounts")
    _valued(amounts, "transactionShares", row.transaction_shares)
    _valued(amounts, "transactionPricePerShare", row.transaction_price_per_share)
    _valued(amounts, "transactionAcquiredDisposedCode", row.transaction_acquired_disposed_code)
    _drop_if_empty(element, amounts)


def _ownership_part(element: Element, row: NonDerivativeRow | DerivativeRow) -> None:
    post = etree.SubElement(element, "postTransactionAmounts")
    _valued(post, "sharesOwnedFollowingTransaction", row.shares_owned_following_transaction)
    _drop_if_empty(element, post)
    nature = etree.SubElement(element, "ownershipNature")
    _valued(nature, "directOrIndirectOwnership", row.direct_or_indirect_ownership)
    _valued(nature, "natureOfOwnership", row.nature_of_ownership)
    _drop_if_empty(element, nature)


def _non_derivative(table: Element, row: NonDerivativeRow, form_type: str) -> None:
    tag = "nonDerivativeHolding" if row.is_holding else "nonDerivativeTransaction"
    element = etree.SubElement(table, tag)
    _valued(element, "securityTitle", row.security_title)
    if not row.is_holding:
        _transaction_part(element, row, form_type)
    _ownership_part(element, row)


def _derivative(table: Element, row: DerivativeRow, form_type: str) -> None:
    tag = "derivativeHolding" if row.is_holding else "derivativeTransaction"
    element = etree.SubElement(table, tag)
    _valued(element, "securityTitle", row.security_title)
    _valued(element, "conversionOrExercisePrice", row.conversion_or_exercise_price)
    if not row.is_holding:
        _transaction_part(element, row, form_type)
    _valued(element, "exerciseDate", row.exercise_date)
    _valued(element, "expirationDate", row.expiration_date)
    underlying = etree.SubElement(element, "underlyingSecurity")
    _valued(underlying, "underlyingSecurityTitle", row.underlying_security_title)
    _valued(underlying, "underlyingSecurityShares", row.underlying_security_shares)
    _drop_if_empty(element, underlying)
    _ownership_part(element, row)


def to_edgar_xml(form: Form4) -> bytes:
    """``form`` as EDGAR ownershipDocument XML (UTF-8, pretty-printed, with declaration)."""
    root = etree.Element("ownershipDocument")
    etree.SubElement(root, "schemaVersion").text = SCHEMA_VERSION
    _plain(root, "documentType", form.document_type)
    _plain(root, "periodOfReport", form.period_of_report)
    _plain(root, "dateOfOriginalSubmission", form.date_of_original_submission)
    _plain(root, "notSubjectToSection16", form.not_subject_to_section16)
    issuer = etree.SubElement(root, "issuer")
    _plain(issuer, "issuerName", form.issuer.issuer_name)
    _plain(issuer, "issuerTradingSymbol", form.issuer.issuer_trading_symbol)
    for owner in form.reporting_owners:
        _owner(root, owner)
    _plain(root, "aff10b5One", form.aff10b5_one)
    form_type = (form.document_type.value or "4").removesuffix("/A")
    if form.non_derivative_table:
        table = etree.SubElement(root, "nonDerivativeTable")
        for row in form.non_derivative_table:
            _non_derivative(table, row, form_type)
    if form.derivative_table:
        table = etree.SubElement(root, "derivativeTable")
        for drow in form.derivative_table:
            _derivative(table, drow, form_type)
    notes = [n for n in form.footnotes if _usable(n.text)]
    if notes:
        footnotes = etree.SubElement(root, "footnotes")
        for note in notes:
            etree.SubElement(footnotes, "footnote", id=note.footnote_id).text = note.text.value
    _plain(root, "remarks", form.remarks)
    for signature in form.signatures:
        element = etree.SubElement(root, "ownerSignature")
        _plain(element, "signatureName", signature.signature_name)
        _plain(element, "signatureDate", signature.signature_date)
        _drop_if_empty(root, element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
