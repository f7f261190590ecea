"""Label Studio: tasks with form4's readings as predictions out, annotations back in.

One task per page image: the page (a PNG data URI, so the file imports as it is), and a
prediction with, for every field on that page, a rectangle and its text (the value read) with
the field's confidence as score, in the JSON Label Studio imports.  The labeling config that
shows them is written beside the tasks (``NAME.label-config.xml``).  The annotations Label
Studio exports come back as decisions: a text left as predicted accepts a doubted value, a
changed one corrects it (checked like typed input), and a region's field that changed in the
database since the export is refused as a stale edit.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.export.files import write_atomic
from extractor.review.corrections import InvalidInput, format_value
from extractor.review.store import Conflict, FieldRow, Store

LABEL_CONFIG = """<View>
  <Image name="image" value="$image" zoom="true"/>
  <Rectangle name="bbox" toName="image" strokeWidth="2"/>
  <TextArea name="transcription" toName="image" editable="true" perRegion="true"
            required="false" maxSubmissions="1" rows="1" placeholder="value as printed"/>
</View>
"""


def region_id(path: str) -> str:
    """A stable region id for a field's path (Label Studio keeps ids through annotation)."""
    return "f" + hashlib.sha1(path.encode()).hexdigest()[:10]


def _regions(rows: list[FieldRow], page: int, size: tuple[float, float],
             image: tuple[int, int]) -> list[dict[str, Any]]:
    width, height = size
    out: list[dict[str, Any]] = []
    for row in rows:
        if not row.is_field or row.page != page or row.bbox is None:
            continue
        if row.current is None and not row.reason:
            continue
        x0, top, x1, bottom = row.bbox
        geometry = {"x": 100 * x0 / width, "y": 100 * top / height,
                    "width": 100 * (x1 - x0) / width, "height": 100 * (bottom - top) / height,
                    "rotation": 0}
        common = {"id": region_id(row.path), "to_name": "image", "original_width": image[0],
                  "original_height": image[1], "image_rotation": 0,
                  "score": round(1.0 if row.status in ("accepted", "corrected")
                                 else row.confidence, 3)}
        out.append({**common, "from_name": "bbox", "type": "rectangle", "value": geometry})
        out.append({**common, "from_name": "transcription", "type": "textarea",
                    "value": {**geometry, "text": [format_value(row.current)]}})
    return out


def tasks(store: Store) -> list[dict[str, Any]]:
    """Label Studio tasks for every page image in the store."""
    import io

    from PIL import Image

    out = []
    for doc in store.documents():
        rows = store.fields(doc.id)
        for page, size in store.page_sizes(doc.id).items():
            png = store.page_png(doc.id, page) or b""
            with Image.open(io.BytesIO(png)) as image:
                pixels = image.size
            regions = _regions(rows, page, size, pixels)
            on_page = [r for r in rows if r.is_field and r.page == page and r.bbox is not None
                       and (r.current is not None or r.reason)]
            scores = [r["score"] for r in regions if r["type"] == "rectangle"]
            out.append({
                "data": {
                    "image": "data:image/png;base64," + base64.b64encode(png).decode(),
                    "form4_document": doc.name, "form4_page": page,
                    "form4_fields": {region_id(r.path): r.path for r in on_page},
                    "form4_versions": {region_id(r.path): r.version for r in on_page},
                },
                "predictions": [{"model_version": "form4", "result": regions,
                                 "score": round(min(scores), 3) if scores else 1.0}],
            })
    return out


def write_tasks(store: Store, out: Path) -> None:
    """Write the tasks to ``out`` and the labeling config beside it."""
    write_atomic(out, json.dumps(tasks(store), indent=1) + "\n")
    write_atomic(out.with_name(out.stem + ".label-config.xml"), LABEL_CONFIG)


@dataclass
class ImportReport:
    """What an import did: decisions made, and annotations refused with why."""

    accepted: int = 0
    corrected: int = 0
    unchanged: int = 0
    refused: list[str] = field(default_factory=list)


def _annotator(annotation: dict[str, Any]) -> str:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("id")
    return f"label-studio:{who}" if who not in (None, "") else "label-studio"


def import_annotations(store: Store, tasks_json: list[dict[str, Any]],
                       reviewer: str | None = None) -> ImportReport:
    """Take Label Studio's exported annotations back as decisions."""
    report = ImportReport()
    docs = {d.name: d.id for d in store.documents()}
    for task in tasks_json:
        data = task.get("data") or {}
        doc_id = docs.get(str(data.get("form4_document")))
        annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
        if doc_id is None or not annotations:
            continue
        annotation = annotations[-1]
        who = reviewer or _annotator(annotation)
        paths: dict[str, str] = data.get("form4_fields") or {}
        versions: dict[str, int] = data.get("form4_versions") or {}
        by_path = {r.path: r for r in store.fields(doc_id) if r.is_field}
        for result in annotation.get("result") or []:
            if result.get("type") != "textarea" or result.get("id") not in paths:
                continue
            path = paths[result["id"]]
            row = by_path.get(path)
            if row is None:
                continue
            text = "\n".join(result.get("value", {}).get("text") or [])
            if versions.get(result["id"], row.version) != row.version:
                report.refused.append(f"{data['form4_document']}: {path}: changed in the "
                                      "review database since the export; not overwritten")
                continue
            try:
                if text.strip() != format_value(row.current):
                    store.decide(row.id, "correct", who, row.version, text)
                    report.corrected += 1
                elif row.is_open:
                    store.decide(row.id, "accept", who, row.version)
                    report.accepted += 1
                else:
                    report.unchanged += 1
            except (InvalidInput, Conflict) as err:
                report.refused.append(f"{data['form4_document']}: {path}: {err}")
    return report
