"""Weighing two OCR readings of a value: agreement, the document's witness, the word list."""

from __future__ import annotations

import pytest

from extractor.assemble.scan_reconcile import (
    SecondReading,
    comparable,
    readings_agree,
    settle,
)
from extractor.assemble.scan_second_reading import Doubted, find_value_words
from extractor.ingest.pdf_words import Word
from extractor.layout.pdf_blocks import LaidLine


@pytest.mark.parametrize(("first", "second", "kind", "agree"), [
    ("05/02/2019", "05/02/2019", "date", True),
    ("06/02/2019", "05/02/2019", "date", False),
    ("$211.83 (5)", "$211.83(5)", "amount", True),   # white space is nothing in an amount
    ("5,250", "5.250", "amount", True),              # nor a comma against a stop
    ("5,250", "5,260", "amount", False),
    ("S", "s", "code", True),                         # a lone letter's size
    ("(TSLA", "[TSLA ]", "text", True),               # brackets are not the value
    ("Common Stock", "CommonStock", "text", True),    # the second engine drops narrow spaces
    ("LiWenjun", "Li Wenjun", "text", False),         # but tesseract's lost one is a slip
    ("201 2 Irrevocable", "2012 Irrevocable", "text", False),
    ("Common Stock (1)", "Common Stock(1)", "text", True),
    ("Management, LLC", "Management. LLC", "text", False),
    ("Elon", "Eion", "text", False),
])
def test_readings_agree(first: str, second: str, kind: str, agree: bool) -> None:
    assert readings_agree(first, second, kind) is agree


def test_comparable_reads_full_width_punctuation_as_ascii() -> None:
    assert comparable("By：/s/", "text") == comparable("By:/s/", "text")


def _line(text: str, top: float = 100.0, page: int = 1) -> LaidLine:
    """A laid line of ``text``'s words, 30 points apart ("|" separates table cells)."""
    words = tuple(Word(token, 20.0 + 30 * i, 45.0 + 30 * i, top, top + 8, page, 0.6)
                  for i, token in enumerate(t for t in text.split() if t != "|"))
    return LaidLine(text, page, (20.0, top, 45.0 + 30 * len(words), top + 8), words)


def _doubted(laid: list[LaidLine], index: int, path: str, raw: str) -> Doubted:
    found = find_value_words(laid, index, raw)
    assert found is not None
    return Doubted(path, index, raw, found)


@pytest.mark.parametrize(("read", "settled"), [
    ("05/02/2019", True),    # both engines read alike: settled as read
    ("06/02/2019", False),   # nothing settles the difference: review, with both readings
])
def test_a_date_read_once_by_each_engine(read: str, settled: bool) -> None:
    laid = [_line(f"| {read} | S |")]
    doubted = [_doubted(laid, 0, "non_derivative_table[0].transaction_date", read)]
    mended, readings = settle(laid, doubted, ["05/02/2019"])
    assert mended == laid
    reading = readings[0, read]
    assert reading.agrees is settled and reading.settled is settled
    assert reading.settled_as == (read if settled else None)
    assert reading.second == "05/02/2019"


def test_a_date_the_document_bears_out_is_taken_into_the_words() -> None:
    laid = [_line("| 05/02/2019 | S |", 100), _line("| 06/02/2019 | S |", 120)]
    doubted = [_doubted(laid, 0, "non_derivative_table[0].transaction_date", "05/02/2019"),
               _doubted(laid, 1, "non_derivative_table[1].transaction_date", "06/02/2019")]
    mended, readings = settle(laid, doubted, ["05/02/2019", "05/02/2019"])
    assert mended[0] is laid[0]
    assert mended[1].text == "| 05/02/2019 | S |"
    assert [w.text for w in mended[1].words] == ["05/02/2019", "S"]
    taken = readings[1, "05/02/2019"]
    assert not taken.agrees and taken.settled and taken.first == "06/02/2019"


def test_a_reading_first_passed_bears_witness_for_its_column() -> None:
    laid = [_line("| S$ |")]
    doubted = [_doubted(laid, 0, "non_derivative_table[3].transaction_code", "S$")]
    unwitnessed = settle(laid, doubted, ["s"])[1][0, "S$"]
    assert not unwitnessed.settled
    mended, readings = settle(laid, doubted, ["s"],
                              passed=[("non_derivative_table[0].transaction_code", "S")])
    # Taken as the witness printed it.
    assert mended[0].text == "| S |" and readings[0, "S"].settled
    # A code of another column is no witness; Table II's transaction codes are Table I's.
    other = settle(laid, doubted, ["s"], passed=[
        ("non_derivative_table[0].transaction_acquired_disposed_code", "S")])[1]
    assert not other[0, "S$"].settled
    table_ii = settle(laid, doubted, ["s"],
                      passed=[("derivative_table[0].transaction_code", "S")])[1]
    assert table_ii[0, "S"].settled


