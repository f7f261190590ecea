"""Ruling lines of a scanned page: the boxes, table grid and check boxes, found in the pixels.

A born-digital PDF hands over its rectangles; a scan has only ink.  Long horizontal and vertical
runs of dark pixels are the form's rules; from them this module rebuilds the rectangles the
layout stage expects (table cells side by side, boxes, small check-box squares), in PDF points,
and an image with the rules painted out, which OCR reads far better.
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


def _runs(mask: np.ndarray, length: int) -> np.ndarray:
    """Pixels that lie in a horizontal run of at least ``length`` dark pixels."""
    padded = np.pad(mask.astype(np.int32), ((0, 0), (1, 0)))
    sums = np.cumsum(padded, axis=1)
    window = sums[:, length:] - sums[:, :-length]
    full = window == length
    out = np.zeros_like(mask, dtype=bool)
    # A full window starting at x covers x .. x+length-1.
    starts = np.pad(full, ((0, 0), (0, length - 1)))
    cover = np.cumsum(starts, axis=1)
    cover[:, length:] -= np.cumsum(starts, axis=1)[:, :-length]
    out = cover > 0
    return out


def _segments(line_mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """(row0, row1, col0, col1) of each horizontal rule: adjacent rows merged."""
    segments: list[tuple[int, int, int, int]] = []
    rows = np.nonzero(line_mask.any(axis=1))[0]
    for y in rows:
        xs = np.nonzero(line_mask[y])[0]
        breaks = np.nonzero(np.diff(xs) > 2)[0]
        starts = np.concatenate(([xs[0]], xs[breaks + 1]))
        ends = np.concatenate((xs[breaks], [xs[-1]]))
        for x0, x1 in zip(starts, ends, strict=True):
            for i, (r0, r1, c0, c1) in enumerate(segments):
                if y - r1 <= 2 and abs(c0 - x0) <= 4 and abs(c1 - x1) <= 4:
                    segments[i] = (r0, int(y), min(c0, int(x0)), max(c1, int(x1)))
                    break
            else:
                segments.append((int(y), int(y), int(x0), int(x1)))
    return segments


def find_rules(image: Image.Image, dpi: float) -> tuple[list[tuple[float, float, float]],
                                                         list[tuple[float, float, float]],
                                                         Image.Image]:
    """Horizontal rules (y, x0, x1) and vertical rules (x, y0, y1) in points, and the image
    with every rule painted white."""
    pixels = np.asarray(image, dtype=np.uint8)
    # Rules are long and straight: look for them at about 100 dpi (a ninth of the pixels at
    # 300 dpi), then paint them out at full resolution.
    factor = max(1, int(dpi // 100))
    small = np.asarray(image.reduce(factor), dtype=np.uint8) if factor > 1 else pixels
    mask = small < INK
    small_dpi = dpi / factor
    length = max(8, int(MIN_RULE_PT * small_dpi / 72))
    horizontal = _runs(mask, length)
    vertical = _runs(mask.T, length).T
    scale = 72.0 / small_dpi
    h_rules = [((r0 + r1) / 2 * scale, c0 * scale, c1 * scale)
               for r0, r1, c0, c1 in _segments(horizontal)]
    v_rules = [((r0 + r1) / 2 * scale, c0 * scale, c1 * scale)
               for r0, r1, c0, c1 in _segments(vertical.T)]
    rules = horizontal | vertical
    if factor > 1:  # back to full resolution, a pixel of slack around each rule
        rules = np.kron(rules, np.ones((factor, factor), dtype=bool))
        rules = rules[: pixels.shape[0], : pixels.shape[1]]
        pad = ((0, pixels.shape[0] - rules.shape[0]), (0, pixels.shape[1] - rules.shape[1]))
        rules = np.pad(rules, pad)
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
            if below:
                found.add((round(left, 1), round(right, 1), round(top, 1), round(min(below), 1)))
    return [Rect(*r) for r in sorted(found, key=lambda r: (r[2], r[0]))]


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
