"""The rectangles and rules a PDF page's paths draw, read with PDFium (the page's words are
:mod:`extractor.ingest.pdfium_pages`').

Paths that are axis-aligned rectangles or straight horizontal/vertical lines (thickened to the
stroke width), and thin filled shapes (Chromium prints a border as a thin rectangle or a
mitred trapezoid), sub-path by sub-path; curves and slants are skipped.  A small square drawn
as four lines also comes out whole, as the check box it is.
"""

from __future__ import annotations

import ctypes
import itertools
import math

import pypdfium2.raw as pdfium_c

from extractor.ingest.page import Rect
from extractor.ingest.pdfium_calls import (
    Box,
    Handle,
    Matrix,
    count_segments,
    draw_mode,
    fill_color,
    get_segment,
    matrix_of,
    multiply,
    object_bounds,
    segment_point,
    segment_type,
    stroke_width,
)

#: A filled shape no thicker than this (points) is a rule, whatever its ends look like.
RULE_THICKNESS = 2.0
#: Squares drawn as four lines with sides in this range (points) are check boxes.
CHECK_BOX_SIDES = (3.0, 14.0)
#: The thickness given to a zero-width stroke ("the thinnest line the device can show").
HAIRLINE = 0.25



def read_rects(paths: list[tuple[Handle, Matrix]], shown: Matrix) -> tuple[Rect, ...]:
    """The rectangles and rules the page's paths draw, as shown.  ``filled`` is pdfplumber's
    dark fill (:func:`extractor.ingest.pdf_words._dark_fill`): the colour's mean under 0.5,
    on the RGB PDFium gives for every colour space (CMYK converted)."""
    fill_mode, stroke, line = ctypes.c_int(), ctypes.c_int(), ctypes.c_float()
    modes = ctypes.byref(fill_mode), ctypes.byref(stroke)
    edges = (ctypes.c_float * 4)()  # left, bottom, right, top
    corners = [ctypes.byref(edges, 4 * k) for k in range(4)]
    rgba = (ctypes.c_uint * 4)()
    colour = [ctypes.byref(rgba, 4 * k) for k in range(4)]
    a, b, c, d, e, f = shown
    out: list[Rect] = []
    for obj, parent in paths:
        draw_mode(obj, *modes)
        filled, stroked = fill_mode.value != 0, bool(stroke.value)
        if not (filled or stroked):
            continue
        # No colour for a pattern or a shading fill: not a plain dark one.
        coloured = filled and bool(fill_color(obj, *colour))
        dark = coloured and rgba[3] > 0 and rgba[0] + rgba[1] + rgba[2] < 382.5
        if not stroked and coloured and (rgba[3] == 0 or min(rgba[0], rgba[1], rgba[2]) >= 250):
            continue  # a white or transparent fill alone draws nothing on the page
        if not stroked:  # a fill's bounds are exact: a thin one is a rule, whatever its ends
            object_bounds(obj, *corners)
            left, bottom, right, top = edges
            xs = (a * left + c * bottom + e, a * right + c * top + e)
            ys = (b * left + d * bottom + f, b * right + d * top + f)
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
            if 0 < min(x1 - x0, y1 - y0) <= RULE_THICKNESS:
                out.append(Rect(x0, x1, y0, y1, dark))
                continue
        matrix = multiply(multiply(matrix_of(obj), parent), shown)
        width = 0.0
        if stroked:
            stroke_width(obj, ctypes.byref(line))
            scale = math.sqrt(abs(matrix[0] * matrix[3] - matrix[1] * matrix[2]))
            width = line.value * scale if line.value > 0 else HAIRLINE
        for points in _subpaths(obj, matrix):
            box = _shape_box(points, filled)
            if box is not None:
                x0, y0, x1, y1 = _thicken(box, width)
                out.append(Rect(x0, x1, y0, y1, dark))
    return tuple(out + _drawn_squares(out))


def _subpaths(obj: Handle, matrix: Matrix) -> list[list[tuple[float, float]] | None]:
    """Each sub-path's points as shown; None for one with a curve."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    point = ctypes.byref(x), ctypes.byref(y)
    out: list[list[tuple[float, float]] | None] = []
    points: list[tuple[float, float]] | None = None
    for index in range(count_segments(obj)):
        segment = get_segment(obj, index)
        kind = segment_type(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            points = []
            out.append(points)
        elif kind != pdfium_c.FPDF_SEGMENT_LINETO and points is not None:
            out[-1] = points = None
        if points is not None:
            segment_point(segment, *point)
            points.append((a * x.value + c * y.value + e, b * x.value + d * y.value + f))
    return out


def _shape_box(points: list[tuple[float, float]] | None, filled: bool) -> Box | None:
    """The box of a straight sub-path that is an axis-aligned line or rectangle, or a thin
    filled shape; None for anything else."""
    if not points:
        return None
    corners = [p for p, q in zip(points, [*points[1:], None], strict=True) if p != q]
    if len(corners) > 2 and _near(corners[0], corners[-1]):
        corners.pop()
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    box = (min(xs), min(ys), max(xs), max(ys))
    if len(corners) in (2, 4) and all(
            abs(p[0] - q[0]) < 0.05 or abs(p[1] - q[1]) < 0.05
            for p, q in zip(corners, corners[1:] + corners[:1], strict=True)):
        return box
    if filled and len(corners) > 2 and min(box[2] - box[0], box[3] - box[1]) <= RULE_THICKNESS:
        return box
    return None


def _near(p: tuple[float, float], q: tuple[float, float], slack: float = 0.05) -> bool:
    return abs(p[0] - q[0]) < slack and abs(p[1] - q[1]) < slack


def _thicken(box: Box, width: float) -> Box:
    """A stroked shape's box grown about its middle to at least the stroke's width."""
    x0, top, x1, bottom = box
    if x1 - x0 < width:
        x0, x1 = (x0 + x1 - width) / 2, (x0 + x1 + width) / 2
    if bottom - top < width:
        top, bottom = (top + bottom - width) / 2, (top + bottom + width) / 2
    return x0, top, x1, bottom


def _drawn_squares(rects: list[Rect]) -> list[Rect]:
    """Check boxes drawn as four separate lines: two short rules across and two down meeting
    at the corners, as the square they close (unless a rectangle already draws it)."""
    low, high = CHECK_BOX_SIDES
    across = sorted((r for r in rects if r.height <= RULE_THICKNESS and low <= r.width <= high),
                    key=lambda r: r.top)
    down = [r for r in rects if r.width <= RULE_THICKNESS and low <= r.height <= high]
    drawn = [r for r in rects if low - 1 <= r.width <= high + 1 and low - 1 <= r.height]
    squares: list[Rect] = []
    for upper, lower in itertools.combinations(across, 2) if down else ():
        top, bottom = (upper.top + upper.bottom) / 2, (lower.top + lower.bottom) / 2
        if not (_near((upper.x0, upper.x1), (lower.x0, lower.x1), 1) and
                low <= bottom - top <= high):
            continue
        sides = [(r.x0 + r.x1) / 2 for r in down if abs(r.top - upper.top) <= 1
                 and abs(r.bottom - lower.bottom) <= 1]
        left = [x for x in sides if abs(x - upper.x0) <= 1]
        right = [x for x in sides if abs(x - upper.x1) <= 1]
        if left and right:
            square = Rect(left[0], right[0], top, bottom, False)
            if not any(all(abs(p - q) <= 1 for p, q in (
                    (r.x0, square.x0), (r.x1, square.x1), (r.top, square.top),
                    (r.bottom, square.bottom))) for r in drawn + squares):
                squares.append(square)
    return squares
