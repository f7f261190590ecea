"""Rules found in the pixels of a scan rebuild the cells the born-digital PDF draws: a real
filing rendered by the project's renderer, scanned slightly askew (tests/support/scan.py),
straightened and searched for rules, is compared with the rectangles pdfplumber reads from the
PDF."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PIL import Image

from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.ingest.pdf_words import Rect, read_pdf
from extractor.ingest.preprocess import deskew
from extractor.layout.pdf_blocks import grid_rows
from extractor.layout.scan_rules import find_rules, rectangles
from extractor.render import render_pdf
from tests.support.scan import QUALITIES, scan


@pytest.fixture(scope="module")
def rendered(filings: list[Path]) -> bytes:
    path = next(p for p in filings if p.name.startswith("aapl_cook"))
    return render_pdf(read_edgar_xml(path.read_bytes()))


def _table_cells(rects: list[Rect]) -> list[Rect]:
    return [cell for row in grid_rows(rects) if len(row) >= 5 for cell in row]


def _near(a: Rect, b: Rect, tolerance: float) -> bool:
    return all(abs(x - y) <= tolerance for x, y in
               ((a.x0, b.x0), (a.x1, b.x1), (a.top, b.top), (a.bottom, b.bottom)))


@pytest.mark.parametrize("quality", ["clean300", "office200", "fax150"])
def test_scanned_table_cells_match_the_pdf(rendered: bytes, quality: str) -> None:
    spec = QUALITIES[quality]
    image: Image.Image = scan(rendered, spec, random.Random(11))[0]
    straight, angle = deskew(image)
    assert abs(angle) <= spec.max_skew + 0.2
    h_rules, v_rules, cleaned = find_rules(straight, spec.dpi)
    found = rectangles(h_rules, v_rules, straight.width * 72.0 / spec.dpi)
    truth = _table_cells(list(read_pdf(rendered)[0].rects))
    assert len(truth) > 40
    # The scan is turned back about the page centre: a rule lands within a point or two.
    matched = [t for t in truth if any(_near(t, f, 2.5) for f in found)]
    assert len(matched) >= 0.95 * len(truth), f"{len(matched)} of {len(truth)} cells found"
    # Table rows come out whole: as many grid rows of 5+ cells as the PDF has.
    assert len([r for r in grid_rows(found) if len(r) >= 5]) == \
        len([r for r in grid_rows(list(read_pdf(rendered)[0].rects)) if len(r) >= 5])
    # The rules are painted out of the image OCR reads: far less ink is left.
    ink_before = sum(1 for v in straight.get_flattened_data() if v < 140)
    ink_after = sum(1 for v in cleaned.get_flattened_data() if v < 140)
    assert ink_after < 0.8 * ink_before


def test_rectangles_from_rules() -> None:
    # A two-by-two grid, 100 pt wide, with its middle vertical broken in two pieces.
    h_rules = [(10.0, 0.0, 100.0), (30.0, 0.0, 100.0), (50.0, 0.0, 100.0)]
    v_rules = [(0.0, 10.0, 50.0), (50.0, 10.0, 22.0), (50.0, 23.0, 50.0), (100.0, 10.0, 50.0)]
    cells = rectangles(h_rules, v_rules, 100.0)
    assert sorted((c.x0, c.x1, c.top, c.bottom) for c in cells) == [
        (0.0, 50.0, 10.0, 30.0), (0.0, 50.0, 30.0, 50.0),
        (50.0, 100.0, 10.0, 30.0), (50.0, 100.0, 30.0, 50.0)]


def test_heading_over_sub_columns_reaches_down() -> None:
    # "3. Transaction Code" over "Code | V": the heading cell spans the sub-columns' height.
    h_rules = [(0.0, 0.0, 100.0), (20.0, 40.0, 100.0), (30.0, 0.0, 100.0)]
    v_rules = [(0.0, 0.0, 30.0), (40.0, 0.0, 30.0), (70.0, 20.0, 30.0), (100.0, 0.0, 30.0)]
    cells = {(c.x0, c.x1, c.top, c.bottom) for c in rectangles(h_rules, v_rules, 100.0)}
    assert (40.0, 100.0, 0.0, 30.0) in cells  # the heading
    assert {(40.0, 70.0, 20.0, 30.0), (70.0, 100.0, 20.0, 30.0)} <= cells  # Code, V
    assert (40.0, 100.0, 0.0, 20.0) not in cells
