"""Assemble a Form4 from a legacy EDGAR text filing: the paper form typed out in ASCII.

Pipeline: :mod:`extractor.ingest.sgml` (header and documents) -> the boxes located by their
printed labels (:mod:`extractor.knowledge.labels`, matched with :mod:`extractor.layout.fuzzy`)
-> the typed tables (:mod:`extractor.layout.ascii_table`) -> the field parsers -> a ``Form4``.

The printed form is the source of every value.  The SGML header is EDGAR's index data: its
conformed names, period, form type and relationship only corroborate (raise confidence) or
contradict (flag) what the form says.  Its addresses are registration addresses, often stale
(this reader's real example prints 520 Madison Avenue, its header 509), and are not used.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from rapidfuzz import fuzz

from extractor.assemble.legacy_ascii_notes import (
    MIN_LABEL,
    clean_text,
    read_footnotes,
    read_remarks,
    read_signatures,
)
from extractor.assemble.legacy_ascii_tables import CLEAN, SOURCE, read_typed_tables
from extractor.assemble.sgml_ciks import with_header_ciks
from extractor.errors import NotAForm4Error, UnsupportedInputError
from extractor.fields.addresses import parse_city_state_zip, split_street
from extractor.fields.dates import parse_date, parse_month_year
from extractor.fields.names import split_person_name
from extractor.ingest.sgml import SgmlDocument, SgmlHeader, is_sgml_submission, split_submission
from extractor.knowledge import labels as K
from extractor.layout.fuzzy import (
    LabelMatch,
    NormalizedText,
    find_label,
    normalize,
)
from extractor.layout.text_boxes import detect_revision
from extractor.model import (
    Field,
    Form4,
    Issuer,
    Provenance,
    Relationship,
    ReportingOwner,
)

CORROBORATED = 0.99  # ... and the SGML header agrees
FORM4_TYPES = ("4", "4/A")
_MARK = re.compile(r"(?:\(\s*[xX✓]\s*\)|\[\s*[xX✓]\s*\]|(?<![\w/])[xX])\s*$")
_NO_MARK = re.compile(r"(?:\(\s*\)|\[\s*\])\s*$")
_TICKER = re.compile(r"[A-Z][A-Z0-9.\-]{0,7}")
_BRACKETED = re.compile(r"^(?P<name>.+?)\s*[\[(]\s*(?P<ticker>[A-Za-z0-9.\-]{1,8})\s*[\])]\s*$")
#: Cells typed to say "nothing to report": empty, not a value that failed to parse.


def _f(value: object, raw: str | None, confidence: float = CLEAN,
       reason: str | None = None) -> Field:
    return Field(value, confidence if value is not None else 0.0,
                 Provenance(SOURCE, raw_text=raw), (), reason)


def _missing(what: str) -> Field:
    return _f(None, None, 0.0, f"{what} not found")


def _checkbox(key: str) -> str:
    return next(c.text for c in K.CHECKBOXES if c.key == key)


def looks_like_legacy_ascii(text: str) -> bool:
    """True for an SGML submission whose (Form 4) document is typed text, not XML."""
    if not is_sgml_submission(text):
        return False
    documents = split_submission(text).documents
    form4 = [d for d in documents if d.type in FORM4_TYPES] or list(documents)
    return bool(form4) and not form4[0].is_xml and bool(form4[0].text.strip())


@dataclasses.dataclass(frozen=True, slots=True)
class _Doc:
    """The typed form: its text, the normalised copy labels are matched on, the SGML header."""

    body: str
    norm: NormalizedText
    header: SgmlHeader | None

    def find(self, label: str, start: int = 0, end: int | None = None) -> LabelMatch | None:
        return find_label(self.norm, label, start, end, min_score=MIN_LABEL)


@dataclasses.dataclass(frozen=True, slots=True)
class _Box:
    """A located box: its content runs from the end of its label to the next box label."""

    start: int
    end: int
    text: str

    @property
    def lines(self) -> list[str]:
        return [c for line in self.text.split("\n") if (c := clean_text(line))]

    @property
    def raw(self) -> str:
        return self.text.strip("\n") or "(empty)"


def read_legacy_ascii(text: str) -> Form4:
    """Read a legacy EDGAR text filing (or the bare typed form) into a :class:`Form4`."""
    header = None
    if is_sgml_submission(text):
        submission = split_submission(text)
        header = submission.header
        text = _form4_text(submission.documents, header)
    body = text.replace("\r\n", "\n").expandtabs(8)
    doc = _Doc(body, normalize(body), header)
    _check_is_form4(doc)
    revision = detect_revision(doc.norm)
    boxes = _locate_boxes(doc, revision)
    owner = dataclasses.replace(_read_owner(doc, boxes.get("reporting_person")),
                                relationship=_read_relationship(doc, boxes.get("relationship")))
    statement_month, period = _read_period(doc, boxes)
    document_type, original = _read_amendment(doc, boxes.get("amendment"))
    non_derivative, derivative, review = read_typed_tables(doc.body, revision)
    return with_header_ciks(Form4(
        document_type=document_type,
        issuer=_read_issuer(doc, boxes.get("issuer")),
        reporting_owners=(owner,),
        period_of_report=period,
        date_of_original_submission=original,
        statement_month=statement_month,
        not_subject_to_section16=_read_section16(doc, boxes),
        individual_or_joint_filing=_read_filing_type(doc, boxes.get("filing_type")),
        non_derivative_table=non_derivative,
        derivative_table=derivative,
        footnotes=read_footnotes(doc.body, doc.norm),
        remarks=read_remarks(doc.body, doc.norm),
        signatures=read_signatures(doc.body, doc.norm),
        form_revision=revision.name,
        source_kind=SOURCE,
        review=tuple(review),
    ), header, SOURCE)


def _form4_text(documents: tuple[SgmlDocument, ...], header: SgmlHeader | None) -> str:
    """The text of the submission's Form 4 document; raises when there is none."""
    form4 = [d for d in documents if d.type in FORM4_TYPES]
    kind = header.form_type if header else None
    if not form4 and kind and kind not in FORM4_TYPES:
        raise NotAForm4Error(f"the submission is a form type {kind} filing, not a Form 4")
    form4 = form4 or [d for d in documents if not d.is_xml and d.text.strip()]
    if not form4:
        raise NotAForm4Error("the submission holds no Form 4 document")
    if form4[0].is_xml:
        raise UnsupportedInputError("the Form 4 in this submission is EDGAR XML, not typed text")
    return form4[0].text


