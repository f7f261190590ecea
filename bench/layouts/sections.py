"""The parts after the tables that every family prints: explanations, remarks, signatures,
the further reporting owners, and the investor-relations sites' Reporting Owners and
Signatures tables.  Each draws into a :class:`~bench.layouts.tables.Flow` and breaks pages as
it goes.
"""

from __future__ import annotations

import itertools

from bench.layouts import words
from bench.layouts.boxes import PAD, draw_box, draw_checks
from bench.layouts.content import (
    Check,
    address_text,
    formatter,
    header_boxes,
    relationship_words,
)
from bench.layouts.pen import Pen
from bench.layouts.printing import Printed, note_number
from bench.layouts.tables import Flow
from extractor.model import Form4


def _note_prefix(number: str, style: str) -> str:
    return {"(1)": f"({number})", "1.": f"{number}."}.get(style, number)


def explanations(flow: Flow, form: Form4, x0: float, x1: float, heading: bool = True) -> None:
    """"Explanation of Responses:" (unless the page prints it already) and every footnote,
    numbered as the marks print them."""
    pen, spec = flow.pen, flow.pen.spec
    lsize, vsize = spec.label_size, min(spec.value_size, 9.0)
    if heading:
        flow.need(lsize * 1.4 + vsize * 2.5)
        pen.text(x0, flow.y, pen.label(words.pick(words.TITLES, "explanation", spec.wording)),
                 pen.bold_face(), lsize + 1)
        flow.y += (lsize + 1) * 1.5
    for note in form.footnotes:
        prefix = _note_prefix(note_number(note.footnote_id), spec.note_style) + " "
        indent = pen.measure(prefix, pen.value_face(), vsize)
        lines = pen.wrap(str(note.text.value or ""), pen.value_face(), vsize, x1 - x0 - indent)
        for n, line in enumerate(lines):
            flow.need(vsize * 1.25)
            if n == 0:
                pen.text(x0, flow.y, prefix, pen.value_face(), vsize, pen.value_colour)
            pen.text(x0 + indent, flow.y, line, pen.value_face(), vsize, pen.value_colour)
            flow.y += vsize * 1.22
        flow.y += vsize * 0.25
    flow.y += 4


def remarks(flow: Flow, form: Form4, x0: float, x1: float) -> None:
    """"Remarks:" and the remarks text, when the filing has any."""
    if form.remarks.value is None:
        return
    pen, spec = flow.pen, flow.pen.spec
    lsize, vsize = spec.label_size, min(spec.value_size, 9.0)
    flow.need(lsize * 1.5 + vsize * 2.5)
    pen.text(x0, flow.y, pen.label(words.pick(words.TITLES, "remarks", spec.wording)),
             pen.bold_face(), lsize + 1)
    flow.y += (lsize + 1) * 1.5
    for line in pen.wrap(str(form.remarks.value), pen.value_face(), vsize, x1 - x0):
        flow.need(vsize * 1.25)
        pen.text(x0, flow.y, line, pen.value_face(), vsize, pen.value_colour)
        flow.y += vsize * 1.22
    flow.y += 6


def signatures(flow: Flow, form: Form4, x0: float, x1: float) -> None:
    """Each signature over "** Signature of Reporting Person", its date over "Date"."""
    pen, spec = flow.pen, flow.pen.spec
    fmt = formatter(spec)
    lsize, vsize = spec.label_size, min(spec.value_size, 10.0)
    name0, name1 = x0 + (x1 - x0) * 0.4, x0 + (x1 - x0) * 0.82
    date0, date1 = name1 + 10, x1
    for signature in form.signatures or ():
        name = fmt.text(signature.signature_name)
        lines = pen.wrap_marked(name, pen.value_face(), vsize, name1 - name0)
        flow.need(len(lines) * vsize * 1.2 + lsize * 2 + 10)
        top = flow.y + 4
        for n, line in enumerate(lines):
            pen.marked(name0, top + n * vsize * 1.2, line, pen.value_face(), vsize)
        line_y = top + len(lines) * vsize * 1.2 + 1
        date = fmt.day(signature.signature_date)
        pen.marked((date0 + date1) / 2, line_y - vsize * 1.2 - 1, date, pen.value_face(),
                   vsize, align="center")
        pen.rule(name0, line_y, name1, 0.7)
        pen.rule(date0, line_y, date1, 0.7)
        pen.text(name0, line_y + 2, pen.label(words.pick(words.TITLES, "signature",
                                                         spec.wording)), pen.label_face(), lsize)
        pen.text((date0 + date1) / 2, line_y + 2, pen.label(words.TITLES["date"][0]),
                 pen.label_face(), lsize, align="center")
        flow.y = line_y + lsize * 1.4 + 4


