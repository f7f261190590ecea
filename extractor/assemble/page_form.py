"""Assemble a Form4 from pages of positioned words (born-digital PDFs and scans alike).

:func:`~extractor.layout.geometric.lay_out_form` says which words are in which box, column,
note and signature; the field parsers (:mod:`extractor.fields`) turn them into typed values,
each with the page and the box of its own words.  A page that does not lay out as a Form 4 (few
of its labels found, or found out of the form's order) has every value capped and flagged with
the reason: read, kept for the reviewer, never passed as sure.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from extractor.assemble.page_cells import MARKER_WORD, NUMBER, cell_text, glued_marker
from extractor.assemble.page_owners import read_owner_box, read_relationship
from extractor.assemble.page_owners_listed import (
    fold_repeated_owners,
    merge_owners,
    read_joint_filers,
    read_owner_rows,
)
from extractor.assemble.page_values import PLACED, provenance_of, text_of, value_of
from extractor.errors import NotAForm4Error
from extractor.fields.dates import parse_date, parse_month_year
from extractor.fields.table_rows import Row, leaf_columns, parse_row_cells
from extractor.ingest.page import Page, Word
from extractor.knowledge import labels as K
from extractor.layout.geometric import BoxWords, FormLayout, lay_out_form
from extractor.layout.geometric.tables import TableLayout, TableRow
from extractor.model import (
    DerivativeRow,
    Field,
    Footnote,
    Form4,
    Issuer,
    NonDerivativeRow,
    ReviewItem,
    Signature,
    map_fields,
)

_ISSUER = re.compile(r"^(?P<name>.+?)\s*[\[(]\s*(?P<ticker>[A-Za-z0-9.\-]{1,8})\s*[\])]\s*$")
#: Below this share of the revision's labels found, the page is not trusted as a Form 4.
MIN_FIT = 0.6
#: Confidence of a value in a column whose heading was not found, placed by its neighbours.
INFERRED_COLUMN = 0.75
#: Confidence of every value of a page that does not lay out as a Form 4.
UNFIT_CONFIDENCE = 0.5


def read_page_form(pages: Sequence[Page], source: str) -> Form4:
    """Read pages of positioned words into a :class:`Form4` (not yet validated)."""
    layout = lay_out_form(pages)
    if layout.fit.found < 3:
        raise NotAForm4Error("no Form 4 box labels or table headings found on the page")
    first = [layout.boxes["reporting_person"]] if "reporting_person" in layout.boxes else []
    further = [b for b in layout.more_owners if b.label.key == "reporting_person"]
    owners = [read_owner_box(box, source) for box in first + further]
    relationship = read_relationship(layout.boxes.get("relationship"), layout.checks, source)
    if owners:
        owners[0] = dataclasses.replace(owners[0], relationship=relationship)
    relations = [b for b in layout.more_owners if b.label.key == "relationship"]
    paired = {id(box): _beside(box, relations) for box in further}
    # Without one level with it, a further owner's box 5 is the next one printed.
    unpaired = [r for r in relations if all(r is not p for p in paired.values())]
    for box in further:
        if paired[id(box)] is None and unpaired:
            paired[id(box)] = unpaired.pop(0)
    for index, box in enumerate(further, start=1):
        related = paired[id(box)]
        if related is not None:
            owners[index] = dataclasses.replace(owners[index], relationship=read_relationship(
                related, related.checks, source))
    owners = fold_repeated_owners(owners)
    joint = bool(layout.checks.get("joint") and layout.checks["joint"].checked)
    listed = read_owner_rows(layout.tables.get("reporting_owners"), source) + \
        read_joint_filers(layout.joint_filers, source)
    owners = merge_owners(owners, listed, joint)
    review: list[ReviewItem] = []
    document_type, original = _amendment(layout, source)
    rows1 = _rows(layout.tables.get("table1"), layout.revision.table1, False, source, review)
    rows2 = _rows(layout.tables.get("table2"), layout.revision.table2, True, source, review)
    statement_month, period = _period(layout, source, (*rows1, *rows2))
    form = Form4(
        document_type=document_type,
        issuer=_issuer(layout, source),
        reporting_owners=tuple(owners),
        period_of_report=period,
        statement_month=statement_month,
        date_of_original_submission=original,
        not_subject_to_section16=_check(layout, "not_subject_to_section16", source),
        aff10b5_one=_check(layout, "rule_10b5_1", source),
        individual_or_joint_filing=_filing(layout, source),
        non_derivative_table=tuple(r for r in rows1 if isinstance(r, NonDerivativeRow)),
        derivative_table=tuple(r for r in rows2 if isinstance(r, DerivativeRow)),
        footnotes=tuple(Footnote(f"F{n.number}", value_of(" ".join(text_of(n.words).split()),
                                                          n.words, source))
                        for n in layout.notes if n.words),
        remarks=value_of(text_of(layout.remarks), layout.remarks, source)
        if layout.remarks else Field(),
        signatures=_distinct(_signature(s.name, s.date, source) for s in layout.signatures),
        form_revision=layout.revision.name,
        source_kind=source,
        review=tuple(review),
    )
    return _judged_by_fit(form, layout)


def _judged_by_fit(form: Form4, layout: FormLayout) -> Form4:
    fit = layout.fit
    if fit.share >= MIN_FIT and not fit.problems:
        return form
    reason = (f"the page does not lay out as a Form 4: {fit.found} of {fit.expected} of the "
              "form's labels found" + "".join(f"; {p}" for p in fit.problems))

    def cap(_: str, field: Field) -> Field:
        if field.value is None or field.needs_review:
            return field
        return dataclasses.replace(field, confidence=min(field.confidence, UNFIT_CONFIDENCE),
                                   review_reason=reason)

    return map_fields(form, cap)


def _box_text(layout: FormLayout, key: str) -> tuple[str, list[Word]] | None:
    box = layout.boxes.get(key)
    if box is None:
        return None
    return text_of(box.words).strip(), box.words


def _issuer(layout: FormLayout, source: str) -> Issuer:
    found = _box_text(layout, "issuer")
    if found is None:
        reason = "box 2 not found"
        return Issuer(Field(None, 0.0, None, (), reason), Field(None, 0.0, None, (), reason))
    text, words = found
    if m := _ISSUER.match(text):
        name = [w for w in words if w.text.strip("[]()") and w.text.strip("[]()") !=
                m["ticker"]]
        ticker = [w for w in words if w.text.strip("[]()") == m["ticker"]] or words
        return Issuer(value_of(m["name"].strip(" ,"), name or words, source),
                      value_of(m["ticker"].upper(), ticker, source))
    parts = text.split()
    if len(parts) > 1 and re.fullmatch(r"[A-Z]{1,5}", parts[-1]):
        reason = "ticker not printed in brackets"
        return Issuer(value_of(" ".join(parts[:-1]), words[:-1], source, 0.7, reason),
                      value_of(parts[-1], words[-1:], source, 0.7, reason))
    reason = "ticker not found in box 2" if text else "box 2 is empty"
    return Issuer(value_of(text or None, words, source, 0.7, reason),
                  value_of(None, words, source, reason=reason))


def _date_box(layout: FormLayout, key: str, source: str, number: str) -> Field:
    found = _box_text(layout, key)
    if found is None:
        return Field(None, 0.0, None, (), f"box {number} not found")
    text, words = found
    value = parse_date(text)
    if value is None:
        return value_of(None, words, source, reason=f"no date readable in {text!r}" if text
                        else f"box {number} is empty")
    return value_of(value, words, source)


def _amendment(layout: FormLayout, source: str) -> tuple[Field, Field]:
    found = _box_text(layout, "amendment")
    if found is None:
        reason = "box 4 (If Amendment) not found"
        return Field(None, 0.0, None, (), reason), Field(None, 0.0, None, (), reason)
    text, words = found
    value = parse_date(text)
    if value is not None:
        return value_of("4/A", words, source), value_of(value, words, source)
    if sum(c.isdigit() for c in text) >= 4:
        reason = f"box 4 holds {text!r}, not a date"
        return value_of(None, words, source, reason=reason), \
            value_of(None, words, source, reason=reason)
    return value_of("4", layout.boxes["amendment"].label.words, source, 0.9), Field()


def _period(layout: FormLayout, source: str, rows: Sequence[Row]) -> tuple[Field, Field]:
    if layout.revision.name != "pre-2002":
        return Field(), _date_box(layout, "earliest_transaction", source, "3")
    found = _box_text(layout, "statement_month")
    if found is None:
        return Field(None, 0.0, None, (), "box 4 (Statement for Month/Year) not found"), Field()
    text, words = found
    month = parse_month_year(text)
    if month is None:
        return value_of(None, words, source, reason="no month/year readable in box 4"), Field()
    dated = sorted(((r.transaction_date.value, r.transaction_date) for r in rows
                    if r.transaction_date.value is not None), key=lambda pair: pair[0])
    in_month = [field for date, field in dated if f"{date.year:04d}-{date.month:02d}" == month]
    if not in_month:
        return value_of(month, words, source), Field()
    return value_of(month, words, source), dataclasses.replace(in_month[0], confidence=0.85)


def _check(layout: FormLayout, key: str, source: str) -> Field:
    reading = layout.checks.get(key)
    if reading is None:
        return Field()
    words = [m.word for m in reading.marks if m.word is not None]
    return value_of(reading.checked, words, source, 0.95 if reading.marks else 0.9,
                    reading.doubt)


def _filing(layout: FormLayout, source: str) -> Field:
    marked = [k for k in ("individual", "joint") if k in layout.checks and
              layout.checks[k].checked]
    if len(marked) == 1:
        field = _check(layout, marked[0], source)
        return dataclasses.replace(field, value=marked[0])
    if len(marked) == 2:
        return Field(None, 0.0, None, (), "box 6: both lines are checked")
    return Field()


def _rows(table: TableLayout | None, columns: tuple[K.Column, ...], derivative: bool,
          source: str, review: list[ReviewItem]) -> list[Row]:
    if table is None:
        return []
    path = "derivative_table" if derivative else "non_derivative_table"
    if table.missing:
        review.append(ReviewItem(path, "column headings not found: " + ", ".join(
            table.missing) + "; their columns were placed between their neighbours"))
    out: list[Row] = []
    heights = sorted(w.bottom - w.top for r in table.rows for w in r.words
                     if NUMBER.match(w.text))
    digit_height = heights[len(heights) // 2] if heights else float("inf")
    for row in table.rows:
        if not _has_values(row, table):
            if any(cell for cell in row.cells):
                review.append(ReviewItem(path, f"a line of the table on page {row.page} "
                                               f"holds no value: {text_of(row.words)!r}"))
            continue
        # Cells by the leaf they were laid in, so a column that could not be placed leaves a
        # gap rather than shifting every cell after it.
        heights = sorted(w.bottom - w.top for w in row.words)
        scale = heights[len(heights) // 2]
        if all(w.size is not None for w in row.words) and digit_height != float("inf"):
            # A text layer's lone marker is smaller than the table's figures, though a long
            # note shrunk to fit its cell may make the row's median as small.
            scale = max(scale, digit_height)
        by_leaf = {(c.field, c.sub_heading): cell_text(cell, scale)
                   for cell, c in zip(row.cells, table.columns, strict=True)}
        ownership = ("direct_or_indirect_ownership", "")
        if ownership in by_leaf:  # "D5": the form's code with a marker run into it
            by_leaf[ownership] = _GLUED_CODE.sub(lambda m: m[1] + " " + "".join(
                f"({n})" for n in m[2].split(",")), by_leaf[ownership])
        cells = [by_leaf.get(leaf, "") for leaf in leaf_columns(columns)]
        parsed = parse_row_cells(cells, columns, derivative, PLACED,
                                 provenance_of(row.words, source))
        out.append(_with_cell_boxes(parsed, row, table, source, digit_height))
    return out


_GLUED_CODE = re.compile(r"^([DI])(\d{1,2}(?:,\d{1,2})*)$")


def _has_values(row: TableRow, table: TableLayout) -> bool:
    return any(cell and column.field not in ("security_title", "nature_of_ownership",
                                             "underlying_security_title")
               for cell, column in zip(row.cells, table.columns, strict=True))


def _with_cell_boxes(row: Row, laid: TableRow, table: TableLayout, source: str,
                     digit_height: float) -> Row:
    """Each value's provenance narrowed to its own cell's words."""
    changes: dict[str, Any] = {}
    lost_most = len(table.missing) * 3 > len(table.columns_printed) * 2
    for spec in dataclasses.fields(row):
        field = getattr(row, spec.name)
        if not isinstance(field, Field) or field.provenance is None:
            continue
        # Table II prints no (A)/(D) column: the code is the sub-heading of the amount's cell.
        name = "transaction_shares" if spec.name == "transaction_acquired_disposed_code" and \
            not any(c.field == spec.name for c in table.columns) else spec.name
        cells = [cell for cell, column in zip(laid.cells, table.columns, strict=True)
                 if column.field == name and cell]
        placed = [c for c in table.columns if c.field == name]
        if field.value is not None and lost_most:
            field = dataclasses.replace(
                field, confidence=min(field.confidence, INFERRED_COLUMN),
                review_reason=field.review_reason or "most of this table's column headings "
                "were not found: its columns were placed by the few that were")
            changes[spec.name] = field
        elif field.value is not None and placed and not all(c.found for c in placed):
            field = dataclasses.replace(
                field, confidence=min(field.confidence, INFERRED_COLUMN),
                review_reason=field.review_reason or "this column's heading was not found: "
                "its place was inferred from its neighbours'")
            changes[spec.name] = field
        if cells:
            # The box is round a text's own words: its footnote markers are not the text.
            own = [w for w in cells[0] if not MARKER_WORD.match(w.text)] \
                if isinstance(field.value, str) else cells[0]
            own = own or cells[0]
            prov = provenance_of(own, source,
                                 field.provenance.raw_text if field.provenance else None)
            field = dataclasses.replace(field, provenance=prov)
            glued = glued_marker(own, field.value, digit_height)
            if glued and field.value is not None and not field.needs_review:
                field = field.flagged(glued)
            changes[spec.name] = field
    return dataclasses.replace(row, **changes)


def _beside(box: BoxWords, others: Sequence[BoxWords]) -> BoxWords | None:
    """The box of ``others`` printed level with ``box`` on its page (its owner's box 5)."""
    level = [o for o in others if o.label.page == box.label.page and
             abs(o.label.top - box.label.top) < 3 * box.label.height]
    return min(level, key=lambda o: abs(o.label.top - box.label.top), default=None)


def _distinct(signatures: Iterable[Signature]) -> tuple[Signature, ...]:
    """Each signature once: a view that prints the form's signature block and a Signatures
    table after it signs twice alike."""
    seen: set[tuple[object, object]] = set()
    out = []
    for signature in signatures:
        key = (signature.signature_name.value, signature.signature_date.value)
        if key not in seen:
            seen.add(key)
            out.append(signature)
    return tuple(out)


def _signature(name: Sequence[Word], date: Word | None, source: str) -> Signature:
    text = " ".join(text_of(name).split())
    date_field: Field[dt.date] = Field()
    if date is not None:
        value = parse_date(date.text)
        date_field = value_of(value, [date], source, reason=None if value else
                              f"no date readable in {date.text!r}")
    return Signature(value_of(text or None, name, source), date_field)
