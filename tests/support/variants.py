"""Seeded variants of real filings: the cases users bring that the 22 real filings lack.

Each variant is a real filing changed in one documented way; its truth is the changed model
(written out as EDGAR XML next to the documents made from it).  All randomness comes from the
``random.Random`` passed in, so a corpus build is reproducible.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import zlib
from collections.abc import Callable
from decimal import Decimal

from extractor.export.xml_rules import MAX_ROWS_PER_TABLE
from extractor.model import Field, Form4, Provenance, Relationship

TRUTH = Provenance("edgar-xml")

_OTHER_TEXTS = ("Member of 13(d) group", "Trustee of family trust", "Former director",
                "Possible member of group")
_REMARK_SENTENCES = (
    "The reporting person disclaims beneficial ownership of the reported securities except to "
    "the extent of his pecuniary interest therein.",
    "The price reported is a weighted average price; the reporting person undertakes to provide "
    "full information regarding the number of shares sold at each separate price upon request.",
    "This report shall not be deemed an admission that the reporting person is the beneficial "
    "owner of the securities for purposes of Section 16 or for any other purpose.",
    "Exhibit 24 - Power of Attorney is incorporated by reference to a prior filing.",
)
_FIRST = ("Maria", "John", "Wei", "Priya", "Carlos", "Anne", "David", "Keiko")
_LAST = ("Alvarez", "Brennan", "Chen", "Dubois", "Eriksen", "Fischer", "Gupta", "Hayes")


def _f(value: object) -> Field:
    return Field(value, 1.0, TRUTH)


def amendment(form: Form4, rng: random.Random) -> Form4:
    """A 4/A: box 4 filled with the original filing date, a few days after the period."""
    period = form.period_of_report.value or dt.date(2020, 1, 2)
    original = period + dt.timedelta(days=rng.randint(1, 4))
    return dataclasses.replace(form, document_type=_f("4/A"),
                               date_of_original_submission=_f(original))


def other_relationship(form: Form4, rng: random.Random) -> Form4:
    """The first owner related as "Other", with the text printed below box 5."""
    owner = form.reporting_owners[0]
    rel = dataclasses.replace(owner.relationship, is_other=_f(True),
                              other_text=_f(rng.choice(_OTHER_TEXTS)))
    owners = (dataclasses.replace(owner, relationship=rel), *form.reporting_owners[1:])
    return dataclasses.replace(form, reporting_owners=owners)


def long_remarks(form: Form4, rng: random.Random) -> Form4:
    """Remarks several lines long."""
    sentences = [rng.choice(_REMARK_SENTENCES) for _ in range(rng.randint(4, 7))]
    return dataclasses.replace(form, remarks=_f(" ".join(sentences)))


def rule_10b5_1(form: Form4, rng: random.Random) -> Form4:
    """The 2023 revision's Rule 10b5-1 box checked."""
    return dataclasses.replace(form, aff10b5_one=_f(True))


def joint_filing(form: Form4, rng: random.Random) -> Form4:
    """A second reporting person filing jointly with the first (same address, 10% owner)."""
    first = form.reporting_owners[0]
    last, given = rng.choice(_LAST), rng.choice(_FIRST)
    other = dataclasses.replace(
        first, rpt_owner_name=_f(f"{last} {given}"), last_name=_f(last), first_name=_f(given),
        middle_name=Field(),
        # A CIK of its own (EDGAR refuses one owner CIK twice), from the name, not the seed.
        rpt_owner_cik=_f(str(1_900_000 + zlib.crc32(f"{last} {given}".encode()) % 99_999)),
        relationship=Relationship(is_director=_f(False), is_officer=_f(False),
                                  is_ten_percent_owner=_f(True), is_other=_f(False)))
    return dataclasses.replace(form, reporting_owners=(*form.reporting_owners, other),
                               individual_or_joint_filing=_f("joint"))


def long_table(form: Form4, rng: random.Random) -> Form4:
    """Table I long enough to continue on a second page: rows repeated with new amounts, up to
    the 30 rows a table may hold (EDGAR Ownership XML Technical Specification, section 3.5), so
    the truth is a valid EDGAR document (30 rows still take two pages in form4's renderings)."""
    if not form.non_derivative_table:
        return form
    rows = list(form.non_derivative_table)
    template = [r for r in rows if not r.is_holding] or rows
    while len(rows) < MAX_ROWS_PER_TABLE:
        base = rng.choice(template)
        shares = Decimal(rng.randint(100, 99_999))
        changes: dict[str, Field] = {"transaction_shares": _f(shares)}
        if base.shares_owned_following_transaction.value is not None:
            changes["shares_owned_following_transaction"] = _f(Decimal(rng.randint(1_000,
                                                                                   9_999_999)))
        rows.insert(len([r for r in rows if not r.is_holding]),
                    dataclasses.replace(base, **changes))
    return dataclasses.replace(form, non_derivative_table=tuple(rows))


def pre_2002(form: Form4, rng: random.Random) -> Form4:
    """The same filing printed on the pre-2002 revision (statement month instead of box 3)."""
    period = form.period_of_report.value
    month = _f(f"{period.year:04d}-{period.month:02d}") if period else Field()
    return dataclasses.replace(form, statement_month=month, form_revision="pre-2002",
                               aff10b5_one=Field())


VARIANTS: dict[str, Callable[[Form4, random.Random], Form4]] = {
    "amendment": amendment,
    "other": other_relationship,
    "remarks": long_remarks,
    "10b5-1": rule_10b5_1,
    "joint": joint_filing,
    "longtable": long_table,
    "pre2002": pre_2002,
}

