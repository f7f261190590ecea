"""The data model that flows through every stage: one immutable ``Form4``.

Every value the extractor reports is a :class:`Field`: the value itself (or ``None``), a
confidence between 0 and 1, where it came from (:class:`Provenance`), the footnote ids printed
next to it, and, when the extractor is not sure, the reason a human should look at it.

Names mirror the element names of the EDGAR Ownership XML technical specification in
snake_case (``rptOwnerStreet1`` -> ``rpt_owner_street1``), so the model maps one-to-one onto
``ownershipDocument`` XML.  Value types are plain: ``str``, ``bool``, ``decimal.Decimal`` for
amounts and prices, ``datetime.date`` for dates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, Literal, TypeVar

T = TypeVar("T")

#: A field whose confidence is below this is flagged for review by the validate stage.
REVIEW_THRESHOLD = 0.8

SourceKind = Literal["text-dump", "legacy-ascii", "text", "edgar-xml", "pdf", "ocr", "html"]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a value was read: the input kind, page, bounding box and the raw source text."""

    source: str
    page: int | None = None
    #: (x0, top, x1, bottom) in points (1/72 inch) from the top-left corner of the page as
    #: given (a scan's too, however it was turned to be read), round the value's own words,
    #: when the reader knows positions.
    bbox: tuple[float, float, float, float] | None = None
    raw_text: str | None = None


@dataclass(frozen=True, slots=True)
class Field(Generic[T]):
    """One extracted value with its confidence, provenance, footnote references and review flag.

    ``value is None`` means nothing was read.  That is not by itself a doubt (most cells of a
    Form 4 are legitimately empty); a doubt is expressed by ``review_reason``.
    """

    value: T | None = None
    confidence: float = 0.0
    provenance: Provenance | None = None
    #: Footnote ids printed next to the value, EDGAR style: "(1)" on paper is "F1" here.
    footnote_ids: tuple[str, ...] = ()
    review_reason: str | None = None

    @property
    def needs_review(self) -> bool:
        return self.review_reason is not None

    @property
    def is_empty(self) -> bool:
        return self.value is None

    def flagged(self, reason: str) -> Field[T]:
        """This field with ``reason`` added; the first reason is kept first."""
        joined = reason if self.review_reason is None else f"{self.review_reason}; {reason}"
        return dataclasses.replace(self, review_reason=joined)

    def dropped(self, reason: str) -> Field[T]:
        """This field emptied and flagged: used when a value cannot be trusted at all."""
        return dataclasses.replace(self, value=None, confidence=0.0).flagged(reason)


def unread(reason: str | None = None, provenance: Provenance | None = None) -> Field:
    """An empty field, flagged with ``reason`` when one is given."""
    return Field(None, 0.0, provenance, (), reason)


@dataclass(frozen=True, slots=True)
class Relationship:
    """Box 5 (box 6 before 2002): the reporting person's relationship to the issuer."""

    is_director: Field[bool] = Field()
    is_officer: Field[bool] = Field()
    is_ten_percent_owner: Field[bool] = Field()
    is_other: Field[bool] = Field()
    officer_title: Field[str] = Field()
    other_text: Field[str] = Field()


@dataclass(frozen=True, slots=True)
class ReportingOwner:
    """Box 1: a reporting person, their address and relationship."""

    #: The name as EDGAR writes it, "Last First Middle".
    rpt_owner_name: Field[str] = Field()
    last_name: Field[str] = Field()
    first_name: Field[str] = Field()
    middle_name: Field[str] = Field()
    rpt_owner_street1: Field[str] = Field()
    rpt_owner_street2: Field[str] = Field()
    rpt_owner_city: Field[str] = Field()
    rpt_owner_state: Field[str] = Field()
    rpt_owner_zip_code: Field[str] = Field()
    relationship: Relationship = Relationship()
    #: EDGAR's Central Index Key: in EDGAR XML and SGML headers, never on the printed form.
    rpt_owner_cik: Field[str] = Field()
    #: The 2026 revision's "(Country)" line, as EDGAR XML's ``rptOwnerCountry`` gives it.
    rpt_owner_country: Field[str] = Field()
    #: EDGAR XML's ``rptOwnerNonUSAddressFlag`` (2026): the address is outside the US.
    rpt_owner_non_us_address_flag: Field[bool] = Field()


