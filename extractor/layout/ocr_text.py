"""Traces an OCR engine leaves in the plain text it prints of a form's page.

An OCR engine reads a printed form's check boxes as letters and brackets ("LI}", "C]",
"[_]"), a footnote's superscript as a character glued to the number before it ("560,000°",
"D®", "206.55?") and a ruling as a bar between words ("Amount | (A) or (D)").  A typed or
converted text has none of these: its characters are the ones typed, so a reader may take
them as they stand.  On an OCR engine's text any character may be a misreading.
"""

from __future__ import annotations

import re

#: A word an OCR engine made of a box, a superscript or a stroke.
OCR_TOKEN = re.compile(
    r"\d[°®’”?]"                      # a superscript footnote read as a mark after a number
    r"|^[A-Z][®°>]$"                  # ... after a one-letter code ("D®")
    r"|^\[_\]$"                       # an empty box with its bottom line
    r"|^(?:[\[(]?[CLIJ]{1,2}[\]}]"    # a box's strokes read as letters ("C]", "LJ}", "CL]")
    r"|L[IJ]\}"
    r"|\[(?![Xx]\])[A-Za-z][a-z]?\]"  # a ticked box read as a letter ("[M]", "[Bi]")
    r"|\[[“\"'’]\])$")
#: A line with one ruling between words, single-spaced: a table's stroke read as a bar.  A
#: typed form's bars are walls with padding, and a line of them holds several.
_STRAY_BAR = re.compile(r"^[^|]*[A-Za-z0-9][^|]*[^\s|] \| [^\s|][^|]*$")
#: From this many traces on, a text is an OCR engine's reading.
MIN_TRACES = 2


def ocr_traces(text: str) -> int:
    """How many words and lines of ``text`` carry an OCR engine's traces."""
    words = sum(1 for word in text.split() if OCR_TOKEN.search(word))
    bars = sum(1 for line in text.splitlines() if _STRAY_BAR.match(line.strip()))
    return words + bars


def looks_like_ocr(text: str) -> bool:
    """Whether ``text`` is an OCR engine's reading of a page, whose characters may be wrong."""
    return ocr_traces(text) >= MIN_TRACES


#: A number with a superscript glued to it: the marks after it are the footnote's, unreadable.
_GLUED_NUMBER = re.compile(r"^(?P<value>\$?\d[\d,]*(?:\.\d+)?)[°®’”?\"'>»]\S*$")
#: A one-letter code with its superscript ("D®", "D>").
_GLUED_CODE = re.compile(r"^(?P<value>[A-Z])[®°>»]$")
#: Quotes an OCR engine puts at a word's edge for a speck or a superscript.
_EDGE_QUOTES = "“”‘’\"»«"


def clean_line(line: str) -> tuple[str, bool]:
    """``line`` without an OCR engine's traces between and on its words: stray bars and
    specks dropped, superscripts cut off the numbers and codes they were glued to.  The flag
    says a superscript was cut off: a footnote mark the text no longer shows."""
    words: list[str] = []
    lost_mark = False
    for word in line.split():
        if word in {"|", "||", "_|", "|_", "[|", "|]"}:
            continue
        m = _GLUED_NUMBER.match(word) or _GLUED_CODE.match(word)
        if m:
            words.append(m["value"])
            lost_mark = True
            continue
        stripped = word.strip(_EDGE_QUOTES)
        if stripped != word and re.search(r"[A-Za-z]{2}", stripped):
            word = stripped
        words.append(word)
    return " ".join(words), lost_mark


def clean_text(text: str) -> tuple[str, int]:
    """``text`` with :func:`clean_line` applied to every line (blank lines kept), and how many
    footnote marks were cut off."""
    lines: list[str] = []
    lost = 0
    for line in text.replace("\f", "\n\f").split("\n"):
        cleaned, lost_mark = clean_line(line)
        lines.append(("\f" if line.startswith("\f") else "") + cleaned)
        lost += lost_mark
    return "\n".join(lines), lost