def boilerplate(flow: Flow, keys: tuple[str, ...], x0: float, x1: float) -> None:
    """Printed instructions ("Reminder: ...", "** Intentional misstatements ..."), in order."""
    pen = flow.pen
    size = max(pen.spec.label_size - 0.5, 4.5)
    for key in keys:
        text = words.BOILERPLATE[key]
        flow.need(size * 2.5)
        flow.y = pen.paragraph(x0, flow.y, text, pen.label_face(), size, x1 - x0) + 2


def further_owners(flow: Flow, form: Form4, x0: float, x1: float, style: str) -> None:
    """Reporting owners after the first, in the layout's style: a joint filer list, boxes 1
    and 5 repeated, or the Reporting Owners table (which lists every owner)."""
    if style == "table":
        owners_table(flow, form, x0, x1)
        return
    owners = form.reporting_owners[1:]
    if not owners:
        return
    pen, spec = flow.pen, flow.pen.spec
    lsize, vsize = spec.label_size, min(spec.value_size, 10.0)
    flow.need(lsize * 3 + vsize * 6)
    pen.text(x0, flow.y, pen.label(words.pick(words.TITLES, "joint", spec.wording)),
             pen.bold_face(), lsize + 2)
    flow.y += (lsize + 2) * 1.6
    for index, owner in enumerate(owners, start=1):
        if style == "repeat":
            boxes = header_boxes(form, spec, index)
            name, rel = boxes["name"], boxes["relationship"]
            with pen.dry():
                height = max(draw_box(pen, name, x0, 0, x0 + (x1 - x0) * 0.5),
                             draw_box(pen, rel, x0, 0, x1 - (x1 - x0) * 0.5, check_columns=2))
            flow.need(height)
            mid = x0 + (x1 - x0) * 0.5
            draw_box(pen, name, x0, flow.y, mid)
            draw_box(pen, rel, mid, flow.y, x1, check_columns=2)
            pen.frame(x0, flow.y, mid, flow.y + height, pen.box_sides())
            pen.frame(mid, flow.y, x1, flow.y + height, pen.box_sides())
            flow.y += height + 4
            continue
        fmt = formatter(spec)
        lines = [fmt.text(owner.rpt_owner_name)] + [Printed(t) for t in address_text(owner)]
        relation = relationship_words(owner.relationship)
        flow.need((len(lines) + 2) * vsize * 1.25)
        for n, line in enumerate(lines):
            pen.marked(x0 + 10, flow.y + n * vsize * 1.22, line, pen.value_face(), vsize)
        flow.y += len(lines) * vsize * 1.22
        if relation:
            used = pen.text(x0 + 10, flow.y, pen.label("Relationship to Issuer: "),
                            pen.label_face(), lsize)
            pen.text(x0 + 10 + used, flow.y, relation, pen.value_face(), vsize,
                     pen.value_colour)
            flow.y += vsize * 1.25
        flow.y += vsize * 0.8