def test_an_amount_the_document_bears_out_is_spelled_as_printed_there() -> None:
    """The second engine's "3,139.533" compares as "3,139,533", read alike elsewhere, but
    would parse as a decimal: the value is taken as the witness printed it (pmn fax150)."""
    laid = [_line("| 3,139,633 (4) | D |")]
    path = "derivative_table[3].shares_owned_following_transaction"
    doubted = [_doubted(laid, 0, path, "3,139,633 (4)")]
    mended, readings = settle(laid, doubted, ["3,139.533 (4)"], passed=[
        ("derivative_table[3].underlying_security_shares", "3,139,533")])
    assert mended[0].text == "| 3,139,533 (4) | D |"
    assert readings[0, "3,139,533 (4)"].settled_as == "3,139,533 (4)"


def test_values_mended_on_one_line_each_land_on_their_own_words() -> None:
    """An amount read anew as two words ("3,139,533 (4)" for "3,139,633(4)") shifts the words
    after it: the code right of it is still mended in its own place, not over the "(4)"."""
    laid = [_line("| 3,139,633(4) | S$ |")]
    doubted = [_doubted(laid, 0, "derivative_table[3].shares_owned_following_transaction",
                        "3,139,633(4)"),
               _doubted(laid, 0, "derivative_table[3].transaction_code", "S$")]
    mended, readings = settle(laid, doubted, ["3,139.533 (4)", "s"], passed=[
        ("derivative_table[3].underlying_security_shares", "3,139,533"),
        ("derivative_table[0].transaction_code", "S")])
    assert mended[0].text == "| 3,139,533 (4) | S |"
    assert [w.text for w in mended[0].words] == ["3,139,533", "(4)", "S"]
    assert readings[0, "3,139,533 (4)"].settled and readings[0, "S"].settled


def test_the_word_list_settles_a_word_against_a_non_word_in_small_letters() -> None:
    laid = [_line("shares were withheld by Apple 1o satisfy tax eamed", 100)]
    raw = laid[0].text
    doubted = [_doubted(laid, 0, "footnotes[0].text", raw)]
    mended, readings = settle(laid, doubted,
                              ["shares were withheld by Apple to satisfy tax earned"])
    assert mended[0].text == "shares were withheld by Apple to satisfy tax earned"
    assert readings[0, mended[0].text].settled


@pytest.mark.parametrize(("first", "second"), [
    ("Jean-Claude Canine Lamercie", "Jean-Claude Carine Lamercie"),  # a name: no list judges
    ("the form was filed", "the from was filed"),                    # two words: no judge
    ("Effective April 8, 2073", "Effective April 8, 201 3"),          # two non-words
])
def test_a_difference_the_word_list_cannot_settle_stays_open(first: str, second: str) -> None:
    laid = [_line(first)]
    doubted = [_doubted(laid, 0, "footnotes[0].text", first)]
    mended, readings = settle(laid, doubted, [second])
    assert mended == laid and not readings[0, first].settled


def test_value_words_span_lines_and_the_regions_stop_short_of_neighbours() -> None:
    laid = [_line("(1) The Elon Musk", 100), _line("Revocable Trust.", 110)]
    found = find_value_words(laid, 0, "The Elon Musk\nRevocable Trust.")
    assert found is not None
    assert found.runs == ((0, 1, 3), (1, 0, 2)) and found.text == "The Elon Musk Revocable Trust."
    first_line, second_line = found.regions
    # Widened to the left, but only halfway to the "(1)" marker, which ends at x=45.
    assert first_line[0] == pytest.approx((45.0 + 50.0) / 2)
    assert second_line[0] < 20.0
    assert find_value_words(laid, 0, "The Elon Musk\nWithdrawn") is None


def test_second_reading_settled_only_with_a_witness() -> None:
    assert SecondReading("5", "5", "amount").agrees
    assert not SecondReading("5", "6", "amount").settled
    assert SecondReading("5", "6", "amount", settled_as="6").settled


@pytest.mark.parametrize(("first", "second", "settled_as"), [
    # A signature's mark is one of the form's terms; "tsi" is no word.
    ("tsi Sam Whittington, Attorney-in-Fact", "/s/ Sam Whittington, Aftorney-in-Fact",
     "/s/ Sam Whittington, Attorney-in-Fact"),
    # The size of an s is the second engine's weak point: tesseract's capitals stand.
    ("Each RSU vests", "Each RsU vests", "Each RSU vests"),
    ("Rule 1065-1 plan", "Rule 10b5-1 plan", "Rule 10b5-1 plan"),
    ("from $2,571.65 to $2,600.", "from $2.571.65 to $2,600.", "from $2,571.65 to $2,600."),
    ("15,000 shares", "15.000 shares", "15,000 shares"),
    ("multip!e trades", "multiple trades", "multiple trades"),
    ("sold in multiple trades", "sold inmultiple tra des", None),
])
def test_signature_words_are_form_terms(first: str, second: str,
                                        settled_as: str | None) -> None:
    laid = [_line(first)]
    doubted = [_doubted(laid, 0, "signatures[0].signature_name", first)]
    mended, readings = settle(laid, doubted, [second])
    key = (0, settled_as or first)
    assert readings[key].settled_as == settled_as
    if settled_as:
        assert mended[0].text == settled_as
