"""Scans of rendered PDFs at four qualities, reproducibly: the code lives in
tests/support/scan.py, which the tests use too; the benchmark scripts keep this name."""

from tests.support.scan import (
    FIRST_QUALITIES,
    QUALITIES,
    ScanQuality,
    image_only_pdf,
    png_bytes,
    rasterize,
    scan,
)

__all__ = ["FIRST_QUALITIES", "QUALITIES", "ScanQuality", "image_only_pdf", "png_bytes",
           "rasterize", "scan"]
