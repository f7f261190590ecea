"""Damaged text dumps of a Form4, made the way real ones are damaged (seeded, reproducible).

* :func:`markdown_dump` - the shape of the seed dump: a PDF-to-markdown conversion of an
  investor-relations page.  The form's boxes land in wide markdown cells, labels are split across
  cells, clipped at their edges and misread (0/O, 1/l/I, 5/S, rn/m); table rows keep their cells;
  EDGAR's "Reporting Owners" and "Signatures" tables and the footnotes follow.
* :func:`ocr_text_dump` - what tesseract's plain text of a printed Form 4 looks like: boxes in
  reading order with labels above values, check marks as "X"/"[ ]", table rows as lines of
  words.

Values are never damaged unless asked (``lost_cells``: the share of numeric table cells blanked,
as converters lose them); every blanked cell is recorded in :class:`Damage`.

The command that writes them: bench/text_dumps.py.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from extractor.fields.table_rows import leaf_columns
from extractor.knowledge import labels as K
from extractor.model import Form4
from extractor.render.values import format_field, row_cells

_CONFUSIONS = {"0": "O", "O": "0", "1": "l", "l": "1", "I": "l", "5": "S", "S": "5", "m": "rn"}


@dataclass
class Damage:
    """What a dump lost on purpose: (table, row, field) of every blanked value cell."""

    lost_cells: list[tuple[str, int, str]] = field(default_factory=list)


# --- damage -------------------------------------------------------------------------------------

def misread(text: str, rng: random.Random, rate: float = 0.04) -> str:
    return "".join(_CONFUSIONS[c] if c in _CONFUSIONS and rng.random() < rate else c
                   for c in text)


def clip(text: str, rng: random.Random) -> str:
    if len(text) > 12 and rng.random() < 0.3:
        return text[rng.randint(1, 2):] if rng.random() < 0.5 else text[: -rng.randint(1, 3)]
    return text


def split_cells(text: str, rng: random.Random) -> str:
    """A label cut across two cells at a random point, as converters cut wide cells."""
    if len(text) > 14 and rng.random() < 0.35:
        cut = rng.randint(5, len(text) - 5)
        return f"{text[:cut]} | {text[cut:]}"
    return text


def damaged_label(text: str, rng: random.Random) -> str:
    return split_cells(clip(misread(text, rng), rng), rng)


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _box(key: str, revision: K.FormRevision) -> str:
    box = revision.box(key)
    assert box is not None, key
    return f"{box.number}. {box.text}" if box.number else box.text


def _owner_address(form: Form4) -> tuple[str, str, str, str]:
    owner = form.reporting_owners[0]
    street = ", ".join(str(v) for v in (owner.rpt_owner_street1.value,
                                        owner.rpt_owner_street2.value) if v)
    return (str(owner.rpt_owner_name.value or ""), street, str(owner.rpt_owner_city.value or ""),
            f"{owner.rpt_owner_state.value or ''} {owner.rpt_owner_zip_code.value or ''}".strip())


def _blank_cells(cells: list[str], columns: tuple[K.Column, ...], table: str, index: int,
                 rate: float, rng: random.Random, damage: Damage) -> list[str]:
    out = list(cells)
    for position, (name, _sub) in enumerate(leaf_columns(columns)):
        if out[position] and any(c.isdigit() for c in out[position]) and rng.random() < rate:
            out[position] = ""
            damage.lost_cells.append((table, index, name))
    return out


def _city_cells(city: str, state_zip: str, rng: random.Random) -> list[str]:
    """"CITY (City" and "ST ZIP", or, as converters cut them, the city's tail in the next
    cell ("MADISO (City", "N, WI 53716")."""
    if len(city) > 4 and rng.random() < 0.35:
        cut = len(city) - rng.randint(1, 2)
        return [f"{city[:cut]} (City", f"{city[cut:]}, {state_zip}"]
    return [f"{city} (City", state_zip]


# --- the markdown dump --------------------------------------------------------------------------

def markdown_dump(form: Form4, seed: int, lost_cells: float = 0.0,
                  damage: Damage | None = None) -> str:
    """The seed-shaped markdown dump of ``form``."""
    rng = random.Random(seed)
    damage = damage if damage is not None else Damage()
    rev = K.REVISIONS["2002"]
    name, street, city, state_zip = _owner_address(form)
    issuer, ticker = form.issuer.issuer_name.value or "", form.issuer.issuer_trading_symbol.value
    out = ["FORM 4", "", "UNITED STATES SECURITIES AND EXCHANGE COMMISSION Washington, D.C. 20549",
           "", _md_row([damaged_label("OMB APPROVAL", rng), "", ""]), "|---|---|---|",
           _md_row([clip("OMB Number:", rng), "3235-0287", ""]),
           _md_row([clip("Estimated average burden", rng), "", ""]),
           _md_row([clip("hours per response", rng), "0.5", ""]), "",
           "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES", ""]
    amendment = format_field(form.date_of_original_submission)
    box1 = (f"{damaged_label(_box('reporting_person', rev), rng)} {name} (Last) (First) "
            f"(Middle) {street} (Street)")
    box234 = (f"{damaged_label(_box('issuer', rev), rng)} {issuer} [{ticker}] "
              f"{damaged_label(_box('earliest_transaction', rev), rng)} "
              f"{format_field(form.period_of_report)} {damaged_label(_box('amendment', rev), rng)} "
              f"{amendment}")
    box5 = f"{damaged_label(_box('relationship', rev), rng)} Director"
    width = 12
    out += [_md_row([box1, "", box234, "", box5] + [""] * (width - 5)),
            "|" + "---|" * width,
            _md_row(["", "", "", *_city_cells(city, state_zip, rng), "(State)", "(Zip)"]
                    + [""] * (width - 7))]
    for key, table, columns, derivative in (
            ("I", form.non_derivative_table, rev.table1, False),
            ("II", form.derivative_table, rev.table2, True)):
        headings = [damaged_label(f"{c.number}. {c.heading}", rng) for c in columns]
        out += ["", _md_row(headings), "|" + "---|" * len(headings)]
        subs = [s for c in columns for s in (c.sub_headings or ("",) * len(c.fields))]
        out.append(_md_row([misread(s, rng) for s in subs]))
        for index, row in enumerate(table):
            cells = row_cells(row, columns)
            cells = _blank_cells(cells, columns, key, index, lost_cells, rng, damage)
            out.append(_md_row(cells))
        if not derivative:
            out.append(_md_row([clip("Reminder: Report on a separate line for each class of "
                                     "securities beneficially owned directly or indirectly.",
                                     rng)]))
    out += ["", "Reporting Owners", "", _md_row(["", "Relationships", "", "", ""]),
            "|---|---|---|---|---|",
            _md_row(["Reporting Owner Name / Address", "Director", "10% Owner", "Officer",
                     "Other"])]
    for owner in form.reporting_owners:
        rel = owner.relationship
        address = " ".join(str(v) for v in (
            owner.rpt_owner_name.value, owner.rpt_owner_street1.value,
            owner.rpt_owner_street2.value) if v)
        address += f" {owner.rpt_owner_city.value}, {owner.rpt_owner_state.value} " \
                   f"{owner.rpt_owner_zip_code.value}"
        officer = (rel.officer_title.value or "X") if rel.is_officer.value else ""
        other = (rel.other_text.value or "X") if rel.is_other.value else ""
        out.append(_md_row([address, "X" if rel.is_director.value else "",
                            "X" if rel.is_ten_percent_owner.value else "", officer, other]))
    out += ["", "Signatures", ""]
    for index, signature in enumerate(form.signatures):
        out.append(_md_row([signature.signature_name.value or "",
                            format_field(signature.signature_date)]))
        if index == 0:
            out.append("|--|--|")
    out += [_md_row(["**Signature of Reporting Person", "Date"]), "",
            "Explanation of Responses:", "",
            "- * If the form is filed by more than one reporting person, see Instruction 4(b)(v).",
            "- ** Intentional misstatements or omissions of facts constitute Federal Criminal "
            "Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a)."]
    out += [f"- ({n.footnote_id.lstrip('F')}) {n.text.value}" for n in form.footnotes]
    if form.remarks.value:
        out += ["", "Remarks:", "", form.remarks.value]
    out += ["", "Note: File three copies of this Form, one of which must be manually signed. If "
                "space is insufficient, see Instruction 6 for procedure."]
    return "\n".join(out) + "\n"


# --- the tesseract-like plain text --------------------------------------------------------------

def _mark(value: bool | None, rng: random.Random) -> str:
    if value:
        return rng.choice(["X", "X", "[X]", "☒"])
    return rng.choice(["[ ]", "[ ]", "☐"])


def _spaced(cells: list[str], rng: random.Random) -> str:
    return (" " * rng.randint(1, 3)).join(c for c in cells if c)


def ocr_text_dump(form: Form4, seed: int) -> str:
    """Tesseract-like plain text of the printed form."""
    rng = random.Random(seed)
    rev = K.REVISIONS["2002"]
    name, street, city, state_zip = _owner_address(form)
    rel = form.reporting_owners[0].relationship
    boxes = {b.key: b for b in K.CHECKBOXES}
    individual = form.individual_or_joint_filing.value != "joint"
    out = ["FORM 4", misread("UNITED STATES SECURITIES AND EXCHANGE COMMISSION", rng),
           "Washington, D.C. 20549", misread("STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP", rng),
           misread(_box("reporting_person", rev), rng), name, "(Last) (First) (Middle)", street,
           "(Street)", f"{city} {state_zip}", "(City) (State) (Zip)",
           misread(_box("issuer", rev), rng),
           f"{form.issuer.issuer_name.value} [{form.issuer.issuer_trading_symbol.value}]",
           misread(_box("earliest_transaction", rev), rng), format_field(form.period_of_report),
           misread(_box("amendment", rev), rng)]
    if form.date_of_original_submission.value:
        out.append(format_field(form.date_of_original_submission))
    out += [misread(_box("relationship", rev), rng),
            f"{_mark(rel.is_director.value, rng)} {boxes['director'].text}   "
            f"{_mark(rel.is_ten_percent_owner.value, rng)} {boxes['ten_percent_owner'].text}",
            f"{_mark(rel.is_officer.value, rng)} {boxes['officer'].text}   "
            f"{_mark(rel.is_other.value, rng)} {boxes['other'].text}"]
    if rel.officer_title.value or rel.other_text.value:
        out.append(str(rel.officer_title.value or rel.other_text.value))
    out += [misread(_box("filing_type", rev), rng),
            f"{_mark(individual, rng)} {boxes['individual'].text}",
            f"{_mark(not individual, rng)} {boxes['joint'].text}"]
    for table, columns, title in ((form.non_derivative_table, rev.table1, "table1"),
                                  (form.derivative_table, rev.table2, "table2")):
        section = next(s for s in K.SECTIONS if s.key == title)
        out += [misread(section.text, rng),
                misread(" ".join(f"{c.number}. {c.heading}" for c in columns), rng),
                " ".join(s for c in columns for s in c.sub_headings)]
        for row in table:
            out.append(_spaced(row_cells(row, columns), rng))
    out += ["Explanation of Responses:"]
    out += [f"({n.footnote_id.lstrip('F')}) {n.text.value}" for n in form.footnotes]
    if form.remarks.value:
        out += ["Remarks:", str(form.remarks.value)]
    for signature in form.signatures:
        out.append(f"{signature.signature_name.value}   {format_field(signature.signature_date)}")
    out += ["** Signature of Reporting Person   Date",
            misread("Reminder: Report on a separate line for each class of securities "
                    "beneficially owned directly or indirectly.", rng)]
    return "\n".join(out) + "\n"
