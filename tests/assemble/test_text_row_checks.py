"""Checks on the rows and owners a text was read into (extractor/assemble/text_row_checks.py,
text_owner_checks.py): glued footnote markers, cut titles, labels inside names."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from bench.layouts import DEV_SEEDS, render_layout
from bench.text_layouts.pdf_markdown import pdf_markdown_form
from bench.text_layouts.pdftext import pdftotext, pdftotext_available
from extractor import extract
from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.assemble.text_owner_checks import (
    flag_doubtful_owner,
    flag_repeated_owners,
    owner_doubt,
)
from extractor.assemble.text_row_checks import (
    check_tables,
    code_refs,
    flag_glued_numbers,
    flag_odd_direction,
    flag_run_together,
    nature_doubt,
    split_glued_markers,
    title_doubt,
)
from extractor.model import (
    DerivativeRow,
    Field,
    Form4,
    NonDerivativeRow,
    Provenance,
    Relationship,
    ReportingOwner,
)
from extractor.validate import validate
from tests.support.compare import compare_forms

XML = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "xml"
needs_poppler = pytest.mark.skipif(not pdftotext_available(), reason="no pdftotext")


def test_whole_titles_pass_and_cut_or_shuffled_ones_are_doubted() -> None:
    for title in ("Common Stock", "Class A Common Stock, $0.01 par value",
                  "Common Stock, par value $.01 per share", "Stock Option (right to buy)",
                  "Common Shares, no par value",
                  "Restricted Stock Units", "Ordinary Shares", "Common Stock (1)"):
        assert title_doubt(title) is None, title
    for title in ("Common", "Class A", "Class A Common", "Common Stock Class A", "Stock(1) Common",
                  "Class A Common Stock,", "Common Stock, par value",
                  "par value Common", "Stock stock Units Restricted", "Restricted 0.003",
                  "Class 04/13/2022 S 392 D $ A Common Stock"):
        assert title_doubt(title) is not None, title


def test_a_cut_nature_of_ownership_is_doubted() -> None:
    assert nature_doubt("By Trust") is None
    assert nature_doubt("SMB Pacific 2021 Charitable Remainder Unitrust I") is None
    assert nature_doubt("See") is not None
    assert nature_doubt("0.00 690642,3,4 D") is not None


def test_a_marker_run_into_a_title_is_split_off_when_the_footnote_exists() -> None:
    row = NonDerivativeRow(security_title=Field("Common Stock1"))
    [split] = split_glued_markers([row], {"F1"})
    assert (split.security_title.value, split.security_title.footnote_ids) == (
        "Common Stock", ("F1",))
    [kept] = split_glued_markers([row], {"F2"})
    assert kept.security_title.value == "Common Stock1"


def test_a_marker_in_the_empty_v_column_is_the_codes() -> None:
    row = NonDerivativeRow(transaction_code=Field("M"),
                           transaction_timeliness=Field(None, 1.0, None, ("F1",)))
    moved = code_refs(row)
    assert (moved.transaction_code.footnote_ids, moved.transaction_timeliness.footnote_ids) == (
        ("F1",), ())


def test_a_price_ending_in_an_unclaimed_footnote_number_is_flagged() -> None:
    row = NonDerivativeRow(transaction_price_per_share=Field(Decimal("159.942")),
                           transaction_shares=Field(Decimal("9136")))
    [flagged] = flag_glued_numbers([row], {"F1", "F2"}, {"F1"}, glued=False)
    assert flagged.transaction_price_per_share.review_reason
    assert flagged.transaction_shares.review_reason is None
    [claimed] = flag_glued_numbers([row], {"F1", "F2"}, {"F1", "F2"}, glued=False)
    assert claimed.transaction_price_per_share.review_reason is None


def test_labels_inside_an_owner_are_flagged_and_addresses_keep_their_words() -> None:
    assert owner_doubt("rpt_owner_name", "Sergey Brin Last: First: Middle: C/O ALPHABET") \
        is not None
    assert owner_doubt("first_name", "Name") is not None
    assert owner_doubt("rpt_owner_street1", "69 Grosvenor Street") is None
    assert owner_doubt("rpt_owner_street1", "222 Berkeley Street, 5th Floor") is None
    name = Field("Dodge R Stanton")
    owner = ReportingOwner(rpt_owner_name=name, rpt_owner_street1=Field("C/O Draftkings Inc"))
    assert flag_doubtful_owner(owner).rpt_owner_street1.review_reason
    owner = ReportingOwner(rpt_owner_name=name, rpt_owner_street1=Field("C/O Draftkings Inc"),
                           rpt_owner_street2=Field("222 Berkeley Street"))
    assert flag_doubtful_owner(owner).rpt_owner_street1.review_reason is None
    # a line of box 1's address read as an owner: nothing of it passes
    for line in ("733 CONCORD AVE.", "18390 NE", "ST. HELIER,, Y9 JE1 0BD"):
        owner = ReportingOwner(rpt_owner_name=Field(line), rpt_owner_city=Field("X"))
        assert flag_doubtful_owner(owner).rpt_owner_city.review_reason, line
    owner = ReportingOwner(rpt_owner_name=Field("Fund 1 Investments, LLC"),
                           rpt_owner_city=Field("RINCON"))
    assert flag_doubtful_owner(owner).rpt_owner_city.review_reason is None


def test_box5_marks_that_are_no_persons_boxes_are_flagged() -> None:
    every = Relationship(is_director=Field(True), is_officer=Field(True),
                         is_ten_percent_owner=Field(True), is_other=Field(True))
    owner = flag_doubtful_owner(ReportingOwner(rpt_owner_name=Field("SB Global Advisers Ltd"),
                                               relationship=every))
    assert owner.relationship.is_director.review_reason
    one = Relationship(is_director=Field(True), is_officer=Field(False),
                       officer_title=Field("LIMITED, 47 ESPLANADE"))
    owner = flag_doubtful_owner(ReportingOwner(rpt_owner_name=Field("Gen II"), relationship=one))
    assert owner.relationship.officer_title.review_reason
    assert owner.relationship.is_director.review_reason


def _read(fixture_corpus: Path, tmp_path: Path, filing: str, seed: int):  # type: ignore[no-untyped-def]
    truth = read_edgar_xml((fixture_corpus / "xml" / f"{filing}.xml").read_bytes())
    path = tmp_path / "dump.md.txt"
    path.write_text(pdf_markdown_form(truth, seed)[0])
    return extract(path)


def test_glued_markers_in_flattened_html_are_flagged_not_passed(
        fixture_corpus: Path, tmp_path: Path) -> None:
    form = _read(fixture_corpus, tmp_path, "aapl_adams_2022-05-04", 1887)
    # "1 This transaction ...": footnotes whose markers lost their superscript still read
    assert [f.footnote_id for f in form.footnotes] == [f"F{n}" for n in range(1, 9)]
    row = form.non_derivative_table[0]
    assert row.transaction_price_per_share.value == Decimal("159.942")  # "$159.94" + marker 2
    assert row.transaction_price_per_share.review_reason
    # "Common" and its wrap "Stock1": the marker run into the wrap is the title's reference
    assert (row.security_title.value, row.security_title.footnote_ids) == ("Common Stock",
                                                                            ("F1",))
    assert all(s.signature_name.needs_review for s in form.signatures)  # "Adams": a cut name


def test_plain_rows_with_a_spaced_dollar_sign_read(fixture_corpus: Path, tmp_path: Path) -> None:
    form = _read(fixture_corpus, tmp_path, "goog_sergey_2022-04-13_22024550", 1464)
    rows = form.non_derivative_table
    assert len(rows) == 30
    assert (rows[2].security_title.value, rows[2].transaction_price_per_share.value) == (
        "Class A Common Stock", Decimal("2557.65"))
    assert not rows[2].security_title.needs_review


def test_titles_holding_other_cells_or_the_pages_print_are_doubted() -> None:
    for title in ("Non-Qualifed $2.79 Stock Option (right to buy)", "SEC 1474",
                  "Ordinary Shares SEC 1474 (9-02)", "Ordinary 60000 Shares", "10500", "(right",
                  "1. Title", "Stock Units Restricted Stock Units"):
        assert title_doubt(title) is not None, title
    for title in ("Class A Common Stock, $0.01 par value", "Series 2 Preferred Stock",
                  "Class A Common Stock Warrant (right to buy Class A Common Stock)"):
        assert title_doubt(title) is None, title
    for nature in ("By Trust 3", "Page 1", "Footnotes", "By (DE"):
        assert nature_doubt(nature) is not None, nature
    assert nature_doubt("By SVF II Beaver (DE) LLC") is None


def _raw(value: str, raw: str) -> Field:
    return Field(Decimal(value), 0.9, Provenance("text", 1, None, raw))


def test_numbers_run_together_codes_not_read_and_markers_twice_are_flagged() -> None:
    row = NonDerivativeRow(transaction_price_per_share=_raw("106.820021878", "106.8200 21878"),
                           transaction_shares=_raw("13433", "13,433.0000"),
                           shares_owned_following_transaction=_raw("151187", "151,187 (2)"))
    [flagged] = flag_run_together([row])
    assert flagged.transaction_price_per_share.review_reason
    assert flagged.transaction_shares.review_reason is None
    assert flagged.shares_owned_following_transaction.review_reason is None
    code = Field("D", 0.9, Provenance("text", 1, None, "44"))
    amount = Field("D", 0.9, Provenance("text", 1, None, "3,139,533.0000"))
    shares = _raw("3139533", "3,139,533.0000")
    [inferred] = flag_run_together([DerivativeRow(transaction_acquired_disposed_code=code,
                                                  transaction_shares=shares)])
    assert inferred.transaction_acquired_disposed_code.review_reason
    # Table II's A or D is the column its amount stands in: read, not inferred
    [column] = flag_run_together([DerivativeRow(transaction_acquired_disposed_code=amount,
                                                transaction_shares=shares)])
    assert column.transaction_acquired_disposed_code.review_reason is None
    twice = DerivativeRow(exercise_date=Field(None, 1.0, None, ("F6", "F6")))
    assert flag_run_together([twice])[0].exercise_date.review_reason


@needs_poppler
@pytest.mark.parametrize(("stem", "seed"), [("aapl_williams_2019-05-02", 1422),
                                            ("tsla_musk_2023-03-08", 1187)])
def test_pdftotext_layout_passes_no_wrong_value(stem: str, seed: int, tmp_path: Path) -> None:
    """Box 5's marks that pdftotext drops, the page's print read as a row, a price run into
    a wrapped title: each is flagged, none passed as a wrong value."""
    assert seed in DEV_SEEDS
    truth = read_edgar_xml((XML / f"{stem}.xml").read_bytes())
    pdf, _ = render_layout(truth, seed)
    path = tmp_path / "layout.txt"
    path.write_text(pdftotext(pdf, layout=True))
    form = validate(extract(path))
    comparisons = compare_forms(truth, form)
    assert [c.path for c in comparisons if c.outcome == "wrong"] == []
    assert sum(c.outcome == "correct" for c in comparisons) > 0.8 * len(comparisons)


def test_owner_values_holding_other_boxes_text_are_flagged() -> None:
    assert owner_doubt("rpt_owner_name", "EVP, Operations") is not None
    assert owner_doubt("rpt_owner_name", "SOFTBANK GROUP CORP. Director Ten Percent Owner")
    assert owner_doubt("rpt_owner_name", "Person") is not None
    assert owner_doubt("rpt_owner_street1", "1 Investments LLC 100 CARR 115") is not None
    assert owner_doubt("rpt_owner_street1", "ONE APPLE PARK WAY CUPERTINO CA 95014") is not None
    assert owner_doubt("rpt_owner_street1", "100 CARR 115 Possible member of group") is not None
    assert owner_doubt("officer_title", "ONE APPLE PARK WAY SVP, GC and Secretary") is not None
    assert owner_doubt("other_text", "Page 2") is not None
    for name, value in (("rpt_owner_name", "Jeremy M. Sclar 2012 Irrevocable Family Trust"),
                        ("rpt_owner_street1", "C/O NVIDIA CORPORATION 2788 SAN TOMAS EXPRESSWAY"),
                        ("rpt_owner_street1", "1 Corporate Drive"),
                        ("officer_title", "SVP, GC and Secretary")):
        assert owner_doubt(name, value) is None, value
    # the name's parts are read from one text: one in doubt, all are
    owner = flag_doubtful_owner(ReportingOwner(rpt_owner_name=Field("EVP Operations"),
                                               last_name=Field("EVP"),
                                               first_name=Field("Operations")))
    assert owner.first_name.review_reason


def test_box5_read_as_no_box_checked_or_a_title_under_an_unchecked_box_is_flagged() -> None:
    none = Relationship(is_director=Field(False), is_officer=Field(False),
                        is_ten_percent_owner=Field(False), is_other=Field(False))
    owner = flag_doubtful_owner(ReportingOwner(rpt_owner_name=Field("Williams Jeffrey E"),
                                               relationship=none))
    assert owner.relationship.is_officer.review_reason
    titled = Relationship(is_director=Field(True), is_officer=Field(False),
                          is_ten_percent_owner=Field(False), is_other=Field(False),
                          officer_title=Field("COO"))
    owner = flag_doubtful_owner(ReportingOwner(rpt_owner_name=Field("Williams Jeffrey E"),
                                               relationship=titled))
    assert owner.relationship.is_officer.review_reason
    assert owner.relationship.is_director.review_reason is None


def test_one_person_read_twice_is_flagged_and_distinct_entities_pass() -> None:
    owners = (ReportingOwner(rpt_owner_name=Field("<br>Schaufeld Fredrick Middle:<br>C/O")),
              ReportingOwner(rpt_owner_name=Field("Schaufeld Fredrick"),
                             rpt_owner_city=Field("ASHBURN")))
    checked = flag_repeated_owners(owners)
    assert all(o.rpt_owner_name.review_reason for o in checked)
    assert checked[1].rpt_owner_city.review_reason
    entities = (ReportingOwner(rpt_owner_name=Field("Tang Capital Partners LP")),
                ReportingOwner(rpt_owner_name=Field("Tang Capital Management LLC")))
    assert flag_repeated_owners(entities) == entities


def test_an_amount_holding_a_price_and_a_placed_direction_at_odds_are_flagged() -> None:
    row = DerivativeRow(underlying_security_shares=_raw("0.00", "$0.00 (3)"))
    assert flag_run_together([row])[0].underlying_security_shares.review_reason
    shares = Field(Decimal("5952"), 0.9, Provenance("text-dump", None, None, "5952"))
    placed = Field("D", 0.9, Provenance("text-dump", None, None, "5952"))
    grant = DerivativeRow(transaction_code=Field("A"), transaction_shares=shares,
                          transaction_acquired_disposed_code=placed)
    assert flag_odd_direction([grant])[0].transaction_acquired_disposed_code.review_reason
    # an exercise disposes of the derivative: no doubt; nor in a letter read as printed
    exercise = dataclasses.replace(grant, transaction_code=Field("M"))
    assert flag_odd_direction([exercise]) == [exercise]
    printed = dataclasses.replace(grant, transaction_acquired_disposed_code=Field(
        "D", 0.9, Provenance("text-dump", None, None, "D")))
    assert flag_odd_direction([printed]) == [printed]


def test_a_street_run_into_a_name_is_flagged() -> None:
    assert owner_doubt("rpt_owner_name", "Li Wenjun 475 OAKMEAD PKWY") is not None
    assert owner_doubt("middle_name", "475 OAKMEAD PKWY") is not None
    assert owner_doubt("rpt_owner_name", "SVF II Holdings (DE) LLC") is None


def test_markers_and_other_cells_read_as_words_are_doubted() -> None:
    for title in ("5 Class A Common Stock", "Common 0 stock"):
        assert title_doubt(title) is not None, title
    assert title_doubt("Series 2 Preferred Stock") is None
    for nature in ("By LP2", "D", "II Beaver (DE) LLC"):
        assert nature_doubt(nature) is not None, nature
    assert owner_doubt("officer_title", "Last First") is not None
    lone = DerivativeRow(security_title=Field("Restricted Stock Units"),
                         transaction_price_per_share=_raw("227595.0000", "227,595.0000"))
    assert flag_run_together([lone])[0].transaction_price_per_share.review_reason


def test_a_dates_markers_read_from_a_text_of_other_values_are_doubted() -> None:
    day = dt.date(2023, 6, 21)
    run = Field(day, 0.9, Provenance("text-dump", None, None, "06/21/2023 F 7,449(1)"), ("F1",))
    alone = Field(day, 0.9, Provenance("text-dump", None, None, "06/21/2023 (1)"), ("F1",))
    form = check_tables(Form4(non_derivative_table=(
        NonDerivativeRow(transaction_date=run), NonDerivativeRow(transaction_date=alone))))
    assert [r.transaction_date.needs_review for r in form.non_derivative_table] == [True, False]
