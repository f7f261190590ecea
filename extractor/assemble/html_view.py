"""Assemble a Form4 from EDGAR's HTML view, read as a DOM of cells.

Pipeline: :func:`~extractor.ingest.html_view.read_view` (lines of cells, check marks, the
table cells enclosing each line) -> :mod:`extractor.layout.html_labels` (each printed label
found fuzzily, the lines its box holds) -> the typed parsers of :mod:`extractor.fields` -> a
``Form4``.  Boxes are found by their printed labels and tables by their column headings, never
by the stylesheet's class names, so every XSL revision the SEC has used reads alike.  A view
that is not laid out as expected is refused (:func:`read_html_view` returns None) so the caller
can read it another way.
"""

from __future__ import annotations

import dataclasses
import re

from extractor.assemble.html_view_owners import (
    CLEAN,
    SOURCE,
    ViewLayoutError,
    corroborate,
    field,
    read_checks,
    read_owner_box,
    read_relationship,
    same_owner,
    table_owner,
)
from extractor.assemble.html_view_tables import read_footnotes, read_signatures, read_table
from extractor.errors import NotAForm4Error
from extractor.fields.dates import parse_date
from extractor.ingest.html_view import HtmlView, read_view
from extractor.knowledge import labels as K
from extractor.layout.fuzzy import find_label as find_text
from extractor.layout.fuzzy import normalize
from extractor.layout.html_labels import LabelAt, box_lines, find_label, find_labels, label_score
from extractor.model import Field, Form4, Issuer, ReportingOwner, ReviewItem

_ISSUER = re.compile(r"^(?P<name>.+?)\s*[\[(]\s*(?P<ticker>[A-Za-z0-9.\-]{1,8})\s*[\])]\s*$")
_FORM_NAME = re.compile(r"\bFORM\s+(?P<kind>4(?:/A)?)\b", re.IGNORECASE)


def check_is_form4(view: HtmlView) -> None:
    """Raise :class:`NotAForm4Error` when the view shows a Form 3 or 5, and
    :class:`ViewLayoutError` when it has no Form 4 title (another reader may judge it)."""
    norm = normalize(view.flat)
    for other_title, form in K.OTHER_FORM_TITLES.items():
        if find_text(norm, other_title, min_score=97):
            raise NotAForm4Error(f"this is a {form}, not a Form 4")
    if find_text(norm, K.TITLE_MARKERS[0], min_score=90) is None:
        raise ViewLayoutError("no Form 4 title found in the HTML")


def _revision(view: HtmlView) -> K.FormRevision:
    if find_label(view, "foreign_symbol") or "SEC 1474 (03-26)" in view.flat:
        return K.REVISIONS["2026"]
    if find_label(view, "statement_month"):
        return K.REVISIONS["pre-2002"]
    if find_label(view, "rule_10b5_1"):
        return K.REVISIONS["2023"]
    return K.REVISIONS["2002"]


def _box(view: HtmlView, key: str, stop: int | None = None) -> tuple[LabelAt | None, str]:
    """The first label ``key`` (before line ``stop``) and its box's text."""
    at = find_label(view, key, stop=stop)
    if at is None:
        return None, ""
    return at, " ".join(line.text for line in box_lines(view, at)).strip()


def _issuer(view: HtmlView, stop: int) -> Issuer:
    at, text = _box(view, "issuer", stop)
    if at is None:
        raise ViewLayoutError("box 2 (issuer) not found")
    _, foreign = _box(view, "foreign_symbol", stop)
    symbol = field(foreign, foreign) if foreign else Field()
    if m := _ISSUER.match(text):
        return Issuer(field(m["name"].strip(" ,"), text), field(m["ticker"].upper(), text),
                      issuer_foreign_trading_symbol=symbol)
    reason = "ticker not found in box 2"
    return Issuer(field(text or None, text, 0.6, reason), field(None, text, 0.0, reason),
                  issuer_foreign_trading_symbol=symbol)


