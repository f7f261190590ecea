"""Page images: image-only PDFs know the resolution they were scanned at."""

from __future__ import annotations

import pytest
from PIL import Image

from extractor.errors import UnreadableInputError
from extractor.ingest.images import PDF_RASTER_DPI, greyscale, load_images, rasterize_pdf
from tests.support.scan import image_only_pdf, png_bytes


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


def _page_with_ink() -> Image.Image:
    """A letter page at 200 dpi with a black and a grey bar."""
    page = Image.new("L", (1700, 2200), 255)
    page.paste(0, (100, 100, 500, 120))
    page.paste(128, (100, 200, 500, 220))
    return page


@pytest.mark.parametrize("fmt", ["PNG", "TIFF"])
def test_a_16_bit_scan_keeps_its_levels(fmt: str) -> None:
    """Pillow's own conversion clips 16-bit levels, which would turn the page black."""
    import io

    import numpy as np

    page = _page_with_ink()
    deep = Image.fromarray(np.asarray(page).astype(np.uint16) * 257)
    assert deep.mode.startswith("I;16")
    buffer = io.BytesIO()
    deep.save(buffer, fmt, dpi=(200, 200))
    (read,) = load_images(buffer.getvalue())
    assert read.image.mode == "L"
    assert [read.image.getpixel(xy) for xy in ((50, 50), (300, 110), (300, 210))] == [255, 0,
                                                                                    128]


def test_a_transparent_background_is_white_paper() -> None:
    page = _page_with_ink()
    ink_only = Image.new("RGBA", page.size, (0, 0, 0, 0))  # hidden colour black, as exported
    ink_only.putalpha(page.point(lambda v: 255 - v))
    (read,) = load_images(png_bytes(ink_only, 200))
    assert [read.image.getpixel(xy) for xy in ((50, 50), (300, 110))] == [255, 0]
    assert abs(read.image.getpixel((300, 210)) - 128) <= 1


def test_greyscale_of_float_levels() -> None:
    import numpy as np

    unit = Image.fromarray(np.asarray(_page_with_ink(), dtype=np.float32) / 255.0, "F")
    assert greyscale(unit).getpixel((300, 210)) in (127, 128)
    assert greyscale(unit).getpixel((50, 50)) == 255


def test_an_image_too_large_to_be_a_page_is_refused_in_one_line() -> None:
    """A decompression bomb (a small file of a vast page) is refused before it is decoded."""
    import io

    buffer = io.BytesIO()
    Image.new("1", (20000, 20000), 1).save(buffer, "PNG")
    assert len(buffer.getvalue()) < 200_000
    with pytest.raises(UnreadableInputError, match=r"^the image is too large to be a page "):
        load_images(buffer.getvalue())


def test_a_pdf_page_too_large_to_be_a_form_is_refused() -> None:
    import io

    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(14400, 14400))
    canvas.drawString(100, 100, "a 200-inch page")
    canvas.save()
    with pytest.raises(UnreadableInputError, match=r"page 1 of the PDF is 200 x 200 inches"):
        rasterize_pdf(buffer.getvalue())


def test_a_page_stored_turned_is_turned_upright_by_its_exif_orientation() -> None:
    import io

    page = _page_with_ink()
    stored = page.transpose(Image.Transpose.ROTATE_90)  # the camera's sensor, sideways
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to display"
    buffer = io.BytesIO()
    stored.save(buffer, "JPEG", quality=95, dpi=(200, 200), exif=exif)
    (read,) = load_images(buffer.getvalue())
    assert read.image.size == page.size
    assert read.image.getpixel((300, 110)) < 60 and read.image.getpixel((300, 160)) > 200


def test_pages_come_one_at_a_time_and_are_kept_packed() -> None:
    """A long scan's pages are decoded as they are asked for, and a reader keeps the ones it
    needs again compressed, pixel for pixel."""
    import io
    from collections.abc import Iterator

    from extractor.ingest.images import PackedPages

    first, second = _page_with_ink(), _page_with_ink().transpose(Image.Transpose.ROTATE_180)
    buffer = io.BytesIO()
    first.save(buffer, "TIFF", dpi=(200, 200), save_all=True, append_images=[second])
    pages = load_images(buffer.getvalue())
    assert isinstance(pages, Iterator)
    kept = PackedPages()
    for page in pages:
        kept.add(page.number, page.image, page.dpi)
    assert list(kept) == [1, 2] and len(kept) == 2
    for number, original in ((1, first), (2, second)):
        image, dpi = kept[number]
        assert dpi == pytest.approx(200, abs=0.1)
        assert image.mode == "L" and image.tobytes() == original.tobytes()


@pytest.mark.parametrize(("stated", "size", "dpi"), [
    ((300, 300), (2550, 3300), 300.0),   # a letter page at 300 dpi, as the scanner says
    ((300, 300), (2550, 4200), 300.0),   # legal
    ((200, 200), (2200, 1700), 200.0),   # landscape
    ((200, 200), (2000, 1500), 200.0),   # cropped to the print: 10 inches long
    ((96, 96), (3301, 2550), 300.0),     # an editor's 96 dpi on a 300 dpi scan: 34 inches
    ((72, 72), (1700, 2200), 200.0),     # 72 dpi on a 200 dpi scan
    (None, (1275, 1650), 150.0),         # a fax saved without a resolution
    ((0, 0), (2550, 3300), 300.0),
])
def test_a_resolution_that_makes_no_form_page_is_worked_out_from_the_pixels(
        stated: object, size: tuple[int, int], dpi: float) -> None:
    from extractor.ingest.images import page_resolution

    assert page_resolution(stated, size) == dpi


def test_a_tiff_states_its_resolution_as_a_fraction() -> None:
    import io

    buffer = io.BytesIO()
    _page_with_ink().resize((2550, 4200)).save(buffer, "TIFF", dpi=(300, 300))
    (read,) = load_images(buffer.getvalue())
    assert read.dpi == 300.0  # legal paper, not a letter page at 382 dpi
