"""Assemble a Form4 from a plain OCR text or markdown-table dump.

Pipeline: :func:`~extractor.ingest.text_dump.read_text_dump` (lines and cells) ->
:func:`~extractor.layout.text_boxes.locate_labels` (boxes, sections, revision) -> the field
parsers in :mod:`extractor.fields` -> a ``Form4``.  Cross-field checks and review reasons for what
is missing are the validate stage's job, not this module's.
"""

from __future__ import annotations

import dataclasses
import re

from extractor.assemble.box1_text import extra_box1_owners, read_box1
from extractor.assemble.owners_text import (
    corroborate,
    finish_owner,
    merge_owner,
    read_box5,
    read_owners_table,
)
from extractor.assemble.signatures_text import FOOTNOTE_LINE, read_signatures, signature_lines
from extractor.assemble.text_fields import CLEAN, SOURCE
from extractor.assemble.text_fields import text_field as _f
from extractor.assemble.text_row_checks import check_tables
from extractor.assemble.text_rows import read_tables
from extractor.errors import NotAForm4Error
from extractor.fields.cells import REPAIRED_CONFIDENCE
from extractor.fields.dates import parse_date, parse_month_year
from extractor.fields.footnote_refs import footnote_id, numbers_in_sequence
from extractor.ingest.text_dump import TextDump, read_text_dump
from extractor.knowledge import labels as K
from extractor.layout.fuzzy import find_label, normalize
from extractor.layout.text_boilerplate import is_boilerplate
from extractor.layout.text_boxes import (
    TextLayout,
    clean_segment,
    interleaved_lines,
    junk_share,
    locate_labels,
)
from extractor.layout.text_checkboxes import read_checkboxes
from extractor.layout.text_regions import section_region
from extractor.model import (
    Field,
    Footnote,
    Form4,
    Issuer,
    map_fields,
)

_ISSUER = re.compile(r"^(?P<name>.+?)\s*[\[(]\s*(?P<ticker>[A-Za-z0-9.\-]{1,8})\s*[\])]")
#: "Apple Inc. [ AAPL" at the end of box 2: the closing bracket lost (a fax drops it, or reads
#: it as "J", "|", "l" or "1", a space after the ticker, for tickers have none).
_ISSUER_OPEN = re.compile(
    r"^(?P<name>.+?)\s*\[\s*(?P<ticker>[A-Z]{1,5})(?P<close>\s*[\])|]|\s+[Jjl1I])?\s*$")
#: Lines every page repeats at its foot (the form number and the page number) and at its head
#: ("FORM 4 (continued)").
_PAGE_FURNITURE = re.compile(
    r"(?im)^[ \t]*(?:SEC 1474 \(\d+-\d+\))?[ \t]*(?:Page \d+(?: of \d+)?)?[ \t]*$|"
    r"^[ \t]*FORM 4 ?(?:\(continued\)|- ?continued)[ \t]*$")
# "(1) text" as the paper form prints it; "1. text" as EDGAR's HTML view does.


def check_is_form4(dump: TextDump) -> None:
    """Raise :class:`NotAForm4Error` unless the dump shows a Form 4."""
    norm = normalize(dump.flat)
    for other_title, form in K.OTHER_FORM_TITLES.items():
        if find_label(norm, other_title, min_score=97):
            raise NotAForm4Error(f"this is a {form}, not a Form 4")
    title = find_label(norm, K.TITLE_MARKERS[0], min_score=85)
    boxes = sum(1 for box in K.BOXES_2002[:5]
                if find_label(norm, f"{box.number}. {box.text}", min_score=85))
    if title is None and boxes < 2:
        raise NotAForm4Error("no Form 4 title or box labels found in the text")


