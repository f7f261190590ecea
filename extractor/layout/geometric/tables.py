"""Table I and Table II from their column headings: columns, rows and cells.

The headings are labels like any other (:mod:`.anchors`), searched in the table's band.  Each
printed leaf column ("Code", "V", "Amount", "(A) or (D)", "Price" under their heading) spans
the x-range of its heading text; the borders between columns are drawn rules where the page has
them, otherwise the middle of the gap between headings, moved into the nearest empty gutter of
the rows below.  A heading that could not be found is put between its neighbours, as the form
orders its columns, and said so.  Rows are the lines under the headings; a line joins the row
above unless it prints a value in a column that row has filled, or a rule or a wide gap parts
them, so cells that wrap onto several lines stay one cell.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractor.ingest.page import Word
from extractor.knowledge import labels as K
from extractor.layout.geometric.anchors import NUMBER_WORDS, Anchor, LabelSpec, find_anchors
from extractor.layout.geometric.lines import (
    Phrase,
    Rules,
    group_lines,
    line_height,
    split_phrases,
    stack_blocks,
)
from extractor.layout.geometric.specs import column_specs

#: Fields that hold free text, which wraps; every other cell holds one short value (the
#: Reporting Owners table's name-and-address, officer and other columns included).
TEXT_FIELDS = frozenset({"security_title", "nature_of_ownership", "underlying_security_title",
                         "owner", "officer", "other"})
#: A row's lines are at most this many line heights apart.
ROW_GAP = 1.1


@dataclass(frozen=True, slots=True)
class LeafColumn:
    """One printed column: the row field it fills, its sub-heading, and its x-range."""

    field: str
    sub_heading: str
    x0: float
    x1: float
    #: Whether its place is sure: its heading was found, or drawn rules bound it on both
    #: sides (False: placed between its neighbours' headings).
    found: bool


@dataclass(slots=True)
class TableRow:
    """One row: each leaf column's words, in reading order."""

    cells: list[list[Word]]
    page: int

    @property
    def words(self) -> list[Word]:
        return [w for cell in self.cells for w in cell]


@dataclass(slots=True)
class TableLayout:
    """A table read on one or more pages."""

    key: str
    columns: list[LeafColumn] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)
    headings: list[Anchor] = field(default_factory=list)
    #: Printed column numbers whose heading was not found, of all the form prints.
    missing: list[str] = field(default_factory=list)
    columns_printed: list[str] = field(default_factory=list)
    #: Where each column ends and the next begins, for rows the table goes on with.
    cuts: list[float] = field(default_factory=list)


def _leaf_spans(columns: Sequence[K.Column], found: dict[str, Anchor],
                subs: dict[tuple[str, int], Anchor], edges: tuple[float, float]
                ) -> list[tuple[str, str, float, float, bool]]:
    """(field, sub-heading, x0, x1, found) for every leaf, missing ones interpolated between
    their neighbours' headings, outer ones between the table's edge and the nearest heading."""
    spans: list[tuple[str, str, float, float, bool] | None] = []
    for column in columns:
        heading = found.get(column.number)
        names = list(zip(column.fields, column.sub_headings or ("",) * len(column.fields),
                         strict=True))
        if heading is None:
            spans += [None] * len(names)
            continue
        if len(names) == 1:
            spans.append((names[0][0], names[0][1], heading.x0, heading.x1, True))
            continue
        located = [subs.get((column.number, i)) for i in range(len(names))]
        width = (heading.x1 - heading.x0) / len(names)
        for i, (name, sub) in enumerate(names):
            anchor = located[i]
            if anchor is not None:
                spans.append((name, sub, anchor.x0, anchor.x1, True))
            else:
                spans.append((name, sub, heading.x0 + i * width, heading.x0 + (i + 1) * width,
                              False))
    leaves = [(f, s) for column in columns for f, s in
              zip(column.fields, column.sub_headings or ("",) * len(column.fields), strict=True)]
    out: list[tuple[str, str, float, float, bool]] = []
    for index, span in enumerate(spans):
        if span is not None:
            out.append(span)
            continue
        before = next((s[3] for s in reversed(spans[:index]) if s), edges[0])
        after = next((s[2] for s in spans[index + 1:] if s), edges[1])
        if after <= before:
            continue  # no room left between its neighbours: nothing to place it by
        run = [i for i in range(len(spans)) if spans[i] is None and
               all(spans[j] is None for j in range(min(i, index), max(i, index) + 1))]
        position = run.index(index)
        width = (after - before) / len(run)
        out.append((leaves[index][0], leaves[index][1], before + position * width,
                    before + (position + 1) * width, False))
    return out


