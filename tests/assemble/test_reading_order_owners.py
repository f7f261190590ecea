"""The owners of a joint filing in reading-order text: the listed ones, box 1 printed again,
and box 1's own values read by their labels."""

from __future__ import annotations

import datetime as dt

from extractor.assemble.reading_order import read_reading_order
from extractor.assemble.reading_order_owners import listed_owners
from extractor.layout.reading_order import read_lines
from tests.support.compare import compare_forms
from tests.support.reading_order import needs_poppler, read_drawn_layout


@needs_poppler
def test_the_additional_reporting_persons_page_gives_every_owner() -> None:
    truth, form = read_drawn_layout("betr_softbank_2024-12-09_8owners", 1519)
    names = [o.rpt_owner_name.value for o in form.reporting_owners]
    assert names == [o.rpt_owner_name.value for o in truth.reporting_owners]
    second = form.reporting_owners[1]
    assert second.relationship.is_ten_percent_owner.value is True
    assert second.relationship.is_director.value is False
    assert second.rpt_owner_city.needs_review  # "LONDON,, X0 W1K 3JP": no US city line
    assert form.reporting_owners[4].rpt_owner_city.value == "WILMINGTON"


@needs_poppler
def test_labelled_city_state_and_zip_are_read_by_their_labels() -> None:
    truth, form = read_drawn_layout("mvis_markham_2026-06-08", 1631)
    owner = form.reporting_owners[0]
    assert (owner.rpt_owner_city.value, owner.rpt_owner_state.value,
            owner.rpt_owner_zip_code.value) == ("REDMOND", "WA", "98052")
    assert not [c for c in compare_forms(truth, form) if c.outcome == "wrong"]


def test_a_joint_filer_list_gives_name_address_and_relationship() -> None:
    text = ("Joint Filer Information\n\nAlvarez Priya\nONE APPLE PARK WAY\nCUPERTINO, CA 95014"
            "\nRelationship to Issuer:\n10% Owner\n")
    (owner,) = listed_owners(read_lines(text))
    assert (owner.last_name.value, owner.first_name.value) == ("Alvarez", "Priya")
    assert owner.rpt_owner_street1.value == "ONE APPLE PARK WAY"
    assert owner.rpt_owner_zip_code.value == "95014"
    assert owner.relationship.is_ten_percent_owner.value is True
    assert owner.relationship.is_officer.value is False


_HEADER = """STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP

1. Name and Address of Reporting Person(s)

TANG KEVIN C

4747 EXECUTIVE DRIVE, SUITE 210

SAN DIEGO
CA
92121

X Director

3. Date of Earliest Transaction (Month/Day/Year)

{dates}

1. Name and Address of Reporting Person(s)

{second}
4747 EXECUTIVE DRIVE

SAN DIEGO
CA
92121

Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
"""


def test_box_1_printed_again_gives_the_next_owner_with_box_5_flagged() -> None:
    form = read_reading_order(_HEADER.format(dates="05/11/2023",
                                             second="TANG CAPITAL MANAGEMENT LLC"))
    assert [o.rpt_owner_name.value for o in form.reporting_owners] == [
        "TANG KEVIN C", "TANG CAPITAL MANAGEMENT LLC"]
    second = form.reporting_owners[1]
    assert second.rpt_owner_city.value == "SAN DIEGO"
    assert second.relationship.is_director.needs_review


def test_an_entity_name_wrapped_in_box_1_is_read_whole() -> None:
    form = read_reading_order(_HEADER.replace("TANG KEVIN C", "Jeremy M. Sclar 2012 Irrevocable"
                                              "\nFamily Trust").format(dates="05/11/2023",
                                                                       second="TANG LP"))
    assert form.reporting_owners[0].rpt_owner_name.value == \
        "Jeremy M. Sclar 2012 Irrevocable Family Trust"


def test_of_two_header_dates_the_later_is_the_original_filing() -> None:
    form = read_reading_order(_HEADER.format(dates="05/11/2023\n\n05/15/2023", second="X LP"))
    assert form.period_of_report.value == dt.date(2023, 5, 11)
    assert form.date_of_original_submission.value == dt.date(2023, 5, 15)
    assert form.document_type.value == "4/A"