@dataclass(frozen=True, slots=True)
class Issuer:
    """Box 2: issuer name and ticker or trading symbol."""

    issuer_name: Field[str] = Field()
    issuer_trading_symbol: Field[str] = Field()
    #: EDGAR's Central Index Key: in EDGAR XML and SGML headers, never on the printed form.
    issuer_cik: Field[str] = Field()
    #: The 2026 revision's box 2a, "Foreign Trading Symbol".
    issuer_foreign_trading_symbol: Field[str] = Field()


@dataclass(frozen=True, slots=True)
class NonDerivativeRow:
    """One row of Table I: a transaction, or (``is_holding``) a holding with no transaction."""

    is_holding: bool = False
    security_title: Field[str] = Field()
    transaction_date: Field[dt.date] = Field()
    deemed_execution_date: Field[dt.date] = Field()
    transaction_code: Field[str] = Field()
    #: The printed "V" column: "E" when the transaction is reported voluntarily/early.
    transaction_timeliness: Field[str] = Field()
    transaction_shares: Field[Decimal] = Field()
    transaction_acquired_disposed_code: Field[str] = Field()
    transaction_price_per_share: Field[Decimal] = Field()
    shares_owned_following_transaction: Field[Decimal] = Field()
    direct_or_indirect_ownership: Field[str] = Field()
    nature_of_ownership: Field[str] = Field()
    #: EDGAR XML's ``equitySwapInvolved``; the paper form prints it only as a code K.
    equity_swap_involved: Field[bool] = Field()


@dataclass(frozen=True, slots=True)
class DerivativeRow:
    """One row of Table II: a transaction, or (``is_holding``) a holding."""

    is_holding: bool = False
    security_title: Field[str] = Field()
    conversion_or_exercise_price: Field[Decimal] = Field()
    transaction_date: Field[dt.date] = Field()
    deemed_execution_date: Field[dt.date] = Field()
    transaction_code: Field[str] = Field()
    transaction_timeliness: Field[str] = Field()
    transaction_shares: Field[Decimal] = Field()
    transaction_price_per_share: Field[Decimal] = Field()
    transaction_acquired_disposed_code: Field[str] = Field()
    exercise_date: Field[dt.date] = Field()
    expiration_date: Field[dt.date] = Field()
    underlying_security_title: Field[str] = Field()
    underlying_security_shares: Field[Decimal] = Field()
    shares_owned_following_transaction: Field[Decimal] = Field()
    direct_or_indirect_ownership: Field[str] = Field()
    nature_of_ownership: Field[str] = Field()
    #: EDGAR XML's ``equitySwapInvolved``; the paper form prints it only as a code K.
    equity_swap_involved: Field[bool] = Field()


#: A row of either table; they share the transaction columns.
TableRow = NonDerivativeRow | DerivativeRow


@dataclass(frozen=True, slots=True)
class Footnote:
    """One entry of "Explanation of Responses"; ``footnote_id`` is EDGAR style ("F1")."""

    footnote_id: str
    text: Field[str] = Field()


