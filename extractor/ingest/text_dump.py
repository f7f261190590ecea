"""Read a plain OCR text or markdown-table dump into lines of cells.

A markdown row ``| a | b |`` becomes a line with cells ("a", "b"); separator rows (``|---|``)
are dropped; any other line is a line with one cell.  The *flat text* joins cells with `` | ``
and lines with newlines: label search runs on it, and every span found there can be mapped
back to a line and cell.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-*:?\s*)*\|?\s*$")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_MARKDOWN_NOISE = re.compile(r"\\emph\{([^}]*)\}|\*(\S[^*]*?)\*(?!\*)")
#: HTML table markup a converter left in the text: rows, cells, the table's own tags.
_HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.IGNORECASE | re.DOTALL)
_HTML_CELL = re.compile(r"<t[dh]\b([^>]*)>(.*?)(?=<t[dh]\b|</tr|$)", re.IGNORECASE | re.DOTALL)
_HTML_TABLE_TAG = re.compile(r"</?(?:table|tbody|thead|tfoot)\b[^>]*>", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(?:t[dh]|span|div|p|b|i|strong|em|font)\b[^>]*>", re.IGNORECASE)
_COLSPAN = re.compile(r"colspan\s*=\s*[\"']?(\d+)", re.IGNORECASE)


def has_html_tables(text: str) -> bool:
    """True when the text holds HTML table rows, as some converters write tables."""
    return bool(_HTML_ROW.search(text))


def html_tables_to_markdown(text: str) -> str:
    """Every ``<tr>`` of the text as a markdown row (a spanned cell and the empty cells it
    covers), so HTML tables are read as the markdown tables they are."""

    def row(match: re.Match[str]) -> str:
        cells: list[str] = []
        for cell in _HTML_CELL.finditer(match[1]):
            span = _COLSPAN.search(cell[1])
            text = html.unescape(_HTML_TAG.sub(" ", cell[2])).replace("|", "/").replace("\n", " ")
            cells += [text.strip(), *([""] * (int(span[1]) - 1 if span else 0))]
        return "\n| " + " | ".join(cells) + " |\n"

    return _HTML_TABLE_TAG.sub("\n", _HTML_ROW.sub(row, text))


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of the dump: its cells, whether it was a markdown table row, its line number."""

    cells: tuple[str, ...]
    is_table_row: bool
    line_number: int

    @property
    def text(self) -> str:
        return " | ".join(self.cells)

    @property
    def filled_cells(self) -> tuple[str, ...]:
        return tuple(c for c in self.cells if c)


@dataclass(frozen=True, slots=True)
class TextDump:
    """A dump as lines, plus the flat text and each line's start offset in it."""

    lines: tuple[TextLine, ...]
    flat: str
    line_starts: tuple[int, ...]

    def line_at(self, offset: int) -> int:
        """Index of the line holding flat-text ``offset``."""
        import bisect

        return max(0, bisect.bisect_right(self.line_starts, offset) - 1)


def _clean_cell(cell: str) -> str:
    cell = _MARKDOWN_NOISE.sub(lambda m: m[1] or m[2] or "", cell)
    return " ".join(cell.replace("\u00a0", " ").split())


def read_text_dump(text: str) -> TextDump:
    """Split ``text`` into :class:`TextLine` s and build the flat text."""
    lines: list[TextLine] = []
    if has_html_tables(text):
        text = html_tables_to_markdown(text)
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped.startswith("|"):
            if _SEPARATOR_ROW.match(stripped):
                continue
            body = stripped[1:-1] if stripped.endswith("|") and len(stripped) > 1 else stripped[1:]
            # An HTML line break inside cells (converters keep "<br>") stacks the row's lines.
            pieces = [_BREAK.split(c) for c in body.split("|")]
            for depth in range(max(len(p) for p in pieces)):
                cells = tuple(_clean_cell(p[depth]) if depth < len(p) else "" for p in pieces)
                lines.append(TextLine(cells, True, number))
        else:  # a line break a converter kept ("<br>") is one here too
            lines += [TextLine((_clean_cell(piece),), False, number)
                      for piece in _BREAK.split(stripped) if piece.strip()]
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for line in lines:
        starts.append(offset)
        parts.append(line.text)
        offset += len(line.text) + 1
    return TextDump(tuple(lines), "\n".join(parts), tuple(starts))
