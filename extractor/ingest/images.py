"""Page images of a scan: PNG, JPEG, TIFF (every frame of a multi-page TIFF), or the pages of an
image-only PDF rasterized with pypdfium2 (pdfplumber's renderer), each greyscale at the
resolution tesseract reads it at, handed out one page at a time; and :class:`PackedPages`, the
compressed store a reader keeps pages in when it needs them again.
"""

from __future__ import annotations

import io
import numbers
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from extractor.errors import UnreadableInputError

#: Resolution image-only PDF pages are rasterized at for OCR when their page image's own
#: resolution is unknown or outside MIN_NATIVE_DPI..MAX_NATIVE_DPI (a 600 dpi scan is read at
#: 300: four times the pixels cost four times the OCR and read no better).
PDF_RASTER_DPI = 300
MIN_NATIVE_DPI, MAX_NATIVE_DPI = 175, PDF_RASTER_DPI
#: The long side of a form's page, in inches: letter 11, A4 11.7, legal 14; a scan cropped to
#: the print a little less.  A resolution that makes an image's long side fall outside these
#: is not the scan's (software writes 72 or 96 for an image it did not scan, or nothing).
PAGE_LONG_SIDE = (9.5, 14.5)
#: The long side assumed when the resolution must be worked out from the pixels: letter.
LETTER_LONG_SIDE = 11.0


@dataclass(frozen=True)
class PageImage:
    """One page as a greyscale image and the resolution it was scanned at."""

    image: Image.Image
    dpi: float
    number: int
    #: The resolution of an image-only PDF's page image (which may differ from ``dpi``, the
    #: resolution it was rasterized at); 0 for an image file or when unknown.
    scanned_dpi: float = 0.0

    @property
    def source_dpi(self) -> float:
        """The resolution the page was scanned at, as far as is known."""
        return self.scanned_dpi or self.dpi


#: The most pixels a page may have: Pillow's own limit against decompression bombs (a page
#: at 1200 dpi is under it; a form at 300 dpi has 8.4 million).
MAX_PAGE_PIXELS = 2 * (Image.MAX_IMAGE_PIXELS or 89_478_485)


def load_images(data: bytes) -> Iterator[PageImage]:
    """Every page of an image file, greyscale, at the resolution it is read at.

    The file is opened and its first page checked at once (corrupt, too large, too small to
    hold a form: :class:`UnreadableInputError`); the pages are decoded one at a time as they
    are asked for, so that a long scan's pages are not all held in memory together.
    """
    try:
        with warnings.catch_warnings():
            # Pages between Pillow's warning and its limit (600 to 1200 dpi) are read.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            source = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        raise UnreadableInputError(
            f"the image is too large to be a page (over {MAX_PAGE_PIXELS / 1e6:.0f} million "
            "pixels; a page at 1200 dpi has 135 million)") from None
    except (UnidentifiedImageError, OSError, ValueError) as err:
        raise UnreadableInputError(f"corrupt or unreadable image ({err})") from None
    if min(source.size) < 200:
        raise UnreadableInputError("the image is too small to hold a form")
    return _frames(source)


