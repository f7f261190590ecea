"""EDGAR's HTML view read as a DOM of cells (extractor.assemble.html_view)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from bench.compare import compare_forms
from bench.edgar_view import edgar_view_html
from bench.edgar_view_look import Look
from bench.layouts import DEV_SEEDS
from extractor import NotAForm4Error, extract
from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.assemble.html_view import read_html_view
from extractor.model import Form4
from extractor.validate import validate
from tests.support.paths import FIXTURE_CORPUS

APPLE = FIXTURE_CORPUS / "real" / "edgar_html_form4_aapl_newstead_2026-06-15.html"
XMLS = sorted((FIXTURE_CORPUS / "xml").glob("*.xml"))


def _truth(name: str) -> Form4:
    return read_edgar_xml((FIXTURE_CORPUS / "xml" / f"{name}.xml").read_bytes())


def _read(page: str) -> Form4:
    form = read_html_view(page)
    assert form is not None, "the structural reader refused the view"
    return validate(form)


def _not_correct(truth: Form4, got: Form4) -> list[tuple[str, str, object, object]]:
    return [(c.outcome, c.path, c.truth, c.got) for c in compare_forms(truth, got)
            if c.outcome != "correct"]


def test_real_apple_view_reads_as_printed() -> None:
    form = extract(APPLE)
    assert form.source_kind == "html" and form.form_revision == "2026"
    assert not form.review_items()
    assert (form.issuer.issuer_name.value, form.issuer.issuer_trading_symbol.value) == \
        ("Apple Inc.", "AAPL")
    (owner,) = form.reporting_owners
    assert owner.rpt_owner_name.value == "Newstead Jennifer"
    assert (owner.last_name.value, owner.first_name.value) == ("Newstead", "Jennifer")
    assert owner.rpt_owner_street1.value == "One Apple Park Way"
    assert (owner.rpt_owner_city.value, owner.rpt_owner_state.value,
            owner.rpt_owner_zip_code.value) == ("Cupertino", "CA", "95014")
    assert owner.rpt_owner_country.value is None  # "UNITED STATES": EDGAR's default
    assert owner.rpt_owner_non_us_address_flag.value is False
    rel = owner.relationship
    assert (rel.is_director.value, rel.is_officer.value, rel.is_ten_percent_owner.value,
            rel.is_other.value) == (False, True, False, False)
    assert rel.officer_title.value == "SVP, GC and Secretary"
    assert form.not_subject_to_section16.value is False
    assert form.aff10b5_one.value is False  # the Rule 10b5-1 box is printed empty
    assert form.period_of_report.value == dt.date(2026, 6, 15)
    assert form.document_type.value == "4"
    assert form.individual_or_joint_filing.value == "individual"
    first, second = form.non_derivative_table
    assert (first.transaction_code.value, first.transaction_shares.value,
            first.transaction_acquired_disposed_code.value) == ("M", Decimal("30104"), "A")
    assert first.transaction_price_per_share.value is None
    assert first.transaction_price_per_share.footnote_ids == ("F1",)
    assert second.security_title.footnote_ids == ("F2",)
    assert second.transaction_price_per_share.value == Decimal("296.42")
    assert second.shares_owned_following_transaction.value == Decimal("41546")
    (option,) = form.derivative_table
    assert option.security_title.value == "Restricted Stock Unit"
    assert option.conversion_or_exercise_price.footnote_ids == ("F1",)
    assert option.transaction_acquired_disposed_code.value == "D"
    assert option.exercise_date.footnote_ids == option.expiration_date.footnote_ids == ("F3",)
    assert option.underlying_security_shares.value == Decimal("30104")
    assert option.shares_owned_following_transaction.value == Decimal("210728")
    assert [n.footnote_id for n in form.footnotes] == ["F1", "F2", "F3"]
    assert (form.footnotes[1].text.value or "").startswith("Shares withheld by Apple")
    assert form.remarks.value is None
    (signature,) = form.signatures
    assert signature.signature_name.value == \
        "/s/ Sam Whittington, Attorney-in-Fact for Jennifer Newstead"
    assert signature.signature_date.value == dt.date(2026, 6, 17)


@pytest.mark.parametrize("path", XMLS, ids=lambda p: p.stem)
def test_generated_views_read_as_their_filing(path: Path) -> None:
    truth = read_edgar_xml(path.read_bytes())
    for seed in (None, *DEV_SEEDS[:3]):
        got = _read(edgar_view_html(truth, seed))
        assert _not_correct(truth, got) == [], f"seed {seed}"


@pytest.mark.parametrize(("name", "count"), [("betr_softbank_2024-12-09_8owners", 8),
                                             ("flws_fund_2025-04-24_3owners", 3)])
@pytest.mark.parametrize("era", ["2003", "2023", "2026"])
def test_joint_filers_are_each_read_once(name: str, count: int, era: str) -> None:
    truth = _truth(name)
    got = _read(edgar_view_html(truth, look=Look(era=era, owners_table=True)))
    assert [o.rpt_owner_name.value for o in got.reporting_owners] == \
        [o.rpt_owner_name.value for o in truth.reporting_owners]
    assert len(got.reporting_owners) == count
    assert got.individual_or_joint_filing.value == "joint"
    assert _not_correct(truth, got) == []


def test_owners_table_corroborates_and_adds_no_owner() -> None:
    truth = _truth("aapl_williams_2019-05-02")
    got = _read(edgar_view_html(truth, look=Look(era="2003", owners_table=True)))
    assert len(got.reporting_owners) == 1
    assert _not_correct(truth, got) == []


def test_owners_table_alone_gives_further_owners() -> None:
    # A view with box 1 and the "Reporting Owners" table but no joint filers' boxes.
    truth = _truth("flws_fund_2025-04-24_3owners")
    page = edgar_view_html(truth, look=Look(era="2023", owners_table=True))
    start = page.index('<table width="40%"')
    page = page[:start] + page[page.index("</table>", page.rindex("1. Relationship")) + 8:]
    got = _read(page)
    assert [o.rpt_owner_name.value for o in got.reporting_owners] == \
        [o.rpt_owner_name.value for o in truth.reporting_owners]
    second = got.reporting_owners[1]
    assert second.relationship.is_ten_percent_owner.value is True
    assert second.rpt_owner_zip_code.value == truth.reporting_owners[1].rpt_owner_zip_code.value


def test_state_name_and_ten_b5_one_box_of_2026_view() -> None:
    truth = dataclasses.replace(_truth("tsla_musk_2023-03-08"),
                                aff10b5_one=dataclasses.replace(_truth(
                                    "tsla_musk_2023-03-08").aff10b5_one, value=True))
    got = _read(edgar_view_html(truth, look=Look(era="2026")))
    assert got.aff10b5_one.value is True
    assert got.reporting_owners[0].rpt_owner_state.value == \
        truth.reporting_owners[0].rpt_owner_state.value
    assert _not_correct(truth, got) == []


def test_unknown_state_name_is_flagged() -> None:
    page = APPLE.read_text().replace("CALIFORNIA", "CALIFORNIUM")
    owner = _read(page).reporting_owners[0]
    assert owner.rpt_owner_state.value is None
    assert "CALIFORNIUM" in (owner.rpt_owner_state.review_reason or "")


def test_view_without_box_captions_falls_back_to_the_text_reader(tmp_path: Path) -> None:
    page = APPLE.read_text()
    for caption in ("(Last)", "(First)", "(Middle)", "(Street)", "(City)", "(State)", "(Zip)"):
        page = page.replace(caption, "")
    assert read_html_view(page) is None
    path = tmp_path / "view.html"
    path.write_text(page)
    form = extract(path)
    assert form.issuer.issuer_trading_symbol.value == "AAPL"


def test_street_without_its_caption_is_flagged() -> None:
    owner = _read(APPLE.read_text().replace("(Street)", "")).reporting_owners[0]
    assert owner.rpt_owner_street1.value == "One Apple Park Way"
    assert owner.rpt_owner_street1.needs_review
    assert (owner.rpt_owner_city.value, owner.rpt_owner_state.value) == ("Cupertino", "CA")


@pytest.mark.parametrize("name", ["edgar_html_form5_snow_mcmahon.html",
                                  "edgar_html_form3_snow_garrett.html",
                                  "edgar_html_form3_bampartners.html"])
def test_forms_3_and_5_are_refused(name: str) -> None:
    with pytest.raises(NotAForm4Error, match="not a Form 4"):
        read_html_view((FIXTURE_CORPUS / "real" / name).read_text())
