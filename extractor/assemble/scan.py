"""Assemble a Form4 from scanned pages (images, image-only PDFs) with tesseract.

A scan is the born-digital layout problem with noisier words: the form's rules are found in the
pixels (:mod:`extractor.layout.scan_rules`) and painted out before OCR, their rectangles and the
OCR words go through the same page layout as a PDF's, check marks are read as ink inside the
squares beside their labels, and every value's confidence is capped by the confidence tesseract
gave the words it came from - so a doubtful reading is flagged, not passed.
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np
from PIL import Image
from rapidfuzz import fuzz

from extractor.assemble.pdf import with_positions
from extractor.assemble.text_dump import read_text_form
from extractor.errors import UnreadableInputError
from extractor.ingest.images import PageImage
from extractor.ingest.ocr import (
    OcrWord,
    align_to_lines,
    check_tesseract,
    ocr_regions,
    ocr_words,
)
from extractor.ingest.pdf_words import PdfPage, Rect, Word
from extractor.ingest.preprocess import deskew
from extractor.knowledge import labels as K
from extractor.layout.pdf_blocks import LaidLine, grid_rows, lay_out_page
from extractor.layout.scan_rules import INK, find_rules, ink_inside, rectangles
from extractor.model import Field, Form4, map_fields

SOURCE = "ocr"
#: Share of dark pixels inside a check box above which it holds a mark.
MARK_INK = 0.08
#: First words of the check-box labels: a square is looked for to their left.
_CHECK_WORDS = {c.text.split()[0].lower() for c in K.CHECKBOXES} | {"check"}


def read_scan_form(pages: list[PageImage]) -> Form4:
    """Read scanned pages into a :class:`Form4` (not yet validated)."""
    check_tesseract()
    if all(page.image.getextrema()[0] > 200 for page in pages):
        raise UnreadableInputError("the scan is empty (no dark marks on its pages)")
    laid: list[LaidLine] = []
    for original in pages:
        straight, _ = deskew(original.image)
        page = PageImage(straight, original.dpi, original.number)
        h_rules, v_rules, cleaned = find_rules(page.image, page.dpi)
        rects = rectangles(h_rules, v_rules, page.image.width * 72.0 / page.dpi)
        found = ocr_words(cleaned, page.dpi, page.number)
        found = _reread_cells(cleaned, page, rects, found)
        marks, squares = _check_marks(page, found)
        # tesseract reads the squares themselves as "[X]", "oO", "L]": the marks replace them.
        found = [w for w in found if not any(
            sq[0] - 1 <= w.word.cx <= sq[2] + 1 and sq[1] - 1 <= w.word.cy <= sq[3] + 1
            for sq in squares)]
        found = align_to_lines([w for w in (_tidy(item) for item in found) if w is not None])
        words = [dataclasses.replace(item.word, confidence=item.confidence / 100.0)
                 for item in found] + marks
        width, height = (v * 72.0 / page.dpi for v in page.image.size)
        laid += lay_out_page(PdfPage(page.number, width, height, tuple(words), tuple(rects)))
    form = read_text_form("\n".join(line.text for line in laid), distrust_noisy_text=False)
    return _provisional(with_positions(form, laid, SOURCE, LaidLine.confidence_of))


#: Until the OCR reader meets its accuracy targets on the benchmark (bench/accuracy.py, the
#: scan-* kinds), every value it reads is handed to review: kept, never passed as read.
OCR_TRUST_CAP = 0.75
_PROVISIONAL = ("read from a scan by OCR; the scan reader is not yet measured to its accuracy "
                "target, so every value is checked by a person")


def _provisional(form: Form4) -> Form4:
    def cap(_: str, field: Field) -> Field:
        if (field.value is None and not field.footnote_ids) or field.needs_review:
            return field
        return dataclasses.replace(field, confidence=min(field.confidence, OCR_TRUST_CAP),
                                   review_reason=_PROVISIONAL)

    return map_fields(form, cap)


_DEBRIS = re.compile(r"^[\W_]+$")
#: Punctuation-only tokens that are print, not debris: brackets round a ticker, "$", "(1)",
#: "/" of "Name / Address", "&" of a company name, the dash of "Exhibit 24 - Power".
_KEPT_MARKS = re.compile(r"\(\d+\)|[$%()\[\]/&-]|\*+")
_EDGE_JUNK = "‘’'`|!_—–=~"


def _tidy(item: OcrWord) -> OcrWord | None:
    """Rule fragments and stray marks dropped; quote and bar debris trimmed off word edges."""
    text = item.word.text.strip(_EDGE_JUNK)
    if not text or (_DEBRIS.match(text) and not _KEPT_MARKS.fullmatch(text)):
        return None
    if text == item.word.text:
        return item
    return OcrWord(dataclasses.replace(item.word, text=text), item.confidence, item.line)


#: Words tesseract gives less than this confidence (0-100) have their table cell read again.
REREAD_BELOW = 60.0


def _reread_cells(image: Image.Image, page: PageImage, rects: list,
                  found: list[OcrWord]) -> list[OcrWord]:
    """The second, targeted pass: table cells with ink but no word (a lone code letter, "P",
    "I", that sparse-text OCR skips) or with a doubtful word are read again, all in one
    tesseract call; a re-read replaces the cell's words when tesseract is surer of it."""
    targets: list[tuple[Rect, list[OcrWord]]] = []
    for row in grid_rows(list(rects)):
        if len(row) < 3:
            continue
        for cell in row:
            inside = [w for w in found if cell.contains(w.word.cx, w.word.cy)]
            if inside and min(w.confidence for w in inside) >= REREAD_BELOW:
                continue
            box = (cell.x0, cell.top, cell.x1, cell.bottom)
            if not inside and ink_inside(image, page.dpi, box, inset=2.0) < 0.002:
                continue
            targets.append((cell, inside))
    if not targets:
        return found
    regions = [(c.x0 + 1.5, c.top + 1.5, c.x1 - 1.5, c.bottom - 1.5) for c, _ in targets]
    reread = ocr_regions(image, page.dpi, page.number, regions,
                         scale=2.0 if page.dpi < 250 else 1.0)
    replaced: set[int] = set()
    extra: list[OcrWord] = []
    for (_, inside), again in zip(targets, reread, strict=True):
        if not again:
            continue
        before = min((w.confidence for w in inside), default=-1.0)
        if min(w.confidence for w in again) > before:
            replaced.update(id(w) for w in inside)
            # A stroke alone in a cell is a letter or digit (I, l, 1), never the markdown bar
            # the layout would take it for; the column's type decides which (fields.ocr_repair).
            extra += [w if w.word.text != "|" else
                      OcrWord(dataclasses.replace(w.word, text="l"), w.confidence)
                      for w in again]
    return [w for w in found if id(w) not in replaced] + extra


