"""Weigh two OCR readings of a scanned value: agreed, mended, or both shown for review.

Tesseract's reading of a value it could not pass and a second engine's reading of the same
pixels (:mod:`extractor.assemble.scan_second_reading`) are compared:

* where they **agree**, the value has evidence that no single confidence gives;
* where they differ, the value is **mended** when something besides the two engines settles
  the difference: a date, amount or code the two engines agreed on elsewhere in the document
  (a transaction date repeated down a table), or, in text, the word list (where one engine
  read a word and the other a non-word: "earned" against "eamed");
* otherwise the value goes to review, and the reviewer is shown both readings.

A mended value is taken into the words it was read from, and the form is read again from them.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from extractor.assemble.scan_form_witnesses import witnessed_by_the_form
from extractor.assemble.scan_second_reading import Doubted
from extractor.fields.footnote_refs import split_footnote_refs
from extractor.fields.ocr_repair import repair_digits
from extractor.ingest.pdf_words import Word
from extractor.knowledge import value_kinds as V
from extractor.knowledge.lexicon import is_form_term, is_known_word
from extractor.knowledge.ocr_confusions import BRACES_AS_PARENTHESES, SAME_SHAPE_CASES
from extractor.layout.pdf_blocks import LaidLine

#: Brackets and quotes round a reading ("[ TSLA ]", "(TSLA"), which no value includes.
_EDGES = "()[]{}|'\"‘’“”"
#: Kinds whose value a reading agreed on elsewhere in the document can settle.
_WITNESSED = (V.DATE, V.AMOUNT, V.CODE)


@dataclass(frozen=True, slots=True)
class SecondReading:
    """What the two engines read for one value, and what was made of it."""

    first: str
    second: str
    kind: str
    #: The value's text once the two readings were reconciled (the first reading, or the first
    #: mended); None when they could not be.
    settled_as: str | None = None
    #: Why readings that agree are not settled ("the page shows 3 full stops ...").
    unsettled_by: str | None = None

    @property
    def agrees(self) -> bool:
        """Whether both engines read the same (:func:`readings_agree`)."""
        return readings_agree(self.first, self.second, self.kind)

    @property
    def settled(self) -> bool:
        """Whether the value has a witness besides tesseract: the second engine, or what the
        document and the word list say where the two differ."""
        return self.settled_as is not None


def comparable(text: str, kind: str) -> str:
    """``text`` as two readings of a value of ``kind`` are compared.

    In a date, amount or code white space is nothing (an engine may run "$211.83 (5)"
    together), nor, in a code, the size of a letter (a lone "s" or "S"); in an amount a comma
    and a full stop count alike (the second engine reads most thousands commas as stops, and a
    share count that could be either is flagged by its own rule,
    :mod:`extractor.validate.ocr_rules`).  Brackets round a code or text are not the value
    ("[ TSLA ]"); round an amount or a date they count, since the parser may take a bracket for
    a digit.  In text, white space counts between words, but not before a footnote marker.

    >>> comparable("5,250 (1)", "amount"), comparable("Common Stock(1)", "text")
    ('5.250(1)', 'Common Stock(1')
    >>> comparable("[ TSLA ]", "code"), comparable("[74,213", "amount")
    ('TSLA', '174.213')
    >>> comparable("$O", "amount") == comparable("$0", "amount")
    True
    """
    text = unicodedata.normalize("NFKC", text).translate(BRACES_AS_PARENTHESES).strip()
    if kind in (V.AMOUNT, V.DATE):  # a bracket there may be read as a digit ("[74" as "174")
        text = "".join(text.split())
        # Read as the cell's type reads it: letters with a digit look-alike are digits ("$O",
        # "。" for "$0", "0"), as the parser repairs tesseract's reading.
        text = repair_digits(text, among_digits=False) or text
        return text.replace(",", ".") if kind == V.AMOUNT else text
    text = text.strip(_EDGES).strip()
    if kind in (V.TEXT, V.NOTE):
        return re.sub(r"\s+(?=\(\d)", "", " ".join(text.split()))
    return "".join(text.split()).upper()


def readings_agree(first: str, second: str, kind: str) -> bool:
    """Whether two readings of a value of ``kind`` are the same (:func:`comparable`); in text,
    also when the second only runs words together that the first keeps apart ("CommonStock":
    the second engine drops narrow spaces, tesseract seldom makes one up between letters).

    >>> readings_agree("Common Stock", "CommonStock", "text")
    True
    >>> readings_agree("LiWenjun", "Li Wenjun", "text"), readings_agree("201 2", "2012", "text")
    (False, False)
    """
    a, b = comparable(first, kind), comparable(second, kind)
    return a == b or (kind in (V.TEXT, V.NOTE) and _run_together(a, b))


def _run_together(first: str, second: str) -> bool:
    """Whether ``second`` is ``first`` with some spaces left out, none of them between two
    digits (tesseract makes up a space inside a number, "201 2", more often than the second
    engine drops one there)."""
    if first.replace(" ", "") != second.replace(" ", ""):
        return False
    j = 0
    for i, char in enumerate(first):
        if j < len(second) and second[j] == char:
            j += 1
        elif char != " " or (first[i - 1].isdigit() and first[i + 1].isdigit()):
            return False
    return j == len(second)


def settle(laid: list[LaidLine], doubted: Sequence[Doubted], seconds: Sequence[str],
           passed: Sequence[tuple[str, str]] = ()
           ) -> tuple[list[LaidLine], dict[tuple[int, str], SecondReading]]:
    """Weigh each doubted value's two readings (``seconds``: the second engine's), and mend the
    words where a difference is settled.  ``passed`` are the (path, text) of the values whose
    first reading passed: they bear witness too.

    Returns the laid lines (mended) and each value's :class:`SecondReading`, by the index of
    its first laid line and its text as the judge will be given it.
    """
    readings = [SecondReading(value.words.text, second, V.value_kind(value.path))
                for value, second in zip(doubted, seconds, strict=True)]
    # The values read alike elsewhere, by kind and comparable form, as they were printed.
    agreed: dict[str, dict[str, str]] = defaultdict(dict)
    witnesses = [(value.path, reading.first) for value, reading in zip(
        doubted, readings, strict=True) if reading.agrees] + list(passed)
    for path, text in witnesses:
        kind = V.value_kind(path)
        if kind in _WITNESSED:
            printed = split_footnote_refs(text)[0]
            agreed[_witness_key(path, kind)].setdefault(comparable(printed, kind), printed)
    form_says = witnessed_by_the_form(
        [(value.path, r.first, r.second) for value, r in zip(doubted, readings, strict=True)],
        witnesses)
    out: dict[tuple[int, str], SecondReading] = {}
    # (first word, count, new words) per line, applied once every value is settled: a value
    # read anew as more or fewer words shifts the words after it on its line.
    mends: dict[int, list[tuple[int, int, list[str]]]] = {}
    for index, (value, reading) in enumerate(zip(doubted, readings, strict=True)):
        tokens = form_says[index].split() if index in form_says else \
            _settled_words(reading, agreed[_witness_key(value.path, reading.kind)])
        first_line = value.line
        if tokens is not None and tokens and value.stops_seen >= _ELLIPSIS > _stops(tokens[-1]):
            # Both engines lost dots on a fax: "Revocable." where the print has "...".  Fewer
            # dots seen than an ellipsis's are no evidence: a fax's specks look like dots.
            reading = dataclasses.replace(reading, unsettled_by=(
                f"the page shows {value.stops_seen} full stops at the end, the readings "
                f"{_stops(tokens[-1])}"))
            tokens = None
        if tokens is not None and value.beside_dropped_stroke:
            reading = dataclasses.replace(reading, unsettled_by=(
                "a stroke beside it was dropped as debris: a letter may be lost"))
            tokens = None
        if tokens is not None and len(tokens) != len(reading.first.split()) and \
                len(value.words.runs) != 1:
            tokens = None  # read anew over several lines: no place to put it word for word
        if tokens is None:
            out[first_line, value.raw] = reading
            continue
        text = " ".join(tokens)
        reading = dataclasses.replace(reading, settled_as=text)
        if tokens == reading.first.split():
            out[first_line, value.raw] = reading
        elif len(tokens) == len(reading.first.split()):  # word for word
            words = iter(tokens)
            for line, first, count in value.words.runs:
                mends.setdefault(line, []).append((first, count,
                                                   [next(words) for _ in range(count)]))
            words = iter(tokens)
            raw = "\n".join(" ".join(next(words) for _ in part.split())
                            for part in value.raw.split("\n") if part.strip())
            out[first_line, raw] = reading
        else:  # a date, amount or code read anew: one run of words
            line, first, count = value.words.runs[0]
            mends.setdefault(line, []).append((first, count, tokens))
            out[first_line, text] = reading
    mended = list(laid)
    for line, changes in mends.items():
        for first, count, tokens in sorted(changes, key=lambda change: -change[0]):
            mended[line] = _mend(mended[line], first, count, tokens)  # the last words first
    return mended, out


def _settled_words(reading: SecondReading, witnessed: dict[str, str]) -> list[str] | None:
    """The value's words once the two readings are reconciled, or None.  ``witnessed``: the
    values of its kind read alike elsewhere, by their comparable form."""
    first = reading.first.split()
    if reading.agrees:
        return first
    if reading.kind in _WITNESSED:
        # The second reading is one both engines gave elsewhere, the first one none gave.
        # It is spelled as printed there: "3,139.533" compares as "3,139,533" but does not
        # parse as it.
        second, markers = split_footnote_refs(reading.second)
        printed = witnessed.get(comparable(second, reading.kind))
        if printed is not None and _core(reading.first, reading.kind) not in witnessed and \
                markers == _markers(reading.first):
            return reading.second.replace(second, printed, 1).split()
        return None
    return _merged_words(first, reading.second.split())


def _merged_words(first: list[str], second: list[str]) -> list[str] | None:
    """``first``'s words, where they differ from ``second``'s each settled by what the form's
    words can be (:func:`_word_of`); None when a difference is left open.

    Dots are left open: on a fax neither engine counts them right ("Revocable." for
    "Revocable...")."""
    out = list(first)
    a = [comparable(t, V.TEXT) for t in first]
    b = [comparable(t, V.TEXT) for t in second]
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if "".join(a[i1:i2]) == "".join(b[j1:j2]):  # the same letters spaced otherwise
            if _run_together(" ".join(a[i1:i2]), " ".join(b[j1:j2])):
                continue
            return None  # "Class ACommon" against "ClassA Common": neither is sure
        if op == "replace" and i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                word = _word_of(first[i], second[j], first[i - 1] if i else "")
                if word is None:
                    return None
                out[i] = word
        elif _run_together(" ".join(a[i1:i2]), " ".join(b[j1:j2])):
            continue  # the second engine ran words together
        elif i2 - i1 == 1 and "".join(b[j1:j2]) == a[i1] and _known(first[i1]) and all(
                b[j][-1:].isalpha() and b[j + 1][:1].isalpha() for j in range(j1, j2 - 1)):
            continue  # it split a word between letters ("mu ltiple")
        else:
            return None
    return out


def _word_of(first: str, second: str, before: str = "") -> str | None:
    """Of two readings of one word, the one the form's words bear out, or None:

    * the one that is a word when the other is none ("to" for "1o", "earned" for "eamed");
      a capitalised word may be a name, which no list holds ("Carine", not "Canine"), so it
      settles nothing unless it is one of the form's terms ("Reporting", "Attorney-in-Fact");
    * where they differ only in the size of letters of one shape ("RSU", "RsU"), the first
      (tesseract sizes letters by their line, the second engine alone), but for the first
      letter of a word after a word (``before``) that ends no sentence: small ("so", not
      "So");
    * of a number read with a comma for a full stop, the one a number can be ("$2,571.65",
      not "$2.571.65"), and else the first ("15,000", not "15.000": the second engine reads
      thousands commas as stops).
    """
    if readings_agree(first, second, V.TEXT):
        return first
    if abs(len(first) - len(second)) > 1 and fuzz.ratio(first, second) < _SAME_WORD:
        return None  # not two readings of one word: the words fell out of step
    if len(first) == len(second) and all(
            x == y or (x.lower() == y.lower() and x.lower() in SAME_SHAPE_CASES)
            for x, y in zip(first, second, strict=True)):
        if first[0] != second[0] and before and (before[-1].isalnum() or before[-1] == ","):
            return first if first[0].islower() else second  # inside a sentence
        return first
    if first.replace(",", ".") == second.replace(",", ".") and any(c.isdigit() for c in first):
        return second if _NUMBER.fullmatch(second) and not _NUMBER.fullmatch(first) else first
    first_known, second_known = _known(first), _known(second)
    if first_known and second_known is False and (_small(first) or is_form_term(first)):
        return first
    if second_known and first_known is False and (_small(second) or is_form_term(second)):
        return second
    # A form term against what is no word at all ("10b5-1" against "1065-1").
    if is_form_term(second) and first_known is None and not _NUMBER.fullmatch(first):
        return second
    return None


#: The full stops of an ellipsis.
_ELLIPSIS = 3
#: Least similarity (0-100) of two readings of one word whose lengths differ by more than a
#: letter ("Attomey", "Attoiney": 80; "in", "inmultiple": 33).
_SAME_WORD = 60
#: A number as print writes one: commas between thousands, one decimal point, with a dollar
#: sign, a sign or a per cent, and punctuation after it.
_NUMBER = re.compile(r"[$(-]?\d{1,3}(?:,\d{3})*(?:\.\d+)?%?[),.;:]?")


def _known(token: str) -> bool | None:
    """:func:`~extractor.knowledge.lexicon.is_known_word`, where letters mixed with digits or
    symbols ("1o", "multip!e") are no word, and a form term ("10b5-1") is one."""
    known = is_known_word(token)
    if known is None and any(c.isalpha() for c in token) and \
            re.search(r"[A-Za-z][^A-Za-z'’.\-/]+[A-Za-z]|\d", token.strip(_EDGES + ".,;:")):
        return False
    return known


def _small(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and all(c.islower() for c in letters)


def _stops(token: str) -> int:
    return len(token) - len(token.rstrip("."))


def _witness_key(path: str, kind: str) -> str:
    """Values that bear one another out: dates with dates, amounts with amounts, codes of one
    column with that column's."""
    return re.sub(r"\[\d+\]", "", path).rsplit(".", 1)[-1] if kind == V.CODE else kind


