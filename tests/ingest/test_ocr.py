"""tesseract's words with boxes in points: the whole-page pass, the strip of regions read again,
and a tesseract process started ahead of its image (real tesseract, generated page images)."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from extractor.errors import MissingDependencyError, UnreadableInputError
from extractor.ingest.ocr import (
    PAGE_CONFIG,
    REGIONS_CONFIG,
    Tesseract,
    _columns,
    ocr_regions,
    ocr_words,
)

DPI = 300


def _page(texts: dict[tuple[int, int], str], size: tuple[int, int] = (2550, 600)) -> Image.Image:
    """A white page (pixels at :data:`DPI`) with each text printed at its top-left pixel."""
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=48)
    for (x, y), text in texts.items():
        draw.text((x, y), text, fill=0, font=font)
    return page


@pytest.mark.tesseract
def test_page_words_come_with_boxes_in_points_and_confidences() -> None:
    page = _page({(300, 150): "Reporting Person", (1500, 150): "05/02/2019"})
    words = sorted(ocr_words(page, DPI, page=2), key=lambda w: w.word.x0)
    assert [w.word.text for w in words] == ["Reporting", "Person", "05/02/2019"]
    first, _, date = words
    # 300 px at 300 dpi is 72 points from the left; the top a few pixels below the draw origin.
    assert first.word.x0 == pytest.approx(72, abs=3)
    assert date.word.x0 == pytest.approx(1500 * 72 / DPI, abs=3)
    assert first.word.top == pytest.approx(150 * 72 / DPI, abs=6)
    assert all(w.word.page == 2 and 50 < w.confidence <= 100 for w in words)
    assert first.line == words[1].line != date.line  # two words on one line, a date apart


@pytest.mark.tesseract
def test_regions_are_read_in_one_strip_and_placed_back_on_the_page() -> None:
    page = _page({(300, 100): "Price", (1200, 100): "1,250", (300, 400): "Director"})
    to_pt = 72 / DPI
    regions = [(250 * to_pt, 80 * to_pt, 450 * to_pt, 180 * to_pt),
               (1150 * to_pt, 80 * to_pt, 1500 * to_pt, 180 * to_pt),
               (250 * to_pt, 380 * to_pt, 700 * to_pt, 480 * to_pt),
               (2000 * to_pt, 380 * to_pt, 2300 * to_pt, 480 * to_pt)]  # a blank region
    for scale in (1.0, 2.0):
        found = ocr_regions(page, DPI, 1, regions, scale=scale)
        assert [[w.word.text for w in words] for words in found] == \
            [["Price"], ["1,250"], ["Director"], []]
        # Each word's box is back in page points, inside its own region.
        for (x0, top, x1, bottom), words in zip(regions, found, strict=True):
            for w in words:
                assert x0 <= w.word.x0 < w.word.x1 <= x1 and top <= w.word.top < bottom


@pytest.mark.tesseract
def test_a_process_started_ahead_reads_as_one_started_on_demand() -> None:
    page = _page({(300, 150): "Explanation of Responses"})
    with Tesseract(PAGE_CONFIG) as ahead:
        early = ocr_words(page, DPI, 1, ahead)
    assert [w.word for w in early] == [w.word for w in ocr_words(page, DPI, 1)]
    assert [w.word.text for w in early] == ["Explanation", "of", "Responses"]


@pytest.mark.tesseract
def test_a_process_reads_one_image_and_an_unused_one_is_stopped() -> None:
    page = _page({(300, 150): "Remarks"})
    process = Tesseract(REGIONS_CONFIG)
    assert "Remarks" in process.read(page, DPI)["text"]
    with pytest.raises(RuntimeError, match="already read"):
        process.read(page, DPI)
    with Tesseract(PAGE_CONFIG) as unused:
        pass
    with pytest.raises(RuntimeError, match="already read"):
        unused.read(page, DPI)


@pytest.mark.tesseract
def test_a_tesseract_failure_is_a_one_line_error() -> None:
    with pytest.raises(UnreadableInputError, match=r"^tesseract could not read the page: [^\n]+$"):
        Tesseract("-l no_such_language").read(_page({}), DPI)


def test_a_missing_tesseract_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(MissingDependencyError, match="apt-get install tesseract-ocr"):
        Tesseract(PAGE_CONFIG)


def test_tsv_columns_are_typed_and_word_less_rows_kept() -> None:
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
           "\tconf\ttext\n"
           "1\t1\t0\t0\t0\t0\t0\t0\t2550\t600\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t300\t150\t200\t40\t95.5\tRemarks\n")
    columns = _columns(tsv)
    assert columns["text"] == ["", "Remarks"]
    assert columns["conf"] == [-1.0, 95.5]
    assert columns["left"] == [0, 300] and columns["line_num"] == [0, 1]
    assert _columns("")["text"] == []


@pytest.mark.tesseract
def test_a_tesseract_over_its_time_is_stopped_and_the_page_unreadable() -> None:
    # The real tesseract, given less time than it needs to load its model.
    process = Tesseract(PAGE_CONFIG, timeout=0.001)
    with pytest.raises(UnreadableInputError,
                       match=r"^tesseract did not finish reading the page in 0.001 s$"):
        process.read(_page({(300, 150): "Remarks"}), DPI)
    with pytest.raises(RuntimeError, match="already read"):  # stopped, not left running
        process.read(_page({}), DPI)
