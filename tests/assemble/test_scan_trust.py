"""Which OCR readings pass unchecked: by kind of value and page quality."""

from __future__ import annotations

import pytest

from extractor.assemble.scan_trust import (
    CLEAN,
    FAIR,
    POOR,
    doubtful_share,
    page_quality_of,
    trust,
)


def test_doubtful_share_counts_words_of_three_letters_or_more() -> None:
    words = [("Common", 96.0), ("Stock", 70.0), ("S", 30.0), ("of", 20.0), ("Apple", 91.0)]
    assert doubtful_share(words) == pytest.approx(1 / 3)
    assert doubtful_share([]) == 1.0


@pytest.mark.parametrize(("doubtful", "softness", "dpi", "quality"), [
    (0.02, 0.55, 300, CLEAN),
    (0.10, 0.55, 300, FAIR),
    (0.30, 0.55, 300, POOR),
    (0.02, 2.4, 300, FAIR),    # blurred print: digits change into digits
    (0.02, 0.55, 200, FAIR),   # scanned at 200 dpi
    (0.02, 0.0, 150, POOR),    # a fax
])
def test_page_quality_is_the_worst_signal(doubtful: float, softness: float, dpi: float,
                                          quality: str) -> None:
    assert page_quality_of(doubtful, softness, dpi) == quality


def test_codes_and_checks_on_a_clean_page_pass_whatever_the_ocr_confidence() -> None:
    for path in ("non_derivative_table[0].transaction_code",
                 "reporting_owners[0].relationship.is_director"):
        assert trust(path, 0.3, CLEAN) == (1.0, None)


def test_amounts_and_dates_on_a_clean_page_need_confidence_or_a_second_reading() -> None:
    """Clean scans of other printers' layouts read "2,599.52" as "2,999.52" with middling
    confidence: an amount or a date passes on tesseract's word alone only when sure."""
    from extractor.assemble.scan_reconcile import SecondReading

    for path in ("non_derivative_table[0].transaction_shares", "period_of_report"):
        assert trust(path, 0.95, CLEAN) == (1.0, None)
        cap, reason = trust(path, 0.6, CLEAN)
        assert cap <= 0.75 and reason is not None and "0.90" in reason
        settled = SecondReading("4,000", "4,000", "amount", settled_as="4,000")
        assert trust(path, 0.6, CLEAN, "4,000", second=settled) == (1.0, None)


def test_text_needs_confidence_and_dates_never_pass_on_a_fax() -> None:
    cap, reason = trust("issuer.issuer_name", 0.62, CLEAN)
    assert cap <= 0.75 and reason is not None and "0.62" in reason
    assert trust("issuer.issuer_name", 0.93, CLEAN) == (1.0, None)
    cap, reason = trust("period_of_report", 0.99, POOR)
    assert cap <= 0.75 and reason is not None and "never trusted" in reason
    # Amounts on a fax never pass on tesseract's word alone (its 5s read as 6s with
    # confidence 0.9): a second engine must read them alike.  Free text on a blurred page
    # passes when tesseract is sure of it; notes on a blurred page never.
    assert "never trusted" in (trust("non_derivative_table[1].transaction_shares", 0.97,
                                     POOR)[1] or "")
    assert trust("issuer.issuer_name", 0.93, FAIR) == (1.0, None)
    assert trust("issuer.issuer_name", 0.75, FAIR)[1] is not None
    assert "never trusted" in (trust("footnotes[0].text", 0.99, FAIR)[1] or "")


def test_check_marks_pass_on_every_page_quality() -> None:
    # Ink inside a square is read from the pixels, not by OCR: on the fax150 PDFs every one
    # of 239 relationship boxes read was right.
    for quality in (CLEAN, FAIR, POOR):
        assert trust("reporting_owners[0].relationship.is_director", 0.0, quality) == (1.0, None)


def test_value_never_passes_above_what_ocr_said_when_untrusted() -> None:
    cap, _ = trust("footnotes[0].text", 0.4, FAIR)
    assert cap == 0.4


