"""Typed-out tables of legacy EDGAR text filings, read back into rows of cells.

An ASCII filing types its tables in fixed-width columns inside ``<TABLE>`` ... ``</TABLE>``:
one or more ``<CAPTION>`` parts (title and column headings), a marker line such as
``<S>    <C>   <C>`` whose tags stand where the columns begin, then the body.  Filers often
also draw the grid with ``|`` and rule lines of underscores or dashes, and a value too wide for
its column continues on the next line ("Options to Purchase Co|" + "mmon Stock").

Column boundaries are read from the text itself, never assumed: the ``|`` positions shared by
the body lines when the grid is drawn, else the positions of the ``<S>``/``<C>`` markers, else
the character positions that are blank on every body line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.knowledge.labels import TABLE_WORDS

_TABLE = re.compile(r"<TABLE>(.*?)(?:</TABLE>|\Z)", re.IGNORECASE | re.DOTALL)
_CAPTION = re.compile(r"^\s*<CAPTION>", re.IGNORECASE)
_MARKERS = re.compile(r"<[SC]>", re.IGNORECASE)
_MARKER_LINE = re.compile(r"^\s*<S>", re.IGNORECASE)
#: A line holding only an SGML tag (<PAGE>, <FN>, </CAPTION>): layout, not content.
_TAG_ONLY = re.compile(r"^\s*</?[A-Za-z]+>\s*$")
_RULE_CHARS = frozenset("_-=+|* ")


@dataclass(frozen=True, slots=True)
class AsciiRow:
    """One table row: a cell per column, wrapped fragments already joined."""

    cells: tuple[str, ...]
    #: The typed lines the row was read from (its first line and any continuation lines).
    lines: tuple[str, ...]
    #: Per cell: True when a word cut at the column edge was glued back together
    #: ("Co" + "mmon"); the join is an inference, so readers may trust such cells a bit less.
    cut_words: tuple[bool, ...]
    #: Per cell: True when the join could have gone either way ("right to" + "buy": one word
    #: "tobuy" or two?) and neither reading is found elsewhere in the document.
    doubtful_joins: tuple[bool, ...] = ()


@dataclass(frozen=True, slots=True)
class AsciiTable:
    """One typed table: its caption text, column spans and body rows."""

    #: Title and heading text with grid characters removed, one entry per typed line.
    caption: str
    #: ``[start, end)`` character span of each column on a body line.
    columns: tuple[tuple[int, int], ...]
    rows: tuple[AsciiRow, ...]

    def cell_rows(self) -> list[list[str]]:
        """The rows as plain lists of cell strings."""
        return [list(row.cells) for row in self.rows]


def parse_ascii_tables(text: str) -> list[AsciiTable]:
    """Every typed table in ``text``.

    Tables inside ``<TABLE>`` tags are split at each ``<CAPTION>``.  A filing without the tags
    still draws its grid: each run of grid lines (two or more pipes, or rules) is a table, with
    the text line just above the run (usually the table's title) as its caption.
    """
    blocks = [part for block in _TABLE.finditer(text)
              for part in split_captions(block[1].split("\n"))]
    if not blocks:
        blocks = _grid_runs(text.split("\n"))
    # Words from outside the tables: inside them, the cut fragments themselves would count.
    outside = _TABLE.sub(" ", text)
    vocabulary = TABLE_WORDS | frozenset(w.lower() for w in re.findall(r"[A-Za-z]{2,}", outside))
    return [parse_table_lines(part, vocabulary) for part in blocks]


def _grid_runs(lines: Sequence[str]) -> list[list[str]]:
    runs: list[list[str]] = []
    last = -2
    for index, line in enumerate(lines):
        if not (line.count("|") >= 2 or (is_rule_line(line) and line.strip())):
            continue
        if index == last + 1:
            runs[-1].append(line)
        else:
            runs.append([lines[index - 1] if index else "", line])  # the title, then the grid
        last = index
    return [run for run in runs if sum(line.count("|") >= 2 for line in run) >= 2]


def split_captions(lines: Sequence[str]) -> list[list[str]]:
    """Split one ``<TABLE>`` block into tables: a ``<CAPTION>`` line begins each one.

    Lines before the first caption stay a table of their own only when they hold a marker line
    or text; a lone rule line there is just the top of the first caption's box.
    """
    parts: list[list[str]] = [[]]
    for line in lines:
        if _CAPTION.match(line):
            parts.append([_CAPTION.sub("", line, count=1)])
        else:
            parts[-1].append(line)
    head = parts[0]
    if not any(_MARKER_LINE.match(line) or not is_rule_line(line) for line in head):
        parts = parts[1:]
    return [part for part in parts if any(line.strip() for line in part)]


def is_rule_line(line: str) -> bool:
    """True for a blank line or a rule drawn with underscores, dashes, "=" or "+"."""
    return set(line) <= _RULE_CHARS


def is_blank_row(line: str) -> bool:
    """True for a grid line with no text: only pipes and spaces (an empty table row)."""
    return not line.replace("|", "").strip()


def parse_table_lines(lines: Sequence[str],
                      vocabulary: frozenset[str] = frozenset()) -> AsciiTable:
    """Read one table: caption lines, an optional ``<S> <C>`` marker line, then the body.

    ``vocabulary`` (the document's words) settles a cut word: "Co" + "mmon" is glued when
    "common" occurs elsewhere in the filing.
    """
    lines = [line.expandtabs(8).rstrip("\r") for line in lines]
    header, marker, body = _split_header(lines)
    content = [line for line in body if not _skip(line)]
    edges = _shared_pipes(content)
    spans = (_spans_from_edges(edges, content) if edges else []) or \
        _marker_spans(marker, content) or _gap_spans(content)
    rows: list[AsciiRow] = []
    group: list[tuple[str, list[str]]] = []  # (typed line, raw cell slices) of the current row
    for line in body:
        if _TAG_ONLY.match(line):
            continue
        if is_rule_line(line) or is_blank_row(line):
            # a rule or an empty grid row closes the row above
            rows.extend(_finish(group, vocabulary))
            group = []
            continue
        slices = _slices(line, spans, edges)
        if group and _continues(group[-1][1], slices, spans):
            group.append((line, slices))
        else:
            rows.extend(_finish(group, vocabulary))
            group = [(line, slices)]
    rows.extend(_finish(group, vocabulary))
    caption = "\n".join(text for line in header if (text := _caption_text(line)))
    return AsciiTable(caption, tuple(spans), tuple(rows))


def _skip(line: str) -> bool:
    return bool(_TAG_ONLY.match(line)) or is_rule_line(line) or is_blank_row(line)


def _split_header(lines: list[str]) -> tuple[list[str], str | None, list[str]]:
    """(caption lines, marker line or None, body lines)."""
    for index, line in enumerate(lines):
        if _MARKER_LINE.match(line):
            return lines[:index], line, lines[index + 1:]
    # No marker: the heading grid (lines with several pipes) ends at the first rule under it.
    grid = next((i for i, line in enumerate(lines) if line.count("|") >= 2), None)
    if grid is not None:
        rule = next((i for i in range(grid + 1, len(lines))
                     if is_rule_line(lines[i]) and lines[i].strip()), None)
        if rule is not None:
            return lines[:rule + 1], None, lines[rule + 1:]
    return [], None, lines


def _caption_text(line: str) -> str:
    if _MARKER_LINE.match(line) or _TAG_ONLY.match(line) or is_rule_line(line):
        return ""
    return " ".join(line.replace("|", " ").split())


# --- column spans -------------------------------------------------------------------------------

def _pipe_positions(line: str) -> list[int]:
    return [i for i, char in enumerate(line) if char == "|"]


def _spans_from_edges(edges: Sequence[int], lines: Sequence[str]) -> list[tuple[int, int]]:
    """Columns between pipe positions; text after the last pipe is a column only if typed."""
    spans, start = [], 0
    for edge in edges:
        spans.append((start, edge))
        start = edge + 1
    width = max((len(line) for line in lines), default=start)
    if any(line[start:].strip() for line in lines):
        spans.append((start, width))
    return spans


def _shared_pipes(content: Sequence[str]) -> list[int]:
    """The pipe positions that at least half of the body lines with pipes share."""
    with_pipes = [line for line in content if "|" in line]
    counts: dict[int, int] = {}
    for line in with_pipes:
        for position in _pipe_positions(line):
            counts[position] = counts.get(position, 0) + 1
    return sorted(p for p, n in counts.items() if 2 * n >= len(with_pipes))


def _marker_spans(marker: str | None, content: Sequence[str]) -> list[tuple[int, int]]:
    """Columns from the ``<S>``/``<C>`` markers: each column starts where its marker stands."""
    if marker is None:
        return []
    starts = [m.start() for m in _MARKERS.finditer(marker)]
    if not starts:
        return []
    starts[0] = 0  # the stub column takes everything left of the first <C>
    width = max([len(line) for line in content] + [len(marker)])
    return list(zip(starts, [*starts[1:], width], strict=True))


def _gap_spans(content: Sequence[str]) -> list[tuple[int, int]]:
    """Last resort: columns are the runs of positions typed on at least one body line."""
    width = max((len(line) for line in content), default=0)
    used = [any(i < len(line) and line[i] != " " for line in content) for i in range(width)]
    spans: list[tuple[int, int]] = []
    for i, filled in enumerate(used):
        if filled and (i == 0 or not used[i - 1]):
            spans.append((i, i + 1))
        elif filled:
            spans[-1] = (spans[-1][0], i + 1)
    return spans


# --- rows ---------------------------------------------------------------------------------------

def _slices(line: str, spans: Sequence[tuple[int, int]], edges: Sequence[int]) -> list[str]:
    """The raw (unstripped) text of every column on ``line``, padded to the column width.

    A line with as many pipes as the table but shifted (a typist's slip) is cut at its own
    pipes, so a shifted line still yields its cells whole.
    """
    own = _pipe_positions(line)
    if edges and own != list(edges) and len(own) == len(edges):
        cut = _spans_from_edges(own, [line])
        spans = [*cut, *spans[len(cut):]][:len(spans)]
    return [line[s:e].replace("|", " ").ljust(e - s) for s, e in spans]


def _continues(previous: Sequence[str], line: Sequence[str],
               spans: Sequence[tuple[int, int]]) -> bool:
    """True when ``line`` carries on the row whose last line is ``previous``.

    Text wraps only when it does not fit, so every non-empty cell of a continuation line must
    sit under a cell that is full: either its text reaches the column edge (a word cut in two)
    or the first word below would not have fitted in the room left.  A line with a value in a
    column that had room ("D" under "D  ") is a new row, and so is a line with text in every
    column the line above has text in: a wrap does not hit every column at once.
    """
    above_used = [i for i, text in enumerate(previous) if text.strip()]
    below_used = [i for i, text in enumerate(line) if text.strip()]
    if len(below_used) > 1 and below_used == above_used:
        return False
    filled = False
    for (start, end), above, below in zip(spans, previous, line, strict=True):
        if not below.strip():
            continue
        filled = True
        if not above.strip():
            return False
        used = len(above.rstrip())
        if used >= end - start:
            continue  # the text above runs to the column edge
        if (end - start) - used >= len(below.split()[0]) + 1:
            return False  # the word below would have fitted on the line above
    return filled


def _finish(group: list[tuple[str, list[str]]],
            vocabulary: frozenset[str] = frozenset()) -> list[AsciiRow]:
    """Join a row's lines column by column: glued where a word was cut, else with a space."""
    if not group:
        return []
    cells: list[str] = []
    cut: list[bool] = []
    doubtful: list[bool] = []
    for column in range(len(group[0][1])):
        text, glued, unsure = "", False, False
        for index, (_, slices) in enumerate(group):
            raw = slices[column]
            piece = " ".join(raw.split())
            if not piece:
                continue
            above = group[index - 1][1][column] if index else ""
            if not text:
                text = piece
            elif not above[-1:].strip() or raw[:1].isspace():
                text = f"{text} {piece}"  # a space at the edge: the words were not cut
            else:
                joined, was_glued, was_unsure = _join_cut(text, piece, vocabulary)
                text, glued, unsure = joined, glued or was_glued, unsure or was_unsure
        cells.append(text)
        cut.append(glued)
        doubtful.append(unsure)
    return [AsciiRow(tuple(cells), tuple(line for line, _ in group), tuple(cut),
                     tuple(doubtful))]


def _join_cut(text: str, piece: str, vocabulary: frozenset[str]) -> tuple[str, bool, bool]:
    """Join a fragment that starts at a column edge the line above filled to the brim.

    A word was cut there ("Co" + "mmon", "2/7/0" + "0") unless the two fragments are words of
    their own ("to" + "buy").  The document's own words decide; when they do not, the cell is
    glued and marked doubtful.  "...d" + "Stock" (lower case, then a capital) reads as two words.
    """
    left = re.findall(r"[A-Za-z]+$", text)
    right = re.findall(r"^[A-Za-z]+", piece)
    if not left or not right:  # digits, dates, punctuation: cut characters
        return text + piece, True, False
    whole = (left[0] + right[0]).lower()
    if left[0][-1].islower() and right[0][0].isupper():
        return f"{text} {piece}", False, False
    if whole in vocabulary:
        return text + piece, True, False
    if left[0].lower() in vocabulary and right[0].lower() in vocabulary:
        return f"{text} {piece}", False, False
    if (right[0].lower() not in vocabulary and len(right[0]) > 1) or len(left[0]) == 1:
        return text + piece, True, False  # "mmon", "ion": no word of their own
    return text + piece, True, True


__all__ = [
    "AsciiRow", "AsciiTable", "is_blank_row", "is_rule_line", "parse_ascii_tables",
    "parse_table_lines", "split_captions",
]