def _date_box(view: HtmlView, key: str, stop: int, required: bool) -> Field:
    at, text = _box(view, key, stop)
    if at is None:
        return field(None, "", 0.0, f"box {key.replace('_', ' ')} not found") if required \
            else Field()
    if not text:
        return Field(None, 1.0) if not required else field(None, "", 0.0, "box is empty")
    value = parse_date(text)
    if value is None:
        return field(None, text, 0.0, f"no date readable in {text!r}")
    return field(value, text)


def _header_checks(view: HtmlView, stop: int) -> dict[str, Field]:
    """The Section 16 and Rule 10b5-1 boxes of the header: a mark in the label's row."""
    out: dict[str, Field] = {}
    for key, name in (("not_subject_to_section16", "not_subject_to_section16"),
                      ("rule_10b5_1", "aff10b5_one")):
        at = find_label(view, key, stop=stop)
        if at is None:
            continue
        line = view.lines[at.line]
        others = [c for i, c in enumerate(line.cells) if i != at.cell]
        if not others:
            out[name] = field(None, line.text, 0.0, "no check box beside the label")
        elif any(c.mark for c in others):
            out[name] = field(True, line.text)
        elif all(not c.text for c in others):
            out[name] = field(False, line.text)
        else:
            out[name] = field(None, line.text, 0.0, "the check box holds something else")
    return out


def _owners_in_boxes(view: HtmlView, start: int, stop: int | None) -> list[ReportingOwner]:
    """Each copy of box 1 from line ``start`` on, with the box 5 that follows it."""
    people = find_labels(view, "reporting_person", start=start, stop=stop)
    relations = find_labels(view, "relationship", start=start, stop=stop)
    owners = []
    for number, at in enumerate(people):
        owner = read_owner_box(box_lines(view, at))
        bound = people[number + 1].line if number + 1 < len(people) else None
        rel = next((r for r in relations if r.line > at.line and
                    (bound is None or r.line < bound)), None)
        if rel is not None:
            owner = dataclasses.replace(owner,
                                        relationship=read_relationship(box_lines(view, rel)))
        owners.append(owner)
    return owners


def _owners_table(view: HtmlView) -> list[ReportingOwner]:
    """The "Reporting Owners" table: one owner per row under its headings."""
    at = find_label(view, "owner_name_address")
    if at is None:
        return []
    table = view.lines[at.line].table
    rows = [line for line in view.lines[at.line + 1:] if line.table == table and line.in_row]
    columns: dict[str, int] = {}
    owners = []
    for row in rows:
        found = {key: i for i, cell in enumerate(row.cells) for key in
                 ("director", "ten_percent_owner", "officer", "other")
                 if label_score(cell.text, key) >= 95}
        if found:
            columns = {k: v + 1 for k, v in found.items()}  # after the name / address column
            continue
        if not columns or not row.cells or not row.cells[0].text:
            continue
        marks = {k: row.cells[i] for k, i in columns.items() if i < len(row.cells)}
        owners.append(table_owner(row.cells[0], marks))
    return owners


def _all_owners(view: HtmlView, box1_at: LabelAt, after: int) -> tuple[ReportingOwner, ...]:
    """Box 1's owner first, then the joint filers' boxes and the table's owners, each once."""
    rel = find_label(view, "relationship")
    if rel is None:
        raise ViewLayoutError("box 5 (relationship) not found")
    owners = [dataclasses.replace(read_owner_box(box_lines(view, box1_at)),
                                  relationship=read_relationship(box_lines(view, rel)))]
    later = _owners_in_boxes(view, after, None)  # the joint filers' boxes after Table II
    for other in [*later, *_owners_table(view)]:
        known = next((i for i, o in enumerate(owners) if same_owner(o, other)), None)
        if known is None:
            owners.append(other)
        else:
            owners[known] = corroborate(owners[known], other)
    return tuple(owners)


