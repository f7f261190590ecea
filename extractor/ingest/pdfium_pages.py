"""A born-digital PDF's pages read into the page model with PDFium (pypdfium2), fast.

pdfplumber (pdfminer) interprets each page in Python, ~70 ms a Form 4 page; PDFium parses it
in C and hands over each character's box, so a page takes a few milliseconds.  The words come
out as pdfplumber's ``extract_words(x_tolerance=1.5, y_tolerance=2.5)`` makes them (the
readers were tuned on those), the drawn rectangles and rules as :class:`Rect`.

Words: lines are chains of characters whose tops lie within 2.5 pt of the next; a line is read
along its text direction and a word ends at a printed space, at a gap over 1.5 pt (a fifth of
the size in smaller print) or where the
top jumps over 2.5 pt (for vertical text the two tolerances swap, as in pdfplumber).  Spaces
PDFium makes up itself ("generated" where it guesses a word gap or line end) do not split.
The page's /Rotate is applied, so coordinates are as the page is shown, and rotated text is
read in its own reading order (pdfplumber reads it top to bottom, spelling upward text
backwards).  The boxes are pdfminer's, from descent to descent + size and across the advance,
built from PDFium's *loose* box: its sides are the advance, but widened to the ink where a
glyph sticks out (Times "f", an em dash), so there the font's width is used; its bottom is
the descent, but of PDFium's own metrics for the 14 standard fonts, so there it is moved to
pdfminer's; its top is the font's ascent, so the top is one size above the bottom.  The *tight*
box is the ink (a "." is a dot): no use for lines.  ``size`` is the font size times the text
matrix's vertical scale, the glyphs' height as shown.
The drawn rectangles and rules are :mod:`extractor.ingest.pdfium_rects`'; the bare PDFium
calls both make are :mod:`extractor.ingest.pdfium_calls`'.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractor.errors import ScannedPdfError, UnreadableInputError
from extractor.ingest.page import Page, Word
from extractor.ingest.pdfium_calls import (
    IDENTITY,
    Box,
    Handle,
    Matrix,
    char_box,
    char_origin,
    count_form,
    count_objects,
    get_form_object,
    get_object,
    is_generated,
    loose_box,
    matrix_of,
    multiply,
    object_matrix,
    object_type,
)
from extractor.ingest.pdfium_rects import read_rects

#: pdfplumber's tolerances: along a line a gap over X ends a word; tops within Y share a line.
X_TOLERANCE = 1.5
Y_TOLERANCE = 2.5

#: True when a page's image boxes, width and height make it a scan.
ScanTest = Callable[[list[Box], float, float], bool]

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl",
                            "ﬆ": "st", "ﬅ": "st"})
#: PDFium turns a hyphen it takes for a line-end hyphenation into U+FFFE (old builds: 2).
_HYPHENS = str.maketrans({"\ufffe": "-", "\x02": "-"})
#: pdfminer's descents (em) of the standard fonts, from its own table, not PDFium's.
_DESCENTS = {f"{family}{style}": descent for families, descent, styles in (
    (("Helvetica", "Arial"), 0.207, ("", "-Bold", "-Oblique", "-BoldOblique")),
    (("Times", "TimesNewRoman"), 0.217, ("-Roman", "", "-Bold", "-Italic", "-BoldItalic")),
    (("Courier", "CourierNew"), 0.194, ("", "-Bold", "-Oblique", "-BoldOblique")))
    for family in families for style in (*styles, ",Bold", ",Italic", ",BoldItalic")}
_DESCENTS.update({"Symbol": 0.0, "ZapfDingbats": 0.0})
#: A direction's line space from the shown (x, y): along the line u, across it v (downward).
_TO_LINE = {"ltr": lambda x, y: (x, y), "rtl": lambda x, y: (-x, -y),
            "ttb": lambda x, y: (y, -x), "btt": lambda x, y: (-y, x)}


def read_pdf_pages(data: bytes, page_is_scan: ScanTest | None = None) -> list[Page]:
    """Every page of the PDF ``data``, with its words and drawn rectangles.

    Raises :class:`UnreadableInputError` for an encrypted, corrupt or page-less PDF, and
    :class:`ScannedPdfError` for a page ``page_is_scan`` calls a scan from its image boxes
    (checked before its text is read).
    """
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if err.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise UnreadableInputError("the PDF is encrypted (password protected)") from None
        raise UnreadableInputError(f"corrupt or unreadable PDF ({_reason(err)})") from None
    try:
        if len(document) == 0:
            raise UnreadableInputError("the PDF has no pages")
        pages = []
        for index in range(len(document)):
            try:
                page = document[index]
            except pdfium.PdfiumError as err:
                raise UnreadableInputError(
                    f"corrupt or unreadable PDF (page {index + 1}: {_reason(err)})") from None
            try:
                pages.append(_read_page(page, index + 1, page_is_scan))
            finally:
                page.close()
        return pages
    finally:
        document.close()


def _reason(err: Exception) -> str:
    text = str(err).splitlines()[0] if str(err) else type(err).__name__
    return text.removeprefix("Failed to load document ").strip("().")[:80]


def _read_page(page: pdfium.PdfPage, number: int, page_is_scan: ScanTest | None) -> Page:
    x0, y0, x1, y1 = page.get_bbox()
    rotation = page.get_rotation() % 360
    shown: Matrix = {0: (1.0, 0.0, 0.0, -1.0, -x0, y1), 90: (0.0, 1.0, 1.0, 0.0, -y0, -x0),
                     180: (-1.0, 0.0, 0.0, 1.0, x1, -y0),
                     270: (0.0, -1.0, -1.0, 0.0, y1, x1)}[rotation]
    width, height = (round(side, 4) for side in page.get_size())  # PDFium keeps float32
    paths: list[tuple[Handle, Matrix]] = []
    images: list[Box] = []
    ways: set[str] = set()
    _walk(Handle(ctypes.cast(page.raw, ctypes.c_void_p).value), False, IDENTITY, shown,
          paths, images, ways)
    if page_is_scan is not None and page_is_scan(images, width, height):
        raise ScannedPdfError(f"page {number} of the PDF is a scan")
    textpage = page.get_textpage()
    try:
        words = _Words(textpage.raw, shown).read(number, ways)
    finally:
        textpage.close()
    return Page(number, width, height, words, read_rects(paths, shown))


def _direction(shown: Matrix, a: float, b: float) -> str:
    """Which way text whose baseline is the page-space vector (a, b) runs, as shown."""
    dx, dy = shown[0] * a + shown[2] * b, shown[1] * a + shown[3] * b
    if abs(dx) >= abs(dy):
        return "ltr" if dx > 0 else "rtl"
    return "ttb" if dy > 0 else "btt"


def _walk(holder: Handle, form: bool, parent: Matrix, shown: Matrix,
          paths: list[tuple[Handle, Matrix]], images: list[Box], ways: set[str]) -> None:
    """Sort a page's (or a form XObject's) objects, forms opened: paths with the matrix they
    sit in, image boxes as shown, and the directions text runs in."""
    get = get_form_object if form else get_object
    matrix = pdfium_c.FS_MATRIX()
    pointer, p, q, r, s = ctypes.byref(matrix), *parent[:4]
    last = None
    for index in range((count_form if form else count_objects)(holder)):
        obj = get(holder, index)
        kind = object_type(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths.append((obj, parent))
        elif kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            object_matrix(obj, pointer)
            baseline = (matrix.a * p + matrix.b * r, matrix.a * q + matrix.b * s)
            if baseline != last:
                ways.add(_direction(shown, *baseline))
                last = baseline
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:  # the unit square, placed
            a, b, c, d, e, f = multiply(multiply(matrix_of(obj), parent), shown)
            xs, ys = (e, a + e, c + e, a + c + e), (f, b + f, d + f, b + d + f)
            images.append((min(xs), min(ys), max(xs), max(ys)))
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            _walk(obj, True, multiply(matrix_of(obj), parent), shown, paths, images, ways)


# --- words ---------------------------------------------------------------------------------
# Characters go to the line space of their direction: u along the line, v across it, downward
# (v1 is a character's descent edge, v0 its top).  Directions are coded 0-3 as in _WAYS.

_WAYS = ("ltr", "rtl", "ttb", "btt")
#: The characters ``str.isspace`` calls white space (those a PDF's text can hold).
_BLANKS = np.array([*range(9, 14), *range(28, 33), 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
                    0x2028, 0x2029, 0x202F, 0x205F, 0x3000], np.uint32)
_SURROGATE = re.compile("[\ud800-\udfff]")
_ODD = re.compile("[\xad\ufb00-\ufb06]")


class _Words:
    """One page's characters read from PDFium and grouped into words, array-wise (a Form 4
    page has some 5,000 characters: Python work per character is the time to save)."""

    def __init__(self, raw: Any, shown: Matrix) -> None:  # raw: pypdfium2's FPDF_TEXTPAGE
        self.raw, self.shown = raw, shown
        self.handle = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
        self.matrix = pdfium_c.FS_MATRIX()
        self.edges = [ctypes.c_double() for _ in range(4)]  # left, top, right, bottom
        self.tight = [ctypes.byref(self.edges[k]) for k in (0, 2, 3, 1)]  # as GetCharBox
        self.origin = (ctypes.c_double(), ctypes.c_double())

    def read(self, number: int, ways: set[str]) -> tuple[Word, ...]:
        raw, handle, shown = self.raw, self.handle, self.shown
        count = pdfium_c.FPDFText_CountChars(raw)
        text = _page_text(raw, count) if count > 0 else ""
        codes = np.frombuffer(text.encode("utf-32-le"), np.uint32)
        blank = np.isin(codes, _BLANKS)
        printed = np.flatnonzero(((codes > 32) & ~blank) | (codes == 2)).tolist()
        if not printed:
            return ()
        n = len(printed)
        # A printed space between two characters of the stream ends a word; PDFium's own
        # ("generated") spaces and line ends do not.
        spaces = [i for i in np.flatnonzero(blank).tolist() if not is_generated(handle, i)]
        index = np.array(printed)
        before = np.searchsorted(np.array(spaces, dtype=int), index)
        space_before = np.zeros(n, bool)
        space_before[1:] = before[1:] != before[:-1]
        space_after = np.append(space_before[1:], False)
        letters = "".join([text[i] for i in printed]).translate(_HYPHENS)
        raw_boxes = (ctypes.c_float * (4 * n))()  # FS_RECTF: left, top, right, bottom
        slot, base = ctypes.c_void_p(), ctypes.addressof(raw_boxes)
        for j, i in enumerate(printed):
            slot.value = base + 16 * j
            loose_box(handle, i, slot)
        boxes = np.frombuffer(raw_boxes, np.float32).reshape(n, 4)  # type: ignore[call-overload]
        left, top, right, bottom = boxes.astype(float).T
        if len(ways) == 1:
            way = np.full(n, _WAYS.index(next(iter(ways))))
        else:  # text runs more ways than one: each character's own (a call each)
            way = np.array([_WAYS.index(self._direction(i)) for i in printed])
        a, b, c, d, e, f = shown
        xs = (a * left + c * bottom + e, a * right + c * top + e)
        ys = (b * left + d * bottom + f, b * right + d * top + f)
        u0, u1, v1, across = (np.empty(n) for _ in range(4))
        for code in np.unique(way).tolist():
            sel = way == code
            (ua, va), (ub, vb) = (_TO_LINE[_WAYS[code]](x[sel], y[sel]) for x, y in zip(
                xs, ys, strict=True))
            u0[sel], u1[sel] = np.minimum(ua, ub), np.maximum(ua, ub)
            v1[sel], across[sel] = np.maximum(va, vb), np.abs(va - vb)
        # One font at one size draws boxes of one extent across the line: look each up once.
        _, first, style_of = np.unique(across + way * 1e5, return_index=True,
                                       return_inverse=True)
        styles = [self._style(printed[j], _WAYS[way[j]], boxes[j], v1[j]) for j in first]
        size, shift, scale = (np.array([s[k] for s in styles])[style_of] for k in (0, 1, 3))
        piece = np.array([s[2] for s in styles])[style_of]
        v1 -= shift
        v0 = v1 - size
        # The font's advance where the loose box has a side of the ink, letter by letter and
        # style by style; not for the letters of one glyph (a ligature's "f" and "f" share
        # the glyph's box) nor for pieces.
        shared = np.zeros(n, bool)
        shared[1:] = (boxes[1:] == boxes[:-1]).all(axis=1)
        shared[:-1] |= shared[1:]
        ords = np.frombuffer(letters.encode("utf-32-le"), np.uint32).astype(np.int64)
        open_ = np.flatnonzero(~piece & ~shared)
        _, first, letter_of = np.unique(style_of[open_] * 0x110000 + ords[open_],
                                        return_index=True, return_inverse=True)
        advances = np.array([self._advance(printed[j], letters[j], boxes[j], scale[j])
                             for j in open_[first].tolist()])[letter_of]
        wide = open_[~np.isnan(advances)]
        u0[wide] = [self._point(printed[j], _WAYS[way[j]])[0] for j in wide.tolist()]
        u1[wide] = u0[wide] + advances[~np.isnan(advances)]
        for j in np.flatnonzero(piece).tolist():
            _mend_piece(j, piece, way, size, v0, v1, v1 - across / 2)
        return tuple(w for code in np.unique(way).tolist() for w in _group(
            np.flatnonzero(way == code), _WAYS[code], u0, u1, v0, v1, size, space_before,
            space_after, letters, number))

    def _direction(self, i: int) -> str:
        pdfium_c.FPDFText_GetMatrix(self.raw, i, self.matrix)
        return _direction(self.shown, self.matrix.a, self.matrix.b)

    def _style(self, i: int, way: str, box: np.ndarray, v1: float
               ) -> tuple[float, float, bool, float]:
        """Character ``i``'s style (``box``: its loose box; ``v1``: its descent edge): size,
        shift to pdfminer's descent (the standard fonts' from pdfminer's table; embedded
        fonts' agree), whether it is a ligature's piece (PDFium cuts a glyph mapped to several
        letters into tight boxes, so its loose box is its tight one), and width scale."""
        raw, matrix, edges = self.raw, self.matrix, self.edges
        pdfium_c.FPDFText_GetMatrix(raw, i, matrix)
        font_size = pdfium_c.FPDFText_GetFontSize(raw, i)
        size = font_size * math.hypot(matrix.c, matrix.d)
        pdfium_c.FPDFText_GetCharBox(raw, i, *(edges[k] for k in (0, 2, 3, 1)))
        piece = all(abs(float(p) - q.value) < 1e-3 for p, q in zip(box, edges, strict=True))
        name = ctypes.create_string_buffer(128)
        known = 0 < pdfium_c.FPDFText_GetFontInfo(raw, i, name, len(name), None) <= len(name)
        descent = _DESCENTS.get(name.value.decode("latin-1")) if known else None
        shift = 0.0
        if descent is not None and not piece:
            shift = (v1 - self._point(i, way)[1]) - descent * size
        return size, shift, piece, font_size * math.hypot(matrix.a, matrix.b)

    def _advance(self, i: int, ch: str, box: np.ndarray, scale: float) -> float:
        """The font's advance of a letter whose loose box has a side of the ink (the tight
        box's), so may be wider than the advance; NaN where the box is the advance."""
        edges = self.edges
        char_box(self.handle, i, *self.tight)
        if abs(edges[0].value - box[0]) < 1e-3 or abs(edges[2].value - box[2]) < 1e-3:
            width = ctypes.c_float()
            font = pdfium_c.FPDFTextObj_GetFont(pdfium_c.FPDFText_GetTextObject(self.raw, i))
            if font and pdfium_c.FPDFFont_GetGlyphWidth(font, ord(ch), 1.0, width) and \
                    width.value > 0:
                return width.value * scale
        return math.nan

    def _point(self, i: int, way: str) -> tuple[float, float]:
        """Character ``i``'s origin in line space."""
        x, y = self.origin
        char_origin(self.handle, i, ctypes.byref(x), ctypes.byref(y))
        a, b, c, d, e, f = self.shown
        return _TO_LINE[way](a * x.value + c * y.value + e, b * x.value + d * y.value + f)


