"""Signatures from a text dump: each signature's name (with the lines a long name wrapped onto)
and its date, found above the "** Signature of Reporting Person" captions or under EDGAR's
"Signatures" title."""

from __future__ import annotations

import re

from extractor.assemble.text_fields import text_field as _f
from extractor.fields.dates import parse_date
from extractor.ingest.text_dump import TextLine
from extractor.knowledge import labels as K
from extractor.layout.fuzzy import find_all_labels
from extractor.layout.text_boilerplate import is_boilerplate
from extractor.layout.text_boxes import TextLayout, clean_segment
from extractor.model import Signature

#: A line that ends in a date: a signature's ("09/25/2017", "04-12-2024", "May 6, 2022").
_SIGNED = re.compile(r"(?P<date>\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}|\d{4}-\d{2}-\d{2}|"
                     r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})\s*\|?\s*$")
#: A line of the explanation of responses that opens a footnote: "(1) ...", "1. ...".
FOOTNOTE_LINE = re.compile(r"^[-•]?\s*(?:\((?P<n>\d{1,2})\)|(?P<m>\d{1,2})[.)])\s*(?P<text>.*)$")
#: EDGAR's section titles, printed above the signatures: no part of a name.
_HEADING = re.compile(r"^(?:Signatures|Reporting Owners?|Explanation of Responses|Remarks)\b",
                      re.IGNORECASE)
_CAPTION = next(s.text for s in K.SECTIONS if s.key == "signature_of_reporting_person")


def _signature_blocks(layout: TextLayout) -> list[list[TextLine]]:
    """Each signature's lines: its name (wrapped lines first) and the line ending in its date.

    With a "Signatures" title (EDGAR's view) every row between it and the caption is one
    signature.  Otherwise each "** Signature of Reporting Person" caption has its signature
    just above it: the line that ends in a date, after any lines its long name wrapped onto.
    """
    label = layout.find("signature_of_reporting_person")
    if label is None:
        return []
    dump = layout.dump
    start_label = layout.find("signatures")
    if start_label and start_label.start < label.start:
        first, index = dump.line_at(start_label.start) + 1, dump.line_at(label.start)
        return [[line] for line in dump.lines[first:index] if line.filled_cells]
    captions = sorted({dump.line_at(m.start) for m in find_all_labels(
        dump.flat, _CAPTION, min_score=90)})
    blocks: list[list[TextLine]] = []
    floor = 0
    for caption in captions:
        dated = [i for i in range(caption - 1, max(floor, caption - 4) - 1, -1)
                 if _SIGNED.search(dump.lines[i].text)
                 and not FOOTNOTE_LINE.match(clean_segment(dump.lines[i].text))]
        if not dated:
            floor = caption + 1
            continue
        # Plain text may list several signatures above one caption.
        top = dated[-1]
        while top - 1 >= floor and _SIGNED.search(dump.lines[top - 1].text) and \
                not FOOTNOTE_LINE.match(clean_segment(dump.lines[top - 1].text)):
            top -= 1
        group = list(range(top, dated[0] + 1))
        start = top
        while start - 1 >= floor and start - top < 3 and \
                _wrapped_name(dump.lines[start - 1], floor > 0):
            start -= 1
        if start < top:  # a long name wrapped onto lines above its dated line
            blocks.append([dump.lines[i] for i in range(start, top + 1)])
            group = group[1:]
        blocks += [[dump.lines[i]] for i in group]
        floor = caption + 1
    return blocks


def _wrapped_name(line: TextLine, after_signature: bool) -> bool:
    """Could ``line`` be the first part of a signature name that wrapped?"""
    text = clean_segment(line.text)
    if not text or FOOTNOTE_LINE.match(text) or (text.endswith((":", ".")) and not after_signature):
        return False
    # The form's own print and EDGAR's section titles stand above a signature, never in it.
    if is_boilerplate(line.text) or _HEADING.match(text) or len(line.filled_cells) > 1:
        return False
    return after_signature or bool(re.search(r"/s/|\bBy\b", text))


def signature_lines(layout: TextLayout) -> list[TextLine]:
    """The lines the signatures were read from (footnotes and remarks end before them)."""
    return [line for block in _signature_blocks(layout) for line in block]


def read_signatures(layout: TextLayout) -> tuple[Signature, ...]:
    """Every signature of the form, in print order; one printed again (EDGAR's view repeats
    the signature block under its "Signatures" title) counted once."""
    out: list[Signature] = []
    for block in _signature_blocks(layout):
        signature = _signature(block)
        if not any(s.signature_name.value == signature.signature_name.value and
                   s.signature_date.value == signature.signature_date.value for s in out):
            out.append(signature)
    return tuple(out)


def _signature(block: list[TextLine]) -> Signature:
    line = block[-1]
    cells = line.filled_cells
    raw = "\n".join(item.text for item in block)
    signed = _SIGNED.search(line.text)
    date_text = cells[-1] if len(cells) > 1 else (signed["date"] if signed else "")
    date = parse_date(date_text)
    name_text = " ".join(cells[:-1]) if len(cells) > 1 and date else clean_segment(
        line.text[: line.text.rfind(date_text)] if date else line.text)
    prefix = " ".join(clean_segment(item.text) for item in block[:-1])
    name_text = f"{prefix} {name_text}".strip()
    # The caption of the date column, laid out before a signature's mark: no part of the name.
    name_text = re.sub(r"^Date\s+(?=/s/)", "", name_text)
    name = _f(" ".join(name_text.split()) or None, raw)
    when = _f(date, raw) if date else _f(None, raw, 0.0, "signature date not readable")
    return Signature(name, when)
