"""The cells of reading-order text by their types, and lines a title was broken across.

A word of a table cell is a date, an amount, a footnote marker, a one-letter code or text; a
title's letter ("Class A") is text.  Plain ``pdftotext`` breaks a title where the PDF wrapped
it, and at times beside another cell's value: such lines are put back together here.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from extractor.fields.amounts import parse_amount
from extractor.fields.dates import parse_date
from extractor.fields.footnote_refs import split_footnote_refs
from extractor.layout.reading_order import Line, is_value


def cell_kind(token: str) -> str:
    """A word's type: date, amount, ref, code or text."""
    text, refs = split_footnote_refs(token)
    if not text:
        return "ref" if refs else "text"
    if re.fullmatch(r"\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}|\d{4}-\d{2}-\d{2}", text) and \
            parse_date(text) is not None:
        return "date"
    if parse_amount(text) is not None and re.search(r"\d", text):
        return "amount"
    if re.fullmatch(r"[A-Z]", text.strip("()")):
        return "code"
    return "text"


#: Words a title's letter follows ("Class A", "Series B"): that letter is no code.
LETTERED_WORDS = frozenset({"class", "series", "tranche", "type"})


def cell_kinds(words: list[str]) -> list[str]:
    """The words' types, a title's letter ("Class A") read as text."""
    kinds = [cell_kind(w) for w in words]
    for i in range(1, len(words)):
        if kinds[i] == "code" and words[i - 1].lower() in LETTERED_WORDS:
            kinds[i] = "text"
    return kinds


def cell_words(text: str) -> list[str]:
    """The words of a cell, a lone "$" joined to its amount ("$ 159.94")."""
    words: list[str] = []
    for word in text.split():
        if words and words[-1] == "$":
            words[-1] += word
        else:
            words.append(word)
    return words


def lettered_titles(lines: Sequence[Line]) -> list[Line]:
    """The lines, a title's "Class" (a printed word alone) joined to its letter on the next
    line of its paragraph ("Class" / "A" -> "Class A"), and a title wrapped around the value
    printed beside its first line ("Common 05-12-2023" / "Stock") put back together."""
    out: list[Line] = []
    for line in wrapped_around(lines):
        if out and re.fullmatch(r"[A-Z]", line.text) and out[-1].block == line.block and \
                out[-1].text.split()[-1].lower() in LETTERED_WORDS:
            out[-1] = dataclasses.replace(out[-1], text=f"{out[-1].text} {line.text}")
            continue
        out.append(line)
    return out


def wrapped_around(lines: Sequence[Line]) -> list[Line]:
    """A line of a title's first words and a date, followed in its paragraph by a line of a
    few words only, as the title's two lines and then the date: "Common 05-12-2023" /
    "Stock" -> "Common Stock" / "05-12-2023".  (Beside an amount the words may be Table II's
    underlying title as well as the row's own: left as they are.)"""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        words = line.text.split()
        after = lines[index + 1] if index + 1 < len(lines) else None
        kinds = cell_kinds(words)
        if len(words) >= 2 and kinds[-1] == "date" and \
                set(kinds[:-1]) == {"text"} and after is not None and \
                after.block == line.block and is_value(after.text) and \
                len(after.text.split()) <= 3 and set(cell_kinds(after.text.split())) <= {"text",
                                                                                    "ref"}:
            title = " ".join(words[:-1]) + " " + after.text
            out += [dataclasses.replace(line, text=title), dataclasses.replace(after,
                                                                              text=words[-1])]
            index += 2
            continue
        out.append(line)
        index += 1
    return out
