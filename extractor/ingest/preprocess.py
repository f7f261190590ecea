"""Scan pre-processing that pays for itself: paper made white and ink dark, specks removed, a
skewed page straightened, a sideways one turned (each measured with ``bench/accuracy.py``).

Binarization does not pay, and is not done: tesseract thresholds the grey page itself, and
reads it better than any black-and-white copy (docs/design-notes.md#no-binarization).

A page scanned a degree askew breaks every ruling line into steps, and the layout stage needs
the rules.  The angle is the one whose rotation makes the rows of ink most uneven (rules and
text lines become sharp peaks in the row profile), searched on a small copy of the page.  A page
fed in sideways or upside down is turned by tesseract's orientation detection, asked only when
the page read as noise.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image

#: Largest skew searched for, in degrees, and the search step.
MAX_SKEW = 5.0
STEP = 0.1


def _sharpness(small: Image.Image, angle: float) -> float:
    rotated = small.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=255)
    ink = (np.asarray(rotated, dtype=np.uint8) < 128).sum(axis=1).astype(np.float64)
    return float(np.square(np.diff(ink)).sum())


def skew_angle(image: Image.Image) -> float:
    """The rotation (degrees, counter-clockwise) that straightens ``image``.

    Every half degree is tried on a thumbnail (the sharpness is not smooth enough in the angle
    to climb towards the best), then tenth degrees round the best on a larger copy.
    """
    thumbnail = image.reduce(max(1, image.width // 450))
    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.5),
                 key=lambda a: _sharpness(thumbnail, float(a)))
    small = image.reduce(max(1, image.width // 900))
    fine = [float(coarse) + STEP * i for i in range(-3, 4)]
    best = max(fine, key=lambda a: _sharpness(small, a))
    return round(best, 2)


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    """``image`` straightened, and the angle it was turned by: a skewed page breaks every
    rule into steps and costs most on blurred pages (docs/design-notes.md#deskew)."""
    angle = skew_angle(image)
    if abs(angle) < STEP / 2:
        return image, 0.0
    return _rotate_bicubic(image, angle), angle


def _rotate_bicubic(image: Image.Image, angle: float) -> Image.Image:
    """``image`` turned ``angle`` degrees counter-clockwise about its centre, as
    ``Image.rotate`` turns it.

    Bicubic, because bilinear reads fewer fields right; OpenCV's, because Pillow's is several
    times slower (docs/design-notes.md#deskew).
    """
    import cv2

    pixels = np.asarray(image, dtype=np.uint8)
    height, width = pixels.shape
    # Pillow turns about the centre of the pixel grid, (w/2, h/2) in pixel-edge coordinates;
    # OpenCV's pixel centres sit on integers, so the same centre is half a pixel less.
    matrix = cv2.getRotationMatrix2D(((width - 1) / 2, (height - 1) / 2), angle, 1.0)
    turned = cv2.warpAffine(pixels, matrix, (width, height), flags=cv2.INTER_CUBIC,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=255)
    return Image.fromarray(turned)


def upright_turn(image: Image.Image) -> int:
    """Degrees (counter-clockwise, a multiple of 90) that turn a sideways or upside-down page
    upright, from tesseract's orientation detection; 0 when upright or when it cannot tell.

    This costs a tesseract call, so the scan reader asks only for a page whose text read as
    noise.
    """
    import pytesseract

    try:
        found = pytesseract.image_to_osd(image, config="--psm 0",
                                         output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:  # too little text to tell
        return 0
    if float(found.get("orientation_conf", 0)) < 2.0:
        return 0
    # tesseract gives the clockwise turn that makes the page upright; PIL turns the other way.
    return (-int(found.get("rotate", 0))) % 360


#: A page whose paper is this light (0-255) everywhere and whose ink is this dark is left as
#: it is; both lie between the levels of plain and aged scans
#: (docs/design-notes.md#contrast-normalisation).
WHITE_PAPER = 225
DARK_INK = 110
#: How dark the ink of a normalised page is (0-255): a clean scan's print.
INK_TARGET = 20


def _ink_level(sample: np.ndarray) -> float | None:
    """How dark a page's ink is (0-255), from a sample of its pixels: the 10th percentile of
    those Otsu's threshold calls dark, the cores of the strokes rather than their blurred
    edges; None on a blank page."""
    import cv2

    split, _ = cv2.threshold(sample, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    dark = sample[sample <= split]
    return float(np.percentile(dark, 10)) if dark.size else None


def normalize_contrast(image: Image.Image, dpi: float) -> Image.Image:
    """``image`` with grey paper made white and faded ink dark, the light evened out: an aged
    copy (yellowed paper, worn toner, a page lit from one side) as a clean scan looks.

    Every later step judges ink by fixed levels (ruling lines, specks and check marks are pixels
    darker than 140), as tesseract's own global threshold does; on a page whose paper is 190
    and ink 130 they see no rules and all the paper as ink.  The paper's brightness is
    estimated across the page (the brightest value within a sixth of an inch, on a copy an
    eighth the size, smoothed) and each pixel divided by it; then the ink is stretched to
    :data:`INK_TARGET`.  A page already white with dark ink is returned as it is, at the cost
    of the estimate (about 0.02 s on a 300 dpi page; the normalisation itself, 0.1 s).
    """
    import cv2

    width, height = image.size
    small = np.asarray(image.reduce(8), dtype=np.uint8)  # each pixel the mean of 8 x 8
    reach = max(3, int(dpi / 8 / 6) | 1)  # a sixth of an inch on the small copy, odd
    paper = cv2.GaussianBlur(cv2.dilate(small, np.ones((reach, reach), np.uint8)), (0, 0),
                             reach)
    if paper.min() >= WHITE_PAPER:
        # Every other pixel of every other row, not averaged: the strokes' own darkness.
        sample = image.resize((max(1, width // 2), max(1, height // 2)),
                              Image.Resampling.NEAREST)
        ink = _ink_level(np.asarray(sample, dtype=np.uint8))
        if ink is None or ink <= DARK_INK:
            return image
        flat: np.ndarray = np.asarray(image, dtype=np.float32)
    else:
        # Divided by the paper round it, every pixel of paper is 255, however the light fell.
        light = cv2.resize(paper, (width, height), interpolation=cv2.INTER_LINEAR)
        flat = np.asarray(image, dtype=np.float32) * 255.0 / np.maximum(
            light.astype(np.float32), 1.0)
        ink = _ink_level(np.ascontiguousarray(np.clip(flat[::2, ::2], 0, 255).astype(np.uint8)))
        if ink is None:
            return image
    ink = min(ink, 200.0)  # a page of faint marks only is not stretched into noise
    stretched = 255.0 - (255.0 - flat) * ((255.0 - INK_TARGET) / (255.0 - ink))
    return Image.fromarray(np.clip(stretched, 0, 255).astype(np.uint8))


def despeckle(image: Image.Image, dpi: float) -> Image.Image:
    """``image`` with isolated specks of ink (scanner dust, fax noise) turned white.

    A dark pixel is a speck when the square around it (about 1/60 inch) holds no more dark
    pixels than a speck has: a full stop or the dot of an i holds more.  The squares are
    counted by OpenCV's box filter, faster than numpy's shifted sums.  Without it office and
    fax scans read far fewer fields right (docs/design-notes.md#despeckle).
    """
    import cv2

    size = 5 if dpi >= 250 else 3
    most = 4 if dpi >= 250 else 1
    pixels = np.asarray(image, dtype=np.uint8)
    dark = (pixels < 140).view(np.uint8)
    # The dark pixels in the square round each pixel; outside the page counts as white.
    count = cv2.boxFilter(dark, cv2.CV_16U, (size, size), normalize=False,
                          borderType=cv2.BORDER_CONSTANT)
    specks = dark.astype(bool) & (count <= most)
    if not specks.any():
        return image
    cleaned = pixels.copy()
    cleaned[specks] = 255
    return Image.fromarray(cleaned)


def smooth_enlarged_fax(image: Image.Image) -> Image.Image:
    """``image`` through a 3-pixel median filter: for a fax-class page (150 dpi or less)
    enlarged to the OCR resolution.

    The enlargement turns each of the fax's stray pixels into a grey blot that despeckling
    leaves (it is bigger than a speck at the new resolution), and leaves stair steps on every
    stroke; a median removes both and keeps strokes, which the enlargement made 3-4 pixels
    wide (docs/design-notes.md#fax-median).  A page at its own low resolution is not
    smoothed: its strokes are 1-2 pixels wide, and a median erases them.
    """
    import cv2

    return Image.fromarray(cv2.medianBlur(np.asarray(image, dtype=np.uint8), 3))


def edge_softness(image: Image.Image) -> float:
    """Grey pixels per dark pixel: how soft the edges of the print are.

    A sharp scan at 300 dpi has about 0.5 (a pixel of antialiasing round each stroke); a
    blurred or JPEG-compressed office scan 1.5 and more.  Blur is where OCR turns digits into
    other digits with high confidence, so the scan reader trusts such a page less.
    """
    pixels = np.asarray(image, dtype=np.uint8)[::2]  # every other row is sample enough
    dark = int((pixels < 80).sum())
    grey = int(((pixels >= 80) & (pixels < 200)).sum())
    return grey / dark if dark else 0.0


Box = tuple[float, float, float, float]


def box_before_turns(box: Box, size: tuple[float, float], turn: int, angle: float) -> Box:
    """Where ``box`` (x0, top, x1, bottom), found on a page that was first turned ``turn``
    degrees (a multiple of 90, the image expanded) and then straightened by ``angle`` degrees
    (:func:`deskew`, about the centre), lies on the page as given, in the same units.

    ``size`` is the page as given (width, height).  A box straightened back by a small angle is
    the box around its four corners turned back, so a few points wider, never cutting the
    value off: a reviewer is shown the value on the page image as it was scanned.
    """
    width, height = size
    turned = (height, width) if turn % 180 else (width, height)
    corners = [(x, y) for x in (box[0], box[2]) for y in (box[1], box[3])]
    if angle:
        # deskew turned the page counter-clockwise by ``angle`` (y down): undo it.
        cx, cy = turned[0] / 2, turned[1] / 2
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        corners = [(cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos)
                   for x, y in corners]
    # Image.rotate(turn, expand=True) turns counter-clockwise: undo it.
    back = {0: lambda x, y: (x, y), 90: lambda x, y: (width - y, x),
            180: lambda x, y: (width - x, height - y), 270: lambda x, y: (y, height - x)}
    corners = [back[turn % 360](x, y) for x, y in corners]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return (max(0.0, min(xs)), max(0.0, min(ys)), min(width, max(xs)), min(height, max(ys)))
