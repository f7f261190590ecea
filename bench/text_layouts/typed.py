"""Form 4s typed out as legacy EDGAR text filings, in layouts drawn from a seed.

Filing agents each typed the paper form their own way; a :class:`TypedSpec` draws one agent's
habits: boxes one after another or side by side, label wordings (the form's, abbreviated,
reworded: bench/layouts/words.py), tables ruled with ``|``, with ``-``/``=`` rules or with
spaces only, headings wrapped over several lines, cells wrapped onto continuation lines,
``-``/``N/A``/blank for empty cells, date shapes, signature blocks, and the submission's
wrapper (a ``<SEC-DOCUMENT>`` header, a PEM envelope with its dash-stuffed lines, or none).
"""

from __future__ import annotations

import random
import textwrap
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
from bench.text_layouts.envelope import wrap_submission
from extractor.model import Form4

RULINGS = ("pipe", "dashes", "spaces")
ARRANGEMENTS = ("stacked", "side")
MARKS = ("[X]/[ ]", "(X)/( )", "X/ ", "_X_/___")


@dataclass(frozen=True, slots=True)
class TypedSpec:
    ruling: str
    arrangement: str
    wording: int
    numbering: str
    mark: str
    style: Style
    title_width: int
    narrow: int
    wrap: int
    wrapper: str
    sgml_tables: bool
    signature: str

    @property
    def family(self) -> str:
        return f"typed-{self.ruling}"


def draw_typed_spec(seed: int) -> TypedSpec:
    rng = random.Random(f"typed:{seed}")
    return TypedSpec(rng.choice(RULINGS), rng.choice(ARRANGEMENTS), rng.randrange(1 << 20),
                     rng.choice(("{n}. ", "{n}) ", "{n}.")), rng.choice(MARKS),
                     Style.draw(rng), rng.randint(14, 28), rng.randint(7, 11),
                     rng.choice((72, 80, 100)),
                     rng.choice(("sec-document", "pem", "none")), rng.random() < 0.5,
                     rng.choice(("caption-below", "labelled")))


def _mark(spec: TypedSpec, checked: object) -> str:
    on, off = spec.mark.split("/")
    return on if checked else (off or " " * len(on))


def _label(spec: TypedSpec, number: str, key: str) -> str:
    return W.numbered(number, W.pick(W.HEADER, key, spec.wording), spec.numbering)


def _boxes(form: Form4, spec: TypedSpec) -> list[list[str]]:
    """The header boxes, each a list of lines (label first)."""
    owner = form.reporting_owners[0]
    rel = owner.relationship
    name = [_label(spec, "1", "name"), f"   {owner_name(form, 0)}"]
    name += [f"   {line}" for line in (street(form, 0), city_line(form, 0)) if line]
    symbol = form.issuer.issuer_trading_symbol.value
    issuer = [_label(spec, "2", "issuer"), f"   {form.issuer.issuer_name.value}"
              + (f" ({symbol})" if symbol else "")]
    period = form.period_of_report.value
    earliest = [_label(spec, "3", "period"), f"   {cell(form.period_of_report, spec.style)}"
                if period else ""]
    original = form.date_of_original_submission
    amendment = [_label(spec, "4", "amendment"),
                 f"   {cell(original, spec.style)}" if original.value else ""]
    title = rel.officer_title.value or rel.other_text.value or ""
    relation = [_label(spec, "5", "relationship")]
    for key, field in (("director", rel.is_director), ("ten", rel.is_ten_percent_owner),
                       ("officer", rel.is_officer), ("other", rel.is_other)):
        relation.append(f"   {_mark(spec, field.value)} {W.pick(W.CHECKS, key, spec.wording)}")
    if title:
        relation.append(f"       {title}")
    joint = form.individual_or_joint_filing.value == "2" or len(form.reporting_owners) > 1
    filing = [_label(spec, "6", "filing"),
              f"   {_mark(spec, not joint)} {W.pick(W.CHECKS, 'one', spec.wording)}",
              f"   {_mark(spec, joint)} {W.pick(W.CHECKS, 'more', spec.wording)}"]
    return [name, issuer, earliest, amendment, relation, filing]


def _arrange(boxes: list[list[str]], spec: TypedSpec) -> list[str]:
    if spec.arrangement == "stacked":
        return [line for box in boxes for line in [*box, ""]]
    # Side by side: boxes 1, 3, 4 on the left and 2, 5, 6 on the right, as the paper form.
    width = 60
    left = [textwrap.fill(line, width - 2).split("\n") for box in (boxes[0], boxes[2], boxes[3])
            for line in [*box, ""]]
    right = [line for box in (boxes[1], boxes[4], boxes[5]) for line in [*box, ""]]
    flat_left = [piece for group in left for piece in group]
    rows = max(len(flat_left), len(right))
    flat_left += [""] * (rows - len(flat_left))
    right += [""] * (rows - len(right))
    bar = "| " if spec.ruling == "pipe" else "  "
    return [f"{a:<{width}}{bar}{b}".rstrip() for a, b in zip(flat_left, right, strict=True)]


_HEAD1 = {"title": "1. {title}", "date": "2. {date}", "deemed": "2A. {deemed}",
          "code": "3. Code", "v": "V", "amount": "4. Amount", "ad": "(A) or (D)",
          "price": "Price", "owned": "5. {owned}", "form": "6. {form}", "nature": "7. {nature}"}
