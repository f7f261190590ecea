"""Assemble a Form4 from scanned pages (images, image-only PDFs) with tesseract.

A scan is the born-digital layout problem with noisier words: the form's rules are found in the
pixels (:mod:`extractor.layout.scan_rules`) and painted out before OCR, their rectangles and the
OCR words go through the same page layout as a PDF's, and check marks are read as ink inside
the squares beside their labels (:mod:`extractor.layout.scan_checkboxes`).  Whether a value
passes unchecked is decided per kind of value and per page quality from the confidence
tesseract gave its words (:mod:`extractor.assemble.scan_trust`): a doubtful reading is kept
and flagged, not passed.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

import numpy as np
from PIL import Image

from extractor.assemble.pdf import Judge, with_positions
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
from extractor.assemble.text_dump import read_text_form
from extractor.errors import UnreadableInputError
from extractor.fields.cells import REPAIRED_CONFIDENCE
from extractor.fields.dates import is_date_word
from extractor.fields.names import ticker_spelled_by
from extractor.fields.ocr_repair import repair_misread_word, repair_roman_numeral
from extractor.ingest.images import MIN_NATIVE_DPI, PageImage
from extractor.ingest.ocr import (
    OcrWord,
    align_to_lines,
    check_tesseract,
    ocr_regions,
    ocr_words,
)
from extractor.ingest.pdf_words import PdfPage, Rect, Word
from extractor.ingest.preprocess import (
    deskew,
    despeckle,
    edge_softness,
    smooth_enlarged_fax,
    upright_turn,
)
from extractor.knowledge import labels as K
from extractor.knowledge.codes import SECURITY_TITLE_WORDS
from extractor.knowledge.lexicon import is_known_word, word_key
from extractor.knowledge.ocr_confusions import BRACES_AS_PARENTHESES
from extractor.knowledge.value_kinds import NOTE, value_kind
from extractor.layout.pdf_blocks import LaidLine, grid_rows, lay_out_page
from extractor.layout.scan_checkboxes import find_check_marks
from extractor.layout.scan_rules import INK, find_rules, ink_inside, rectangles
from extractor.model import Form4, iter_fields

SOURCE = "ocr"
#: A page with more than this share of words read with doubt may be sideways or upside down.
TURN_CHECK = 0.5


def read_scan_form(pages: list[PageImage]) -> Form4:
    """Read scanned pages into a :class:`Form4` (not yet validated)."""
    check_tesseract()
    if all(page.image.getextrema()[0] > 200 for page in pages):
        raise UnreadableInputError("the scan is empty (no dark marks on its pages)")
    laid: list[LaidLine] = []
    qualities: dict[int, str] = {}
    images: dict[int, tuple[Image.Image, float]] = {}
    beside_strokes: set[int] = set()
    for original in pages:
        read = _read_page(original)
        if read.doubtful > TURN_CHECK and (turn := upright_turn(original.image)):
            # A page that reads as noise may be sideways or upside down: tesseract's script
            # and orientation detection is asked only then, and the page read again turned.
            read = _read_page(dataclasses.replace(
                original, image=original.image.rotate(turn, expand=True, fillcolor=255)))
        laid += read.lines
        qualities[original.number] = read.quality
        images[original.number] = (read.image, original.dpi)
        beside_strokes |= read.beside_strokes
    form = read_text_form("\n".join(line.text for line in laid), distrust_noisy_text=False)

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
        form = read_text_form("\n".join(line.text for line in laid), distrust_noisy_text=False)
    return with_positions(form, laid, SOURCE, judge_with(second))


def _doubted_values(form: Form4, laid: list[LaidLine], judge: Judge,
                    images: dict[int, tuple[Image.Image, float]], beside_strokes: set[int]
                    ) -> tuple[list[Doubted], list[tuple[str, str]]]:
    """The values whose reading ``judge`` does not pass, or that did not parse at all, with the
    words they were read from; and the (path, text) of the values it passes.
    ``beside_strokes`` are the ids of the words beside a stroke tesseract dropped."""
    index = {id(line): i for i, line in enumerate(laid)}
    pixels: dict[int, np.ndarray] = {}
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

    with_positions(form, laid, SOURCE, note)
    return doubted, passed


def _stops_seen(laid: list[LaidLine], found: ValueWords,
                images: dict[int, tuple[Image.Image, float]], pixels: dict[int, np.ndarray]
                ) -> int:
    """The full stops at the end of a value's last word, its own and those the pixels show
    after it (three at most)."""
    line, first, count = found.runs[-1]
    word = laid[line].words[first + count - 1]
    image, dpi = images[word.page]
    if word.page not in pixels:
        pixels[word.page] = np.asarray(image, dtype=np.uint8)
    own = len(word.text) - len(word.text.rstrip("."))
    return own + _dots_after(pixels[word.page], dpi / 72.0, word, most=3 - own)


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


def _read_page(original: PageImage) -> _ReadPage:
    """One page read by tesseract and laid out."""
    # Specks first: scanner dust and fax noise otherwise read as letters and marks.
    image = despeckle(original.image, original.dpi)
    if original.source_dpi < MIN_NATIVE_DPI <= original.dpi:  # a fax-class page, enlarged
        image = smooth_enlarged_fax(image)
    straight, _ = deskew(image)
    softness = edge_softness(straight)
    page = PageImage(straight, original.dpi, original.number, original.scanned_dpi)
    h_rules, v_rules, cleaned = find_rules(page.image, page.dpi)
    rects = rectangles(h_rules, v_rules, page.image.width * 72.0 / page.dpi)
    found = ocr_words(cleaned, page.dpi, page.number)
    found = _reread_cells(cleaned, page, rects, found)
    boxes = find_check_marks(page, found)
    marks, squares = boxes.marks, boxes.squares
    found = [dataclasses.replace(w, word=dataclasses.replace(w.word, text=boxes.label_words[i]))
             if i in boxes.label_words else w for i, w in enumerate(found)]
    # tesseract reads the squares themselves as "[X]", "oO", "L]": the marks replace them.
    found = [w for w in found if not any(
        sq[0] - 1 <= w.word.cx <= sq[2] + 1 and sq[1] - 1 <= w.word.cy <= sq[3] + 1
        for sq in squares)]
    found = _join_split_dates(_glue_punctuation(found))
    # Not on a fax, where a speck after a word looks like a full stop.
    if page_quality_of(doubtful_share([(w.word.text, w.confidence) for w in found]), softness,
                       original.source_dpi) != POOR:
        found = _restore_full_stops(cleaned, page.dpi, found)
    tidied = [(item, _tidy(item)) for item in found]
    kept = [_repair_misread_word(kept) for _, kept in tidied if kept is not None]
    strokes = [item for item, kept in tidied
               if kept is None and _STROKE.fullmatch(item.word.text)]
    beside = _beside_dropped_strokes(kept, strokes)
    found = align_to_lines([OcrWord(w.word, min(w.confidence, _BESIDE_DROPPED), w.line)
                            if id(w) in beside else w for w in kept])
    doubtful = doubtful_share([(w.word.text, w.confidence) for w in found])
    quality = page_quality_of(doubtful, softness, original.source_dpi)
    words = [dataclasses.replace(item.word, confidence=item.confidence / 100.0)
             for item in found]
    # align_to_lines keeps the order of the words it is given.
    marked = frozenset(id(word) for word, item in zip(words, kept, strict=True)
                       if id(item) in beside)
    width, height = (v * 72.0 / page.dpi for v in page.image.size)
    laid = lay_out_page(PdfPage(page.number, width, height, tuple(words + marks),
                                tuple(rects)))
    return _ReadPage(laid, doubtful, quality, cleaned, marked)


_DEBRIS = re.compile(r"^[\W_]+$")
#: Punctuation-only tokens that are print, not debris: brackets round a ticker, "$", "(1)",
#: "/" of "Name / Address", "&" of a company name, the dash of "Exhibit 24 - Power", the colon
#: of "By : /s/".
_KEPT_MARKS = re.compile(r"\(\d+\)|[$%()\[\]/&:-]|\*+")
_EDGE_JUNK = "‘’'`|!_—–=~"


#: A check box with a mark, as OCR reads it: "[xX]", "[X", "(X)", "X]".
_MARKED_BOX = re.compile(r"[\[(|][xX]{1,2}[\])|]?|[xX]{1,2}[\])|]")
#: A lone stroke that OCR could not settle: "I", "l", "1", or a rule's remnant.
_STROKE = re.compile(r"[|!\[\]]")
#: The confidence (0-100) left to a word beside a dropped stroke.
_BESIDE_DROPPED = 60.0


def _beside_dropped_strokes(kept: list[OcrWord], dropped: list[OcrWord]) -> set[int]:
    """The ids of the words just left of a stroke that was dropped as debris ("Unitrust |",
    where the print says "Unitrust I"): they may have lost a letter, so their value is checked
    rather than passed short, even when a second engine reads it alike (it skips a lone
    stroke too)."""
    doubted: set[int] = set()
    for stroke in dropped:
        near = [w for w in kept if 0 <= stroke.word.x0 - w.word.x1 < 4
                and abs(w.word.cy - stroke.word.cy) < 3]
        doubted.update(id(w) for w in near)
    return doubted


def _tidy(item: OcrWord) -> OcrWord | None:
    """Rule fragments and stray marks dropped; quote and bar debris trimmed off word edges;
    "company’s" as "company's"."""
    # Inside a word a typographic apostrophe is tesseract's rendering of the typed one.
    text = repair_roman_numeral(item.word.text.strip(_EDGE_JUNK)).replace("’", "'")
    text = text.translate(BRACES_AS_PARENTHESES)
    if text.endswith("..") and not text.endswith("..."):
        text = text[:-1]  # a speck read as a second full stop: prose has one, or three
    if _MARKED_BOX.fullmatch(text):
        text = "X"  # a marked check box tesseract read as text, its square not found
    if not text or (_DEBRIS.match(text) and not _KEPT_MARKS.fullmatch(text)):
        return None
    if text == item.word.text:
        return item
    return OcrWord(dataclasses.replace(item.word, text=text), item.confidence, item.line)


_PUNCTUATION = {".", ",", ";", ":"}
#: Widest gap (points) across which a mark joins the word before it: a full stop or comma
#: sits close; a colon may be typed after a space ("By : /s/"), whose gap is a space's, about
#: 2 points at the form's size.
_GLUE_GAP = {":": 1.2, ";": 1.2}


def _glue_punctuation(found: list[OcrWord]) -> list[OcrWord]:
    """A full stop or comma that tesseract returned as a word of its own ("price" ".") joins
    the word it follows on the line; alone it would be dropped as debris."""
    marks = [w for w in found if w.word.text in _PUNCTUATION]
    if not marks:
        return found
    glued: dict[int, tuple[str, float]] = {}
    used: set[int] = set()
    for mark in marks:
        gap = _GLUE_GAP.get(mark.word.text, 2.5)
        before = [w for w in found if w.word.text not in _PUNCTUATION
                  and 0 <= mark.word.x0 - w.word.x1 < gap
                  and w.word.top - 1 <= mark.word.cy <= w.word.bottom + 2]
        if before:
            word = max(before, key=lambda w: w.word.x1)
            text, _ = glued.get(id(word), (word.word.text, word.word.x1))
            glued[id(word)] = (text + mark.word.text, mark.word.x1)
            used.add(id(mark))
    return [OcrWord(dataclasses.replace(w.word, text=glued[id(w)][0], x1=glued[id(w)][1]),
                    w.confidence, w.line)
            if id(w) in glued else w for w in found if id(w) not in used]


def _restore_full_stops(image: Image.Image, dpi: float, found: list[OcrWord]
                        ) -> list[OcrWord]:
    """Full stops that tesseract's sparse-text pass left out ("price The shares", "Revocable."
    for "Revocable...") are put back where the pixels show them: small, round dots on the
    baseline just after the word, with no ink above them.  Not on a fax, where a dot may be a
    speck of noise (on office scans it put "Revocable..." right, and nothing wrong)."""
    pixels = np.asarray(image, dtype=np.uint8)
    scale = dpi / 72.0
    out = []
    for item in found:
        word = item.word
        stops = 0
        if word.text[-1:].isalnum() or word.text.endswith("."):
            read_stops = len(word.text) - len(word.text.rstrip("."))
            stops = _dots_after(pixels, scale, word, most=3 - read_stops)  # an ellipsis at most
        if stops:
            item = OcrWord(dataclasses.replace(word, text=word.text + "." * stops),
                           item.confidence, item.line)
        out.append(item)
    return out


def _dots_after(pixels: np.ndarray, scale: float, word: Word, most: int) -> int:
    """How many full stops (at most ``most``) the pixels show right after ``word``."""
    height = word.bottom - word.top
    x = word.x1 + 0.02 * height
    y0, y1 = int(word.top * scale), int((word.bottom + 0.05 * height) * scale)
    count = 0
    while count < most:
        x0, x1 = int(x * scale), int((x + 0.5 * height) * scale)
        region = pixels[y0:y1, x0:x1] < INK
        if region.size == 0 or not region.any():
            break
        columns = region.any(axis=0)
        first = int(np.argmax(columns))
        # The blob: the run of inked columns from the first one.
        blank = np.nonzero(~columns[first:])[0]
        if blank.size == 0:
            break  # runs off the window: wider than a dot
        last = first + int(blank[0]) - 1
        blob = region[:, first:last + 1]
        rows = np.nonzero(blob.any(axis=1))[0]
        dot_h, dot_w = (rows[-1] - rows[0] + 1) / scale, (last - first + 1) / scale
        low = rows[0] >= 0.5 * (y1 - y0)  # only low in the line: no letter there
        if not (low and 0.4 <= dot_w <= 0.2 * height + 0.6 and 0.4 <= dot_h <= 1.5 * dot_w):
            break
        if count and first / scale > 0.35 * height:
            break  # too far from the dot before it: the next one is a word's
        count += 1
        x += (last + 1) / scale
    return count




def _join_split_dates(found: list[OcrWord]) -> list[OcrWord]:
    """A date tesseract split in two at a wide digit ("04/1" "2/2024": a "1" leaves a gap as
    wide as a space) is one word again, when the pieces sit closer than a space and together,
    but not apart, make a full date."""
    ordered = sorted(found, key=lambda w: (w.word.page, round(w.word.top), w.word.x0))
    out: list[OcrWord] = []
    for item in ordered:
        last = out[-1].word if out else None
        word = item.word
        if last is not None and abs(last.top - word.top) < 2 and \
                0 <= word.x0 - last.x1 < 0.3 * (word.bottom - word.top) and \
                is_date_word(last.text + word.text) and \
                not is_date_word(last.text) and not is_date_word(word.text):
            joined = dataclasses.replace(last, text=last.text + word.text, x1=word.x1)
            out[-1] = OcrWord(joined, min(out[-1].confidence, item.confidence), out[-1].line)
            continue
        out.append(item)
    return out


#: Words tesseract gives less than this confidence (0-100) have their table cell read again.
REREAD_BELOW = 60.0
#: From this resolution (dpi) up a scan's print is sharp enough to be read at its own size.
SHARP_DPI = 250


def _reread_cells(image: Image.Image, page: PageImage, rects: list,
                  found: list[OcrWord]) -> list[OcrWord]:
    """The second, targeted pass: table cells with ink but no word (a lone code letter, "P",
    "I", that sparse-text OCR skips) or with a doubtful word are read again, all in one
    tesseract call; a re-read replaces the cell's words when tesseract is surer of it.

    On an office scan (:data:`MIN_NATIVE_DPI` to :data:`SHARP_DPI`) every date is read again
    too, however sure tesseract was: a blurred 5 reads as a 6 with confidence 90 at the page's
    size, and as a 5 at twice the size.  Measured on the office200 PDFs: 13 dates read
    differently so, 11 from wrong to right (box 3's "06/02/2019" for "05/02/2019" among them),
    2 from wrong to wrong, none from right to wrong.  On a fax the two sizes disagree either
    way (16 right to wrong, 17 wrong to right), so a fax's dates are not read again.
    """
    targets: list[tuple[Rect, list[OcrWord]]] = []
    by_middle = sorted(found, key=lambda w: w.word.cy)
    middles = [w.word.cy for w in by_middle]
    for row in grid_rows(list(rects)):
        if len(row) < 3:
            continue
        # The words whose middles lie in the row's height, found by bisection: a page has
        # hundreds of cells and of words.
        top, bottom = min(c.top for c in row) - 0.5, max(c.bottom for c in row) + 0.5
        near = by_middle[bisect_left(middles, top):bisect_right(middles, bottom)]
        for cell in row:
            inside = [w for w in near if cell.contains(w.word.cx, w.word.cy)]
            if inside and min(w.confidence for w in inside) >= REREAD_BELOW:
                continue
            box = (cell.x0, cell.top, cell.x1, cell.bottom)
            if not inside and ink_inside(image, page.dpi, box, inset=2.0) < 0.002:
                continue
            targets.append((cell, inside))
    regions = [(c.x0 + 1.5, c.top + 1.5, c.x1 - 1.5, c.bottom - 1.5) for c, _ in targets]
    targeted = {id(w) for _, inside in targets for w in inside}
    dates = [w for w in found if MIN_NATIVE_DPI <= page.source_dpi < SHARP_DPI
             and id(w) not in targeted and is_date_word(w.word.text)]
    regions += [(w.word.x0 - 2, w.word.top - 2, w.word.x1 + 2, w.word.bottom + 2)
                for w in dates]
    if not regions:
        return found
    # Cells of a page scanned below SHARP_DPI are read at twice the size, even when the page
    # was enlarged before OCR: on the fax150 PDFs (enlarged to 300 dpi) a lone code letter
    # read right 40 times in 60 so, 3 times at the page's size ("$s", "S$", "Ss").
    reread = ocr_regions(image, page.dpi, page.number, regions,
                         scale=2.0 if page.source_dpi < SHARP_DPI else 1.0)
    replaced: set[int] = set()
    extra: list[OcrWord] = []
    for (_, inside), again in zip(targets, reread[:len(targets)], strict=True):
        if not again:
            continue
        before = min((w.confidence for w in inside), default=-1.0)
        if min(w.confidence for w in again) > before:
            replaced.update(id(w) for w in inside)
            # A stroke alone in a cell is a letter or digit (I, l, 1), never the markdown bar
            # the layout would take it for; the column's type decides which (fields.ocr_repair).
            extra += [w if w.word.text != "|" else
                      OcrWord(dataclasses.replace(w.word, text="l"), w.confidence)
                      for w in again]
    for date, again in zip(dates, reread[len(targets):], strict=True):
        text = "".join(w.word.text for w in again)
        if not is_date_word(text) or text == date.word.text:
            continue
        confidence = min([date.confidence] + [w.confidence for w in again])
        replaced.add(id(date))
        extra.append(OcrWord(dataclasses.replace(date.word, text=text), confidence, date.line))
    return [w for w in found if id(w) not in replaced] + extra


def _repair_misread_word(item: OcrWord) -> OcrWord:
    """A word that is no word, which one look-alike slip or two turn into exactly one word of
    English or of the form ("fegarding", "eamed", "muitiple"), as that word
    (:func:`extractor.fields.ocr_repair.repair_misread_word`).  A word in capitals (a name, a
    ticker) is left alone, and a capitalised one is changed only into a word of security
    titles ("Cornmon" -> "Common") or of box 1's sub-labels ("Middie" -> "Middle"), because a
    name is no English word either.  Like a repaired cell, it is kept at no more than
    :data:`~extractor.fields.cells.REPAIRED_CONFIDENCE`."""
    fixed = repair_misread_word(item.word.text, is_known_word, _is_form_word)
    if fixed is None:
        return item
    return OcrWord(dataclasses.replace(item.word, text=fixed),
                   min(item.confidence, 100.0 * REPAIRED_CONFIDENCE), item.line)


#: Capitalised words of the form that a capitalised misreading may be repaired into.
_FORM_WORDS = SECURITY_TITLE_WORDS | {label.strip("()").lower()
                                      for label in (*K.NAME_SUBLABELS, *K.ADDRESS_SUBLABELS)}


def _is_form_word(token: str) -> bool:
    return token.lower() in _FORM_WORDS