def _frames(source: Image.Image) -> Iterator[PageImage]:
    """The frames of an opened image file as pages, decoded as they are asked for."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            for number, frame in enumerate(ImageSequence.Iterator(source), start=1):
                dpi = page_resolution(frame.info.get("dpi"), frame.size)
                # A camera or scanner that stores the page turned says so in its EXIF
                # orientation: turned upright here, before any OCR pass is spent on it.
                upright = ImageOps.exif_transpose(frame)
                yield _at_reading_resolution(PageImage(greyscale(upright), float(dpi), number))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as err:
        raise UnreadableInputError(f"corrupt or unreadable image ({err})") from None


def greyscale(frame: Image.Image) -> Image.Image:
    """``frame`` as 8-bit grey on white paper, whatever its mode.

    Pillow's own conversion clips a 16-bit scan (archives keep them) to its darkest 256 levels,
    which turns the page black; here its levels are scaled.  A transparent background (an
    exported image) is laid on white paper, not on the black its hidden colour often is.
    """
    if frame.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        import numpy as np

        levels = np.asarray(frame, dtype=np.float64)
        top = 1.0 if frame.mode == "F" and levels.max() <= 1.0 else \
            255.0 if levels.max() <= 255 else 65535.0
        return Image.fromarray(np.clip(levels * (255.0 / top), 0, 255).astype(np.uint8), "L")
    if frame.mode in ("RGBA", "LA", "PA") or "transparency" in frame.info:
        rgba = frame.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, rgba).convert("L")
    return frame.convert("L")


def page_resolution(stated: object, size: tuple[int, int]) -> float:
    """The resolution an image file's page was scanned at: the one it states, when that makes
    it the size of a form's page (:data:`PAGE_LONG_SIDE`); else the one that makes its long
    side a letter page's.

    The resolution sets the page's size in points, which the layout's tolerances are in, and
    tells an office scan or a fax from a sharp scan: a 300 dpi scan saved by an editor as
    96 dpi would otherwise be laid out as a 34-inch page and enlarged as a fax.
    """
    dots = stated[0] if isinstance(stated, tuple) and stated else stated
    long_side = max(size)
    # TIFF states it as a fraction (Pillow's IFDRational), a Real but not a float.
    if isinstance(dots, numbers.Real) and float(dots) > 0 and \
            PAGE_LONG_SIDE[0] <= long_side / float(dots) <= PAGE_LONG_SIDE[1]:
        return float(dots)
    return float(round(long_side / LETTER_LONG_SIDE))


#: A scan finer than this is reduced to :data:`PDF_RASTER_DPI` (slack for a 300 dpi scanner
#: that writes 300.5).
_FINER_THAN = MAX_NATIVE_DPI * 1.05


def _at_reading_resolution(page: PageImage) -> PageImage:
    """A page at the resolution tesseract reads it at, as an image-only PDF's page is rendered.

    A fax-class page (under :data:`MIN_NATIVE_DPI`) is enlarged to :data:`PDF_RASTER_DPI`,
    bicubic: tesseract reads a fax's small print better so.  A finer scan (archives keep 400
    and 600 dpi) is reduced to it: as many fields read right in about half the time
    (docs/design-notes.md#reading-resolution).  Other pages are returned as they are."""
    if MIN_NATIVE_DPI <= page.dpi <= _FINER_THAN:
        return page
    factor = PDF_RASTER_DPI / page.dpi
    size = (round(page.image.width * factor), round(page.image.height * factor))
    resample = Image.Resampling.BICUBIC if factor > 1 else Image.Resampling.LANCZOS
    return PageImage(page.image.resize(size, resample), float(PDF_RASTER_DPI), page.number,
                     page.dpi)


def rasterize_pdf(data: bytes, dpi: int = PDF_RASTER_DPI) -> Iterator[PageImage]:
    """The pages of an image-only PDF as images.

    The file is opened and every page's size checked at once (corrupt, or a page too large to
    be a form's: :class:`UnreadableInputError`); each page is rendered when it is asked for.
    """
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        raise UnreadableInputError(f"corrupt or unreadable PDF ({err})") from None
    try:
        plan = []
        for i in range(len(document)):
            scanned = _scanned_dpi(document[i])
            # A page scan of office resolution is rendered at its own resolution (resampling
            # blurs it); a fax-class page is enlarged by the renderer, whose smoothing reads
            # better than its own pixels (docs/design-notes.md#reading-resolution).
            at = round(scanned) if MIN_NATIVE_DPI <= scanned <= MAX_NATIVE_DPI else dpi
            width, height = document[i].get_size()
            if width * height * (at / 72) ** 2 > MAX_PAGE_PIXELS:
                raise UnreadableInputError(
                    f"page {i + 1} of the PDF is {width / 72:.0f} x {height / 72:.0f} inches, "
                    "too large to be a form's page")
            plan.append((at, scanned))
    except BaseException:
        document.close()
        raise
    return _rendered(document, plan)


def _rendered(document: object, plan: list[tuple[int, float]]) -> Iterator[PageImage]:
    """The pages of an opened PDF rendered one at a time, each at its planned resolution
    (and the scan's own); the document is closed when they are done."""
    try:
        for i, (at, scanned) in enumerate(plan):
            page = document[i]  # type: ignore[index]
            yield PageImage(page.render(scale=at / 72, grayscale=True).to_pil().convert("L"),
                            float(at), i + 1, scanned)
    finally:
        document.close()  # type: ignore[attr-defined]


def _scanned_dpi(page: object) -> float:
    """The resolution of the largest image on an image-only PDF page (0 if none)."""
    import pypdfium2.raw as pdfium_c

    best = 0.0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):  # type: ignore[attr-defined]
        width_px, _ = image.get_px_size()
        x0, _, x1, _ = image.get_bounds()
        if x1 - x0 > 72:  # at least an inch wide: a page scan, not a logo
            best = max(best, width_px * 72.0 / (x1 - x0))
    return best


class PackedPages(Mapping[int, tuple[Image.Image, float]]):
    """Page images kept in memory compressed, by page number, each with its resolution.

    A reader that needs pages again after reading them all (the second OCR engine re-reads
    doubtful values) keeps them so: a cleaned 300 dpi page is 1.1 MB as a PackBits TIFF where
    its pixels take 8.4 MB, packed in 6 ms and unpacked in about as long.
    """

    def __init__(self) -> None:
        self._packed: dict[int, tuple[bytes, float]] = {}

    def add(self, number: int, image: Image.Image, dpi: float) -> None:
        buffer = io.BytesIO()
        image.save(buffer, "TIFF", compression="packbits")
        self._packed[number] = (buffer.getvalue(), dpi)

    def __getitem__(self, number: int) -> tuple[Image.Image, float]:
        packed, dpi = self._packed[number]
        image = Image.open(io.BytesIO(packed))
        image.load()
        return image, dpi

    def __iter__(self) -> Iterator[int]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)
