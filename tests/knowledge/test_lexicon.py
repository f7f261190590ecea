"""The word list that checks OCR's notes: pyspellchecker's English plus the form's terms."""

from __future__ import annotations

import pytest

from extractor.knowledge.lexicon import (
    ends_in_stray_full_stop,
    first_slip,
    first_unknown_word,
    is_known_word,
)


@pytest.mark.parametrize(("token", "known"), [
    ("regarding", True), ("Regarding,", True), ("weighted-average", True), ("and/or", True),
    ("person's", True), ("LLC", True), ("L.P.", True), ("10b5-1", True), ("RSUs", True),
    ("Unitrust", True), ("a", True), ("I", True), ("E.", True),  # an initial
    # OCR's slips on blurred scans, as read in the benchmark's office scans:
    ("fegarding", False), ("eamed", False), ("muitiple", False), ("ordinaty", False),
    ("i", False), ("€lon", False),  # a letter read as a symbol
    # Not made of letters: a word list cannot judge them.
    ("$68.38", None), ("(1)", None), ("2,500", None), ("1/60th", None), ("-", None),
])
def test_is_known_word(token: str, known: bool | None) -> None:
    assert is_known_word(token) is known


def test_first_unknown_word_of_a_footnote() -> None:
    note = ("This transaction was executed in multiple trades at prices ranging from $206.10 "
            "to $207.09; the reporting person undertakes to provide full information")
    assert first_unknown_word(note) is None
    assert first_unknown_word(note.replace("multiple", "muitiple")) == "muitiple"


@pytest.mark.parametrize(("text", "stray"), [
    ("Musk Elon.", True), ("Chief Executive Officer.", True),
    ("Apple Inc.", False), ("COOK TIMOTHY D.", False), ("Partners, L.P.", False),
    ("Smith John Jr.", False), ("Revocable...", False), ("Musk Elon", False), ("", False),
])
def test_a_full_stop_only_an_abbreviation_or_initial_explains(text: str, stray: bool) -> None:
    assert ends_in_stray_full_stop(text) is stray


@pytest.mark.parametrize(("token", "commoner"), [
    ("ta", "to"), ("ali", "all"),                  # English, but far rarer than a slip away
    ("to", None), ("la", None), ("SEC", None), ("Oct", None), ("Lam", None), ("II", None),
    ("share", None),                               # longer words are judged as words
])
def test_short_rare_words_that_read_like_a_slip(token: str, commoner: str | None) -> None:
    from extractor.knowledge.lexicon import commoner_lookalike

    assert commoner_lookalike(token) == commoner
    found = first_slip(f"Non-Qualifed Option (right {token} buy)")
    assert found == ((token, commoner) if commoner else None)


@pytest.mark.parametrize(("text", "elsewhere", "found"), [
    ("/s/ Sam Whittington, Attomey-in-Fact", frozenset(), ("Attomey-in-Fact", "attorney")),
    ("Eion Musk", frozenset({"elon"}), ("Eion", "elon")),
    ("OraftKings Inc.", frozenset({"draftkings"}), ("OraftKings", "draftkings")),
    # A short name one slip from an English word is no slip: "Elon" and "Eton".
    ("Elon Musk", frozenset(), None),
    ("Musk Elon", frozenset({"elon"}), None),
])
def test_first_near_miss(text: str, elsewhere: frozenset[str],
                         found: tuple[str, str] | None) -> None:
    from extractor.knowledge.lexicon import first_near_miss

    assert first_near_miss(text, elsewhere=elsewhere) == found


@pytest.mark.parametrize(("text", "prose", "doubt"), [
    ("Tesla, Inc.", False, None),
    ("SB Global Advisers Limited, By: /s/ Stephen Lam", False, None),
    ("By SVF II Beaver (DE) LLC", False, None),
    ("By SVF 11 Beaver (DE) LLC", False, "strokes"),
    ("Kevin Tang, Manager of Tang Capital Management. LLC", False, "full stop"),
    ("Includes shares of common stock stil held.", True, "'stil' is no word"),
    ("The price reported is a weighted average price.", True, None),
    ("The price reported is a weighted average price", True, "does not end"),
])
def test_doubtful_words(text: str, prose: bool, doubt: str | None) -> None:
    from extractor.knowledge.lexicon import doubtful_words

    found = doubtful_words(text, prose=prose)
    assert (found is None) if doubt is None else (doubt in (found or ""))
