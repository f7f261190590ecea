"""Typing on the official blank: the pen, and the text that runs on to attached sheets.

:class:`Writer` types on a reportlab canvas in top-down page coordinates (pdfplumber's, as
:mod:`bench.layouts.official_places` gives them): values with their footnote marks, fitted to a
cell by making the type smaller, and check marks on the form's underscores and boxes.

The explanations and remarks, and the further reporting owners with their signatures, are
lines (:class:`Line`) laid down a space: the rest of the Table II page under "Explanation of
Responses:", then as many attached sheets as they need, each headed "FORM 4 (continued)".
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from bench.layouts.content import address_text, relationship_words
from bench.layouts.official_places import BBox, Slot
from bench.layouts.printing import Printed, mark_text, marks_of, note_number
from extractor.model import Form4

if TYPE_CHECKING:
    from bench.layouts.official import Look

BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}
#: Superscript marks: their size and rise as shares of the value's size.
SUPER_SIZE, SUPER_RISE = 0.62, 0.36
#: An attached sheet's margin and the top of its text under the running head.
MARGIN, SHEET_TOP = 54.0, 96.0


class Writer:
    """A reportlab canvas in the filer's font, colour and footnote-mark style."""

    LEADING = 1.18

    def __init__(self, size: tuple[float, float], font: str,
                 colour: tuple[float, float, float], marker: str) -> None:
        self.width, self.height = size
        self.font, self.colour, self.marker = font, colour, marker
        self._buffer = io.BytesIO()
        # invariant=1: no time stamps or random ids, so one seed gives the same bytes.
        self.canvas = Canvas(self._buffer, pagesize=size, invariant=1)

    def measure(self, text: str, size: float, font: str | None = None) -> float:
        return stringWidth(text, font or self.font, size)

    def marked_width(self, value: Printed, size: float, font: str | None = None) -> float:
        width = self.measure(value.text, size, font)
        if value.marks:
            marks = mark_text(value.marks, self.marker)
            if self.marker.startswith("super"):
                return width + 0.6 + self.measure(marks, size * SUPER_SIZE, font)
            gap = " " if self.marker == "paren_space" and value.text else ""
            width += self.measure(gap + marks, size, font)
        return width

    def wrap(self, value: Printed, width: float, size: float, font: str | None = None
             ) -> list[Printed]:
        """Greedy word wrap; the footnote marks ride on the last line."""
        room = width - (self.marked_width(Printed("", value.marks), size, font) + 1
                        if value.marks else 0)
        lines: list[str] = []
        for word in value.text.split():
            trial = f"{lines[-1]} {word}" if lines else word
            if lines and self.measure(trial, size, font) <= room:
                lines[-1] = trial
            else:
                lines.append(word)
        if not lines:
            return [value]
        return [Printed(line) for line in lines[:-1]] + [Printed(lines[-1], value.marks)]

    def fit(self, value: Printed, width: float, height: float, size: float,
            max_lines: int = 1, smallest: float = 4.0) -> tuple[float, list[Printed]]:
        """The largest size up to ``size`` at which ``value`` fits ``width`` by ``height`` in
        at most ``max_lines`` lines, and its lines (at ``smallest`` it may overflow)."""
        while True:
            lines = self.wrap(value, width, size) if max_lines > 1 else [value]
            if (len(lines) <= max_lines and len(lines) * size * self.LEADING <= height + 0.5
                    and all(self.marked_width(line, size) <= width for line in lines)) \
                    or size <= smallest:
                return size, lines
            size = max(smallest, size - 0.25)

    def text(self, x: float, baseline: float, text: str, size: float, align: str = "left",
             font: str | None = None) -> None:
        font = font or self.font
        width = self.measure(text, size, font)
        x = x - width if align == "right" else x - width / 2 if align == "center" else x
        self.canvas.setFillColorRGB(*self.colour)
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, self.height - baseline, text)

    def marked(self, x: float, baseline: float, value: Printed, size: float,
               align: str = "left", font: str | None = None) -> None:
        """A value and its footnote marks, inline "(1)" or raised and smaller."""
        width = self.marked_width(value, size, font)
        x = x - width if align == "right" else x - width / 2 if align == "center" else x
        self.text(x, baseline, value.text, size, font=font)
        if not value.marks:
            return
        marks = mark_text(value.marks, self.marker)
        drawn = self.measure(value.text, size, font)
        if self.marker.startswith("super"):
            self.text(x + drawn + 0.6, baseline - size * SUPER_RISE, marks, size * SUPER_SIZE,
                      font=font)
        else:
            gap = " " if self.marker == "paren_space" and value.text else ""
            self.text(x + drawn, baseline, gap + marks, size, font=font)

    def check(self, slot: Slot, style: str, size: float = 9.0) -> None:
        """A check mark typed over the printed mark (underscores or a box), centred on it."""
        x0, top, x1, bottom = slot.box
        baseline = (top + bottom) / 2 + size * 0.35
        if style in ("✓", "✔"):  # reportlab maps them to ZapfDingbats' a19 and a20
            self.text((x0 + x1) / 2, baseline, style, size, "center", "ZapfDingbats")
        else:
            self.text((x0 + x1) / 2, baseline, style, size + (1 if style == "x" else 0),
                      "center")

    def rule(self, x0: float, y: float, x1: float) -> None:
        self.canvas.setStrokeColorRGB(0, 0, 0)
        self.canvas.setLineWidth(0.6)
        self.canvas.line(x0, self.height - y, x1, self.height - y)

    def finish(self) -> bytes:
        self.canvas.save()
        return self._buffer.getvalue()


