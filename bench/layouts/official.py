"""The SEC's official blank 2026 Form 4 filled in with a filing's values, as a filer would.

The blank (SEC 1474 (03-26)) has no form fields, so the values are typed on it: drawn with
reportlab on an overlay of each page and merged onto the blank's pages with pypdf, where
:mod:`bench.layouts.official_places` found the blank's boxes, lines and table cells by their
printed labels.  ``random.Random(seed)`` draws how the filer typed (:class:`Look`): the font
(Helvetica, Times or Courier) and size (made smaller where a value would not fit its cell),
check marks as X, x, ✓ or ✔, the date, share and price formats, footnote marks "(1)" or raised,
the number alignment, and whether the General Instructions pages are kept.

As filers do, rows beyond the printed rows go on copies of the table's page; footnotes and
remarks go under "Explanation of Responses:" and continue on attached sheets; the first
reporting owner is in box 1 and every further one on an attached "Additional Reporting
Persons" sheet with the further signatures (the SEC's Instruction 4(b)(v)).  The form has no
place for a country or a foreign trading symbol, and the filing has none: those stay blank.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from pypdf import PageObject, PdfReader, PdfWriter

from bench.layouts.official_pages import Writer, attachment_pages, explanation_lines, owner_lines
from bench.layouts.official_places import (
    BLANK_PDF,
    HEADER_PAGE,
    SIGNATURE_PAGE,
    TABLE_II_PAGE,
    Grid,
    Places,
    Slot,
    places,
)
from bench.layouts.printing import BLANK, Printed, format_number, marks_of
from extractor.model import DerivativeRow, Field, Form4, NonDerivativeRow

FONTS = ("Helvetica", "Times-Roman", "Courier")
COLOURS = {"black": (0.0, 0.0, 0.0), "blue": (0.0, 0.0, 0.8), "navy": (0.0, 0.0, 0.45)}
DATES = ("mdY", "mdy_nopad", "mdY_nopad", "mdy")
#: Check marks: typed letters, or ZapfDingbats' check glyphs.
CHECKS = ("X", "x", "✓", "✔")
#: Number columns of the tables (aligned as the look says); text columns wrap, left aligned.
NUMBERS = {"shares", "price", "owned", "conversion", "acquired", "disposed",
           "underlying_shares"}
TEXTS = {"title", "nature", "underlying_title"}


@dataclass(frozen=True, slots=True)
class Look:
    """How one filer typed the form in."""

    seed: int
    font: str
    colour: str
    header_size: float
    table_size: float
    note_size: float
    check: str
    date: str
    shares: str
    price: str
    marker: str
    note_style: str
    number_align: str
    ticker: str
    instructions: bool

    def date_text(self, field: Field) -> Printed:
        value = field.value
        if value is None:
            return Printed("", marks_of(field))
        year = f"{value.year:04d}" if self.date.startswith("mdY") else f"{value.year % 100:02d}"
        if self.date.endswith("nopad"):
            return Printed(f"{value.month}/{value.day}/{year}", marks_of(field))
        return Printed(f"{value.month:02d}/{value.day:02d}/{year}", marks_of(field))

    def number(self, field: Field, style: str) -> Printed:
        value = field.value
        text = format_number(value, style) if isinstance(value, Decimal) else \
            "" if value is None else str(value)
        return Printed(text, marks_of(field))

    def amount(self, field: Field) -> Printed:
        return self.number(field, self.shares)

    def money(self, field: Field) -> Printed:
        return self.number(field, self.price)


def text(field: Field) -> Printed:
    return Printed("" if field.value is None else str(field.value), marks_of(field))


def draw_look(seed: int) -> Look:
    """The look ``seed`` draws."""
    rng = random.Random(seed)
    return Look(
        seed=seed, font=rng.choice(FONTS),
        colour=rng.choices(tuple(COLOURS), weights=(6, 1, 1))[0],
        header_size=round(rng.uniform(8.0, 10.5), 1),
        table_size=round(rng.uniform(6.5, 8.5), 1), note_size=round(rng.uniform(7.0, 8.5), 1),
        check=rng.choice(CHECKS), date=rng.choice(DATES),
        shares=rng.choice(("comma", "plain")),
        price=rng.choice(("dollar2", "plain2", "dollar", "plain")),
        marker=rng.choice(("paren", "paren_space", "super_digit", "super_paren")),
        note_style=rng.choice(("(1)", "1.", "1")),
        number_align=rng.choice(("right", "center", "left")),
        ticker=rng.choice(("[X]", "[ X ]")), instructions=rng.random() < 0.25)


def cells_i(row: NonDerivativeRow, look: Look) -> dict[str, Printed]:
    return {"title": text(row.security_title), "date": look.date_text(row.transaction_date),
            "deemed": look.date_text(row.deemed_execution_date),
            "code": text(row.transaction_code), "v": text(row.transaction_timeliness),
            "shares": look.amount(row.transaction_shares),
            "ad": text(row.transaction_acquired_disposed_code),
            "price": look.money(row.transaction_price_per_share),
            "owned": look.amount(row.shares_owned_following_transaction),
            "form": text(row.direct_or_indirect_ownership),
            "nature": text(row.nature_of_ownership)}


def cells_ii(row: DerivativeRow, look: Look) -> dict[str, Printed]:
    """Table II's cells; the shares go under (A) or (D) as the row's code says (the code's own
    footnote marks ride on the shares: it has no column of its own)."""
    code = row.transaction_acquired_disposed_code
    amount = look.amount(row.transaction_shares)
    shares = Printed(amount.text, amount.marks + marks_of(code))
    disposed = code.value == "D"
    return {"title": text(row.security_title),
            "conversion": look.money(row.conversion_or_exercise_price),
            "date": look.date_text(row.transaction_date),
            "deemed": look.date_text(row.deemed_execution_date),
            "code": text(row.transaction_code), "v": text(row.transaction_timeliness),
            "acquired": BLANK if disposed else shares, "disposed": shares if disposed else BLANK,
            "exercisable": look.date_text(row.exercise_date),
            "expiration": look.date_text(row.expiration_date),
            "underlying_title": text(row.underlying_security_title),
            "underlying_shares": look.amount(row.underlying_security_shares),
            "price": look.money(row.transaction_price_per_share),
            "owned": look.amount(row.shares_owned_following_transaction),
            "form": text(row.direct_or_indirect_ownership),
            "nature": text(row.nature_of_ownership)}


def _line(pen: Writer, slot: Slot, value: Printed, size: float, lines: int = 1,
          align: str = "left") -> None:
    """``value`` in ``slot``, as large as ``size`` where it fits, its last line on the slot's
    baseline."""
    x0, top, x1, _ = slot.box
    fitted, wrapped = pen.fit(value, x1 - x0, (slot.baseline - top) + size * 0.25, size,
                              max_lines=lines)
    lead = fitted * pen.LEADING
    for n, part in enumerate(wrapped):
        pen.marked(x0 if align == "left" else (x0 + x1) / 2,
                   slot.baseline - (len(wrapped) - 1 - n) * lead, part, fitted, align)


def _header(pen: Writer, form: Form4, look: Look, where: Places) -> None:
    slots, size = where.slots, look.header_size
    owner = form.reporting_owners[0] if form.reporting_owners else None
    if owner is not None:
        _line(pen, slots["name"], text(owner.rpt_owner_name), size, lines=2)
        streets = [text(f) for f in (owner.rpt_owner_street1, owner.rpt_owner_street2)
                   if f.value is not None]
        street = slots["street"]
        for n, value in enumerate(streets):
            lifted = (len(streets) - 1 - n) * size * pen.LEADING
            _line(pen, Slot(street.box, street.baseline - lifted), value, size)
        for key, field in (("city", owner.rpt_owner_city), ("state", owner.rpt_owner_state),
                           ("zip", owner.rpt_owner_zip_code)):
            _line(pen, slots[key], text(field), size)
        rel = owner.relationship
        for key, flag in (("director", rel.is_director), ("officer", rel.is_officer),
                          ("ten", rel.is_ten_percent_owner), ("other", rel.is_other)):
            if flag.value:
                pen.check(where.checks[key], look.check)
        titles = [text(f) for f in (rel.officer_title, rel.other_text) if f.value is not None]
        if titles:
            joined = Printed("; ".join(t.text for t in titles),
                             tuple(m for t in titles for m in t.marks))
            _line(pen, slots["title"], joined, size, align="center")
    name, symbol = text(form.issuer.issuer_name), text(form.issuer.issuer_trading_symbol)
    if symbol.text:
        bracket = look.ticker.replace("X", symbol.text)
        name = Printed(f"{name.text} {bracket}", name.marks + symbol.marks)
    _line(pen, slots["issuer"], name, size)
    _line(pen, slots["period"], look.date_text(form.period_of_report), size)
    _line(pen, slots["amendment"], look.date_text(form.date_of_original_submission), size)
    joint = form.individual_or_joint_filing.value
    if joint in ("individual", "joint"):
        pen.check(where.checks["one" if joint == "individual" else "more"], look.check)
    if form.not_subject_to_section16.value:
        pen.check(where.checks["sec16"], look.check)
    if form.aff10b5_one.value:
        pen.check(where.checks["10b5"], look.check)


def _rows(pen: Writer, grid: Grid, rows: list[dict[str, Printed]], look: Look) -> None:
    """Rows in the grid's ruled rows, each value fitted to its cell."""
    pad = 2.0
    for (top, bottom), cells in zip(grid.rows, rows, strict=False):
        for key, value in cells.items():
            if value.empty:
                continue
            x0, x1 = grid.columns[key]
            align = "left" if key in TEXTS else look.number_align if key in NUMBERS \
                else "center"
            room, height = x1 - x0 - 2 * pad, bottom - top - 2
            if key in TEXTS:
                size, lines = pen.fit(value, room, height, look.table_size, max_lines=6)
            else:
                size, lines = pen.fit(value, room, height, look.table_size, smallest=5.5)
                if value.marks and pen.marked_width(value, size) > room:
                    # the marks go on a line of their own under a long number
                    size, lines = pen.fit(Printed(value.text), room, height / 2,
                                          look.table_size)
                    lines = [lines[0], Printed("", value.marks)]
            lead = size * pen.LEADING
            first = top + (bottom - top - len(lines) * lead) / 2 + size * 0.82
            x = {"left": x0 + pad, "right": x1 - pad, "center": (x0 + x1) / 2}[align]
            for n, line in enumerate(lines):
                pen.marked(x, first + n * lead, line, size, align)


