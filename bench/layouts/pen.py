"""Drawing on a reportlab canvas in the layout's look, in top-down page coordinates.

The families lay pages out from the top, as a reader of the page sees them, so the pen takes
``top`` (points from the top edge to the top of a text line) and turns it into reportlab's
bottom-up baselines.  It draws the things every family shares: text in the drawn fonts, values
with footnote marks (inline "(1)" or raised, smaller superscripts), wrapped paragraphs, rules
and frames in the drawn border style, and check marks in the drawn check style.

A dry run (``with pen.dry():``) measures without drawing, so a family can size a box from its
content before drawing its frame.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from bench.layouts.printing import Printed, mark_text
from bench.layouts.spec import COLOURS, FONTS, LayoutSpec

#: Baseline below the top of a line, as a share of the font size.
ASCENT = 0.78
#: Superscript marks: their size and how far their baseline is raised, as shares of the size.
SUPER_SIZE, SUPER_RISE = 0.62, 0.36
BLACK = (0.0, 0.0, 0.0)
#: ZapfDingbats glyphs: "4" is a heavy check mark (✔), "8" a heavy ballot cross (✘).
ZAPF_CHECK, ZAPF_CROSS = "4", "8"


class Pen:
    """A canvas with the spec's fonts, colours, marks and check style."""

    def __init__(self, spec: LayoutSpec, size: tuple[float, float]) -> None:
        self.spec = spec
        self.width, self.height = size
        self._buffer = io.BytesIO()
        # invariant=1: no time stamps or random ids, so one seed gives the same bytes.
        self.canvas = Canvas(self._buffer, pagesize=size, invariant=1)
        self._dry = False
        self.pages = 1

    # -- faces -------------------------------------------------------------------------------
    def label_face(self, bold: bool = False) -> str:
        regular, heavy = FONTS[self.spec.label_font]
        return heavy if bold or self.spec.label_bold else regular

    def value_face(self, bold: bool = False) -> str:
        regular, heavy = FONTS[self.spec.value_font]
        return heavy if bold else regular

    def bold_face(self) -> str:
        return FONTS[self.spec.label_font][1]

    @property
    def value_colour(self) -> tuple[float, float, float]:
        return COLOURS[self.spec.value_colour]

    def label(self, text: str) -> str:
        """A label as this layout prints labels (bold caps in some agent looks)."""
        return text.upper() if self.spec.label_caps else text

    # -- measuring ---------------------------------------------------------------------------
    @staticmethod
    def measure(text: str, font: str, size: float) -> float:
        return stringWidth(text, font, size)

    def marked_width(self, value: Printed, font: str, size: float) -> float:
        width = self.measure(value.text, font, size)
        if value.marks:
            marks = mark_text(value.marks, self.spec.marker)
            if self.spec.marker.startswith("super"):
                width += 0.6 + self.measure(marks, font, size * SUPER_SIZE)
            else:
                gap = " " if self.spec.marker == "paren_space" and value.text else ""
                width += self.measure(gap + marks, font, size)
        return width

    def wrap(self, text: str, font: str, size: float, width: float) -> list[str]:
        """Greedy word wrap (words are never broken: a too-long word gets a line of its own)."""
        lines: list[str] = []
        current = ""
        for word in text.split():
            trial = f"{current} {word}" if current else word
            if current and self.measure(trial, font, size) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        if current:
            lines.append(current)
        return lines or [""]

    def wrap_marked(self, value: Printed, font: str, size: float, width: float
                    ) -> list[Printed]:
        """``value`` wrapped to ``width``; the footnote marks ride on the last line."""
        if not value.text:
            return [value]
        mark_room = self.marked_width(Printed("", value.marks), font, size) + 1
        lines = self.wrap(value.text, font, size, width)
        if len(lines) > 1 or self.marked_width(value, font, size) > width:
            lines = self.wrap(value.text, font, size, max(width - mark_room, width * 0.5))
        return [Printed(line) for line in lines[:-1]] + [Printed(lines[-1], value.marks)]

    # -- drawing -----------------------------------------------------------------------------
    @contextmanager
    def dry(self) -> Iterator[None]:
        """Measure without drawing."""
        before, self._dry = self._dry, True
        try:
            yield
        finally:
            self._dry = before

    def text(self, x: float, top: float, text: str, font: str, size: float,
             colour: tuple[float, float, float] = BLACK, align: str = "left") -> float:
        """Draw ``text`` with its line top at ``top``; return its width."""
        width = self.measure(text, font, size)
        if self._dry or not text:
            return width
        x = x - width if align == "right" else x - width / 2 if align == "center" else x
        self.canvas.setFillColorRGB(*colour)
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, self.height - top - size * ASCENT, text)
        return width

    def marked(self, x: float, top: float, value: Printed, font: str, size: float,
               colour: tuple[float, float, float] | None = None, align: str = "left") -> float:
        """Draw a value and its footnote marks; return the width drawn."""
        colour = self.value_colour if colour is None else colour
        width = self.marked_width(value, font, size)
        x = x - width if align == "right" else x - width / 2 if align == "center" else x
        drawn = self.text(x, top, value.text, font, size, colour)
        if value.marks:
            marks = mark_text(value.marks, self.spec.marker)
            if self.spec.marker.startswith("super"):
                small = size * SUPER_SIZE
                rise = size * SUPER_RISE
                # The raised mark's line top: its baseline sits ``rise`` above the value's.
                self.text(x + drawn + 0.6, top + size * ASCENT - rise - small * ASCENT, marks,
                          font, small, colour)
            else:
                gap = " " if self.spec.marker == "paren_space" and value.text else ""
                self.text(x + drawn, top, gap + marks, font, size, colour)
        return width

    def paragraph(self, x: float, top: float, text: str, font: str, size: float, width: float,
                  colour: tuple[float, float, float] = BLACK, leading: float = 1.2) -> float:
        """Draw wrapped text; return the top of the line after it."""
        for line in self.wrap(text, font, size, width):
            self.text(x, top, line, font, size, colour)
            top += size * leading
        return top

    def rule(self, x0: float, top: float, x1: float, weight: float = 0.5) -> None:
        if self._dry:
            return
        self.canvas.setStrokeColorRGB(*BLACK)
        self.canvas.setLineWidth(weight)
        self.canvas.line(x0, self.height - top, x1, self.height - top)

    def vrule(self, x: float, top: float, bottom: float, weight: float = 0.5) -> None:
        if self._dry:
            return
        self.canvas.setStrokeColorRGB(*BLACK)
        self.canvas.setLineWidth(weight)
        self.canvas.line(x, self.height - top, x, self.height - bottom)

    def frame(self, x0: float, top: float, x1: float, bottom: float, sides: str = "tlbr",
              weight: float = 0.5) -> None:
        """Draw the named sides (t, l, b, r) of a box: lines, so borders as rectangles are
        drawn as a ``rect`` only when all four sides are asked for."""
        if self._dry or not sides:
            return
        if sides == "tlbr":
            self.canvas.setStrokeColorRGB(*BLACK)
            self.canvas.setLineWidth(weight)
            self.canvas.rect(x0, self.height - bottom, x1 - x0, bottom - top, fill=0)
            return
        if "t" in sides:
            self.rule(x0, top, x1, weight)
        if "b" in sides:
            self.rule(x0, bottom, x1, weight)
        if "l" in sides:
            self.vrule(x0, top, bottom, weight)
        if "r" in sides:
            self.vrule(x1, top, bottom, weight)

    def box_sides(self) -> str:
        """Which sides of a header box the drawn border style draws."""
        return {"rect": "tlbr", "lines": "t", "partial": "tl", "none": ""}[self.spec.border]

    def check(self, x: float, top: float, size: float, checked: bool) -> float:
        """Draw a check mark (or its empty place) in the drawn style; return its width.

        Styles: "x" an X in a square; "square" a filled square in a square (no text at all);
        "zapf_check"/"zapf_cross" a ZapfDingbats ✔ or ✘ in a square; "bracket" the text "[X]"
        or "[ ]"; "underscore" the text "__X__" or "_____", as typed on the paper form's
        underscores.
        """
        style = self.spec.check
        font = self.value_face()
        colour = self.value_colour
        if style == "bracket":
            return self.text(x, top, "[X]" if checked else "[ ]", font, size, colour) + 2
        if style == "underscore":
            return self.text(x, top, "__X__" if checked else "_____", font, size, colour) + 3
        side = size * 0.9
        box_top = top + size * 0.05
        if not self._dry:
            self.canvas.setStrokeColorRGB(*BLACK)
            self.canvas.setLineWidth(0.5)
            self.canvas.rect(x, self.height - box_top - side, side, side, fill=0)
        if checked and not self._dry:
            if style == "square":
                inset = side * 0.2
                self.canvas.setFillColorRGB(*colour)
                self.canvas.rect(x + inset, self.height - box_top - side + inset,
                                 side - 2 * inset, side - 2 * inset, stroke=0, fill=1)
            elif style.startswith("zapf"):
                glyph = ZAPF_CHECK if style == "zapf_check" else ZAPF_CROSS
                self.text(x + side * 0.12, box_top + side * 0.1, glyph, "ZapfDingbats",
                          side * 0.85, colour)
            else:
                self.text(x + side / 2, box_top + side * 0.08, "X", "Helvetica-Bold",
                          side * 0.95, colour, align="center")
        return side + 3

    def show_page(self) -> None:
        """End this page and start the next."""
        self.canvas.showPage()
        self.pages += 1

    def finish(self) -> bytes:
        self.canvas.save()
        return self._buffer.getvalue()