_HEAD2 = {"title": "1. {title}", "conversion": "2. {conversion}", "date": "3. {date}",
          "deemed": "3A. {deemed}", "code": "4. Code", "v": "V", "a": "5. (A)", "d": "(D)",
          "exercisable": "6. Date Exercisable", "expiration": "Expiration Date",
          "underlying": "7. Title", "underlying_amount": "Amount or Number of Shares",
          "price": "8. {price}", "owned": "9. {owned}", "form": "10. {form}",
          "nature": "11. {nature}"}


def _headings(spec: TypedSpec, heads: dict[str, str], words: dict[str, tuple[str, ...]]
              ) -> dict[str, str]:
    return {k: h.format(**{key: W.pick(words, key, spec.wording) for key in words})
            for k, h in heads.items()}


def _widths(keys: list[str], cells: list[list[str]], spec: TypedSpec) -> list[int]:
    widths = []
    for index, key in enumerate(keys):
        longest = max((len(row[index]) for row in cells), default=1)
        if key in ("title", "underlying", "nature"):
            widths.append(max(10, min(longest, spec.title_width)))
        else:
            widths.append(max(3 if key == "v" else spec.narrow, min(longest, 16)))
    return widths


def _wrapped(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True) or [""]


def _table(title: str, keys: list[str], headings: dict[str, str], cells: list[list[str]],
           spec: TypedSpec) -> list[str]:
    widths = _widths(keys, cells, spec)
    gap = "|" if spec.ruling == "pipe" else "  "

    def line(parts: list[str]) -> str:
        text = gap.join(p.ljust(w) for p, w in zip(parts, widths, strict=True))
        return text + "|" if spec.ruling == "pipe" else text.rstrip()

    def block(row: list[str]) -> list[str]:
        pieces = [_wrapped(text, w) for text, w in zip(row, widths, strict=True)]
        depth = max(len(p) for p in pieces)
        return [line([p[i] if i < len(p) else "" for p in pieces]) for i in range(depth)]

    total = sum(widths) + len(gap) * len(widths)
    out = [title]
    if spec.ruling == "dashes":
        out.append("=" * total)
    elif spec.ruling == "pipe":
        out.append("_" * total)
    out += block([headings[k] for k in keys])
    if spec.ruling == "dashes":
        out.append("  ".join("-" * w for w in widths))
    elif spec.ruling == "pipe":
        out.append("-" * total)
    else:
        out.append("")
    if spec.sgml_tables:
        out.append("<S>" + "".join(" " * (w - 1) + "<C>" for w in widths[1:]))
    for row in cells:
        out += block(row)
    if spec.ruling != "spaces":
        out.append(("=" if spec.ruling == "dashes" else "-") * total)
    return out


def _signatures(form: Form4, spec: TypedSpec) -> list[str]:
    out = []
    for signature in form.signatures:
        name = str(signature.signature_name.value or "")
        when = cell(signature.signature_date, spec.style, empty=False)
        if spec.signature == "caption-below":
            out += [f"{name:<70}{when}", f"{'** Signature of Reporting Person':<70}Date", ""]
        else:
            out += ["SIGNATURE OF REPORTING PERSON", f"   {name}", "DATE", f"   {when}", ""]
    return out


def typed_form(form: Form4, seed: int) -> tuple[str, TypedSpec]:
    """``form`` typed out in the layout ``seed`` draws, and that layout's spec."""
    spec = draw_typed_spec(seed)
    sec16 = W.pick(W.CHECKS, "sec16", spec.wording)
    body = [W.TITLE_BLOCK["commission"][0], W.TITLE_BLOCK["city"][0], "", "FORM 4", "",
            W.pick(W.TITLE_BLOCK, "statement", spec.wording), "",
            f"{_mark(spec, form.not_subject_to_section16.value)} {sec16}", ""]
    body += _arrange(_boxes(form, spec), spec)
    for index in range(1, len(form.reporting_owners)):
        body += ["", _label(spec, "1", "name"), f"   {owner_name(form, index)}"]
        body += [f"   {line}" for line in (street(form, index), city_line(form, index)) if line]
    keys1 = [k for k, _, _ in TABLE1]
    cells1 = [row_cells(r, TABLE1, spec.style) for r in form.non_derivative_table]
    body += ["", *_table(W.pick(W.TITLES, "table_i", spec.wording), keys1,
                         _headings(spec, _HEAD1, W.TABLE_I), cells1, spec)]
    body += [W.BOILERPLATE["reminder"], W.BOILERPLATE["joint_note"], ""]
    keys2 = [k for k, _, _ in TABLE2]
    cells2 = [row_cells(r, TABLE2, spec.style) for r in form.derivative_table]
    body += _table(W.pick(W.TITLES, "table_ii", spec.wording), keys2,
                   _headings(spec, _HEAD2, W.TABLE_II), cells2, spec)
    body += ["", W.pick(W.TITLES, "explanation", spec.wording)]
    for note in form.footnotes:
        text = f"({note.footnote_id.removeprefix('F')}) {note.text.value}"
        body += textwrap.wrap(text, spec.wrap, subsequent_indent="    ") or [text]
    if form.remarks.value:
        body += ["", W.pick(W.TITLES, "remarks", spec.wording),
                 *textwrap.wrap(str(form.remarks.value), spec.wrap)]
    body += ["", W.BOILERPLATE["misstatements"], "", *_signatures(form, spec),
             W.BOILERPLATE["persons"]]
    return wrap_submission(form, "\n".join(body), spec.wrapper, seed), spec
