"""EDGAR's HTML view, read through the text-dump reader."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from extractor import NotAForm4Error, extract
from extractor.ingest.html_view import html_to_dump


@pytest.fixture(scope="module")
def form5_html(fixture_corpus: Path) -> str:
    return (fixture_corpus / "real" / "edgar_html_form5_snow_mcmahon.html").read_text()


def test_dump_keeps_rows_and_labels(form5_html: str) -> None:
    dump = html_to_dump(form5_html).splitlines()
    assert "1. Name and Address of Reporting Person*" in dump
    assert "| BOZEMAN | MT | 59715 |" in dump
    assert "| Class A Common Stock | 12/23/2021 |  | G(1) | 61,386 | D | $0 | 54,666(2) | D |  |" \
        in dump


@pytest.mark.parametrize("name", ["edgar_html_form5_snow_mcmahon.html",
                                  "edgar_html_form3_snow_garrett.html",
                                  "edgar_html_form3_bampartners.html"])
def test_forms_3_and_5_are_refused(fixture_corpus: Path, name: str) -> None:
    with pytest.raises(NotAForm4Error, match="not a Form 4"):
        extract(fixture_corpus / "real" / name)


def test_form4_shaped_html_view(form5_html: str, tmp_path: Path) -> None:
    # The Form 4 view shares the Form 5 view's stylesheet; give the real page a Form 4 title and
    # box 3 to read it as one.
    html = (form5_html.replace("FORM 5", "FORM 4")
            .replace("ANNUAL STATEMENT OF CHANGES", "STATEMENT OF CHANGES")
            .replace("3. Statement for Issuer's Fiscal Year Ended (Month/Day/Year)",
                     "3. Date of Earliest Transaction (Month/Day/Year)"))
    path = tmp_path / "form4.html"
    path.write_text(html)
    form = extract(path)
    assert form.source_kind == "html"
    owner = form.reporting_owners[0]
    assert owner.rpt_owner_name.value == "McMahon John Dennis"
    assert (owner.rpt_owner_city.value, owner.rpt_owner_state.value,
            owner.rpt_owner_zip_code.value) == ("Bozeman", "MT", "59715")
    assert owner.rpt_owner_street2.value == "106 East Babcock Street, Suite 3A"
    rel = owner.relationship
    assert (rel.is_director.value, rel.is_officer.value, rel.is_ten_percent_owner.value,
            rel.is_other.value) == (True, False, False, False)
    assert form.individual_or_joint_filing.value == "individual"
    assert form.issuer.issuer_trading_symbol.value == "SNOW"
    first, *holdings = form.non_derivative_table
    assert first.transaction_code.value == "G" and first.transaction_code.footnote_ids == ("F1",)
    assert first.transaction_shares.value == Decimal("61386")
    assert first.shares_owned_following_transaction.footnote_ids == ("F2",)
    assert [h.is_holding for h in holdings] == [True, True]
    assert holdings[1].nature_of_ownership.value == "Trust"
    assert [n.footnote_id for n in form.footnotes] == ["F1", "F2", "F3", "F4"]
    assert form.remarks.value is None
    assert form.signatures[0].signature_date.value == dt.date(2022, 3, 11)
    assert all(f.provenance.source == "html" for _, f in form.iter_fields() if f.provenance)


def test_view_cells_keep_marks_refs_and_boxes(fixture_corpus: Path) -> None:
    from extractor.ingest.html_view import read_view

    view = read_view((fixture_corpus / "real" /
                      "edgar_html_form4_aapl_newstead_2026-06-15.html").read_text())
    assert view.title == "SEC FORM 4"
    header = next(line for line in view.lines if "Rule 10b5-1(c)" in line.text)
    box, _ = header.cells  # the one-cell bordered table reads as the (empty) check box
    assert (box.text, box.mark) == ("", False)
    officer = next(line for line in view.lines if "Officer (give title below)" in line.text)
    assert officer.cells[0].mark and officer.cells[0].text == "X"
    row = next(line for line in view.lines if line.text.startswith("Common Stock 06/15/2026 F"))
    assert (row.cells[0].text, row.cells[0].refs) == ("Common Stock", ("F2",))
    assert row.cells[0].marked_text == "Common Stock (2)"
    assert row.cells[7].text == "$296.42"
    name = next(i for i, line in enumerate(view.lines) if line.text == "Newstead Jennifer")
    caption = next(i for i, line in enumerate(view.lines)
                   if line.text.startswith("1. Name and Address"))
    assert view.lines[caption].scopes[-1] in view.lines[name].scopes  # the same box
    title = next(line for line in view.lines if line.text.startswith("Table I -"))
    assert title.cells[0].header and title.cells[0].colspan == 11
