"""Where a table's columns part: drawn rules through the headings, the breaks of a rule
typed under them piece by piece, or else the gutter the rows leave nearest the middle between
two headings — never the space before a footnote marker after its value, nor, between a text
column and a value column, the space between two words of the text."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from extractor.ingest.page import Word
from extractor.layout.geometric.lines import Rules, group_lines, line_height
from extractor.layout.geometric.table_rows import TEXT_FIELDS


def boundaries(spans: list[tuple[str, str, float, float, bool]], rules: Rules,
                band: tuple[float, float], body: Sequence[Word]
                ) -> tuple[list[float], list[bool]]:
    """The x where each column ends and the next begins, and whether a drawn rule says so."""
    covered = sorted((w.x0, w.x1) for w in body)
    marked = _before_markers(body)
    in_phrases = _between_words(body)
    underlined = _underline_gaps(rules, band)
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
        under = [x for x in underlined if lo_c < x < hi_c]
        if under:  # the headings' underline broken between columns ("-----  -----")
            drawn[-1] = True
            cuts.append(min(under, key=lambda x: abs(x - middle)))
            continue
        # (text running on a word space apart is one cell's, not a value column's start)
        text_left = left[0] in TEXT_FIELDS and right[0] not in TEXT_FIELDS
        gutter = _nearest_gutter(covered, lo_c, hi_c, middle,
                                 [*marked, *in_phrases] if text_left else marked)
        cuts.append(gutter if gutter is not None else (lo + hi) / 2)
    return cuts, drawn


def _between_words(body: Sequence[Word]) -> list[tuple[float, float]]:
    """The word spaces between two words of letters on a line ("Common Stock")."""
    out = []
    for line in group_lines(body):
        ordered = sorted(line, key=lambda w: w.x0)
        for a, b in itertools.pairwise(ordered):
            if _WORDY.match(a.text) and _WORDY.match(b.text) and \
                    0 < b.x0 - a.x1 < line_height(line):
                out.append((a.x1, b.x0))
    return out


_WORDY = re.compile(r"^[A-Za-z][A-Za-z.,'&-]*$")
_MARKER = re.compile(r"^(?:\(\d{1,2}\))+$")


def _before_markers(body: Sequence[Word]) -> list[tuple[float, float]]:
    """The spaces between a value and the footnote marker typed after it on its line, a word
    space apart ("159.94 (2)"): a marker follows its value, no column starts there."""
    out = []
    for line in group_lines(body):
        ordered = sorted(line, key=lambda w: w.x0)
        for a, b in itertools.pairwise(ordered):
            if _MARKER.match(b.text) and not _MARKER.match(a.text) and \
                    0 < b.x0 - a.x1 < line_height(line):
                out.append((a.x1, b.x0))
    return out


#: An underline drawn column by column has at least this many pieces.
UNDERLINE_PIECES = 3


def _underline_gaps(rules: Rules, band: tuple[float, float]) -> list[float]:
    """The middles of the breaks in a rule drawn under the headings piece by piece, one
    piece per column (a typed table's "-------  -----  ---"), if the band has one."""
    pieces: dict[int, list[tuple[float, float]]] = {}
    for y, x0, x1 in rules.horizontal:
        if band[0] - 2 <= y <= band[1]:
            pieces.setdefault(round(y), []).append((x0, x1))
    best = max(pieces.values(), key=len, default=[])
    if len(best) < UNDERLINE_PIECES:
        return []
    best.sort()
    return [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(best) if b[0] > a[1]]


def _nearest_gutter(covered: list[tuple[float, float]], lo: float, hi: float,
                    middle: float, marked: Sequence[tuple[float, float]] = ()
                    ) -> float | None:
    """The middle of the empty x-range of the rows nearest ``middle`` between ``lo`` and
    ``hi``, if the rows leave one; not one lying in the space before a footnote marker
    (``marked``), where other ranges are left."""
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
    free = [g for g in gaps if not any(a - 0.5 <= g[0] and g[1] <= b + 0.5 for a, b in marked)]
    gaps = free or gaps
    if not gaps:
        return None
    # (of ranges as near, the widest: a gutter is wider than the space between two words)
    best = min(gaps, key=lambda g: (0.0 if g[0] <= middle <= g[1] else
                                    min(abs(g[0] - middle), abs(g[1] - middle)), g[0] - g[1]))
    return (best[0] + best[1]) / 2 if not best[0] <= middle <= best[1] else middle