def _boundaries(spans: list[tuple[str, str, float, float, bool]], rules: Rules,
                band: tuple[float, float], body: Sequence[Word]
                ) -> tuple[list[float], list[bool]]:
    """The x where each column ends and the next begins, and whether a drawn rule says so."""
    covered = sorted((w.x0, w.x1) for w in body)
    cuts = []
    drawn = []
    for left, right in itertools.pairwise(spans):
        lo, hi = min(left[3], right[2]), max(left[3], right[2])
        middle = (left[3] + right[2]) / 2
        lo_c = (left[2] + left[3]) / 2
        hi_c = (right[2] + right[3]) / 2
        ruled = [x for x, top, bottom in rules.vertical if lo_c < x < hi_c and
                 top - 2 <= band[1] and bottom + 2 >= band[0]]
        # A column's rule runs up through its headings; a stroke only a text line high by a
        # value (a box drawn round it) does not part columns where a rule through the
        # headings does.
        through = [x for x, top, bottom in rules.vertical if lo_c < x < hi_c and
                   top - 2 <= band[0] and bottom + 2 >= band[0]]
        ruled = through or ruled
        drawn.append(bool(ruled))
        if ruled:
            cuts.append(min(ruled, key=lambda x: abs(x - middle)))
            continue
        gutter = _nearest_gutter(covered, lo_c, hi_c, middle)
        cuts.append(gutter if gutter is not None else (lo + hi) / 2)
    return cuts, drawn


def _nearest_gutter(covered: list[tuple[float, float]], lo: float, hi: float,
                    middle: float) -> float | None:
    """The middle of the empty x-range of the rows nearest ``middle`` between ``lo`` and
    ``hi``, if the rows leave one."""
    gaps: list[tuple[float, float]] = []
    reach = lo
    for x0, x1 in covered:
        if x1 <= lo:
            continue
        if x0 >= hi:
            break
        if x0 > reach:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    if reach < hi:
        gaps.append((reach, hi))
    gaps = [g for g in gaps if g[1] - g[0] >= 1.0]
    if not gaps:
        return None
    best = min(gaps, key=lambda g: 0.0 if g[0] <= middle <= g[1] else
               min(abs(g[0] - middle), abs(g[1] - middle)))
    return (best[0] + best[1]) / 2 if not best[0] <= middle <= best[1] else middle


def _sub_headings(columns: Sequence[K.Column], found: dict[str, Anchor],
                  words: Sequence[Word], claimed: set[int],
                  rules: Rules, limit: float) -> dict[tuple[str, int], Anchor]:
    """Each found heading's sub-headings, searched among the words under it."""
    out: dict[tuple[str, int], Anchor] = {}
    ordered = sorted(found.values(), key=lambda a: a.x0)
    for column in columns:
        heading = found.get(column.number)
        if heading is None or not column.sub_headings:
            continue
        # The sub-headings are centred in the heading's cell, which may be wider than the
        # heading's text: they lie between the neighbouring headings.
        at = ordered.index(heading)
        left = ordered[at - 1].x1 if at > 0 else heading.x0 - 3 * heading.height
        right = ordered[at + 1].x0 if at + 1 < len(ordered) else heading.x1 + 3 * heading.height
        under = [w for w in words if id(w) not in claimed and w.top >= heading.top and
                 w.x0 >= min(left, heading.x0) - 1 and w.x1 <= max(right, heading.x1) + 1 and
                 w.bottom <= limit]
        blocks = [b.words for b in stack_blocks(
            [p for line in group_lines(under) for p in split_phrases(line, rules, 0.6)], rules)]
        specs = [LabelSpec(f"{column.number}:{i}", "subcolumn", (text,), None, 85.0)
                 for i, text in enumerate(column.sub_headings)]
        for anchor in find_anchors(blocks, specs, claimed):
            number, index = anchor.key.split(":")
            out[(number, int(index))] = anchor
    return out


_VALUE = re.compile(r"^\$?\d[\d,]*(?:\.\d+)?$|^\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}$")


def _first_value_line(words: Sequence[Word], claimed: set[int], below: float) -> float:
    """The top of the first line under the headings that prints a date or an amount: the
    sub-headings lie above it."""
    tops = [w.top for w in words if id(w) not in claimed and w.top > below - 1 and
            _VALUE.match(w.text) and sum(c.isdigit() for c in w.text) >= 2]
    return min(tops, default=float("inf"))


