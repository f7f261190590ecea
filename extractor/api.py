"""The public entry point: :func:`extract`."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

from extractor.errors import ScannedPdfError, UnreadableInputError, UnsupportedInputError
from extractor.ingest.detect import InputKind, decode_text, detect_kind
from extractor.ingest.sgml import is_sgml_submission
from extractor.model import Field, Form4, map_fields
from extractor.validate import require_filing_values, validate

Source = str | bytes | os.PathLike[str]


def load(source: Source) -> tuple[bytes, str]:
    """The bytes of ``source`` and a name for messages.

    A ``str`` is a path when it names an existing file or has no line break; otherwise it is the
    text of a dump itself.
    """
    if isinstance(source, bytes):
        return source, "<bytes>"
    if isinstance(source, str) and ("\n" in source and not os.path.exists(source[:4096])):
        return source.encode("utf-8"), "<text>"
    path = Path(source)
    try:
        return path.read_bytes(), str(path)
    except IsADirectoryError:
        raise UnreadableInputError("is a directory, not a file") from None
    except FileNotFoundError:
        raise UnreadableInputError("no such file") from None
    except PermissionError:
        raise UnreadableInputError("permission denied") from None
    except OSError as err:
        raise UnreadableInputError(f"cannot be read ({err.strerror or err})") from None


def extract(source: Source) -> Form4:
    """Read a Form 4 from a path, the bytes of a file, or the text of a dump.

    Accepted: plain OCR text and markdown-table dumps, legacy EDGAR text filings (the paper form
    typed out in an SGML submission), and EDGAR ownershipDocument XML (bare or inside an SGML
    submission).  The result is validated: doubtful fields carry a ``review_reason``.

    Raises :class:`~extractor.errors.Form4Error` subclasses with a one-line message for input
    that is unreadable, not a Form 4, or of a kind this version does not read.
    """
    data, _ = load(source)
    return validate(require_filing_values(read_form(data)))


def _relabel(form: Form4, source: str) -> Form4:
    """``form`` with every provenance and the source kind naming ``source``."""
    def change(_: str, field: Field) -> Field:
        if field.provenance is None:
            return field
        return dataclasses.replace(field, provenance=dataclasses.replace(field.provenance,
                                                                         source=source))

    return dataclasses.replace(map_fields(form, change), source_kind=source)


def read_form(data: bytes) -> Form4:
    """Dispatch ``data`` to the reader for its kind; the result is not yet validated."""
    kind = detect_kind(data)
    if kind is InputKind.EDGAR_XML:
        from extractor.assemble.edgar_xml import read_edgar_xml

        return read_edgar_xml(data)
    if kind is InputKind.TEXT and is_sgml_submission(decode_text(data)):
        kind = InputKind.SGML  # the compact "<SUBMISSION>" header, which detection passes by
    if kind is InputKind.SGML:
        text = decode_text(data)
        if re.search(r"<XML>\s*(<\?xml[^>]*>\s*)?<ownershipDocument", text, re.IGNORECASE):
            from extractor.assemble.edgar_xml import read_edgar_xml

            return read_edgar_xml(data)
        from extractor.assemble.legacy_ascii import read_legacy_ascii
        from extractor.assemble.text_choice import best_reading
        from extractor.assemble.text_grid import read_grid_submission

        return best_reading([lambda: read_legacy_ascii(text),
                             lambda: read_grid_submission(text)])
    if kind is InputKind.TEXT:
        from extractor.assemble.text_choice import best_reading, is_markdown
        from extractor.assemble.text_dump import read_text_form
        from extractor.assemble.text_grid import read_grid_form
        from extractor.ingest.text_dump import has_html_tables

        text = decode_text(data)
        if is_markdown(text) or has_html_tables(text):
            return read_text_form(text)
        from extractor.assemble.reading_order import distrusted, read_reading_order
        from extractor.layout.ocr_text import looks_like_ocr

        if looks_like_ocr(text):  # the other readers take its characters as typed
            why = "the text is an OCR engine's reading, which this reader takes as typed"
            return best_reading([lambda: read_reading_order(text),
                                 lambda: distrusted(read_text_form(text), why),
                                 lambda: distrusted(read_grid_form(text), why)])
        return best_reading([lambda: read_text_form(text), lambda: read_grid_form(text),
                             lambda: read_reading_order(text)])
    if kind is InputKind.HTML:
        from extractor.assemble.html_view import read_html_view
        from extractor.assemble.text_dump import read_text_form
        from extractor.ingest.html_view import html_to_dump

        page = decode_text(data)
        form = read_html_view(page)  # None: not laid out as EDGAR's view; read as text rows
        return _relabel(form or read_text_form(html_to_dump(page)), "html")
    if kind is InputKind.PDF:
        from extractor.assemble.pdf import read_pdf_form

        try:
            return read_pdf_form(data)
        except ScannedPdfError:  # no text layer, or a scanner's OCR over the page image
            from extractor.assemble.scan import read_scan_form
            from extractor.ingest.images import rasterize_pdf

            return read_scan_form(rasterize_pdf(data))
    if kind is InputKind.IMAGE:
        from extractor.assemble.scan import read_scan_form
        from extractor.ingest.images import load_images

        return read_scan_form(load_images(data))
    raise UnsupportedInputError(f"{kind.value} input is not supported")
