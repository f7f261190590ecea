"""Assemble a Form4 from reading-order text: plain ``pdftotext`` output, tesseract's plain text.

Such text has no columns to place a value by: boxes printed side by side come one after the
other or interleaved, so a value is recognised by its type and found near its label — the
issuer by its bracketed ticker, the owner as the first name after box 1, the address as the
lines that end in a city, state and ZIP, box 3 as the header date that is the earliest
transaction's.  A check box counts only when the text shows it: a mark or an empty box printed
before its label, or, when the text prints marks bare ("X Officer") and never an empty box, a
label without a mark.  Otherwise it is flagged, never read as unchecked.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from extractor.assemble.reading_order_notes import read_footnotes, read_remarks, read_signatures
from extractor.assemble.reading_order_ocr import (
    MAX_DEBRIS_SHARE,
    debris_share,
    distrusted,
    distrusted_owner,
    trust_ocr_values,
)
from extractor.assemble.reading_order_owners import listed_owners
from extractor.assemble.reading_order_places import (
    ISSUER,
    city_state_zip,
    is_box1_line,
    is_labelled_value,
    is_name,
    is_street,
    labelled_place,
    without_label,
)
from extractor.assemble.reading_order_tables import (
    ROW_CONFIDENCE,
    SOURCE,
    read_table,
    table_regions,
)
from extractor.errors import NotAForm4Error
from extractor.fields.addresses import parse_city_state_zip, split_street
from extractor.fields.dates import parse_date
from extractor.fields.names import is_entity_name, split_person_name, ticker_spelled_by
from extractor.knowledge import labels as K
from extractor.knowledge.label_wordings import WORDINGS
from extractor.layout.fuzzy import find_label, normalize
from extractor.layout.ocr_text import clean_text, looks_like_ocr
from extractor.layout.reading_order import (
    CheckLine,
    Line,
    find_checkboxes,
    is_value,
    lone_marks,
    read_lines,
)
from extractor.model import Field, Form4, Issuer, Provenance, Relationship, ReportingOwner

#: Words that alone are no issuer's name, only the end of one ("CORP" of "TELOS CORP").
_NAME_ENDINGS = frozenset({"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd",
                           "ltd.", "llc", "plc", "lp", "l.p.", "holdings", "group", "n.v.",
                           "s.a.", "ag", "se", "company", "limited"})
_DATE_ONLY = re.compile(r"^\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}$|^\d{4}-\d{2}-\d{2}$")
_MONTH_YEAR = re.compile(r"^\d{1,2}/\d{4}$")
CLEAN = 0.9
#: Confidence of a bare check-box label read as unchecked because the text prints every mark
#: bare and never an empty box.
UNMARKED_CONFIDENCE = 0.85
_RELATIONSHIP_KEYS = ("director", "officer", "ten_percent_owner", "other")


def _f(value: object, raw: str, confidence: float = CLEAN, reason: str | None = None) -> Field:
    return Field(value, confidence, Provenance(SOURCE, raw_text=raw), (), reason)


def _flag(reason: str, value: object = None, raw: str = "") -> Field:
    return Field(value, 0.5 if value is not None else 0.0, Provenance(SOURCE, raw_text=raw), (),
                 reason)


def read_reading_order(text: str) -> Form4:
    """Read reading-order text into a :class:`Form4` (not yet validated)."""
    ocr = looks_like_ocr(text)
    lost_marks = 0
    if ocr:
        text, lost_marks = clean_text(text)
    lines = read_lines(text)
    _check_is_form4(text)
    regions = table_regions(lines)
    header_end = min([r[0] - 1 for r in (regions.table1, regions.table2) if r] or [len(lines)])
    tail = lines[regions.end:] if regions.end else lines[header_end:]
    signatures, signature_start = read_signatures(tail)
    footnotes = read_footnotes(tail[:signature_start], ocr)
    non_derivative, review1 = read_table(lines, regions.table1, False, ocr, len(footnotes))
    derivative, review2 = read_table(lines, regions.table2, True, ocr, len(footnotes))
    header = _Header(lines, header_end)
    dates = [r.transaction_date.value for r in (*non_derivative, *derivative)
             if r.transaction_date.value is not None and not r.transaction_date.needs_review]
    period, original = header.dates(min(dates) if dates else None)
    issuer = header.issuer()
    owner = header.owner()
    more = header.more_owners() + _others(owner, listed_owners(lines[header_end:]))
    if ocr:  # the list's lines, unlike box 1's, are not checked against the form's layout
        more = [distrusted_owner(o, "an owner listed in an OCR reading: its characters and "
                                    "the order of its lines are not checked") for o in more]
    form = Form4(
        document_type=_f("4/A" if original.value else "4", "", CLEAN) if
        not original.needs_review else _flag("whether box 4 holds a date is not shown"),
        issuer=issuer,
        reporting_owners=(owner, *more),
        period_of_report=period,
        date_of_original_submission=original,
        not_subject_to_section16=header.checkbox("not_subject_to_section16"),
        aff10b5_one=header.checkbox("rule_10b5_1", optional=True),
        individual_or_joint_filing=header.filing_type(),
        non_derivative_table=non_derivative,  # type: ignore[arg-type]
        derivative_table=derivative,  # type: ignore[arg-type]
        footnotes=footnotes,
        remarks=read_remarks(tail[:signature_start]),
        signatures=signatures,
        form_revision=_revision(text),
        source_kind=SOURCE,
        review=(*review1, *review2),
    )
    if ocr:
        return trust_ocr_values(form, lost_marks)
    share = debris_share(lines)
    if share > MAX_DEBRIS_SHARE:
        return distrusted(form, f"{share:.0%} of the text's lines carry OCR debris: its "
                               "characters are not reliable")
    return form


def _check_is_form4(text: str) -> None:
    norm = normalize(text)
    for other_title, form in K.OTHER_FORM_TITLES.items():
        if find_label(norm, other_title, min_score=97):
            raise NotAForm4Error(f"this is a {form}, not a Form 4")
    if find_label(norm, K.TITLE_MARKERS[0], min_score=85) is None:
        raise NotAForm4Error("no Form 4 title found in the text")


def _revision(text: str) -> str:
    if re.search(r"(?i)foreign trading symbol|\(03-26\)", text):
        return "2026"
    if re.search(r"(?i)statement for month", text):
        return "pre-2002"
    if re.search(r"(?i)rule 10b5-1\(c\)", text):
        return "2023"
    return "2002"


class _Header:
    """The boxes above Table I: values found by type near their labels."""

    def __init__(self, lines: list[Line], end: int) -> None:
        self.lines, self.end = lines, end
        self.checks = find_checkboxes(lines, end)
        self.lone = lone_marks(lines, end)
        check_lines = {c.line for c in self.checks}
        self.values = [i for i in range(end) if i not in check_lines and
                       (is_value(lines[i].text) or is_labelled_value(lines, i))]
        self.used: set[int] = set()
        self._title_lines = self._officer_title_lines()

    # -- check boxes -----------------------------------------------------------------------

    def _mark(self, key: str) -> tuple[bool | None, str | None, str]:
        check = next((c for c in self.checks if c.key == key), None)
        if check is None:
            return None, "its label was not found in the text", ""
        raw = self.lines[check.line].text
        if any(abs(check.line - lone) <= 2 for lone in self.lone):
            return None, "a mark stands on a line of its own beside it", raw
        if check.mark is not None:
            return check.mark, None, raw
        if self._marks_print_bare():
            return False, None, raw
        return None, "the text shows no box before its label", raw

    def _marks_print_bare(self) -> bool:
        return any(c.mark and c.bare for c in self.checks) and \
            not any(c.mark is False for c in self.checks)

    def checkbox(self, key: str, optional: bool = False) -> Field:
        check = next((c for c in self.checks if c.key == key), None)
        if check is None and optional:
            return Field()
        mark, why, raw = self._mark(key)
        if mark is None:
            return _flag(f"check box {key!r} cannot be read from the text: {why}", raw=raw)
        confidence = CLEAN if check is not None and check.mark is not None else \
            UNMARKED_CONFIDENCE
        return _f(mark, raw, confidence)

    def filing_type(self) -> Field:
        one, _, raw = self._mark("individual")
        more, _, raw2 = self._mark("joint")
        if one and not more:
            return _f("individual", raw)
        if more and not one:
            return _f("joint", raw2)
        return _flag("box 6 cannot be read from the text: no mark is shown", raw=raw or raw2)

    def relationship(self) -> Relationship:
        values = {key: self.checkbox(key) for key in _RELATIONSHIP_KEYS}
        title = " ".join(self.lines[i].text for i in self._title_lines)
        officer: Field = Field()
        other: Field = Field()
        if title:
            if values["officer"].value and not values["other"].value:
                officer = _f(title, title)
            elif values["other"].value and not values["officer"].value:
                other = _f(title, title)
            else:
                officer = _flag("which check box the title below box 5 belongs to is not "
                                "shown", title, title)
        return Relationship(values["director"], values["officer"], values["ten_percent_owner"],
                            values["other"], officer, other)

    def _officer_title_lines(self) -> list[int]:
        """The value lines right after box 5's last label: the officer's title or "other"."""
        last = max((c.line for c in self.checks if c.key in _RELATIONSHIP_KEYS), default=None)
        if last is None:
            return []
        taken: list[int] = []
        for index in range(last + 1, min(last + 3, self.end)):
            text = self.lines[index].text
            if index not in self.values or _DATE_ONLY.match(text) or ISSUER.match(text) or \
                    parse_city_state_zip(text) or not re.search(r"[A-Za-z]{2}", text) or \
                    is_box1_line(text) or (taken and (
                        is_street(text) or self.lines[index].block != self.lines[taken[-1]].block)):
                break
            taken.append(index)
        self.used.update(taken)
        return taken

    # -- boxes 2 to 4 ----------------------------------------------------------------------

    def issuer(self) -> Issuer:
        found = [i for i in self.values if ISSUER.match(self.lines[i].text)]
        if len(found) != 1:
            why = "no" if not found else "more than one"
            return Issuer(_flag(f"box 2: {why} name with a bracketed ticker in the text"),
                          _flag(f"box 2: {why} bracketed ticker in the text"))
        index = found[0]
        m = ISSUER.match(self.lines[index].text)
        assert m is not None
        ticker, name = m["ticker"], m["name"].strip()
        before = index - 1
        joinable = before in self.values and self.lines[before].block == \
            self.lines[index].block and before not in self.used
        reason = None
        if joinable:
            joined = f"{self.lines[before].text} {name}".strip()
            if not name or (ticker_spelled_by(ticker, joined) and
                            not ticker_spelled_by(ticker, name)):
                name = joined
                self.used.add(before)
            else:
                reason = "box 2: the name may run on from the line before it"
        if name and all(w.strip(",").lower() in _NAME_ENDINGS for w in name.split()):
            reason = "box 2: the name is only a company's suffix; its start is not shown"
        self.used.add(index)
        raw = self.lines[index].text
        name_field = _f(name, raw, CLEAN, reason) if name else _flag("box 2: no issuer name")
        return Issuer(name_field, _f(ticker.upper(), raw))

    def dates(self, earliest: object) -> tuple[Field, Field]:
        """Box 3 (the header date that is the earliest transaction's) and box 4: of two
        header dates box 4 is the later, an amendment being filed after the original."""
        found = [(i, parse_date(self.lines[i].text)) for i in self.values
                 if _DATE_ONLY.match(self.lines[i].text)]
        found = [(i, d) for i, d in found if d is not None]
        self.used.update(i for i, _ in found)
        if not found:
            return _flag("box 3: no date found above Table I"), Field()
        distinct = sorted({d for _, d in found})  # type: ignore[type-var]
        raws = ", ".join(self.lines[i].text for i, _ in found)
        if len(distinct) > 2 or (earliest is not None and distinct[0] != earliest):
            return (_flag(f"box 3: which of the dates {raws} is box 3 is not shown",
                          distinct[0], raws),
                    _flag(f"box 4: which of the dates {raws} is box 4 is not shown")
                    if len(distinct) > 1 else Field())
        raw_of = {d: self.lines[i].text for i, d in reversed(found)}
        period = _f(distinct[0], raw_of[distinct[0]])
        original = _f(distinct[1], raw_of[distinct[1]]) if len(distinct) == 2 else Field()
        return period, original

    # -- box 1 -----------------------------------------------------------------------------

    def owner(self) -> ReportingOwner:
        relationship = self.relationship()
        start = self._box1_label()
        name_at = next((i for i in self.values if i > start and i not in self.used and
                        (is_name(self.lines[i].text) or self._wrapped_entity(i))), None)
        if name_at is None:
            missing = _flag("box 1: no name found in the text")
            return ReportingOwner(rpt_owner_name=missing, relationship=relationship)
        raw = self.lines[name_at].text
        self.used.add(name_at)
        after = name_at + 1
        if self._wrapped_entity(name_at):
            raw = f"{raw} {self.lines[after].text}"  # an entity's name wrapped in its box
            self.used.add(after)
            name_at = after
        person = split_person_name(raw)
        owner = ReportingOwner(
            rpt_owner_name=_f(person.full, raw), last_name=_f(person.last, raw),
            first_name=_f(person.first, raw), middle_name=_f(person.middle, raw),
            relationship=relationship)
        return self._with_address(owner, name_at)

    def _wrapped_entity(self, index: int) -> bool:
        """Whether the value line at ``index`` and the next, in one paragraph, make an
        entity's name wrapped in its box ("Jeremy M. Sclar 2012 Irrevocable" / "Family
        Trust")."""
        text, after = self.lines[index].text, index + 1
        if after not in self.values or after in self.used or \
                self.lines[after].block != self.lines[index].block:
            return False
        joined = f"{text} {self.lines[after].text}"
        return is_name(self.lines[after].text) and not is_street(self.lines[after].text) \
            and is_entity_name(joined) and not is_entity_name(text) and is_name(joined) and \
            not ISSUER.match(self.lines[after].text)

    def _box1_labels(self) -> list[int]:
        wordings = (K.BOXES_2002[0].text, *WORDINGS["reporting_person"])
        return [index for index in range(self.end)
                if any(find_label(self.lines[index].text, w, min_score=85) for w in wordings)]

    def _box1_label(self) -> int:
        return next(iter(self._box1_labels()), -1)

    def more_owners(self) -> list[ReportingOwner]:
        """The owners of box 1 printed again for each further owner of a joint filing: name
        and address; box 5 is printed once, for the first owner, so theirs is flagged."""
        labels = self._box1_labels()
        owners: list[ReportingOwner] = []
        why = "box 5 is printed once, for the first owner: this owner's is not shown"
        for start, stop in zip(labels[1:], [*labels[2:], self.end], strict=False):
            name_at = next((i for i in self.values if start < i < stop and
                            i not in self.used and is_name(self.lines[i].text)), None)
            if name_at is None:
                continue
            raw = self.lines[name_at].text
            self.used.add(name_at)
            person = split_person_name(raw)
            owner = ReportingOwner(
                rpt_owner_name=_f(person.full, raw), last_name=_f(person.last, raw),
                first_name=_f(person.first, raw), middle_name=_f(person.middle, raw),
                relationship=Relationship(*(_flag(why) for _ in range(4))))
            owners.append(self._with_address(owner, name_at, stop))
        return owners

    def _with_address(self, owner: ReportingOwner, name_at: int,
                      stop: int | None = None) -> ReportingOwner:
        free = [i for i in self.values if name_at < i < (stop or self.end) and
                i not in self.used]
        city_at, place = labelled_place(self.lines, free) or city_state_zip(self.lines, free)
        if city_at is None or place is None:
            return _replace(owner, rpt_owner_city=_flag("box 1: no city, state and ZIP found"))
        city, state, zip_code, raw = place
        street = [i for i in free if i < city_at and not _MONTH_YEAR.match(self.lines[i].text)]
        self.used.update([*street, city_at])
        owner = _replace(owner, rpt_owner_city=_f(city, raw), rpt_owner_state=_f(state, raw),
                         rpt_owner_zip_code=_f(zip_code, raw))
        texts = [without_label(self.lines[i].text) for i in street]
        if not texts:
            return owner
        if len(texts) <= 2 and all(is_street(t) for t in texts):
            if len(texts) == 1:
                first, second = split_street(texts[0])
            else:
                first, second = texts[0], texts[1]
            return _replace(owner, rpt_owner_street1=_f(first, " / ".join(texts)),
                            rpt_owner_street2=_f(second, " / ".join(texts)) if second
                            else Field())
        joined = " ".join(texts)
        return _replace(owner, rpt_owner_street1=_flag(
            "box 1: which lines before the city are the street is not shown", joined, joined))


def _others(first: ReportingOwner, listed: list[ReportingOwner]) -> list[ReportingOwner]:
    """The listed owners that are not box 1's (a list may name every owner)."""
    name = " ".join(str(first.rpt_owner_name.value or "").casefold().split())
    return [o for o in listed if " ".join(str(o.rpt_owner_name.value).casefold().split()) != name]


def _replace(owner: ReportingOwner, **changes: Any) -> ReportingOwner:
    return dataclasses.replace(owner, **changes)


__all__ = ["ROW_CONFIDENCE", "CheckLine", "distrusted", "read_reading_order"]