def _filing_type(view: HtmlView, stop: int, owners: int) -> Field:
    at = find_label(view, "filing_type", stop=stop)
    if at is None:
        return Field()
    values, _ = read_checks(box_lines(view, at), {"individual": "individual",
                                                  "joint": "joint"})
    checked = [k for k, f in values.items() if f.value]
    if len(checked) == 1:
        kind = checked[0]
        if kind == "individual" and owners > 1:
            return field(kind, view.lines[at.line].text, 0.5,
                         f"box 6 says one reporting person, but {owners} are printed")
        return field(kind, view.lines[at.line].text)
    if len(checked) > 1:
        return field(None, "", 0.0, "box 6: both lines are checked")
    return Field()


def _document_type(view: HtmlView, original: Field) -> Field:
    title = f"{view.title}\n{view.flat[:400]}"
    m = _FORM_NAME.search(title)
    kind = m["kind"].upper() if m else None
    if original.value is not None and kind != "4/A":
        return field("4/A", str(original.value), 0.9)
    return field(kind or "4", m[0] if m else "", CLEAN if m else 0.85)


def _remarks(view: HtmlView, start: int) -> Field:
    at = find_label(view, "remarks", start=start)
    if at is None:
        return Field()
    table = view.lines[at.line].table
    texts = [line.text for line in box_lines(view, at)]
    for line in view.lines[at.line + 1:]:
        if line.table != table or label_score(line.text, "signature_of_reporting_person") > 88:
            break
        texts.append(line.text)
    text = " ".join(t for t in texts if t).strip()
    return field(text, text) if text else Field()


def read_html_view(text: str) -> Form4 | None:
    """Read EDGAR's HTML view into a :class:`Form4` (not yet validated); None when the cells
    are not laid out as a Form 4 view, so another reader may try."""
    view = read_view(text)
    try:
        check_is_form4(view)
        return _read(view)
    except ViewLayoutError:
        return None


def _best(view: HtmlView, key: str) -> LabelAt | None:
    """The place that reads most like label ``key`` (Table I's title reads much like II's)."""
    found = find_labels(view, key)
    return max(found, key=lambda at: at.score) if found else None


def _read(view: HtmlView) -> Form4:
    revision = _revision(view)
    review: list[ReviewItem] = []
    title1 = _best(view, "table1")
    title2 = _best(view, "table2")
    if title1 is None or title2 is None:
        raise ViewLayoutError("Table I or Table II not found")
    stop = title1.line
    box1 = find_label(view, "reporting_person", stop=stop)
    if box1 is None:
        raise ViewLayoutError("box 1 not found")
    issuer = _issuer(view, stop)
    owners = _all_owners(view, box1, title2.line)
    rows1 = read_table(view, title1, revision.table1, False, "non_derivative_table", review)
    rows2 = read_table(view, title2, revision.table2, True, "derivative_table", review)
    original = _date_box(view, "amendment", stop, required=False)
    checks = _header_checks(view, stop)
    filing = _filing_type(view, stop, len(owners))
    if filing.value == "joint" and len(owners) < 2:
        review.append(ReviewItem("reporting_owners", "box 6 says more than one reporting "
                                 "person, but only one is printed"))
    period = _date_box(view, "earliest_transaction", stop, required=True) \
        if revision.name != "pre-2002" else Field()
    return Form4(
        document_type=_document_type(view, original),
        issuer=issuer,
        reporting_owners=owners,
        period_of_report=period,
        date_of_original_submission=original,
        not_subject_to_section16=checks.get("not_subject_to_section16", Field()),
        aff10b5_one=checks.get("aff10b5_one", Field()),
        individual_or_joint_filing=filing,
        non_derivative_table=tuple(rows1),  # type: ignore[arg-type]
        derivative_table=tuple(rows2),  # type: ignore[arg-type]
        footnotes=read_footnotes(view, title2.line),
        remarks=_remarks(view, title2.line),
        signatures=read_signatures(view, title2.line),
        form_revision=revision.name,
        source_kind=SOURCE,
        review=tuple(review),
    )


__all__ = ["check_is_form4", "read_html_view"]