def _core(text: str, kind: str) -> str:
    return comparable(split_footnote_refs(text)[0], kind)


def _markers(text: str) -> tuple[str, ...]:
    return split_footnote_refs(text)[1]


def _mend(line: LaidLine, first: int, count: int, tokens: list[str]) -> LaidLine:
    """``line`` with its words ``first`` to ``first + count`` read as ``tokens`` instead: word
    for word when there are as many, else as words sharing the old words' box."""
    old = line.words[first:first + count]
    spans = []
    cursor = 0
    for word in line.words[:first + count]:
        written = word.text if word.text in line.text[cursor:] else word.text.replace("|", "/")
        at = line.text.index(written, cursor)
        spans.append((at, at + len(written)))
        cursor = at + len(written)
    if len(tokens) == count:
        new = tuple(dataclasses.replace(w, text=t) for w, t in zip(old, tokens, strict=True))
        text = line.text
        for (start, end), token in reversed(list(zip(spans[first:], tokens, strict=True))):
            text = text[:start] + token + text[end:]
    else:
        box = (min(w.x0 for w in old), max(w.x1 for w in old), min(w.top for w in old),
               max(w.bottom for w in old))
        confidence = min(w.confidence for w in old)
        new = tuple(Word(token, *box, old[0].page, confidence) for token in tokens)
        text = line.text[:spans[first][0]] + " ".join(tokens) + line.text[spans[-1][1]:]
    return dataclasses.replace(line, text=text,
                               words=line.words[:first] + new + line.words[first + count:])
