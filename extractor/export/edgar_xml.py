"""Write a Form4 as an EDGAR ``ownershipDocument`` (schema version X0609).

Element names, order and value formats follow the EDGAR Ownership XML Technical Specification
and the schema shipped in ``extractor/export/schema/`` (see ``docs/xml-schema.md``).  Three rules
keep the output honest:

* a CIK is written only when one was read (EDGAR XML, an SGML header) or supplied (``--cik-map``,
  ``--issuer-cik``, ``--owner-cik``); without one the document opens with a comment saying it is
  not yet submittable, and never holds an invented key;
* ``equitySwapInvolved``, which the paper form prints only as the code K, is 1 when the code
  read is K and 0 otherwise (or what EDGAR XML said);
* a value that is empty or flagged for review is omitted, its footnote references kept when they
  are known (``<exerciseDate><footnoteId id="F2"/></exerciseDate>``); every flagged value left
  out is listed, with its reason and the value read, in a comment before the root element and
  in :attr:`EdgarXml.omitted` (the ``NAME.review.json`` the CLI writes beside the XML).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from lxml import etree

from extractor.model import DerivativeRow, Field, Form4, NonDerivativeRow, ReportingOwner

SCHEMA_VERSION = "X0609"
Element = etree._Element
#: The one code EDGAR does not take as ``transactionCode``: it is ``equitySwapInvolved``.
EQUITY_SWAP_CODE = "K"


@dataclass(frozen=True, slots=True)
class Omission:
    """A value the XML leaves out: where it would stand, the model field, why, what was read."""

    xml_path: str
    field_path: str
    reason: str
    value: object = None


@dataclass(frozen=True, slots=True)
class EdgarXml:
    """The XML document, the flagged values it leaves out and why it is not yet submittable."""

    data: bytes
    omitted: tuple[Omission, ...] = ()
    #: Mandatory elements no value exists for (a CIK the printed form does not carry).
    not_submittable: tuple[Omission, ...] = ()

    @property
    def submittable(self) -> bool:
        return not self.not_submittable


def _format(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _json_value(value: object) -> object:
    if isinstance(value, Decimal | dt.date):
        return _format(value)
    return value


def _usable(value: Field) -> bool:
    return value.value is not None and not value.needs_review


def _comment_text(text: str) -> str:
    # "--" may not appear in an XML comment, nor may it end with "-".
    return " " + text.replace("--", "- -").rstrip("-") + " "


@dataclass(slots=True)
class _Writer:
    """Builds the tree and records every flagged value it leaves out.

    An omission's element path is worked out once the tree is whole (a row's index is known
    only when its siblings are there), before empty containers are dropped.
    """

    root: Element
    omitted: list[tuple[Element, str, Omission]] = field(default_factory=list)
    missing: list[tuple[Element, str, Omission]] = field(default_factory=list)
    empty: list[tuple[Element, Element]] = field(default_factory=list)

    def note(self, parent: Element, tag: str, value: Field, path: str) -> None:
        """Record ``value`` as left out when it is flagged."""
        if value.needs_review:
            self.omitted.append((parent, tag, Omission("", path, str(value.review_reason),
                                                       _json_value(value.value))))

    def drop_if_empty(self, parent: Element, element: Element) -> None:
        """Remove ``element`` from ``parent`` at the end, when it is still empty."""
        self.empty.append((parent, element))

    def finish(self) -> tuple[tuple[Omission, ...], tuple[Omission, ...]]:
        """The omissions and the missing mandatory elements, with their paths; then the empty
        containers are dropped."""
        tree = self.root.getroottree()

        def placed(items: list[tuple[Element, str, Omission]]) -> tuple[Omission, ...]:
            return tuple(dataclasses.replace(o, xml_path=f"{tree.getpath(e)}/{tag}")
                         for e, tag, o in items)

        done = placed(self.omitted), placed(self.missing)
        for parent, element in reversed(self.empty):  # innermost first
            if len(element) == 0 and not (element.text or "").strip():
                parent.remove(element)
        return done

    def plain(self, parent: Element, tag: str, value: Field, path: str) -> None:
        """``<tag>text</tag>``: for elements the specification does not wrap in ``<value>``."""
        if _usable(value):
            etree.SubElement(parent, tag).text = _format(value.value)
        else:
            self.note(parent, tag, value, path)

    def valued(self, parent: Element, tag: str, value: Field, path: str) -> None:
        """``<tag><value>text</value><footnoteId id=".."/></tag>``, or nothing when both are
        empty."""
        self.note(parent, tag, value, path)
        if not _usable(value) and not value.footnote_ids:
            return
        element = etree.SubElement(parent, tag)
        if _usable(value):
            etree.SubElement(element, "value").text = _format(value.value)
        for ref in value.footnote_ids:
            etree.SubElement(element, "footnoteId", id=ref)

    def cik(self, parent: Element, tag: str, value: Field, path: str, whose: str) -> None:
        """A mandatory CIK: written when known, else recorded as what blocks submission."""
        if _usable(value):
            etree.SubElement(parent, tag).text = _format(value.value)
            return
        self.note(parent, tag, value, path)
        self.missing.append((parent, tag, Omission(
            "", path, f"no CIK for {whose}: the printed form carries none; give it to "
                         "form4 extract (options cik-map, issuer-cik, owner-cik)",
            _json_value(value.value))))


def _owner(w: _Writer, owner: ReportingOwner, path: str, number: int) -> None:
    element = etree.SubElement(w.root, "reportingOwner")
    ident = etree.SubElement(element, "reportingOwnerId")
    w.cik(ident, "rptOwnerCik", owner.rpt_owner_cik, f"{path}.rpt_owner_cik",
          f"reporting owner {number} ({owner.rpt_owner_name.value or 'name not read'})")
    w.plain(ident, "rptOwnerName", owner.rpt_owner_name, f"{path}.rpt_owner_name")
    address = etree.SubElement(element, "reportingOwnerAddress")
    for tag, name in (("rptOwnerNonUSAddressFlag", "rpt_owner_non_us_address_flag"),
                      ("rptOwnerStreet1", "rpt_owner_street1"),
                      ("rptOwnerStreet2", "rpt_owner_street2"),
                      ("rptOwnerCity", "rpt_owner_city"), ("rptOwnerState", "rpt_owner_state"),
                      ("rptOwnerCountry", "rpt_owner_country"),
                      ("rptOwnerZipCode", "rpt_owner_zip_code")):
        w.plain(address, tag, getattr(owner, name), f"{path}.{name}")
    w.drop_if_empty(element, address)
    # Mandatory even when no box was read: the relationship rule then says what is missing.
    relationship = etree.SubElement(element, "reportingOwnerRelationship")
    for tag, name in (("isDirector", "is_director"), ("isOfficer", "is_officer"),
                      ("isTenPercentOwner", "is_ten_percent_owner"), ("isOther", "is_other"),
                      ("officerTitle", "officer_title"), ("otherText", "other_text")):
        w.plain(relationship, tag, getattr(owner.relationship, name),
                f"{path}.relationship.{name}")


def _coding(w: _Writer, element: Element, row: NonDerivativeRow | DerivativeRow,
            form_type: str, path: str) -> None:
    """transactionCoding: form type, code, the equity swap flag (K on paper), footnotes."""
    coding = etree.SubElement(element, "transactionCoding")
    # The V column (early, "E"): a Form 5 transaction reported early on a Form 4 (spec 4.3.8.2).
    early = _usable(row.transaction_timeliness) and row.transaction_timeliness.value == "E"
    etree.SubElement(coding, "transactionFormType").text = "5" if early else form_type
    code = row.transaction_code
    swap_code = _usable(code) and str(code.value).upper() == EQUITY_SWAP_CODE
    if swap_code:
        w.omitted.append((coding, "transactionCode", Omission(
            "", f"{path}.transaction_code",
            "the code column prints only K (equity swap): equitySwapInvolved is 1, and EDGAR "
            "wants the transaction's own code, which the form does not give", code.value)))
    else:
        w.plain(coding, "transactionCode", code, f"{path}.transaction_code")
    swap = row.equity_swap_involved
    involved = bool(swap.value) if _usable(swap) else swap_code
    etree.SubElement(coding, "equitySwapInvolved").text = _format(involved)
    for ref in code.footnote_ids:
        etree.SubElement(coding, "footnoteId", id=ref)


def _transaction_part(w: _Writer, element: Element, row: NonDerivativeRow | DerivativeRow,
                      form_type: str, path: str) -> None:
    """transactionDate … transactionAmounts: what a transaction row has and a holding lacks."""
    w.valued(element, "transactionDate", row.transaction_date, f"{path}.transaction_date")
    w.valued(element, "deemedExecutionDate", row.deemed_execution_date,
             f"{path}.deemed_execution_date")
    _coding(w, element, row, form_type, path)
    w.valued(element, "transactionTimeliness", row.transaction_timeliness,
             f"{path}.transaction_timeliness")
    amounts = etree.SubElement(element, "transactionAmounts")
    for tag, name in (("transactionShares", "transaction_shares"),
                      ("transactionPricePerShare", "transaction_price_per_share"),
                      ("transactionAcquiredDisposedCode", "transaction_acquired_disposed_code")):
        w.valued(amounts, tag, getattr(row, name), f"{path}.{name}")
    w.drop_if_empty(element, amounts)


def _ownership_part(w: _Writer, element: Element, row: NonDerivativeRow | DerivativeRow,
                    path: str) -> None:
    post = etree.SubElement(element, "postTransactionAmounts")
    w.valued(post, "sharesOwnedFollowingTransaction", row.shares_owned_following_transaction,
             f"{path}.shares_owned_following_transaction")
    w.drop_if_empty(element, post)
    nature = etree.SubElement(element, "ownershipNature")
    w.valued(nature, "directOrIndirectOwnership", row.direct_or_indirect_ownership,
             f"{path}.direct_or_indirect_ownership")
    w.valued(nature, "natureOfOwnership", row.nature_of_ownership, f"{path}.nature_of_ownership")
    w.drop_if_empty(element, nature)


def _non_derivative(w: _Writer, table: Element, row: NonDerivativeRow, form_type: str,
                    path: str) -> None:
    tag = "nonDerivativeHolding" if row.is_holding else "nonDerivativeTransaction"
    element = etree.SubElement(table, tag)
    w.valued(element, "securityTitle", row.security_title, f"{path}.security_title")
    if not row.is_holding:
        _transaction_part(w, element, row, form_type, path)
    _ownership_part(w, element, row, path)


def _derivative(w: _Writer, table: Element, row: DerivativeRow, form_type: str,
                path: str) -> None:
    tag = "derivativeHolding" if row.is_holding else "derivativeTransaction"
    element = etree.SubElement(table, tag)
    w.valued(element, "securityTitle", row.security_title, f"{path}.security_title")
    w.valued(element, "conversionOrExercisePrice", row.conversion_or_exercise_price,
             f"{path}.conversion_or_exercise_price")
    if not row.is_holding:
        _transaction_part(w, element, row, form_type, path)
    w.valued(element, "exerciseDate", row.exercise_date, f"{path}.exercise_date")
    w.valued(element, "expirationDate", row.expiration_date, f"{path}.expiration_date")
    underlying = etree.SubElement(element, "underlyingSecurity")
    w.valued(underlying, "underlyingSecurityTitle", row.underlying_security_title,
             f"{path}.underlying_security_title")
    w.valued(underlying, "underlyingSecurityShares", row.underlying_security_shares,
             f"{path}.underlying_security_shares")
    w.drop_if_empty(element, underlying)
    _ownership_part(w, element, row, path)


def _body(w: _Writer, form: Form4) -> None:
    root = w.root
    etree.SubElement(root, "schemaVersion").text = SCHEMA_VERSION
    w.plain(root, "documentType", form.document_type, "document_type")
    w.plain(root, "periodOfReport", form.period_of_report, "period_of_report")
    w.plain(root, "dateOfOriginalSubmission", form.date_of_original_submission,
            "date_of_original_submission")
    w.plain(root, "notSubjectToSection16", form.not_subject_to_section16,
            "not_subject_to_section16")
    issuer = etree.SubElement(root, "issuer")
    w.cik(issuer, "issuerCik", form.issuer.issuer_cik, "issuer.issuer_cik", "the issuer")
    w.plain(issuer, "issuerName", form.issuer.issuer_name, "issuer.issuer_name")
    w.plain(issuer, "issuerTradingSymbol", form.issuer.issuer_trading_symbol,
            "issuer.issuer_trading_symbol")
    w.plain(issuer, "issuerForeignTradingSymbol", form.issuer.issuer_foreign_trading_symbol,
            "issuer.issuer_foreign_trading_symbol")
    for index, owner in enumerate(form.reporting_owners):
        _owner(w, owner, f"reporting_owners[{index}]", index + 1)
    w.plain(root, "aff10b5One", form.aff10b5_one, "aff10b5_one")
    form_type = (form.document_type.value or "4").removesuffix("/A")
    if form.non_derivative_table:
        table = etree.SubElement(root, "nonDerivativeTable")
        for index, row in enumerate(form.non_derivative_table):
            _non_derivative(w, table, row, form_type, f"non_derivative_table[{index}]")
    if form.derivative_table:
        table = etree.SubElement(root, "derivativeTable")
        for index, drow in enumerate(form.derivative_table):
            _derivative(w, table, drow, form_type, f"derivative_table[{index}]")
    if form.footnotes:
        footnotes = etree.SubElement(root, "footnotes")
        for index, note in enumerate(form.footnotes):
            if _usable(note.text):
                etree.SubElement(footnotes, "footnote", id=note.footnote_id).text = \
                    note.text.value
            else:
                w.note(footnotes, f'footnote[@id="{note.footnote_id}"]', note.text,
                        f"footnotes[{index}].text")
        w.drop_if_empty(root, footnotes)
    w.plain(root, "remarks", form.remarks, "remarks")
    for index, signature in enumerate(form.signatures):
        element = etree.SubElement(root, "ownerSignature")
        w.plain(element, "signatureName", signature.signature_name,
                f"signatures[{index}].signature_name")
        w.plain(element, "signatureDate", signature.signature_date,
                f"signatures[{index}].signature_date")
        w.drop_if_empty(root, element)


def write_edgar_xml(form: Form4) -> EdgarXml:
    """``form`` as EDGAR ownershipDocument XML, with what it leaves out and why."""
    root = etree.Element("ownershipDocument")
    writer = _Writer(root)
    _body(writer, form)
    omitted, missing = writer.finish()
    if missing:
        root.addprevious(etree.Comment(_comment_text(
            "form4: NOT YET SUBMITTABLE to EDGAR: " +
            "; ".join(f"{m.xml_path}: {m.reason}" for m in missing))))
    for item in omitted:
        read = f" (read {item.value!r})" if item.value is not None else ""
        root.addprevious(etree.Comment(_comment_text(
            f"form4: left out, flagged for review: {item.xml_path}: {item.reason}{read}")))
    data = etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8",
                          pretty_print=True)
    return EdgarXml(data, omitted, missing)


def to_edgar_xml(form: Form4) -> bytes:
    """``form`` as EDGAR ownershipDocument XML (UTF-8, pretty-printed, with declaration)."""
    return write_edgar_xml(form).data