def _check_is_form4(doc: _Doc) -> None:
    if not doc.norm.text.strip():
        raise NotAForm4Error("the document is empty")
    for title, form in K.OTHER_FORM_TITLES.items():
        if find_label(doc.norm, title, min_score=97):
            raise NotAForm4Error(f"this is a {form}, not a Form 4")
    boxes = sum(1 for box in K.BOXES_PRE_2002 if find_label(doc.norm, box.text, min_score=85))
    if find_label(doc.norm, K.TITLE_MARKERS[0], min_score=85) is None and boxes < 2:
        raise NotAForm4Error("no Form 4 title or box labels found in the document")


# --- boxes ----------------------------------------------------------------------------------------

def _locate_boxes(doc: _Doc, revision: K.FormRevision) -> dict[str, _Box]:
    """Each numbered box found by its printed label, above the tables."""
    title = doc.find(K.LEGACY_TABLE_TITLES[0].text)
    tag = doc.body.upper().find("<TABLE>")
    end = min(p for p in (len(doc.body), tag, title.start if title else -1) if p >= 0)
    labels = {box.key: f"{box.number}. {box.text}" if box.number else box.text
              for box in revision.boxes}
    found = sorted((m.start, m.end, key) for key, label in labels.items()
                   if (m := doc.find(label, 0, end)))
    boxes: dict[str, _Box] = {}
    for index, (_, label_end, key) in enumerate(found):
        stop = found[index + 1][0] if index + 1 < len(found) else end
        boxes.setdefault(key, _Box(label_end, stop, doc.body[label_end:stop]))
    return boxes


