"""The page model every visual input is read into: positioned words and, where drawn, rules.

A born-digital PDF's text layer and a scan's OCR words end up as the same :class:`Page`, so
the layout stage reads both alike.  Drawn rectangles and lines are optional evidence: many
layouts have only lines, or no borders at all, and nothing downstream requires them.

Coordinates are PDF points (1/72 inch) from the page's top-left corner.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Word:
    """A word on a page; coordinates in points from the page's top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    #: How sure the reader is of the text, 0-1: 1 for a PDF's text layer, OCR's confidence
    #: for a scan's word.
    confidence: float = 1.0
    #: The font size in points, where the input says (a PDF's text layer); else None.
    size: float | None = None

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True, slots=True)
class Rect:
    """A drawn rectangle, or a line thickened into one (a rule is a very thin rectangle)."""

    x0: float
    x1: float
    top: float
    bottom: float
    #: Painted with a dark fill (a check box "checked" by filling it).
    filled: bool = False

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def contains(self, x: float, y: float, slack: float = 0.5) -> bool:
        return (self.x0 - slack <= x <= self.x1 + slack
                and self.top - slack <= y <= self.bottom + slack)


@dataclass(frozen=True, slots=True)
class Page:
    """One page: its number (from 1), size in points, words, and drawn rectangles and rules."""

    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    rects: tuple[Rect, ...] = ()