@dataclass(frozen=True, slots=True)
class Line:
    """One typed line: its parts (offset from the space's left, value, bold), the size, the
    space above it and rules drawn under parts of it (offsets)."""

    parts: tuple[tuple[float, Printed, bool], ...]
    size: float
    before: float = 0.0
    rules: tuple[tuple[float, float], ...] = ()

    @property
    def height(self) -> float:
        return self.before + self.size * Writer.LEADING + (3.0 if self.rules else 0.0)


def _paragraph(pen: Writer, value: Printed, width: float, size: float, indent: float = 0.0,
               prefix: str = "", before: float = 0.0) -> list[Line]:
    lines = []
    for n, part in enumerate(pen.wrap(value, width - indent, size)):
        parts = ((0.0, Printed(prefix), False),) if n == 0 and prefix else ()
        lines.append(Line((*parts, (indent, part, False)), size, before if n == 0 else 0.0))
    return lines


def explanation_lines(form: Form4, look: Look, pen: Writer, width: float) -> list[Line]:
    """Every footnote, numbered as the marks print them, then "Remarks:" and the remarks."""
    size = look.note_size
    out: list[Line] = []
    for note in form.footnotes:
        number = note_number(note.footnote_id)
        prefix = {"(1)": f"({number})", "1.": f"{number}."}.get(look.note_style, number)
        indent = pen.measure(prefix + "  ", size)
        out += _paragraph(pen, Printed(str(note.text.value or "")), width, size, indent,
                          prefix, before=size * 0.3)
    if form.remarks.value is not None:
        out.append(Line(((0.0, Printed("Remarks:"), True),), size, size * 0.8))
        out += _paragraph(pen, Printed(str(form.remarks.value)), width, size)
    return out


def owner_lines(form: Form4, look: Look, pen: Writer, width: float) -> list[Line]:
    """The joint filer sheet: the designated filer, the issuer and date, every further owner's
    name, address and relationship, then the further signatures over their lines."""
    size = look.note_size + 1
    tab = width * 0.3
    first = form.reporting_owners[0].rpt_owner_name if form.reporting_owners else None
    symbol = form.issuer.issuer_trading_symbol.value
    issuer = str(form.issuer.issuer_name.value or "") + (f" [{symbol}]" if symbol else "")
    out = [Line(((0.0, Printed(label), False), (tab, value, False)), size)
           for label, value in (
               ("Name of Designated Filer:", Printed(str(first.value or "")) if first
                else Printed("")),
               ("Issuer Name and Ticker or Trading Symbol:", Printed(issuer)),
               ("Date of Earliest Transaction:", look.date_text(form.period_of_report)))]
    for number, owner in enumerate(form.reporting_owners[1:], start=2):
        out.append(Line(((0.0, Printed(f"Reporting Person {number}"), True),), size,
                        size * 1.2))
        name = owner.rpt_owner_name
        rows = [("Name:", Printed(str(name.value or ""), marks_of(name)))]
        rows += [("Address:" if n == 0 else "", Printed(t))
                 for n, t in enumerate(address_text(owner))]
        relation = relationship_words(owner.relationship)
        if relation:
            rows.append(("Relationship to Issuer:", Printed(relation)))
        for label, value in rows:
            for n, part in enumerate(pen.wrap(value, width - tab, size)):
                out.append(Line(((0.0, Printed("" if n else label), False),
                                 (tab, part, False)), size))
    further = form.signatures[1:]
    if further:
        out.append(Line(((0.0, Printed("Signatures"), True),), size, size * 1.5))
    date_x = width * 0.62
    for signature in further:
        name = signature.signature_name
        lines = pen.wrap(Printed(str(name.value or ""), marks_of(name)), date_x - 24, size)
        out += [Line(((0.0, part, False),), size, size * 1.4 if n == 0 else 0.0)
                for n, part in enumerate(lines[:-1])]
        out.append(Line(((0.0, lines[-1], False),
                         (date_x, look.date_text(signature.signature_date), False)),
                        size, size * 1.4 if len(lines) == 1 else 0.0,
                        ((0.0, date_x - 20), (date_x, width * 0.85))))
        out.append(Line(((0.0, Printed("**Signature of Reporting Person"), False),
                         (date_x, Printed("Date"), False)), size - 1.5))
    return out


def attachment_pages(lines: list[Line], first: BBox | None, pen: Writer, heading: str
                     ) -> list[Callable[[Writer], None]]:
    """Drawings that lay ``lines`` down ``first`` (when given: it draws first) and then down
    attached sheets headed "FORM 4 (continued)" and ``heading``."""
    sheet = (MARGIN + 18, SHEET_TOP, pen.width - MARGIN - 18, pen.height - MARGIN)
    chunks: list[tuple[BBox, bool, list[tuple[float, Line]]]] = []
    area, attached, placed = first or sheet, first is None, []
    y = area[1]
    for line in lines:
        if y + line.height > area[3] and (placed or not attached):
            chunks.append((area, attached, placed))
            area, attached, placed = sheet, True, []
            y = area[1]
        placed.append((y, line))
        y += line.height
    chunks.append((area, attached, placed))

    def draw(area: BBox, attached: bool, placed: list[tuple[float, Line]], pen: Writer) -> None:
        if attached:
            bold = BOLD[pen.font]
            pen.text(area[0], MARGIN + 12, "FORM 4 (continued)", 11, font=bold)
            pen.text(pen.width / 2, MARGIN + 12, heading, 11, "center", bold)
        for y, line in placed:
            baseline = y + line.before + line.size * 0.82
            for x, value, heavy in line.parts:
                pen.marked(area[0] + x, baseline, value, line.size,
                           font=BOLD[pen.font] if heavy else None)
            for x0, x1 in line.rules:
                pen.rule(area[0] + x0, baseline + 3, area[0] + x1)

    return [lambda p, c=chunk: draw(*c, p) for chunk in chunks]
