"""Ruling lines of a scanned page: the boxes, table grid and check boxes, found in the pixels.

A born-digital PDF hands over its rectangles; a scan has only ink.  Long horizontal and vertical
runs of dark pixels are the form's rules; from them this module rebuilds the rectangles the
layout stage expects (table cells side by side, boxes, small check-box squares), in PDF points,
and an image with the rules painted out for OCR: a trade, kept for the fewer wrong values on
clean and faxed pages (docs/design-notes.md#painted-rules).
"""

from __future__ import annotations

import itertools

import numpy as np
from PIL import Image

from extractor.ingest.pdf_words import Rect

#: A rule is at least this long (points): longer than any letter, shorter than a narrow cell.
MIN_RULE_PT = 18.0
#: Ink darker than this (0-255) counts.
INK = 140
#: Pieces of a rule this close (points) in line are one rule: a scan's noise and faint spots.
BRIDGE_PT = 2.0


def _long_runs(mask: np.ndarray, length: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, first column, last column) of every horizontal run of at least ``length`` dark
    pixels in ``mask``, rows in order; pinholes (one light pixel between dark ones) bridged."""
    height, width = mask.shape
    padded = np.zeros((height, width + 2), dtype=bool)
    padded[:, 1:-1] = mask
    padded[:, 2:-2] |= padded[:, 1:-3] & padded[:, 3:-1]  # a one-pixel break is no break
    edges = np.diff(padded.ravel().view(np.int8))
    starts = np.flatnonzero(edges == 1) + 1  # first dark pixel of a run (padded, flattened)
    ends = np.flatnonzero(edges == -1)  # last dark pixel of a run
    keep = ends - starts + 1 >= length
    starts, ends = starts[keep], ends[keep]
    row = width + 2
    return starts // row, starts % row - 1, ends % row - 1


def _segments(rows: np.ndarray, firsts: np.ndarray, lasts: np.ndarray, gap: int
              ) -> list[tuple[float, int, int]]:
    """(row, col0, col1) of each horizontal rule made of the runs (rows in order).

    Runs on neighbouring rows that overlap are one rule (a rule a few pixels thick, or one a
    residual skew steps down a row); pieces on the same row separated by at most ``gap`` pixels
    are one rule too.
    """
    pieces: list[list[int]] = []  # [row0, row1, col0, col1]
    for y, x0, x1 in zip(rows.tolist(), firsts.tolist(), lasts.tolist(), strict=True):
        for piece in reversed(pieces):
            if y - piece[1] > 1:
                continue
            if x0 <= piece[3] + gap and x1 >= piece[2] - gap:
                piece[1], piece[2], piece[3] = y, min(piece[2], x0), max(piece[3], x1)
                break
        else:
            pieces.append([y, y, x0, x1])
    return _merge_collinear([((r0 + r1) / 2, c0, c1) for r0, r1, c0, c1 in pieces], 3 + gap,
                            gap)


def _merge_collinear(segments: list[tuple[float, int, int]], drift: float, gap: int
                     ) -> list[tuple[float, int, int]]:
    """Segments within ``drift`` rows of each other that overlap, or nearly meet, are one rule:
    a rule the residual skew stepped across rows is found in pieces."""
    merged: list[tuple[float, int, int]] = []
    # Longest first, so the pieces of a rule join its longest piece, not one another.
    for y, c0, c1 in sorted(segments, key=lambda s: s[1] - s[2]):
        for i, (my, m0, m1) in enumerate(merged):
            if abs(my - y) <= drift and c0 <= m1 + gap and c1 >= m0 - gap:
                weight, extra = m1 - m0 + 1, c1 - c0 + 1
                merged[i] = ((my * weight + y * extra) / (weight + extra), min(m0, c0),
                             max(m1, c1))
                break
        else:
            merged.append((y, c0, c1))
    return merged if len(merged) == len(segments) else _merge_collinear(merged, drift, gap)


def find_rules(image: Image.Image, dpi: float) -> tuple[list[tuple[float, float, float]],
                                                         list[tuple[float, float, float]],
                                                         Image.Image]:
    """Horizontal rules (y, x0, x1) and vertical rules (x, y0, y1) in points, and the image
    with every rule painted white.

    Rules are looked for at full resolution: a hairline is two pixels at 300 dpi, and a
    reduced copy averages it into a grey lighter than ink.
    """
    pixels = np.asarray(image, dtype=np.uint8)
    mask = pixels < INK
    length = max(8, int(MIN_RULE_PT * dpi / 72))
    gap = max(1, int(BRIDGE_PT * dpi / 72))
    # Only pinholes are bridged before runs are measured (wider bridges join the letters of a
    # line of text into a "rule"); a rule broken more widely is joined again as segments.
    h_runs = _long_runs(mask, length)
    v_runs = _long_runs(np.ascontiguousarray(mask.T), length)
    scale = 72.0 / dpi
    h_rules = [(y * scale, c0 * scale, c1 * scale) for y, c0, c1 in _segments(*h_runs, gap)]
    v_rules = [(x * scale, r0 * scale, r1 * scale) for x, r0, r1 in _segments(*v_runs, gap)]
    # Painted out with a pixel of slack round each run: its antialiased edge is lighter than
    # ink.  Light grey is left alone: it is nobody's ink.
    rules = np.zeros_like(mask)
    for y, x0, x1 in zip(*(a.tolist() for a in h_runs), strict=True):
        rules[max(0, y - 1):y + 2, max(0, x0 - 1):x1 + 2] = True
    for x, y0, y1 in zip(*(a.tolist() for a in v_runs), strict=True):
        rules[max(0, y0 - 1):y1 + 2, max(0, x - 1):x + 2] = True
    cleaned = pixels.copy()
    cleaned[rules & (pixels < 200)] = 255
    return h_rules, v_rules, Image.fromarray(cleaned)


def rectangles(h_rules: list[tuple[float, float, float]],
               v_rules: list[tuple[float, float, float]],
               page_width: float | None = None) -> list[Rect]:
    """The cells the rules enclose.

    From each horizontal rule, every pair of neighbouring vertical rules that hang from it
    closes a cell at the nearest horizontal rule below that spans the pair and that both
    verticals reach.  Short rules inside a box (the underlines of box 1) span no pair.
    """
    found: set[tuple[float, float, float, float]] = set()
    for top, hx0, hx1 in h_rules:
        hanging = sorted(x for x, y0, y1 in v_rules
                         if hx0 - 4 <= x <= hx1 + 4 and y0 <= top + 3 and y1 > top + 4)
        # A long rule's ends close its table even where the scan broke the vertical rule there
        # (short rules, such as box 1's underlines, close nothing).
        long_rule = hx1 - hx0 >= 0.6 * (page_width or (hx1 - hx0))
        ends = [end for end in (hx0, hx1)
                if long_rule and all(abs(end - x) > 4 for x in hanging)]
        hanging = sorted((*hanging, *ends))
        for left, right in itertools.pairwise(hanging):
            if right - left < 2:
                continue
            def reaches(side: float, bottom: float, top: float = top,
                        ends: list[float] = ends) -> bool:
                if any(abs(side - end) < 0.01 for end in ends):
                    return True  # a rule's end: the rule below must close it (checked below)
                # Pieces of a vertical rule that a scan broke still count when, together,
                # they cover most of the span.
                covered = sum(max(0.0, min(y1, bottom) - max(y0, top))
                              for x, y0, y1 in v_rules if abs(x - side) < 1)
                return covered >= 0.6 * (bottom - top)

            below = [y for y, x0, x1 in h_rules
                     if y > top + 3 and x0 <= left + 4 and x1 >= right - 4
                     and reaches(left, y) and reaches(right, y)]
            if not below:
                continue
            bottom = min(below)
            if _subdivided(v_rules, left, right, bottom):
                # A heading over sub-columns ("3. Transaction Code" over "Code | V"): the
                # heading's cell reaches down past them, as a PDF draws it, so the heading
                # row keeps one cell per column.
                bottom = min((y for y in below if y > bottom + 3), default=bottom)
            found.add((round(left, 1), round(right, 1), round(top, 1), round(bottom, 1)))
    return [Rect(*r) for r in sorted(found, key=lambda r: (r[2], r[0]))]


def _subdivided(v_rules: list[tuple[float, float, float]], left: float, right: float,
                y: float) -> bool:
    """Whether a vertical rule hangs from height ``y`` strictly between ``left`` and ``right``."""
    return any(left + 2 < x < right - 2 and abs(y0 - y) < 3 and y1 > y + 4
               for x, y0, y1 in v_rules)


def ink_inside(image: Image.Image, dpi: float, box: tuple[float, float, float, float],
               inset: float = 1.5) -> float:
    """Share of dark pixels inside ``box`` (points), its border excluded: a check box's mark."""
    scale = dpi / 72.0
    x0, y0, x1, y1 = (int((v + d) * scale) for v, d in
                      zip(box, (inset, inset, -inset, -inset), strict=True))
    if x1 <= x0 or y1 <= y0:
        return 0.0
    region = np.asarray(image.crop((x0, y0, x1, y1)), dtype=np.uint8)
    return float((region < INK).mean()) if region.size else 0.0
