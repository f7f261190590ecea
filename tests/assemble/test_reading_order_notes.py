"""Footnotes and signatures of reading-order text."""

from __future__ import annotations

from extractor.assemble.reading_order_notes import read_footnotes, read_signatures
from extractor.layout.reading_order import read_lines

_NOTES = """Explanation of Responses:
(1) The price reported is a weighted average price.

The shares were sold at prices ranging from $1 to $2.
(2) (DE) holds the shares; the last line of this note
runs on without a blank line before the signatures.

SoftBank Group Corp., By : /s/ Yuko Yamamoto
** Signature of Reporting Person
3/7/2025
"""


def test_a_note_ends_where_its_signature_starts() -> None:
    lines = read_lines(_NOTES)
    signatures, start = read_signatures(lines)
    assert signatures[0].signature_name.value == "SoftBank Group Corp., By : /s/ Yuko Yamamoto"
    notes = read_footnotes(lines[:start])
    assert notes[1].text.value.endswith("runs on without a blank line before the signatures.")


def test_an_ocr_note_over_several_paragraphs_is_flagged() -> None:
    lines = read_lines(_NOTES)
    _, start = read_signatures(lines)
    typed, ocr = read_footnotes(lines[:start]), read_footnotes(lines[:start], ocr=True)
    assert not typed[0].text.needs_review
    assert ocr[0].text.needs_review and not ocr[1].text.needs_review
