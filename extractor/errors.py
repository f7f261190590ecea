"""Errors for input the extractor cannot read.  Each carries a one-line, user-facing message."""

from __future__ import annotations


class Form4Error(Exception):
    """Base class: the input could not be turned into a Form 4.  ``str(err)`` is one line."""


class UnreadableInputError(Form4Error):
    """The path cannot be read, the file is empty, corrupt, encrypted or binary junk."""


class OcrTimeoutError(UnreadableInputError):
    """tesseract took longer than the time limit over one page (a hung or runaway read)."""


class NotAForm4Error(Form4Error):
    """The input is readable but is not a Form 4 (e.g. a Form 3, or an unrelated document)."""


class UnsupportedInputError(Form4Error):
    """The input kind is recognised but this version cannot read it (e.g. a Form 4 in an input
    kind no reader handles)."""


class ScannedPdfError(UnsupportedInputError):
    """The PDF holds scanned pages, which its text layer cannot be trusted to read (none, or a
    scanner's own OCR under which no confidences lie): the dispatcher reads it as a scan."""


class MissingDependencyError(Form4Error):
    """A program the extractor needs is not installed (e.g. the tesseract binary)."""
