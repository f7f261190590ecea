"""Find printed labels in damaged text with rapidfuzz.

Real dumps split labels across table cells ("1.Title of Se | ecurity"), clip their first or last
characters ("MB Number", "stimated"), merge cells, and confuse look-alike characters (0/O,
1/l/I, 5/S).  Matching therefore runs on a *normalised* copy of the text: case folded, table
pipes and runs of white space collapsed to one space, look-alike characters mapped to one
representative.  An index map takes every match back to the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

#: Look-alike characters mapped to one representative.  Applied to label and text alike, so it
#: only makes confusable spellings equal; it never changes what a reader returns.
_CONFUSABLES = str.maketrans({
    "0": "o", "1": "l", "i": "l", "|": " ", "5": "s", "8": "b", "’": "'", "‘": "'", "“": '"',
    "”": '"', "—": "-", "–": "-", "*": " ", "\\": " ", "_": " ",
})


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """``text`` normalised for matching, with ``index[i]`` the original offset of char ``i``."""

    text: str
    index: tuple[int, ...]
    original_length: int

    def original_offset(self, position: int) -> int:
        if position >= len(self.index):
            return self.original_length
        return self.index[position]


def normalize(text: str) -> NormalizedText:
    """Fold case, map look-alikes and collapse white space, keeping a map to the original."""
    out: list[str] = []
    index: list[int] = []
    folded = text.casefold().translate(_CONFUSABLES)
    for position, char in enumerate(folded):
        if char.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                index.append(position)
            continue
        out.append(char)
        index.append(position)
    return NormalizedText("".join(out), tuple(index), len(text))


def normalize_label(label: str) -> str:
    return normalize(label).text.strip()


@dataclass(frozen=True, slots=True)
class LabelMatch:
    """Where a label was found: ``[start, end)`` in the original text, and a 0-100 score."""

    start: int
    end: int
    score: float


def find_label(
    text: str | NormalizedText,
    label: str,
    start: int = 0,
    end: int | None = None,
    min_score: float = 80.0,
) -> LabelMatch | None:
    """The best match of ``label`` in ``text[start:end]`` (original offsets), or None.

    ``min_score`` is rapidfuzz's 0-100 similarity of the label to the aligned text.  Short labels
    (under 8 characters) must match exactly after normalisation: a fuzzy "Date" matches too much.
    """
    norm = text if isinstance(text, NormalizedText) else normalize(text)
    needle = normalize_label(label)
    if not needle:
        return None
    lo = _normalized_position(norm, start)
    hi = len(norm.text) if end is None else _normalized_position(norm, end)
    hay = norm.text[lo:hi]
    if len(needle) < 8:
        found = _find_word(hay, needle)
        if found < 0:
            return None
        return LabelMatch(norm.original_offset(lo + found),
                          norm.original_offset(lo + found + len(needle) - 1) + 1, 100.0)
    alignment = fuzz.partial_ratio_alignment(needle, hay, score_cutoff=min_score)
    if alignment is None:
        return None
    s, e = _refine(needle, hay, alignment.dest_start, alignment.dest_end)
    # A lone character after the label is a value's ("... Symbol 1 800 FLOWERS": the "1" must
    # not complete a clipped "Symbo"), unless the label itself ends in a lone character.
    if not re.search(r" \S$", needle):
        while e - s > 2 and re.search(r" \S$", hay[s:e]):
            e -= 2
    score = fuzz.ratio(needle, hay[s:e])
    if score < min_score:
        return None
    if len(needle) < 16 and e < len(hay) and hay[e].isalnum() and needle[-1].isalnum():
        return None  # a short label inside a longer word: "Director" in "Directorship"
    return LabelMatch(norm.original_offset(lo + s), norm.original_offset(lo + e - 1) + 1, score)


def find_all_labels(
    text: str | NormalizedText, label: str, min_score: float = 80.0,
    start: int = 0, end: int | None = None,
) -> list[LabelMatch]:
    """Every non-overlapping match of ``label`` in ``text[start:end]``, in order."""
    norm = text if isinstance(text, NormalizedText) else normalize(text)
    stop = norm.original_length if end is None else end
    found = find_label(norm, label, start, stop, min_score=min_score)
    if found is None:
        return []
    return [*find_all_labels(norm, label, min_score, start, found.start), found,
            *find_all_labels(norm, label, min_score, found.end, stop)]


def similarity(a: str, b: str) -> float:
    """0-100 similarity of two strings after normalisation."""
    return fuzz.ratio(normalize_label(a), normalize_label(b))


def _find_word(hay: str, needle: str) -> int:
    """Offset of ``needle`` in ``hay`` at word boundaries, or -1."""
    position = hay.find(needle)
    while position >= 0:
        before = hay[position - 1] if position else " "
        after_index = position + len(needle)
        after = hay[after_index] if after_index < len(hay) else " "
        if not before.isalnum() and not (after.isalnum() and needle[-1].isalnum()):
            return position
        position = hay.find(needle, position + 1)
    return -1


def _refine(needle: str, hay: str, start: int, end: int) -> tuple[int, int]:
    """Nudge an alignment's ends so the matched span scores best against the whole label.

    ``partial_ratio_alignment`` aligns a window of the label's length; when the text has clipped
    or inserted characters the true span is a few characters shorter or longer.  Spans that
    start and end on word boundaries win unless a span across a boundary scores clearly better:
    printed labels are whole words, even when a converter clipped or split them.
    """
    def bounded(s: int, e: int) -> bool:
        return (s == 0 or hay[s - 1] == " ") and (e == len(hay) or hay[e] == " ")

    best = (fuzz.ratio(needle, hay[start:end]), -(end - start), start, end)
    best_bounded = best if bounded(start, end) else (-1.0, 0, start, end)
    slack = max(3, len(needle) // 8)
    for s in range(max(0, start - slack), min(len(hay), start + slack) + 1):
        for e in range(max(s + 1, end - slack), min(len(hay), end + slack) + 1):
            candidate = (fuzz.ratio(needle, hay[s:e]), -(e - s), s, e)
            best = max(best, candidate)
            if bounded(s, e):
                best_bounded = max(best_bounded, candidate)
    _, _, s, e = best_bounded if best_bounded[0] >= best[0] - 3 else best
    while s < e and hay[s] == " ":
        s += 1
    while e > s and hay[e - 1] == " ":
        e -= 1
    return s, e


def _normalized_position(norm: NormalizedText, original: int) -> int:
    """The first normalised position whose original offset is at or after ``original``."""
    import bisect

    return bisect.bisect_left(norm.index, original)
