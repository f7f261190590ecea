"""Scans read with the real tesseract (Debian's tesseract-ocr): a clean 300 dpi scan, an aged
copy, a fax, a two-page black-and-white TIFF and a JPEG of a rendered filing, compared with the
filing; a missing tesseract; an empty image."""

from __future__ import annotations

import io
import math
import random
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from extractor import MissingDependencyError, UnreadableInputError, extract
from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.model import Form4
from extractor.render import render_pdf
from tests.support.compare import compare_forms, tally
from tests.support.scan import QUALITIES, png_bytes, scan
from tests.support.variants import VARIANTS


def _truth(filings: list[Path], prefix: str) -> Form4:
    return read_edgar_xml(next(p for p in filings if p.name.startswith(prefix)).read_bytes())


def _scanned(truth: Form4, quality_name: str) -> bytes:
    """The first page of ``truth`` rendered and scanned at a quality of tests/support/scan.py
    (PNG)."""
    quality = QUALITIES[quality_name]
    page = scan(render_pdf(truth), quality, random.Random(3))[0]
    return png_bytes(page, quality.dpi)


@pytest.fixture(scope="module")
def tesla_scan(filings: list[Path]) -> bytes:
    return _scanned(_truth(filings, "tsla_musk"), "clean300")


@pytest.fixture(scope="module")
def tesla_form(tesla_scan: bytes) -> Form4:
    return extract(tesla_scan)


@pytest.mark.tesseract
def test_clean_scan_values_are_read_and_trusted(tesla_form: Form4, filings: list[Path]
                                                ) -> None:
    form = tesla_form
    assert form.source_kind == "ocr"
    assert form.issuer.issuer_trading_symbol.value == "TSLA"
    assert form.reporting_owners[0].rpt_owner_name.value == "Musk Elon"
    assert form.period_of_report.value is not None
    assert form.period_of_report.value.isoformat() == "2023-03-08"
    assert not form.period_of_report.needs_review
    prov = form.issuer.issuer_trading_symbol.provenance
    assert prov is not None and prov.source == "ocr" and prov.page == 1 and prov.bbox
    # Against the filing itself: nothing wrong passes, and most values pass unchecked.
    figures = tally(compare_forms(_truth(filings, "tsla_musk"), form))
    assert figures["wrong"] == 0
    assert figures["accuracy"] >= 0.9
    for row in form.non_derivative_table:  # typed values on a clean page are trusted
        assert row.transaction_shares.value is not None and not row.transaction_shares.needs_review


@pytest.mark.tesseract
def test_an_aged_copy_reads_as_a_clean_scan(filings: list[Path]) -> None:
    """Grey paper, faded ink, light falling unevenly (faded300): the contrast normalised, the
    values are read and pass as on a clean scan; without it the rules, check boxes and most
    words are lost."""
    truth = _truth(filings, "tsla_musk")
    form = extract(_scanned(truth, "faded300"))
    figures = tally(compare_forms(truth, form))
    assert figures["wrong"] == 0
    assert figures["accuracy"] >= 0.95
    assert form.issuer.issuer_trading_symbol.value == "TSLA"
    assert form.reporting_owners[0].relationship.is_director.value is True
    assert [row.transaction_code.value for row in form.non_derivative_table] == ["M", "M"]
    assert not any(row.transaction_shares.needs_review for row in form.non_derivative_table)


@pytest.mark.tesseract
def test_fax_scan_passes_what_two_engines_read_alike(filings: list[Path]) -> None:
    truth = _truth(filings, "tsla_musk")
    form = extract(_scanned(truth, "fax150"))
    figures = tally(compare_forms(truth, form))
    assert figures["wrong"] == 0
    assert figures["accuracy"] >= 0.7
    # On a faxed page tesseract alone never passes a date (its 3s and 5s turn into 6s and 8s);
    # read alike by the second engine, box 3 and the table's dates pass, and right.
    assert form.period_of_report.value is not None
    assert form.period_of_report.value.isoformat() == "2023-03-08"
    assert not form.period_of_report.needs_review
    dates = [row.transaction_date for row in form.non_derivative_table]
    assert [d.value.isoformat() for d in dates if d.value] == ["2023-03-08", "2023-03-08"]
    assert not any(d.needs_review for d in dates)
    # What still goes to review says why, with both engines' readings when they differ.
    reasons = [item.reason for item in form.review_items()]
    assert reasons and all(reason for reason in reasons)
    assert any("heavy noise" in reason for reason in reasons)


