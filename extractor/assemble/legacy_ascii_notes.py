"""The end of a legacy typed Form 4: Explanation of Responses, Remarks and the signatures."""

from __future__ import annotations

import re

from extractor.assemble.legacy_ascii_tables import CLEAN, SOURCE
from extractor.fields.dates import parse_date
from extractor.fields.footnote_refs import footnote_id
from extractor.knowledge import labels as K
from extractor.layout.fuzzy import NormalizedText, find_all_labels, find_label
from extractor.model import Field, Footnote, Provenance, Signature

#: Minimum similarity of a typed label (0-100).
MIN_LABEL = 82.0
_FOOTNOTE = re.compile(r"^\s*\((\d{1,2})\)\s*(.*)$")


def clean_text(text: str) -> str:
    """Typed text without table pipes, extra spaces or leading/trailing "*" and ":"."""
    return " ".join(text.replace("|", " ").split()).strip(" *:")


def _f(value: object, raw: str | None, confidence: float = CLEAN,
       reason: str | None = None) -> Field:
    return Field(value, confidence if value is not None else 0.0,
                 Provenance(SOURCE, raw_text=raw), (), reason)


def _section_text(key: str) -> str:
    return next(s.text for s in K.SECTIONS if s.key == key)


def _signature_labels(norm: NormalizedText) -> list:
    return find_all_labels(norm, _section_text("signature_of_reporting_person"),
                           min_score=MIN_LABEL)


def read_remarks(body: str, norm: NormalizedText) -> Field:
    """The text after "Remarks:" up to the first signature block."""
    label = find_label(norm, _section_text("remarks"), min_score=MIN_LABEL)
    if label is None:
        return Field()
    ends = [m.start for m in _signature_labels(norm) if m.start > label.end]
    end = min(ends, default=len(body))
    text = " ".join(body[label.end:end].split())
    return _f(text, body[label.end:end]) if text else Field()


def read_footnotes(body: str, norm: NormalizedText) -> tuple[Footnote, ...]:
    """The numbered notes under "Explanation of Responses:", each running to the next."""
    label = find_label(norm, _section_text("explanation"), min_score=MIN_LABEL)
    if label is None:
        return ()
    # The notes end where Remarks or the first signature block begin.
    stops = [m.start for text in (_section_text("remarks"),
                                  _section_text("signature_of_reporting_person"))
             for m in find_all_labels(norm, text, min_score=MIN_LABEL)
             if m.start > label.end]
    end = min(stops, default=len(body))
    notes: list[list[str]] = []
    for line in body[label.end:end].split("\n"):
        if m := _FOOTNOTE.match(line):
            notes.append([m[1], m[2].strip()])
        elif notes and line.strip():
            notes[-1][1] += " " + line.strip()
    return tuple(Footnote(footnote_id(n) or f"F{n}", _f(" ".join(t.split()), t))
                 for n, t in notes)


def read_signatures(body: str, norm: NormalizedText) -> tuple[Signature, ...]:
    """Each signature block: the name typed under the signature label (a "Date" label and the
    date after it), or, as on paper, "/s/ Name  3/13/00" on the line above the label."""
    labels = _signature_labels(norm)
    signatures = []
    for index, label in enumerate(labels):
        stop = labels[index + 1].start if index + 1 < len(labels) else len(body)
        date_label = find_label(norm, K.SIGNATURE_DATE.text, label.end, stop)
        name_raw = body[label.end:date_label.start if date_label else stop]
        date_raw = body[date_label.end:stop].strip().split("\n")[0] if date_label else ""
        name, date = clean_text(name_raw), parse_date(date_raw)
        if not name:  # paper layout: "/s/ Name   3/13/00" on the line above the labels
            name_raw = body[:label.start].rstrip().split("\n")[-1]
            date_raw, date = (date_raw, date) if date else (name_raw, parse_date(name_raw))
            name = clean_text(re.sub(r"\s\d{1,2}/\d{1,2}/\d{2,4}\s*$", "", name_raw))
        signatures.append(Signature(
            _f(name or None, name_raw.strip(), CLEAN,
               None if name else "signature not readable"),
            _f(date, date_raw.strip(), CLEAN, None if date else "signature date not readable")))
    return tuple(signatures)
