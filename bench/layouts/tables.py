"""Table I and Table II: columns in the form's order, cell texts, and drawing with page splits.

The columns are the form's own leaf columns (Table I has 11, Table II 16, the pre-2002 tables
one fewer each: no deemed execution date).  Their widths start from the proportions of the
SEC's blank, are stretched by the layout's drawn factors, and never fall below what their
values need; when the page is too narrow for that, the table's type gets smaller.  Rows that do
not fit on the page continue on the next under the table's title marked "(continued)" and the
headings again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bench.layouts import words
from bench.layouts.content import formatter
from bench.layouts.pen import Pen
from bench.layouts.printing import BLANK, Printed
from bench.layouts.spec import LayoutSpec
from extractor.model import DerivativeRow, NonDerivativeRow


@dataclass(frozen=True, slots=True)
class Column:
    key: str          # the leaf column ("shares", "ad", "price")
    group: str        # the heading it sits under (words.TABLE_I / TABLE_II key)
    number: str       # the heading's printed number ("4")
    sub: str          # its sub-heading ("Amount"), or "" for a column with none
    weight: float     # its share of the width on the SEC's blank
    kind: str         # "text" (wraps), "number", "short" (codes, dates)


# (leaf, heading group, number, sub-heading index in words.SUBHEADINGS or -1, weight, kind)
_I = (("title", "title", "1", -1, 53, "text"), ("date", "date", "2", -1, 95, "short"),
      ("deemed", "deemed", "2A", -1, 95, "short"), ("code", "code", "3", 0, 42, "short"),
      ("v", "code", "3", 1, 32, "short"), ("shares", "securities", "4", 0, 50, "number"),
      ("ad", "securities", "4", 1, 61, "short"), ("price", "securities", "4", 2, 35, "number"),
      ("owned", "owned", "5", -1, 126, "number"), ("form", "form", "6", -1, 75, "short"),
      ("nature", "nature", "7", -1, 61, "text"))
_II = (("title", "title", "1", -1, 49, "text"), ("conversion", "conversion", "2", -1, 54, "number"),
       ("date", "date", "3", -1, 54, "short"), ("deemed", "deemed", "3A", -1, 54, "short"),
       ("code", "code", "4", 0, 31.5, "short"), ("v", "code", "4", 1, 27, "short"),
       ("acquired", "number", "5", 0, 31.5, "number"),
       ("disposed", "number", "5", 1, 31.5, "number"),
       ("exercisable", "exercise", "6", 0, 54, "short"),
       ("expiration", "exercise", "6", 1, 49.5, "short"),
       ("underlying_title", "underlying", "7", 0, 31.5, "text"),
       ("underlying_shares", "underlying", "7", 1, 45, "number"),
       ("price", "price", "8", -1, 49.5, "number"), ("owned", "owned", "9", -1, 58.5, "number"),
       ("form", "form", "10", -1, 54, "short"), ("nature", "nature", "11", -1, 50.4, "text"))
#: The pre-2002 tables have no deemed execution date; the later numbers move up by one.
_PRE_NUMBERS_I = {"title": "1", "date": "2", "code": "3", "securities": "4", "owned": "5",
                  "form": "6", "nature": "7"}
_PRE_NUMBERS_II = {"title": "1", "conversion": "2", "date": "3", "code": "4", "number": "5",
                   "exercise": "6", "underlying": "7", "price": "8", "owned": "9", "form": "10",
                   "nature": "11"}


def columns(table: str, spec: LayoutSpec) -> list[Column]:
    """The leaf columns of ``table`` ("I" or "II") on the spec's revision, widths drawn."""
    rows, factors = (_I, spec.widths_i) if table == "I" else (_II, spec.widths_ii)
    pre = spec.revision == "pre-2002"
    numbers = _PRE_NUMBERS_I if table == "I" else _PRE_NUMBERS_II
    out = []
    for (key, group, number, sub, weight, kind), factor in zip(rows, factors, strict=True):
        if pre and key == "deemed":
            continue
        out.append(Column(key, group, numbers[group] if pre else number,
                          words.SUBHEADINGS[group][sub] if sub >= 0 else "", weight * factor,
                          kind))
    return out


