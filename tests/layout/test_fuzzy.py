import pytest

from extractor.layout.fuzzy import find_all_labels, find_label, normalize


def test_normalize_keeps_an_index_to_the_original() -> None:
    norm = normalize("I. Name  |  and")
    assert norm.text == "l. name and"
    assert norm.original_offset(3) == 3
    assert norm.original_offset(8) == 12  # "a" of "and"


@pytest.mark.parametrize("damaged", [
    "I. Name and Address of Reporting Person *",     # 1 read as I
    "1.Name and Addr | ess of Reporting Person",     # split across cells
    "1. Narne and Address of Reporting Person",      # rn for m
    ". Name and Address of Reporting Perso",         # clipped at both ends
])
def test_label_survives_damage(damaged: str) -> None:
    text = f"FORM 4 | {damaged} Longcor Jarrod"
    match = find_label(text, "1. Name and Address of Reporting Person*")
    assert match is not None
    assert text[match.end:].strip().endswith("Longcor Jarrod")
    assert "Longcor" not in text[match.start:match.end]


def test_unrelated_text_does_not_match() -> None:
    assert find_label("The quick brown fox jumps over the lazy dog",
                      "Date of Earliest Transaction (Month/Day/Year)") is None


def test_short_labels_match_whole_words_only() -> None:
    assert find_label("Directorship", "Director") is None
    match = find_label("(X) Director", "Director")
    assert match is not None and match.start == 4


def test_find_all_labels_in_order() -> None:
    text = "Signatures a | Signatures b | Signatures"
    assert [m.start for m in find_all_labels(text, "Signatures")] == [0, 15, 30]
