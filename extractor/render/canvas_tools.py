"""Drawing primitives over a reportlab canvas, in top-down page coordinates.

reportlab puts the origin at the bottom left; forms are designed from the top.  :class:`Pen`
takes ``top`` (distance from the page's top edge) everywhere and converts.
"""

from __future__ import annotations

from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from extractor.render.style import RenderStyle


class Pen:
    """A canvas plus a style: text, wrapped text, boxes and check boxes."""

    def __init__(self, canvas: Canvas, style: RenderStyle) -> None:
        self.canvas = canvas
        self.style = style
        self.height = style.page_size[1]
        canvas.setLineWidth(style.line_width)

    def _y(self, top: float) -> float:
        return self.height - top

    def text(self, x: float, top: float, text: str, size: float | None = None,
             bold: bool = False, align: str = "left") -> None:
        """One line of text whose baseline sits at ``top``."""
        size = size or self.style.value_size
        self.canvas.setFont(self.style.bold_font if bold else self.style.font, size)
        if align == "center":
            self.canvas.drawCentredString(x, self._y(top), text)
        elif align == "right":
            self.canvas.drawRightString(x, self._y(top), text)
        else:
            self.canvas.drawString(x, self._y(top), text)

    def lines(self, text: str, width: float, size: float | None = None,
              bold: bool = False) -> list[str]:
        """``text`` broken into lines that fit ``width``; words longer than a line are split."""
        size = size or self.style.value_size
        font = self.style.bold_font if bold else self.style.font
        return simpleSplit(text, font, size, width) if text else []

    def wrapped(self, x: float, top: float, width: float, text: str, size: float | None = None,
                bold: bool = False, leading: float | None = None, align: str = "left") -> float:
        """Draw ``text`` wrapped into ``width`` from baseline ``top``; return the height used."""
        size = size or self.style.value_size
        leading = leading or size * 1.2
        lines = self.lines(text, width, size, bold)
        for index, line in enumerate(lines):
            anchor = x + width / 2 if align == "center" else x
            self.text(anchor, top + index * leading, line, size, bold, align)
        return len(lines) * leading

    def wrapped_height(self, text: str, width: float, size: float | None = None,
                       bold: bool = False, leading: float | None = None) -> float:
        size = size or self.style.value_size
        return len(self.lines(text, width, size, bold)) * (leading or size * 1.2)

    def box(self, x: float, top: float, width: float, height: float) -> None:
        self.canvas.rect(x, self._y(top + height), width, height, stroke=1, fill=0)

    def hline(self, x0: float, x1: float, top: float) -> None:
        self.canvas.line(x0, self._y(top), x1, self._y(top))

    def vline(self, x: float, top: float, bottom: float) -> None:
        self.canvas.line(x, self._y(top), x, self._y(bottom))

    def checkbox(self, x: float, top: float, checked: bool | None, size: float = 7.0) -> None:
        """A square whose top-left corner is at (x, top), with an "X" inside when checked."""
        self.box(x, top, size, size)
        if checked:
            self.text(x + size / 2, top + size - 1.2, "X", size * 1.05, bold=True,
                      align="center")
