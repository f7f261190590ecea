"""Words of a scanned page with positions and confidences, from tesseract (pytesseract).

One OCR pass per page.  Coordinates come back in points (like a PDF's), so the layout stage
treats a scan's words as it treats a born-digital PDF's.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PIL import Image

from extractor.errors import MissingDependencyError
from extractor.ingest.pdf_words import Word

#: tesseract's own threads fight over 2 cores: ~3.5 s a page with one thread, ~22 s without.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@dataclass(frozen=True, slots=True)
class OcrWord:
    word: Word
    #: tesseract's confidence, 0-100.
    confidence: float


def check_tesseract() -> None:
    """Raise :class:`MissingDependencyError` with the install command when tesseract is absent."""
    import pytesseract

    try:
        pytesseract.get_tesseract_version()
    except (pytesseract.TesseractNotFoundError, OSError):
        raise MissingDependencyError(
            "the tesseract OCR program is not installed; on Debian: "
            "sudo apt-get install tesseract-ocr (or run the project's make setup)") from None


def ocr_words(image: Image.Image, dpi: float, page: int) -> list[OcrWord]:
    """Every word tesseract reads on ``image``, with its box in points and its confidence."""
    import pytesseract

    data = pytesseract.image_to_data(image, config="--psm 11",
                                     output_type=pytesseract.Output.DICT)
    scale = 72.0 / dpi
    words = []
    for text, conf, left, top, width, height in zip(
            data["text"], data["conf"], data["left"], data["top"], data["width"],
            data["height"], strict=True):
        text = text.strip()
        if not text or float(conf) < 0:
            continue
        words.append(OcrWord(Word(text, left * scale, (left + width) * scale, top * scale,
                                  (top + height) * scale, page), float(conf)))
    return words
