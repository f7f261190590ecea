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
