"""A form4 JSON result read back into the model: the inverse of
:func:`extractor.export.json_document.to_json_dict`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from decimal import Decimal
from typing import Any

from extractor.model import Field, Form4, Provenance, ReviewItem


def is_result(data: object) -> bool:
    """Whether parsed JSON ``data`` is a form4 result document."""
    return isinstance(data, dict) and "format_version" in data and "review" in data \
        and "issuer" in data


def _scalar(value: Any, value_type: Any) -> Any:
    if value is None:
        return None
    if value_type is dt.date:
        return dt.date.fromisoformat(value)
    if value_type is Decimal:
        return Decimal(str(value))  # via str: 2.79 stays 2.79, not a binary float's digits
    if value_type is bool:
        return bool(value)
    return str(value)


def _provenance(data: dict[str, Any] | None) -> Provenance | None:
    if not data:
        return None
    bbox = data.get("bbox")
    return Provenance(data.get("source", ""), data.get("page"),
                      tuple(float(v) for v in bbox) if bbox else None,  # type: ignore[arg-type]
                      data.get("raw_text"))


def _field(data: dict[str, Any], value_type: Any) -> Field:
    return Field(_scalar(data.get("value"), value_type), float(data.get("confidence") or 0.0),
                 _provenance(data.get("provenance")), tuple(data.get("footnote_ids") or ()),
                 data.get("review_reason"))


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(hint: Any, data: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin is Field:
        return _field(data or {}, typing.get_args(hint)[0])
    if origin is tuple:
        return tuple(_build(typing.get_args(hint)[0], item) for item in data or ())
    if origin in (typing.Union, types.UnionType):
        return data
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = _hints(hint)
        kwargs = {f.name: _build(hints[f.name], data[f.name]) for f in dataclasses.fields(hint)
                  if f.name != "review" and isinstance(data, dict) and f.name in data}
        return hint(**kwargs)
    return data


def form_from_json(data: dict[str, Any]) -> Form4:
    """The :class:`Form4` a form4 JSON result describes, document-level review items kept."""
    form: Form4 = _build(Form4, data)
    flagged = {(path, f.review_reason) for path, f in form.iter_fields() if f.review_reason}
    items = tuple(ReviewItem(i["path"], i["reason"]) for i in data.get("review", ())
                  if (i["path"], i["reason"]) not in flagged)
    return dataclasses.replace(form, review=items)