def _check_marks(page: PageImage, words: list[OcrWord]
                 ) -> tuple[list[Word], list[tuple[float, float, float, float]]]:
    """An "X" or "[ ]" pseudo-word on every check box found left of a check-box label, on the
    label's line; and the squares found."""
    marks = []
    squares = []
    for item in words:
        word = item.word
        if word.text.lower().strip("[]|()") not in _CHECK_WORDS and \
                fuzz.ratio(word.text.lower(), "director") < 80:
            continue
        square = _square_left_of(page.image, page.dpi, word)
        if square is None:
            continue
        inked = ink_inside(page.image, page.dpi, square) > MARK_INK
        squares.append(square)
        marks.append(Word("X" if inked else "[ ]", square[0], square[2], word.top, word.bottom,
                          page.number))
    return marks, squares


def _square_left_of(image: Image.Image, dpi: float, word: Word
                    ) -> tuple[float, float, float, float] | None:
    """The check-box square (points) just left of ``word``, if there is one."""
    scale = dpi / 72.0
    x1 = word.x0 - 0.5
    x0, y0, y1 = x1 - 14, word.top - 4, word.bottom + 4
    box = tuple(int(v * scale) for v in (x0, y0, x1, y1))
    region = np.asarray(image.crop(box), dtype=np.uint8) < INK  # type: ignore[arg-type]
    if not region.any():
        return None
    rows = np.nonzero(region.any(axis=1))[0]
    cols = np.nonzero(region.any(axis=0))[0]
    height = (rows[-1] - rows[0] + 1) / scale
    width = (cols[-1] - cols[0] + 1) / scale
    if not (4.5 <= width <= 11 and 4.5 <= height <= 11 and abs(width - height) < 2.5):
        return None
    # An outline: a horizontal and a vertical edge mostly ink (one of each side may be faint
    # or cut by a heavy mark; the best of two neighbouring rows / columns is taken).
    body = region[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    horizontal = max(body[i].mean() for i in (0, 1, -2, -1) if body.shape[0] > 3)
    vertical = max(body[:, j].mean() for j in (0, 1, -2, -1) if body.shape[1] > 3)
    if horizontal < 0.6 or vertical < 0.6:
        return None
    return (x0 + cols[0] / scale, y0 + rows[0] / scale, x0 + (cols[-1] + 1) / scale,
            y0 + (rows[-1] + 1) / scale)