def heading_text(table: str, column: Column, spec: LayoutSpec) -> str:
    vocab = words.TABLE_I if table == "I" else words.TABLE_II
    key = "owned_pre" if column.group == "owned" and spec.revision == "pre-2002" else column.group
    return words.numbered(column.number, words.pick(vocab, key, spec.wording), spec.numbering)


def cells_i(row: NonDerivativeRow, spec: LayoutSpec) -> dict[str, Printed]:
    fmt = formatter(spec)
    return {"title": fmt.text(row.security_title), "date": fmt.day(row.transaction_date),
            "deemed": fmt.day(row.deemed_execution_date), "code": fmt.text(row.transaction_code),
            "v": fmt.text(row.transaction_timeliness), "shares": fmt.amount(row.transaction_shares),
            "ad": fmt.text(row.transaction_acquired_disposed_code),
            "price": fmt.money(row.transaction_price_per_share),
            "owned": fmt.amount(row.shares_owned_following_transaction),
            "form": fmt.text(row.direct_or_indirect_ownership),
            "nature": fmt.text(row.nature_of_ownership)}


def cells_ii(row: DerivativeRow, spec: LayoutSpec) -> dict[str, Printed]:
    """Table II's cells; the shares go under (A) or (D) as the row's code says."""
    fmt = formatter(spec)
    shares = fmt.amount(row.transaction_shares)
    code = row.transaction_acquired_disposed_code
    disposed = code.value == "D"
    if code.footnote_ids:  # no column of its own: its marks ride on the shares
        shares = Printed(shares.text, shares.marks + fmt.text(code).marks)
    return {"title": fmt.text(row.security_title),
            "conversion": fmt.money(row.conversion_or_exercise_price),
            "date": fmt.day(row.transaction_date), "deemed": fmt.day(row.deemed_execution_date),
            "code": fmt.text(row.transaction_code), "v": fmt.text(row.transaction_timeliness),
            "acquired": BLANK if disposed else shares, "disposed": shares if disposed else BLANK,
            "exercisable": fmt.day(row.exercise_date), "expiration": fmt.day(row.expiration_date),
            "underlying_title": fmt.text(row.underlying_security_title),
            "underlying_shares": fmt.amount(row.underlying_security_shares),
            "price": fmt.money(row.transaction_price_per_share),
            "owned": fmt.amount(row.shares_owned_following_transaction),
            "form": fmt.text(row.direct_or_indirect_ownership),
            "nature": fmt.text(row.nature_of_ownership)}


@dataclass
class Flow:
    """A column of content running down pages: ``y`` is where the next thing goes; when it
    would pass ``bottom``, the page ends (``on_page_end``) and a new one starts at ``top``
    after ``on_new_page`` has drawn its running head."""

    pen: Pen
    top: float
    bottom: float
    y: float
    on_new_page: Callable[[Flow], None] | None = None
    on_page_end: Callable[[Flow], None] | None = None

    def new_page(self) -> None:
        if self.on_page_end:
            self.on_page_end(self)
        self.pen.show_page()
        self.y = self.top
        if self.on_new_page:
            self.on_new_page(self)

    def need(self, height: float) -> None:
        """Start a new page unless ``height`` fits below ``y``."""
        if self.y + height > self.bottom and self.y > self.top + 1:
            self.new_page()


