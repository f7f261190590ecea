"""Which scanned values are read a second time, where their words are, and the reading.

Tesseract's confidence tells a right reading from a wrong one badly on a poor page (a fax's 05
read as 06 with confidence 0.9).  A value that tesseract's reading cannot pass
(:mod:`extractor.assemble.scan_trust`) is read again, from the pixels under its words, by an
engine that goes wrong in other ways (:mod:`extractor.ingest.line_reader`); the two readings are
weighed in :mod:`extractor.assemble.scan_reconcile`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PIL import Image

from extractor.ingest.line_reader import read_lines
from extractor.ingest.pdf_words import Word
from extractor.layout.pdf_blocks import LaidLine, lines_of
from extractor.layout.value_words import find_value_runs

#: How far (in line heights) the second engine looks beyond tesseract's words on either side,
#: short of the next word: a letter tesseract dropped as debris ("Unitrust |" for "Unitrust I")
#: then shows up as a difference instead of passing unseen.
_BEYOND = 0.6
#: The longest region (in line heights) the second engine is given in one piece.
_LONGEST = 25
#: White (points) kept above and below a line for the second engine, which was trained on
#: lines cut with some.
_MARGIN = 1.5

Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class ValueWords:
    """The words a value was read from: where they are, and what tesseract read."""

    #: (index of the laid line, index of the first word in it, number of words) per laid line.
    runs: tuple[tuple[int, int, int], ...]
    page: int
    #: The boxes (points) the second engine reads: one per printed line the value runs over,
    #: or more when a line is long.
    regions: tuple[Box, ...]
    #: Tesseract's reading: the words, one space apart.
    text: str


def find_value_words(laid: Sequence[LaidLine], start: int, raw: str) -> ValueWords | None:
    """The words of ``raw`` (a value's text) on the laid line ``start`` or just after it, and
    on the lines after that (:func:`extractor.layout.value_words.find_value_runs`), or
    ``None`` when they are not all found in order or lie on more than one page."""
    runs = find_value_runs(laid, start, raw)
    if runs is None:
        return None
    words = [w for i, first, count in runs for w in laid[i].words[first:first + count]]
    page = words[0].page
    if any(word.page != page for word in words):
        return None
    top, bottom = min(w.top for w in words), max(w.bottom for w in words)
    mine = {id(w) for w in words}
    # Words of other lines too: a ticker's brackets may be laid on a line of their own.
    neighbours = [w for line in laid if line.page == page and line.bbox[1] <= bottom
                  and line.bbox[3] >= top for w in line.words if id(w) not in mine]
    return ValueWords(tuple(runs), page, _regions(words, neighbours),
                      " ".join(w.text for w in words))


def _regions(words: list[Word], neighbours: list[Word]) -> tuple[Box, ...]:
    """One box per printed line of ``words``, widened by :data:`_BEYOND` on either side
    short of the ``neighbours`` on that line."""
    boxes = []
    for printed in lines_of(words):
        first, last = min(printed, key=lambda w: w.x0), max(printed, key=lambda w: w.x0)
        top, bottom = min(w.top for w in printed), max(w.bottom for w in printed)
        reach = _BEYOND * (bottom - top)
        beside = [w for w in neighbours if top <= w.cy <= bottom]
        # Halfway to a neighbour at most (its box may be narrower than its ink), and never
        # over one (a word's box may be wider than its ink: "Apple" over "inc. [ AAPL ]").
        after = min((w.x0 for w in beside if w.x0 > last.x0), default=float("inf"))
        before = max((w.x1 for w in beside if w.x0 < first.x0), default=float("-inf"))
        right = min(last.x1 + reach, (last.x1 + after) / 2 if after > last.x1 else after - 0.5)
        left = max(first.x0 - reach, (first.x0 + before) / 2 if before < first.x0
                   else before + 0.5)
        boxes += _pieces(sorted(printed, key=lambda w: w.x0),
                         (left, top - _MARGIN, max(right, left + 1.0), bottom + _MARGIN))
    return tuple(boxes)


def _pieces(words: list[Word], box: Box) -> list[Box]:
    """``box`` cut at word gaps into pieces no longer than :data:`_LONGEST` line heights: the
    second engine misreads long lines (docs/design-notes.md#second-engine).  Each cut is in the
    widest gap near its place, a space between words, not a narrow one tesseract may have made
    up inside a word or number."""
    left, top, right, bottom = box
    count = math.ceil((right - left) / (bottom - top - 2 * _MARGIN) / _LONGEST)
    gaps = [((a.x1 + b.x0) / 2, b.x0 - a.x1) for a, b in itertools.pairwise(words)]
    cuts = []
    for j in range(1, count):
        place, reach = left + j * (right - left) / count, (right - left) / (2 * count)
        near = [gap for gap in gaps if abs(gap[0] - place) <= reach]
        if near:
            cuts.append(max(near, key=lambda gap: gap[1])[0])
    edges = [left, *sorted(set(cuts)), right]
    return [(x0, top, x1, bottom) for x0, x1 in itertools.pairwise(edges)]


def read_again(images: Mapping[int, tuple[Image.Image, float]], values: Sequence[ValueWords]
               ) -> list[str]:
    """What the second engine reads for each value's words, one call per page.

    ``images`` maps a page number to the page image tesseract read (rules painted out) and its
    resolution.
    """
    readings = [""] * len(values)
    for page, (image, dpi) in images.items():
        mine = [(i, v) for i, v in enumerate(values) if v.page == page]
        texts = iter(found.text for found in read_lines(
            image, dpi, [box for _, value in mine for box in value.regions]))
        for i, value in mine:
            readings[i] = " ".join(next(texts) for _ in value.regions)
    return readings


@dataclass(frozen=True, slots=True)
class Doubted:
    """A value tesseract's reading could not pass, as the judge saw it."""

    path: str
    #: The laid line the value was placed on, and its text as the judge was given it.
    line: int
    raw: str
    words: ValueWords
    #: Of a note: the full stops the pixels show after its last word and its own (up to an
    #: ellipsis), which both engines may have dropped on a fax.
    stops_seen: int = 0
    #: A word of it stands just left of a stroke tesseract dropped as debris: a letter may be
    #: lost ("Unitrust I"), which the second engine skips as well.
    beside_dropped_stroke: bool = False
