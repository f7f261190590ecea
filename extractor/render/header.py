"""The top of page one: title block, OMB box, and the numbered boxes (1-6, or 1-7 before 2002)."""

from __future__ import annotations

from extractor.knowledge import labels as K
from extractor.model import Form4, ReportingOwner
from extractor.render.canvas_tools import Pen
from extractor.render.values import format_value

#: Height of the title block and of the boxes area, before ``box_height_scale``.
TITLE_HEIGHT = 62.0
BOXES_HEIGHT = 124.0

_P = K.PRINTED_TEXT


def _checkbox_label(key: str) -> str:
    return next(c.text for c in K.CHECKBOXES if c.key == key)


def _numbered(label: K.Label) -> str:
    return f"{label.number}. {label.text}" if label.number else label.text


def draw_title_block(pen: Pen, form: Form4, revision: K.FormRevision, top: float) -> float:
    """FORM 4, the Section 16 check box, the SEC title and the OMB box; returns the bottom."""
    st = pen.style
    left, width = st.margin, st.content_width
    label = st.label_size
    pen.text(left, top + 16, _P["form"], st.value_size * 2.2, bold=True)
    pen.checkbox(left, top + 24, bool(form.not_subject_to_section16.value))
    pen.wrapped(left + 11, top + 29.5, 150, _checkbox_label("not_subject_to_section16"), label)
    if revision.name == "2023":  # the 10b5-1 box sits under the Section 16 box
        pen.checkbox(left, top + 48, bool(form.aff10b5_one.value))
        pen.wrapped(left + 11, top + 53.5, 175, K.RULE_10B5_1.text, label * 0.8,
                    leading=label * 0.9)
    centre_x, centre_w = left + 190, width - 190 - 190
    pen.text(centre_x + centre_w / 2, top + 10, _P["agency"], st.value_size * 1.15, bold=True,
             align="center")
    pen.text(centre_x + centre_w / 2, top + 20, _P["city"], label, align="center")
    pen.text(centre_x + centre_w / 2, top + 33, _P["title"], st.value_size * 1.15, bold=True,
             align="center")
    pen.wrapped(centre_x, top + 43, centre_w, _P["filed_pursuant"], label, align="center")
    omb_x, omb_w = left + width - 160, 160.0
    pen.box(omb_x, top, omb_w, 44)
    omb = next(s.text for s in K.SECTIONS if s.key == "omb_approval")
    pen.text(omb_x + omb_w / 2, top + 10, omb, label * 1.1, bold=True, align="center")
    pen.hline(omb_x, omb_x + omb_w, top + 14)
    pen.text(omb_x + 4, top + 24, _P["omb_number"], label)
    pen.text(omb_x + 4, top + 32, _P["omb_burden"], label)
    pen.text(omb_x + 4, top + 40, _P["omb_hours"], label)
    height = TITLE_HEIGHT + (14 if revision.name == "2023" else 0)
    pen.text(left + width / 2, top + height - 2, _P["print_or_type"], label, align="center")
    return top + height


def _draw_box1(pen: Pen, owner: ReportingOwner, label: K.Label, x: float, top: float,
               width: float, height: float) -> None:
    st = pen.style
    small = st.label_size * 0.9
    pen.box(x, top, width, height)
    pen.text(x + 3, top + 9, _numbered(label), st.label_size)
    step = height / 7.2
    pen.text(x + 8, top + 2.0 * step, str(owner.rpt_owner_name.value or ""))
    pen.hline(x + 4, x + width - 4, top + 2.0 * step + 3)
    for offset, sub in zip((0.0, 0.42, 0.74), K.NAME_SUBLABELS, strict=True):
        pen.text(x + 8 + offset * (width - 16), top + 2.0 * step + 10, sub, small)
    street_lines = [str(f.value) for f in (owner.rpt_owner_street1, owner.rpt_owner_street2)
                    if f.value]
    for index, line in enumerate(street_lines[:2]):
        pen.text(x + 8, top + (3.35 + 0.75 * index) * step, line)
    pen.hline(x + 4, x + width - 4, top + 4.3 * step + 3)
    pen.text(x + 8, top + 4.3 * step + 10, K.ADDRESS_SUBLABELS[0], small)
    columns = (0.0, 0.55, 0.74)
    city_values = (owner.rpt_owner_city.value, owner.rpt_owner_state.value,
                   owner.rpt_owner_zip_code.value)
    for offset, value in zip(columns, city_values, strict=True):
        pen.text(x + 8 + offset * (width - 16), top + 5.9 * step, str(value or ""))
    pen.hline(x + 4, x + width - 4, top + 5.9 * step + 3)
    for offset, sub in zip(columns, K.ADDRESS_SUBLABELS[1:], strict=True):
        pen.text(x + 8 + offset * (width - 16), top + 5.9 * step + 10, sub, small)


