"""A table cell's text from its words, as the page set them: footnote markers raised
above the line or typed level with it written "(1)", words wrapped at a hyphen joined, and
what may be a raised marker run into an OCR'd value told."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.ingest.page import Word

MARKER_WORD = re.compile(r"^(?:\(\d{1,2}\))+$")
_SUPERSCRIPT_DIGITS = re.compile(r"^\d{1,2}(?:,\d{1,2})*$")
#: Footnote numbers as a marker prints them: 1 to 99 ("0" is a value, never a note's).
_MARKER_NUMBERS = re.compile(r"^[1-9]\d?(?:,[1-9]\d?)*$")


def cell_text(words: Sequence[Word], row_height: float) -> str:
    """A cell's text with raised small digits written as the markers they are: "(1)".

    A digit is a superscript marker when it is smaller than the word it follows in the cell
    and stands above that word's baseline or on a line of its own, or, alone, smaller than
    the row's words.
    """
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.bottom):
        # A raised marker stands within its word's line: it reads after the word, not above.
        if lines and _overlap(lines[-1][-1], word):
            lines[-1].append(word)
        else:
            lines.append([word])
    ordered = [w for line in lines for w in sorted(line, key=lambda w: w.x0)]
    alone = {id(line[0]) for line in lines[1:] if len(line) == 1}
    parts: list[str] = []
    for index, word in enumerate(ordered):
        before = ordered[index - 1] if index else None
        height = word.bottom - word.top
        small = before is not None and height < 0.8 * (before.bottom - before.top)
        # (small digits on a line of their own under a long number are its markers too)
        raised = bool(_SUPERSCRIPT_DIGITS.match(word.text)) and (
            (small and before is not None and (
                word.bottom < before.bottom - 0.2 * (before.bottom - before.top) or
                id(word) in alone)) or
            (before is None and height < 0.8 * row_height) or
            _marker_set_level(word, before, lines))
        text = "".join(f"({n})" for n in word.text.split(",")) if raised else word.text
        # a word broken at its hyphen where the cell wrapped is joined again ("Non-Qualified"),
        # and a footnote marker broken after its bracket ("Footnotes(" / "1)")
        if parts and before is not None and word.top > before.bottom - 0.2 * height and \
                _WRAPPED_AT_HYPHEN.search(parts[-1]) and text[:1].isalnum():
            parts[-1] += text
        else:
            parts.append(text)
    return " ".join(parts)


def _marker_set_level(word: Word, before: Word | None, lines: list[list[Word]]) -> bool:
    """Whether small digits set at the size of the text are a footnote marker, as typed
    text and ``pdftotext -layout`` print a superscript: after a number on its line
    ("294,840.00 6"), or on a line of their own in a cell whose other line is a number."""
    if not _MARKER_NUMBERS.match(word.text):
        return False
    if before is not None and _overlap(before, word):
        return bool(NUMBER.match(before.text)) and any(c.isdigit() for c in before.text)
    line = next(line for line in lines if word in line)
    return len(line) == 1 and any(
        NUMBER.match(w.text) and not _SUPERSCRIPT_DIGITS.match(w.text)
        for other in lines if other is not line for w in other)


_WRAPPED_AT_HYPHEN = re.compile(r"[A-Za-z]-$|\($")


def _overlap(first: Word, second: Word) -> bool:
    """Whether either word's middle lies within the other's height."""
    return first.top <= second.cy <= first.bottom or second.top <= first.cy <= second.bottom


NUMBER = re.compile(r"^\$?[\d,.]+$")


_STRAY_END = re.compile(r"[A-Za-z0-9][\"“”'’?*)]+$")


def glued_marker(words: Sequence[Word], value: object, digit_height: float) -> str | None:
    """Why an OCR'd cell may hold a raised footnote marker run into its value, if it may:
    a number set taller than the page's numbers (a raised digit at its end), or text ending
    in quote marks or a lone parenthesis (what OCR makes of a small "(1)")."""
    read = [w for w in words if w.size is None]
    if not read:
        return None
    if isinstance(value, str) and _STRAY_END.search(value) and \
            value.count("(") < value.count(")") + ("(" not in value and value[-1] != ")"):
        return f"{value!r} ends in marks that may be a raised footnote marker misread"
    tall = [w for w in read if NUMBER.match(w.text) and
            w.bottom - w.top > TALL_NUMBER * digit_height]
    if tall and not isinstance(value, str):
        return f"{tall[0].text!r} stands taller than the page's numbers: a raised footnote " \
               "marker may be run into it"
    return None


#: An OCR'd number this much taller than the table's others has a raised digit in it.


TALL_NUMBER = 1.25
