"""Check boxes read by position: which mark printed beside which check-box label.

A mark is what the printer or the filer put there: an "X" or a check glyph, a filled square, an
X typed on the underscores of "_____ Director", "[X]", or, on a scan, the ink found inside a
drawn square (the scan reader turns it into an "X" word).  An empty drawn square, "[ ]" or bare
underscores say the box is printed and not checked.  Each mark belongs to the nearest label on
its line to its right (the form's convention); a mark with no label to its right belongs to the
nearest label to its left ("Director [X]").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.ingest.page import Rect, Word
from extractor.layout.geometric.anchors import Anchor

#: OCR reads an X typed on a line or in brackets as "xX", "_X_", "[X]": one to three of them.
_CHECKED = re.compile(r"^[\[(_|]*\s*(?:[xX×]{1,3}|[✓✔✗✘☒☑■█▪●]|\\/)\s*[\])_|]*$")
_EMPTY = re.compile(r"^(?:\[\s*\]|\(\s*\)|[☐□○]|_{2,})$")
#: Check boxes are squares of about this size (points).
SQUARE = (3.5, 16.0)
#: A mark is at most this many label heights away from its label.
REACH = 7.0


@dataclass(frozen=True, slots=True)
class Mark:
    """Something printed where a check box is: checked or printed empty."""

    checked: bool
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    word: Word | None = None


@dataclass(frozen=True, slots=True)
class CheckReading:
    """What a check-box label's marks say."""

    checked: bool
    #: The marks that decided, first the one shown for provenance; empty when nothing was
    #: printed beside the label (EDGAR's view prints nothing for an unchecked box).
    marks: tuple[Mark, ...]
    #: Why the reading is in doubt, if it is.
    doubt: str | None = None


def is_mark_word(text: str) -> bool:
    return bool(_CHECKED.match(text) or _EMPTY.match(text))


def marks_of(words: Sequence[Word], rects: Sequence[Rect], page: int) -> list[Mark]:
    """The marks among ``words`` and the squares among ``rects`` (a word inside a square
    says what the square holds)."""
    out: list[Mark] = []
    inside: set[int] = set()
    squares = [r for r in rects
               if SQUARE[0] <= r.width <= SQUARE[1] and abs(r.width - r.height) <= 2.0]
    for rect in squares:
        # A square drawn inside another is its fill, the mark of a checked box.
        if any(o is not rect and o.width > rect.width and
               o.contains((rect.x0 + rect.x1) / 2, (rect.top + rect.bottom) / 2, 0.0)
               for o in squares):
            continue
        fills = [r for r in rects if r.filled and r is not rect and r.width < rect.width and
                 rect.contains((r.x0 + r.x1) / 2, (r.top + r.bottom) / 2, 0.0)]
        held = [w for w in words if rect.contains(w.cx, w.cy, 1.0)]
        inside.update(id(w) for w in held)
        checked = rect.filled or bool(fills) or any(_CHECKED.match(w.text) for w in held)
        out.append(Mark(checked, rect.x0, rect.x1, rect.top, rect.bottom, page,
                        held[0] if held else None))
    for word in words:
        if id(word) in inside:
            continue
        if _CHECKED.match(word.text):
            out.append(Mark(True, word.x0, word.x1, word.top, word.bottom, page, word))
        elif _EMPTY.match(word.text):
            out.append(Mark(False, word.x0, word.x1, word.top, word.bottom, page, word))
    return out


def _on_line(mark: Mark, label: Anchor) -> bool:
    first = [w for w in label.words if w.top < label.top + 0.6 * label.height]
    top = min(w.top for w in first) - 0.4 * label.height
    bottom = label.bottom + 0.4 * label.height
    return mark.page == label.page and mark.bottom > top and mark.top < bottom


def _off_line(mark: Mark, label: Anchor) -> float:
    """How far the mark's middle is from the middle of the label's first line, doubled: of two
    labels about as far to the right, the one the mark is level with is its own."""
    first = [w for w in label.words if w.top < label.top + 0.6 * label.height]
    middle = sum((w.top + w.bottom) / 2 for w in first) / len(first)
    return 2.0 * abs((mark.top + mark.bottom) / 2 - middle)


def read_checks(labels: Sequence[Anchor], marks: Sequence[Mark]) -> dict[str, CheckReading]:
    """Each label's reading (keyed by label key)."""
    owned: dict[str, list[Mark]] = {label.key: [] for label in labels}
    for mark in marks:
        right = [(label.x0 - mark.x1 + _off_line(mark, label), label) for label in labels
                 if _on_line(mark, label) and
                 label.x0 >= mark.x1 - 1.0 and label.x0 - mark.x1 <= REACH * label.height]
        if right:
            owned[min(right, key=lambda pair: pair[0])[1].key].append(mark)
            continue
        left = [(mark.x0 - label.x1 + _off_line(mark, label), label) for label in labels
                if _on_line(mark, label) and
                mark.x0 >= label.x1 - 1.0 and mark.x0 - label.x1 <= REACH * label.height]
        if left:
            owned[min(left, key=lambda pair: pair[0])[1].key].append(mark)
    out: dict[str, CheckReading] = {}
    for key, found in owned.items():
        checked = [m for m in found if m.checked]
        doubt = "two marks beside one check box" if len(checked) > 1 else None
        out[key] = CheckReading(bool(checked), tuple(checked or found), doubt)
    return out