def _draw_value_box(pen: Pen, label: K.Label, value: str, x: float, top: float, width: float,
                    height: float) -> None:
    pen.box(x, top, width, height)
    used = pen.wrapped(x + 3, top + 9, width - 6, _numbered(label), pen.style.label_size)
    pen.text(x + 10, top + max(used + 13, height - 7), value)


def _draw_relationship(pen: Pen, form: Form4, label: K.Label, x: float, top: float,
                       width: float, height: float) -> None:
    st = pen.style
    pen.box(x, top, width, height)
    used = pen.wrapped(x + 3, top + 9, width - 6, _numbered(label), st.label_size)
    owner = form.reporting_owners[0] if form.reporting_owners else ReportingOwner()
    rel = owner.relationship
    row1, row2 = top + used + 12, top + used + 24
    half = width / 2
    for (key, value), (cx, cy) in zip(
            (("director", rel.is_director.value), ("ten_percent_owner",
                                                   rel.is_ten_percent_owner.value),
             ("officer", rel.is_officer.value), ("other", rel.is_other.value)),
            ((x + 6, row1), (x + half, row1), (x + 6, row2), (x + half, row2)), strict=True):
        pen.checkbox(cx, cy - 6.5, bool(value))
        pen.text(cx + 10, cy, _checkbox_label(key), st.label_size)
    # One line under the boxes holds the officer's title and the "Other" text.
    parts = [str(v) for v in (rel.officer_title.value if rel.is_officer.value else None,
                              rel.other_text.value if rel.is_other.value else None) if v]
    below = "; ".join(parts)
    if below:
        pen.text(x + width / 2, row2 + 13, str(below), align="center")
    pen.hline(x + 20, x + width - 20, row2 + 15)


def _draw_filing_type(pen: Pen, form: Form4, label: K.Label, x: float, top: float,
                      width: float, height: float) -> None:
    st = pen.style
    pen.box(x, top, width, height)
    used = pen.wrapped(x + 3, top + 9, width - 6, _numbered(label), st.label_size)
    joint = form.individual_or_joint_filing.value == "joint" or len(form.reporting_owners) > 1
    for index, (key, checked) in enumerate((("individual", not joint), ("joint", joint))):
        line = top + used + 12 + index * 11
        pen.checkbox(x + 6, line - 6.5, checked)
        pen.text(x + 16, line, _checkbox_label(key), st.label_size)


def draw_boxes(pen: Pen, form: Form4, revision: K.FormRevision, top: float) -> float:
    """Boxes 1 to 6 (7 before 2002); returns the bottom."""
    st = pen.style
    height = BOXES_HEIGHT * st.box_height_scale
    left, width = st.margin, st.content_width
    col1, col3 = width * 0.32, width * 0.32
    col2 = width - col1 - col3
    owner = form.reporting_owners[0] if form.reporting_owners else ReportingOwner()
    box = revision.box
    _draw_box1(pen, owner, box("reporting_person"), left, top, col1, height)  # type: ignore[arg-type]
    issuer = form.issuer
    ticker = issuer.issuer_trading_symbol.value
    middle: list[tuple[K.Label, str]] = [
        (box("issuer"), f"{issuer.issuer_name.value or ''} [ {ticker or ''} ]")]  # type: ignore[list-item]
    if revision.name == "pre-2002":
        month = form.statement_month.value
        period = form.period_of_report.value
        printed_month = f"{month[5:7]}/{month[:4]}" if month else (
            period.strftime("%m/%Y") if period else "")
        middle += [(box("irs_number"), ""), (box("statement_month"), printed_month),  # type: ignore[list-item]
                   (box("amendment"), _month_year(form))]  # type: ignore[list-item]
    else:
        middle += [(box("earliest_transaction"), format_value(form.period_of_report.value)),  # type: ignore[list-item]
                   (box("amendment"), format_value(form.date_of_original_submission.value))]  # type: ignore[list-item]
    each = height / len(middle)
    for index, (label, value) in enumerate(middle):
        _draw_value_box(pen, label, value, left + col1, top + index * each, col2, each)
    x3 = left + col1 + col2
    _draw_relationship(pen, form, box("relationship"), x3, top, col3, height * 0.62)  # type: ignore[arg-type]
    _draw_filing_type(pen, form, box("filing_type"), x3, top + height * 0.62, col3,  # type: ignore[arg-type]
                      height * 0.38)
    return top + height


def _month_year(form: Form4) -> str:
    original = form.date_of_original_submission.value
    return original.strftime("%m/%Y") if original else ""