@pytest.mark.tesseract
def test_a_two_page_bilevel_tiff_is_read_page_by_page(filings: list[Path]) -> None:
    """An archive's scan: black and white, Group 4 compressed, one TIFF frame per page, with
    Table I continued on the second page (the benchmark's longtable variant)."""
    truth = VARIANTS["longtable"](_truth(filings, "tsla_musk"), random.Random(5))
    pages = scan(render_pdf(truth), QUALITIES["clean300"], random.Random(3))
    assert len(pages) == 2
    bilevel = [page.point(lambda v: 255 if v > 160 else 0).convert("1") for page in pages]
    buffer = io.BytesIO()
    bilevel[0].save(buffer, "TIFF", compression="group4", dpi=(300, 300), save_all=True,
                    append_images=bilevel[1:])
    form = extract(buffer.getvalue())
    figures = tally(compare_forms(truth, form))
    assert figures["wrong"] == 0 and figures["accuracy"] >= 0.9
    rows = form.non_derivative_table
    assert len(rows) == len(truth.non_derivative_table)
    assert {row.transaction_shares.provenance.page for row in rows  # type: ignore[union-attr]
            if row.transaction_shares.provenance} == {1, 2}


@pytest.mark.tesseract
def test_blank_sheets_in_a_multi_page_scan_are_not_read(tesla_scan: bytes,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A separator sheet before the form and a blank back after it: the form is read as on
    its own, and tesseract is not run on the blank pages."""
    from extractor.assemble import scan as scan_reader

    read_pages: list[int] = []
    read_page = scan_reader._read_page

    def counting(original):  # type: ignore[no-untyped-def]
        read_pages.append(original.number)
        return read_page(original)

    monkeypatch.setattr(scan_reader, "_read_page", counting)
    form_page = Image.open(io.BytesIO(tesla_scan)).convert("L")
    blank = Image.new("L", form_page.size, 248)
    buffer = io.BytesIO()
    blank.save(buffer, "TIFF", compression="packbits", dpi=(300, 300), save_all=True,
               append_images=[form_page, blank])
    form = extract(buffer.getvalue())
    assert read_pages == [2]
    assert form.issuer.issuer_trading_symbol.value == "TSLA"
    assert [row.transaction_shares.value for row in form.non_derivative_table] == [
        Decimal(5250), Decimal(5250)]
    assert {row.transaction_shares.provenance.page  # type: ignore[union-attr]
            for row in form.non_derivative_table} == {2}


@pytest.mark.tesseract
def test_a_jpeg_photo_of_the_form_is_read(tesla_scan: bytes) -> None:
    buffer = io.BytesIO()
    Image.open(io.BytesIO(tesla_scan)).save(buffer, "JPEG", quality=70, dpi=(300, 300))
    form = extract(buffer.getvalue())
    assert form.source_kind == "ocr"
    assert form.issuer.issuer_trading_symbol.value == "TSLA"
    shares = [row.transaction_shares for row in form.non_derivative_table]
    assert [field.value for field in shares] == [Decimal(5250), Decimal(5250)]
    assert not any(field.needs_review for field in shares)


@pytest.mark.tesseract
def test_a_searchable_pdf_is_read_from_its_pixels_not_its_hidden_text(tesla_scan: bytes
                                                                       ) -> None:
    """Scanning software lays its own OCR over the page image as invisible text, without
    confidences and without the form's boxes: the page is read as a scan.  The hidden text
    here names another issuer, which must not come through."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(792, 612))
    canvas.drawImage(ImageReader(io.BytesIO(tesla_scan)), 0, 0, 792, 612)
    hidden = canvas.beginText(40, 560)
    hidden.setTextRenderMode(3)  # invisible, as a scanner's OCR layer is
    hidden.setFont("Helvetica", 9)
    for line in ("FORM 4 STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
                 "2. Issuer Name and Ticker or Trading Symbol Apple Inc. [ AAPL ]",
                 "1. Name and Address of Reporting Person* Cook Timothy"):
        hidden.textLine(line)
    canvas.drawText(hidden)
    canvas.save()
    form = extract(buffer.getvalue())
    assert form.source_kind == "ocr"
    assert form.issuer.issuer_trading_symbol.value == "TSLA"
    assert form.reporting_owners[0].rpt_owner_name.value == "Musk Elon"
    assert len(form.non_derivative_table) == 2


def test_missing_tesseract_says_how_to_install(tesla_scan: bytes,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(MissingDependencyError, match="apt-get install tesseract-ocr"):
        extract(tesla_scan)


@pytest.mark.tesseract
def test_empty_and_tiny_images() -> None:
    with pytest.raises(UnreadableInputError, match="no text could be read"):
        extract(png_bytes(Image.new("L", (2550, 3300), 190), 300))  # grey paper, no print
    for image in (Image.new("L", (1700, 2200), 255), Image.new("L", (50, 50), 0)):
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        with pytest.raises(UnreadableInputError):
            extract(buffer.getvalue())


def _turned_box(box: tuple[float, ...], size: tuple[float, float], degrees: float,
                expand: bool) -> tuple[float, float, float, float]:
    """Where ``box`` lands when its page is turned as ``Image.rotate(degrees, expand)`` turns
    it (counter-clockwise about the centre; y down)."""
    width, height = size
    new_w, new_h = (height, width) if expand and degrees % 180 else (width, height)
    cos, sin = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    corners = [(x - width / 2, y - height / 2) for x in box[::2] for y in box[1::2]]
    moved = [(new_w / 2 + dx * cos + dy * sin, new_h / 2 - dx * sin + dy * cos)
             for dx, dy in corners]
    return (min(x for x, _ in moved), min(y for _, y in moved),
            max(x for x, _ in moved), max(y for _, y in moved))


@pytest.mark.tesseract
@pytest.mark.parametrize(("turn", "tilt"), [(90, 0.0), (180, 0.0), (0, 3.0)])
def test_turned_and_tilted_pages_are_read_and_boxes_point_at_the_scan(
        tesla_scan: bytes, tesla_form: Form4, turn: int, tilt: float) -> None:
    """A sideways, upside-down or tilted page is read as the upright page is, and each
    value's box is on the page as given (where a reviewer is shown it), not as read."""
    image = Image.open(io.BytesIO(tesla_scan))
    given = image.rotate(turn, expand=True) if turn else image.rotate(
        tilt, resample=Image.Resampling.BICUBIC, fillcolor=255)
    buffer = io.BytesIO()
    given.save(buffer, "PNG", dpi=(300, 300))
    form = extract(buffer.getvalue())
    assert form.issuer.issuer_trading_symbol.value == "TSLA"
    assert form.period_of_report.value is not None
    assert form.period_of_report.value.isoformat() == "2023-03-08"
    size = (image.width * 72 / 300, image.height * 72 / 300)
    for field, upright in ((form.issuer.issuer_trading_symbol,
                            tesla_form.issuer.issuer_trading_symbol),
                           (form.non_derivative_table[0].transaction_shares,
                            tesla_form.non_derivative_table[0].transaction_shares)):
        assert field.provenance and field.provenance.bbox
        assert upright.provenance and upright.provenance.bbox
        expected = _turned_box(upright.provenance.bbox, size, turn or tilt, bool(turn))
        # A box turned back is the box round its turned corners, a little larger; the sample
        # is itself 0.3 degrees askew, so the upright reading's box was turned back too, and
        # the two routes differ by up to a hundredth of the line's length.
        slack = 3.0 + (0.01 * (expected[2] - expected[0]) if tilt else 0.0)
        assert field.provenance.bbox == pytest.approx(expected, abs=slack)


@pytest.mark.tesseract
@pytest.mark.parametrize(("dpi", "kept"), [(200, "05/02/2019"), (300, "06/02/2019")])
def test_dates_on_an_office_scan_are_read_again(dpi: int, kept: str) -> None:
    """A date tesseract read as 06/02/2019 with confidence 95, where the pixels print
    05/02/2019: read again on an office scan (200 dpi), left alone on a sharp one."""
    from PIL import ImageDraw, ImageFont

    from extractor.assemble.scan_cells import reread_cells
    from extractor.ingest.images import PageImage
    from extractor.ingest.ocr import OcrWord
    from extractor.ingest.pdf_words import Word

    image = Image.new("L", (1200, 300), 255)
    ImageDraw.Draw(image).text((100, 100), "05/02/2019", fill=0,
                               font=ImageFont.load_default(size=36))
    left, top, right, bottom = Image.eval(image, lambda v: 255 - v).getbbox() or (0, 0, 0, 0)
    to_pt = 72.0 / dpi
    misread = OcrWord(Word("06/02/2019", left * to_pt, right * to_pt, top * to_pt,
                           bottom * to_pt, 1), 95.0)
    found = reread_cells(image, PageImage(image, float(dpi), 1), [], [misread])
    assert [w.word.text for w in found] == [kept]
