"""Tesseract's words tidied before layout (:mod:`extractor.assemble.scan_words`)."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from extractor.assemble.scan_words import restore_full_stops, tidy_word
from extractor.ingest.ocr import OcrWord
from extractor.ingest.pdf_words import Word


@pytest.mark.parametrize(("read", "kept"), [
    ("[xX]", "X"), ("(X)", "X"), ("X]", "X"), ("|", None), ("Il", "II"), ("‘Stock", "Stock"),
    ("(1)", "(1)"), ("_", None), (":", ":"), ("company’s", "company's"),
    ("(1}", "(1)"), ("{Print", "(Print"), ("D{5)", "D(5)"),  # the form prints no braces
])
def test_ocr_words_tidied(read: str, kept: str | None) -> None:
    tidied = tidy_word(OcrWord(Word(read, 10, 20, 10, 18, 1), 90.0))
    assert (tidied.word.text if tidied else None) == kept


@pytest.mark.parametrize(("dots", "letter_after", "read"), [
    (1, False, "Revocable."), (3, False, "Revocable..."), (0, False, "Revocable"),
    (1, True, "Revocable."), (0, True, "Revocable"),
])
def test_full_stops_put_back_from_the_pixels(dots: int, letter_after: bool, read: str) -> None:
    """Dots on the baseline after a word are full stops (an ellipsis is three); a letter
    beyond them is the next word's."""
    image = Image.new("L", (600, 200), 255)
    draw = ImageDraw.Draw(image)
    # At 72 dpi a pixel is a point: the word spans x 100-200, its line y 50-60.
    draw.rectangle((100, 52, 199, 59), fill=0)
    x = 200
    for _ in range(dots):
        draw.rectangle((x + 1, 58, x + 2, 59), fill=0)
        x += 4
    if letter_after:
        draw.rectangle((x + 4, 50, x + 9, 59), fill=0)
    word = OcrWord(Word("Revocable", 100, 200, 50, 60, 1), 95.0)
    assert restore_full_stops(image, 72.0, [word])[0].word.text == read