def _corroborate(value: str, header_names: list[str], what: str) -> tuple[float, str | None]:
    """Confidence (and a reason when they disagree) of ``value`` given the header's names."""
    def plain(text: str) -> str:  # EDGAR's "/DE/" suffix and punctuation dropped, folded
        text = re.sub(r"\s/[A-Z]{0,3}/?\s*$", "", text.strip())
        return " ".join(re.sub(r"[^\w\s]", " ", text).casefold().split())

    if not header_names:
        return CLEAN, None
    best = max(fuzz.token_sort_ratio(plain(value), plain(n)) for n in header_names)
    if best >= 90:
        return CORROBORATED, None
    if best >= 70:
        return CLEAN, None
    return 0.7, f"the SGML header names the {what} {' / '.join(header_names)!r}"


def _read_owner(doc: _Doc, box: _Box | None) -> ReportingOwner:
    """Box 1: name (Last, First Middle), street lines, "City, ST ZIP", maybe a country line."""
    sublabels = "|".join(re.escape(s) for s in (*K.NAME_SUBLABELS, *K.ADDRESS_SUBLABELS))
    lines = [c for line in (box.lines if box else [])
             if (c := clean_text(re.sub(sublabels, " ", line, flags=re.IGNORECASE)))]
    if not lines:
        return ReportingOwner(rpt_owner_name=_missing("box 1 (name and address)"))
    person = split_person_name(lines[0])
    owners = [o.conformed_name for o in doc.header.reporting_owners] if doc.header else []
    confidence, reason = _corroborate(person.full, owners, "reporting owner")
    named = {"rpt_owner_name": person.full, "last_name": person.last,
             "first_name": person.first, "middle_name": person.middle}
    # Keyword arguments of ReportingOwner: every one but ``relationship`` is a Field.
    fields: dict[str, Any] = {
        k: _f(v, lines[0], confidence, reason if k == "rpt_owner_name" else None)
        for k, v in named.items() if v}
    at = next((i for i, line in enumerate(lines[1:], 1) if parse_city_state_zip(line)), None)
    if at is None:  # not a US "City, ST ZIP" address: where the street ends is not known
        raw = "\n".join(lines[1:])
        fields["rpt_owner_street1"] = _f(None, raw, 0.0, "no 'City, ST ZIP' line in box 1: "
                                         "street, city and postal code not separated")
        return ReportingOwner(**fields)
    streets = lines[1:at]
    raw = "\n".join(streets)
    if len(streets) == 1:  # "c/o Acme Corp., 520 Madison Avenue" on one line
        streets = [s for s in split_street(streets[0]) if s]
    if streets:
        fields["rpt_owner_street1"] = _f(streets[0], raw)
    if len(streets) > 1:  # a third street line has no field of its own: kept in street2
        fields["rpt_owner_street2"] = _f(", ".join(streets[1:]), raw,
                                         CLEAN if len(streets) == 2 else 0.85)
    csz = parse_city_state_zip(lines[at]) if at is not None else None
    if at is None or csz is None:
        fields["rpt_owner_city"] = _f(None, box.raw if box else None, 0.0,
                                      "no 'City, ST ZIP' line in box 1")
        return ReportingOwner(**fields)
    extra = [line for line in lines[at + 1:] if line.upper() not in K.US_COUNTRY_NAMES]
    fields["rpt_owner_city"] = _f(csz.city, lines[at])
    fields["rpt_owner_state"] = _f(csz.state, lines[at], CLEAN,
                                   f"box 1 goes on after the ZIP: {extra!r}" if extra else None)
    fields["rpt_owner_zip_code"] = _f(csz.zip_code, lines[at])
    return ReportingOwner(**fields)