def _mend_piece(j: int, piece: np.ndarray, way: np.ndarray, size: np.ndarray, v0: np.ndarray,
                v1: np.ndarray, middle: np.ndarray) -> None:
    """Give ligature piece ``j`` the across-the-line box of the nearest whole letter beside it
    in the stream of its direction and size whose box holds the piece's ink's middle."""
    for k in itertools.chain(range(j - 1, max(j - 7, -1), -1), range(j + 1, min(j + 7,
                                                                               len(piece)))):
        if not piece[k] and way[k] == way[j] and abs(size[k] - size[j]) < 0.01 and \
                v0[k] <= middle[j] <= v1[k]:
            v0[j], v1[j] = v0[k], v1[k]
            return


def _page_text(raw: object, count: int) -> str:
    """The page's characters by index: PDFium's text in one call, when it lines up with the
    index (as good as always), else character by character."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, count, buffer)
    text = bytes(buffer)[:2 * max(written - 1, 0)].decode("utf-16-le", "surrogatepass")
    get = pdfium_c.FPDFText_GetUnicode
    if len(text) == count and not _SURROGATE.search(text) and all(
            ord(text[i]) == get(raw, i) for i in {0, count // 3, 2 * count // 3, count - 1}):
        return text
    return "".join(chr(code) if 0 < (code := get(raw, i)) < 0x110000 else "\0"
                   for i in range(count))


#: A word gap in small print: a fifth of the size (a space is a quarter of an em or more),
#: where a page printed scaled down sets its spaces closer than the along tolerance.
_GAP_PER_SIZE = 0.2


def _lines(tops: np.ndarray, across: float) -> np.ndarray:
    """Each top's line: a line holds the tops within ``across`` of its first (highest) one.
    Not a chain of neighbours: in a table, cells' lines at staggered heights would chain the
    lines of a wrapped cell into one and interleave their letters."""
    by_top = np.argsort(tops, kind="stable")
    line = np.empty(len(tops), int)
    number, first = -1, -np.inf
    for k, top in zip(by_top.tolist(), tops[by_top].tolist(), strict=True):
        if top - first > across:
            number, first = number + 1, top
        line[k] = number
    return line


def _group(sel: np.ndarray, way: str, u0: np.ndarray, u1: np.ndarray, v0: np.ndarray,
           v1: np.ndarray, size: np.ndarray, space_before: np.ndarray, space_after: np.ndarray,
           letters: str, number: int) -> list[Word]:
    """The characters ``sel`` (of direction ``way``) into words, as pdfplumber's WordExtractor
    makes them: lines of tops within the across tolerance of the line's first, each read along (ties
    in stream order); a word ends at a printed space, at a gap over the along tolerance,
    where the top is off by more than the across one, or where the size changes by a fifth
    (a superscript footnote marker set against its word is a word of its own)."""
    along, across = (Y_TOLERANCE, X_TOLERANCE) if way in ("ttb", "btt") else \
        (X_TOLERANCE, Y_TOLERANCE)
    line = _lines(v0[sel], across)
    ordered = np.lexsort((sel, u0[sel], line))
    order, line = sel[ordered], line[ordered]
    prev, char = order[:-1], order[1:]
    ends = np.ones(len(order), bool)
    ends[1:] = ((line[1:] != line[:-1]) | space_after[prev] | space_before[char]
                | (u0[char] > u1[prev] + np.minimum(along, _GAP_PER_SIZE * size[prev]))
                | (np.abs(v0[char] - v0[prev]) > across)
                | (np.abs(size[char] - size[prev]) > 0.2 * np.maximum(size[char], size[prev])))
    starts = np.flatnonzero(ends)
    boxes = zip(u0[order[starts]].tolist(), np.maximum.reduceat(u1[order], starts).tolist(),
                np.minimum.reduceat(v0[order], starts).tolist(),
                np.maximum.reduceat(v1[order], starts).tolist(), strict=True)
    joined = "".join([letters[k] for k in order.tolist()])
    bounds = [*starts.tolist(), len(order)]
    texts = [joined[lo:hi] for lo, hi in itertools.pairwise(bounds)]
    if _ODD.search(joined):  # ligatures spelt out; a soft hyphen only where it ends a word
        texts = [(t[:-1].replace("\xad", "") + ("-" if t[-1] == "\xad" else t[-1]))
                 .translate(_LIGATURES) for t in texts]
    sizes = size[order[starts]].tolist()
    if way == "ltr":
        return [Word(t, x0, x1, top, bottom, number, 1.0, z)
                for t, (x0, x1, top, bottom), z in zip(texts, boxes, sizes, strict=True)]
    shown = {"rtl": lambda u0, u1, v0, v1: (-u1, -u0, -v1, -v0),
             "ttb": lambda u0, u1, v0, v1: (-v1, -v0, u0, u1),
             "btt": lambda u0, u1, v0, v1: (v0, v1, -u1, -u0)}[way]
    return [Word(t, *shown(*box), number, 1.0, z)
            for t, box, z in zip(texts, boxes, sizes, strict=True)]

