from decimal import Decimal

import pytest

from extractor.fields.amounts import parse_amount


@pytest.mark.parametrize(("text", "expected"), [
    ("12,000", Decimal("12000")), ("$1.375", Decimal("1.375")), ("$ 2.79", Decimal("2.79")),
    ("0", Decimal("0")), ("411,056,826", Decimal("411056826")), ("(5,250)", Decimal("5250")),
])
def test_parse_amount(text: str, expected: Decimal) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", ["", "1,20", "12,00,000", "abc", "5O0", "$", "1.2.3"])
def test_parse_amount_refuses_doubtful_numbers(text: str) -> None:
    assert parse_amount(text) is None
