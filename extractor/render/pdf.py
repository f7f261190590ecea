"""Render a Form4 as a PDF that looks like the paper SEC Form 4 (reportlab).

reportlab draws text as real text at exact positions, in pure Python, tens of milliseconds per
page: the PDF is both a printable form for users and the test data the PDF reader is measured on.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

from extractor.knowledge import labels as K
from extractor.model import Form4
from extractor.render import footer, header
from extractor.render.canvas_tools import Pen
from extractor.render.style import (
    DEFAULT_STYLE,
    TABLE1_WIDTHS,
    TABLE1_WIDTHS_PRE_2002,
    TABLE2_WIDTHS,
    TABLE2_WIDTHS_PRE_2002,
    RenderStyle,
)
from extractor.render.tables import Flow, TableSpec, draw_table

#: Room kept at the foot of every page for the form number and page number.
FOOT = 18.0


class _NumberedCanvas(Canvas):
    """Defers pages so each can be stamped "Page N of M" once M is known."""

    def __init__(self, *args: object, style: RenderStyle, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._pages: list[dict] = []
        self._render_style = style

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            st = self._render_style
            width = st.page_size[0]
            self.setFont(st.font, st.label_size)
            self.drawString(st.margin, st.margin / 2, K.PRINTED_TEXT["form_number"])
            self.drawRightString(width - st.margin, st.margin / 2, f"Page {number} of {total}")
            super().showPage()
        super().save()


class _Flow(Flow):
    def __init__(self, canvas: _NumberedCanvas, style: RenderStyle) -> None:
        self.canvas = canvas
        self.pen = Pen(canvas, style)
        self.top = style.margin
        self.bottom = style.page_size[1] - style.margin - FOOT

    def ensure(self, height: float, on_new_page: Callable[[], None] | None = None) -> None:
        if self.top + height <= self.bottom:
            return
        self.canvas.showPage()
        self.pen = Pen(self.canvas, self.pen.style)
        self.top = self.pen.style.margin
        if on_new_page is not None:
            on_new_page()


def choose_revision(form: Form4, revision: str | None) -> K.FormRevision:
    """The printed revision to draw: asked for, the form's own, or 2002 (2023 for 10b5-1)."""
    name = revision or form.form_revision or ("2023" if form.aff10b5_one.value else "2002")
    return K.REVISIONS[name]


def render_pdf(form: Form4, revision: str | None = None,
               style: RenderStyle | None = None) -> bytes:
    """``form`` as a PDF of the paper Form 4 (landscape; as many pages as it needs)."""
    style = style or DEFAULT_STYLE
    rev = choose_revision(form, revision)
    buffer = io.BytesIO()
    canvas = _NumberedCanvas(buffer, pagesize=style.page_size, invariant=1, style=style)
    owner = form.reporting_owners[0].rpt_owner_name.value if form.reporting_owners else ""
    canvas.setTitle(f"Form 4 - {form.issuer.issuer_name.value or ''} - {owner or ''}")
    canvas.setAuthor("form4")
    flow = _Flow(canvas, style)
    flow.top = header.draw_title_block(flow.pen, form, rev, flow.top)
    flow.top = header.draw_boxes(flow.pen, form, rev, flow.top) + 6
    pre = rev.name == "pre-2002"
    sections = {s.key: s.text for s in K.SECTIONS}
    draw_table(flow, TableSpec(sections["table1"], rev.table1,
                               TABLE1_WIDTHS_PRE_2002 if pre else TABLE1_WIDTHS),
               form.non_derivative_table)
    flow.ensure(12)
    flow.top += 10
    flow.pen.text(style.margin, flow.top, sections["reminder"], style.label_size)
    flow.top += 6
    draw_table(flow, TableSpec(sections["table2"], rev.table2,
                               TABLE2_WIDTHS_PRE_2002 if pre else TABLE2_WIDTHS),
               form.derivative_table)
    footer.draw_explanation(flow, form)
    if len(form.reporting_owners) > 1 or style.ir_site:
        footer.draw_owners_table(flow, form)
    if style.ir_site:
        footer.draw_signature_table(flow, form)
    else:
        footer.draw_signatures(flow, form)
    footer.draw_closing_notes(flow)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