def owners_table(flow: Flow, form: Form4, x0: float, x1: float) -> None:
    """"Reporting Owners": name and address, then an X (or the officer's title, the other
    text) under Director, 10% Owner, Officer and Other, one row per owner."""
    pen, spec = flow.pen, flow.pen.spec
    lsize, vsize = spec.label_size, min(spec.value_size, 9.0)
    edges = [x0, x0 + (x1 - x0) * 0.42, x0 + (x1 - x0) * 0.52, x0 + (x1 - x0) * 0.62,
             x0 + (x1 - x0) * 0.84, x1]
    heads = ("Director", "10% Owner", "Officer", "Other")
    flow.need(lsize * 6 + vsize * 4)
    pen.text(x0, flow.y, pen.label(words.TITLES["owners_table"][0]), pen.bold_face(),
             lsize + 2.5)
    flow.y += (lsize + 2.5) * 1.6
    top = flow.y
    pen.text((edges[1] + x1) / 2, top + PAD, words.TITLES["relationships"][0],
             pen.label_face(), lsize, align="center")
    pen.text(edges[0] + PAD, top + PAD + lsize * 1.3, words.TITLES["owner_name_address"][0],
             pen.label_face(), lsize)
    for n, head in enumerate(heads):
        pen.text((edges[n + 1] + edges[n + 2]) / 2, top + PAD + lsize * 1.3, head,
                 pen.label_face(), lsize, align="center")
    bottom = top + lsize * 2.6 + 2 * PAD
    pen.frame(x0, top, x1, bottom)
    flow.y = bottom
    fmt = formatter(spec)
    for owner in form.reporting_owners:
        rel = owner.relationship
        cells = [fmt.text(rel.officer_title) if rel.is_officer.value else Printed(""),
                 fmt.text(rel.other_text) if rel.is_other.value else Printed("")]
        marks = [Printed("X") if rel.is_director.value else Printed(""),
                 Printed("X") if rel.is_ten_percent_owner.value else Printed(""),
                 cells[0] if cells[0].text or not rel.is_officer.value else Printed("X"),
                 cells[1] if cells[1].text or not rel.is_other.value else Printed("X")]
        name_lines = pen.wrap_marked(fmt.text(owner.rpt_owner_name), pen.value_face(), vsize,
                                     edges[1] - edges[0] - 2 * PAD)
        name_lines += [Printed(t) for t in address_text(owner)]
        wrapped = [pen.wrap_marked(m, pen.value_face(), vsize, edges[n + 2] - edges[n + 1] - 4)
                   for n, m in enumerate(marks)]
        height = max(len(name_lines), *(len(w) for w in wrapped)) * vsize * 1.2 + 2 * PAD
        flow.need(height)
        for n, line in enumerate(name_lines):
            pen.marked(x0 + PAD, flow.y + PAD + n * vsize * 1.2, line, pen.value_face(), vsize)
        for n, cell in enumerate(wrapped):
            for k, line in enumerate(cell):
                pen.marked((edges[n + 1] + edges[n + 2]) / 2, flow.y + PAD + k * vsize * 1.2,
                           line, pen.value_face(), vsize, align="center")
        for a, b in itertools.pairwise(edges):
            pen.frame(a, flow.y, b, flow.y + height)
        flow.y += height
    flow.y += 8


def signatures_table(flow: Flow, form: Form4, x0: float, x1: float) -> None:
    """"Signatures": each signature with its date, over "**Signature of Reporting Person" and
    "Date", as investor-relations sites print them."""
    pen, spec = flow.pen, flow.pen.spec
    fmt = formatter(spec)
    lsize, vsize = spec.label_size, min(spec.value_size, 9.0)
    split = x0 + (x1 - x0) * 0.75
    flow.need(lsize * 6 + vsize * 3)
    pen.text(x0, flow.y, pen.label(words.TITLES["signatures_table"][0]), pen.bold_face(),
             lsize + 2.5)
    flow.y += (lsize + 2.5) * 1.6
    for signature in form.signatures:
        lines = pen.wrap_marked(fmt.text(signature.signature_name), pen.value_face(), vsize,
                                split - x0 - 2 * PAD)
        height = len(lines) * vsize * 1.2 + 2 * PAD
        flow.need(height + lsize * 1.5)
        for n, line in enumerate(lines):
            pen.marked(x0 + PAD, flow.y + PAD + n * vsize * 1.2, line, pen.value_face(), vsize)
        pen.marked((split + x1) / 2, flow.y + PAD, fmt.day(signature.signature_date),
                   pen.value_face(), vsize, align="center")
        pen.frame(x0, flow.y, split, flow.y + height)
        pen.frame(split, flow.y, x1, flow.y + height)
        flow.y += height
    pen.text(x0 + PAD, flow.y + 2, words.TITLES["signature"][1], pen.label_face(), lsize)
    pen.text((split + x1) / 2, flow.y + 2, "Date", pen.label_face(), lsize, align="center")
    flow.y += lsize * 1.5 + 6


def title_check_boxes(pen: Pen, form_checks: tuple[Check, ...], x0: float, top: float,
                      x1: float) -> float:
    """The title block's check boxes (Section 16, Rule 10b5-1), each with its wrapped text."""
    y = top
    for check in form_checks:
        y = draw_checks(pen, [check], x0, y, x1) + 3
    return y
