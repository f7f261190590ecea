from decimal import Decimal

from extractor.fields.amounts import parse_amount
from extractor.fields.cells import amount_cell
from extractor.model import Provenance

P = Provenance("pdf")


def test_a_space_after_the_dollar_sign_is_print() -> None:
    assert parse_amount("$ 1,234") == Decimal("1234")
    assert amount_cell("$ 1,234", 0.95, P).confidence == 0.95


def test_a_space_between_digits_is_no_number_by_itself() -> None:
    assert parse_amount("294,840.00 6") is None


def test_an_amount_and_a_lone_digit_keeps_the_amount_and_asks() -> None:
    # pdftotext prints a raised footnote digit at text size: joined it would be 294840.006
    cell = amount_cell("294,840.00 6", 0.95, P)
    assert cell.value == Decimal("294840.00")
    assert cell.needs_review and "lone digit" in (cell.review_reason or "")


def test_a_number_ocr_split_is_joined_with_less_confidence() -> None:
    cell = amount_cell("$2,601. 6983", 0.95, P)
    assert cell.value == Decimal("2601.6983")
    assert cell.confidence == 0.85
