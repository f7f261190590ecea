"""Read a typed text (a legacy filing's document, ``pdftotext -layout`` output) through the
geometric layout core: the text as a monospace grid of words (:mod:`extractor.ingest.text_grid`),
laid out and assembled as a PDF's pages are (:mod:`extractor.assemble.page_form`).  Where the
text sets footnote markers on lines of their own, a marker given to a row is flagged."""

from __future__ import annotations

import dataclasses
import re

from extractor.assemble.page_form import read_page_form
from extractor.ingest.text_grid import LINE_HEIGHT, text_pages
from extractor.model import Field, Form4, map_fields

SOURCE = "text"
#: What typists put in a cell with nothing to report: no value.
_EMPTY_MARK = re.compile(r"^\s*(?:-+|N/?A|None|n/a)\s*$", re.IGNORECASE)
#: The form's own print that a box's text picks up: its instructions in parentheses, the
#: check-box words before them, the signature caption's asterisks.
_PRINTED_LEAD = re.compile(
    r"^(?:\s*(?:\*+|(?:Other|Officer)?\s*\((?:check all (?:that apply|applicable)|specify"
    r"(?: below)?|give title(?: below)?)\)))+\s*", re.IGNORECASE)
#: A signature is a name: one holding a footnote's marker and sentence, or the form's printed
#: notices, ran on into the text around it.
_NOT_A_NAME = re.compile(r"(?:^|\s)\(\d{1,2}\)\s+\w+\s+\w+|Explanation of Responses|"
                         r"Reminder:|Persons who respond|Intentional misstatements",
                         re.IGNORECASE)
#: The longest signature line a form holds (an entity, its manager and signer, titles).
_LONGEST_NAME = 200


#: A line that holds footnote markers and nothing else: "(2)", "(6)   (7)".
_MARKER_LINE = re.compile(r"^[ \t]*(?:\(\d{1,2}\)[ \t]*)+$", re.MULTILINE)


def read_grid_form(text: str, source: str = SOURCE) -> Form4:
    """The form ``text`` holds when read as a page of positioned words (not yet validated)."""
    form = _cleaned(read_page_form(text_pages(text), source))
    return _markers_apart(form) if _MARKER_LINE.search(text) else form


def _markers_apart(form: Form4) -> Form4:
    """``form`` with each table cell flagged that holds only footnote markers, or a number or
    date with markers from another line: the text sets markers on lines of their own between
    rows (a superscript printed above or below its row's line), and which row such a marker
    belongs to is not certain."""
    def change(path: str, field: Field) -> Field:
        if not path.startswith(("non_derivative_table", "derivative_table")) or \
                not field.footnote_ids or field.review_reason:
            return field
        if field.value is None:
            return dataclasses.replace(field, review_reason=(
                "the cell holds only footnote markers, and the text sets markers on lines of "
                "their own between rows: which row they belong to is not certain"))
        box = field.provenance.bbox if field.provenance else None
        if isinstance(field.value, str) or box is None or box[3] - box[1] <= 1.5 * LINE_HEIGHT:
            return field  # a text cell wraps; a number or date stands on one line
        return dataclasses.replace(field, review_reason=(
            "the value's markers stand on another line than the value, and the text sets "
            "markers on lines of their own between rows: which row they belong to is not "
            "certain"))

    return map_fields(form, change)


def _cleaned(form: Form4) -> Form4:
    """Empty marks emptied, the form's print cut off the front of text values, and a
    signature that is no name flagged."""
    def change(path: str, field: Field) -> Field:
        if not isinstance(field.value, str):
            return field
        if _EMPTY_MARK.match(field.value):
            return Field()
        value = _PRINTED_LEAD.sub("", field.value) if path.endswith(
            ("officer_title", "other_text", "signature_name")) else field.value
        if not value:
            return Field()
        if path.endswith("signature_name") and (_NOT_A_NAME.search(value) or
                                                len(value) > _LONGEST_NAME):
            return dataclasses.replace(field, value=value, review_reason=(
                "the signature runs on into other printed text (footnotes or the form's "
                "notices)"))
        return dataclasses.replace(field, value=value) if value != field.value else field

    return map_fields(form, change)


def read_grid_submission(text: str) -> Form4:
    """The typed Form 4 document of an SGML submission read as a grid; EDGAR's header adds
    only the CIKs, as the label reader's does (:mod:`extractor.assemble.sgml_ciks`)."""
    from extractor.assemble.legacy_ascii import FORM4_TYPES
    from extractor.assemble.legacy_ascii import SOURCE as LEGACY
    from extractor.assemble.sgml_ciks import with_header_ciks
    from extractor.errors import NotAForm4Error
    from extractor.ingest.sgml import split_submission

    submission = split_submission(text)
    if not submission.documents:  # the typed form without its envelope (SGML tags inside)
        return read_grid_form(text, LEGACY)
    typed = [d for d in submission.documents if d.type in FORM4_TYPES and not d.is_xml]
    if not typed:
        raise NotAForm4Error("the submission holds no typed Form 4 document")
    return with_header_ciks(read_grid_form(typed[0].text, LEGACY), submission.header, LEGACY)
