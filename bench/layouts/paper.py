"""The paper-form families: the SEC's printed Form 4 and EDGAR's view of it.

* ``paper``       - the 2002 (or 2023, with the Rule 10b5-1 box; or pre-2002) revision: title
                    block with FORM 4, the Section 16 box and the OMB box; a header of three
                    columns (box 1 | boxes 2-4 | boxes 5-6) or two rows of boxes; Table I and
                    Table II flowing down the pages; explanations, signature, boilerplate.
* ``paper-2026``  - the 2026 revision's arrangement: box 2a, "(Country)" and "Zip/Postal Code"
                    in box 1, Table I and Table II each on a page of its own, the signature on
                    the last page, "SEC 1474 (03-26)".
* ``edgar-view``  - EDGAR's HTML view as a browser prints it: portrait, Helvetica labels, values
                    in a serif colour font under them, box 1 repeated for every owner, and the
                    Reporting Owners and Signatures tables that investor-relations sites add.
"""

from __future__ import annotations

from bench.layouts import sections, words
from bench.layouts.boxes import box_height, stack
from bench.layouts.content import Box, header_boxes, title_checks
from bench.layouts.pen import Pen
from bench.layouts.spec import LayoutSpec
from bench.layouts.tables import Flow, cells_i, cells_ii, draw_table
from extractor.model import Form4


def _title_block(pen: Pen, form: Form4, x0: float, top: float, x1: float) -> float:
    """FORM 4 and the check boxes left, the Commission's title centred, the OMB box right."""
    spec = pen.spec
    width = x1 - x0
    lsize = spec.label_size
    bold = pen.bold_face()
    size = 14 + (spec.wording % 5)
    form_width = pen.measure("FORM 4", bold, size) + 8
    pen.text(x0 + 4, top + 3, "FORM 4", bold, size)
    pen.frame(x0, top, x0 + form_width, top + size * 1.3)
    left = sections.title_check_boxes(pen, title_checks(form, spec), x0, top + size * 1.3 + 6,
                                      x0 + width * 0.27)
    omb = words.OMB[spec.revision]
    o0 = x1 - max(width * 0.18, max(pen.measure(line, bold, lsize) for line in omb) + 8)
    c0, c1 = x0 + width * 0.3, o0 - width * 0.03
    mid = (c0 + c1) / 2
    y = top + 2
    for key, heavy in (("commission", True), ("city", False), ("statement", True)):
        for line in pen.wrap(words.pick(words.TITLE_BLOCK, key, spec.wording), bold, lsize + 2,
                             c1 - c0):
            pen.text(mid, y, line, bold if heavy else pen.label_face(), lsize + 2,
                     align="center")
            y += (lsize + 2) * 1.3
        y += 2
    for line in pen.wrap(words.pick(words.TITLE_BLOCK, "pursuant", spec.wording),
                         pen.label_face(), lsize, c1 - c0):
        pen.text(mid, y, line, pen.label_face(), lsize, align="center")
        y += lsize * 1.25
    oy = top
    for n, line in enumerate(omb):
        pen.text((o0 + x1) / 2 if n == 0 else o0 + 3, oy + 2, line,
                 bold if n == 0 else pen.label_face(), lsize,
                 align="center" if n == 0 else "left")
        oy += lsize * 1.35
    pen.frame(o0, top, x1, oy + 3)
    return max(left, y, oy + 3) + 4


def _header(pen: Pen, form: Form4, x0: float, top: float, x1: float, owners: int,
            limit: float) -> float:
    """The header boxes in three columns, box 1 repeated for the first ``owners`` owners, or
    for as many as keep the header shorter than ``limit`` (the rest are in the Reporting
    Owners table)."""
    spec = pen.spec
    boxes = header_boxes(form, spec)
    middle_keys = ("issuer", "foreign_symbol", "irs", "period", "amendment")
    middle = [boxes[k] for k in middle_keys if k in boxes]
    right = [boxes["relationship"], boxes["filing"]]
    width = x1 - x0
    a, b, _ = spec.header_split
    edges = (x0, x0 + width * a, x0 + width * (a + b), x1)
    check_cols = 2 if edges[3] - edges[2] > 190 else 1
    for count in range(max(owners, 1), 0, -1):
        names = [header_boxes(form, spec, i)["name"] for i in range(count)] or [boxes["name"]]
        columns: list[tuple[list[Box], int]] = [(names, 1), (middle, 1), (right, check_cols)]
        heights = [sum(box_height(pen, box, edges[i + 1] - edges[i], False, cols)
                       for box in col) for i, (col, cols) in enumerate(columns)]
        if max(heights) <= limit:
            break
    bottom = top + max(heights)
    for i, (col, cols) in enumerate(columns):
        stack(pen, col, edges[i], top, edges[i + 1], bottom, False, cols)
    return bottom