@dataclass(frozen=True, slots=True)
class Signature:
    """The signature line: name (as signed, "/s/ ..." kept) and date."""

    signature_name: Field[str] = Field()
    signature_date: Field[dt.date] = Field()


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A document-level reason for review that belongs to no single field (e.g. lost rows)."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Form4:
    """A whole Form 4 filing, whatever it was read from."""

    #: "4", or "4/A" for an amendment.
    document_type: Field[str] = Field()
    issuer: Issuer = Issuer()
    reporting_owners: tuple[ReportingOwner, ...] = ()
    #: Box 3 (2002 revision on): date of earliest transaction.  Pre-2002: the statement month's
    #: date as printed.
    period_of_report: Field[dt.date] = Field()
    #: Box 4 (box 5 before 2002): if amendment, date original filed.
    date_of_original_submission: Field[dt.date] = Field()
    #: Pre-2002 box 4, "Statement for Month/Year", as "YYYY-MM".
    statement_month: Field[str] = Field()
    not_subject_to_section16: Field[bool] = Field()
    #: The Rule 10b5-1 check box of the 2023 revision.
    aff10b5_one: Field[bool] = Field()
    #: Box 6 (box 7 before 2002): "individual" or "joint".
    individual_or_joint_filing: Field[str] = Field()
    non_derivative_table: tuple[NonDerivativeRow, ...] = ()
    derivative_table: tuple[DerivativeRow, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    remarks: Field[str] = Field()
    signatures: tuple[Signature, ...] = ()
    #: Which printed revision of the form was recognised: "pre-2002", "2002", "2023", or None
    #: when the input was not a printed form (EDGAR XML).
    form_revision: str | None = None
    #: The reader that produced this: one of ``SourceKind``.
    source_kind: str = ""
    review: tuple[ReviewItem, ...] = ()

    def table_rows(self) -> tuple[TableRow, ...]:
        """Every row of Table I, then every row of Table II."""
        return (*self.non_derivative_table, *self.derivative_table)

    def footnote_text(self, footnote_id: str) -> str | None:
        """The text of footnote ``footnote_id`` ("F1"), or None."""
        for note in self.footnotes:
            if note.footnote_id == footnote_id:
                return note.text.value
        return None

    @property
    def needs_review(self) -> bool:
        return bool(self.review) or any(f.needs_review for _, f in self.iter_fields())

    def iter_fields(self) -> Iterator[tuple[str, Field]]:
        """Every ``Field`` with its dotted path ("reporting_owners[0].rpt_owner_city")."""
        yield from iter_fields(self)

    def review_items(self) -> list[ReviewItem]:
        """Document-level reasons plus one item for every flagged field, in document order."""
        items = list(self.review)
        items.extend(ReviewItem(path, f.review_reason) for path, f in self.iter_fields()
                     if f.review_reason is not None)
        return items


#: Model fields EDGAR XML has and the printed form does not show (a CIK, the swap flag, which
#: paper shows as a code K, the non-US flag, which paper shows as a country): a reading of
#: paper is not judged on them.
NOT_PRINTED_FIELDS = frozenset({"issuer_cik", "rpt_owner_cik", "equity_swap_involved",
                                "rpt_owner_non_us_address_flag"})


def iter_fields(obj: object, prefix: str = "") -> Iterator[tuple[str, Field]]:
    """Walk any model object depth first and yield ``(path, Field)`` pairs."""
    if isinstance(obj, Field):
        yield prefix, obj
        return
    if isinstance(obj, tuple):
        for index, item in enumerate(obj):
            yield from iter_fields(item, f"{prefix}[{index}]")
        return
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for spec in dataclasses.fields(obj):
            child = getattr(obj, spec.name)
            path = f"{prefix}.{spec.name}" if prefix else spec.name
            yield from iter_fields(child, path)


def map_fields(obj: Any, change: Callable[[str, Field], Field], prefix: str = "") -> Any:
    """A copy of ``obj`` with every ``Field`` replaced by ``change(path, field)``."""
    if isinstance(obj, Field):
        return change(prefix, obj)
    if isinstance(obj, tuple):
        return tuple(map_fields(item, change, f"{prefix}[{i}]") for i, item in enumerate(obj))
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        updates = {}
        for spec in dataclasses.fields(obj):
            child = getattr(obj, spec.name)
            path = f"{prefix}.{spec.name}" if prefix else spec.name
            new = map_fields(child, change, path)
            if new is not child:
                updates[spec.name] = new
        return dataclasses.replace(obj, **updates) if updates else obj
    return obj


__all__ = [
    "NOT_PRINTED_FIELDS", "REVIEW_THRESHOLD", "DerivativeRow", "Field", "Footnote", "Form4",
    "Issuer", "NonDerivativeRow", "Provenance", "Relationship", "ReportingOwner", "ReviewItem",
    "Signature", "TableRow", "iter_fields", "map_fields", "unread",
]
