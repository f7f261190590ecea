"""The analysts' tables: one per level of a filing, joined by ``FILING_ID``.

``filings`` (one row per filing), ``reporting_owners``, ``non_derivative`` (Table I rows),
``derivative`` (Table II rows) and ``footnotes``.  Column names are those of the SEC's Insider
Transactions Data Sets where the value is the same (``ISSUERNAME``, ``TRANS_DATE``,
``SHRS_OWND_FOLWNG_TRANS``, ``EXCERCISE_DATE`` as the SEC spells it, ``..._FN`` for the
footnote ids printed beside a value, comma separated); the SEC's ``ACCESSION_NUMBER`` key is
``FILING_ID`` here, the first 16 hex digits of the input's SHA-256 (a paper form has no
accession number), so the same file always gets the same id.

A value the extractor flagged is left empty (as in ``form4 extract --format csv``); the row's
``NEEDS_REVIEW`` is true, ``REVIEW_FIELDS`` names its emptied columns and ``REVIEW_REASONS``
says why.  The rows are plain JSON-ready dicts (dates ISO, amounts as exact decimal strings);
:data:`COLUMNS` gives each column's type for typed formats (Parquet).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any, Literal

from extractor.model import DerivativeRow, Field, Form4, NonDerivativeRow, ReportingOwner

ColumnType = Literal["str", "date", "num", "bool", "int"]

TABLES = ("filings", "reporting_owners", "non_derivative", "derivative", "footnotes")

_REVIEW: list[tuple[str, ColumnType]] = [
    ("NEEDS_REVIEW", "bool"), ("REVIEW_FIELDS", "str"), ("REVIEW_REASONS", "str")]

#: Table I and II fields by their SEC data-set column names.
_ROW_NAMES = {
    "security_title": "SECURITY_TITLE", "conversion_or_exercise_price": "CONV_EXERCISE_PRICE",
    "transaction_date": "TRANS_DATE", "deemed_execution_date": "DEEMED_EXECUTION_DATE",
    "transaction_code": "TRANS_CODE", "equity_swap_involved": "EQUITY_SWAP_INVOLVED",
    "transaction_timeliness": "TRANS_TIMELINESS",
    "transaction_shares": "TRANS_SHARES",
    "transaction_price_per_share": "TRANS_PRICEPERSHARE",
    "transaction_acquired_disposed_code": "TRANS_ACQUIRED_DISP_CD",
    "exercise_date": "EXCERCISE_DATE", "expiration_date": "EXPIRATION_DATE",
    "underlying_security_title": "UNDLYNG_SEC_TITLE",
    "underlying_security_shares": "UNDLYNG_SEC_SHARES",
    "shares_owned_following_transaction": "SHRS_OWND_FOLWNG_TRANS",
    "direct_or_indirect_ownership": "DIRECT_INDIRECT_OWNERSHIP",
    "nature_of_ownership": "NATURE_OF_OWNERSHIP",
}

_OWNER_NAMES = {
    "rpt_owner_name": "RPTOWNERNAME", "last_name": "RPTOWNER_LAST_NAME",
    "first_name": "RPTOWNER_FIRST_NAME", "middle_name": "RPTOWNER_MIDDLE_NAME",
    "rpt_owner_street1": "RPTOWNER_STREET1", "rpt_owner_street2": "RPTOWNER_STREET2",
    "rpt_owner_city": "RPTOWNER_CITY", "rpt_owner_state": "RPTOWNER_STATE",
    "rpt_owner_zip_code": "RPTOWNER_ZIPCODE",
}

_RELATION_NAMES = {"is_director": "Director", "is_officer": "Officer",
                   "is_ten_percent_owner": "TenPercentOwner", "is_other": "Other"}


def _type_of(annotation: object) -> ColumnType:
    text = str(annotation)
    if "date" in text:
        return "date"
    if "Decimal" in text:
        return "num"
    return "bool" if "bool" in text else "str"


def _row_columns(cls: type) -> list[tuple[str, ColumnType]]:
    """A table's value columns, each with its ``_FN`` column, in the SEC data sets' order."""
    specs = {spec.name: spec for spec in dataclasses.fields(cls)}
    columns: list[tuple[str, ColumnType]] = []
    for field_name, name in _ROW_NAMES.items():
        if field_name in specs:
            columns += [(name, _type_of(specs[field_name].type)), (f"{name}_FN", "str")]
    return columns


COLUMNS: dict[str, list[tuple[str, ColumnType]]] = {
    "filings": [
        ("FILING_ID", "str"), ("SOURCE_PATH", "str"), ("SOURCE_KIND", "str"),
        ("FORM_REVISION", "str"), ("DOCUMENT_TYPE", "str"), ("PERIOD_OF_REPORT", "date"),
        ("DATE_OF_ORIG_SUB", "date"), ("STATEMENT_MONTH", "str"),
        ("NOT_SUBJECT_SEC16", "bool"), ("AFF10B5ONE", "bool"),
        ("INDIVIDUAL_OR_JOINT_FILING", "str"), ("ISSUERCIK", "str"), ("ISSUERNAME", "str"),
        ("ISSUERTRADINGSYMBOL", "str"), ("REMARKS", "str"), ("OWNERSIGNATURENAME", "str"),
        ("OWNERSIGNATUREDATE", "date"), ("FILING_NEEDS_REVIEW", "bool"),
        ("REVIEW_COUNT", "int"), *_REVIEW],
    "reporting_owners": [
        ("FILING_ID", "str"), ("OWNER_SK", "int"), ("RPTOWNERCIK", "str"),
        *[(name, "str") for name in _OWNER_NAMES.values()], ("RPTOWNER_COUNTRY", "str"),
        ("RPTOWNER_RELATIONSHIP", "str"), ("RPTOWNER_TITLE", "str"), ("RPTOWNER_TXT", "str"),
        ("IS_DIRECTOR", "bool"), ("IS_OFFICER", "bool"), ("IS_TEN_PERCENT_OWNER", "bool"),
        ("IS_OTHER", "bool"), *_REVIEW],
    "non_derivative": [("FILING_ID", "str"), ("NONDERIV_SK", "int"), ("IS_HOLDING", "bool"),
                       *_row_columns(NonDerivativeRow), *_REVIEW],
    "derivative": [("FILING_ID", "str"), ("DERIV_SK", "int"), ("IS_HOLDING", "bool"),
                   *_row_columns(DerivativeRow), *_REVIEW],
    "footnotes": [("FILING_ID", "str"), ("FOOTNOTE_ID", "str"), ("FOOTNOTE_TXT", "str"),
                  *_REVIEW],
}


class _Row:
    """One table row being filled: flagged values go empty and are named in the review
    columns."""

    def __init__(self, **fixed: Any) -> None:
        self.values: dict[str, Any] = dict(fixed)
        self.flagged: list[str] = []
        self.reasons: list[str] = []

    def put(self, column: str, field: Field, with_notes: bool = False) -> None:
        if field.review_reason is not None:
            self.flagged.append(column)
            self.reasons.append(f"{column}: {field.review_reason}")
        self.values[column] = None if field.needs_review else _plain(field.value)
        if with_notes:
            self.values[f"{column}_FN"] = ",".join(field.footnote_ids) or None

    def done(self, extra_reasons: list[str] | None = None) -> dict[str, Any]:
        reasons = self.reasons + (extra_reasons or [])
        self.values["NEEDS_REVIEW"] = bool(reasons)
        self.values["REVIEW_FIELDS"] = ",".join(self.flagged) or None
        self.values["REVIEW_REASONS"] = "; ".join(reasons) or None
        return self.values


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _get(obj: object, name: str) -> Field:
    """``obj.name``, or an empty field where the model has no such field."""
    value = getattr(obj, name, None)
    return value if isinstance(value, Field) else Field()


def _owner_row(filing_id: str, index: int, owner: ReportingOwner) -> dict[str, Any]:
    row = _Row(FILING_ID=filing_id, OWNER_SK=index)
    row.put("RPTOWNERCIK", _get(owner, "rpt_owner_cik"))
    for name, column in _OWNER_NAMES.items():
        row.put(column, getattr(owner, name))
    row.put("RPTOWNER_COUNTRY", _get(owner, "rpt_owner_country"))
    rel = owner.relationship
    for name, column in (("is_director", "IS_DIRECTOR"), ("is_officer", "IS_OFFICER"),
                         ("is_ten_percent_owner", "IS_TEN_PERCENT_OWNER"),
                         ("is_other", "IS_OTHER")):
        row.put(column, getattr(rel, name))
    row.put("RPTOWNER_TITLE", rel.officer_title)
    row.put("RPTOWNER_TXT", rel.other_text)
    row.values["RPTOWNER_RELATIONSHIP"] = ",".join(
        label for name, label in _RELATION_NAMES.items()
        if getattr(rel, name).value and not getattr(rel, name).needs_review) or None
    return row.done()


def _table_row(filing_id: str, key: str, index: int,
               item: NonDerivativeRow | DerivativeRow) -> dict[str, Any]:
    row = _Row(FILING_ID=filing_id, IS_HOLDING=item.is_holding, **{key: index})
    for spec in dataclasses.fields(item):
        if spec.name in _ROW_NAMES:
            row.put(_ROW_NAMES[spec.name], getattr(item, spec.name), with_notes=True)
    return row.done()


def form_tables(form: Form4, filing_id: str,
                source_path: str) -> dict[str, list[dict[str, Any]]]:
    """The rows ``form`` adds to each table."""
    head = _Row(FILING_ID=filing_id, SOURCE_PATH=source_path, SOURCE_KIND=form.source_kind,
                FORM_REVISION=form.form_revision)
    for column, field in (("DOCUMENT_TYPE", form.document_type),
                          ("ISSUERCIK", _get(form.issuer, "issuer_cik")),
                          ("PERIOD_OF_REPORT", form.period_of_report),
                          ("DATE_OF_ORIG_SUB", form.date_of_original_submission),
                          ("STATEMENT_MONTH", form.statement_month),
                          ("NOT_SUBJECT_SEC16", form.not_subject_to_section16),
                          ("AFF10B5ONE", form.aff10b5_one),
                          ("INDIVIDUAL_OR_JOINT_FILING", form.individual_or_joint_filing),
                          ("ISSUERNAME", form.issuer.issuer_name),
                          ("ISSUERTRADINGSYMBOL", form.issuer.issuer_trading_symbol),
                          ("REMARKS", form.remarks)):
        head.put(column, field)
    signed = [s for s in form.signatures if s.signature_name.value]
    head.values["OWNERSIGNATURENAME"] = "; ".join(
        str(s.signature_name.value) for s in signed) or None
    dates = [s.signature_date for s in form.signatures if s.signature_date.value]
    if dates:
        head.put("OWNERSIGNATUREDATE", dates[0])
    else:
        head.values["OWNERSIGNATUREDATE"] = None
    items = form.review_items()
    head.values["FILING_NEEDS_REVIEW"] = bool(items)
    head.values["REVIEW_COUNT"] = len(items)
    document_reasons = [f"{item.path}: {item.reason}" for item in form.review]
    return {
        "filings": [head.done(document_reasons)],
        "reporting_owners": [_owner_row(filing_id, i, owner)
                             for i, owner in enumerate(form.reporting_owners)],
        "non_derivative": [_table_row(filing_id, "NONDERIV_SK", i, row)
                           for i, row in enumerate(form.non_derivative_table)],
        "derivative": [_table_row(filing_id, "DERIV_SK", i, row)
                       for i, row in enumerate(form.derivative_table)],
        "footnotes": [_footnote_row(filing_id, note.footnote_id, note.text)
                      for note in form.footnotes],
    }


def _footnote_row(filing_id: str, footnote_id: str, text: Field) -> dict[str, Any]:
    row = _Row(FILING_ID=filing_id, FOOTNOTE_ID=footnote_id)
    row.put("FOOTNOTE_TXT", text)
    return row.done()


def filing_id(sha256: str) -> str:
    """The ``FILING_ID`` of the input whose SHA-256 (hex) is ``sha256``.

    >>> filing_id("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
    '9f86d081884c7d65'
    """
    return sha256[:16]
