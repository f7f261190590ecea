"""Tesseract's words tidied before layout: debris dropped, punctuation it split off joined
back, the full stops its sparse pass dropped restored from the pixels, dates split at a wide
digit joined, and a word that is no word repaired where one look-alike reading is left.

Each step is a small function over :class:`~extractor.ingest.ocr.OcrWord` lists, called in
order by :mod:`extractor.assemble.scan` for each page.
"""

from __future__ import annotations

import dataclasses
import re
from typing import cast

import numpy as np
from PIL import Image

from extractor.fields.cells import REPAIRED_CONFIDENCE
from extractor.fields.dates import is_date_word
from extractor.fields.ocr_repair import repair_misread_word, repair_roman_numeral
from extractor.ingest.ocr import OcrWord
from extractor.ingest.pdf_words import Word
from extractor.knowledge import labels as K
from extractor.knowledge.codes import SECURITY_TITLE_WORDS
from extractor.knowledge.lexicon import is_known_word
from extractor.knowledge.ocr_confusions import BRACES_AS_PARENTHESES
from extractor.layout.scan_rules import INK

_DEBRIS = re.compile(r"^[\W_]+$")
#: Punctuation-only tokens that are print, not debris: brackets round a ticker, "$", "(1)",
#: "/" of "Name / Address", "&" of a company name, the dash of "Exhibit 24 - Power", the colon
#: of "By : /s/".
_KEPT_MARKS = re.compile(r"\(\d+\)|[$%()\[\]/&:-]|\*+")
_EDGE_JUNK = "‘’'`|!_—–=~"


#: A check box with a mark, as OCR reads it: "[xX]", "[X", "(X)", "X]".
_MARKED_BOX = re.compile(r"[\[(|][xX]{1,2}[\])|]?|[xX]{1,2}[\])|]")
#: A lone stroke that OCR could not settle: "I", "l", "1", or a rule's remnant.
STROKE = re.compile(r"[|!\[\]]")
#: The confidence (0-100) left to a word beside a dropped stroke.
BESIDE_DROPPED = 60.0


def beside_dropped_strokes(kept: list[OcrWord], dropped: list[OcrWord]) -> set[int]:
    """The ids of the words just left of a stroke that was dropped as debris ("Unitrust |",
    where the print says "Unitrust I"): they may have lost a letter, so their value is checked
    rather than passed short, even when a second engine reads it alike (it skips a lone
    stroke too)."""
    doubted: set[int] = set()
    for stroke in dropped:
        near = [w for w in kept if 0 <= stroke.word.x0 - w.word.x1 < 4
                and abs(w.word.cy - stroke.word.cy) < 3]
        doubted.update(id(w) for w in near)
    return doubted


def tidy_word(item: OcrWord) -> OcrWord | None:
    """Rule fragments and stray marks dropped; quote and bar debris trimmed off word edges;
    "company’s" as "company's"."""
    # Inside a word a typographic apostrophe is tesseract's rendering of the typed one.
    text = repair_roman_numeral(item.word.text.strip(_EDGE_JUNK)).replace("’", "'")
    text = text.translate(BRACES_AS_PARENTHESES)
    if text.endswith("..") and not text.endswith("..."):
        text = text[:-1]  # a speck read as a second full stop: prose has one, or three
    if _MARKED_BOX.fullmatch(text):
        text = "X"  # a marked check box tesseract read as text, its square not found
    if not text or (_DEBRIS.match(text) and not _KEPT_MARKS.fullmatch(text)):
        return None
    if text == item.word.text:
        return item
    return OcrWord(dataclasses.replace(item.word, text=text), item.confidence, item.line)


_PUNCTUATION = {".", ",", ";", ":", ")"}
#: Widest gap (points) across which a mark joins the word before it: a full stop or comma
#: sits close; a colon may be typed after a space ("By : /s/"), whose gap is a space's, about
#: 2 points at the form's size.
_GLUE_GAP = {":": 1.2, ";": 1.2, ")": 3.0}


def glue_punctuation(found: list[OcrWord]) -> list[OcrWord]:
    """A full stop, comma or closing bracket that tesseract returned as a word of its own
    ("price" ".", "buy" ")") joins the word it follows on the line; alone it would be dropped
    as debris, or read as a space inside the brackets ("(right to buy )")."""
    marks = [w for w in found if w.word.text in _PUNCTUATION]
    if not marks:
        return found
    glued: dict[int, tuple[str, float]] = {}
    used: set[int] = set()
    for mark in marks:
        gap = _GLUE_GAP.get(mark.word.text, 2.5)
        before = [w for w in found if w.word.text not in _PUNCTUATION
                  and 0 <= mark.word.x0 - w.word.x1 < gap
                  and w.word.top - 1 <= mark.word.cy <= w.word.bottom + 2]
        if before:
            word = max(before, key=lambda w: w.word.x1)
            text, _ = glued.get(id(word), (word.word.text, word.word.x1))
            glued[id(word)] = (text + mark.word.text, mark.word.x1)
            used.add(id(mark))
    return [OcrWord(dataclasses.replace(w.word, text=glued[id(w)][0], x1=glued[id(w)][1]),
                    w.confidence, w.line)
            if id(w) in glued else w for w in found if id(w) not in used]


