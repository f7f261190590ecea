"""Telling an OCR engine's plain text from typed text, and cleaning its traces off words."""

from __future__ import annotations

from extractor.layout.ocr_text import clean_line, looks_like_ocr, ocr_traces


def test_typed_text_shows_no_traces() -> None:
    typed = ("1. Name and Address of Reporting Person    | 2. Issuer Name\n"
             "   COOK TIMOTHY D                          |    Apple Inc. [AAPL]\n"
             "[X] Director   [ ] 10% Owner\n"
             "Common Stock 08/24/2019 M 560,000 (1) A $0 1,414,849 D\n")
    assert ocr_traces(typed) == 0
    assert not looks_like_ocr(typed)


def test_boxes_superscripts_and_strokes_are_an_ocr_reading() -> None:
    text = ("LJ} Director\nC] Ten Percent Owner\n"
            "Common 2019-08-24 F 294,840.00° D 202.64 1,120,009.00 D®\n"
            "Code Vv Amount | (A) or (D) Price\n")
    assert ocr_traces(text) >= 4
    assert looks_like_ocr(text)


def test_clean_line_cuts_superscripts_and_drops_strokes() -> None:
    line = 'Common 2019-08-24 M 560,000.00?"?3 A | 1,414,849.00 D> Stock”'
    cleaned, lost = clean_line(line)
    assert cleaned == "Common 2019-08-24 M 560,000.00 A 1,414,849.00 D Stock"
    assert lost
    assert clean_line("Apple's Inc. [AAPL]") == ("Apple's Inc. [AAPL]", False)
