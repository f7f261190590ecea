"""Words of a scanned page with positions and confidences, from tesseract.

One OCR pass per page, and one for the regions read again.  Coordinates come back in points
(like a PDF's), so the layout stage treats a scan's words as it treats a born-digital PDF's.
tesseract is the one pytesseract finds (``pytesseract.pytesseract.tesseract_cmd``), run as
pytesseract's ``image_to_data`` runs it, but started ahead of its image (:class:`Tesseract`).
"""

from __future__ import annotations

import dataclasses
import functools
import io
import os
import subprocess
from dataclasses import dataclass

from PIL import Image

from extractor.errors import MissingDependencyError, OcrTimeoutError, UnreadableInputError
from extractor.ingest.pdf_words import Word

#: tesseract's own threads fight over the cores (docs/design-notes.md#one-ocr-thread).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

#: How long tesseract may take over one image before it is stopped and the page given up as
#: unreadable: a minute is far beyond any read measured (docs/design-notes.md#ocr-timeout), so
#: it means a hung or runaway process, which must not hold up a batch of millions.
READ_TIMEOUT_SECONDS = 60.0

_INSTALL = ("the tesseract OCR program is not installed; on Debian: "
            "sudo apt-get install tesseract-ocr (or run the project's make setup)")


@dataclass(frozen=True, slots=True)
class OcrWord:
    word: Word
    #: tesseract's confidence, 0-100.
    confidence: float
    #: The line tesseract put the word on (block, paragraph, line), when it says.
    line: tuple[int, int, int] | None = None


def check_tesseract() -> None:
    """Raise :class:`MissingDependencyError` with the install command when tesseract is absent."""
    import pytesseract

    try:
        _tesseract_version(pytesseract.pytesseract.tesseract_cmd)
    except (pytesseract.TesseractNotFoundError, OSError):
        raise MissingDependencyError(_INSTALL) from None


@functools.cache
def _tesseract_version(command: str) -> str:
    """The version of the tesseract at ``command``: asked once per process (it starts a
    process), not once per document; a failure is not remembered."""
    import pytesseract

    return str(pytesseract.get_tesseract_version())


class Tesseract:
    """A tesseract process started ahead of the image it is to read.

    Starting tesseract costs about a tenth of a second (it loads its model) before it reads a
    word; started while the caller still prepares the image, or while another tesseract reads
    the page, that time is spent on the second core instead of on the page's.  The image goes
    over a pipe as a PackBits TIFF: 0.01 s to write a 300 dpi page, where a PNG (as pytesseract
    writes one) takes 0.2 s and an uncompressed image 0.1 s longer to pipe.  The TIFF carries
    the resolution, which tesseract's size thresholds depend on.

    Use it as a context manager: a process never handed its image is stopped on leaving.
    """

    def __init__(self, config: str, timeout: float | None = None) -> None:
        import pytesseract

        # read at call time, so that `form4 batch --ocr-timeout` can set it for a worker
        self._timeout = READ_TIMEOUT_SECONDS if timeout is None else timeout
        command = [pytesseract.pytesseract.tesseract_cmd, "stdin", "stdout", *config.split(),
                   "tsv"]
        try:
            self._process: subprocess.Popen[bytes] | None = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except OSError:
            raise MissingDependencyError(_INSTALL) from None

    def read(self, image: Image.Image, dpi: float) -> dict[str, list]:
        """What tesseract reads on ``image`` (scanned at ``dpi``): the columns of its TSV
        output, as pytesseract's ``image_to_data`` gives them (``text``, ``conf``, ``left``...).
        One image per process; one that takes longer than the process's timeout (from the
        moment it is handed its image) is stopped, and the page is unreadable."""
        if self._process is None:
            raise RuntimeError("this tesseract process has already read its image")
        buffer = io.BytesIO()
        image.save(buffer, "TIFF", compression="packbits", dpi=(round(dpi), round(dpi)))
        process, self._process = self._process, None
        try:
            out, err = process.communicate(buffer.getvalue(), timeout=self._timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise OcrTimeoutError(
                f"tesseract did not finish reading the page in {self._timeout:g} s") from None
        if process.returncode != 0:
            message = err.decode(errors="replace").strip().splitlines() or ["no message"]
            raise UnreadableInputError(f"tesseract could not read the page: {message[-1]}")
        return _columns(out.decode(errors="replace"))

    def close(self) -> None:
        """Stop the process if it never got its image."""
        if self._process is not None:
            self._process.kill()
            self._process.communicate()
            self._process = None

    def __enter__(self) -> Tesseract:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


#: The integer columns of tesseract's TSV output; ``conf`` is a float, ``text`` a string.
_INT_COLUMNS = ("level", "page_num", "block_num", "par_num", "line_num", "word_num", "left",
                "top", "width", "height")


def _columns(tsv: str) -> dict[str, list]:
    """Tesseract's TSV output as a dict of columns."""
    lines = tsv.splitlines()
    if not lines:
        return {name: [] for name in (*_INT_COLUMNS, "conf", "text")}
    header = lines[0].split("\t")
    columns: dict[str, list] = {name: [] for name in header}
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) < len(header):  # a word-less row ends after ``conf``
            cells += [""] * (len(header) - len(cells))
        for name, cell in zip(header, cells, strict=False):
            if name in _INT_COLUMNS:
                columns[name].append(int(cell))
            elif name == "conf":
                columns[name].append(float(cell))
            else:
                columns[name].append(cell)
    return columns


