"""Make scans of rendered PDFs at three qualities, reproducibly.

* ``clean300``  - 300 dpi, grey, a slight skew (under 0.5 degrees);
* ``office200`` - 200 dpi, skew up to 1.5 degrees, blur, speckle, JPEG compression;
* ``fax150``    - 150 dpi, binarized, skew up to 1 degree, salt-and-pepper noise;
* ``faded300``  - 300 dpi, an aged paper copy: grey paper, faded ink, light falling unevenly
                  across the page, a slight blur and grain, skew up to 1 degree.

Pages are rasterized with pypdfium2 (pdfplumber's own renderer).  Every random choice comes from
a ``random.Random`` seeded by the caller, so a corpus build gives the same pixels every time.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter


@dataclass(frozen=True, slots=True)
class ScanQuality:
    name: str
    dpi: int
    max_skew: float
    degrade: Callable[[Image.Image, random.Random], Image.Image]


def rasterize(pdf: bytes, dpi: int) -> list[Image.Image]:
    """Every page of ``pdf`` as a greyscale image at ``dpi``."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
                for i in range(len(document))]
    finally:
        document.close()


def _skew(image: Image.Image, rng: random.Random, max_degrees: float) -> Image.Image:
    angle = rng.uniform(-max_degrees, max_degrees)
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)


def _speckle(image: Image.Image, rng: random.Random, density: float, dark_share: float
             ) -> Image.Image:
    image = image.copy()
    pixels = image.load()
    width, height = image.size
    for _ in range(int(width * height * density)):
        x, y = rng.randrange(width), rng.randrange(height)
        pixels[x, y] = 0 if rng.random() < dark_share else 255  # type: ignore[index]
    return image


def _clean(image: Image.Image, rng: random.Random) -> Image.Image:
    return image


def _office(image: Image.Image, rng: random.Random) -> Image.Image:
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 0.9)))
    image = _speckle(image, rng, 0.0008, 0.7)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=rng.randint(45, 65))
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


def _fax(image: Image.Image, rng: random.Random) -> Image.Image:
    threshold = rng.randint(150, 175)
    image = image.point(lambda v: 255 if v > threshold else 0)
    return _speckle(image, rng, 0.0015, 0.6)


def _faded(image: Image.Image, rng: random.Random) -> Image.Image:
    """Paper at grey 185-215 and ink at 95-135 (yellowed paper, worn toner), lit 10-18% more
    brightly on one side than the other, blurred a little, with grain."""
    paper, ink = rng.uniform(185, 215), rng.uniform(95, 135)
    pixels = ink + (paper - ink) * np.asarray(
        image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.8))), dtype=np.float32) / 255
    height, width = pixels.shape
    angle = rng.uniform(0, 2 * np.pi)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    across = (xs / width - 0.5) * np.cos(angle) + (ys / height - 0.5) * np.sin(angle)
    pixels *= 1 + rng.uniform(0.10, 0.18) * across
    grain = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 4, pixels.shape)
    return Image.fromarray(np.clip(pixels + grain, 0, 255).astype(np.uint8))


QUALITIES: dict[str, ScanQuality] = {
    "clean300": ScanQuality("clean300", 300, 0.5, _clean),
    "office200": ScanQuality("office200", 200, 1.5, _office),
    "fax150": ScanQuality("fax150", 150, 1.0, _fax),
    "faded300": ScanQuality("faded300", 300, 1.0, _faded),
}
#: The qualities of the first corpus, which draw from the document's one random stream in this
#: order; a quality added later draws from its own, so the first ones keep their pixels.
FIRST_QUALITIES = ("clean300", "office200", "fax150")


def scan(pdf: bytes, quality: ScanQuality, rng: random.Random) -> list[Image.Image]:
    """The pages of ``pdf`` as scanned at ``quality``."""
    return [quality.degrade(_skew(page, rng, quality.max_skew), rng)
            for page in rasterize(pdf, quality.dpi)]


def image_only_pdf(pages: list[Image.Image], dpi: int) -> bytes:
    """A PDF with one image per page and no text layer, like a scanner makes."""
    buffer = io.BytesIO()
    first, *rest = [p.convert("L") for p in pages]
    first.save(buffer, "PDF", resolution=dpi, save_all=True, append_images=rest)
    return buffer.getvalue()


def png_bytes(page: Image.Image, dpi: int) -> bytes:
    buffer = io.BytesIO()
    page.save(buffer, "PNG", dpi=(dpi, dpi), optimize=False)
    return buffer.getvalue()
