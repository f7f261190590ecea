"""Table I and Table II from their column headings: columns, rows and cells.

The headings are labels like any other (:mod:`.anchors`), searched in the table's band.  Each
printed leaf column ("Code", "V", "Amount", "(A) or (D)", "Price" under their heading) spans
the x-range of its heading text; the borders between columns are drawn rules where the page has
them, otherwise the middle of the gap between headings, moved into the nearest empty gutter of
the rows below.  A heading that could not be found is put between its neighbours, as the form
orders its columns, and said so.  A typed table's columns are also parted by the breaks in
the rule under its headings ("------  ----"), and its headings end at that rule.  The rows
under the headings are grouped in :mod:`.table_rows`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractor.ingest.page import Word
from extractor.knowledge import labels as K
from extractor.layout.geometric.anchors import NUMBER_WORDS, Anchor, LabelSpec, find_anchors
from extractor.layout.geometric.column_cuts import boundaries
from extractor.layout.geometric.lines import (
    Phrase,
    Rules,
    group_lines,
    line_height,
    split_phrases,
    stack_blocks,
)
from extractor.layout.geometric.specs import column_specs, heads_first_sub_column
from extractor.layout.geometric.table_rows import TableRow, group_rows


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


_VALUE = re.compile(r"^(?:\$?\d[\d,]*(?:\.\d+)?|\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}|"
                    r"[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})(?:\(\d{1,2}\))*$")


def _first_value_line(words: Sequence[Word], claimed: set[int], below: float) -> float:
    """The top of the first line under the headings that prints a date or an amount: the
    sub-headings lie above it."""
    tops = [w.top for w in words if id(w) not in claimed and w.top > below - 1 and
            _VALUE.match(w.text) and sum(c.isdigit() for c in w.text) >= 2]
    return min(tops, default=float("inf"))


def _header_foot(words: Sequence[Word], claimed: set[int], rules: Rules,
                 bottom: float) -> float:
    """Where the headings end: under the last heading found, or lower, at the rule drawn
    under them before the first value line, and under the lines of heading words that
    follow them before it (a heading wrapped onto more lines than were matched)."""
    first_value = _first_value_line(words, claimed, bottom)
    drawn = [y for y, _, _ in rules.horizontal if bottom - 2 <= y < first_value]
    if drawn:  # the rule under the headings ends them
        return max(bottom, min(drawn))
    aside = False  # an aside opened on a line above and not yet closed: "(Instr." / "3 and"
    for line in group_lines(w for w in words if id(w) not in claimed and w.cy > bottom and
                            w.bottom < first_value):
        text = " ".join(w.text for w in line)
        if aside:
            text = text.split(")", 1)[1] if ")" in text else ""
        aside = text.count("(") > text.count(")")
        said = _ASIDES.sub("", text)
        if any(c.isdigit() for c in said) or \
                min(w.top for w in line) - bottom > HEADING_LEADING * line_height(line):
            break  # a value, or a line standing apart from the headings: the body's
        bottom = max(bottom, max(w.bottom for w in line))
    return bottom


#: The lines of a heading follow one another this close (in line heights); a row's first
#: line stands further below them.
HEADING_LEADING = 0.6
#: A heading's asides: "(Instr. 3 and 4)", whole or wrapped ("... 4)", "(Month/Day/").
_ASIDES = re.compile(r"\([^()]*\)|^[^()]*\)|\([^()]*$")


def lay_out_table(key: str, columns: tuple[K.Column, ...], words: Sequence[Word],
                  rules: Rules, claimed: set[int]) -> TableLayout | None:
    """The table in ``words`` (one page's words of the table's band), or None without
    headings."""
    if not words:
        return None
    numbers = {c.number.casefold() for c in columns}
    phrases = [part for line in group_lines(words) for p in split_phrases(line, rules, 0.6)
               for part in _split_at_numbers(p, numbers)]
    starts = sorted({*(p.x0 for p in phrases if _opens_heading(p, numbers)),
                     *_aligned_starts(words, claimed, rules)})
    phrases = [part for p in phrases for part in _split_at_starts(p, starts)]
    blocks = [b.words for b in stack_blocks(phrases, rules)]
    headings = find_anchors(blocks, column_specs(columns, key), claimed)
    found: dict[str, Anchor] = {}
    for anchor in headings:
        number = anchor.key.split(":")[1]
        found.setdefault(number, anchor)
    found = _in_order(found, [c.number for c in columns])
    # A heading matched twice keeps its better match; the other's words are free again (the
    # sub-heading "Date Exercisable" under the full heading of column 6).
    kept = {id(a) for a in found.values()}
    claimed.difference_update(id(w) for a in headings if id(a) not in kept for w in a.words)
    if len(found) < 2:
        return None
    subs = _sub_headings(columns, found, words, claimed, rules, _first_value_line(
        words, claimed, max(a.bottom for a in found.values())))
    for column in columns:  # "3. Code": the heading is its first sub-column's too
        heading = found.get(column.number)
        if heading is not None and heads_first_sub_column(heading.text, column):
            subs.setdefault((column.number, 0), heading)
    header_bottom = _header_foot(words, claimed, rules, max(
        a.bottom for a in (*found.values(), *subs.values())))
    body = [w for w in words if id(w) not in claimed and w.top >= header_bottom - 0.5 and
            w.cy > header_bottom]
    laid: list[Anchor | Word] = [*found.values(), *body]
    spans = _leaf_spans(columns, found, subs, (min(w.x0 for w in laid) - 1,
                                               max(w.x1 for w in laid) + 1))
    first_row = min((w.bottom for w in body), default=header_bottom)
    cuts, drawn = boundaries(spans, rules, (header_bottom - 2, first_row), body)
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
    layout.rows = group_rows(body, layout.columns, cuts, rules)
    return layout


def continue_table(table: TableLayout, words: Sequence[Word], rules: Rules) -> list[TableRow]:
    """The rows of ``table`` going on at the head of the next page without its headings:
    the words laid in the columns found where it began."""
    return group_rows([w for w in words if w.x1 > table.columns[0].x0 - 2 and
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


#: Left edges this close (pt) are one column's.
ALIGNED = 1.0


def _aligned_starts(words: Sequence[Word], claimed: set[int], rules: Rules) -> list[float]:
    """Left edges the headings' lines share, through which no heading word runs: the
    columns of headings set left in their cells with a word space between them ("Title of
    Conversion" / "Derivative or Exercise"), where gaps alone run two headings together.
    An edge counts where a phrase of some line starts on it and another line's word too.
    Only a text layer's edges are exact enough: OCR's word boxes wander by a point or two,
    and on a fax such edges cut a heading in two."""
    lines = group_lines(w for w in words if id(w) not in claimed)
    if not lines or any(w.size is None for line in lines for w in line):
        return []
    first_value = _first_value_line(words, claimed, min(w.top for w in lines[0]))
    heads = [line for line in lines if min(w.top for w in line) < first_value - 0.5]
    head_words = [w for line in heads for w in line]
    candidates = {p.x0 for line in heads for p in split_phrases(line, rules, 0.6)}
    out = []
    for x in sorted(candidates):
        lines_on = sum(1 for line in heads if any(abs(w.x0 - x) <= ALIGNED for w in line))
        crossed = any(w.x0 < x - ALIGNED and w.x1 > x + ALIGNED for w in head_words)
        if lines_on >= 2 and not crossed:
            out.append(x)
    return out


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