def lay_out_table(key: str, columns: tuple[K.Column, ...], words: Sequence[Word],
                  rules: Rules, claimed: set[int]) -> TableLayout | None:
    """The table in ``words`` (one page's words of the table's band), or None without
    headings."""
    if not words:
        return None
    numbers = {c.number.casefold() for c in columns}
    phrases = [part for line in group_lines(words) for p in split_phrases(line, rules, 0.6)
               for part in _split_at_numbers(p, numbers)]
    starts = sorted(p.x0 for p in phrases if _opens_heading(p, numbers))
    phrases = [part for p in phrases for part in _split_at_starts(p, starts)]
    blocks = [b.words for b in stack_blocks(phrases, rules)]
    headings = find_anchors(blocks, column_specs(columns, key), claimed)
    found: dict[str, Anchor] = {}
    for anchor in headings:
        number = anchor.key.split(":")[1]
        found.setdefault(number, anchor)
    found = _in_order(found, [c.number for c in columns])
    if len(found) < 2:
        return None
    subs = _sub_headings(columns, found, words, claimed, rules, _first_value_line(
        words, claimed, max(a.bottom for a in found.values())))
    header_bottom = max(a.bottom for a in (*found.values(), *subs.values()))
    body = [w for w in words if id(w) not in claimed and w.top >= header_bottom - 0.5 and
            w.cy > header_bottom]
    laid = [*found.values(), *body]
    spans = _leaf_spans(columns, found, subs, (min(w.x0 for w in laid) - 1,
                                               max(w.x1 for w in laid) + 1))
    first_row = min((w.bottom for w in body), default=header_bottom)
    cuts, drawn = _boundaries(spans, rules, (header_bottom - 2, first_row), body)
    # A column whose heading was not read but whose rules were drawn on both sides is placed
    # as surely as one found by its heading.
    ruled = [(i == 0 or drawn[i - 1]) and (i == len(spans) - 1 or drawn[i])
             for i in range(len(spans))]
    layout = TableLayout(key, [LeafColumn(f, s, x0, x1, ok or ruled[i])
                               for i, (f, s, x0, x1, ok) in enumerate(spans)],
                         headings=[*found.values(), *subs.values()],
                         missing=[c.number for c in columns if c.number not in found],
                         columns_printed=[c.number for c in columns])
    layout.cuts = cuts
    layout.rows = _rows(body, layout.columns, cuts, rules)
    return layout


def continue_table(table: TableLayout, words: Sequence[Word], rules: Rules) -> list[TableRow]:
    """The rows of ``table`` going on at the head of the next page without its headings:
    the words laid in the columns found where it began."""
    return _rows([w for w in words if w.x1 > table.columns[0].x0 - 2 and
                  w.x0 < table.columns[-1].x1 + 2] if table.columns else [],
                 table.columns, table.cuts, rules)


_NUMBERED = re.compile(r"^(?:\(?([0-9]{1,2}[a-z]?)[.)])$", re.IGNORECASE)


def _split_at_numbers(phrase: Phrase, numbers: set[str]) -> list[Phrase]:
    """A phrase cut before each column number in it ("2.", "Item 2."): headings set close
    together run into one phrase."""
    cuts = [0]
    words = phrase.words
    for i in range(1, len(words)):
        m = _NUMBERED.match(words[i].text)
        if m is None or m[1].casefold() not in numbers:
            continue
        start = i - 1 if words[i - 1].text.casefold() in NUMBER_WORDS else i
        if start > cuts[-1]:
            cuts.append(start)
    return [Phrase(words[a:b]) for a, b in itertools.pairwise([*cuts, len(words)])]


def _opens_heading(phrase: Phrase, numbers: set[str]) -> bool:
    """Whether a phrase opens with a column's number and goes on: "5. Amount ...", "Item 5."."""
    texts = [w.text for w in phrase.words]
    if texts and texts[0].casefold() in NUMBER_WORDS:
        texts = texts[1:]
    m = _NUMBERED.match(texts[0]) if len(texts) >= 2 else None
    return m is not None and m[1].casefold() in numbers


def _split_at_starts(phrase: Phrase, starts: list[float]) -> list[Phrase]:
    """A phrase cut where it runs over the left edge of a numbered heading: a heading's
    wrapped line set close to its neighbour's."""
    cuts = [0]
    words = phrase.words
    for i in range(1, len(words)):
        if any(words[i - 1].x1 < x <= words[i].x0 + 0.5 for x in starts):
            cuts.append(i)
    return [Phrase(words[a:b]) for a, b in itertools.pairwise([*cuts, len(words)])]


