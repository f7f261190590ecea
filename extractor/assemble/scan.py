"""Assemble a Form4 from scanned pages (images, image-only PDFs) with tesseract.

A scan is the born-digital layout problem with noisier words: the form's rules are found in the
pixels (:mod:`extractor.layout.scan_rules`) and painted out before OCR, their rectangles and the
OCR words, tidied (:mod:`extractor.assemble.scan_words`), go through the same page layout as a
PDF's, and check marks are read as ink inside the squares beside their labels
(:mod:`extractor.layout.scan_checkboxes`).  Whether a value passes unchecked is decided per
kind of value and per page quality from the confidence tesseract gave its words
(:mod:`extractor.assemble.scan_trust`); a value that does not pass is read again by a second
engine (:mod:`extractor.assemble.scan_second_reading`) and the two readings weighed
(:mod:`extractor.assemble.scan_reconcile`): alike, or settled by the document, it passes;
otherwise it is kept and flagged with both readings, not passed.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import cast

import numpy as np
from PIL import Image

from extractor.assemble.page_form import read_page_form
from extractor.assemble.pdf import Judge, words_of_value
from extractor.assemble.scan_cells import reread_cells
from extractor.assemble.scan_reconcile import SecondReading, settle
from extractor.assemble.scan_second_reading import (
    Doubted,
    ValueWords,
    find_value_words,
    read_again,
)
from extractor.assemble.scan_trust import (
    POOR,
    QUALITIES,
    READ_AGAIN,
    REPEATED_READINGS,
    doubtful_share,
    page_quality_of,
    trust,
)
from extractor.assemble.scan_words import (
    BESIDE_DROPPED,
    STROKE,
    beside_dropped_strokes,
    dots_after,
    glue_punctuation,
    join_split_dates,
    repair_misread_ocr_word,
    restore_full_stops,
    tidy_word,
)
from extractor.errors import UnreadableInputError
from extractor.fields.names import ticker_spelled_by
from extractor.ingest.images import MIN_NATIVE_DPI, PackedPages, PageImage
from extractor.ingest.ocr import (
    PAGE_CONFIG,
    REGIONS_CONFIG,
    OcrWord,
    Tesseract,
    align_to_lines,
    check_tesseract,
    ocr_words,
)
from extractor.ingest.page import Page, Word
from extractor.ingest.preprocess import (
    box_before_turns,
    deskew,
    despeckle,
    edge_softness,
    normalize_contrast,
    smooth_enlarged_fax,
    upright_turn,
)
from extractor.knowledge.lexicon import word_key
from extractor.knowledge.value_kinds import NOTE, value_kind
from extractor.layout.pdf_blocks import LaidLine, lay_out_page
from extractor.layout.scan_checkboxes import find_check_marks
from extractor.layout.scan_rules import find_rules, rectangles
from extractor.model import Field, Form4, iter_fields, map_fields

SOURCE = "ocr"
#: A page with more than this share of words read with doubt may be sideways or upside down.
TURN_CHECK = 0.5


def _is_blank(page: PageImage) -> bool:
    """True for a page without a dark mark on it."""
    low = cast(int, page.image.getextrema()[0])  # a greyscale page: (darkest, lightest)
    return low > 200


def read_scan_form(pages: Iterable[PageImage]) -> Form4:
    """Read scanned pages into a :class:`Form4` (not yet validated).

    The pages are taken one at a time (:func:`extractor.ingest.images.load_images` decodes
    them so); each is kept only as the cleaned image tesseract read, compressed, for the
    second engine.
    """
    check_tesseract()
    laid: list[LaidLine] = []
    page_models: list[Page] = []
    qualities: dict[int, str] = {}
    images = PackedPages()
    beside_strokes: set[int] = set()
    turns: dict[int, _Turns] = {}
    for original in pages:
        if _is_blank(original):  # a separator sheet or a blank back: 2 s of OCR for nothing
            continue
        read = _read_page(original)
        turn = 0
        if read.doubtful > TURN_CHECK and (turn := upright_turn(original.image)):
            # A page that reads as noise may be sideways or upside down: tesseract's script
            # and orientation detection is asked only then, and the page read again turned.
            read = _read_page(dataclasses.replace(
                original, image=original.image.rotate(turn, expand=True, fillcolor=255)))
        laid += read.lines
        page_models.append(read.page)
        qualities[original.number] = read.quality
        images.add(original.number, read.image, original.dpi)
        size = (original.image.width * 72.0 / original.dpi,
                original.image.height * 72.0 / original.dpi)
        turns[original.number] = _Turns(size, turn, read.skew)
        beside_strokes |= read.beside_strokes
    if not images:
        raise UnreadableInputError("the scan is empty (no dark marks on its pages)")
    if not any(line.text.strip() for line in laid):
        # Grey paper without print passes the check above, and is white once normalised.
        raise UnreadableInputError("no text could be read on the scan (a blank page?)")
    form = read_page_form(page_models, SOURCE)

    worst = max(qualities.values(), key=QUALITIES.index, default=POOR)
    counts = Counter(word_key(word) for line in laid for word in line.text.split())
    repeated = {word for word, n in counts.items() if n >= REPEATED_READINGS}
    ticker, issuer = form.issuer.issuer_trading_symbol.value, form.issuer.issuer_name.value
    spelled = {word_key(ticker)} if ticker and issuer and ticker_spelled_by(ticker, issuer) \
        else set()
    corroborated = frozenset(repeated | spelled)
    # Every word the document holds, against which a word read alike by both engines is
    # checked for a slip of the print ("Eion" where box 1 reads "Elon").
    document_words = frozenset(counts)

    def judge_with(second: dict[tuple[int, str], SecondReading]) -> Judge:
        index = {id(line): i for i, line in enumerate(laid)}

        def judge(line: LaidLine | None, raw: str, path: str) -> tuple[float, str | None]:
            if line is None:  # not found on the page: as doubtful as the worst page allows
                return trust(path, 0.0, worst)
            return trust(path, line.confidence_of(raw), qualities.get(line.page, POOR), raw,
                         corroborated, second.get((index[id(line)], raw)), document_words)

        return judge

    # Values tesseract's reading cannot pass are read again by a second engine; a reading the
    # document bears out is taken into the words, and the form read again from them.
    doubted, passed = _doubted_values(form, laid, judge_with({}), images, beside_strokes)
    mended, second = settle(laid, doubted, read_again(images, [d.words for d in doubted]),
                            passed)
    if any(new is not old for new, old in zip(mended, laid, strict=True)):
        laid = mended
        page_models = [dataclasses.replace(page, words=tuple(
            w for line in laid if line.page == page.number for w in line.words))
            for page in page_models]
        form = read_page_form(page_models, SOURCE)
    return _on_pages_as_given(judged(form, laid, judge_with(second)), turns)


def judged(form: Form4, laid: list[LaidLine], judge: Judge) -> Form4:
    """Every value's confidence capped as ``judge`` says of the OCR words it was read from.

    A value's words are the laid words inside its box; ``judge`` is given the first laid line
    that holds them (the second engine reads a value again from that line on).
    """
    line_of = {id(w): i for i, line in enumerate(laid) for w in line.words}
    on_page: dict[int, list[Word]] = {}
    for line in laid:
        on_page.setdefault(line.page, []).extend(line.words)

    def place(path: str, field: Field) -> Field:
        if field.value is None and not field.review_reason:
            return field
        prov = field.provenance
        raw = prov.raw_text or "" if prov is not None else ""
        line = None
        if prov is not None and prov.bbox is not None and prov.page is not None:
            x0, top, x1, bottom = prov.bbox
            inside = [line_of[id(w)] for w in on_page.get(prov.page, ())
                      if x0 - 0.5 <= w.cx <= x1 + 0.5 and top - 0.5 <= w.cy <= bottom + 0.5
                      and id(w) in line_of]
            line = laid[min(inside)] if inside else None
        cap, reason = judge(line, words_of_value(field.value, raw), path)
        if cap < field.confidence:
            field = dataclasses.replace(field, confidence=cap,
                                        review_reason=field.review_reason or reason)
        return field

    return map_fields(form, place)


@dataclass(frozen=True, slots=True)
class _Turns:
    """How a page was turned to be read."""

    #: The page as given (points).
    size: tuple[float, float]
    #: The quarter turns (degrees counter-clockwise) that set it upright.
    turn: int
    #: The degrees deskew then straightened it by.
    skew: float


def _on_pages_as_given(form: Form4, turns: dict[int, _Turns]) -> Form4:
    """Every value's box moved from the page as read (turned upright, straightened) to the page
    as given, where a reviewer sees the scan."""
    def place(_: str, field: Field) -> Field:
        prov = field.provenance
        if prov is None or prov.bbox is None or prov.page not in turns:
            return field
        page = turns[prov.page]
        if not page.turn and not page.skew:
            return field
        bbox = box_before_turns(prov.bbox, page.size, page.turn, page.skew)
        return dataclasses.replace(field, provenance=dataclasses.replace(prov, bbox=bbox))

    return map_fields(form, place)


def _doubted_values(form: Form4, laid: list[LaidLine], judge: Judge,
                    images: Mapping[int, tuple[Image.Image, float]], beside_strokes: set[int]
                    ) -> tuple[list[Doubted], list[tuple[str, str]]]:
    """The values whose reading ``judge`` does not pass, or that did not parse at all, with the
    words they were read from; and the (path, text) of the values it passes.
    ``beside_strokes`` are the ids of the words beside a stroke tesseract dropped."""
    index = {id(line): i for i, line in enumerate(laid)}
    pixels: dict[int, tuple[np.ndarray, float]] = {}
    unparsed = {path for path, field in iter_fields(form)
                if field.value is None and field.review_reason}
    doubted: list[Doubted] = []
    passed: list[tuple[str, str]] = []

    def note(line: LaidLine | None, raw: str, path: str) -> tuple[float, str | None]:
        cap, reason = judge(line, raw, path)
        if reason is None and path not in unparsed:
            passed.append((path, raw))
        elif line is not None and value_kind(path) in READ_AGAIN:
            found = find_value_words(laid, index[id(line)], raw)
            if found is not None:
                words = [w for i, first, count in found.runs
                         for w in laid[i].words[first:first + count]]
                doubted.append(Doubted(
                    path, index[id(line)], raw, found,
                    _stops_seen(laid, found, images, pixels) if value_kind(path) == NOTE else 0,
                    any(id(w) in beside_strokes for w in words)))
        return cap, reason

    judged(form, laid, note)
    return doubted, passed


def _stops_seen(laid: list[LaidLine], found: ValueWords,
                images: Mapping[int, tuple[Image.Image, float]],
                pixels: dict[int, tuple[np.ndarray, float]]
                ) -> int:
    """The full stops at the end of a value's last word, its own and those the pixels show
    after it (three at most)."""
    line, first, count = found.runs[-1]
    word = laid[line].words[first + count - 1]
    if word.page not in pixels:  # each page unpacked once
        image, dpi = images[word.page]
        pixels[word.page] = (np.asarray(image, dtype=np.uint8), dpi)
    page_pixels, dpi = pixels[word.page]
    own = len(word.text) - len(word.text.rstrip("."))
    return own + dots_after(page_pixels, dpi / 72.0, word, most=3 - own)


@dataclass(frozen=True, slots=True)
class _ReadPage:
    """One page as read by tesseract."""

    lines: list[LaidLine]
    #: The share of its words read with doubt.
    doubtful: float
    #: Its quality (:func:`page_quality_of`).
    quality: str
    #: The image tesseract read: straightened, rules painted out.
    image: Image.Image
    #: The ids of the words just left of a stroke tesseract dropped as debris.
    beside_strokes: frozenset[int]
    #: The degrees deskew turned it by (counter-clockwise).
    skew: float
    #: The page as the geometric layout reads it: the OCR words, the marks, the rules.
    page: Page


def _read_page(original: PageImage) -> _ReadPage:
    """One page read by tesseract and laid out."""
    # Each tesseract starts (loads its model) while the page is prepared, or read, by another
    # hand: a tenth of a second a pass taken off the page's time (ingest.ocr.Tesseract).
    with Tesseract(PAGE_CONFIG) as page_pass:
        # Paper white and ink dark first: every later step tells ink by its level.  Then
        # specks: scanner dust and fax noise otherwise read as letters and marks.
        image = despeckle(normalize_contrast(original.image, original.dpi), original.dpi)
        if original.source_dpi < MIN_NATIVE_DPI <= original.dpi:  # a fax-class page, enlarged
            image = smooth_enlarged_fax(image)
        straight, skew = deskew(image)
        page = PageImage(straight, original.dpi, original.number, original.scanned_dpi)
        h_rules, v_rules, cleaned = find_rules(page.image, page.dpi)
        rects = rectangles(h_rules, v_rules, page.image.width * 72.0 / page.dpi)
        with Tesseract(REGIONS_CONFIG) as cells_pass, \
                Tesseract(REGIONS_CONFIG) as enlarged_pass:
            found = ocr_words(cleaned, page.dpi, page.number, page_pass)
            found = reread_cells(cleaned, page, rects, found, cells_pass, enlarged_pass)
    softness = edge_softness(straight)
    boxes = find_check_marks(page, found)
    marks, squares = boxes.marks, boxes.squares
    found = [dataclasses.replace(w, word=dataclasses.replace(w.word, text=boxes.label_words[i]))
             if i in boxes.label_words else w for i, w in enumerate(found)]
    # tesseract reads the squares themselves as "[X]", "oO", "L]": the marks replace them.
    found = [w for w in found if not any(
        sq[0] - 1 <= w.word.cx <= sq[2] + 1 and sq[1] - 1 <= w.word.cy <= sq[3] + 1
        for sq in squares)]
    found = join_split_dates(glue_punctuation(found))
    # Not on a fax, where a speck after a word looks like a full stop.
    if page_quality_of(doubtful_share([(w.word.text, w.confidence) for w in found]), softness,
                       original.source_dpi) != POOR:
        found = restore_full_stops(cleaned, page.dpi, found)
    tidied = [(item, tidy_word(item)) for item in found]
    kept = [repair_misread_ocr_word(kept) for _, kept in tidied if kept is not None]
    strokes = [item for item, kept in tidied
               if kept is None and STROKE.fullmatch(item.word.text)]
    beside = beside_dropped_strokes(kept, strokes)
    found = align_to_lines([OcrWord(w.word, min(w.confidence, BESIDE_DROPPED), w.line)
                            if id(w) in beside else w for w in kept])
    doubtful = doubtful_share([(w.word.text, w.confidence) for w in found])
    quality = page_quality_of(doubtful, softness, original.source_dpi)
    words = [dataclasses.replace(item.word, confidence=item.confidence / 100.0)
             for item in found]
    # align_to_lines keeps the order of the words it is given.
    marked = frozenset(id(word) for word, item in zip(words, kept, strict=True)
                       if id(item) in beside)
    width, height = (v * 72.0 / page.dpi for v in page.image.size)
    page_model = Page(page.number, width, height, tuple(words + marks), tuple(rects))
    laid = lay_out_page(page_model)
    return _ReadPage(laid, doubtful, quality, cleaned, marked, skew, page_model)
