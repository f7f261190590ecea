"""Filing-agent software looks: the same boxes, arranged as software prints them.

* ``agent-stacked`` - a heading line, the title block's check boxes, then every header box one
                      under another at full width, the value beside its label where it fits
                      ("2. Issuer Name and Ticker or Trading Symbol: Apple Inc. [AAPL]"); box 1
                      and box 5 repeated for each reporting owner.
* ``agent-grid``    - the header boxes in a two-column grid (box 1 | box 2, box 3 | box 4,
                      box 5 | box 6, ...), each pair of boxes as tall as the taller one.

Both print the tables in the form's column order, then explanations, remarks, signatures and
(for further owners in the joint-filer list style) the owners after the first.  An amendment's
heading says "FORM 4/A".
"""

from __future__ import annotations

from bench.layouts import sections, words
from bench.layouts.boxes import box_height, draw_box, stack
from bench.layouts.content import Box, header_boxes, title_checks
from bench.layouts.pen import Pen
from bench.layouts.spec import LayoutSpec
from bench.layouts.tables import Flow, cells_i, cells_ii, draw_table
from extractor.model import Form4


def _heading(pen: Pen, form: Form4, x0: float, top: float, x1: float) -> float:
    spec = pen.spec
    bold = pen.bold_face()
    size = spec.label_size + 6
    name = "FORM 4/A" if form.document_type.value == "4/A" else "FORM 4"
    pen.text(x0, top, name, bold, size)
    statement = words.pick(words.TITLE_BLOCK, "statement", spec.wording)
    pen.text(x1, top + 2, pen.label(statement), bold, spec.label_size + 1.5, align="right")
    y = top + size * 1.35
    pen.text(x1, y, words.pick(words.TITLE_BLOCK, "commission", spec.wording),
             pen.label_face(), spec.label_size, align="right")
    pen.rule(x0, y + spec.label_size * 1.6, x1, 1.0)
    return y + spec.label_size * 1.6 + 5


def _owner_boxes(form: Form4, spec: LayoutSpec) -> list[Box]:
    """Box 1 of the first owner; when owners repeat, box 1 and box 5 of each further one."""
    count = max(len(form.reporting_owners), 1) if spec.owners == "repeat" else 1
    out: list[Box] = []
    for index in range(count):
        boxes = header_boxes(form, spec, index)
        out.append(boxes["name"])
        if index and spec.owners == "repeat":
            out.append(boxes["relationship"])
    return out


def _order(form: Form4, spec: LayoutSpec) -> list[Box]:
    """The header boxes in print order: the owners' boxes first (box 5 of the first owner
    right after its box 1 when owners repeat), then boxes 2 to 6."""
    boxes = header_boxes(form, spec)
    order = [*_owner_boxes(form, spec), *(b for k, b in boxes.items() if k != "name")]
    if spec.owners == "repeat":
        order.remove(boxes["relationship"])
        order.insert(1, boxes["relationship"])
    return order


def _stacked(flow: Flow, form: Form4, x0: float, x1: float) -> None:
    pen, spec = flow.pen, flow.pen.spec
    columns = 4 if x1 - x0 > 400 else 2
    for box in _order(form, spec):
        flow.need(box_height(pen, box, x1 - x0, spec.values_beside, columns))
        flow.y = stack(pen, [box], x0, flow.y, x1, None, spec.values_beside, columns)


def _grid(flow: Flow, form: Form4, x0: float, x1: float) -> None:
    pen, spec = flow.pen, flow.pen.spec
    order = _order(form, spec)
    mid = (x0 + x1) / 2
    sides = pen.box_sides()
    for start in range(0, len(order), 2):
        pair = order[start:start + 2]
        spans = [(x0, mid), (mid, x1)][:len(pair)]
        height = max(box_height(pen, b, e - s, spec.values_beside, 2)
                     for b, (s, e) in zip(pair, spans, strict=True))
        flow.need(height)
        for box, (s, e) in zip(pair, spans, strict=True):
            draw_box(pen, box, s, flow.y, e, spec.values_beside, 2)
            pen.frame(s, flow.y, e, flow.y + height, sides)
        flow.y += height


def render_agent(form: Form4, spec: LayoutSpec, size: tuple[float, float]) -> bytes:
    """Draw ``form`` in one of the agent families; return the PDF."""
    pen = Pen(spec, size)
    m = spec.margin
    x0, x1 = m, pen.width - m
    footer = spec.label_size * 2.4

    def page_end(flow: Flow) -> None:
        pen.text(x1, pen.height - m - footer + 4, f"Page {pen.pages}", pen.label_face(),
                 spec.label_size, align="right")

    flow = Flow(pen, m, pen.height - m - footer, m, None, page_end)
    flow.y = _heading(pen, form, x0, m, x1)
    flow.y = sections.title_check_boxes(pen, title_checks(form, spec), x0, flow.y, x1) + 4
    (_grid if spec.family == "agent-grid" else _stacked)(flow, form, x0, x1)
    flow.y += 10
    draw_table(flow, "I", spec, [cells_i(r, spec) for r in form.non_derivative_table], x0, x1,
               words.pick(words.TITLES, "table_i", spec.wording))
    flow.y += 6
    draw_table(flow, "II", spec, [cells_ii(r, spec) for r in form.derivative_table], x0, x1,
               words.pick(words.TITLES, "table_ii", spec.wording))
    sections.explanations(flow, form, x0, x1)
    sections.remarks(flow, form, x0, x1)
    sections.signatures(flow, form, x0, x1)
    if len(form.reporting_owners) > 1 and spec.owners in ("list", "table"):
        flow.y += 8
        sections.further_owners(flow, form, x0, x1, spec.owners)
    page_end(flow)
    return pen.finish()
