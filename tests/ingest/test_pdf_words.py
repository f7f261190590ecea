"""Which PDF pages are scans of paper (pure geometry of pdfplumber's image boxes)."""

from __future__ import annotations

from extractor.ingest.pdf_words import is_page_scan


def _image(width: float, height: float) -> dict:
    return {"x0": 0, "top": 0, "width": width, "height": height}


def test_a_page_covered_by_one_image_is_a_scan() -> None:
    assert is_page_scan([_image(792, 612)], 792, 612)
    assert is_page_scan([_image(60, 30), _image(760, 590)], 792, 612)  # margins cropped


def test_a_logo_or_a_signature_image_leaves_the_text_layer() -> None:
    assert not is_page_scan([], 792, 612)
    assert not is_page_scan([_image(120, 40), _image(300, 80)], 792, 612)
    # Images side by side covering the page between them are not one scan of it.
    assert not is_page_scan([_image(396, 612), _image(396, 612)], 792, 612)
    assert not is_page_scan([_image(792, 612)], 0, 0)
