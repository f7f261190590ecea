"""The value paragraphs of a reading-order table: each cell of plain ``pdftotext`` text.

Plain ``pdftotext`` prints a table cell as a paragraph of its own (lines with no blank line
between), the printed headings among them.  The values are gathered here into cells: a title
wrapped over lines is one cell, a name's year or numeral on a line of its own ("SMB Pacific" /
"2021" / "... Unitrust" / "I") stays in the name, and a title whose first line carries its
row's amount ("Ordinary 60000" / "Shares", "Non-Qualified $17.22" / "Stock Option") is put back
together, with a title that leads its row split from the amount beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.assemble.reading_order_cells import (
    cell_kind,
    cell_kinds,
    cell_words,
    lettered_titles,
)
from extractor.assemble.reading_order_refs import marked_cell
from extractor.layout.reading_order import Line, is_value

_YEAR = re.compile(r"(?:19|20)\d\d")
#: A numeral ending a name on a line of its own in the name's paragraph ("Unitrust" / "I"):
#: a D or I stands in a paragraph of its own.
_NUMERALS = frozenset({"I", "II", "III", "IV", "V", "VI"})
#: The end of a printed heading broken onto a line of its own: digits and "&" or "," and a
#: closing parenthesis without its opening one ("4 & 5)").
_HEADING_TAIL = re.compile(r"^[\d\s,&and]*\d\s*\)$")


@dataclass
class TextCell:
    """A value paragraph (a cell, or a row when the text prints rows as lines)."""

    words: list[str]
    raw: str
    #: Where the next line of a title wrapped beside its amount goes ("Class A 18,509,696" /
    #: "Common" / "Stock"): after the title's words already put back.
    wrap_at: int | None = None

    @property
    def is_text(self) -> bool:
        """A title or a note: it starts with a word and ends with a word or markers
        ("Class A Common Stock, $0.01 par value (1)"); "Non-Qualified $17.22" is two cells."""
        kinds = cell_kinds(self.words)
        while kinds and kinds[-1] == "ref":
            kinds.pop()
        last_line = self.raw.rsplit("\n", 1)[-1].split()
        if len(kinds) >= 2 and kinds[-2:] == ["text", "code"] and (
                len(last_line) >= 2 or (len(self.words) >= 3 and last_line[0] in _NUMERALS)):
            kinds[-1] = "text"  # a name's letter on its line ("Unitrust I"), not a lone D or I
        if len(kinds) >= 2 and last_line == self.words[-1:] and _YEAR.fullmatch(last_line[0]):
            kinds[-1] = "text"  # a year in a name, its words going on below (_year_in_name)
        return bool(kinds) and kinds[0] == "text" and kinds[-1] == "text" and \
            "date" not in kinds


def value_cells(lines: Sequence[Line], notes: int = 0) -> list[TextCell]:
    """The region's values as paragraphs, the printed headings among them left out, bare
    footnote numbers after a value written as markers."""
    cells: list[TextCell] = []
    block = None
    heading: int | None = None  # the block of the last heading line
    titled = lettered_titles(lines)
    for index, line in enumerate(titled):
        after = titled[index + 1] if index + 1 < len(titled) else None
        wraps = block == line.block and cells and _wraps_title(cells[-1], line.text)
        if not is_value(line.text) and not wraps and not (
                block == line.block and cells and cells[-1].is_text and
                len(line.text.split()) <= 4 and re.search(r"[A-Za-z]", line.text)):
            block = None  # a heading; a short printed word ending a title stays ("Shares")
            heading = line.block
            continue
        if line.block == heading and re.fullmatch(r"\([A-Z]\)", line.text.strip()):
            continue  # the heading's own letter on its next line ("INDIRECT" / "(I)")
        if _HEADING_TAIL.match(line.text):
            continue  # a heading's broken-off end ("4 & 5)" of "(Instr. 3, 4 & 5)")
        text = marked_cell(line.text, notes)
        words = cell_words(text)
        if not words:
            continue
        if wraps:  # "Ordinary 60000" / "Shares": the title's second line, put back before it
            cell = cells[-1]
            cut = cell.wrap_at if cell.wrap_at is not None else \
                _last_text_word(cell.words) + 1
            cell.words[cut:cut] = words
            cell.wrap_at = cut + len(words)
            cell.raw += "\n" + text
        elif block == line.block and cells and (_continues(cells[-1], words) or
                                                _year_in_name(cells[-1], words, after, line)):
            cells[-1].words += words
            cells[-1].raw += "\n" + text
        else:
            cells.append(TextCell(words, text))
        block = line.block
    return [part for cell in cells for part in _title_apart(cell)]


def _title_apart(cell: TextCell) -> list[TextCell]:
    """A cell of a title put back around its amount ("Non-Qualified Stock Option $17.22") as
    the title and the amount: two columns' cells that the text printed on one line."""
    cut = cell.wrap_at
    if cut is None or cell_kind(cell.words[0]) != "text" or \
            {cell_kind(w) for w in cell.words[cut:]} - {"amount", "ref"} or \
            cell_kind(cell.words[cut]) != "amount":
        return [cell]
    title, value = cell.words[:cut], cell.words[cut:]
    return [TextCell(title, " ".join(title)), TextCell(value, " ".join(value))]


def _last_text_word(words: list[str]) -> int:
    kinds = cell_kinds(words)
    return max((i for i, k in enumerate(kinds) if k == "text"), default=-1)


def _wraps_title(cell: TextCell, text: str) -> bool:
    """Whether the line ``text`` is the second line of a title that ends ``cell`` beside its
    amount ("7/25/2032 Ordinary 60000" / "Shares"): Table II's underlying title wraps in its
    cell, and the text prints the amount beside the title's first line."""
    words = text.split()
    last_line = cell.raw.rsplit("\n", 1)[-1].split()
    kinds = [k for k in cell_kinds(last_line) if k != "ref"]
    values = len(kinds) - len("".join("t" if k == "text" else "v" for k in kinds).rstrip("v"))
    return (cell.wrap_at is not None or (
        0 < values < len(kinds) and set(kinds[-values:]) == {"amount"})) and \
        1 <= len(words) <= 3 \
        and all(re.fullmatch(r"\(?[A-Za-z][A-Za-z.,\-]*\)?", w) for w in words) and \
        set(cell_kinds(words)) == {"text"}


def _year_in_name(cell: TextCell, words: list[str], after: Line | None, line: Line) -> bool:
    """A year on a line of its own inside a name of its paragraph ("SMB Pacific" / "2021" /
    "Charitable Remainder Unitrust"): a trust's name, not an amount, when text goes on after
    it in the same paragraph."""
    return cell.is_text and len(words) == 1 and bool(_YEAR.fullmatch(words[0])) and \
        after is not None and after.block == line.block and \
        set(cell_kinds(after.text.split())) <= {"text", "ref"}


def _continues(cell: TextCell, words: list[str]) -> bool:
    """A line of the same paragraph goes on the cell when both are text (a wrapped title) or
    it holds only markers; a value on its own line is a cell of its own."""
    kinds = {cell_kind(w) for w in words}
    numeral = words[-1] in _NUMERALS and len(cell.words) + len(words) >= 3 and \
        {cell_kind(w) for w in words[:-1]} <= {"text"}
    return kinds <= {"ref"} or (cell.is_text and (kinds <= {"text", "ref"} or numeral))


