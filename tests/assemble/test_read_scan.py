"""Scans read with the real tesseract (Debian's tesseract-ocr): a clean 300 dpi scan of a
rendered filing, a missing tesseract, an empty image."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image

from bench.scan import QUALITIES, png_bytes, scan
from extractor import MissingDependencyError, UnreadableInputError, extract
from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.render import render_pdf


@pytest.fixture(scope="module")
def tesla_scan(corpus_xml: list[Path]) -> bytes:
    truth = read_edgar_xml(next(p for p in corpus_xml if p.name.startswith("tsla_musk"))
                           .read_bytes())
    quality = QUALITIES["clean300"]
    page = scan(render_pdf(truth), quality, random.Random(3))[0]
    return png_bytes(page, quality.dpi)


def test_clean_scan_values_are_read_and_handed_to_review(tesla_scan: bytes) -> None:
    form = extract(tesla_scan)
    assert form.source_kind == "ocr"
    assert form.issuer.issuer_trading_symbol.value == "TSLA"
    assert form.reporting_owners[0].rpt_owner_name.value == "Musk Elon"
    assert form.period_of_report.value is not None
    assert form.period_of_report.value.isoformat() == "2023-03-08"
    # Until the scan reader meets its targets, nothing it reads passes unchecked.
    filled = [f for _, f in form.iter_fields() if f.value is not None]
    assert filled and all(f.needs_review for f in filled)
    prov = form.issuer.issuer_trading_symbol.provenance
    assert prov is not None and prov.source == "ocr" and prov.page == 1 and prov.bbox


def test_missing_tesseract_says_how_to_install(tesla_scan: bytes,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(MissingDependencyError, match="apt-get install tesseract-ocr"):
        extract(tesla_scan)


def test_empty_and_tiny_images() -> None:
    for image in (Image.new("L", (1700, 2200), 255), Image.new("L", (50, 50), 0)):
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        with pytest.raises(UnreadableInputError):
            extract(buffer.getvalue())
