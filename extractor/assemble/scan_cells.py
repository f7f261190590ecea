"""The second, targeted tesseract pass over a scanned page: table cells with ink but no word
or a doubtful one, letters alone on the page outside any cell, and an office scan's dates,
read again in one tesseract call (docs/design-notes.md#cell-reread)."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right

import numpy as np
from PIL import Image

from extractor.assemble.scan_markers import marker_targets, read_markers
from extractor.fields.dates import is_date_word
from extractor.ingest.images import MIN_NATIVE_DPI, PageImage
from extractor.ingest.ocr import OcrWord, Tesseract, ocr_regions
from extractor.ingest.page import Rect
from extractor.layout.pdf_blocks import grid_rows
from extractor.layout.scan_rules import INK, ink_inside

#: Words tesseract gives less than this confidence (0-100) have their table cell read again.
REREAD_BELOW = 60.0
#: From this resolution (dpi) up a scan's print is sharp enough to be read at its own size.
SHARP_DPI = 250


def reread_cells(image: Image.Image, page: PageImage, rects: list, found: list[OcrWord],
                 tesseract: Tesseract | None = None, enlarged_pass: Tesseract | None = None
                 ) -> list[OcrWord]:
    """The second, targeted pass: table cells with ink but no word (a lone code letter, "P",
    "I", that sparse-text OCR skips) or with a doubtful word are read again, all in one
    tesseract call; a re-read replaces the cell's words when tesseract is surer of it.

    On an office scan (:data:`MIN_NATIVE_DPI` to :data:`SHARP_DPI`) every date is read again
    too, however sure tesseract was: a blurred 5 reads as a 6 with confidence 90 at the page's
    size, and as a 5 at twice the size.  On a fax the two sizes disagree either way, so a
    fax's dates are not read again (docs/design-notes.md#cell-reread).
    """
    targets: list[tuple[Rect, list[OcrWord]]] = []
    by_middle = sorted(found, key=lambda w: w.word.cy)
    middles = [w.word.cy for w in by_middle]
    for row in grid_rows(list(rects)):
        if len(row) < 3:
            continue
        # The words whose middles lie in the row's height, found by bisection: a page has
        # hundreds of cells and of words.
        top, bottom = min(c.top for c in row) - 0.5, max(c.bottom for c in row) + 0.5
        near = by_middle[bisect_left(middles, top):bisect_right(middles, bottom)]
        for cell in row:
            inside = [w for w in near if cell.contains(w.word.cx, w.word.cy)]
            # Column headings with a doubtful word are read again too, though no value: in
            # the strip they are the print a lone letter is read beside
            # (docs/design-notes.md#cell-reread).
            if inside and min(w.confidence for w in inside) >= REREAD_BELOW:
                continue
            box = (cell.x0, cell.top, cell.x1, cell.bottom)
            if not inside and ink_inside(image, page.dpi, box, inset=2.0) < 0.002:
                continue
            targets.append((cell, inside))
    regions = [(c.x0 + 1.5, c.top + 1.5, c.x1 - 1.5, c.bottom - 1.5) for c, _ in targets]
    # Lone letters outside drawn cells (a table ruled by lines alone, or not at all); not on
    # a fax, whose specks are a letter's size.
    glyphs = [g for g in lone_glyphs(image, page.dpi, found)
              if not any(c.contains((g[0] + g[2]) / 2, (g[1] + g[3]) / 2) for c, _ in targets)
              ] if page.source_dpi >= MIN_NATIVE_DPI else []
    regions += glyphs
    targeted = {id(w) for _, inside in targets for w in inside}
    dates = [w for w in found if MIN_NATIVE_DPI <= page.source_dpi < SHARP_DPI
             and id(w) not in targeted and is_date_word(w.word.text)]
    regions += [(w.word.x0 - 2, w.word.top - 2, w.word.x1 + 2, w.word.bottom + 2)
                for w in dates]
    markers = marker_targets(image, page.dpi, found) if page.source_dpi >= MIN_NATIVE_DPI \
        else []
    if not regions and not markers:
        return found
    # Cells of a page scanned below SHARP_DPI are read at twice the size, even when the page
    # was enlarged before OCR: a fax's lone code letters read right so
    # (docs/design-notes.md#cell-reread).
    reread = ocr_regions(image, page.dpi, page.number, regions,
                         scale=2.0 if page.source_dpi < SHARP_DPI else 1.0, tesseract=tesseract)
    # Lone glyphs are read again enlarged, with the raised markers, on a strip of their own:
    # beside the cells' print, tesseract drops letters of a strip of mixed sizes.
    enlarged = ocr_regions(image, page.dpi, page.number, glyphs + [t.box for t in markers],
                           scale=ENLARGED, tesseract=enlarged_pass)
    replaced: set[int] = set()
    extra: list[OcrWord] = []
    for (_, inside), again in zip(targets, reread[:len(targets)], strict=True):
        if not again:
            continue
        before = min((w.confidence for w in inside), default=-1.0)
        if min(w.confidence for w in again) > before:
            replaced.update(id(w) for w in inside)
            extra += [_as_glyph(w) for w in again]
    first_date = len(targets) + len(glyphs)
    for box, at_size, bigger in zip(glyphs, reread[len(targets):first_date],
                                    enlarged[:len(glyphs)], strict=True):
        glyph = _glyph_reading(at_size, bigger)
        if glyph is not None:
            extra.append(_on_its_line(_on_its_blob(glyph, box), by_middle, middles))
    for date, again in zip(dates, reread[first_date:], strict=True):
        text = "".join(w.word.text for w in again)
        if not is_date_word(text) or text == date.word.text:
            continue
        confidence = min([date.confidence] + [w.confidence for w in again])
        replaced.add(id(date))
        extra.append(OcrWord(dataclasses.replace(date.word, text=text), confidence, date.line))
    marked, unmarked = read_markers(markers, enlarged[len(glyphs):])
    replaced |= marked
    return [w for w in found if id(w) not in replaced] + extra + unmarked


#: A lone glyph's height against the page's words' heights (the least share of the small
#: print's, the most of the large print's), and its width against its height at most.
GLYPH_HEIGHT = (0.6, 1.3)
GLYPH_WIDTH = 1.2
#: More ink blobs than this left out of every word: noise, not dropped letters.
MOST_LONE_GLYPHS = 60
#: What a lone glyph read again may be: one letter or digit (a code, a "0" price).
LONE_GLYPH_TEXT = re.compile(r"[A-Za-z0-9]")
def _on_its_blob(glyph: OcrWord, box: tuple[float, float, float, float]) -> OcrWord:
    """A lone glyph's word set on its ink (its box from :func:`lone_glyphs`, less the
    paper round it): tesseract's box in the strip sits off a lone digit's, and a word set
    higher than its line's reads as a raised marker."""
    height = (box[3] - box[1]) / 1.6
    pad = 0.6 * height
    word = glyph.word
    return OcrWord(dataclasses.replace(
        word, x0=float(box[0] + pad), x1=float(max(word.x1, box[2] - pad)),
        top=float(box[1] + pad / 2), bottom=float(box[3] - pad / 2)), glyph.confidence,
        glyph.line)