def restore_full_stops(image: Image.Image, dpi: float, found: list[OcrWord]
                        ) -> list[OcrWord]:
    """Full stops that tesseract's sparse-text pass left out ("price The shares", "Revocable."
    for "Revocable...") are put back where the pixels show them: small, round dots on the
    baseline just after the word, with no ink above them.  Not on a fax, where a dot may be a
    speck of noise (on office scans it put "Revocable..." right, and nothing wrong)."""
    pixels = np.asarray(image, dtype=np.uint8)
    scale = dpi / 72.0
    out = []
    for item in found:
        word = item.word
        stops = 0
        if word.text[-1:].isalnum() or word.text.endswith("."):
            read_stops = len(word.text) - len(word.text.rstrip("."))
            stops = dots_after(pixels, scale, word, most=3 - read_stops)  # an ellipsis at most
        if stops:
            item = OcrWord(dataclasses.replace(word, text=word.text + "." * stops),
                           item.confidence, item.line)
        out.append(item)
    return out


def dots_after(pixels: np.ndarray, scale: float, word: Word, most: int) -> int:
    """How many full stops (at most ``most``) the pixels show right after ``word``."""
    height = word.bottom - word.top
    x = word.x1 + 0.02 * height
    y0, y1 = int(word.top * scale), int((word.bottom + 0.05 * height) * scale)
    count = 0
    while count < most:
        x0, x1 = int(x * scale), int((x + 0.5 * height) * scale)
        region = pixels[y0:y1, x0:x1] < INK
        if region.size == 0 or not region.any():
            break
        columns = cast(np.ndarray, region.any(axis=0))  # a 2-D region: one per column
        first = int(np.argmax(columns))
        # The blob: the run of inked columns from the first one.
        blank = np.nonzero(~columns[first:])[0]
        if blank.size == 0:
            break  # runs off the window: wider than a dot
        last = first + int(blank[0]) - 1
        blob = region[:, first:last + 1]
        rows = np.nonzero(blob.any(axis=1))[0]
        dot_h, dot_w = (rows[-1] - rows[0] + 1) / scale, (last - first + 1) / scale
        low = rows[0] >= 0.5 * (y1 - y0)  # only low in the line: no letter there
        if not (low and 0.4 <= dot_w <= 0.2 * height + 0.6 and 0.4 <= dot_h <= 1.5 * dot_w):
            break
        if count and first / scale > 0.35 * height:
            break  # too far from the dot before it: the next one is a word's
        count += 1
        x += (last + 1) / scale
    return count




def join_split_dates(found: list[OcrWord]) -> list[OcrWord]:
    """A date tesseract split in two at a wide digit ("04/1" "2/2024": a "1" leaves a gap as
    wide as a space) is one word again, when the pieces sit closer than a space and together,
    but not apart, make a full date."""
    ordered = sorted(found, key=lambda w: (w.word.page, round(w.word.top), w.word.x0))
    out: list[OcrWord] = []
    for item in ordered:
        last = out[-1].word if out else None
        word = item.word
        if last is not None and abs(last.top - word.top) < 2 and \
                0 <= word.x0 - last.x1 < 0.3 * (word.bottom - word.top) and \
                is_date_word(last.text + word.text) and \
                not is_date_word(last.text) and not is_date_word(word.text):
            joined = dataclasses.replace(last, text=last.text + word.text, x1=word.x1)
            out[-1] = OcrWord(joined, min(out[-1].confidence, item.confidence), out[-1].line)
            continue
        out.append(item)
    return out


def repair_misread_ocr_word(item: OcrWord) -> OcrWord:
    """A word that is no word, which one look-alike slip or two turn into exactly one word of
    English or of the form ("fegarding", "eamed", "muitiple"), as that word
    (:func:`extractor.fields.ocr_repair.repair_misread_word`).  A word in capitals (a name, a
    ticker) is left alone, and a capitalised one is changed only into a word of security
    titles ("Cornmon" -> "Common") or of box 1's sub-labels ("Middie" -> "Middle"), because a
    name is no English word either.  Like a repaired cell, it is kept at no more than
    :data:`~extractor.fields.cells.REPAIRED_CONFIDENCE`."""
    fixed = repair_misread_word(item.word.text, is_known_word, _is_form_word)
    if fixed is None:
        return item
    return OcrWord(dataclasses.replace(item.word, text=fixed),
                   min(item.confidence, 100.0 * REPAIRED_CONFIDENCE), item.line)


#: Capitalised words of the form that a capitalised misreading may be repaired into.
_FORM_WORDS = SECURITY_TITLE_WORDS | {label.strip("()").lower()
                                      for label in (*K.NAME_SUBLABELS, *K.ADDRESS_SUBLABELS)}


def _is_form_word(token: str) -> bool:
    return token.lower() in _FORM_WORDS