def _in_order(found: dict[str, Anchor], order: list[str]) -> dict[str, Anchor]:
    """The headings that stand left to right in the form's order: the longest run of them
    that does; a heading out of it (OCR made "9." of "3.", or a heading matched elsewhere in
    the band) is dropped, and its column placed between its neighbours like a lost one."""
    numbers = [n for n in order if n in found]
    best: list[list[str]] = []
    for i, number in enumerate(numbers):
        chain = max((best[j] for j in range(i)
                     if found[best[j][-1]].x0 < found[number].x0), key=len, default=[])
        best.append([*chain, number])
    kept = max(best, key=len, default=[])
    return {n: found[n] for n in kept}


def _column_of(word: Word, cuts: list[float]) -> int:
    for index, cut in enumerate(cuts):
        if word.cx < cut:
            return index
    return len(cuts)


_MARKERS = re.compile(r"^(\(\d{1,2}\))+$|^\d{1,2}$")


def _valued(cell: list[Word]) -> bool:
    return any(not _MARKERS.match(w.text) for w in cell)


def _rows(body: list[Word], columns: list[LeafColumn], cuts: list[float],
          rules: Rules) -> list[TableRow]:
    """The body's lines grouped into rows.

    Where rules part the rows (a ruled table), a row is what lies between two rules.  Without
    them a line starts a row when it prints a value in a column the row above has filled, or
    stands apart from it; a line of text alone (a title wrapped onto it) goes with the nearer
    of the rows above and below it.
    """
    if not columns or not body:
        return []
    page = body[0].page
    left, right = columns[0].x0, columns[-1].x1
    lines = group_lines(body)
    cells_of = []
    for line in lines:
        cells: list[list[Word]] = [[] for _ in columns]
        for word in line:
            cells[_column_of(word, cuts)].append(word)
        cells_of.append(cells)
    tops = [min(w.top for w in line) for line in lines]
    bottoms = [max(w.bottom for w in line) for line in lines]
    ruled = any(rules.horizontal_between(bottoms[i - 1] - 0.5, tops[i] + 0.5, left, right)
                for i in range(1, len(lines)))
    rows: list[TableRow] = []
    text_only: list[bool] = []
    for i, cells in enumerate(cells_of):
        line = lines[i]
        only_markers = all(_MARKERS.match(w.text) for w in line)
        new = not rows
        if rows and not only_markers:
            current = rows[-1]
            # (a footnote marker alone fills no cell: it may sit above its value, raised)
            filled_again = any(_valued(cells[c]) and _valued(current.cells[c]) and
                               columns[c].field not in TEXT_FIELDS
                               for c in range(len(columns)))
            parted = rules.horizontal_between(bottoms[i - 1] - 0.5, tops[i] + 0.5, left, right)
            far = tops[i] - bottoms[i - 1] > ROW_GAP * line_height(line)
            new = filled_again or parted if ruled else filled_again or far
        if new:
            rows.append(TableRow([list(c) for c in cells], page))
            text_only.append(all(not c or columns[k].field in TEXT_FIELDS
                                 for k, c in enumerate(cells)))
        else:
            for c, cell in enumerate(cells):
                rows[-1].cells[c].extend(cell)
            text_only[-1] = text_only[-1] and all(not c or columns[k].field in TEXT_FIELDS
                                                  for k, c in enumerate(cells))
    return rows if ruled else _place_text_rows(rows, text_only)


def _place_text_rows(rows: list[TableRow], text_only: list[bool]) -> list[TableRow]:
    """Rows of text alone joined to the nearer of their neighbours (rule-less tables)."""
    out: list[TableRow] = []
    for index, row in enumerate(rows):
        if not text_only[index] or len(rows) == 1:
            out.append(row)
            continue
        top = min(w.top for w in row.words)
        bottom = max(w.bottom for w in row.words)
        above = out[-1] if out else None
        below = rows[index + 1] if index + 1 < len(rows) and not text_only[index + 1] else None
        gap_above = top - max(w.bottom for w in above.words) if above else float("inf")
        gap_below = min(w.top for w in below.words) - bottom if below else float("inf")
        if above is None and below is None:
            out.append(row)
        elif gap_above <= gap_below and above is not None:
            for c, cell in enumerate(row.cells):
                above.cells[c].extend(cell)
        else:
            assert below is not None
            for c, cell in enumerate(row.cells):
                below.cells[c][:0] = cell
    return out