#: How the whole page is read: sparse text, as a form's scattered labels and values are.
PAGE_CONFIG = "--psm 11"
#: How the strip of regions is read: one block of text lines.
REGIONS_CONFIG = "--psm 6"


def ocr_words(image: Image.Image, dpi: float, page: int,
              tesseract: Tesseract | None = None) -> list[OcrWord]:
    """Every word tesseract reads on ``image``, with its box in points and its confidence.

    ``tesseract``, when given, is a process started with :data:`PAGE_CONFIG` ahead of time.
    """
    with tesseract or Tesseract(PAGE_CONFIG) as process:
        data = process.read(image, dpi)
    scale = 72.0 / dpi
    words = []
    for i, (text, conf) in enumerate(zip(data["text"], data["conf"], strict=True)):
        if not text.strip() or float(conf) < 0:
            continue
        left, top, width, height = (data[k][i] for k in ("left", "top", "width", "height"))
        words.append(OcrWord(Word(text.strip(), left * scale, (left + width) * scale,
                                  top * scale, (top + height) * scale, page), float(conf),
                             (data["block_num"][i], data["par_num"][i], data["line_num"][i])))
    return words


def align_to_lines(words: list[OcrWord]) -> list[OcrWord]:
    """Each word with the top and bottom of the line tesseract put it on.

    A glyph box's top depends on its letters ("on" has no ascender, "Column" has), and the
    layout groups words into lines by their tops, as a PDF's font boxes allow.
    """
    extent: dict[tuple[int, int, int], tuple[float, float]] = {}
    for item in words:
        if item.line is not None:
            low, high = extent.get(item.line, (item.word.top, item.word.bottom))
            extent[item.line] = (min(low, item.word.top), max(high, item.word.bottom))
    out = []
    for item in words:
        if item.line is None:
            out.append(item)
            continue
        top, bottom = extent[item.line]
        out.append(OcrWord(dataclasses.replace(item.word, top=top, bottom=bottom),
                           item.confidence, item.line))
    return out


#: White space (pixels) between the regions stacked into one image by :func:`ocr_regions`.
_REGION_GAP = 24


def ocr_regions(image: Image.Image, dpi: float, page: int,
                regions: list[tuple[float, float, float, float]],
                scale: float = 1.0, tesseract: Tesseract | None = None
                ) -> list[list[OcrWord]]:
    """The words tesseract reads in each region (points) of ``image``, in one tesseract call.

    The regions are cut out, enlarged by ``scale``, and stacked one under another on a white
    strip, each on its own line, so one call reads them all: tesseract costs a process start and
    a page analysis per call, and a page can have a hundred cells to re-read.  A single letter
    alone in a table cell, which a whole-page sparse-text pass often skips, reads as one line.
    ``tesseract``, when given, is a process started with :data:`REGIONS_CONFIG` ahead of time.
    """
    if not regions:
        return []
    px = dpi / 72.0
    crops = []
    for x0, top, x1, bottom in regions:
        crop = image.crop((int(x0 * px), int(top * px), int(x1 * px), int(bottom * px)))
        if scale != 1.0:
            crop = crop.resize((max(1, int(crop.width * scale)), max(1, int(crop.height * scale))),
                               Image.Resampling.BICUBIC)
        crops.append(crop)
    width = max(c.width for c in crops) + 2 * _REGION_GAP
    height = sum(c.height + _REGION_GAP for c in crops) + _REGION_GAP
    strip = Image.new("L", (width, height), 255)
    slots = []
    y = _REGION_GAP
    for crop in crops:
        strip.paste(crop, (_REGION_GAP, y))
        slots.append((y, y + crop.height))
        y += crop.height + _REGION_GAP
    with tesseract or Tesseract(REGIONS_CONFIG) as process:
        data = process.read(strip, dpi * scale)
    found: list[list[OcrWord]] = [[] for _ in regions]
    for text, conf, left, top, w, h in zip(data["text"], data["conf"], data["left"],
                                           data["top"], data["width"], data["height"],
                                           strict=True):
        text = text.strip()
        if not text or float(conf) < 0:
            continue
        middle = top + h / 2
        for index, (y0, y1) in enumerate(slots):
            if y0 - _REGION_GAP / 2 <= middle <= y1 + _REGION_GAP / 2:
                x0, r_top = regions[index][0], regions[index][1]
                to_pt = 1.0 / (px * scale)
                found[index].append(OcrWord(Word(
                    text, x0 + (left - _REGION_GAP) * to_pt, x0 + (left - _REGION_GAP + w) * to_pt,
                    r_top + (top - y0) * to_pt, r_top + (top - y0 + h) * to_pt, page),
                    float(conf)))
                break
    return found
