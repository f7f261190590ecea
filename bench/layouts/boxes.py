"""Drawing one header box (label, value lines, check lines, notes) inside given edges.

A box's value sits under its label, or beside it ("2. Issuer Name ...: Apple Inc. [AAPL]")
when the layout draws values beside labels and the value fits there.  Box 1's parts carry the
sub-labels the paper form prints under them ("(Street)", "(City)"); beside-label layouts print
a part's single sub-label before it instead.  Long values wrap inside the box; a value sharing
its line with others (city, state, zip) is set smaller until it fits its share.
"""

from __future__ import annotations

from bench.layouts.content import Box, Check, Line, Note, Part
from bench.layouts.pen import ASCENT, Pen
from bench.layouts.printing import Printed

#: Padding inside a box, in points.
PAD = 3.0


def fit_size(pen: Pen, value: Printed, font: str, size: float, width: float,
             floor: float = 4.5) -> float:
    """The largest size up to ``size`` (in half points) at which ``value`` fits ``width``."""
    while size > floor and pen.marked_width(value, font, size) > width:
        size -= 0.5
    return size


def draw_box(pen: Pen, box: Box, x0: float, top: float, x1: float, beside: bool = False,
             check_columns: int = 1) -> float:
    """Draw ``box``'s content between ``x0`` and ``x1`` from ``top``; return its bottom."""
    spec = pen.spec
    lsize, vsize = spec.label_size, spec.value_size
    lfont, vfont = pen.label_face(), pen.value_face()
    inner0, inner1 = x0 + PAD, x1 - PAD
    y = top + PAD
    title = pen.label(box.title(spec.numbering))
    single = _single_value(box)
    if beside and single is not None:
        head = title + ":"
        end = inner0 + pen.measure(head, lfont, lsize) + 4
        if end < inner1 and pen.marked_width(single, vfont, vsize) <= inner1 - end:
            # one line, baselines aligned: the smaller label moves down to the value's
            shift = max(0.0, (vsize - lsize) * ASCENT)
            pen.text(inner0, y + shift, head, lfont, lsize)
            pen.marked(end, y + max(0.0, (lsize - vsize) * ASCENT), single, vfont, vsize)
            return y + max(lsize, vsize) * 1.25 + PAD
        y = pen.paragraph(inner0, y, head, lfont, lsize, inner1 - inner0) + 1
        return _wrapped_value(pen, single, inner0, y, inner1 - inner0, vfont, vsize) + PAD
    y = pen.paragraph(inner0, y, title, lfont, lsize, inner1 - inner0) + 1.5
    items = list(box.items)
    while items:
        item = items.pop(0)
        if isinstance(item, Check):
            group = [item]
            while items and isinstance(items[0], Check):
                group.append(items.pop(0))  # type: ignore[arg-type]
            y = draw_checks(pen, group, inner0, y, inner1, check_columns)
        elif isinstance(item, Note):
            y = _wrapped_value(pen, item.value, inner0 + 8, y, inner1 - inner0 - 8, vfont,
                               vsize)
        else:
            y = _line(pen, item, inner0, y, inner1, beside)
    return y + PAD


def _single_value(box: Box) -> Printed | None:
    """The value of a box that holds exactly one value and nothing else, else None."""
    if len(box.items) != 1 or not isinstance(box.items[0], Line):
        return None
    parts = box.items[0].parts
    return parts[0].value if len(parts) == 1 and not parts[0].sublabels else None


def _wrapped_value(pen: Pen, value: Printed, x: float, top: float, width: float, font: str,
                   size: float) -> float:
    for line in pen.wrap_marked(value, font, size, width):
        pen.marked(x, top, line, font, size)
        top += size * 1.2
    return top + 1


def _line(pen: Pen, line: Line, x0: float, top: float, x1: float, beside: bool) -> float:
    """A value line: each part at its share of the width, sub-labels under (or before) it."""
    spec = pen.spec
    lsize, vsize = spec.label_size, spec.value_size
    lfont, vfont = pen.label_face(), pen.value_face()
    width = x1 - x0
    x = x0
    bottom = top
    for part in line.parts:
        span = width * part.share - (4 if part.share < 1 else 0)
        if beside and len(part.sublabels) == 1:
            prefix = pen.label(part.sublabels[0]) + " "
            used = pen.text(x, top + (vsize - lsize) * 0.5, prefix, lfont, lsize)
            size = fit_size(pen, part.value, vfont, vsize, span - used)
            pen.marked(x + used, top, part.value, vfont, size)
            bottom = max(bottom, top + vsize * 1.3)
        else:
            bottom = max(bottom, _part_under(pen, part, x, top, span))
        x += width * part.share
    return bottom


def _part_under(pen: Pen, part: Part, x: float, top: float, span: float) -> float:
    """A part with its sub-labels printed under it, spread across its span."""
    spec = pen.spec
    lsize, vsize = spec.label_size, spec.value_size
    lfont, vfont = pen.label_face(), pen.value_face()
    if part.share < 1:
        size = fit_size(pen, part.value, vfont, vsize, span)
        pen.marked(x, top, part.value, vfont, size)
        y = top + vsize * 1.25
    else:
        y = _wrapped_value(pen, part.value, x, top, span, vfont, vsize) + 0.5
        if not part.value.text:
            y = top + vsize * 1.25
    if part.sublabels:
        step = span / len(part.sublabels)
        for n, sub in enumerate(part.sublabels):
            text = Printed(pen.label(sub))
            pen.text(x + n * step, y, text.text, lfont, fit_size(pen, text, lfont, lsize,
                                                                 step - 2, 3.5))
        y += lsize * 1.3
    return y


def draw_checks(pen: Pen, checks: list[Check], x0: float, top: float, x1: float,
                columns: int = 1) -> float:
    """Check lines in ``columns`` columns (row by row); return the bottom."""
    spec = pen.spec
    lsize = spec.label_size
    size = max(lsize, min(spec.value_size, lsize + 2))
    lfont = pen.label_face()
    step = (x1 - x0) / columns
    y = top
    for start in range(0, len(checks), columns):
        row_bottom = y
        for n, check in enumerate(checks[start:start + columns]):
            x = x0 + n * step
            used = pen.check(x, y, size, check.checked)
            label_top = y + (size - lsize) * 0.5
            end = pen.paragraph(x + used, label_top, pen.label(check.label), lfont, lsize,
                                step - used - 4)
            row_bottom = max(row_bottom, end, y + size * 1.25)
        y = row_bottom + 1
    return y


def box_height(pen: Pen, box: Box, width: float, beside: bool = False,
               check_columns: int = 1) -> float:
    """How tall ``box`` draws at ``width`` (a dry run of draw_box)."""
    with pen.dry():
        return draw_box(pen, box, 0, 0, width, beside, check_columns)


def stack(pen: Pen, boxes: list[Box], x0: float, top: float, x1: float, bottom: float | None,
          beside: bool = False, check_columns: int = 1) -> float:
    """Boxes one under another between ``x0`` and ``x1``, framed in the border style; the last
    one stretches to ``bottom`` when given.  Returns the bottom."""
    sides = pen.box_sides()
    y = top
    for index, box in enumerate(boxes):
        end = draw_box(pen, box, x0, y, x1, beside, check_columns)
        if bottom is not None and index == len(boxes) - 1:
            end = max(end, bottom)
        pen.frame(x0, y, x1, end, sides)
        y = end
    return y