def _on_its_line(glyph: OcrWord, by_middle: list[OcrWord], middles: list[float]) -> OcrWord:
    """A lone glyph's word put on the tesseract line of the word beside it, so that it takes
    that line's top and bottom as its words do (``align_to_lines``): a digit without the
    line's descenders would stand raised above it, a marker's height."""
    word = glyph.word
    height = word.bottom - word.top
    beside = [w for w in by_middle[bisect_left(middles, word.top):
                                   bisect_right(middles, word.bottom)]
              if w.line is not None and abs(w.word.x0 - word.x1) < 3 * height and
              w.word.top <= word.cy <= w.word.bottom]
    if not beside:
        return glyph
    return OcrWord(word, glyph.confidence, beside[0].line)


def _glyph_reading(at_size: list[OcrWord], enlarged: list[OcrWord]) -> OcrWord | None:
    """A lone glyph's letter from its two readings: where both read a letter they must
    agree (a "P" read as "4" enlarged is neither); where one does, it is taken."""
    letters = []
    for again in (at_size, enlarged):
        # a letter read in both cases is surely that letter, though tesseract doubts its case
        if len(again) == 1 and again[0].confidence >= LONE_GLYPH_CONFIDENCE - 10.0 * bool(
                _BOTH_CASES.fullmatch(again[0].word.text)):
            letter = one_glyph(again[0].word.text)
            if letter is not None:
                letters.append(OcrWord(dataclasses.replace(again[0].word, text=letter),
                                       again[0].confidence, again[0].line))
    if len({w.word.text for w in letters}) != 1:
        return None
    return max(letters, key=lambda w: w.confidence)


