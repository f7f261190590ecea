"""CSV: one line per table row, the filing's header fields repeated on each (pandas-ready).

A filing with no readable rows still gets one line (table empty), so no filing disappears from
a batch's CSV.  Values the extractor flagged are written empty, with the reasons in
``review_reasons``: a row's own, then the filing's outside any row (box 1 to 6, owners,
footnotes, signatures, lost rows), each after its path.  ``needs_review`` is 1 exactly when
``review_reasons`` is not empty.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import Iterable
from typing import Any

from extractor.export.json_document import _value
from extractor.model import DerivativeRow, Field, Form4, NonDerivativeRow

_ROW_FIELDS: list[str] = list(dict.fromkeys(
    f.name for cls in (NonDerivativeRow, DerivativeRow) for f in dataclasses.fields(cls)
    if f.name != "is_holding"))

HEADER: list[str] = [
    "source_path", "document_type", "issuer_name", "issuer_trading_symbol", "period_of_report",
    "date_of_original_submission", "reporting_owners", "table", "row", "is_holding",
    *_ROW_FIELDS, "footnote_ids", "needs_review", "review_reasons",
]


def _cell(field: Field) -> Any:
    if field.needs_review or field.value is None:
        return ""
    value = _value(field.value)
    return int(value) if isinstance(value, bool) else value


#: A path inside one table row: "derivative_table[2].transaction_code".
_ROW_PATH = re.compile(r"^(non_derivative_table|derivative_table)\[(\d+)\]\.")


def _reasons_by_row(form: Form4) -> tuple[dict[tuple[str, int], list[str]], list[str]]:
    """Every review reason, as "path: reason", by the table row it is in, and the others."""
    by_row: dict[tuple[str, int], list[str]] = {}
    outside: list[str] = []
    for item in form.review_items():
        match = _ROW_PATH.match(item.path)
        if match is None:
            outside.append(f"{item.path}: {item.reason}")
        else:
            name = item.path[match.end():]
            by_row.setdefault((match[1], int(match[2])), []).append(f"{name}: {item.reason}")
    return by_row, outside


def csv_records(form: Form4, source_path: str | None = None) -> list[dict[str, Any]]:
    """The CSV lines of one filing as dicts keyed by :data:`HEADER`."""
    head = {
        "source_path": source_path or "",
        "document_type": _cell(form.document_type),
        "issuer_name": _cell(form.issuer.issuer_name),
        "issuer_trading_symbol": _cell(form.issuer.issuer_trading_symbol),
        "period_of_report": _cell(form.period_of_report),
        "date_of_original_submission": _cell(form.date_of_original_submission),
        "reporting_owners": "; ".join(str(o.rpt_owner_name.value) for o in form.reporting_owners
                                      if o.rpt_owner_name.value),
        "needs_review": int(form.needs_review),
    }
    rows = [("I", i, r) for i, r in enumerate(form.non_derivative_table)] + \
           [("II", i, r) for i, r in enumerate(form.derivative_table)]
    if not rows:
        reasons = "; ".join(f"{i.path}: {i.reason}" for i in form.review_items())
        return [{**head, "table": "", "row": "", "review_reasons": reasons,
                 "needs_review": int(bool(reasons))}]
    by_row, outside = _reasons_by_row(form)
    records = []
    for table, index, row in rows:
        record = {**head, "table": table, "row": index, "is_holding": int(row.is_holding)}
        refs: list[str] = []
        for spec in dataclasses.fields(row):
            value = getattr(row, spec.name)
            if not isinstance(value, Field):
                continue
            record[spec.name] = _cell(value)
            refs.extend(f"{spec.name}:{ref}" for ref in value.footnote_ids)
        name = "derivative_table" if table == "II" else "non_derivative_table"
        why = by_row.get((name, index), []) + outside
        record["footnote_ids"] = " ".join(refs)
        record["review_reasons"] = "; ".join(why)
        record["needs_review"] = int(bool(why))
        records.append(record)
    return records


def to_csv(forms: Iterable[tuple[Form4, str | None]]) -> str:
    """CSV text (with header) for several filings."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADER, lineterminator="\n")
    writer.writeheader()
    for form, path in forms:
        writer.writerows(csv_records(form, path))
    return out.getvalue()