def read_text_form(text: str, distrust_noisy_text: bool = True) -> Form4:
    """Read a text dump into a :class:`Form4` (not yet validated).

    Text that reads across the form's columns is always distrusted.  ``distrust_noisy_text``
    also flags everything when the text is full of OCR debris; the OCR reader, which carries
    its own per-word confidences, turns that off.
    """
    dump = read_text_dump(_PAGE_FURNITURE.sub("", text))
    if not dump.lines:
        raise NotAForm4Error("the text is empty")
    check_is_form4(dump)
    layout = locate_labels(dump)
    box1 = read_box1(layout)
    box5 = read_box5(layout)
    table_owners = read_owners_table(layout, box1)
    first = merge_owner(box1, box5, table_owners[0] if table_owners else None)
    # Without a Reporting Owners table, the joint filers are the box 1s printed after the first.
    others = table_owners[1:] if table_owners else extra_box1_owners(layout)
    owners = (first, *(finish_owner(o) for o in others))
    document_type, original = _read_amendment(layout)
    non_derivative, derivative, review = read_tables(layout)
    statement_month, period = _read_period(layout, (*non_derivative, *derivative))
    form = Form4(
        document_type=document_type,
        issuer=_read_issuer(layout),
        reporting_owners=owners,
        period_of_report=period,
        statement_month=statement_month,
        date_of_original_submission=original,
        individual_or_joint_filing=_read_filing_type(layout, len(owners), bool(table_owners)),
        non_derivative_table=non_derivative,
        derivative_table=derivative,
        footnotes=_read_footnotes(layout),
        remarks=_read_remarks(layout),
        signatures=read_signatures(layout),
        form_revision=layout.revision.name,
        source_kind=SOURCE,
        review=tuple(review),
    )
    form = check_tables(form)
    interleaved = interleaved_lines(layout)
    if interleaved:
        return _distrust(form, f"the text reads across the form's columns (line "
                               f"{interleaved[0] + 1} holds several box labels): which box "
                               "this value belongs to is not certain")
    if not distrust_noisy_text:
        return form
    junk = junk_share(layout)
    if junk > MAX_JUNK_SHARE:
        return _distrust(form, f"{junk:.0%} of the words are OCR debris: the text's "
                               "characters are not reliable")
    return form


#: Confidence given to values read from text whose columns run into each other.
INTERLEAVED_CONFIDENCE = 0.6


#: Above this share of debris tokens a text is raw OCR of a ruled page, not a clean dump.
MAX_JUNK_SHARE = 0.01


def _distrust(form: Form4, reason: str) -> Form4:
    """Every value of a text too damaged to attribute or spell reliably, capped and flagged.

    The values are kept for the reviewer, never passed as read.
    """

    def cap(_: str, field: Field) -> Field:
        if field.value is None or field.needs_review:
            return field
        return dataclasses.replace(field, confidence=min(field.confidence,
                                                         INTERLEAVED_CONFIDENCE),
                                   review_reason=reason)

    return map_fields(form, cap)


def _read_issuer(layout: TextLayout) -> Issuer:
    box = layout.find("issuer")
    if box is None:
        return Issuer(_f(None, "", 0.0, "box 2 not found"), _f(None, "", 0.0, "box 2 not found"))
    raw = layout.segment_after(box)
    text = clean_segment(raw)
    if m := _ISSUER.match(text) or _open_bracket_issuer(text):
        return Issuer(_f(m["name"].strip(" ,"), raw), _f(m["ticker"].upper(), raw))
    words = text.split()
    if len(words) > 1 and re.fullmatch(r"[A-Z]{1,5}", words[-1]):
        return Issuer(_f(" ".join(words[:-1]), raw, 0.7, "ticker not printed in brackets"),
                      _f(words[-1], raw, 0.7, "ticker not printed in brackets"))
    return Issuer(_f(text or None, raw, 0.7 if text else 0.0, "ticker not found in box 2"),
                  _f(None, raw, 0.0, "ticker not found in box 2"))


def _open_bracket_issuer(text: str) -> re.Match[str] | None:
    """Box 2 read as "Name [ TICKER" with its closing bracket lost; ``None`` where the bracket
    may be the ticker's last letter ("AAPLJ": "AAPL]" or a ticker ending in J?)."""
    m = _ISSUER_OPEN.match(text)
    if m is None or (not m["close"] and m["ticker"][-1] in "JI"):
        return None
    return m


def _read_date_box(layout: TextLayout, key: str) -> Field:
    box = layout.find(key)
    if box is None:
        return _f(None, "", 0.0, f"box {key.replace('_', ' ')} not found")
    raw = layout.segment_after(box)
    text = clean_segment(raw)
    value = parse_date(text)
    if value is None:
        return _f(None, raw, 0.0, f"no date readable in {text!r}" if text else "box is empty")
    return _f(value, raw)


def _read_period(layout: TextLayout, rows: tuple) -> tuple[Field, Field]:
    """(statement month, period of report).

    From 2002 box 3 prints the period: the date of the earliest transaction.  Before 2002 box
    4 printed only the statement's month; the period is then the earliest transaction date in
    the tables, when it falls in that month.
    """
    if layout.revision.name != "pre-2002":
        return Field(), _read_date_box(layout, "earliest_transaction")
    box = layout.find("statement_month")
    if box is None:
        return _f(None, "", 0.0, "box 4 (Statement for Month/Year) not found"), Field()
    raw = layout.segment_after(box)
    month = parse_month_year(clean_segment(raw))
    if month is None:
        return _f(None, raw, 0.0, "no month/year readable in box 4"), Field()
    dated = sorted((r.transaction_date for r in rows if r.transaction_date.value),
                   key=lambda date: date.value)
    in_month = [d for d in dated if f"{d.value.year:04d}-{d.value.month:02d}" == month]
    if not in_month:
        return _f(month, raw), Field()
    # The period is read from the earliest row's date cell: its provenance is that cell's, so
    # the date is shown, and an OCR reading judged, where it was printed.
    cell = in_month[0].provenance.raw_text if in_month[0].provenance else None
    return _f(month, raw), _f(in_month[0].value, cell or f"earliest transaction date in the "
                              f"tables, {month}", 0.85)


