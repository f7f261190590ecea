"""EDGAR's HTML view written from the model (bench.edgar_view) and printed by Chromium."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import random
from decimal import Decimal
from pathlib import Path

import lxml.html
import pdfplumber
import pytest

from bench import chromium
from bench.chromium import ChromiumError, chromium_available, print_html_to_pdf
from bench.edgar_view import edgar_view_html
from bench.edgar_view_look import ERAS, Look, draw_look
from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.model import Field, Form4, Issuer, NonDerivativeRow, ReportingOwner

XML = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "xml"
FILINGS = ("aapl_williams_2019-05-02", "mvis_markham_2026-06-08",
           "betr_softbank_2024-12-09_8owners", "goog_sergey_2022-04-13_22024552",
           "wve_moran_2025-12-08", "flws_fund_2025-04-24_3owners")
needs_shared = pytest.mark.corpus  # skipped without ../shared (tests/conftest.py)
needs_chromium = pytest.mark.browser  # skipped without chromium (tests/conftest.py)


def _form(name: str) -> Form4:
    return read_edgar_xml((XML / f"{name}.xml").read_bytes())


def _amount(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def _expected(form: Form4) -> list[str]:
    """The truth's values as EDGAR prints them: names, and each row's date, shares, price."""
    values = [form.issuer.issuer_name.value or "", form.issuer.issuer_trading_symbol.value or ""]
    values += [o.rpt_owner_name.value or "" for o in form.reporting_owners]
    for row in (*form.non_derivative_table, *form.derivative_table):
        if row.transaction_date.value:
            values.append(row.transaction_date.value.strftime("%m/%d/%Y"))
        if row.transaction_shares.value is not None:
            values.append(_amount(row.transaction_shares.value))
        if row.transaction_price_per_share.value is not None:
            values.append("$" + _amount(row.transaction_price_per_share.value))
        if row.shares_owned_following_transaction.value is not None:
            values.append(_amount(row.shares_owned_following_transaction.value))
    return values


def _squash(text: str) -> str:
    return " ".join(text.split())


def _page_text(page: str) -> str:
    return _squash(lxml.html.fromstring(page).text_content())


@needs_shared
@pytest.mark.parametrize("name", FILINGS)
@pytest.mark.parametrize("seed", [None, 3])
def test_view_holds_the_truth(name: str, seed: int | None) -> None:
    form = _form(name)
    text = _page_text(edgar_view_html(form, seed))
    missing = [value for value in _expected(form) if _squash(value) not in text]
    assert not missing
    for note in form.footnotes:
        assert f"{note.footnote_id.removeprefix('F')}. {_squash(note.text.value or '')}" in text
    assert "Explanation of Responses:" in text
    assert "** Signature of Reporting Person" in text
    assert f"({form.footnotes[0].footnote_id.removeprefix('F')})" in text


@needs_shared
def test_the_plain_view_follows_the_filing_date_and_seeds_vary_it() -> None:
    old, new = _form("aapl_williams_2019-05-02"), _form("mvis_markham_2026-06-08")
    plain_old, plain_new = edgar_view_html(old), edgar_view_html(new)
    assert "affirmative defense conditions" not in plain_old and "Remarks:" in plain_old
    assert "2a. Foreign Trading Symbol" in plain_new and "SEC 1474 (03-26)" in plain_new
    assert "WASHINGTON" in plain_new and "UNITED STATES" in plain_new
    assert "@page" not in plain_new  # Chromium's default paper and margins
    assert edgar_view_html(new, 5) == edgar_view_html(new, 5)
    looks = [draw_look(new, random.Random(seed)) for seed in range(40)]
    assert {look.era for look in looks} == set(ERAS)
    assert len({look.font for look in looks}) == 4 and any(look.owners_table for look in looks)
    assert {look.paper for look in looks} >= {None, "letter", "A4"}
    assert len({edgar_view_html(new, seed) for seed in range(5)}) == 5


@needs_shared
def test_joint_filing_lists_every_owner_with_its_relationship() -> None:
    form = _form("betr_softbank_2024-12-09_8owners")
    page = edgar_view_html(form, look=Look(era="2023", owners_table=True))
    assert page.count("1. Relationship of Reporting Person(s) to Issuer") == 8
    assert "Reporting Owner Name / Address" in page
    assert page.count("1. Name and Address of Reporting Person") == 9  # box 1, then all 8


def test_text_is_escaped_and_formatted_like_edgar() -> None:
    row = NonDerivativeRow(
        security_title=Field("Common <Class A> & B", 1.0), transaction_date=Field(
            dt.date(2024, 3, 5), 1.0), transaction_code=Field("S", 1.0, footnote_ids=("F2",)),
        transaction_shares=Field(Decimal("1234567.50"), 1.0),
        transaction_price_per_share=Field(Decimal("208.9900"), 1.0, footnote_ids=("F1",)),
        shares_owned_following_transaction=Field(Decimal("0"), 1.0))
    form = Form4(issuer=Issuer(Field("AT&T \"Inc\"", 1.0), Field("T", 1.0)),
                 reporting_owners=(ReportingOwner(rpt_owner_name=Field("Doe Jane", 1.0)),),
                 non_derivative_table=(row,))
    page = edgar_view_html(form)
    assert "AT&amp;T &quot;Inc&quot;" in page and "Common &lt;Class A&gt; &amp; B" in page
    text = _page_text(page)
    assert "03/05/2024" in text and "1,234,567.5" in text and "$208.99(1)" in text
    assert "S(2)" in text


def test_a_missing_chromium_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chromium, "CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setattr(chromium.shutil, "which", lambda name: None)
    assert not chromium_available()
    with pytest.raises(ChromiumError, match="not installed") as caught:
        print_html_to_pdf("<p>x</p>")
    assert "\n" not in str(caught.value)


@needs_chromium
def test_a_timeout_kills_chromium_and_says_so() -> None:
    with pytest.raises(ChromiumError, match="timed out"):
        print_html_to_pdf("<p>x</p>", timeout=0.01)


@needs_shared
@needs_chromium
@pytest.mark.parametrize(("name", "look"), [
    ("mvis_markham_2026-06-08", None),
    ("aapl_williams_2019-05-02", Look(era="2003", font="arial", zoom=0.85, paper="A4",
                                      landscape=True, margin_in=0.5, header_footer=True,
                                      printed_at="5/7/19, 9:41 AM", url="https://www.sec.gov/x")),
])
def test_printed_view_is_a_pdf_with_the_values(name: str, look: Look | None) -> None:
    form = _form(name)
    pdf = print_html_to_pdf(edgar_view_html(form, look=look))
    assert pdf.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = _squash(" ".join(page.extract_text() or "" for page in doc.pages))
        width = doc.pages[0].width
    missing = [value for value in _expected(form) if _squash(value) not in text]
    assert not missing
    if look is not None:
        assert width > 800  # A4 landscape
        assert "5/7/19, 9:41 AM" in text and "https://www.sec.gov/x" in text
    else:
        assert "SEC 1474 (03-26)" in text and round(width) == 612  # Letter


def test_looks_are_plain_data() -> None:
    look = dataclasses.replace(Look(), era="2003")
    assert look.era == "2003" and Look().era == "2026"
