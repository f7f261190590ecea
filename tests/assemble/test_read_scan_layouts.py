"""Scans of layouts drawn by another renderer (bench/layouts, a development seed), read with
the real tesseract: a typewriter face in small print, boxes without drawn borders."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest

from bench.layouts import DEV_SEEDS, render_layout
from extractor import extract
from extractor.assemble.edgar_xml import read_edgar_xml
from tests.support.compare import compare_forms, tally
from tests.support.scan import QUALITIES, image_only_pdf, scan

#: A landscape layout in a 6-point typewriter face, its boxes numbered "1)" ... "6)".
SEED = 1848
assert SEED in DEV_SEEDS


@pytest.mark.tesseract
def test_a_scan_of_a_typewriter_layout_reads_its_boxes(filings: list[Path]) -> None:
    truth = read_edgar_xml(next(p for p in filings if p.name.startswith("aapl_adams"))
                           .read_bytes())
    pdf, _ = render_layout(truth, SEED)
    quality = QUALITIES["clean300"]
    form = extract(image_only_pdf(scan(pdf, quality, random.Random(f"{SEED}:clean300")),
                                  quality.dpi))
    assert form.source_kind == "ocr"
    assert form.issuer.issuer_name.value == "Apple Inc."
    assert form.issuer.issuer_trading_symbol.value == "AAPL"
    owner = form.reporting_owners[0]
    # The box's number "1)" and the next box's "5)" are the labels', not the name's.
    assert owner.rpt_owner_name.value == "Adams Katherine L."
    assert (owner.rpt_owner_city.value, owner.rpt_owner_state.value) == ("Cupertino", "CA")
    assert len(form.non_derivative_table) == 7
    figures = tally(compare_forms(truth, form))
    assert figures["wrong"] == 0
    assert figures["accuracy"] >= 0.6


#: A layout whose footnote markers are printed raised and small ("2556.7346⁽²⁾"), with the
#: table's code letters standing alone, unruled.
RAISED_MARKERS_SEED = 1238
assert RAISED_MARKERS_SEED in DEV_SEEDS


@pytest.mark.tesseract
def test_a_scan_reads_raised_markers_and_lone_code_letters(filings: list[Path]) -> None:
    truth = read_edgar_xml(next(p for p in filings
                                if p.name.startswith("goog_sergey_2022-04-13_22024550"))
                           .read_bytes())
    pdf, _ = render_layout(truth, RAISED_MARKERS_SEED)
    quality = QUALITIES["clean300"]
    form = extract(image_only_pdf(scan(pdf, quality,
                                       random.Random(f"{RAISED_MARKERS_SEED}:clean300")),
                                  quality.dpi))
    rows = form.non_derivative_table
    # "Stock⁽¹⁾": tesseract leaves the marker out of the word; it is read again enlarged.
    assert rows[0].security_title.value == "Class A Common Stock"
    assert rows[0].security_title.footnote_ids == ("F1",)
    # A lone "C", which tesseract reads as "Cc".
    assert rows[0].transaction_code.value == "C"
    # "2556.7346”": the marker glued to the price as a quote mark.
    assert rows[1].transaction_price_per_share.value == Decimal("2556.7346")
    assert rows[1].transaction_price_per_share.footnote_ids == ("F2",)
    assert rows[2].transaction_price_per_share.footnote_ids == ()
    assert [r.transaction_price_per_share.footnote_ids for r in rows[3:6]] == [
        ("F3",), ("F4",), ("F5",)]
    assert tally(compare_forms(truth, form))["wrong"] == 0
