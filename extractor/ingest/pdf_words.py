"""Words and ruling rectangles of a born-digital PDF.

The reader needs two things from each page: the words with their positions, and the rectangles
the PDF draws (the form's boxes, table cells and check boxes).  Everything else is layout.
:func:`read_pdf` reads them with PDFium (:mod:`extractor.ingest.pdfium_pages`, a few ms a
page); :func:`read_pdf_with_pdfplumber`, the reader it replaced (~70 ms a page), stays as the
reference its words are measured against (``bench/ingest_speed.py``, the tests).
"""

from __future__ import annotations

import io
import itertools

from extractor.errors import ScannedPdfError, UnreadableInputError
from extractor.ingest.page import Page, Rect, Word
from extractor.ingest.pdfium_calls import Box
from extractor.ingest.pdfium_pages import read_pdf_pages

#: Kept for the readers written before the page model had a module of its own.
PdfPage = Page


def _dark_fill(rect: dict) -> bool:
    """True for a rectangle painted with a dark colour (grey levels, RGB or CMYK)."""
    if not rect.get("fill"):
        return False
    color = rect.get("non_stroking_color")
    if color is None:
        return True  # the default fill colour is black
    values = list(color) if isinstance(color, (list, tuple)) else [color]
    if len(values) == 4:  # CMYK: dark when the black or the mix is heavy
        return values[3] > 0.5 or sum(values[:3]) > 2.0
    return bool(values) and sum(float(v) for v in values) / len(values) < 0.5


def _invisible(rect: dict) -> bool:
    """A white rectangle with no outline: a background painted behind text (browsers paint
    one behind every styled span), not a line or box anyone sees."""
    if rect.get("stroke") or not rect.get("fill"):
        return False
    color = rect.get("non_stroking_color")
    if color is None:
        return False
    values = list(color) if isinstance(color, (list, tuple)) else [color]
    if len(values) not in (1, 3):
        return False
    return min(float(v) for v in values) > 0.95


def read_pdf(data: bytes) -> list[PdfPage]:
    """Every page's words and rectangles.

    Raises :class:`UnreadableInputError` for an encrypted, corrupt or page-less PDF and
    :class:`ScannedPdfError` for one of scanned pages (:func:`is_page_scan`) or without text.
    """
    pages = read_pdf_pages(data, page_is_scan=_images_cover_page)
    if not any(page.words for page in pages):
        raise ScannedPdfError("the PDF has no text layer")
    return pages


def _images_cover_page(boxes: list[Box], width: float, height: float) -> bool:
    """:func:`is_page_scan` on image boxes ``(x0, top, x1, bottom)``."""
    return is_page_scan([{"x0": x0, "top": top, "width": x1 - x0, "height": bottom - top}
                         for x0, top, x1, bottom in boxes], width, height)


def read_pdf_with_pdfplumber(data: bytes) -> list[PdfPage]:
    """:func:`read_pdf` as pdfplumber reads the PDF: ``extract_words(x_tolerance=1.5,
    y_tolerance=2.5)`` and ``page.rects`` (no lines, no word sizes), ~70 ms a page.  Not on
    the reading path: the reference the PDFium reader is compared with."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    pages: list[PdfPage] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                if is_page_scan(page.images, float(page.width), float(page.height)):
                    raise ScannedPdfError(f"page {number} of the PDF is a scan")
                words = tuple(
                    Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]),
                         float(w["bottom"]), number)
                    for w in page.extract_words(x_tolerance=1.5, y_tolerance=2.5))
                rects = tuple(Rect(float(r["x0"]), float(r["x1"]), float(r["top"]),
                                   float(r["bottom"]), _dark_fill(r)) for r in page.rects
                              if not _invisible(r))
                pages.append(PdfPage(number, float(page.width), float(page.height), words,
                                     rects))
    except ScannedPdfError:
        raise
    except PDFPasswordIncorrect:
        raise UnreadableInputError("the PDF is encrypted (password protected)") from None
    except Exception as err:  # pdfminer raises many kinds for damaged files
        causes = f"{err!r} {err.__cause__!r} {err.__context__!r}".lower()
        if "password" in causes or "encrypt" in causes:
            raise UnreadableInputError("the PDF is encrypted (password protected)") from None
        detail = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise UnreadableInputError(f"corrupt or unreadable PDF ({detail[:80]})") from None
    if not pages:
        raise UnreadableInputError("the PDF has no pages")
    if not any(page.words for page in pages):
        raise ScannedPdfError("the PDF has no text layer")
    return pages


#: The share of a page its images must cover for the page to be a scan of paper.
PAGE_SCAN_COVER = 0.8


def is_page_scan(images: list[dict], width: float, height: float) -> bool:
    """True when images (pdfplumber's ``page.images``) cover most of the page: a scan of paper,
    whatever text lies over it.

    Scanning software lays its own OCR over the image as invisible text ("searchable PDF"):
    words without a confidence, and no drawn boxes to lay them out by.  Such a page, like one
    with typed values over an image of the blank form, is read from its pixels; a page that
    only shows a logo or a signature image keeps its text layer.  The images are counted
    together, since some scanners cut a page into strips.  Any one scanned page makes the
    whole PDF a scan, so that no page's untrusted hidden text passes as born-digital.
    """
    boxes = [(max(0.0, float(i["x0"])), max(0.0, float(i["top"])),
              min(width, float(i["x0"]) + float(i["width"])),
              min(height, float(i["top"]) + float(i["height"]))) for i in images]
    boxes = [box for box in boxes if box[0] < box[2] and box[1] < box[3]]
    return width * height > 0 and _union_area(boxes) >= PAGE_SCAN_COVER * width * height


def _union_area(boxes: list[tuple[float, float, float, float]]) -> float:
    """The area the boxes ``(x0, top, x1, bottom)`` cover together (overlaps counted once)."""
    xs = sorted({x for box in boxes for x in (box[0], box[2])})
    area = 0.0
    for left, right in itertools.pairwise(xs):
        spans = sorted((box[1], box[3]) for box in boxes if box[0] <= left and right <= box[2])
        covered, reach = 0.0, float("-inf")
        for top, bottom in spans:
            covered += max(0.0, bottom - max(top, reach))
            reach = max(reach, bottom)
        area += covered * (right - left)
    return area
