"""Footnotes, remarks and signatures of reading-order text: the lines after the tables.

A footnote starts at its marker ("(3)", "3.") and runs to the next marker or the form's printed
text after the notes; the remarks follow their label; a signature is the paragraph above a
"Signature of Reporting Person" label, from its "/s/", with the date beside or below it.
"""

from __future__ import annotations

import re

from extractor.assemble.reading_order_tables import SOURCE
from extractor.fields.dates import parse_date
from extractor.layout.reading_order import Line, is_value
from extractor.model import Field, Footnote, Provenance, Signature

_DATE_ONLY = re.compile(r"^\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}$|^\d{4}-\d{2}-\d{2}$")
_TRAILING_DATE = re.compile(
    r"^(?P<rest>.*?)\s+(?P<date>\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})$")
_NOTE_START = re.compile(r"^\(?(?P<n>\d{1,2})[.)]\s+(?P<text>\S.*)$")
#: A superscript marker printed bare before its note ("1 The reported sale ..."): taken only
#: as the next note's number, and before a capital, so a line running on from "2024" is not.
_BARE_NOTE_START = re.compile(r"^(?P<n>\d{1,2})\s+(?P<text>[A-Z\"'(].*)$")
_NOTE_END = re.compile(
    r"(?i)^\W*(?:/s/|remarks\b|\*+\s*intentional|intentional misstatements|reminder:|"
    r"note: file|persons who respond|potential persons|\*+\s*signature|signature of reporting|"
    r"reporting owners\b|signatures\b|explanation of responses)")
_SIGNATURE_LABEL = re.compile(r"(?i)^\W*\**\s*signature of reporting person")
_REMARKS = re.compile(r"(?i)^\W*remarks\s*:?\s*(?P<rest>.*)$")
_EXPLANATION = re.compile(r"(?i)^\W*explanation\s+of\s+responses\s*:?\s*$")
CLEAN = 0.9


def _f(value: object, raw: str) -> Field:
    return Field(value, CLEAN, Provenance(SOURCE, raw_text=raw), (), None)


def read_footnotes(lines: list[Line], ocr: bool = False) -> tuple[Footnote, ...]:
    """The footnotes after "Explanation of Responses", each to the next marker; ``ocr``: the
    text is an OCR engine's reading, whose paragraphs of one note may come in another order,
    so a note over several paragraphs is flagged."""
    start = next((i for i, line in enumerate(lines) if _EXPLANATION.match(line.text)), None)
    if start is None:
        return ()
    notes: list[tuple[str, list[str], set[int]]] = []
    for line in lines[start + 1:]:
        if _NOTE_END.match(line.text):
            break
        # a bare number starts a note only where the note before has ended its sentence
        ended = not notes or notes[-1][1][-1].rstrip().endswith((".", ")", ";"))
        m = _NOTE_START.match(line.text) or (ended and _BARE_NOTE_START.match(line.text))
        expected = len(notes) + 1
        if m and int(m["n"]) == expected:
            notes.append((f"F{expected}", [m["text"]], {line.block}))
        elif notes:
            notes[-1][1].append(line.text)
            notes[-1][2].add(line.block)
    return tuple(Footnote(note_id, _note(parts, ocr and len(blocks) > 1))
                 for note_id, parts, blocks in notes)


def _note(parts: list[str], apart: bool) -> Field:
    field = _f(" ".join(parts), "\n".join(parts))
    return field.flagged("the note's lines stand in separate paragraphs of an OCR reading, "
                         "whose order of paragraphs is not the page's") if apart else field


def read_remarks(lines: list[Line]) -> Field:
    for index, line in enumerate(lines):
        m = _REMARKS.match(line.text)
        if not m:
            continue
        parts = [m["rest"]] if m["rest"] else []
        for other in lines[index + 1:]:
            if _NOTE_END.match(other.text) or _SIGNATURE_LABEL.match(other.text):
                break
            parts.append(other.text)
        text = " ".join(parts).strip()
        return _f(text, "\n".join(parts)) if text else Field()
    return Field()


def read_signatures(lines: list[Line]) -> tuple[tuple[Signature, ...], int]:
    """Every signature above a "Signature of Reporting Person" label (repeats dropped), and
    where the first one starts."""
    found: list[Signature] = []
    first = len(lines)
    for index, line in enumerate(lines):
        if not _SIGNATURE_LABEL.match(line.text):
            continue
        name_lines, date, start = _signature_above(lines, index)
        if date is None:
            date = next((parse_date(lines[j].text) for j in range(index + 1,
                         min(index + 4, len(lines))) if _DATE_ONLY.match(lines[j].text)), None)
        if not name_lines:
            continue
        first = min(first, start)
        name = " ".join(name_lines)
        if any(" ".join(str(s.signature_name.value).split()) == name for s in found):
            continue
        found.append(Signature(_f(name, "\n".join(name_lines)),
                               _f(date, name) if date else Field()))
    return tuple(found), first


def _signature_above(lines: list[Line], label: int) -> tuple[list[str], object, int]:
    """The name lines (one paragraph, from its "/s/") and the date just above a label."""
    date = None
    index = label - 1
    while index >= 0 and _DATE_ONLY.match(lines[index].text):
        date = date or parse_date(lines[index].text)
        index -= 1
    if index < 0 or not is_value(lines[index].text) or (_NOTE_END.match(lines[index].text) \
            and not lines[index].text.startswith("/s/")):
        return [], date, label
    block = lines[index].block
    names: list[str] = []
    start = index
    while index >= 0 and lines[index].block == block and is_value(lines[index].text):
        text = lines[index].text
        m = _TRAILING_DATE.match(text)
        if m and parse_date(m["date"]):
            date = date or parse_date(m["date"])
            text = m["rest"]
        if _NOTE_START.match(text) or _REMARKS.match(text) or len(text) > 120:
            break  # a footnote's or the remarks' line: the signature starts below it
        names.insert(0, text)
        start = index
        if text.lower().startswith(("/s/", "by:", "by ")):
            break
        index -= 1
    return names, date, start
