"""The second OCR engine, for real (rapidocr-onnxruntime's PP-OCR model through onnxruntime),
reading regions of a page of the project's own rendering of a real filing, at 300 dpi and as
a fax, where each region's box comes from the PDF's own words."""

from __future__ import annotations

import random
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.ingest.line_reader import read_lines
from extractor.render import render_pdf
from tests.support.scan import QUALITIES, rasterize, scan


@pytest.fixture(scope="module")
def rendered(filings: list[Path]) -> bytes:
    path = next(p for p in filings if p.name.startswith("tsla_musk"))
    return render_pdf(read_edgar_xml(path.read_bytes()))


def _boxes(pdf: bytes, texts: list[str]) -> list[tuple[float, float, float, float]]:
    """The box (points) of the first word of the first page printed as each of ``texts``."""
    import io

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        words = document.pages[0].extract_words()
    return [next((w["x0"] - 1.5, w["top"] - 1.5, w["x1"] + 1.5, w["bottom"] + 1.5)
                 for w in words if w["text"] == t)
            for t in texts]


WANTED = ["03/08/2023", "411,062,076", "AUSTIN", "78725"]


def test_regions_of_a_clean_page_are_read(rendered: bytes) -> None:
    page = rasterize(rendered, 300)[0]
    found = read_lines(page, 300, _boxes(rendered, WANTED))
    assert [r.text for r in found] == WANTED
    assert all(0.8 < r.confidence <= 1.0 for r in found)


def test_regions_of_a_fax_are_read(rendered: bytes) -> None:
    """The fax is enlarged to 300 dpi as the scan reader enlarges it; its skew is under a
    degree, so the PDF's boxes still hold the words."""
    quality = QUALITIES["fax150"]
    fax = scan(rendered, quality, random.Random(5))[0]
    page = fax.resize((fax.width * 2, fax.height * 2), Image.Resampling.BICUBIC)
    found = read_lines(page, 300, _boxes(rendered, ["03/08/2023", "78725"]))
    assert [r.text for r in found] == ["03/08/2023", "78725"]


def test_no_regions_no_call() -> None:
    assert read_lines(Image.new("L", (10, 10), 255), 300, []) == []
