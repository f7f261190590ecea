"""Check boxes on scans: the square beside a check-box label, and the ink inside it."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from extractor.ingest.images import PageImage
from extractor.ingest.ocr import OcrWord
from extractor.ingest.pdf_words import Word
from extractor.layout.scan_checkboxes import find_check_marks


@pytest.mark.parametrize(("label", "inked", "found"), [
    ("Director", True, "X"), ("otticer", False, "[ ]"), ("For", True, "X"), ("Stock", True, None),
])
def test_check_box_left_of_a_label_read_loosely(label: str, inked: bool, found: str | None
                                                ) -> None:
    """A square beside a word that reads like a check-box label, however blurred ("otticer"),
    is a check box; its mark is the ink inside it, and a clear mark is read with certainty."""
    image = Image.new("L", (1200, 600), 255)
    draw = ImageDraw.Draw(image)
    # At 144 dpi two pixels make a point: an 8-point square at x 100-108, y 50-58.
    draw.rectangle((200, 100, 216, 116), outline=0, width=2)
    if inked:
        draw.line((203, 103, 213, 113), fill=0, width=3)
        draw.line((203, 113, 213, 103), fill=0, width=3)
    word = OcrWord(Word(label, 110, 140, 50, 58, 1), 90.0)
    boxes = find_check_marks(PageImage(image, 144.0, 1), [word])
    marks = boxes.marks
    assert [m.text for m in marks] == ([found] if found else [])
    # A misread label beside its square is named as printed.
    # A label misread into no word beside its square is named as printed; "For" is a word.
    assert boxes.label_words == ({0: "Officer"} if label == "otticer" else {})
    if marks:
        assert marks[0].confidence == 1.0


def test_square_found_when_the_word_box_reaches_into_other_lines() -> None:
    """Tesseract gave a blurred "10%" a box two lines tall: the window left of it then holds
    the end of the line above and the next box below too; the square beside the word's
    middle is still found."""
    image = Image.new("L", (1200, 600), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((200, 100, 216, 116), outline=0, width=2)  # the square, points 100-108
    draw.rectangle((200, 132, 216, 148), outline=0, width=2)  # the next box, below
    draw.text((196, 84), "end.", fill=0)                       # a line above
    word = OcrWord(Word("10%", 110, 130, 46, 62, 1), 90.0)
    marks, squares, _ = find_check_marks(PageImage(image, 144.0, 1), [word])
    assert [m.text for m in marks] == ["[ ]"]
    assert squares[0] == pytest.approx((100, 50, 108.5, 58.5), abs=0.6)


def test_letters_run_together_are_no_square() -> None:
    """Blur joins letters into blobs a square's size ("ct" of "Attorney-in-Fact" before
    "for"): without four inked edges they are no check box."""
    image = Image.new("L", (1200, 600), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((150, 90, 180, 96), fill=0)       # ink of the line above, in the window
    draw.arc((198, 100, 212, 116), 60, 300, fill=0, width=3)  # a "c": no right edge
    word = OcrWord(Word("for", 110, 130, 46, 62, 1), 90.0)
    assert find_check_marks(PageImage(image, 144.0, 1), [word]) == ([], [], {})


def test_square_with_a_corner_pulled_out() -> None:
    """A fax pulls a square's corner out into a notch: its bounding box is wider than its
    outline, whose right edge lies a pixel or two inside; it is still a square."""
    image = Image.new("L", (2400, 1200), 255)
    draw = ImageDraw.Draw(image)
    # At 300 dpi: an 8-point square at x 100-108, y 50-58, its edges 4 pixels wide.
    draw.rectangle((417, 208, 450, 241), outline=0, width=4)
    draw.rectangle((440, 208, 453, 214), fill=0)  # the notch, top right, 3 pixels out
    word = OcrWord(Word("Cirector", 110, 150, 50, 58, 1), 90.0)
    boxes = find_check_marks(PageImage(image, 300.0, 1), [word])
    assert [m.text for m in boxes.marks] == ["[ ]"]
    assert boxes.label_words == {0: "Director"}


def test_the_blurred_end_of_a_word_is_no_square() -> None:
    """In a footnote's sentence the end of "reflects" may blur into a square's blob before
    "the" (which reads near "Other"): a square inside a word OCR read is no check box."""
    image = Image.new("L", (1200, 600), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((200, 100, 216, 116), outline=0, width=2)
    the = OcrWord(Word("the", 110, 125, 50, 58, 1), 90.0)
    reflects = OcrWord(Word("reflects", 70, 108.5, 50, 58, 1), 90.0)
    assert find_check_marks(PageImage(image, 144.0, 1), [reflects, the]) == ([], [], {})
    # Without the word around it the square is one.
    assert len(find_check_marks(PageImage(image, 144.0, 1), [the]).marks) == 1
