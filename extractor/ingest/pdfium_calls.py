"""PDFium's C functions as the page readers call them, and the geometry they share.

pypdfium2's typed bindings convert every argument (0.5 µs a call); at a call or two per
character that is most of a page's time, so the readers call the functions bare (0.2 µs).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import cast

import pypdfium2.raw as pdfium_c

#: ``(x0, top, x1, bottom)`` in points from the page's top-left corner, as shown.
Box = tuple[float, float, float, float]
#: A PDF matrix ``(a, b, c, d, e, f)``: x' = a x + c y + e, y' = b x + d y + f.
Matrix = tuple[float, float, float, float, float, float]

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class Handle(ctypes.c_void_p):
    """A PDFium handle from a :func:`bare` function (a subclass, so ctypes keeps it whole)."""


def bare(name: str, restype: type = ctypes.c_int) -> Callable:
    """PDFium's ``name`` without ctypes' argument conversion: 0.2 µs a call where pypdfium2's
    typed binding takes 0.5, most of a page's time at a call or two per character.  Arguments
    must be ctypes objects, handles or small ints."""
    address = cast(int, ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value)
    function = ctypes.CFUNCTYPE(restype)(address)
    function.argtypes = None  # type: ignore[assignment]  # None: no conversion at all
    return function


loose_box, is_generated = bare("FPDFText_GetLooseCharBox"), bare("FPDFText_IsGenerated")
count_objects, count_form = bare("FPDFPage_CountObjects"), bare("FPDFFormObj_CountObjects")
get_object = bare("FPDFPage_GetObject", Handle)
get_form_object = bare("FPDFFormObj_GetObject", Handle)
object_type, object_matrix = bare("FPDFPageObj_GetType"), bare("FPDFPageObj_GetMatrix")
object_bounds, fill_color = bare("FPDFPageObj_GetBounds"), bare("FPDFPageObj_GetFillColor")
draw_mode, stroke_width = bare("FPDFPath_GetDrawMode"), bare("FPDFPageObj_GetStrokeWidth")
count_segments = bare("FPDFPath_CountSegments")
char_origin, char_box = bare("FPDFText_GetCharOrigin"), bare("FPDFText_GetCharBox")
get_segment = bare("FPDFPath_GetPathSegment", Handle)
segment_type, segment_point = bare("FPDFPathSegment_GetType"), bare(
    "FPDFPathSegment_GetPoint")


def multiply(first: Matrix, then: Matrix) -> Matrix:
    """The matrix applying ``first``, then ``then``."""
    a, b, c, d, e, f = first
    p, q, r, s, t, u = then
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


def matrix_of(obj: Handle) -> Matrix:
    matrix = pdfium_c.FS_MATRIX()
    object_matrix(obj, ctypes.byref(matrix))
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


