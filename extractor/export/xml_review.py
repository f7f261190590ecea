"""``NAME.review.json``: what ``NAME.xml`` leaves out, why it is not yet submittable, and
whether it validates, so nothing read is lost between the formats.

Shape::

    {"xml": "NAME.xml", "source_path": "...", "valid": false, "submittable": false,
     "not_submittable": [{"path": "/ownershipDocument/issuer/issuerCik",
                          "field": "issuer.issuer_cik", "reason": "...", "value": null}],
     "omitted": [{"path": ".../rptOwnerCity", "field": "reporting_owners[0].rpt_owner_city",
                  "reason": "...", "value": "AUSTIN"}],
     "review": [{"path": "tables", "reason": "..."}],
     "problems": [{"path": "...", "message": "...", "rule": "schema", "line": 12}]}

``value`` is the value read (a string for dates and amounts, as the XML would hold it), or null
when nothing could be read.
"""

from __future__ import annotations

import json
from typing import Any

from extractor.export.edgar_xml import EdgarXml, Omission
from extractor.export.xml_rules import Problem
from extractor.model import Form4


def _omission(item: Omission) -> dict[str, Any]:
    return {"path": item.xml_path, "field": item.field_path, "reason": item.reason,
            "value": item.value}


def review_document(form: Form4, xml: EdgarXml, problems: list[Problem], xml_name: str,
                    source_path: str | None = None) -> dict[str, Any]:
    """The review file's content for ``xml``, written from ``form``."""
    return {
        "xml": xml_name,
        "source_path": source_path,
        "valid": not problems,
        "submittable": xml.submittable and not problems,
        "not_submittable": [_omission(i) for i in xml.not_submittable],
        "omitted": [_omission(i) for i in xml.omitted],
        "review": [{"path": i.path, "reason": i.reason} for i in form.review],
        "problems": [{"path": p.path, "message": p.message, "rule": p.rule, "line": p.line}
                     for p in problems],
    }


def review_json(form: Form4, xml: EdgarXml, problems: list[Problem], xml_name: str,
                source_path: str | None = None) -> str:
    """:func:`review_document` as indented JSON text."""
    document = review_document(form, xml, problems, xml_name, source_path)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
