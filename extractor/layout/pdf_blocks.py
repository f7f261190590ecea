"""Lay a PDF page's words out as the text-dump reader's lines, using the rectangles it draws.

* Rectangles that share a top and bottom edge and sit side by side are a **table row**: every
  word goes to the cell it lies in, and the row becomes one markdown row - empty cells and all,
  so the row's cells line up with the table's columns.  Words that wrap inside a cell join it.
* A rectangle standing alone is a **box** (box 1, the OMB box, a title bar): its words become
  plain lines, box by box, so what a box holds stays together.
* A small square is a **check box**: "X" when a mark is drawn in it, "[ ]" otherwise, placed
  where the square is, so the line reads "X Director [ ] 10% Owner".
* Other words become plain lines in reading order.

Each emitted line keeps its page and bounding box, for provenance.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass

from extractor.ingest.pdf_words import PdfPage, Rect, Word

#: Check boxes are squares between these sizes (points).
_SQUARE = (4.0, 10.0)
#: Words whose tops differ by less than this share a line.
_LINE_TOLERANCE = 2.5
#: Cells whose tops and bottoms differ by less than this (points) are in one table row.
_EDGE_TOLERANCE = 1.2


@dataclass(frozen=True, slots=True)
class LaidLine:
    """One line for the text-dump reader, with where it came from."""

    text: str
    page: int
    bbox: tuple[float, float, float, float]
    #: The words the line was laid out from, in the order of its text (a scan's value is read
    #: again from their boxes; their confidences judge it).
    words: tuple[Word, ...] = ()

    def confidence_of(self, raw: str) -> float:
        """The lowest confidence of the line's words that make up ``raw`` (1.0 if none)."""
        # Brackets and bars round a value ("[ TSLA ]") are not the value.
        tokens = {t for t in raw.split() if any(ch.isalnum() for ch in t)}
        return min((w.confidence for w in self.words if w.text in tokens), default=1.0)


def _is_square(rect: Rect) -> bool:
    return _SQUARE[0] <= rect.width <= _SQUARE[1] and abs(rect.width - rect.height) < 1.5


def lines_of(words: list[Word]) -> list[list[Word]]:
    """Words grouped into lines by their tops, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - word.top) < _LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _line(text: str, page: int, words: list[Word]) -> LaidLine:
    return LaidLine(text, page, _bbox(words), tuple(words))


def _bbox(words: list[Word]) -> tuple[float, float, float, float]:
    return (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words),
            max(w.bottom for w in words))


def grid_rows(cells: list[Rect]) -> list[list[Rect]]:
    """Rectangles sharing top and bottom, two or more side by side: the rows of a table.

    Edges within :data:`_EDGE_TOLERANCE` count as shared: a scan's rules, found in the pixels,
    wander by a fraction of a point along a row.
    """
    bands: list[list[Rect]] = []
    for rect in sorted(cells, key=lambda r: (r.top, r.x0)):
        for band in bands:
            if abs(band[0].top - rect.top) <= _EDGE_TOLERANCE and \
                    abs(band[0].bottom - rect.bottom) <= _EDGE_TOLERANCE:
                band.append(rect)
                break
        else:
            bands.append([rect])
    rows = []
    for band in bands:
        band.sort(key=lambda r: r.x0)
        touching = all(abs(a.x1 - b.x0) < 1.5 for a, b in itertools.pairwise(band))
        if len(band) >= 2 and touching:
            rows.append(band)
    return rows


class _RectIndex:
    """Rectangles bucketed by the bands of the page they span, so that finding the ones that
    hold a word looks at a handful, not at every cell of the page for every word."""

    BAND = 24.0  # points

    def __init__(self, rects: list[Rect]) -> None:
        self.bands: dict[int, list[Rect]] = defaultdict(list)
        for rect in rects:
            for band in range(int((rect.top - 1) // self.BAND),
                              int((rect.bottom + 1) // self.BAND) + 1):
                self.bands[band].append(rect)

    def smallest_holding(self, word: Word) -> Rect | None:
        """The smallest rectangle that holds ``word``'s middle, if any."""
        holding = [r for r in self.bands.get(int(word.cy // self.BAND), ())
                   if r.contains(word.cx, word.cy)]
        return min(holding, key=lambda r: r.width * r.height) if holding else None


def lay_out_page(page: PdfPage) -> list[LaidLine]:
    """The page as the reader's lines, in reading order."""
    squares = [r for r in page.rects if _is_square(r)]
    big = [r for r in page.rects if not _is_square(r) and r.width >= 3 and r.height >= 6]
    rows = grid_rows(big)
    row_cells = [cell for row in rows for cell in row]
    row_of = {id(cell): index for index, row in enumerate(rows) for cell in row}
    boxes = [r for r in big if id(r) not in row_of]

    words = list(page.words)
    for square in squares:  # an empty check box reads "[ ]", a marked one keeps its "X"
        if not any(square.contains(w.cx, w.cy) for w in words):
            words.append(Word("X" if square.filled else "[ ]", square.x0, square.x1,
                              square.top, square.bottom, page.number))

    in_cell: dict[int, list[Word]] = defaultdict(list)
    in_box: dict[int, list[Word]] = defaultdict(list)
    free: list[Word] = []
    cell_index, box_index = _RectIndex(row_cells), _RectIndex(boxes)
    for word in words:
        cell = cell_index.smallest_holding(word)
        if cell is not None:
            in_cell[id(cell)].append(word)
            continue
        box = box_index.smallest_holding(word)
        if box is not None:
            in_box[id(box)].append(word)
        else:
            free.append(word)

    blocks: list[tuple[float, float, list[LaidLine]]] = []
    for row in rows:
        texts, found = [], []
        for cell in row:
            cell_words = [w for line in lines_of(in_cell[id(cell)]) for w in line]
            found += cell_words
            texts.append(" ".join(w.text for w in cell_words).replace("|", "/"))
        if found:
            laid = _line("| " + " | ".join(texts) + " |", page.number, found)
            blocks.append((row[0].top, row[0].x0, [laid]))
    for box in boxes:
        if in_box[id(box)]:
            lines = [_line(" ".join(w.text for w in line), page.number, line)
                     for line in lines_of(in_box[id(box)])]
            blocks.append((box.top, box.x0, lines))
    for line in lines_of(free):
        blocks.append((line[0].top, line[0].x0,
                       [_line(" ".join(w.text for w in line), page.number, line)]))
    blocks.sort(key=lambda block: (round(block[0]), block[1]))
    return [line for _, _, lines in blocks for line in lines]
