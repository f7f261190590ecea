"""The PDFium page reader: words and boxes as pdfplumber (the reader it replaced) gives them on
the project's renderings, the rules and check boxes a PDF draws, rotated pages and text, and
the PDFs it must refuse: encrypted, corrupt, scanned or without text."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from PIL import Image
from reportlab.lib import pdfencrypt
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.errors import ScannedPdfError, UnreadableInputError
from extractor.ingest.page import Page, Rect
from extractor.ingest.pdf_words import read_pdf, read_pdf_with_pdfplumber
from extractor.ingest.pdfium_pages import _lines, read_pdf_pages
from extractor.render import ALTERNATE_STYLE, IR_SITE_STYLE, render_pdf

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
HEIGHT = 792.0


@pytest.fixture(scope="module", params=["default", "alternate", "ir_site"])
def rendered(request: pytest.FixtureRequest, filings: list[Path]) -> bytes:
    style = {"default": None, "alternate": ALTERNATE_STYLE, "ir_site": IR_SITE_STYLE}
    path = next(p for p in filings if p.name.startswith("aapl_cook"))
    return render_pdf(read_edgar_xml(path.read_bytes()), style=style[request.param])


def _pdf(draw: object, pagesize: tuple[float, float] = (612.0, HEIGHT), **options: object
         ) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=pagesize, **options)
    canvas.setFont("Helvetica", 10)
    draw(canvas)  # type: ignore[operator]
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _edges(a: object, b: object) -> float:
    return max(abs(a.x0 - b.x0), abs(a.x1 - b.x1), abs(a.top - b.top),  # type: ignore[attr-defined]
               abs(a.bottom - b.bottom))  # type: ignore[attr-defined]


def _has(rects: tuple[Rect, ...], x0: float, x1: float, top: float, bottom: float,
         filled: bool | None = None) -> bool:
    want = Rect(x0, x1, top, bottom)
    return any(_edges(r, want) < 0.01 and filled in (None, r.filled) for r in rects)


# --- against pdfplumber --------------------------------------------------------------------


def test_words_and_boxes_are_pdfplumbers(rendered: bytes) -> None:
    old, new = read_pdf_with_pdfplumber(rendered), read_pdf(rendered)
    assert [(p.number, p.width, p.height) for p in new] == \
        [(p.number, pytest.approx(p.width), pytest.approx(p.height)) for p in old]
    for before, after in zip(old, new, strict=True):
        assert len(after.words) > 300
        # The same words (the order of lines may differ: pdfplumber chains staggered tops).
        def place(w: object) -> tuple[str, float, float]:
            return (w.text, round(w.x0), round(w.top))  # type: ignore[attr-defined]
        after_words, before_words = sorted(after.words, key=place), sorted(before.words, key=place)
        assert [w.text for w in after_words] == [w.text for w in before_words]
        # pdfminer's boxes (descent to descent + size, the advance across), to a hair.
        assert max(_edges(a, b) for a, b in zip(after_words, before_words, strict=True)) < 0.05
        assert all(w.page == after.number and w.confidence == 1.0 for w in after.words)


def test_word_size_is_its_first_letters_size_as_shown(rendered: bytes) -> None:
    page = read_pdf(rendered)[0]
    with pdfplumber.open(io.BytesIO(rendered)) as pdf:
        plumbed = pdf.pages[0].extract_words(x_tolerance=1.5, y_tolerance=2.5,
                                             extra_attrs=["size"])
    # (pdfplumber, asked for sizes, groups its words by size first: another order.)
    for word in page.words:
        twin = min((p for p in plumbed if p["text"] == word.text),
                   key=lambda p: abs(p["x0"] - word.x0) + abs(p["top"] - word.top))
        assert abs(twin["size"] - word.size) < 0.001  # type: ignore[operator]
    assert len({w.size for w in page.words}) >= 3  # title, labels, values


def test_rects_are_pdfplumbers_and_its_lines(rendered: bytes) -> None:
    new = read_pdf(rendered)
    with pdfplumber.open(io.BytesIO(rendered)) as pdf:
        for page, plumbed in zip(new, pdf.pages, strict=True):
            # Every rectangle (the boxes, table cells and check boxes), with its fill...
            for r in plumbed.rects:
                assert _has(page.rects, r["x0"], r["x1"], r["top"], r["bottom"])
            # ... and every line as a rule as thick as its stroke.
            for line in plumbed.lines:
                half = line["linewidth"] / 2
                assert _has(page.rects, line["x0"] - (half if line["x0"] == line["x1"] else 0),
                            line["x1"] + (half if line["x0"] == line["x1"] else 0),
                            line["top"] - (half if line["top"] == line["bottom"] else 0),
                            line["bottom"] + (half if line["top"] == line["bottom"] else 0))
            assert len(page.rects) == len(plumbed.rects) + len(plumbed.lines)
    squares = [r for r in new[0].rects if 6.5 < r.width < 7.5 and 6.5 < r.height < 7.5]
    assert len(squares) >= 6 and not any(r.filled for r in squares)  # checks are an "X" text


# --- drawn rules and check boxes -----------------------------------------------------------


def _drawing(c: Canvas) -> None:
    c.setLineWidth(0.6)
    c.rect(72, 400, 100, 50, stroke=1, fill=0)  # a box
    c.setFillColorRGB(0, 0, 0)
    c.rect(200, 400, 7, 7, stroke=1, fill=1)  # a check box checked by filling it
    c.setFillColorRGB(0.9, 0.9, 0.9)
    c.rect(220, 400, 7, 7, stroke=0, fill=1)  # a light grey square: not dark
    c.setFillColorCMYK(0, 0, 0, 1)
    c.rect(240, 400, 7, 7, stroke=0, fill=1)  # CMYK black
    c.setFillColorRGB(0.1, 0.1, 0.3)
    c.rect(260, 400, 7, 7, stroke=0, fill=1)  # navy
    c.setFillColorRGB(0, 0, 0)
    c.line(72, 380, 300, 380)  # rules, stroked
    c.line(310, 300, 310, 380)
    c.setLineWidth(2)
    c.line(72, 370, 300, 370)
    c.setLineWidth(0.6)
    c.rect(72, 360, 228, 0.5, stroke=0, fill=1)  # a rule as Chromium prints it
    path = c.beginPath()  # and a border side as a mitred trapezoid
    for x, y in ((72, 350), (300, 350), (299.4, 350.6), (72.6, 350.6)):
        (path.lineTo if x != 72 else path.moveTo)(x, y)
    path.close()
    c.drawPath(path, stroke=0, fill=1)
    for x0, y0, x1, y1 in ((350, 300, 357, 300), (357, 300, 357, 307), (357, 307, 350, 307),
                           (350, 307, 350, 300)):
        c.line(x0, y0, x1, y1)  # a check box drawn as four lines
    c.circle(450, 400, 20, stroke=1, fill=0)  # a curve
    c.line(400, 300, 420, 310)  # a slant
    c.beginForm("box")
    c.rect(0, 0, 10, 10, stroke=1, fill=0)
    c.endForm()
    c.saveState()
    c.translate(500, 500)
    c.scale(2, 2)
    c.doForm("box")  # a rectangle drawn from a form XObject
    c.restoreState()
    c.drawString(72, 700, "Rules")


def test_rectangles_rules_and_check_boxes() -> None:
    rects = read_pdf_pages(_pdf(_drawing))[0].rects
    y = HEIGHT.__sub__
    assert _has(rects, 72, 172, y(450), y(400), False)  # the path's geometry, not its ink
    assert _has(rects, 200, 207, y(407), y(400), True)
    assert _has(rects, 220, 227, y(407), y(400), False)
    assert _has(rects, 240, 247, y(407), y(400), True)
    assert _has(rects, 260, 267, y(407), y(400), True)
    assert _has(rects, 72, 300, y(380.3), y(379.7), False)  # thickened to the stroke
    assert _has(rects, 309.7, 310.3, y(380), y(300), False)
    assert _has(rects, 72, 300, y(371), y(369), False)
    assert _has(rects, 72, 300, y(360.5), y(360), True)
    assert _has(rects, 72, 300, y(350.6), y(350), True)
    assert _has(rects, 350, 357, y(307), y(300), False)  # the square the four lines close
    assert _has(rects, 500, 520, y(520), y(500), False)
    # No curve, no slant.
    assert not [r for r in rects if r.x0 >= 400 and r.top > y(420) and r.x1 < 480]
    assert len(rects) == 12 + 4


# --- rotation ------------------------------------------------------------------------------


def test_a_rotated_page_reads_as_it_is_shown() -> None:
    def landscape(c: Canvas) -> None:
        c.setPageRotation(90)  # reportlab turns the media box too: 792 wide, 612 high
        c.rotate(90)
        c.drawString(72, -100, "Landscape upright words")
        c.rect(72, -60, 50, 20)

    data = _pdf(landscape)
    page = read_pdf_pages(data)[0]
    assert (page.width, page.height) == (612.0, 792.0)
    assert [w.text for w in page.words] == ["Landscape", "upright", "words"]
    first = page.words[0]
    assert (first.x0, first.bottom) == pytest.approx((72.0, 102.07), abs=0.01)
    assert _has(page.rects, 72, 122, 40, 60)
    plumbed = read_pdf_with_pdfplumber(data)[0]
    assert max(_edges(a, b) for a, b in zip(page.words, plumbed.words, strict=True)) < 0.05


def test_rotated_text_reads_in_its_own_order() -> None:
    def turned(c: Canvas) -> None:
        c.drawString(72, 700, "Across")
        c.saveState()
        c.translate(300, 500)
        c.rotate(90)
        c.drawString(0, 0, "Up reading")  # pdfplumber: "gnidaer", "pU"
        c.restoreState()
        c.translate(400, 500)
        c.rotate(-90)
        c.drawString(0, 0, "Down reading")

    words = {w.text: w for w in read_pdf_pages(_pdf(turned))[0].words}
    assert set(words) == {"Across", "Up", "reading", "Down"}
    up, down = words["Up"], words["Down"]
    assert up.x0 == pytest.approx(292.07, abs=0.01) and up.bottom == pytest.approx(292.0)
    assert down.x1 == pytest.approx(407.93, abs=0.01) and down.top == pytest.approx(292.0)
    assert up.size == down.size == 10.0


# --- text ----------------------------------------------------------------------------------


def test_spaces_gaps_and_hyphens() -> None:
    def text(c: Canvas) -> None:
        c.drawString(72, 700, "A  B")
        c.drawString(72, 680, "x")
        c.drawString(78, 680, "y")  # 0.5 pt after "x": one word
        c.drawString(72, 660, "p")
        c.drawString(80, 660, "q")  # 2.4 pt after "p": two
        c.drawString(72, 640, "co-op line-")  # PDFium marks a line-end hyphen U+FFFE

    words = [w.text for w in read_pdf_pages(_pdf(text))[0].words]
    assert words == ["A", "B", "xy", "p", "q", "co-op", "line-"]


@pytest.mark.skipif(not DEJAVU.is_file(), reason="needs the DejaVu Sans font")
def test_ligatures_are_spelt_out() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))

    def text(c: Canvas) -> None:
        c.setFont("DejaVuSans", 10)
        c.drawString(72, 700, "of\ufb01ce e\ufb00ect")

    assert [w.text for w in read_pdf_pages(_pdf(text))[0].words] == ["office", "effect"]


# --- refused -------------------------------------------------------------------------------


def test_encrypted_pdf() -> None:
    with pytest.raises(UnreadableInputError, match=r"^the PDF is encrypted"):
        read_pdf(_pdf(lambda c: c.drawString(72, 700, "secret"), encrypt="pw"))
    # A permissions (owner) password alone opens for reading, as in any viewer.
    owner = pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=0)
    page = read_pdf(_pdf(lambda c: c.drawString(72, 700, "open"), encrypt=owner))[0]
    assert [w.text for w in page.words] == ["open"]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_corrupt_pdf(rendered: bytes, damage: str) -> None:
    data = {"garbage": b"%PDF-1.4\n" + b"\x00\xff junk " * 50,
            "truncated": rendered[: len(rendered) // 2], "empty": b""}[damage]
    with pytest.raises(UnreadableInputError, match=r"^corrupt or unreadable PDF") as caught:
        read_pdf(data)
    assert "\n" not in str(caught.value)


def _image(c: Canvas, box: tuple[float, float, float, float]) -> None:
    picture = Image.new("L", (200, 260), 255)
    picture.paste(0, (20, 20, 180, 40))
    c.drawImage(ImageReader(picture), *box)


def test_image_only_pdf_is_a_scan() -> None:
    with pytest.raises(ScannedPdfError, match="page 1 of the PDF is a scan"):
        read_pdf(_pdf(lambda c: _image(c, (0, 0, 612, HEIGHT))))


def test_a_scan_with_its_ocr_text_laid_over_is_a_scan() -> None:
    def searchable(c: Canvas) -> None:
        _image(c, (10, 10, 592, 772))
        c.drawString(72, 700, "FORM 4")

    with pytest.raises(ScannedPdfError, match="is a scan"):
        read_pdf(_pdf(searchable))


def test_a_logo_keeps_the_text_layer() -> None:
    def letterhead(c: Canvas) -> None:
        _image(c, (72, 700, 100, 60))
        c.drawString(72, 650, "FORM 4")

    assert [w.text for w in read_pdf(_pdf(letterhead))[0].words] == ["FORM", "4"]


def test_a_pdf_without_text_is_a_scan() -> None:
    with pytest.raises(ScannedPdfError, match="no text layer"):
        read_pdf(_pdf(lambda c: c.rect(72, 72, 100, 100)))


def test_the_reading_path_does_not_import_pdfplumber(rendered: bytes, tmp_path: Path) -> None:
    path = tmp_path / "form.pdf"
    path.write_bytes(rendered)
    code = ("import sys; from pathlib import Path; from extractor.ingest.pdf_words import "
            f"read_pdf; pages = read_pdf(Path({str(path)!r}).read_bytes()); "
            "print(len(pages), 'pdfplumber' in sys.modules, 'pdfminer' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.split() == ["2", "False", "False"]


def test_pages_are_the_page_model(rendered: bytes) -> None:
    pages = read_pdf_pages(rendered)
    assert all(isinstance(p, Page) for p in pages) and [p.number for p in pages] == [1, 2]


def test_staggered_tops_do_not_chain_into_one_line() -> None:
    # Tops 0, 2, 4, 6 lie within 2.5 of their neighbours but not of the first: two lines,
    # so the letters of a wrapped cell beside a staggered one are not interleaved.
    assert _lines(np.array([0.0, 2.0, 4.0, 6.0]), 2.5).tolist() == [0, 0, 1, 1]
    assert _lines(np.array([6.0, 0.0, 2.4]), 2.5).tolist() == [1, 0, 0]


def test_small_print_splits_at_a_gap_smaller_than_the_tolerance() -> None:
    # A page printed scaled down (a browser's "fit to page") sets its word gaps closer than
    # 1.5 pt, with no space characters: at 6 pt a 1.4 pt gap is a word gap, at 10 pt it is not.
    def draw(canvas: Canvas) -> None:
        for size, top in ((6.0, 100.0), (10.0, 200.0)):
            canvas.setFont("Helvetica", size)
            first = "number of"
            canvas.drawString(72, HEIGHT - top, first)
            gap = canvas.stringWidth(first, "Helvetica", size) + 1.4
            canvas.drawString(72 + gap, HEIGHT - top, "restricted")
    words = [w.text for w in read_pdf(_pdf(draw))[0].words]
    assert words[:3] == ["number", "of", "restricted"]
    assert words[3:] == ["number", "ofrestricted"]