def _as_glyph(word: OcrWord) -> OcrWord:
    """A cell's word read again, with a letter read in both cases ("Cc") as the one letter.
    A stroke alone in a cell is a letter or digit (I, l, 1), never the markdown bar the
    layout would take it for; the column's type decides which (fields.ocr_repair)."""
    text = "l" if word.word.text == "|" else \
        (one_glyph(word.word.text) if _BOTH_CASES.fullmatch(word.word.text) else None)
    return word if text is None else OcrWord(dataclasses.replace(word.word, text=text),
                                             word.confidence, word.line)


#: How much lone glyphs and raised markers are enlarged to be read again: tesseract reads a
#: lone small capital or a marker's digits best so (docs/design-notes.md#cell-reread).
ENLARGED = 2.0


#: A note's number as the explanation prints it at the margin.
_NOTE_NUMBER = re.compile(r"[1-9]\d?\.")
#: A lone letter whose upper and lower case look alike, read as both ("Cc", "Vv", "Ss").
_BOTH_CASES = re.compile(r"([CKOPSUVWXZ])([ckopsuvwxz])")


def one_glyph(text: str) -> str | None:
    """What a lone glyph read again says, if one letter or digit: tesseract reads a letter
    whose cases differ only in size as both ("Cc"), and a table's lone letters are codes,
    printed in capitals.

    The box round a lone blob is paper but for the blob, yet tesseract may see its edge as a
    bracket ("S)").

    A note's number at the margin ("3.") is a glyph with its full stop.

    >>> one_glyph("S"), one_glyph("Cc"), one_glyph("S)"), one_glyph("Sd"), one_glyph("Ab")
    ('S', 'C', 'S', None, None)
    >>> one_glyph("3."), one_glyph("12."), one_glyph("3:")
    ('3.', '12.', None)
    """
    text = text[:-1] if len(text) == 2 and text[1] == ")" else text
    if LONE_GLYPH_TEXT.fullmatch(text) or _NOTE_NUMBER.fullmatch(text):
        return text
    both = _BOTH_CASES.fullmatch(text)
    return both[1] if both and both[1].lower() == both[2] else None


#: The least tesseract confidence (0-100) at which a lone glyph's reading is taken.
LONE_GLYPH_CONFIDENCE = 50.0


def lone_glyphs(image: Image.Image, dpi: float, found: list[OcrWord]
                ) -> list[tuple[float, float, float, float]]:
    """Boxes (points) round blobs of ink of a letter's size that no OCR word covers: the
    lone code letters ("S", "D") that tesseract's sparse pass skips in a table without
    drawn cells.  Each box takes in a letter's width of paper round the blob."""
    import cv2

    heights = sorted(w.word.bottom - w.word.top for w in found if len(w.word.text) >= 3)
    if not heights:
        return []
    px = dpi / 72.0
    # The page's print comes in sizes (small labels, larger values): a glyph of any of them.
    small = heights[len(heights) // 10] * px
    large = heights[len(heights) * 9 // 10] * px
    ink = (np.asarray(image.convert("L"), dtype=np.uint8) < INK).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    covered = np.zeros(ink.shape, dtype=bool)
    margin = int(0.3 * small)
    for w in found:
        covered[max(0, int(w.word.top * px) - margin):int(w.word.bottom * px) + margin,
                max(0, int(w.word.x0 * px) - margin):int(w.word.x1 * px) + margin] = True
    boxes = []
    for x, y, width, height, _ in stats[1:count]:
        if not GLYPH_HEIGHT[0] * small <= height <= GLYPH_HEIGHT[1] * large or \
                width > GLYPH_WIDTH * height or covered[y + height // 2, x + width // 2]:
            continue
        pad = 0.6 * height
        boxes.append(((x - pad) / px, (y - pad / 2) / px, (x + width + pad) / px,
                      (y + height + pad / 2) / px))
    return boxes if len(boxes) <= MOST_LONE_GLYPHS else []