#: The fewest digits a date has ("5/2/19").
_DATE_DIGITS = 4


def _read_amendment(layout: TextLayout) -> tuple[Field, Field]:
    box = layout.find("amendment")
    if box is None:
        reason = "box 4 (If Amendment) not found"
        return _f(None, "", 0.0, reason), _f(None, "", 0.0, reason)
    raw = layout.segment_after(box)
    text = clean_segment(raw)
    value = parse_date(text)
    if value is not None:
        return _f("4/A", raw), _f(value, raw)
    if sum(char.isdigit() for char in text) >= _DATE_DIGITS:
        reason = f"box 4 holds {text!r}, not a date"
        return _f(None, raw, 0.0, reason), _f(None, raw, 0.0, reason)
    # Too few digits for a date of an original filing: "N/A" typed in, specks a fax left
    # there, or the box's own number ("4") laid out below its label.
    return _f("4", raw, 0.9 if not text else 0.85), Field()


def _read_filing_type(layout: TextLayout, owners: int, from_table: bool) -> Field:
    marks = read_checkboxes(layout, {"individual": "individual", "joint": "joint"})
    checked = [name for name, field in marks.items() if field.value]
    if len(checked) == 1:
        return dataclasses.replace(marks[checked[0]], value=checked[0])
    if len(checked) > 1:
        return _f(None, "both lines checked", 0.0, "box 6: both lines are checked")
    if from_table:  # EDGAR prints box 6 from the number of reporting owners
        raw = f"{owners} reporting owner(s) listed"
        return _f("joint" if owners > 1 else "individual", raw, 0.85)
    return Field()


#: A footnote whose marker lost its superscript and brackets: "1 This transaction was ...".
_BARE_FOOTNOTE = re.compile(r"^(?P<n>\d{1,2})\s+(?P<text>(?:[A-Z][a-z]|[\d$]).{20,})$")


def _next_number(notes: list[list[str]]) -> int:
    """The number the next footnote carries: one past the last numbered note."""
    numbers = [int(n) for n, _ in notes if n]
    return numbers[-1] + 1 if numbers else 1


def _read_footnotes(layout: TextLayout) -> tuple[Footnote, ...]:
    region = section_region(layout, "explanation", ignore=("relationships",))
    if region is None:
        return ()
    signed = {line.line_number for line in signature_lines(layout)}
    notes: list[list[str]] = []
    for line in region.lines:
        if line.line_number in signed:
            break  # the signature follows the last footnote
        text = clean_segment(line.text)
        if text.startswith("/s/"):
            break  # a signature the caption search missed: no footnote runs on into it
        if is_boilerplate(line.text):
            notes.append(["", ""])  # the form's own notes ("** Intentional ...") end a note
        elif m := FOOTNOTE_LINE.match(text):
            notes.append([m["n"] or m["m"], m["text"]])
        elif (m := _BARE_FOOTNOTE.match(text)) and int(m["n"]) == _next_number(notes):
            notes.append([m["n"], m["text"]])  # "1 This transaction ...": a superscript lost
        elif notes and notes[-1][0]:
            notes[-1][1] += " " + text
    numbered = [(int(n), t) for n, t in notes if n]
    fixed = numbers_in_sequence([n for n, _ in numbered])
    out = []
    for (read, text), number in zip(numbered, fixed, strict=True):
        # A marker the numbering puts back (a blurred "(5)" read "(6)" between (4) and (6))
        # has one reading, since notes run 1, 2, 3...: it is kept as a repair, not flagged.
        field = _f(" ".join(text.split()), text,
                   REPAIRED_CONFIDENCE if number != read else CLEAN)
        out.append(Footnote(f"F{number}", field))
    return tuple(out)


def _read_remarks(layout: TextLayout) -> Field:
    region = section_region(layout, "remarks")
    if region is None:
        return Field()
    label = layout.find("remarks")
    signed = {line.line_number for line in signature_lines(layout)}
    inline = clean_segment(layout.dump.flat[label.end:region.end].split("\n")[0]) if label else ""
    text = " ".join([inline, *(clean_segment(line.text) for line in region.lines
                               if line.line_number not in signed
                               and not is_boilerplate(line.text))]).strip()
    return _f(text, text) if text else Field()


__all__ = ["check_is_form4", "corroborate", "footnote_id", "read_text_form"]
