"""Raised footnote markers on a scanned page, found by their ink and read again enlarged.

A footnote marker printed raised and small ("2556.7346⁽²⁾", "Stock⁽¹⁾") is, at the page's
size, too small for tesseract: it reads it as marks glued to the word ("2556.7346”",
"2562.084°)") or leaves it out.  Its ink tells it apart: it stands above the word's
baseline, where the word's own letters reach down to it.  Each such marker is cut out,
enlarged to a size tesseract reads digits at, and read again with the table's cells
(:func:`extractor.assemble.scan_cells.reread_cells`); a reading that is a footnote number
becomes a word of its own, "(2)", set where the marker stands
(docs/design-notes.md#raised-markers).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right

import numpy as np
from PIL import Image

from extractor.ingest.ocr import OcrWord
from extractor.layout.scan_rules import INK

Box = tuple[float, float, float, float]

#: A word read with marks after its last letter or digit: what tesseract makes of a raised
#: marker glued to it ("2556.7346”", "2562.084°)", "Trust®").
_MARKED_END = re.compile(r"^(?P<body>.*[A-Za-z0-9])(?P<marks>[°®’”“\"'*>»%()?]+)$")
#: A marker read again: one or more footnote numbers, bracketed or not ("(2)", "2", "1,3").
_MARKER_READING = re.compile(r"^\(?[1-9]\d?\)?(?:[,(]\(?[1-9]\d?\)?)*$")
#: The share of a word's height at its foot where its letters stand and a raised marker does
#: not: the marker's ink ends above it.
BASELINE_BAND = 0.3
#: How far right of a word (in word heights) a marker left out of every word may stand,
#: and how wide it may be.
MARKER_REACH = 0.6
MARKER_WIDTH = 1.8
#: The least tesseract confidence (0-100) at which a marker's reading is taken.
MARKER_CONFIDENCE = 70.0
BRACKETED_CONFIDENCE = 50.0
_BRACKETED = re.compile(r"^(?:\([1-9]\d?\))+$")


@dataclasses.dataclass(frozen=True)
class MarkerTarget:
    """A place where a raised marker may stand, to be read again."""

    #: The marker's box (points), as cut out.
    box: Box
    #: The word the marker follows.
    host: OcrWord
    #: The host's text without the marks tesseract glued to it, and where that text ends
    #: (points); None when the marker was left out of every word.
    body: str | None
    body_end: float


def marker_targets(image: Image.Image, dpi: float, found: list[OcrWord]) -> list[MarkerTarget]:
    """Where raised markers stand on the page: inside a word's box after its foot's last ink
    (read as marks glued to it, or not read at all), or beside a word's top with no word
    over them.  A marker is ink of its own: a stroke of the word's last letter ("7", "T")
    reaching past its foot is not one."""
    import cv2

    px = dpi / 72.0
    ink = np.asarray(image.convert("L"), dtype=np.uint8) < INK
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    blobs = sorted((x / px, y / px, (x + w) / px, (y + h) / px)
                   for x, y, w, h, _ in stats[1:count])
    lefts = [b[0] for b in blobs]
    covered = sorted((w.word.x0, w.word.x1, w.word.top, w.word.bottom) for w in found)
    covered_lefts = [c[0] for c in covered]
    targets: list[MarkerTarget] = []
    for item in found:
        word = item.word
        height = word.bottom - word.top
        marked = _MARKED_END.match(word.text)
        if height <= 0 or (marked and not _marks_are_stray(word.text, marked["marks"])) or \
                (not marked and not word.text[-1:].isalnum()):
            continue
        body = marked["body"] if marked else word.text
        end = _foot_end(ink, px, word.x0, word.x1, word.top, word.bottom)
        if end is None:
            continue
        # raised ink of its own after the foot's last ink, inside the word's box or beside it
        reach = max(word.x1, end) + MARKER_REACH * height
        near = [b for b in blobs[bisect_left(lefts, end - 0.1):bisect_right(lefts, reach)]
                if b[3] <= word.bottom - BASELINE_BAND * height and
                b[1] >= word.top - 0.5 * height and 0.25 * height <= b[3] - b[1] <= 0.85 * height
                and (b[0] < word.x1 or not _under_a_word(b, covered, covered_lefts))]
        if not near:
            continue
        box = (min(b[0] for b in near), min(b[1] for b in near),
               max(b[2] for b in near), max(b[3] for b in near))
        if box[2] - box[0] > MARKER_WIDTH * height:
            continue
        pad = 0.2 * height
        targets.append(MarkerTarget((box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad),
                                    item, body if marked or box[0] < word.x1 else None, end))
    return targets


def read_markers(targets: list[MarkerTarget], readings: list[list[OcrWord]]
                 ) -> tuple[set[int], list[OcrWord]]:
    """The words replaced (their ids) and the words that replace them, for the markers read
    as footnote numbers: a word with glued marks gives up its marks to a marker word."""
    replaced: set[int] = set()
    extra: list[OcrWord] = []
    for target, again in zip(targets, readings, strict=True):
        text = "".join(w.word.text for w in again).lstrip("'\"\\`")
        # both brackets read is the marker's shape read: its digits are taken from less
        least = BRACKETED_CONFIDENCE if _BRACKETED.match(text) else MARKER_CONFIDENCE
        if not again or not _MARKER_READING.match(text) or \
                min(w.confidence for w in again) < least:
            continue
        numbers = re.findall(r"[1-9]\d?", text)
        host = target.host
        x0 = max(target.body_end, min(w.word.x0 for w in again))
        marker = dataclasses.replace(
            host.word, text="".join(f"({n})" for n in numbers), x0=x0,
            x1=max(x0 + 0.5, max(w.word.x1 for w in again)),
            top=min(w.word.top for w in again), bottom=max(w.word.bottom for w in again))
        extra.append(OcrWord(marker, host.confidence, host.line))
        if target.body is not None:
            replaced.add(id(host))
            extra.append(OcrWord(dataclasses.replace(host.word, text=target.body,
                                                     x1=target.body_end),
                                 host.confidence, host.line))
    return replaced, extra


def _marks_are_stray(text: str, marks: str) -> bool:
    """Whether a word's closing marks are not its own: a ")" closing a "(" the word opened
    ("(I)", "(right") is print, as is a full stop's neighbour "?"."""
    if set(marks) <= {")"} and text.count("(") >= text.count(")"):
        return False
    return not (marks == "?" and not text[:-1].replace(",", "").replace(".", "").isdigit())


def _foot_end(ink: np.ndarray, px: float, x0: float, x1: float, top: float,
              bottom: float) -> float | None:
    """Where (points) a word's ink at its foot ends: a raised marker has none there."""
    height = bottom - top
    rows = slice(int((bottom - BASELINE_BAND * height) * px), int(bottom * px) + 1)
    cols = ink[rows, int(x0 * px):int(x1 * px) + 1].any(axis=0)
    inked = np.flatnonzero(cols)
    if not len(inked):
        return None
    return x0 + (inked[-1] + 1) / px


def _under_a_word(blob: Box, covered: list[Box], lefts: list[float]) -> bool:
    cx, cy = (blob[0] + blob[2]) / 2, (blob[1] + blob[3]) / 2
    for x0, x1, top, bottom in covered[:bisect_right(lefts, cx)]:
        if x0 <= cx <= x1 and top <= cy <= bottom:
            return True
    return False
