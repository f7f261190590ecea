"""Check boxes of a scanned page: the square beside each check-box label, and whether it holds
a mark.

A mark is ink inside the square, not a recognised "X": tesseract reads an empty square as
"O", "[]" or "L]" and a marked one as "[X]", "(X)" or nothing at all.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from PIL import Image
from rapidfuzz import fuzz, process

from extractor.ingest.images import PageImage
from extractor.ingest.ocr import OcrWord
from extractor.ingest.pdf_words import Word
from extractor.knowledge import labels as K
from extractor.knowledge.lexicon import is_known_word
from extractor.layout.scan_rules import INK, ink_inside

#: Share of dark pixels inside a check box above which it holds a mark.
MARK_INK = 0.08
#: First words of the check-box labels as printed, by their small-letter form: a square is
#: looked for to their left.
_CHECK_WORDS = {c.text.split()[0].lower(): c.text.split()[0] for c in K.CHECKBOXES}
#: How near (rapidfuzz ratio, 0-100) a word must read to one of them.
_CHECK_WORD_SCORE = 65


class CheckBoxes(NamedTuple):
    """What :func:`find_check_marks` found on a page."""

    #: An "X" or "[ ]" pseudo-word on every check box, on its label's line.
    marks: list[Word]
    #: The squares (points: x0, top, x1, bottom), whose OCR debris is to be dropped.
    squares: list[tuple[float, float, float, float]]
    #: The label words beside a square that OCR misread into no word ("Cirector"), by their
    #: index in the words given, spelled as printed: a square beside it vouches for the word.
    label_words: dict[int, str]


def find_check_marks(page: PageImage, words: list[OcrWord]) -> CheckBoxes:
    """The check boxes found left of a check-box label, with their marks."""
    found = CheckBoxes([], [], {})
    for index, item in enumerate(words):
        word = item.word
        # Fuzzy: on a blurred page "Officer" reads "otticer" and "Form" "For"; the square
        # itself must still be found beside the word.
        bare = word.text.strip("[]|()")
        best = process.extractOne(bare.lower(), _CHECK_WORDS.keys(), scorer=fuzz.ratio,
                                  score_cutoff=_CHECK_WORD_SCORE)
        if best is None:
            continue
        square = square_left_of(page.image, page.dpi, word)
        if square is None or _inside_a_word(square, words):
            continue
        ink = ink_inside(page.image, page.dpi, square)
        found.squares.append(square)
        found.marks.append(Word("X" if ink > MARK_INK else "[ ]", square[0], square[2],
                                word.top, word.bottom, page.number,
                                confidence=mark_certainty(ink)))
        # Only a word that is no word: "the" reads near "Other" too, and stays "the".
        if bare == word.text and bare.lower() != best[0] and is_known_word(bare) is False:
            found.label_words[index] = _CHECK_WORDS[best[0]]
    return found


def _inside_a_word(square: tuple[float, float, float, float], words: list[OcrWord]) -> bool:
    """Whether ``square`` is the blurred end of a word OCR read whole, not a check box: in a
    sentence ("... reflects the ...") the letters before a word may blur into a square's blob.
    A square's own debris ("Do", "[]", "{nip") lies on the square; a word runs on left of it."""
    x0, top, x1, bottom = square
    middle = (top + bottom) / 2
    for item in words:
        word = item.word
        if word.top <= middle <= word.bottom and word.x0 < x0 - (x1 - x0) / 2 and \
                min(word.x1, x1) - max(word.x0, x0) > (x1 - x0) / 2 and \
                sum(c.isalpha() for c in word.text) >= 3 and is_known_word(word.text):
            return True
    return False


def mark_certainty(ink: float) -> float:
    """How sure (0.5-1) a check box's reading is, from how far its ink share lies from
    :data:`MARK_INK`: a blurred border or a speck puts an empty box near the line."""
    return 0.5 + 0.5 * min(1.0, abs(ink - MARK_INK) / MARK_INK)