def _read_issuer(doc: _Doc, box: _Box | None) -> Issuer:
    """Box 2: the name, and the ticker on its own line or in brackets after the name."""
    if box is None or not box.lines:
        return Issuer(_missing("box 2 (issuer)"), _missing("box 2 (issuer)"))
    lines = box.lines
    name, ticker, doubt = " ".join(lines), None, None
    if m := _BRACKETED.match(name):
        name, ticker = m["name"].strip(" ,"), m["ticker"].upper()
    elif len(lines) > 1 and _TICKER.fullmatch(lines[-1]):
        name, ticker = " ".join(lines[:-1]), lines[-1]
    elif len(words := name.split()) > 1 and _TICKER.fullmatch(words[-1]) and len(words[-1]) < 6:
        name, ticker, doubt = " ".join(words[:-1]), words[-1], "ticker not set apart from the name"
    company = doc.header.subject_company_name if doc.header else None
    confidence, reason = _corroborate(name, [company] if company else [], "issuer")
    symbol = _f(ticker, box.raw, 0.7 if doubt else CLEAN, doubt) if ticker else \
        _f(None, box.raw, 0.0, "ticker not found in box 2")
    return Issuer(_f(name, box.raw, 0.7 if doubt else confidence, doubt or reason), symbol)


def _read_period(doc: _Doc, boxes: dict[str, _Box]) -> tuple[Field, Field]:
    """(statement month "YYYY-MM", period of report) from box 4, or box 3 from 2002 on."""
    box = boxes.get("statement_month") or boxes.get("earliest_transaction")
    if box is None:
        return _missing("box 4 (statement for month/year)"), Field()
    text = " ".join(box.lines)
    month = parse_month_year(text) if "statement_month" in boxes else None
    day, hdr = parse_date(text), doc.header.period_of_report if doc.header else None
    if day is None and month and hdr and f"{hdr:%Y-%m}" == month:
        # Only the month is printed; EDGAR's period of report falls in it, so it stands for
        # the printed month (a little less sure than a printed date).
        period = _f(hdr, f"SGML header CONFORMED PERIOD OF REPORT {hdr:%Y%m%d}", 0.85)
    elif day is None:
        period = _f(None, box.raw, 0.0, f"no date readable in {text!r}")
    elif hdr is not None and hdr != day:
        period = _f(day, box.raw, 0.7, f"the SGML header gives period of report {hdr}")
    else:
        period = _f(day, box.raw, CORROBORATED if hdr == day else CLEAN)
    if "statement_month" not in boxes:
        return Field(), period
    return _f(month, box.raw, CLEAN, None if month else f"no month/year in {text!r}"), period


def _read_amendment(doc: _Doc, box: _Box | None) -> tuple[Field, Field]:
    """(document type, date of original) from box 5: empty means not an amendment."""
    hdr = doc.header.form_type if doc.header else None
    if box is None:
        return _missing("box 5 (if amendment)"), Field()
    text = " ".join(box.lines)
    if not text:
        if hdr == "4/A":
            return _f("4", box.raw, 0.6, "box 5 is empty but the SGML header says 4/A"), Field()
        return _f("4", box.raw, CORROBORATED if hdr == "4" else CLEAN), Field()
    amended = _f("4/A", box.raw, CORROBORATED if hdr == "4/A" else CLEAN,
                 "box 5 is filled but the SGML header says form type 4" if hdr == "4" else None)
    if day := parse_date(text):
        return amended, _f(day, box.raw)
    if parse_month_year(text):  # the pre-2002 box asks for Month/Year only: no day to report
        return amended, _f(None, box.raw, 0.0, f"box 5 gives only the month/year {text!r}")
    reason = f"box 5 holds {text!r}, not a date"
    return _f(None, box.raw, 0.0, reason), _f(None, box.raw, 0.0, reason)


# --- check boxes ----------------------------------------------------------------------------------

def _marks(doc: _Doc, start: int, end: int, keys: list[str]) -> dict[str, Field]:
    """Each check box's state from the mark typed just before its label: "(X)" or "( )".

    Longer labels are found first and their spans excluded, because "Form filed by One
    Reporting Person" also matches inside "Form filed by More than One Reporting Person".
    """
    found: dict[str, LabelMatch] = {}
    for key in sorted(keys, key=lambda k: -len(_checkbox(k))):
        taken = sorted((m.start, m.end) for m in found.values())
        gaps = zip([start, *(e for _, e in taken)], [*(s for s, _ in taken), end], strict=True)
        if m := next((m for lo, hi in gaps if lo < hi and (m := doc.find(_checkbox(key), lo, hi))),
                     None):
            found[key] = m
    fields: dict[str, Field] = {}
    previous = start
    for key, m in sorted(found.items(), key=lambda item: item[1].start):
        before = doc.body[previous:m.start].split("\n")[-1]
        raw = f"{before}{doc.body[m.start:m.end]}".strip()
        if _MARK.search(before):
            fields[key] = _f(True, raw)
        elif _NO_MARK.search(before) or not before.strip():
            fields[key] = _f(False, raw, CLEAN if before.strip() else 0.85)
        else:
            fields[key] = _f(None, raw, 0.0, f"no check mark readable in {before.strip()!r}")
        previous = m.end
    return {key: fields.get(key, _missing(f"check box {_checkbox(key)!r}")) for key in keys}


