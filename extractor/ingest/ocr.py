"""Words of a scanned page with positions and confidences, from tesseract (pytesseract).

One OCR pass per page.  Coordinates come back in points (like a PDF's), so the layout stage
treats a scan's words as it treats a born-digital PDF's.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

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
    #: The line tesseract put the word on (block, paragraph, line), when it says.
    line: tuple[int, int, int] | None = None


def check_tesseract() -> None:
    """Raise :class:`MissingDependencyError` with the install command when tesseract is absent."""
    import pytesseract

    try:
        _tesseract_version(pytesseract.pytesseract.tesseract_cmd)
    except (pytesseract.TesseractNotFoundError, OSError):
        raise MissingDependencyError(
            "the tesseract OCR program is not installed; on Debian: "
            "sudo apt-get install tesseract-ocr (or run the project's make setup)") from None


@functools.cache
def _tesseract_version(command: str) -> str:
    """The version of the tesseract at ``command``: asked once per process (it starts a
    process), not once per document; a failure is not remembered."""
    import pytesseract

    return str(pytesseract.get_tesseract_version())


def _tesseract_data(image: Image.Image, dpi: float, config: str) -> dict[str, list]:
    """pytesseract's ``image_to_data`` (a dict of columns) for ``image``, scanned at ``dpi``.

    The image is handed over as an uncompressed BMP file: pytesseract would write a PNG, and
    compressing and decompressing a 300 dpi page costs about 0.2 s, a tenth of the OCR itself.
    The file carries the resolution, which tesseract's size thresholds depend on.
    """
    import pytesseract

    with tempfile.TemporaryDirectory(prefix="form4-ocr-") as folder:
        path = Path(folder) / "page.bmp"
        image.save(path, "BMP", dpi=(round(dpi), round(dpi)))
        return pytesseract.image_to_data(str(path), config=config,
                                         output_type=pytesseract.Output.DICT)


def ocr_words(image: Image.Image, dpi: float, page: int) -> list[OcrWord]:
    """Every word tesseract reads on ``image``, with its box in points and its confidence."""
    data = _tesseract_data(image, dpi, "--psm 11")
    scale = 72.0 / dpi
    words = []
    for i, (text, conf) in enumerate(zip(data["text"], data["conf"], strict=True)):
        if not text.strip() or float(conf) < 0:
            continue
        left, top, width, height = (data[k][i] for k in ("left", "top", "width", "height"))
        words.append(OcrWord(Word(text.strip(), left * scale, (left + width) * scale,
                                  top * scale, (top + height) * scale, page), float(conf),
                             (data["block_num"][i], data["par_num"][i], data["line_num"][i])))
    return words


def align_to_lines(words: list[OcrWord]) -> list[OcrWord]:
    """Each word with the top and bottom of the line tesseract put it on.

    A glyph box's top depends on its letters ("on" has no ascender, "Column" has), and the
    layout groups words into lines by their tops, as a PDF's font boxes allow.
    """
    extent: dict[tuple[int, int, int], tuple[float, float]] = {}
    for item in words:
        if item.line is not None:
            low, high = extent.get(item.line, (item.word.top, item.word.bottom))
            extent[item.line] = (min(low, item.word.top), max(high, item.word.bottom))
    out = []
    for item in words:
        if item.line is None:
            out.append(item)
            continue
        top, bottom = extent[item.line]
        out.append(OcrWord(dataclasses.replace(item.word, top=top, bottom=bottom),
                           item.confidence, item.line))
    return out


#: White space (pixels) between the regions stacked into one image by :func:`ocr_regions`.
_REGION_GAP = 24


def ocr_regions(image: Image.Image, dpi: float, page: int,
                regions: list[tuple[float, float, float, float]],
                scale: float = 1.0) -> list[list[OcrWord]]:
    """The words tesseract reads in each region (points) of ``image``, in one tesseract call.

    The regions are cut out, enlarged by ``scale``, and stacked one under another on a white
    strip, each on its own line, so one call reads them all: tesseract costs a process start and
    a page analysis per call, and a page can have a hundred cells to re-read.  A single letter
    alone in a table cell, which a whole-page sparse-text pass often skips, reads as one line.
    """
    if not regions:
        return []
    px = dpi / 72.0
    crops = []
    for x0, top, x1, bottom in regions:
        crop = image.crop((int(x0 * px), int(top * px), int(x1 * px), int(bottom * px)))
        if scale != 1.0:
            crop = crop.resize((max(1, int(crop.width * scale)), max(1, int(crop.height * scale))),
                               Image.Resampling.BICUBIC)
        crops.append(crop)
    width = max(c.width for c in crops) + 2 * _REGION_GAP
    height = sum(c.height + _REGION_GAP for c in crops) + _REGION_GAP
    strip = Image.new("L", (width, height), 255)
    slots = []
    y = _REGION_GAP
    for crop in crops:
        strip.paste(crop, (_REGION_GAP, y))
        slots.append((y, y + crop.height))
        y += crop.height + _REGION_GAP
    data = _tesseract_data(strip, dpi * scale, "--psm 6")
    found: list[list[OcrWord]] = [[] for _ in regions]
    for text, conf, left, top, w, h in zip(data["text"], data["conf"], data["left"],
                                           data["top"], data["width"], data["height"],
                                           strict=True):
        text = text.strip()
        if not text or float(conf) < 0:
            continue
        middle = top + h / 2
        for index, (y0, y1) in enumerate(slots):
            if y0 - _REGION_GAP / 2 <= middle <= y1 + _REGION_GAP / 2:
                x0, r_top = regions[index][0], regions[index][1]
                to_pt = 1.0 / (px * scale)
                found[index].append(OcrWord(Word(
                    text, x0 + (left - _REGION_GAP) * to_pt, x0 + (left - _REGION_GAP + w) * to_pt,
                    r_top + (top - y0) * to_pt, r_top + (top - y0 + h) * to_pt, page),
                    float(conf)))
                break
    return found
