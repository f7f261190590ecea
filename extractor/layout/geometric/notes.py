"""The parts under the tables: footnotes, remarks and signatures, as lines of words.

* **Footnotes** follow "Explanation of Responses": a line opening with a marker ("(1)", "1.",
  or a raised "1") starts a note; the lines under it continue it while they stay in its column
  and close below it.
* **Signatures** are printed over their caption ("** Signature of Reporting Person", with
  "Date" beside it): the lines just above the caption, in its column, are the signer's name (a
  long one wraps), and the date is the one above the "Date" caption or at the end of the name's
  line.  Where nothing is above the caption, what follows it on its line is taken, or the
  lines typed under it down to its "Date" caption and the date under that.  No signature
  reaches over the label printed above it (the notice "Intentional misstatements ...").
* **Remarks** are the text after "Remarks:" up to the signatures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractor.ingest.page import Word
from extractor.layout.geometric.anchors import Anchor
from extractor.layout.geometric.lines import group_lines, line_height

#: "(1) text" as the paper form prints a note; "1. text" as EDGAR's view does.
NOTE_START = re.compile(r"^(?:\((\d{1,2})\)|(\d{1,2})[.)]?)$")
_DATE = re.compile(r"^\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}$|^\d{4}-\d{2}-\d{2}$|"
                   r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, "
                   r"\d{4}$")
#: A word that spells something: a line of marks alone ("**") is no signer's.
_SPELLS = re.compile(r"[^\W_]")
#: A signature line ending so goes on with the signer's name on the next line, "/s/" and all
#: ("SoftBank Vision Fund II-2 L.P., By :" / "/s/ SB Global Advisers Limited, its").
GOES_ON = re.compile(r"(?:\bBy|/s/|\bits|\bfor)\s*:?$", re.IGNORECASE)
#: The caption of a signature's date typed on a line of its own under the name.
_DATE_CAPTION = re.compile(r"^date:?$", re.IGNORECASE)
#: Lines of one note are at most this many line heights apart.
NOTE_GAP = 1.2


#: A note's lines start at its left edge or a hanging indent; a line starting further right
#: than this many line heights is something else beside the notes (signatures at the foot).
NOTE_INDENT = 10.0


def text_of_words(words: Sequence[Word]) -> str:
    return " ".join(w.text for w in words)


@dataclass(slots=True)
class NoteLines:
    """One footnote: its printed number and the words of its text."""

    number: int
    words: list[Word] = field(default_factory=list)


@dataclass(slots=True)
class SignatureWords:
    """One signature: the words of the name and the date word, if any."""

    name: list[Word]
    date: Word | None
    caption: Anchor | None


def _opens_note(line: Sequence[Word], height: float, expected: int) -> int | None:
    """The note number a line opens with, if it opens one (``expected``: the next note's)."""
    first = line[0]
    m = NOTE_START.match(first.text)
    if m is not None and len(line) == 1:
        return None  # "4." alone on a line ends a sentence ("... of this Form 4.")
    if m is None:
        glued = re.match(r"^\((\d{1,2})\)\S", first.text)
        return int(glued[1]) if glued else None
    if m[2] is not None and not first.text.endswith((".", ")")) and \
            first.bottom - first.top >= 0.8 * height and len(line) > 1 and \
            int(m[2]) != expected:
        return None  # a bare number of normal size out of turn starts a sentence, not a note
    return int(m[1] or m[2])


def read_notes(words: Sequence[Word], running: NoteLines | None = None) -> list[NoteLines]:
    """The footnotes among ``words`` (the explanation's band, signatures taken out).

    ``running`` is the note the previous page ended in: lines before the first marker go on
    with it.
    """
    notes: list[NoteLines] = []
    left = 0.0
    last_bottom = 0.0
    if running is not None:
        lines = group_lines(words)
        while lines and _opens_note(lines[0], line_height(lines[0]),
                                    running.number + 1) is None:
            running.words.extend(lines.pop(0))
        words = [w for line in lines for w in line]
    for line in group_lines(words):
        height = line_height(line)
        number = _opens_note(line, height, notes[-1].number + 1 if notes else
                             running.number + 1 if running else 1)
        top = min(w.top for w in line)
        if number is not None:
            note = NoteLines(number)
            first = line[0]
            glued = re.match(r"^\(\d{1,2}\)(\S.*)$", first.text)
            rest = list(line[1:])
            if glued:
                rest.insert(0, Word(glued[1], first.x0, first.x1, first.top, first.bottom,
                                    first.page, first.confidence, first.size))
            note.words.extend(rest)
            notes.append(note)
            left = line[0].x0
        elif notes and top - last_bottom <= NOTE_GAP * height and \
                left - 2 * height <= line[0].x0 <= left + NOTE_INDENT * height:
            notes[-1].words.extend(line)
        else:
            if notes:
                break  # something else under the notes
            continue
        last_bottom = max(w.bottom for w in line)
    return notes


def signature_words(caption: Anchor, date_label: Anchor | None, words: Sequence[Word],
                    ceiling: float = float("-inf"), floor: float = float("inf")
                    ) -> tuple[list[SignatureWords], set[int]]:
    """The signatures over ``caption`` and the ids of the words they take: none reaches up
    over ``ceiling`` (the foot of the label above) or, typed under the caption, down to
    ``floor`` (the next label's top)."""
    h = caption.height
    right_edge = date_label.x0 - 0.5 * h if date_label is not None else caption.x1 + 40 * h
    if date_label is not None and date_label.x0 < caption.x0:
        right_edge = caption.x1 + 40 * h
    band = [w for w in words if w.page == caption.page and w.bottom <= caption.top + 0.3 * h
            and w.top >= max(caption.top - 60 * h, ceiling - 0.5)]
    left_edge = caption.x0 - 6 * h
    # Only the lines right above the caption and in its column: going up, stop at a wide gap
    # or at a line that runs out of the column (a footnote's, above the signature).
    kept: list[list[Word]] = []
    reach = caption.top
    for line in reversed(group_lines(band)):
        inside = _run_on([w for w in line if w.x1 >= left_edge and w.x0 <= right_edge], line)
        if not any(_SPELLS.search(w.text) for w in inside):
            continue
        if (len(inside) < len(line) and any(w.x1 < left_edge for w in line)) or \
                reach - max(w.bottom for w in inside) > 2.0 * line_height(inside):
            break
        kept.insert(0, inside)
        reach = min(w.top for w in inside)
    taken: set[int] = set()
    # Dates: above the "Date" caption, or at the end of a signature's own line.
    dates: list[Word] = []
    if date_label is not None:
        dates = [w for w in words if w.page == caption.page and _DATE.match(w.text.strip(","))
                 and w.bottom <= date_label.top + 0.3 * h and
                 w.top >= max(caption.top - 60 * h, ceiling - 0.5) and
                 w.x1 >= date_label.x0 - 4 * h and w.x0 <= date_label.x1 + 6 * h]
    dates += [w for line in kept for w in line if _DATE.match(w.text.strip(",")) and
              w not in dates and w is line[-1] and len(line) > 1]
    signatures: list[SignatureWords] = []
    dated_by: set[int] = set()  # the dates beside the current signature's lines
    # Signers stacked in a column each with a date beside: each line goes with its nearest
    # date, wherever "/s/" falls ("Corp., By : /s/ ...").
    stacked = len({round(d.cy) for d in dates}) >= 2 and \
        len(kept) > len({round(d.cy) for d in dates})
    for line in kept:
        names = [w for w in line if w not in dates]
        if not names:
            continue
        top, bottom = min(w.top for w in line), max(w.bottom for w in line)
        beside = {id(d) for d in dates if top - 0.3 * h <= d.cy <= bottom + 0.3 * h}
        if stacked:
            middle = (top + bottom) / 2
            beside = {id(min(dates, key=lambda d: abs(d.cy - middle)))}
            opens = not signatures or bool(beside - dated_by)
        else:
            # A line opens a signature with "/s/", or with a date of its own when the
            # signature above has its date already (a date prints by a name's first line or
            # its last; one centred on a name's two lines is beside both).
            opens = not signatures or (names[0].text.lower().startswith("/s/") and
                                       not GOES_ON.search(text_of_words(signatures[-1].name))) \
                or bool(beside - dated_by and dated_by)
        if not opens:
            signatures[-1].name.extend(names)
            dated_by |= beside
        else:
            signatures.append(SignatureWords(names, None, caption))
            dated_by = beside
        if stacked:
            signatures[-1].date = next(d for d in dates if id(d) in beside)
        taken.update(id(w) for w in line)
    if not signatures:
        right_of_caption = [w for w in words if w.page == caption.page and w.x0 > caption.x1
                            and abs(w.cy - (caption.top + caption.bottom) / 2) < 0.6 * h]
        if right_of_caption:
            signatures.append(SignatureWords(list(right_of_caption), None, caption))
            taken.update(id(w) for w in right_of_caption)
        elif date_label is None:
            return signed_below(caption, words, floor)
    # Each signature's date is the one beside its name (its first or its last line); a lone
    # date above the caption is the last signature's.
    free = [] if stacked else sorted(dates, key=lambda w: w.top)
    for signature in signatures if not stacked else ():
        first = min(w.top for w in signature.name)
        last = max(w.bottom for w in signature.name)
        dates_beside = [d for d in free if first - h <= d.cy <= last + h]
        if dates_beside:
            signature.date = dates_beside[-1]
            free.remove(dates_beside[-1])
    if signatures and signatures[-1].date is None and free:
        signatures[-1].date = free[-1]
    for signature in signatures:
        if signature.date is not None:
            taken.add(id(signature.date))
    return signatures, taken


def _run_on(inside: list[Word], line: Sequence[Word]) -> list[Word]:
    """``inside`` with the words of ``line`` that go on from its last one a word space
    apart, up to a date: a long name runs on past the "Date" caption's edge."""
    if not inside:
        return inside
    out = list(inside)
    for word in sorted((w for w in line if w.x0 > inside[-1].x1), key=lambda w: w.x0):
        last = out[-1]
        if word.x0 - last.x1 > 1.5 * (last.bottom - last.top):
            break
        out.append(word)
        if _DATE.match(word.text.strip(",")):
            break  # the date typed at the name's end, read as the signature's
    return out


def signed_below(caption: Anchor, words: Sequence[Word], floor: float
                 ) -> tuple[list[SignatureWords], set[int]]:
    """A signature typed under its caption ("SIGNATURE OF REPORTING PERSON" / the name /
    "DATE" / the date): the lines in the caption's column down to the date's caption, and
    the date under or beside that caption; a wide gap or the next label ends it."""
    h = caption.height
    lines = [line for line in group_lines(
        w for w in words if w.page == caption.page and w.top > caption.bottom - 0.3 * h and
        w.bottom <= floor + 0.5 and w.x1 >= caption.x0 - 6 * h)
        if line[0].x0 <= caption.x1 + 6 * h]
    name: list[Word] = []
    date: Word | None = None
    reach = caption.bottom
    after_caption = False
    for line in lines:
        if min(w.top for w in line) - reach > 2.0 * line_height(line):
            break
        reach = max(w.bottom for w in line)
        opens_date = bool(_DATE_CAPTION.match(line[0].text))
        if opens_date:
            line = line[1:]
        found = next((w for w in line if _DATE.match(w.text.strip(","))), None)
        if after_caption or opens_date:
            after_caption = True
            date = found
            if found is not None or not opens_date:
                break
            continue
        name.extend(line)
    if not name:
        return [], set()
    taken = {id(w) for w in name} | ({id(date)} if date is not None else set())
    return [SignatureWords(name, date, caption)], taken
