"""Form 4s as other PDF-to-markdown converters write them, in conventions drawn from a seed.

A converter's habits (:class:`MarkdownSpec`): box labels as bold paragraphs or as a two-column
label/value table; table rows with their empty cells dropped, with neighbouring cells merged
or a cell split in two at a space; one table's rows broken over several markdown tables (a page
break, the heading repeated or not); check marks as "X", "[x]" or "☒".  Values are never
altered: every value the truth has is still in the text, in some cell.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.layouts import words as W
from bench.text_layouts.cells import (
    TABLE1,
    TABLE2,
    Style,
    cell,
    city_line,
    owner_name,
    row_cells,
    street,
)
from extractor.model import Form4

CONVENTIONS = ("drop-empty", "merge", "split", "broken")


@dataclass(frozen=True, slots=True)
class MarkdownSpec:
    convention: str
    boxes: str
    wording: int
    mark: str
    style: Style
    rate: float

    @property
    def family(self) -> str:
        return f"md-{self.convention}"


def draw_markdown_spec(seed: int) -> MarkdownSpec:
    rng = random.Random(f"markdown:{seed}")
    return MarkdownSpec(rng.choice(CONVENTIONS), rng.choice(("paragraphs", "label-table")),
                        rng.randrange(1 << 20), rng.choice(("X", "[x]", "☒")),
                        Style.draw(rng), rng.uniform(0.2, 0.6))


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table_rows(cells: list[str], spec: MarkdownSpec, rng: random.Random) -> list[str]:
    if spec.convention == "drop-empty":
        return [c for c in cells if c.strip()]
    out = list(cells)
    if spec.convention == "merge" and rng.random() < spec.rate and len(out) > 3:
        at = rng.randrange(1, len(out) - 1)
        out[at:at + 2] = [" ".join(c for c in out[at:at + 2] if c)]
    if spec.convention == "split" and rng.random() < spec.rate:
        spaced = [i for i, c in enumerate(out) if " " in c.strip()]
        if spaced:
            at = rng.choice(spaced)
            head, _, tail = out[at].partition(" ")
            out[at:at + 1] = [head, tail]
    return out


def _table(title: str, headings: list[str], rows: list[list[str]], spec: MarkdownSpec,
           rng: random.Random) -> list[str]:
    out = [f"**{title}**", "", _row(headings), _row(["---"] * len(headings))]
    for index, row in enumerate(rows):
        if spec.convention == "broken" and index and rng.random() < spec.rate:
            out += ["", "Page 1 of 2", ""]
            if rng.random() < 0.5:
                out += [_row(headings), _row(["---"] * len(headings))]
            else:
                out.append(_row(["---"] * len(headings)))
        out.append(_row(_table_rows(row, spec, rng)))
    return [*out, ""]


def _box(spec: MarkdownSpec, label: str, values: list[str]) -> list[str]:
    values = [v for v in values if v]
    if spec.boxes == "label-table":
        return [_row([label, "<br>".join(values)])]
    return [f"**{label}**", "", *values, ""]


def markdown_form(form: Form4, seed: int) -> tuple[str, MarkdownSpec]:
    """``form`` as the markdown a converter drawn from ``seed`` writes."""
    spec = draw_markdown_spec(seed)
    rng = random.Random(f"markdown-rows:{seed}")
    owner = form.reporting_owners[0]
    rel = owner.relationship

    def label(number: str, key: str) -> str:
        return W.numbered(number, W.pick(W.HEADER, key, spec.wording), "{n}. ")

    def check(on: object, text: str) -> str:
        return f"{spec.mark if on else ('[ ]' if spec.mark == '[x]' else '')} {text}".strip()

    out = ["# FORM 4", "", W.TITLE_BLOCK["commission"][0], "",
           W.pick(W.TITLE_BLOCK, "statement", spec.wording), "",
           check(form.not_subject_to_section16.value, W.pick(W.CHECKS, "sec16", spec.wording)),
           ""]
    if spec.boxes == "label-table":
        out += ["| Box | Value |", "|---|---|"]
    symbol = form.issuer.issuer_trading_symbol.value
    joint = form.individual_or_joint_filing.value == "2" or len(form.reporting_owners) > 1
    title = rel.officer_title.value or rel.other_text.value or ""
    out += _box(spec, label("1", "name"), [owner_name(form, 0), street(form, 0),
                                           city_line(form, 0)])
    out += _box(spec, label("2", "issuer"), [f"{form.issuer.issuer_name.value}"
                                             + (f" [ {symbol} ]" if symbol else "")])
    out += _box(spec, label("3", "period"), [cell(form.period_of_report, spec.style, empty=False)])
    out += _box(spec, label("4", "amendment"),
                [cell(form.date_of_original_submission, spec.style, empty=False)])
    out += _box(spec, label("5", "relationship"), [
        check(f.value, W.pick(W.CHECKS, key, spec.wording)) for key, f in (
            ("director", rel.is_director), ("ten", rel.is_ten_percent_owner),
            ("officer", rel.is_officer), ("other", rel.is_other))] + [title])
    out += _box(spec, label("6", "filing"),
                [check(not joint, W.pick(W.CHECKS, "one", spec.wording)),
                 check(joint, W.pick(W.CHECKS, "more", spec.wording))])
    out.append("")
    for index in range(1, len(form.reporting_owners)):
        out += _box(spec, label("1", "name"), [owner_name(form, index), street(form, index),
                                               city_line(form, index)])
    head1 = [W.pick(W.TABLE_I, k, spec.wording) for k in ("title", "date", "deemed")] + \
        ["Code", "V", "Amount", "(A) or (D)", "Price"] + \
        [W.pick(W.TABLE_I, k, spec.wording) for k in ("owned", "form", "nature")]
    head1 = [f"{n}. {h}" if n else h for n, h in zip(
        ("1", "2", "2A", "3", "", "4", "", "", "5", "6", "7"), head1, strict=True)]
    out += _table(W.pick(W.TITLES, "table_i", spec.wording), head1,
                  [row_cells(r, TABLE1, spec.style) for r in form.non_derivative_table], spec, rng)
    out += [W.BOILERPLATE["reminder"], ""]
    head2 = [W.pick(W.TABLE_II, k, spec.wording) for k in ("title", "conversion", "date",
                                                            "deemed")] + \
        ["Code", "V", "(A)", "(D)", "Date Exercisable", "Expiration Date", "Title",
         "Amount or Number of Shares"] + \
        [W.pick(W.TABLE_II, k, spec.wording) for k in ("price", "owned", "form", "nature")]
    head2 = [f"{n}. {h}" if n else h for n, h in zip(
        ("1", "2", "3", "3A", "4", "", "5", "", "6", "", "7", "", "8", "9", "10", "11"), head2,
        strict=True)]
    out += _table(W.pick(W.TITLES, "table_ii", spec.wording), head2,
                  [row_cells(r, TABLE2, spec.style) for r in form.derivative_table], spec, rng)
    out += [f"**{W.pick(W.TITLES, 'explanation', spec.wording)}**", ""]
    out += [f"({note.footnote_id.removeprefix('F')}) {note.text.value}"
            for note in form.footnotes]
    if form.remarks.value:
        out += ["", f"**{W.pick(W.TITLES, 'remarks', spec.wording)}**", "",
                str(form.remarks.value)]
    out += ["", W.BOILERPLATE["misstatements"], ""]
    for signature in form.signatures:
        out += [_row([str(signature.signature_name.value or ""),
                      cell(signature.signature_date, spec.style, empty=False)]),
                _row(["---", "---"]), _row([W.pick(W.TITLES, "signature", spec.wording), "Date"]),
                ""]
    out.append(W.BOILERPLATE["persons"])
    return "\n".join(out) + "\n", spec
