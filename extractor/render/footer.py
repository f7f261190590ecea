"""After the tables: Explanation of Responses, Remarks, the Reporting Owners table (several
owners), the signature block and the form's closing notes."""

from __future__ import annotations

from extractor.knowledge import labels as K
from extractor.model import Form4
from extractor.render.tables import Flow
from extractor.render.values import format_value


def _section(key: str) -> str:
    return next(s.text for s in K.SECTIONS if s.key == key)


def _paragraph(flow: Flow, text: str, indent: float = 0.0, size: float | None = None,
               bold: bool = False) -> None:
    """A wrapped paragraph that may continue on the next page line by line."""
    pen = flow.pen
    size = size or pen.style.value_size * 0.95
    leading = size * 1.2
    width = pen.style.content_width - indent
    for line in pen.lines(text, width, size, bold):
        flow.ensure(leading)
        flow.top += leading
        pen.text(pen.style.margin + indent, flow.top - 2, line, size, bold)


def draw_explanation(flow: Flow, form: Form4) -> None:
    flow.ensure(30)
    flow.top += 6
    _paragraph(flow, _section("explanation"), bold=True)
    for note in form.footnotes:
        _paragraph(flow, f"({note.footnote_id.removeprefix('F')}) {note.text.value or ''}")
    flow.top += 4
    _paragraph(flow, _section("remarks"), bold=True)
    if form.remarks.value:
        _paragraph(flow, str(form.remarks.value))


def draw_owners_table(flow: Flow, form: Form4) -> None:
    """All reporting owners with their relationships, as EDGAR's view lists them."""
    pen = flow.pen
    st = pen.style
    x0 = st.margin
    widths = (0.52, 0.1, 0.1, 0.16, 0.12)
    xs = [x0]
    for share in widths:
        xs.append(xs[-1] + share * st.content_width)
    headings = [c.text for c in K.REPORTING_OWNER_COLUMNS]
    leading = st.value_size * 1.2

    def header() -> None:
        top = flow.top
        pen.text(x0, top + 10, _section("reporting_owners"), st.value_size, bold=True)
        top += 14
        for i, heading in enumerate(headings):
            pen.box(xs[i], top, xs[i + 1] - xs[i], 12)
            pen.text(xs[i] + 2, top + 8.5, heading, st.label_size, bold=True)
        flow.top = top + 12

    first_height = 0.0
    rows = []
    for owner in form.reporting_owners:
        rel = owner.relationship
        address = [str(owner.rpt_owner_name.value or "")]
        address += [str(f.value) for f in (owner.rpt_owner_street1, owner.rpt_owner_street2)
                    if f.value]
        address.append(f"{owner.rpt_owner_city.value or ''}, {owner.rpt_owner_state.value or ''}"
                       f" {owner.rpt_owner_zip_code.value or ''}".strip(" ,"))
        officer = (rel.officer_title.value or "X") if rel.is_officer.value else ""
        other = (rel.other_text.value or "X") if rel.is_other.value else ""
        cells = [address, ["X" if rel.is_director.value else ""],
                 ["X" if rel.is_ten_percent_owner.value else ""], [str(officer)], [str(other)]]
        wrapped = [[line for part in cell for line in (pen.lines(part, xs[i + 1] - xs[i] - 4)
                                                       or [""])]
                   for i, cell in enumerate(cells)]
        height = max(len(w) for w in wrapped) * leading + 4
        rows.append((wrapped, height))
        first_height = first_height or height
    flow.ensure(6 + 26 + first_height)  # the heading never stands alone at a page's foot
    flow.top += 6
    header()
    for wrapped, height in rows:
        flow.ensure(height, header)
        for i, lines in enumerate(wrapped):
            pen.box(xs[i], flow.top, xs[i + 1] - xs[i], height)
            for n, line in enumerate(lines):
                pen.text(xs[i] + 2, flow.top + leading * (n + 1) - 1, line)
        flow.top += height


def draw_signature_table(flow: Flow, form: Form4) -> None:
    """The "Signatures" table investor-relations pages print: name | date rows, then the
    caption row."""
    pen = flow.pen
    st = pen.style
    x0, x2 = st.margin, st.margin + st.content_width * 0.7
    x1 = x0 + (x2 - x0) * 0.75
    leading = st.value_size * 1.2
    flow.ensure(40)
    flow.top += 8
    pen.text(x0, flow.top + 6, _section("signatures"), st.value_size, bold=True)
    flow.top += 10
    rows = [(str(s.signature_name.value or ""), format_value(s.signature_date.value))
            for s in form.signatures]
    rows.append((_section("signature_of_reporting_person"), K.SIGNATURE_DATE.text))
    for name, date in rows:
        lines = pen.lines(name, x1 - x0 - 4) or [""]
        height = len(lines) * leading + 4
        flow.ensure(height)
        pen.box(x0, flow.top, x1 - x0, height)
        pen.box(x1, flow.top, x2 - x1, height)
        for n, line in enumerate(lines):
            pen.text(x0 + 2, flow.top + leading * (n + 1) - 1, line)
        pen.text(x1 + 2, flow.top + leading - 1, date)
        flow.top += height


def draw_signatures(flow: Flow, form: Form4) -> None:
    """Name and date over the signature line, the caption below, one block per signature."""
    pen = flow.pen
    st = pen.style
    right = st.margin + st.content_width
    name_x, date_x = right - 420, right - 90
    leading = st.value_size * 1.2
    for signature in form.signatures or ():
        lines = pen.lines(str(signature.signature_name.value or ""), date_x - 16 - name_x)
        flow.ensure(18 + leading * len(lines))
        flow.top += 16
        for line in lines[:-1]:  # a long name wraps upwards over the signature line
            pen.text(name_x, flow.top, line)
            flow.top += leading
        pen.text(name_x, flow.top, lines[-1] if lines else "")
        pen.text(date_x, flow.top, format_value(signature.signature_date.value))
        pen.hline(name_x, date_x - 12, flow.top + 3)
        pen.hline(date_x, right, flow.top + 3)
        pen.text(name_x, flow.top + 11, _section("signature_of_reporting_person"),
                 st.label_size)
        pen.text(date_x, flow.top + 11, K.SIGNATURE_DATE.text, st.label_size)
        flow.top += 12


def draw_closing_notes(flow: Flow) -> None:
    size = flow.pen.style.label_size
    flow.top += 6
    for text in (K.PRINTED_TEXT["footnote_joint"], K.PRINTED_TEXT["footnote_misstatements"],
                 _section("note_copies"), _section("persons_who_respond")):
        _paragraph(flow, text, size=size)
