"""The reviewed results: each document's form with the reviewers' decisions applied.

A corrected value has confidence 1 and provenance ``review`` (its page and box kept); an
accepted one keeps its value and provenance with confidence 1 and no doubt; one marked
unreadable is emptied and stays flagged, so the XML leaves it out.  The JSON lists what a person
decided in ``reviewed``.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from extractor.export.csv_rows import to_csv
from extractor.export.files import write_atomic
from extractor.export.json_document import _value, to_json
from extractor.model import Field, Form4, Provenance, map_fields
from extractor.review.store import ACCEPTED, CORRECTED, UNREADABLE, DocSummary, Store

FORMATS = ("json", "xml", "csv", "label-studio")


def reviewed_form(store: Store, doc_id: int) -> tuple[Form4, list[dict[str, Any]]]:
    """Document ``doc_id``'s form with its decisions applied, and the list of them."""
    form = store.form(doc_id)
    rows = {(r.path, r.item): r for r in store.fields(doc_id)}
    decisions = store.last_decisions(doc_id)

    def change(path: str, field: Field) -> Field:
        row = rows.get((path, 0))
        if row is None or row.status not in (ACCEPTED, CORRECTED, UNREADABLE):
            return field
        who = decisions[row.id]["reviewer"] if row.id in decisions else "a reviewer"
        if row.status == ACCEPTED:
            return dataclasses.replace(field, confidence=1.0, review_reason=None)
        prov = field.provenance or Provenance("review")
        if row.status == CORRECTED:
            return Field(row.corrected, 1.0, dataclasses.replace(prov, source="review"),
                         field.footnote_ids, None)
        return Field(None, 0.0, prov, field.footnote_ids, f"marked unreadable by {who}")

    form = map_fields(form, change)
    settled = {(r.path, r.reason) for r in rows.values()
               if r.item and r.status in (ACCEPTED, UNREADABLE)}
    form = dataclasses.replace(form, review=tuple(
        i for i in form.review if (i.path, i.reason) not in settled))
    log = []
    for row in sorted(rows.values(), key=lambda r: r.seq):
        decision = decisions.get(row.id)
        if decision is None or row.status not in (ACCEPTED, CORRECTED, UNREADABLE):
            continue
        log.append({
            "path": row.path, "action": row.status, "reviewer": decision["reviewer"],
            "at": decision["at"], "old_value": _value(row.value),
            "value": _value(row.current), "reason": row.reason})
    return form, log


def _stem(name: str) -> str:
    """A file name for a document's result: its path with folders joined by "__"."""
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", name)
    return re.sub(r"[^\w.-]+", "__", stem)


def export(store: Store, out: Path, fmt: str) -> list[tuple[DocSummary, Path]]:
    """Write every document's reviewed result to ``out`` (a directory for JSON and XML, one
    file for CSV and Label Studio); returns what was written where."""
    documents = store.documents()
    written: list[tuple[DocSummary, Path]] = []
    if fmt == "label-studio":
        from extractor.review.label_studio import write_tasks

        write_tasks(store, out)
        return [(doc, out) for doc in documents]
    if fmt == "csv":
        forms = [(reviewed_form(store, doc.id)[0], doc.name) for doc in documents]
        write_atomic(out, to_csv(forms))
        return [(doc, out) for doc in documents]
    for doc in documents:
        form, log = reviewed_form(store, doc.id)
        if fmt == "json":
            target = out / f"{_stem(doc.name)}.json"
            write_atomic(target, to_json(form, doc.name, reviewed=log) + "\n")
        else:
            from extractor.export.edgar_xml import to_edgar_xml

            target = out / f"{_stem(doc.name)}.xml"
            write_atomic(target, to_edgar_xml(form))
        written.append((doc, target))
    return written


__all__ = ["FORMATS", "export", "reviewed_form"]
