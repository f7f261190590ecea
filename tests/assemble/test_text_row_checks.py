"""Checks on the rows and owners a text was read into (extractor/assemble/text_row_checks.py,
text_owner_checks.py): glued footnote markers, cut titles, labels inside names."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from bench.text_layouts.pdf_markdown import pdf_markdown_form
from extractor import extract
from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.assemble.text_owner_checks import flag_doubtful_owner, owner_doubt
from extractor.assemble.text_row_checks import (
    code_refs,
    flag_glued_numbers,
    nature_doubt,
    split_glued_markers,
    title_doubt,
)
from extractor.model import Field, NonDerivativeRow, Relationship, ReportingOwner


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
