"""Rules for OCR readings: words that are the form's vocabulary read with look-alike slips
are flagged."""

from __future__ import annotations

import pytest

from extractor.knowledge.codes import SECURITY_TITLE_WORDS
from extractor.model import Field, Form4, NonDerivativeRow, Provenance
from extractor.validate.ocr_rules import flag_ocr_misreadings, misread_word


@pytest.mark.parametrize(("title", "misread"), [
    ("Cornmon Stock", ("Cornmon", "common")),
    ("Ciass A Common Stock", ("Ciass", "class")),
    ("Common Stok", None),  # a letter missing: a typo (or a loss) no look-alike explains
    ("Non-Qualifed Stock Option", None),  # a real filing's own typo
    ("Class A Common Stock", None),
    ("Employee Stock Option (right to buy)", None),
    ("Stock Appreciation Rights", None),
    ("Convertible Senior Notes", None),
    ("LTIP Units", None),
])
def test_misread_title_words(title: str, misread: tuple[str, str] | None) -> None:
    assert misread_word(title, SECURITY_TITLE_WORDS) == misread


@pytest.mark.parametrize(("kind", "flagged"), [("ocr", True), ("pdf", False)])
def test_misread_security_title_is_flagged_on_scans_only(kind: str, flagged: bool) -> None:
    row = NonDerivativeRow(security_title=Field("Cornmon Stock", 0.95, Provenance(kind)))
    form = flag_ocr_misreadings(Form4(non_derivative_table=(row,), source_kind=kind))
    title = form.non_derivative_table[0].security_title
    assert title.value == "Cornmon Stock"
    assert title.needs_review is flagged
    if flagged:
        assert "'Cornmon' looks like an OCR misreading of 'common'" in (title.review_reason or "")


def test_dates_one_blurred_digit_apart_are_all_flagged() -> None:
    """Read so in the benchmark's pre-2002 office scan: four rows "2019-06-02" and one
    "2019-05-02", all printed 05/02/2019.  The rows of another day are left alone."""
    import datetime as dt

    def row(day: dt.date) -> NonDerivativeRow:
        return NonDerivativeRow(transaction_date=Field(day, 1.0, Provenance("ocr")))

    days = [dt.date(2019, 6, 2)] * 4 + [dt.date(2019, 5, 2), dt.date(2019, 5, 3)]
    form = flag_ocr_misreadings(Form4(non_derivative_table=tuple(map(row, days)),
                                      source_kind="ocr"))
    flagged = [r.transaction_date.needs_review for r in form.non_derivative_table]
    assert flagged == [True] * 5 + [False]
    assert "2019-05-02, is one blurred month digit away" in \
        (form.non_derivative_table[0].transaction_date.review_reason or "")


@pytest.mark.parametrize(("raw", "flagged"), [
    ("2.193", True), ("2.193 (1)", True),    # 2,193 with its comma read as a full stop?
    ("2,193", False), ("77,334.25", False), ("1,023,466", False), ("12.5", False),
])
def test_share_count_with_a_stop_for_a_comma_is_flagged(raw: str, flagged: bool) -> None:
    from decimal import Decimal

    value = Decimal(raw.split()[0].replace(",", ""))
    row = NonDerivativeRow(transaction_shares=Field(value, 0.95, Provenance("ocr", raw_text=raw)))
    form = flag_ocr_misreadings(Form4(non_derivative_table=(row,), source_kind="ocr"))
    shares = form.non_derivative_table[0].transaction_shares
    assert shares.value == value and shares.needs_review is flagged
    if flagged:
        assert "a thousands comma read as a full stop (2193)" in (shares.review_reason or "")
