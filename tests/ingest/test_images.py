"""Page images: image-only PDFs know the resolution they were scanned at."""

from __future__ import annotations

import pytest
from PIL import Image

from bench.scan import image_only_pdf, png_bytes
from extractor.errors import UnreadableInputError
from extractor.ingest.images import PDF_RASTER_DPI, load_images, rasterize_pdf


@pytest.mark.parametrize(("dpi", "rendered"), [(150, PDF_RASTER_DPI), (200, 200), (300, 300),
                                               (400, PDF_RASTER_DPI)])
def test_image_only_pdf_page_keeps_its_scan_resolution(dpi: int, rendered: int) -> None:
    """An office scan is rendered at its own resolution (no resampling blur); a fax-class page
    is enlarged by the renderer.  Either way the scan's own resolution is known."""
    page = Image.new("L", (int(8.5 * dpi), 11 * dpi), 255)
    (read,) = rasterize_pdf(image_only_pdf([page], dpi))
    assert read.dpi == rendered
    assert read.image.width == pytest.approx(8.5 * rendered, abs=2)
    assert read.source_dpi == pytest.approx(dpi, rel=0.01)


def test_image_file_resolution_is_its_own() -> None:
    page = Image.new("L", (1700, 2200), 255)
    page.putpixel((10, 10), 0)
    (read,) = load_images(png_bytes(page, 200))
    assert read.dpi == pytest.approx(200, abs=0.1) and read.source_dpi == read.dpi
    assert read.scanned_dpi == 0.0 and read.image.size == (1700, 2200)


def test_fax_resolution_image_is_enlarged_as_a_pdf_page_is_rendered() -> None:
    page = Image.new("L", (1275, 1650), 255)
    page.putpixel((10, 10), 0)
    (read,) = load_images(png_bytes(page, 150))
    assert read.dpi == 300 and read.image.size == (2550, 3300)
    assert read.source_dpi == pytest.approx(150, abs=0.1)  # still judged as a fax


@pytest.mark.parametrize("dpi", [400, 600])
def test_a_finer_scan_is_reduced_to_the_reading_resolution(dpi: int) -> None:
    page = Image.new("L", (int(8.5 * dpi), 11 * dpi), 255)
    page.paste(0, (dpi, dpi, 2 * dpi, dpi + dpi // 10))  # an inch-long rule stays an inch long
    (read,) = load_images(png_bytes(page, dpi))
    assert read.dpi == 300 and read.image.size == (2550, 3300)
    assert read.source_dpi == pytest.approx(dpi, abs=0.1)
    ink = read.image.point(lambda v: 255 if v < 128 else 0).getbbox()
    assert ink == pytest.approx((300, 300, 600, 330), abs=1)


def test_a_300_dpi_scan_is_read_as_it_is() -> None:
    page = Image.new("L", (2550, 3300), 255)
    page.putpixel((10, 10), 0)
    (read,) = load_images(png_bytes(page, 300))
    assert read.image.size == (2550, 3300) and read.source_dpi == pytest.approx(300, abs=0.1)


def test_a_tiny_image_at_fax_resolution_is_too_small_before_any_enlarging() -> None:
    page = Image.new("L", (150, 150), 0)
    with pytest.raises(UnreadableInputError, match="too small"):
        load_images(png_bytes(page, 72))
