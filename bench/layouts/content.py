"""What the header boxes of a filing hold, independent of where a family puts them.

``header_boxes(form, spec, owner)`` gives the boxes of the drawn revision in form order, each a
number, a label and items: value lines (each part with the sub-label the form prints under it,
"(City)"), check lines ("Director", checked or not) and notes (the officer's title under the
check lines).  The families arrange these boxes; the words are the layout's own (words.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from bench.layouts import words
from bench.layouts.printing import BLANK, Formatter, Printed
from bench.layouts.spec import LayoutSpec
from extractor.model import Form4, Relationship, ReportingOwner


@dataclass(frozen=True, slots=True)
class Part:
    """One value of a value line, with the sub-labels printed under it, on ``share`` of the
    line's width."""

    value: Printed
    sublabels: tuple[str, ...] = ()
    share: float = 1.0


@dataclass(frozen=True, slots=True)
class Line:
    parts: tuple[Part, ...]


@dataclass(frozen=True, slots=True)
class Check:
    label: str
    checked: bool


@dataclass(frozen=True, slots=True)
class Note:
    """A value printed on its own line inside a box (officer title, "other" text)."""

    value: Printed


Item = Line | Check | Note


@dataclass(frozen=True, slots=True)
class Box:
    key: str
    number: str
    label: str
    items: tuple[Item, ...]

    def title(self, numbering: str) -> str:
        return words.numbered(self.number, self.label, numbering)


def formatter(spec: LayoutSpec) -> Formatter:
    return Formatter(spec.shares_format, spec.price_format, spec.date_format)


def owner_lines(owner: ReportingOwner, spec: LayoutSpec, revision: str) -> tuple[Line, ...]:
    """Box 1 of one owner: name, street line(s), city/state/zip (and country in 2026)."""
    fmt = formatter(spec)
    w = spec.wording

    def sub(key: str) -> str:
        return words.sublabel(key, w)

    lines = [Line((Part(fmt.text(owner.rpt_owner_name),
                        (sub("last"), sub("first"), sub("middle"))),))]
    streets = [f for f in (owner.rpt_owner_street1, owner.rpt_owner_street2)
               if f.value is not None]
    for index, street in enumerate(streets or [owner.rpt_owner_street1]):
        last = index == max(len(streets) - 1, 0)
        lines.append(Line((Part(fmt.text(street), (sub("street"),) if last else ()),)))
    zip_key = "zip_2026" if revision == "2026" else "zip"
    lines.append(Line((Part(fmt.text(owner.rpt_owner_city), (sub("city"),), 0.46),
                       Part(fmt.text(owner.rpt_owner_state), (sub("state"),), 0.22),
                       Part(fmt.text(owner.rpt_owner_zip_code), (sub(zip_key),), 0.32))))
    if revision == "2026":
        lines.append(Line((Part(BLANK, (sub("country"),)),)))
    return tuple(lines)


def relationship_items(rel: Relationship, spec: LayoutSpec) -> tuple[Item, ...]:
    """Box 5: the four check lines, then the officer's title and the "other" text."""
    fmt = formatter(spec)

    def check(key: str, field: object) -> Check:
        return Check(words.pick(words.CHECKS, key, spec.wording),
                     getattr(field, "value", None) is True)

    items: list[Item] = [check("director", rel.is_director), check("ten", rel.is_ten_percent_owner),
                         check("officer", rel.is_officer), check("other", rel.is_other)]
    for field in (rel.officer_title, rel.other_text):
        if field.value is not None:
            items.append(Note(fmt.text(field)))
    return tuple(items)


def filing_items(form: Form4, spec: LayoutSpec) -> tuple[Item, ...]:
    joint = form.individual_or_joint_filing.value
    return (Check(words.pick(words.CHECKS, "one", spec.wording), joint == "individual"),
            Check(words.pick(words.CHECKS, "more", spec.wording), joint == "joint"))


