"""Which PDF pages are scans of paper (pure geometry of pdfplumber's image boxes)."""

from __future__ import annotations

import pytest

from extractor.ingest.pdf_words import is_page_scan


def _image(x0: float, top: float, width: float, height: float) -> dict:
    return {"x0": x0, "top": top, "width": width, "height": height}


def test_a_page_covered_by_one_image_is_a_scan() -> None:
    assert is_page_scan([_image(0, 0, 792, 612)], 792, 612)
    assert is_page_scan([_image(0, 0, 60, 30), _image(16, 11, 760, 590)], 792, 612)  # margins


def test_a_page_cut_into_strips_is_a_scan() -> None:
    strips = [_image(0, top, 612, 99) for top in range(0, 792, 99)]
    assert is_page_scan(strips, 612, 792)
    assert not is_page_scan(strips[:5], 612, 792)  # 495 of 792 points: not most of the page


def test_a_logo_or_a_signature_image_leaves_the_text_layer() -> None:
    assert not is_page_scan([], 792, 612)
    assert not is_page_scan([_image(10, 10, 120, 40), _image(400, 500, 300, 80)], 792, 612)
    # The same image placed twice is counted once; an image off the page not at all.
    assert not is_page_scan([_image(0, 0, 500, 612)] * 2, 792, 612)
    assert not is_page_scan([_image(800, 0, 792, 612)], 792, 612)
    assert not is_page_scan([_image(0, 0, 792, 612)], 0, 0)


@pytest.mark.parametrize("share", [0.79, 0.81])
def test_the_cover_threshold(share: float) -> None:
    assert is_page_scan([_image(0, 0, 792 * share, 612)], 792, 612) is (share >= 0.8)
