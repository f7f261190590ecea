"""Assemble a Form4 from a born-digital PDF.

PDFium's words and drawn rectangles (:func:`extractor.ingest.pdf_words.read_pdf`) go through
the geometric layout core and :func:`extractor.assemble.page_form.read_page_form`, as a scan's
words do; every value carries the page and the box of its own words.  :data:`Judge` and
:func:`words_of_value` serve the scan reader too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from extractor.assemble.page_form import read_page_form
from extractor.fields.dates import is_date_word
from extractor.ingest.pdf_words import read_pdf
from extractor.layout.pdf_blocks import LaidLine
from extractor.layout.value_words import value_boxes
from extractor.model import Field, Form4, Provenance, map_fields

SOURCE = "pdf"


def read_pdf_form(data: bytes) -> Form4:
    """Read a PDF with a text layer into a :class:`Form4` (not yet validated)."""
    return read_page_form(read_pdf(data), SOURCE)


#: ``(line, raw_text, path) -> (cap, reason)``: how far a value read from ``line`` (None when
#: its line was not found) is trusted.
Judge = Callable[[LaidLine | None, str, str], tuple[float, str | None]]


def with_positions(form: Form4, laid: list[LaidLine], source: str,
                   judge: Judge | None = None) -> Form4:
    """Every provenance names ``source``, the page, and the box of the words its text came
    from (the cell of a table row, "TX" of "AUSTIN TX 78725"; the whole line when the words are
    not found one by one).

    ``judge``, when given, caps each value's confidence and gives the reason (OCR: how far
    the words the value was read from are trusted, :mod:`extractor.assemble.scan_trust`).

    Values repeat ("Common Stock" on every row), so each part of the form (a table, the
    footnotes, the owners) searches onward from where its previous value was found.
    """
    squeezed = [" ".join(line.text.replace("|", " ").split()) for line in laid]
    cursors: dict[str, int] = {}
    items: dict[str, str] = {}
    #: (path, laid line, the value's own words) of every value placed on a line.
    placed: list[tuple[str, int, str]] = []

    def locate(group: str, item: str, raw: str) -> int | None:
        key = " ".join(raw.replace("|", " ").split())[:120]
        if not key:
            return None
        start = cursors.get(group, 0)
        if items.get(group, item) != item:  # a new row starts below the previous one
            start += 1
        items[group] = item
        for index in (*range(start, len(laid)), *range(start)):
            if key in squeezed[index]:
                cursors[group] = index
                return index
        return None

    def place(path: str, field: Field) -> Field:
        prov = field.provenance
        if prov is None:
            return field
        group = path.split("[")[0].split(".")[0]
        item = path.split("]")[0] if "[" in path else group
        first = next((part for part in (prov.raw_text or "").split("\n") if part.strip()), "")
        index = locate(group, item, first) if first else None
        line = laid[index] if index is not None else None
        if index is not None:
            placed.append((path, index, _printed_words(field.value, prov.raw_text or "")))
        new = Provenance(source, line.page if line else None, line.bbox if line else None,
                         prov.raw_text)
        field = dataclasses.replace(field, provenance=new)
        # A value that did not parse is judged too: a second reading may mend it (scans).
        if judge is not None and (field.value is not None or field.review_reason):
            cap, reason = judge(line, words_of_value(field.value, prov.raw_text or ""), path)
            if cap < field.confidence:
                field = dataclasses.replace(field, confidence=cap,
                                            review_reason=field.review_reason or reason)
        return field

    form = map_fields(form, place)
    boxes = value_boxes(laid, placed)

    def narrow(path: str, field: Field) -> Field:
        prov = field.provenance
        if path not in boxes or prov is None:
            return field
        return dataclasses.replace(field, provenance=dataclasses.replace(prov, bbox=boxes[path]))

    return dataclasses.replace(map_fields(form, narrow), source_kind=source)


_WORD_EDGES = ",.;:()[]"


def _printed_words(value: object, raw: str) -> str:
    """The words ``value`` was read from, as printed: the one printed line of ``raw`` that
    spells it ("1 TESLA ROAD" of a two-line address, for its second street line), or its own
    words among others (:func:`words_of_value`)."""
    if isinstance(value, str) and "\n" in raw:
        wanted = [word.strip(_WORD_EDGES) for word in value.lower().split()]
        for part in raw.split("\n"):
            if [word.strip(_WORD_EDGES) for word in part.lower().split()] == wanted:
                return part
    return words_of_value(value, raw)


def words_of_value(value: object, raw: str) -> str:
    """The words of ``raw`` that make up ``value``, when it is text printed among other words
    ("CA" of "CUPERTINO CA 95014"), so that a value is judged by its own words and not by its
    neighbours'; ``raw`` itself otherwise.

    >>> words_of_value("CA", "CUPERTINO CA 95014")
    'CA'
    >>> words_of_value("Apple Inc.", "Apple Inc. [ AAPL ]")
    'Apple Inc.'
    >>> words_of_value(12, "12,000 (1)")
    '12,000 (1)'
    >>> words_of_value(dt.date(2025, 3, 7), "/s/ Jonathan Duckles 03/07/2025")
    '03/07/2025'
    """
    if isinstance(value, dt.date):
        # A signature's date shares its line with the name, which a name's rare letters
        # make doubtful: the date is judged by the one printed date on the line.
        dates = [word for word in raw.split() if is_date_word(word.strip(","))]
        return dates[0] if len(dates) == 1 else raw
    if not isinstance(value, str) or not value.strip():
        return raw
    wanted = {word.lower().strip(_WORD_EDGES) for word in value.split()} - {""}
    picked = [word for word in raw.split() if word.lower().strip(_WORD_EDGES) in wanted]
    if {word.lower().strip(_WORD_EDGES) for word in picked} != wanted:
        return raw  # the value was rewritten (joined, repaired): its words are not all there
    return " ".join(picked)