def _read_relationship(doc: _Doc, box: _Box | None) -> Relationship:
    """Box 6: four check boxes, then the officer title or "other" text typed below them."""
    keys = ["director", "ten_percent_owner", "officer", "other"]
    if box is None:
        return Relationship(*(_missing("box 6 (relationship)") for _ in keys))
    marks = _marks(doc, box.start, box.end, keys)
    said = [r for o in (doc.header.reporting_owners if doc.header else ()) for r in o.relationships]
    for key in keys if said else ():  # the header's <RELATIONSHIP> tags corroborate each box
        field, listed = marks[key], any(r in said for r in K.HEADER_RELATIONSHIPS[key])
        if field.value is not None and field.value == listed:
            marks[key] = dataclasses.replace(field, confidence=CORROBORATED)
        elif field.value is not None:
            marks[key] = field.flagged(f"the SGML header lists relationship(s) {said}")
    label = doc.find(_checkbox("other"), box.start, box.end)
    title = clean_text(doc.body[label.end:box.end]) if label else ""
    officer, other = marks["officer"].value, marks["other"].value
    titles: dict[str, Field[str]] = {"officer_title": Field(), "other_text": Field()}
    if title and (officer, other) in ((True, False), (False, True)):
        titles["officer_title" if officer else "other_text"] = _f(title, title)
    elif title and officer and other and title.count(";") == 1:
        officer_title, other_text = (part.strip() for part in title.split(";"))
        titles = {"officer_title": _f(officer_title, title, 0.7),
                  "other_text": _f(other_text, title, 0.7)}
    elif title:
        # Both or neither checked: which part of the text is which cannot be told, and each
        # element the checked boxes require is flagged, so none is left out unsaid.
        reason = f"box 6 text {title!r} belongs to neither or both of Officer and Other"
        titles = {"officer_title": _f(None, title, 0.0, reason),
                  "other_text": _f(None, title, 0.0, reason)}
    return Relationship(marks["director"], marks["officer"], marks["ten_percent_owner"],
                        marks["other"], **titles)


def _read_filing_type(doc: _Doc, box: _Box | None) -> Field:
    """Box 7: "individual" or "joint" from which of its two lines is checked."""
    if box is None:
        return _missing("box 7 (individual or joint filing)")
    marks = _marks(doc, box.start, box.end, ["individual", "joint"])
    one, many = marks["individual"].value, marks["joint"].value
    raw = clean_text(box.text)
    owners = len(doc.header.reporting_owners) if doc.header else 0
    if one and not many:
        reason = f"the SGML header names {owners} reporting owners" if owners > 1 else None
        return _f("individual", raw, 0.7 if reason else CLEAN, reason)
    if many and not one:
        return _f("joint", raw)
    return _f(None, raw, 0.0, "box 7: both or neither line checked" if one == many else
              "box 7: check marks not readable")


def _read_section16(doc: _Doc, boxes: dict[str, _Box]) -> Field:
    """The "no longer subject to Section 16" box above box 1; empty when it is not typed."""
    end = min((b.start for b in boxes.values()), default=len(doc.body))
    field = _marks(doc, 0, end, ["not_subject_to_section16"])["not_subject_to_section16"]
    typed = field.provenance is not None and field.provenance.raw_text is not None
    return field if typed else Field()  # many typed forms leave the box out: nothing to say


__all__ = ["looks_like_legacy_ascii", "read_legacy_ascii"]