def _fit_widths(mins: list[float], weights: list[float], total: float) -> list[float] | None:
    """Widths in proportion to ``weights`` summing to ``total``, none below its minimum."""
    if sum(mins) > total:
        return None
    fixed: dict[int, float] = {}
    while True:
        free = total - sum(fixed.values())
        share = sum(w for i, w in enumerate(weights) if i not in fixed)
        widths = [fixed.get(i, free * w / share) for i, w in enumerate(weights)]
        short = [i for i, w in enumerate(widths) if i not in fixed and w < mins[i]]
        if not short:
            return widths
        for i in short:
            fixed[i] = mins[i]


def draw_table(flow: Flow, table: str, spec: LayoutSpec, rows: list[dict[str, Printed]],
               x0: float, x1: float, title: str) -> None:
    """Draw one table (title, headings, rows) into ``flow``, continuing on new pages."""
    pen = flow.pen
    cols = columns(table, spec)
    value_font = pen.value_face()
    size = min(spec.value_size, 9.0)
    head = max(min(spec.label_size, size), 4.5)
    pad = spec.cell_pad
    while True:
        mins = _minimum_widths(pen, table, cols, rows, size, head, pad)
        widths = _fit_widths(mins, [c.weight for c in cols], x1 - x0)
        if widths is not None or size <= 4.5:
            break
        size, head, pad = size - 0.5, max(head - 0.5, 4.0), max(pad - 0.5, 2.0)
    widths = widths or [m * (x1 - x0) / sum(mins) for m in mins]
    edges = [x0]
    for w in widths:
        edges.append(edges[-1] + w)
    lead = size * 1.2

    def cell_lines(row: dict[str, Printed]) -> dict[str, list[Printed]]:
        return {c.key: (pen.wrap_marked(row.get(c.key, BLANK), value_font, size,
                                        edges[i + 1] - edges[i] - 2 * pad)
                        if c.kind == "text" else [row.get(c.key, BLANK)])
                for i, c in enumerate(cols)}

    def title_block(top: float, continued: bool) -> float:
        text = title + (" " + words.pick(words.TITLES, "continued", spec.wording)
                        if continued else "")
        y = pen.paragraph(x0, top, text, pen.bold_face(), head + 1.5, x1 - x0, leading=1.3)
        if table == "II":
            y = pen.paragraph(x0, y, words.TITLES["table_ii_sub"][0], pen.label_face(), head,
                              x1 - x0, leading=1.3)
        return _headings(pen, y + 2, table, cols, edges, spec, head, pad)

    def start(continued: bool, first_row: float) -> None:
        with pen.dry():
            height = title_block(0, continued)
        flow.need(height + first_row)
        flow.y = title_block(flow.y, continued)

    laid = [cell_lines(row) for row in rows]
    heights = [max(len(v) for v in lines.values()) * lead + 2 * pad for lines in laid]
    start(False, heights[0] if heights else 0)
    for lines, height in zip(laid, heights, strict=True):
        if flow.y + height > flow.bottom:
            flow.new_page()
            start(True, height)
        _row(pen, cols, edges, lines, flow.y, height, spec, size, pad)
        flow.y += height
    flow.y += 4


def _minimum_widths(pen: Pen, table: str, cols: list[Column], rows: list[dict[str, Printed]],
                    size: float, head: float, pad: float) -> list[float]:
    """What each column needs: its widest value (a text column: its longest word), its
    sub-heading's or heading's longest word; a heading over several columns widens them
    all alike when its longest word needs more than they have together."""
    spec = pen.spec
    value_font, label_font = pen.value_face(), pen.label_face()

    def longest(text: str) -> float:
        return max((pen.measure(w, label_font, head) for w in text.split()), default=0.0)

    mins = []
    for col in cols:
        texts = [r.get(col.key, BLANK) for r in rows]
        if col.kind == "text":  # the longest word; the last word with the marks after it
            need = max([pen.measure(w, value_font, size) for r in texts
                        for w in r.text.split()] +
                       [pen.marked_width(Printed((r.text.split() or [""])[-1], r.marks),
                                         value_font, size) for r in texts] + [size * 2])
        else:
            need = max([pen.marked_width(r, value_font, size) for r in texts] + [size])
        heading = pen.label(col.sub or heading_text(table, col, spec))
        mins.append(max(need, longest(heading)) + 2 * pad)
    for group in dict.fromkeys(c.group for c in cols):
        members = [i for i, c in enumerate(cols) if c.group == group]
        if len(members) > 1:
            need = longest(pen.label(heading_text(table, cols[members[0]], spec))) + 2 * pad
            have = sum(mins[i] for i in members)
            if need > have:
                for i in members:
                    mins[i] *= need / have
    return mins


