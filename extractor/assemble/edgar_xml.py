"""Read EDGAR Ownership XML (``<ownershipDocument>``) into a Form4.

The XML is the filing as EDGAR holds it, so every value is read with confidence 1.0; the
``<footnoteId id="F1"/>`` elements next to a value become that field's ``footnote_ids``.  The
document may stand alone or sit inside an SGML submission between ``<XML>`` and ``</XML>``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from lxml import etree

from extractor.errors import NotAForm4Error, UnreadableInputError
from extractor.fields.names import split_person_name
from extractor.model import (
    DerivativeRow,
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

SOURCE = "edgar-xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          remove_blank_text=True)
_EMBEDDED = re.compile(rb"<XML>\s*(.*?)\s*</XML>", re.DOTALL | re.IGNORECASE)
Element = etree._Element


def _text(element: Element | None) -> str | None:
    if element is None:
        return None
    value = element.findtext("value") if element.find("value") is not None else element.text
    value = (value or "").strip()
    return value or None


def _refs(element: Element | None) -> tuple[str, ...]:
    if element is None:
        return ()
    return tuple(ref.get("id", "") for ref in element.iter("footnoteId") if ref.get("id"))


def _field(element: Element | None, convert: object = str) -> Field:
    raw = _text(element)
    refs = _refs(element)
    if raw is None:
        return Field(None, 1.0 if refs else 0.0,
                     Provenance(SOURCE) if refs else None, refs)
    value = convert(raw)  # type: ignore[operator]
    if value is None:
        return Field(None, 0.0, Provenance(SOURCE, raw_text=raw), refs,
                     f"{raw!r} is not a valid value")
    return Field(value, 1.0, Provenance(SOURCE, raw_text=raw), refs)


def _date(raw: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        return None


def _decimal(raw: str) -> Decimal | None:
    try:
        return Decimal(raw.replace(",", "").replace("$", "").strip())
    except InvalidOperation:
        return None


def _bool(raw: str) -> bool | None:
    return {"1": True, "true": True, "0": False, "false": False}.get(raw.strip().lower())


def _parse(data: bytes) -> Element:
    embedded = _EMBEDDED.search(data)
    if embedded and b"ownershipDocument" in embedded.group(1):
        data = embedded.group(1)
    try:
        root = etree.fromstring(data.strip(), _PARSER)
    except etree.XMLSyntaxError as err:
        message = str(err).splitlines()[0] if str(err) else "syntax error"
        raise UnreadableInputError(f"not well-formed XML: {message}") from None
    if root.tag != "ownershipDocument":
        raise NotAForm4Error("XML is not an EDGAR ownershipDocument")
    return root


def _owner(element: Element) -> ReportingOwner:
    name = _field(element.find("reportingOwnerId/rptOwnerName"))
    person = split_person_name(name.value or "") if name.value else None

    def part(value: str | None) -> Field:
        return Field(value, 1.0, name.provenance) if value else Field()

    address = element.find("reportingOwnerAddress")
    rel = element.find("reportingOwnerRelationship")

    def get(parent: Element | None, tag: str, convert: object = str) -> Field:
        return _field(parent.find(tag) if parent is not None else None, convert)

    def flag(tag: str) -> Field:
        # The relationship flags are optional elements: absent means the box is not checked.
        found = get(rel, tag, _bool)
        if found.value is None and not found.needs_review and rel is not None:
            return Field(False, 1.0, Provenance(SOURCE, raw_text=f"no <{tag}>"))
        return found

    return ReportingOwner(
        rpt_owner_name=name,
        last_name=part(person.last if person else None),
        first_name=part(person.first if person else None),
        middle_name=part(person.middle if person else None),
        rpt_owner_street1=get(address, "rptOwnerStreet1"),
        rpt_owner_street2=get(address, "rptOwnerStreet2"),
        rpt_owner_city=get(address, "rptOwnerCity"),
        rpt_owner_state=get(address, "rptOwnerState"),
        rpt_owner_zip_code=get(address, "rptOwnerZipCode"),
        rpt_owner_cik=_field(element.find("reportingOwnerId/rptOwnerCik")),
        rpt_owner_country=get(address, "rptOwnerCountry"),
        rpt_owner_non_us_address_flag=get(address, "rptOwnerNonUSAddressFlag", _bool),
        relationship=Relationship(
            is_director=flag("isDirector"),
            is_officer=flag("isOfficer"),
            is_ten_percent_owner=flag("isTenPercentOwner"),
            is_other=flag("isOther"),
            officer_title=get(rel, "officerTitle"),
            other_text=get(rel, "otherText"),
        ),
    )


def _common(row: Element) -> dict[str, Field]:
    """The elements Table I and Table II rows share."""
    amounts = row.find("transactionAmounts")
    coding = row.find("transactionCoding")
    code = _field(coding.find("transactionCode") if coding is not None else None)
    if coding is not None:
        code = Field(code.value, code.confidence, code.provenance, _refs(coding))
    def at(path: str, convert: object = str) -> Field:
        return _field(row.find(path), convert)

    return {
        "security_title": at("securityTitle"),
        "transaction_date": at("transactionDate", _date),
        "deemed_execution_date": at("deemedExecutionDate", _date),
        "transaction_code": code,
        "transaction_timeliness": at("transactionTimeliness"),
        "transaction_shares": _field(amounts.find("transactionShares")
                                     if amounts is not None else None, _decimal),
        "transaction_price_per_share": _field(amounts.find("transactionPricePerShare")
                                              if amounts is not None else None, _decimal),
        "transaction_acquired_disposed_code": _field(
            amounts.find("transactionAcquiredDisposedCode") if amounts is not None else None),
        "shares_owned_following_transaction": at(
            "postTransactionAmounts/sharesOwnedFollowingTransaction", _decimal),
        "direct_or_indirect_ownership": at("ownershipNature/directOrIndirectOwnership"),
        "nature_of_ownership": at("ownershipNature/natureOfOwnership"),
        "equity_swap_involved": _field(coding.find("equitySwapInvolved")
                                       if coding is not None else None, _bool),
    }


def _non_derivative(row: Element) -> NonDerivativeRow:
    return NonDerivativeRow(is_holding=str(row.tag).endswith("Holding"), **_common(row))


def _derivative(row: Element) -> DerivativeRow:
    return DerivativeRow(
        is_holding=str(row.tag).endswith("Holding"),
        conversion_or_exercise_price=_field(row.find("conversionOrExercisePrice"), _decimal),
        exercise_date=_field(row.find("exerciseDate"), _date),
        expiration_date=_field(row.find("expirationDate"), _date),
        underlying_security_title=_field(row.find("underlyingSecurity/underlyingSecurityTitle")),
        underlying_security_shares=_field(
            row.find("underlyingSecurity/underlyingSecurityShares"), _decimal),
        **_common(row),
    )


def read_edgar_xml(data: bytes, source_name: str = "") -> Form4:
    """Read an EDGAR ``ownershipDocument`` (bare, or inside an SGML submission).

    Raises :class:`UnreadableInputError` for XML that is not well-formed and
    :class:`NotAForm4Error` for other XML or a Form 3 / Form 5 ownership document.
    """
    root = _parse(data)
    document_type = (root.findtext("documentType") or "").strip()
    if document_type not in ("4", "4/A"):
        form = document_type.removesuffix("/A") or "an unknown"
        raise NotAForm4Error(f"this is a Form {form} ownership document, not a Form 4")
    owners = tuple(_owner(e) for e in root.findall("reportingOwner"))
    signatures = tuple(
        Signature(_field(e.find("signatureName")), _field(e.find("signatureDate"), _date))
        for e in root.findall("ownerSignature"))
    footnotes = tuple(
        Footnote(e.get("id", ""), Field(" ".join((e.text or "").split()) or None, 1.0,
                                        Provenance(SOURCE, raw_text=e.text)))
        for e in root.findall("footnotes/footnote"))
    remarks = _field(root.find("remarks"))
    joint = "joint" if len(owners) > 1 else "individual"
    return Form4(
        document_type=_field(root.find("documentType")),
        issuer=Issuer(_field(root.find("issuer/issuerName")),
                      _field(root.find("issuer/issuerTradingSymbol")),
                      issuer_cik=_field(root.find("issuer/issuerCik")),
                      issuer_foreign_trading_symbol=_field(
                          root.find("issuer/issuerForeignTradingSymbol"))),
        reporting_owners=owners,
        period_of_report=_field(root.find("periodOfReport"), _date),
        date_of_original_submission=_field(root.find("dateOfOriginalSubmission"), _date),
        not_subject_to_section16=_field(root.find("notSubjectToSection16"), _bool),
        aff10b5_one=_field(root.find("aff10b5One"), _bool),
        individual_or_joint_filing=Field(joint, 1.0, Provenance(
            SOURCE, raw_text=f"{len(owners)} reportingOwner element(s)")),
        non_derivative_table=tuple(
            _non_derivative(e) for e in root.findall("nonDerivativeTable/*")
            if e.tag in ("nonDerivativeTransaction", "nonDerivativeHolding")),
        derivative_table=tuple(
            _derivative(e) for e in root.findall("derivativeTable/*")
            if e.tag in ("derivativeTransaction", "derivativeHolding")),
        footnotes=footnotes,
        remarks=remarks,
        signatures=signatures,
        form_revision=None,
        source_kind=SOURCE,
    )