def issuer_lines(form: Form4, spec: LayoutSpec) -> tuple[Line, ...]:
    """Box 2: "Name [TICKER]" on one line, or the ticker on a line of its own."""
    fmt = formatter(spec)
    name = fmt.text(form.issuer.issuer_name)
    symbol = fmt.text(form.issuer.issuer_trading_symbol)
    if not symbol.text:
        return (Line((Part(name),)),)
    bracket = f"[ {symbol.text} ]" if spec.ticker == "[ X ]" else f"[{symbol.text}]"
    if spec.ticker == "line":
        return (Line((Part(name),)), Line((Part(Printed(bracket, symbol.marks)),)))
    return (Line((Part(Printed(f"{name.text} {bracket}", name.marks + symbol.marks)),)),)


def statement_month(form: Form4) -> Printed:
    """The pre-2002 box 4 as the form asks for it, Month/Year ("08/2019")."""
    month = form.statement_month.value
    if not month:
        return BLANK
    return Printed(f"{month[5:7]}/{month[:4]}")


def header_boxes(form: Form4, spec: LayoutSpec, owner: int = 0) -> dict[str, Box]:
    """The header boxes of ``spec.revision`` for reporting owner number ``owner``, by key."""
    fmt = formatter(spec)
    w = spec.wording
    rev = spec.revision
    person = form.reporting_owners[owner] if form.reporting_owners else ReportingOwner()

    def label(key: str) -> str:
        return words.pick(words.HEADER, key, w)

    period = Line((Part(fmt.day(form.period_of_report)),))
    amended = Line((Part(fmt.day(form.date_of_original_submission)),))
    boxes = [Box("name", "1", label("name"), owner_lines(person, spec, rev)),
             Box("issuer", "2", label("issuer"), issuer_lines(form, spec))]
    if rev == "pre-2002":
        boxes += [Box("irs", "3", label("irs"), (Line((Part(BLANK),)),)),
                  Box("period", "4", label("statement_month"),
                      (Line((Part(statement_month(form)),)),)),
                  Box("amendment", "5", label("amendment_pre"), (amended,)),
                  Box("relationship", "6", label("relationship"),
                      relationship_items(person.relationship, spec)),
                  Box("filing", "7", label("filing"), filing_items(form, spec))]
    else:
        if rev == "2026":
            boxes.append(Box("foreign_symbol", "2a", label("foreign_symbol"),
                             (Line((Part(BLANK),)),)))
        boxes += [Box("period", "3", label("period_2026" if rev == "2026" else "period"),
                      (period,)),
                  Box("amendment", "4", label("amendment"), (amended,)),
                  Box("relationship", "5", label("relationship"),
                      relationship_items(person.relationship, spec)),
                  Box("filing", "6", label("filing"), filing_items(form, spec))]
    return {b.key: b for b in boxes}


def title_checks(form: Form4, spec: LayoutSpec) -> tuple[Check, ...]:
    """The check boxes of the title block: Section 16, and Rule 10b5-1 on the 2023 and 2026
    revisions."""
    checks = [Check(words.pick(words.CHECKS, "sec16", spec.wording),
                    form.not_subject_to_section16.value is True)]
    if spec.revision in ("2023", "2026"):
        checks.append(Check(words.pick(words.CHECKS, "10b5", spec.wording),
                            form.aff10b5_one.value is True))
    return tuple(checks)


def relationship_words(rel: Relationship) -> str:
    """The relationship as joint filer lists print it: "Director; Officer: CFO"."""
    out = []
    if rel.is_director.value:
        out.append("Director")
    if rel.is_ten_percent_owner.value:
        out.append("10% Owner")
    if rel.is_officer.value:
        out.append(f"Officer: {rel.officer_title.value}" if rel.officer_title.value
                   else "Officer")
    if rel.is_other.value:
        out.append(f"Other: {rel.other_text.value}" if rel.other_text.value else "Other")
    return "; ".join(out)


def address_text(owner: ReportingOwner) -> list[str]:
    """An owner's address as lines: street(s), then "City, ST Zip"."""
    streets = [str(f.value) for f in (owner.rpt_owner_street1, owner.rpt_owner_street2)
               if f.value is not None]
    city = ", ".join(str(f.value) for f in (owner.rpt_owner_city, owner.rpt_owner_state)
                     if f.value is not None)
    place = " ".join(p for p in (city, str(owner.rpt_owner_zip_code.value or "")) if p)
    return [*streets, place] if place else streets
