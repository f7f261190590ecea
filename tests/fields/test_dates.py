import datetime as dt

import pytest

from extractor.fields.dates import find_dates, parse_date, parse_month_year


@pytest.mark.parametrize(("text", "expected"), [
    ("09/18/2017", dt.date(2017, 9, 18)),
    ("2/7/00", dt.date(2000, 2, 7)),
    ("February 29,2000", dt.date(2000, 2, 29)),
    ("March 13, 2000", dt.date(2000, 3, 13)),
    ("2023-03-08", dt.date(2023, 3, 8)),
    ("Sept. 5 2021", dt.date(2021, 9, 5)),
    ("signed 09/25/2017 by", dt.date(2017, 9, 25)),
])
def test_parse_date(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "13/45/2017", "02/30/2019", "Month/Day/Year", "3235-0287"])
def test_parse_date_refuses_non_dates(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_in_order() -> None:
    assert find_dates("from 04/08/2023 to 2024-01-02 and 1/2/03") == [
        dt.date(2023, 4, 8), dt.date(2024, 1, 2), dt.date(2003, 1, 2)]


@pytest.mark.parametrize(("text", "expected"), [
    ("February 29,2000", "2000-02"), ("02/2000", "2000-02"), ("March 1999", "1999-03"),
    ("nothing", None),
])
def test_parse_month_year(text: str, expected: str | None) -> None:
    assert parse_month_year(text) == expected