def square_left_of(image: Image.Image, dpi: float, word: Word
                    ) -> tuple[float, float, float, float] | None:
    """The check-box square (points) just left of ``word``, if there is one.

    First the window's ink as a whole, which holds a mark that spills over the square's
    edge; then, when the window also holds other ink (the end of a line above, another box
    below: tesseract sometimes gives a word a box two lines tall), a blob of ink the square's
    size beside the word's middle.
    """
    scale = dpi / 72.0
    x1 = word.x0 - 0.5
    x0, y0, y1 = x1 - 14, word.top - 4, word.bottom + 4
    box = tuple(int(v * scale) for v in (x0, y0, x1, y1))
    region = np.asarray(image.crop(box), dtype=np.uint8) < INK  # type: ignore[arg-type]
    if not region.any():
        return None
    found = _whole_ink_square(region, scale) or \
        _blob_square(region, scale, (word.top + word.bottom) / 2 - y0)
    if found is None:
        return None
    left, top, right, bottom = found
    return (x0 + left / scale, y0 + top / scale, x0 + right / scale, y0 + bottom / scale)


def _is_square_size(width: float, height: float) -> bool:
    """Whether a width and height (points) are a check box's."""
    return 4.5 <= width <= 11 and 4.5 <= height <= 11 and abs(width - height) < 2.5


def _whole_ink_square(region: np.ndarray, scale: float) -> tuple[int, int, int, int] | None:
    """The square (pixels: left, top, right, bottom) that all of ``region``'s ink makes."""
    rows = np.nonzero(region.any(axis=1))[0]
    cols = np.nonzero(region.any(axis=0))[0]
    if not _is_square_size((cols[-1] - cols[0] + 1) / scale, (rows[-1] - rows[0] + 1) / scale):
        return None
    # An outline: a horizontal and a vertical edge mostly ink (one of each side may be faint
    # or cut by a heavy mark; the best of two neighbouring rows / columns is taken).
    body = region[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    if min(body.shape) <= 3:
        return None
    # One edge of each pair is enough here, judged strictly: the outermost two rows / columns.
    top, bottom, left, right = _edge_inks(body, 2)
    if max(top, bottom) < 0.6 or max(left, right) < 0.6:
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def _blob_square(region: np.ndarray, scale: float, middle: float
                 ) -> tuple[int, int, int, int] | None:
    """The rightmost blob of ``region`` (pixels) that is a square outline beside ``middle``
    (points from the region's top).  All four edges must be ink here: letters run together
    by blur ("ct" of "Fact") make blobs a square's size too."""
    import cv2

    count, _, stats, _ = cv2.connectedComponentsWithStats(region.astype(np.uint8),
                                                          connectivity=8)
    best = None
    for left, top, width, height, _ in stats[1:count]:
        if not _is_square_size(width / scale, height / scale) or \
                not top / scale - 2 <= middle <= (top + height) / scale + 2 or \
                min(width, height) <= 3:
            continue
        body = region[top:top + height, left:left + width]
        band = max(2, min(round(0.75 * scale), min(body.shape) // 4))
        if min(_edge_inks(body, band)) >= 0.6 and (best is None or left > best[0]):
            best = (int(left), int(top), int(left + width), int(top + height))
    return best


def _edge_inks(body: np.ndarray, band: int) -> tuple[float, float, float, float]:
    """How much of each edge of a square's bounding box (pixels; top, bottom, left, right) is
    ink: the best of the ``band`` outermost rows / columns.  A blob's four edges are judged
    over about 0.75 pt, since a fax's square may have a corner pulled out ("[ ]" with a notch)
    that widens the box past its outline."""
    return (max(body[i].mean() for i in range(band)),
            max(body[-1 - i].mean() for i in range(band)),
            max(body[:, j].mean() for j in range(band)),
            max(body[:, -1 - j].mean() for j in range(band)))
