"""The renderer, checked by reading its PDFs back with pdfplumber (the real library)."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.model import Form4
from extractor.render import ALTERNATE_STYLE, render_pdf
from extractor.render.values import format_field


def _form(filings: list[Path], prefix: str) -> Form4:
    return read_edgar_xml(next(p for p in filings if p.name.startswith(prefix)).read_bytes())


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


@pytest.mark.parametrize("prefix", ["tsla_musk", "aapl_cook", "flws_fund", "wve_moran"])
def test_values_are_printed(filings: list[Path], prefix: str) -> None:
    form = _form(filings, prefix)
    pdf = render_pdf(form)
    text = _text(pdf)
    squeezed = " ".join(text.split())
    assert form.issuer.issuer_name.value in text
    assert f"[ {form.issuer.issuer_trading_symbol.value} ]" in text
    for owner in form.reporting_owners:
        assert owner.rpt_owner_name.value in squeezed
    for row in form.non_derivative_table:
        assert format_field(row.transaction_shares) in text
        assert format_field(row.shares_owned_following_transaction) in text
    for note in form.footnotes:
        assert " ".join(str(note.text.value).split())[:60] in squeezed
    for signature in form.signatures:
        assert signature.signature_name.value in squeezed
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        first = doc.pages[0]
        assert (first.width, first.height) == (792, 612)  # letter, landscape


def test_checked_box_has_an_x_inside(filings: list[Path]) -> None:
    form = _form(filings, "tsla_musk")  # director, officer and 10% owner
    with pdfplumber.open(io.BytesIO(render_pdf(form))) as doc:
        page = doc.pages[0]
        words = page.extract_words()
        squares = [r for r in page.rects if abs(r["width"] - 7) < 0.5 and
                   abs(r["height"] - 7) < 0.5]
        label = next(w for w in words if w["text"] == "Director")
        box = min(squares, key=lambda r: abs(r["x0"] - (label["x0"] - 10)) +
                  abs(r["top"] - label["top"]))
        inside = [c for c in page.chars if c["text"] == "X" and
                  box["x0"] <= (c["x0"] + c["x1"]) / 2 <= box["x1"] and
                  box["top"] <= (c["top"] + c["bottom"]) / 2 <= box["bottom"]]
        assert inside, "no X inside the Director box"
        other = next(w for w in words if w["text"] == "Other")
        other_box = min(squares, key=lambda r: abs(r["x0"] - (other["x0"] - 10)) +
                        abs(r["top"] - other["top"]))
        assert not [c for c in page.chars if c["text"] == "X" and
                    other_box["x0"] <= (c["x0"] + c["x1"]) / 2 <= other_box["x1"] and
                    other_box["top"] <= (c["top"] + c["bottom"]) / 2 <= other_box["bottom"]]


def test_long_filing_flows_onto_more_pages(filings: list[Path]) -> None:
    form = _form(filings, "goog_sergey_2022-04-13_22024550")  # 30 rows, 29 footnotes
    pdf = render_pdf(form)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        pages = len(doc.pages)
        assert pages >= 2
        assert f"Page 1 of {pages}" in (doc.pages[0].extract_text() or "")
        assert "(continued)" in (doc.pages[1].extract_text() or "")
    text = _text(pdf)
    for row in form.non_derivative_table:
        assert format_field(row.shares_owned_following_transaction) in text


def test_several_owners_listed(filings: list[Path]) -> None:
    form = _form(filings, "betr_softbank")
    text = " ".join(_text(render_pdf(form)).split())
    assert "Reporting Owners" in text
    for owner in form.reporting_owners:
        assert owner.rpt_owner_name.value in text


def test_deterministic_and_styles(filings: list[Path]) -> None:
    form = _form(filings, "tsla_musk")
    assert render_pdf(form) == render_pdf(form)
    alternate = render_pdf(form, style=ALTERNATE_STYLE)
    with pdfplumber.open(io.BytesIO(alternate)) as doc:
        assert doc.pages[0].width == 1008  # legal, landscape
        assert "Times" in doc.pages[0].chars[0]["fontname"]


def test_pre_2002_revision(filings: list[Path]) -> None:
    text = _text(render_pdf(_form(filings, "tsla_musk"), revision="pre-2002"))
    assert "4. Statement for Month/Year" in text
    assert "03/2023" in text
    assert "Deemed Execution" not in text