def test_notes_made_of_words_pass_on_a_blurred_page_and_non_words_are_named() -> None:
    note = "footnotes[0].text"
    text = "The reporting person undertakes to provide full information regarding the trades."
    assert trust(note, 0.6, FAIR, text) == (1.0, None)
    cap, reason = trust(note, 0.99, FAIR, text.replace("regarding", "segarding"))
    assert cap <= 0.75 and reason is not None and "'segarding' is no word" in reason
    # On a fax a note is never trusted, words or not; free text made of words is, from 0.9.
    assert trust(note, 0.99, POOR, text)[1] is not None
    assert trust("issuer.issuer_name", 0.92, POOR, "Apple Inc.") == (1.0, None)
    assert trust("issuer.issuer_name", 0.86, POOR, "Apple Inc.")[1] is not None
    assert trust("issuer.issuer_name", 0.99, POOR, "Appie Inc.")[1] is not None
    # A full stop after a name is a speck on a fax, unless an abbreviation explains it.
    cap, reason = trust("reporting_owners[0].rpt_owner_name", 0.95, POOR, "Musk Elon.",
                        frozenset({"musk", "elon"}))
    assert cap <= 0.75 and "'Elon.' ends in a full stop" in (reason or "")
    # Free text made of words passes from a lower confidence than other free text.
    assert trust("issuer.issuer_name", 0.72, FAIR, "Apple Inc.") == (1.0, None)
    assert trust("issuer.issuer_name", 0.72, FAIR, "Appie Inc.")[1] is not None
    # A short English word far rarer than the word one slip away reads as that slip.
    _, reason = trust("derivative_table[0].security_title", 0.95, FAIR,
                      "Stock Option (right ta buy)")
    assert "'ta' reads like a slip of 'to'" in (reason or "")


def test_a_name_read_alike_across_the_document_counts_as_known() -> None:
    path = "non_derivative_table[0].nature_of_ownership"
    text = "By SVF II Aggregator (Jersey) LP"
    cap, reason = trust(path, 0.75, FAIR, text)
    assert cap <= 0.75 and reason is not None and "'SVF' is no word" in reason
    assert trust(path, 0.75, FAIR, text, frozenset({"svf", "ii", "aggregator"})) == (1.0, None)


def test_state_is_a_code_and_zip_digits_like_an_amount() -> None:
    from extractor.knowledge import value_kinds as V

    assert V.value_kind("reporting_owners[1].rpt_owner_state") == V.CODE
    assert V.value_kind("reporting_owners[1].rpt_owner_zip_code") == V.AMOUNT
    assert V.value_kind("reporting_owners[1].rpt_owner_city") == V.TEXT


def test_a_value_two_engines_read_alike_passes_on_a_fax() -> None:
    from extractor.assemble.scan_reconcile import SecondReading

    agreed = SecondReading("03/08/2023", "03/08/2023", "date", settled_as="03/08/2023")
    assert trust("period_of_report", 0.7, POOR, "03/08/2023", second=agreed) == (1.0, None)
    differ = SecondReading("06/08/2023", "03/08/2023", "date")
    cap, reason = trust("period_of_report", 0.7, POOR, "06/08/2023", second=differ)
    assert cap <= 0.75 and reason is not None
    assert "a second OCR engine read '03/08/2023'" in reason


@pytest.mark.parametrize(("path", "text", "why"), [
    ("signatures[0].signature_name", "Eion Musk", "slip of 'elon'"),
    ("footnotes[0].text", "Held by the Trust. of which he is trustee.", "full stop"),
    ("footnotes[0].text", "The price is a weighted average", "does not end"),
    ("derivative_table[0].nature_of_ownership", "By SVF li Beaver (DE) LLC", "strokes"),
])
def test_text_both_engines_read_alike_is_still_doubted_where_the_print_invites_a_slip(
        path: str, text: str, why: str) -> None:
    from extractor.assemble.scan_reconcile import SecondReading

    agreed = SecondReading(text, text, "text", settled_as=text)
    cap, reason = trust(path, 0.95, POOR, text, second=agreed,
                        document_words=frozenset({"elon", "musk"}))
    assert cap <= 0.75 and why in (reason or "")
    assert "read it alike" in (reason or "")


def test_a_rare_code_ocr_makes_of_a_common_one_needs_the_second_engine() -> None:
    """An F with a blur under its stem reads as E with confidence 0.9+ (faded300 scans), a
    fax's M as I; E and I transaction codes are rare, so one engine's reading is not enough."""
    from extractor.assemble.scan_reconcile import SecondReading

    path = "non_derivative_table[1].transaction_code"
    cap, reason = trust(path, 0.96, CLEAN, "E")
    assert cap <= 0.75
    assert reason == ("read by OCR (confidence 0.75, tesseract's 0.96 capped) on a clean page, "
                      "where a code this rare needs a second engine's reading "
                      "('E' is a rare code OCR makes of 'F')")
    assert "'I' is a rare code OCR makes of 'M'" in (trust(path, 0.9, POOR, "I")[1] or "")
    agreed = SecondReading("E", "E", "code", settled_as="E")
    assert trust(path, 0.96, CLEAN, "E", second=agreed) == (1.0, None)
    differ = SecondReading("E", "F", "code")
    assert "a second OCR engine read 'F'" in (trust(path, 0.96, CLEAN, "E", second=differ)[1]
                                             or "")
    # Common codes pass as before; an "I" for indirect ownership is no transaction code.
    assert trust(path, 0.96, CLEAN, "F") == (1.0, None)
    assert trust("non_derivative_table[1].direct_or_indirect_ownership", 0.96, CLEAN, "I") == \
        (1.0, None)
