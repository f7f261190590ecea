"""Dates as printed on Form 4: "09/18/2017", "2/7/00", "February 29,2000", "2017-09-18"."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")), start=1)
    for name in names
}

_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4}|\d{2})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_WORDS = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})\s*,?\s*(\d{4})\b")
_MONTH_YEAR_NUM = re.compile(r"(?<!\d)(\d{1,2})\s*/\s*(\d{4}|\d{2})(?!\d)")
_MONTH_YEAR_WORDS = re.compile(r"\b([A-Za-z]{3,9})\.?\s*,?\s+(\d{4})\b")
#: One word that is a whole date as the form prints it: "05/02/2019".
_DATE_WORD = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # Form 4 exists since 1934, EDGAR filings since the 1990s
        year += 2000 if year < 70 else 1900
    return year


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_date_word(word: str) -> bool:
    """Whether ``word`` (one OCR word, no spaces) is a whole date as printed, "05/02/2019";
    "04/1" and "2/2024", a date split at a wide digit, are not.

    >>> is_date_word("05/02/2019"), is_date_word("04/1"), is_date_word("2/2024")
    (True, False, False)
    """
    return _DATE_WORD.fullmatch(word) is not None


def parse_date(text: str) -> dt.date | None:
    """The first full date in ``text``, or None.

    US order (month/day/year) as the form prints it, ISO, and "Month D, YYYY".

    >>> parse_date("09/18/2017")
    datetime.date(2017, 9, 18)
    >>> parse_date("February 29,2000")
    datetime.date(2000, 2, 29)

    OCR splits a date at a wide digit ("04/1 2/2024"): when no date is found, one written with
    single spaces among its digits and slashes is read as if they were not there.

    >>> parse_date("04/1 2/2024")
    datetime.date(2024, 4, 12)
    """
    found = _parse_date(text)
    if found is None and (joined := _SPLIT_DATE.sub("", text)) != text:
        found = _parse_date(joined)
    return found


#: A single space between digits and slashes, as inside a split numeric date.
_SPLIT_DATE = re.compile(r"(?<=[\d/]) (?=[\d/])")


def _parse_date(text: str) -> dt.date | None:
    candidates: list[tuple[int, dt.date]] = []
    if (m := _ISO.search(text)) and (d := _make(int(m[1]), int(m[2]), int(m[3]))):
        candidates.append((m.start(), d))
    if (m := _NUMERIC.search(text)) and (d := _make(_year(m[3]), int(m[1]), int(m[2]))):
        candidates.append((m.start(), d))
    m = _WORDS.search(text)
    if m and m[1].lower() in _MONTHS and (d := _make(int(m[3]), _MONTHS[m[1].lower()],
                                                     int(m[2]))):
        candidates.append((m.start(), d))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def find_dates(text: str) -> list[dt.date]:
    """Every numeric (m/d/y) or ISO date in ``text``, in order."""
    found: list[tuple[int, dt.date]] = []
    for m in _ISO.finditer(text):
        if d := _make(int(m[1]), int(m[2]), int(m[3])):
            found.append((m.start(), d))
    for m in _NUMERIC.finditer(text):
        if d := _make(_year(m[3]), int(m[1]), int(m[2])):
            found.append((m.start(), d))
    return [d for _, d in sorted(found, key=lambda pair: pair[0])]


def parse_month_year(text: str) -> str | None:
    """A "Month/Year" value as "YYYY-MM": "02/2000", "February 2000", "February 29,2000"."""
    if d := parse_date(text):
        return f"{d.year:04d}-{d.month:02d}"
    if (m := _MONTH_YEAR_WORDS.search(text)) and m[1].lower() in _MONTHS:
        return f"{int(m[2]):04d}-{_MONTHS[m[1].lower()]:02d}"
    if m := _MONTH_YEAR_NUM.search(text):
        month = int(m[1])
        if 1 <= month <= 12:
            return f"{_year(m[2]):04d}-{month:02d}"
    return None


def parse_compact_date(text: str) -> dt.date | None:
    """An EDGAR header date "YYYYMMDD" ("20000229"), or None when ``text`` is not one."""
    m = re.fullmatch(r"\s*(\d{4})(\d{2})(\d{2})\s*", text)
    return _make(int(m[1]), int(m[2]), int(m[3])) if m else None
