"""The JSON Schema of the JSON document, derived from the model so the two never drift."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from decimal import Decimal
from typing import Any

from extractor.export.json_document import JSON_FORMAT_VERSION
from extractor.model import Field, Form4

_VALUE_TYPES: dict[Any, dict[str, Any]] = {
    str: {"type": ["string", "null"]},
    bool: {"type": ["boolean", "null"]},
    Decimal: {"type": ["number", "null"]},
    dt.date: {"type": ["string", "null"], "format": "date"},
}

_PROVENANCE = {
    "type": ["object", "null"],
    "required": ["source"],
    "properties": {
        "source": {"type": "string",
                   "description": "reader: text-dump, legacy-ascii, text, edgar-xml, pdf, "
                                  "ocr, html; review for a value a person corrected"},
        "page": {"type": "integer", "minimum": 1},
        "bbox": {"type": "array", "items": {"type": "number"}, "minItems": 4, "maxItems": 4,
                 "description": "x0, top, x1, bottom in points (1/72 inch) from the top-left "
                                "corner of the page as given (a scan's too), round the "
                                "value's own words"},
        "raw_text": {"type": "string", "description": "the source text the value came from"},
    },
    "additionalProperties": False,
}


_REVIEWED = {
    "type": "object",
    "required": ["path", "action", "reviewer", "at"],
    "properties": {
        "path": {"type": "string"},
        "action": {"enum": ["accepted", "corrected", "unreadable"]},
        "reviewer": {"type": "string"},
        "at": {"type": "string", "description": "UTC time, ISO 8601"},
        "old_value": {"description": "the value read before the review"},
        "value": {"description": "the value after the review"},
        "reason": {"type": ["string", "null"], "description": "the doubt the person resolved"},
    },
    "additionalProperties": False,
}


def _field_schema(value_type: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["value", "confidence", "footnote_ids", "review_reason", "provenance"],
        "properties": {
            "value": _VALUE_TYPES[value_type],
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "footnote_ids": {"type": "array", "items": {"type": "string", "pattern": "^F\\d+$"}},
            "review_reason": {"type": ["string", "null"],
                              "description": "why a human should check this value"},
            "provenance": {"$ref": "#/$defs/Provenance"},
        },
        "additionalProperties": False,
    }


def _schema_for(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin is Field:
        return _field_schema(typing.get_args(hint)[0])
    if origin is tuple:
        return {"type": "array", "items": _schema_for(typing.get_args(hint)[0], defs)}
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _schema_for(options[0], defs)
        return {**inner, "type": [inner["type"], "null"]}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}
            hints = typing.get_type_hints(hint)
            fields = [f for f in dataclasses.fields(hint) if f.name != "review"]
            defs[name] = {
                "type": "object",
                "description": (hint.__doc__ or "").strip().splitlines()[0],
                "required": [f.name for f in fields],
                "properties": {f.name: _schema_for(hints[f.name], defs) for f in fields},
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    simple = {str: "string", bool: "boolean", int: "integer", float: "number"}
    return {"type": simple[hint]}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`~extractor.export.json_document.to_json_dict`."""
    defs: dict[str, Any] = {"Provenance": _PROVENANCE, "Reviewed": _REVIEWED}
    _schema_for(Form4, defs)
    form = defs["Form4"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/form4/form4/schema/form4.schema.json",
        "title": "form4 extraction result",
        "description": "A Form 4 filing as extracted by form4: every value with its confidence, "
                       "provenance, footnote references and review reason.",
        "type": "object",
        "required": ["format_version", "source_path", "needs_review", "review",
                     *form["required"]],
        "properties": {
            "format_version": {"const": JSON_FORMAT_VERSION},
            "source_path": {"type": ["string", "null"]},
            "needs_review": {"type": "boolean"},
            "review": {"type": "array", "items": {
                "type": "object",
                "required": ["path", "reason", "value", "confidence", "page", "box"],
                "properties": {
                    "path": {"type": "string", "description": "a field's path, or the part "
                             "of the document (a table) a doubt about the whole concerns"},
                    "reason": {"type": "string"},
                    "value": {"description": "the field's value as read (null for a part)"},
                    "confidence": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
                    "page": {"type": ["integer", "null"], "minimum": 1},
                    "box": {"type": ["array", "null"], "items": {"type": "number"},
                            "minItems": 4, "maxItems": 4}},
                "additionalProperties": False}},
            "reviewed": {"type": "array", "description": "written by form4 review export: "
                         "the values a person accepted, corrected or marked unreadable",
                         "items": {"$ref": "#/$defs/Reviewed"}},
            **form["properties"],
        },
        "additionalProperties": False,
        "$defs": {k: v for k, v in defs.items() if k != "Form4"},
    }
