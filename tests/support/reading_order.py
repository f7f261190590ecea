"""Reading-order text of a drawn layout, as the reading-order tests read it: plain
``pdftotext`` of bench/layouts' rendering of a shipped filing, with a development seed."""

from __future__ import annotations

import pytest

from bench.layouts import DEV_SEEDS, render_layout
from bench.text_layouts.pdftext import pdftotext, pdftotext_available
from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.assemble.reading_order import read_reading_order
from extractor.model import Form4
from extractor.validate import validate
from tests.support.paths import FIXTURE_CORPUS

needs_poppler = pytest.mark.skipif(not pdftotext_available(), reason="no pdftotext")


def read_drawn_layout(stem: str, seed: int) -> tuple[Form4, Form4]:
    """The truth of ``tests/fixtures/corpus/xml/STEM.xml`` and the validated reading of its
    layout ``seed`` (a development seed) printed as plain ``pdftotext`` text."""
    assert seed in DEV_SEEDS
    truth = read_edgar_xml((FIXTURE_CORPUS / "xml" / f"{stem}.xml").read_bytes())
    pdf, _ = render_layout(truth, seed)
    return truth, validate(read_reading_order(pdftotext(pdf, layout=False)))
