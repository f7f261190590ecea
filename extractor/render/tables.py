"""Tables I and II: title bar, numbered column headings, sub-headings, rows; continued on
further pages with the headings repeated."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extractor.fields.table_rows import leaf_columns
from extractor.knowledge import labels as K
from extractor.model import DerivativeRow, NonDerivativeRow
from extractor.render.canvas_tools import Pen
from extractor.render.values import row_cells

Row = NonDerivativeRow | DerivativeRow


@dataclass(frozen=True, slots=True)
class TableSpec:
    """One table as drawn: its title, columns and relative leaf widths."""

    title: str
    columns: tuple[K.Column, ...]
    widths: tuple[float, ...]


class Flow:
    """The vertical cursor of a multi-page document (implemented by the renderer)."""

    pen: Pen
    top: float

    def ensure(self, height: float, on_new_page: Callable[[], None] | None = None) -> None:
        raise NotImplementedError


def _leaf_x(pen: Pen, widths: Sequence[float]) -> list[float]:
    widths = [widths[0] * pen.style.first_column_scale, *widths[1:]]
    scale = pen.style.content_width / sum(widths)
    xs = [pen.style.margin]
    for width in widths:
        xs.append(xs[-1] + width * scale)
    return xs


def _heading_layout(pen: Pen, spec: TableSpec, xs: list[float]) -> tuple[list[tuple[
        K.Column, float, float]], float, bool]:
    """Each column's span, the height of the numbered headings, and whether sub-headings exist."""
    spans = []
    index = 0
    size = pen.style.label_size
    height = 0.0
    for column in spec.columns:
        leaves = len(column.fields)
        x0, x1 = xs[index], xs[index + leaves]
        spans.append((column, x0, x1))
        height = max(height, pen.wrapped_height(f"{column.number}. {column.heading}",
                                                x1 - x0 - 4, size))
        index += leaves
    return spans, height + 6, any(c.sub_headings for c in spec.columns)


def draw_table(flow: Flow, spec: TableSpec, rows: Sequence[Row]) -> None:
    """Draw one table at the flow's cursor, continuing on new pages as needed."""
    pen = flow.pen
    st = pen.style
    xs = _leaf_x(pen, spec.widths)
    spans, heading_height, has_subs = _heading_layout(pen, spec, xs)
    sub_lines = 1
    index = 0
    for column in spec.columns:
        for offset, sub in enumerate(column.sub_headings):
            width = xs[index + offset + 1] - xs[index + offset] - 2
            sub_lines = max(sub_lines, len(pen.lines(sub, width, st.label_size)))
        index += len(column.fields)
    sub_height = (sub_lines * st.label_size * 1.2 + 4) if has_subs else 0.0
    leaves = leaf_columns(spec.columns)

    def header(continued: bool) -> None:
        top = flow.top
        title = spec.title + (f" {K.PRINTED_TEXT['continued']}" if continued else "")
        pen.box(xs[0], top, xs[-1] - xs[0], 12)
        pen.text((xs[0] + xs[-1]) / 2, top + 8.5, title, st.label_size * 1.1, bold=True,
                 align="center")
        top += 12
        for column, x0, x1 in spans:
            pen.box(x0, top, x1 - x0, heading_height + sub_height)
            pen.wrapped(x0 + 2, top + st.label_size + 1, x1 - x0 - 4,
                        f"{column.number}. {column.heading}", st.label_size)
        if has_subs:
            index = 0
            for column in spec.columns:
                if column.sub_headings:
                    for offset, sub in enumerate(column.sub_headings):
                        x0, x1 = xs[index + offset], xs[index + offset + 1]
                        pen.box(x0, top + heading_height, x1 - x0, sub_height)
                        pen.wrapped(x0 + 1, top + heading_height + st.label_size + 1.5,
                                    x1 - x0 - 2, sub, st.label_size, align="center")
                index += len(column.fields)
        flow.top = top + heading_height + sub_height

    flow.ensure(12 + heading_height + sub_height + 14)
    header(False)
    leading = st.value_size * 1.2
    printed = [row_cells(r, spec.columns) for r in rows] or [[""] * len(leaves)] * 2
    for cells in printed:
        wrapped = [pen.lines(text, xs[i + 1] - xs[i] - 4) for i, text in enumerate(cells)]
        height = max(1, *(len(w) for w in wrapped)) * leading + 4
        flow.ensure(height, lambda: header(True))
        top = flow.top
        for i, lines in enumerate(wrapped):
            pen.box(xs[i], top, xs[i + 1] - xs[i], height)
            for line_no, line in enumerate(lines):
                pen.text(xs[i] + 2, top + leading * (line_no + 1) - 1, line)
        flow.top = top + height