def _header_rows(pen: Pen, form: Form4, x0: float, top: float, x1: float) -> float:
    """The header boxes in two rows: box 1, box 2 and box 5 above; the dates and box 6 below
    (a rearrangement some printed layouts use)."""
    boxes = header_boxes(form, pen.spec)
    first = [[boxes["name"]], [boxes["issuer"]] + ([boxes["foreign_symbol"]]
                                                   if "foreign_symbol" in boxes else []),
             [boxes["relationship"]]]
    second = [[boxes["period"]] + ([boxes["irs"]] if "irs" in boxes else []),
              [boxes["amendment"]], [boxes["filing"]]]
    width = x1 - x0
    a, b, _ = pen.spec.header_split
    edges = (x0, x0 + width * a, x0 + width * (a + b), x1)
    y = top
    for row in (first, second):
        cols = [2 if (edges[i + 1] - edges[i]) > 190 else 1 for i in range(3)]
        height = max(sum(box_height(pen, bx, edges[i + 1] - edges[i], False, cols[i])
                         for bx in col) for i, col in enumerate(row))
        for i, col in enumerate(row):
            stack(pen, col, edges[i], y, edges[i + 1], y + height, False, cols[i])
        y += height
    return y


def render_paper(form: Form4, spec: LayoutSpec, size: tuple[float, float]) -> bytes:
    """Draw ``form`` in one of the paper families; return the PDF."""
    pen = Pen(spec, size)
    m = spec.margin
    x0, x1 = m, pen.width - m
    footer = spec.label_size * 2.6
    own_pages = spec.family == "paper-2026"
    edgar = spec.family == "edgar-view"

    def page_end(flow: Flow) -> None:
        y = pen.height - m - footer + 4
        pen.text(x0, y, words.SEC_NUMBER[spec.revision], pen.label_face(), spec.label_size)
        pen.text(x1, y, f"Page {pen.pages}", pen.label_face(), spec.label_size, align="right")

    def page_head(flow: Flow) -> None:
        if not edgar:
            pen.text(x0, flow.y, "FORM 4 " + words.pick(words.TITLES, "continued", spec.wording),
                     pen.bold_face(), spec.label_size + 2)
            flow.y += (spec.label_size + 2) * 1.8

    flow = Flow(pen, m, pen.height - m - footer, m, page_head, page_end)
    flow.y = _title_block(pen, form, x0, m, x1)
    pen.text(x0, flow.y, words.TITLE_BLOCK["print"][0], pen.label_face(), spec.label_size)
    flow.y += spec.label_size * 1.5
    owners = len(form.reporting_owners) if edgar else 1
    if spec.header_rows and not edgar:
        flow.y = _header_rows(pen, form, x0, flow.y, x1)
    else:
        flow.y = _header(pen, form, x0, flow.y, x1, owners, (flow.bottom - flow.y) * 0.8) + 3
    sections.boilerplate(flow, ("joint_note",), x0, x1)
    flow.y += 6
    if own_pages:
        flow.new_page()
    blank = [{} for _ in range(spec.blank_rows)]
    draw_table(flow, "I", spec, [cells_i(r, spec) for r in form.non_derivative_table] + blank,
               x0, x1, words.pick(words.TITLES, "table_i", spec.wording))
    sections.boilerplate(flow, ("reminder",), x0, x1)
    flow.y += 6
    if own_pages:
        flow.new_page()
    draw_table(flow, "II", spec, [cells_ii(r, spec) for r in form.derivative_table] + blank,
               x0, x1, words.pick(words.TITLES, "table_ii", spec.wording))
    sections.explanations(flow, form, x0, x1)
    sections.remarks(flow, form, x0, x1)
    if own_pages:
        flow.new_page()
    sections.signatures(flow, form, x0, x1)
    sections.boilerplate(flow, ("misstatements", "copies", "persons"), x0, x1)
    if edgar:
        flow.y += 10
        sections.owners_table(flow, form, x0, x1)
        sections.signatures_table(flow, form, x0, x1)
    elif len(form.reporting_owners) > 1:
        flow.y += 10
        sections.further_owners(flow, form, x0, x1, spec.owners)
    page_end(flow)
    return pen.finish()