def _signature(pen: Writer, form: Form4, look: Look, where: Places) -> None:
    if not form.signatures:
        return
    first = form.signatures[0]
    size = look.header_size
    _line(pen, where.signature, text(first.signature_name), size, lines=2)
    _line(pen, where.signature_date, look.date_text(first.signature_date), size,
          align="center")


def _chunks(rows: list[dict[str, Printed]], size: int) -> list[list[dict[str, Printed]]]:
    return [rows[i:i + size] for i in range(0, len(rows), size)] or [[]]


def fill_official_form(form: Form4, seed: int) -> bytes:
    """``form`` typed on the SEC's blank 2026 Form 4 in the look ``seed`` draws; the PDF."""
    look = draw_look(seed)
    where = places(BLANK_PDF)
    width, height = where.size
    pen = Writer((width, height), look.font, COLOURS[look.colour], look.marker)
    room = where.explanation[2] - where.explanation[0]
    # (the blank's page the drawing goes on, or None for an attached sheet; the drawing)
    plan: list[tuple[int | None, Callable[[Writer], None]]] = [
        (HEADER_PAGE, lambda p: _header(p, form, look, where))]
    for grid, rows in ((where.table_i, [cells_i(r, look) for r in form.non_derivative_table]),
                       (where.table_ii, [cells_ii(r, look) for r in form.derivative_table])):
        for chunk in _chunks(rows, len(grid.rows)):
            plan.append((grid.page, lambda p, g=grid, c=chunk: _rows(p, g, c, look)))
    notes = attachment_pages(explanation_lines(form, look, pen, room), where.explanation, pen,
                             "Explanation of Responses (continued)")
    last_rows = plan.pop()[1]

    def last_table_ii(p: Writer) -> None:
        last_rows(p)
        notes[0](p)

    plan.append((TABLE_II_PAGE, last_table_ii))
    plan += [(None, draw) for draw in notes[1:]]
    plan.append((SIGNATURE_PAGE, lambda p: _signature(p, form, look, where)))
    if len(form.reporting_owners) > 1 or len(form.signatures) > 1:
        plan += [(None, draw) for draw in attachment_pages(
            owner_lines(form, look, pen, room), None, pen, "Additional Reporting Persons")]
    blank = PdfReader(BLANK_PDF)
    if look.instructions:
        plan += [(n, lambda p: None) for n in range(SIGNATURE_PAGE + 1, len(blank.pages))]
    for _, draw in plan:
        draw(pen)
        pen.canvas.showPage()
    overlay = PdfReader(io.BytesIO(pen.finish()))
    out = PdfWriter()
    for (source, _), drawn in zip(plan, overlay.pages, strict=True):
        if source is None:
            out.add_page(drawn)
            continue
        page = PageObject.create_blank_page(width=width, height=height)
        page.merge_page(blank.pages[source])
        page.merge_page(drawn)
        out.add_page(page)
    buffer = io.BytesIO()
    out.write(buffer)
    return buffer.getvalue()


__all__ = ["Look", "cells_i", "cells_ii", "draw_look", "fill_official_form", "places"]
