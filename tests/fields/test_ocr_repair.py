"""OCR look-alikes repaired only where the field's type leaves a single reading."""

from __future__ import annotations

import pytest

from extractor.fields.ocr_repair import join_split_number, repair_code, repair_digits
from extractor.knowledge.codes import (
    ACQUIRED_DISPOSED_CODES,
    DIRECT_INDIRECT_CODES,
    ROW_TRANSACTION_CODES,
)


@pytest.mark.parametrize(("read", "allowed", "code"), [
    ("l", DIRECT_INDIRECT_CODES, "I"),
    ("|", DIRECT_INDIRECT_CODES, "I"),
    ("1", DIRECT_INDIRECT_CODES, "I"),
    ("0", DIRECT_INDIRECT_CODES, "D"),
    ("0", ACQUIRED_DISPOSED_CODES, "D"),
    ("4", ACQUIRED_DISPOSED_CODES, "A"),
    ("5", ROW_TRANSACTION_CODES, "S"),
    ("S)", ROW_TRANSACTION_CODES, "S"),
    ("Ss}", ROW_TRANSACTION_CODES, "S"),
    ("Pp", ROW_TRANSACTION_CODES, "P"),
    ("iS)", ROW_TRANSACTION_CODES, "S"),
    ("SS)", ROW_TRANSACTION_CODES, "S"),
    ("s", ROW_TRANSACTION_CODES, "S"),
    ("l", ROW_TRANSACTION_CODES, "I"),  # a stroke: I or l, never L; only I is a code
    ("x", frozenset({"X"}), "X"),
    ("Xx", frozenset({"X"}), "X"),
])
def test_code_repaired(read: str, allowed: frozenset[str], code: str) -> None:
    assert repair_code(read, allowed) == code


@pytest.mark.parametrize(("read", "allowed"), [
    ("0", ROW_TRANSACTION_CODES),   # D or O: both are transaction codes
    ("B", DIRECT_INDIRECT_CODES),   # 8 is not D or I
    ("8", ROW_TRANSACTION_CODES),
    ("SD", ROW_TRANSACTION_CODES),  # two different letters
    ("Sa", ROW_TRANSACTION_CODES),  # a letter that is neither the capital nor a stroke
    ("d", DIRECT_INDIRECT_CODES),   # a small d is not the shape of D
    ("", DIRECT_INDIRECT_CODES),
])
def test_code_left_alone(read: str, allowed: frozenset[str]) -> None:
    assert repair_code(read, allowed) is None


@pytest.mark.parametrize(("read", "digits"), [
    ("1O,5OO", "10,500"),
    ("O8/24/2019", "08/24/2019"),
    ("$2O.l5", "$20.15"),
    ("3,S00 (1)", "3,500 (1)"),
    ("l2/3l/2O2l", "12/31/2021"),
])
def test_digits_repaired(read: str, digits: str) -> None:
    assert repair_digits(read) == digits


@pytest.mark.parametrize("read", ["Stock", "N/A", "12,500", "1x0", "$2.7g"])
def test_digits_left_alone(read: str) -> None:
    # Nothing to change (clean digits, words without digits) or a letter with no digit twin.
    assert repair_digits(read) is None


def test_only_words_holding_digits_are_repaired() -> None:
    assert repair_digits("Common Stock 1O") == "Common Stock 10"


def test_split_number_joined() -> None:
    assert join_split_number("$2,601. 6983") == "$2,601.6983"
    assert join_split_number("12,500 (1)") is None


def test_other_readings_are_the_valid_lookalike_codes() -> None:
    from extractor.fields.ocr_repair import other_readings
    from extractor.knowledge.codes import is_state_or_country_code

    assert other_readings("MO", is_state_or_country_code) == ["M0", "MD"]
    assert other_readings("X0", is_state_or_country_code) == []  # "XO", "XD": no such codes
    assert other_readings("NY", is_state_or_country_code) == []


@pytest.mark.parametrize(("postal", "mixed"), [
    ("JE1 0BD", True), ("W1K 3JP", True), ("KY1-9008", True),
    ("94105", False), ("94105-1234", False), ("048926", False), ("SW", False),
])
def test_postal_codes_mixing_lookalikes(postal: str, mixed: bool) -> None:
    from extractor.fields.ocr_repair import mixes_lookalikes

    assert mixes_lookalikes(postal) is mixed


@pytest.mark.parametrize(("read", "word"), [
    ("Cornmon", "common"), ("Ciass", "class"), ("Stock", None), ("Stok", None),
    ("Clirect", "direct"), ("Optlon", "option"),
])
def test_lookalike_word(read: str, word: str | None) -> None:
    from extractor.fields.ocr_repair import lookalike_word

    assert lookalike_word(read, frozenset({"common", "class", "stock", "direct", "option"})) \
        == word


@pytest.mark.parametrize(("read", "repaired"), [
    # Read so on the benchmark's office scans (blur and JPEG at 200 dpi).
    ("fegarding", "regarding"), ("tegarding,", "regarding,"), ("inciuded", "included"),
    ("muitiple", "multiple"), ("eamed", "earned"), ("ordinaty", "ordinary"),
    ("regarding", None),  # a word: left alone
    ("soid", None),       # "sold" or "said": two words, left for the reader
    ("Duckles", None),    # a name: capitalised, and no title word
    ("CLO", None),        # capitals: an officer title, a ticker
    ("Cornmon", "Common"), ("Ciass", "Class"),  # capitalised title words
    ("Alll", "All"), ("shalll", "shall"),  # a letter thrice: no word or name, even capitalised
    ("AAAL", None),                        # but capitals are left alone
])
def test_misread_word_repaired_only_into_one_word(read: str, repaired: str | None) -> None:
    from extractor.fields.ocr_repair import repair_misread_word
    from extractor.knowledge.codes import SECURITY_TITLE_WORDS
    from extractor.knowledge.lexicon import is_known_word

    assert repair_misread_word(read, is_known_word,
                               lambda w: w.lower() in SECURITY_TITLE_WORDS) == repaired


def test_capitalised_misreading_repaired_into_a_sub_label() -> None:
    """Box 1's "(Middle)" read "Middie" on an office scan: a form word, so it is repaired."""
    from extractor.fields.ocr_repair import repair_misread_word
    from extractor.knowledge.lexicon import is_known_word

    assert repair_misread_word("Middie", is_known_word, lambda w: w == "middle") == "Middle"
    assert repair_misread_word("Middie", is_known_word) is None
