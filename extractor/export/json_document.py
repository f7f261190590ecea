"""The JSON document: the whole model with confidence, provenance and review reasons.

Shape (see ``form4 schema`` for the JSON Schema): every model object becomes an object with the
model's field names; every :class:`~extractor.model.Field` becomes
``{"value", "confidence", "footnote_ids", "review_reason", "provenance"}``.  Dates are ISO
strings, amounts JSON numbers, booleans JSON booleans, and unread values ``null``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from typing import Any

from extractor.model import Field, Form4, Provenance

#: Version of the JSON document's shape; bump on any incompatible change.
JSON_FORMAT_VERSION = "1.0"


def _value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _provenance(prov: Provenance | None) -> dict[str, Any] | None:
    if prov is None:
        return None
    out: dict[str, Any] = {"source": prov.source}
    if prov.page is not None:
        out["page"] = prov.page
    if prov.bbox is not None:
        out["bbox"] = list(prov.bbox)
    if prov.raw_text is not None:
        out["raw_text"] = prov.raw_text
    return out


def _convert(obj: Any) -> Any:
    if isinstance(obj, Field):
        return {
            "value": _value(obj.value),
            "confidence": round(obj.confidence, 3),
            "footnote_ids": list(obj.footnote_ids),
            "review_reason": obj.review_reason,
            "provenance": _provenance(obj.provenance),
        }
    if isinstance(obj, tuple):
        return [_convert(item) for item in obj]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _convert(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if f.name != "review"}
    return _value(obj)


def review_entries(form: Form4) -> list[dict[str, Any]]:
    """The ``review`` items: each names a path of the document (a field's, or for a doubt
    about a whole part, such as rows lost from a table, that part's) and, for a field, its
    value, confidence, page and box."""
    fields = dict(form.iter_fields())
    out = []
    for item in form.review_items():
        field = fields.get(item.path)
        prov = field.provenance if field is not None else None
        out.append({
            "path": item.path,
            "reason": item.reason,
            "value": _value(field.value) if field is not None else None,
            "confidence": round(field.confidence, 3) if field is not None else None,
            "page": prov.page if prov is not None else None,
            "box": list(prov.bbox) if prov is not None and prov.bbox is not None else None,
        })
    return out


def to_json_dict(form: Form4, source_path: str | None = None,
                 reviewed: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """``form`` as plain JSON-ready data; ``reviewed`` (from ``form4 review export``) lists
    the values a person confirmed, corrected or marked unreadable."""
    body = _convert(form)
    extra = {"reviewed": reviewed} if reviewed is not None else {}
    return {
        "format_version": JSON_FORMAT_VERSION,
        "source_path": source_path,
        "needs_review": form.needs_review,
        "review": review_entries(form),
        **extra,
        **body,
    }


def to_json(form: Form4, source_path: str | None = None, indent: int | None = 2,
            reviewed: list[dict[str, Any]] | None = None) -> str:
    """``form`` as a JSON string."""
    return json.dumps(to_json_dict(form, source_path, reviewed), indent=indent,
                      ensure_ascii=False)