def _headings(pen: Pen, top: float, table: str, cols: list[Column], edges: list[float],
              spec: LayoutSpec, size: float, pad: float) -> float:
    """The numbered headings, and the sub-headings under the headings that span columns;
    returns their bottom."""
    font = pen.label_face()
    lead = size * 1.15
    groups: list[tuple[str, int, int]] = []  # (group, first leaf, last leaf)
    for i, col in enumerate(cols):
        if groups and groups[-1][0] == col.group:
            groups[-1] = (col.group, groups[-1][1], i)
        else:
            groups.append((col.group, i, i))
    wrapped = {g: pen.wrap(pen.label(heading_text(table, cols[a], spec)), font, size,
                           edges[b + 1] - edges[a] - 2 * pad) for g, a, b in groups}
    subs = {i: pen.wrap(pen.label(c.sub), font, size, edges[i + 1] - edges[i] - 2 * pad)
            for i, c in enumerate(cols) if c.sub}
    sub_height = max((len(v) for v in subs.values()), default=0) * lead + 2 * pad
    top_height = max(len(v) for v in wrapped.values()) * lead + 2 * pad
    bottom = top + top_height + sub_height
    for group, a, b in groups:
        for n, line in enumerate(wrapped[group]):
            pen.text(edges[a] + pad, top + pad + n * lead, line, font, size)
        spans = cols[a].sub != ""
        if spans:
            for i in range(a, b + 1):
                for n, line in enumerate(subs[i]):
                    pen.text((edges[i] + edges[i + 1]) / 2, top + top_height + pad + n * lead,
                             line, font, size, align="center")
        _cell_frame(pen, spec, edges[a], top, edges[b + 1], top + top_height if spans else bottom)
        if spans:
            for i in range(a, b + 1):
                _cell_frame(pen, spec, edges[i], top + top_height, edges[i + 1], bottom)
    if spec.border in ("lines", "none"):
        pen.rule(edges[0], bottom, edges[-1], 0.8 if spec.border == "lines" else 0.3)
    return bottom


def _cell_frame(pen: Pen, spec: LayoutSpec, x0: float, top: float, x1: float,
                bottom: float) -> None:
    if spec.border == "rect":
        pen.frame(x0, top, x1, bottom)
    elif spec.border == "partial":
        pen.frame(x0, top, x1, bottom, "tlr")
    elif spec.border == "lines":
        pen.rule(x0, top, x1, 0.5)


def _row(pen: Pen, cols: list[Column], edges: list[float], lines: dict[str, list[Printed]],
         top: float, height: float, spec: LayoutSpec, size: float, pad: float) -> None:
    font = pen.value_face()
    for i, col in enumerate(cols):
        left, right = edges[i] + pad, edges[i + 1] - pad
        align = "left" if col.kind == "text" else (
            spec.number_align if col.kind == "number" else "center")
        x = {"left": left, "right": right, "center": (left + right) / 2}[align]
        for n, value in enumerate(lines[col.key]):
            pen.marked(x, top + pad + n * size * 1.2, value, font, size, align=align)
        if spec.border == "rect":
            pen.frame(edges[i], top, edges[i + 1], top + height)
        elif spec.border == "partial":
            pen.frame(edges[i], top, edges[i + 1], top + height, "lr")
    if spec.border == "lines":
        pen.rule(edges[0], top + height, edges[-1], 0.25)
