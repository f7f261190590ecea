"""Locate the numbered boxes, check-box labels and sections of a Form 4 in a text dump.

Works on the flat text of :class:`extractor.ingest.text_dump.TextDump`.  Every printed label the
form's knowledge declares is searched for with :func:`extractor.layout.fuzzy.find_label`; the
text *between* consecutive labels is what the form printed in that box.  Which printed revision
the dump shows is decided here too, from the labels only that revision has.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from extractor.ingest.text_dump import TextDump
from extractor.knowledge import labels as K
from extractor.knowledge.label_wordings import WORDINGS
from extractor.layout.fuzzy import (
    LabelMatch,
    NormalizedText,
    find_all_labels,
    find_label,
    normalize,
)

#: Minimum similarity (0-100) of a box or section label.  Checked on the seed dump and the
#: generated dumps: real labels score 84-100, accidental matches of unrelated text stay below 75.
MIN_LABEL_SCORE = 82.0

_SUBLABEL_WORDS = [s.strip("()") for s in (*K.NAME_SUBLABELS, *K.ADDRESS_SUBLABELS)]
# "(City)", also clipped ("(City", "City)") as cells cut them; never a bare word.
_WORDS = "|".join(_SUBLABEL_WORDS)
# Also "Last:" and, as a whole cell or line of its own, a bare "CITY" or "ZIP CODE".
_SUBLABEL = re.compile(
    r"\(\s*(?P<a>" + _WORDS + r")\s*\)?|\b(?P<b>" + _WORDS + r")\s*\)"
    r"|\b(?P<c>" + _WORDS + r")(?:\s*Code)?\s*:|(?:(?<=\|)|(?<=\n)|^)[ \t]*(?P<d>" + _WORDS
    + r")(?:\s*Code)?[ \t]*(?=\||\n|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class LocatedLabel:
    """A label found in the flat text: its knowledge key and ``[start, end)`` offsets."""

    key: str
    start: int
    end: int
    score: float
    kind: str  # "box", "sublabel", "checkbox", "section", "column"


@dataclass(frozen=True, slots=True)
class TextLayout:
    """The located labels of one dump, sorted by position, and the revision recognised."""

    dump: TextDump
    revision: K.FormRevision
    labels: tuple[LocatedLabel, ...]

    def find(self, key: str, kind: str | None = None) -> LocatedLabel | None:
        return next((lab for lab in self.labels
                     if lab.key == key and (kind is None or lab.kind == kind)), None)

    def find_all(self, key: str) -> list[LocatedLabel]:
        return [lab for lab in self.labels if lab.key == key]

    def next_label_start(self, offset: int, kinds: tuple[str, ...] | None = None) -> int:
        """Start of the first label at or after ``offset`` (of ``kinds``), or end of text."""
        for lab in self.labels:
            if lab.start >= offset and (kinds is None or lab.kind in kinds):
                return lab.start
        return len(self.dump.flat)

    def previous_label_end(self, offset: int) -> int:
        """End of the last label that ends at or before ``offset``, or 0."""
        ends = [lab.end for lab in self.labels if lab.end <= offset]
        return max(ends) if ends else 0

    def segment_after(self, label: LocatedLabel, kinds: tuple[str, ...] | None = None) -> str:
        """The text printed after ``label`` up to the next label (of ``kinds``)."""
        return self.dump.flat[label.end:self.next_label_start(label.end, kinds)]

    def segment_before(self, label: LocatedLabel) -> str:
        """The text printed before ``label`` back to the previous label."""
        return self.dump.flat[self.previous_label_end(label.start):label.start]


def interleaved_lines(layout: TextLayout) -> list[int]:
    """Plain-text lines that hold labels from two columns of the printed form.

    Raw OCR of a page reads across its columns: box 1's and box 2's labels land on one line and
    their values interleave below, so "the text between two labels" is no longer one box's
    value.  Markdown rows are exempt: their cells keep the boxes apart.
    """
    columns: dict[int, set[int]] = {}
    for label in layout.labels:
        column = K.FORM_COLUMNS.get(label.key)
        if column is None or label.kind not in ("box", "sublabel", "checkbox"):
            continue
        index = layout.dump.line_at(label.start)
        if not layout.dump.lines[index].is_table_row:
            columns.setdefault(index, set()).add(column)
    return sorted(index for index, found in columns.items() if len(found) >= 2)


_JUNK = re.compile(r"[|{}=~@_—]|[\[\]](?!\s*$)")
_CHECK_TOKENS = frozenset({"[X]", "[x]", "[", "]", "[]", "[ ]", "—", "–"})
#: A check box typed as a line, empty or marked ("_____", "__X__Director"): print, not debris.
_CHECK_LINE = re.compile(r"^_{2,}(?:[Xx]_+)?")


def junk_share(layout: TextLayout) -> float:
    """Share of plain-text tokens that hold OCR debris ("L]", "—=sdso", "[$165.06").

    Clean dumps keep it near zero; raw OCR of ruled tables and boxes sits well above it.
    """
    tokens = [t for line in layout.dump.lines if not line.is_table_row
              for t in line.text.split()]
    if not tokens:
        return 0.0
    junk = sum(1 for t in (_CHECK_LINE.sub("", t) for t in tokens)
               if t and t not in _CHECK_TOKENS and _JUNK.search(t))
    return junk / len(tokens)


def detect_revision(text: str | NormalizedText) -> K.FormRevision:
    """The printed revision whose identifying labels appear in ``text`` (2002 by default)."""
    norm = text if isinstance(text, NormalizedText) else normalize(text)
    for name in ("pre-2002", "2023"):
        revision = K.REVISIONS[name]
        if any(find_label(norm, lab, min_score=88) for lab in revision.signature_labels):
            return revision
    return K.REVISIONS["2002"]


def locate_labels(dump: TextDump) -> TextLayout:
    """Find every label of the recognised revision in ``dump``."""
    norm = normalize(dump.flat)
    revision = detect_revision(norm)
    found: list[LocatedLabel] = []

    for box in revision.boxes:
        numbered = [f"{box.number}. {text}" if box.number else text
                    for text in _wordings(box.key, box.text)]
        # A joint filing may print box 1 once per reporting person.
        matches = _matches(dump, norm, numbered, every=box.key == "reporting_person")
        found += [LocatedLabel(box.key, m.start, m.end, m.score, "box") for m in matches]

    for section in K.SECTIONS:
        # Every occurrence: a form continued over pages repeats its table titles, the owners
        # table's heading and the signature caption.
        found += [LocatedLabel(section.key, m.start, m.end, m.score, "section")
                  for m in _matches(dump, norm, _wordings(section.key, section.text), True)]

    table2 = _find_table_heading(norm, revision.table2[0], 0, min_score=85)
    title2 = next((lab for lab in found if lab.key == "table2"), None)
    if table2 is None and title2 is not None:
        # Right after Table II's printed title its first heading is taken on a looser match
        # ("1. Tive of Detivalive" on a fax): the title vouches for where it is.
        table2 = _find_table_heading(norm, revision.table2[0], title2.end,
                                     title2.end + _HEADING_AFTER_TITLE, _LOOSE_HEADING)
    table1 = _find_table_heading(norm, revision.table1[0], 0,
                                 table2.start if table2 else None, min_score=72)
    if table1 is not None:
        found.append(LocatedLabel("table1.heading", table1.start, table1.end, table1.score,
                                  "column"))
    if table2 is not None:
        found.append(LocatedLabel("table2.heading", table2.start, table2.end, table2.score,
                                  "column"))

    # Check boxes live in the box area, between box 1 and the tables: their labels recur
    # elsewhere ("Director" heads the Reporting Owners table, "filed by more than one reporting
    # person" is in the boilerplate footnotes).
    found = _drop_overlaps(found)  # a short section label inside a box label is not one
    box_starts = [lab.start for lab in found if lab.kind == "box"]
    area_start = min(box_starts, default=0)
    area_end = min((lab.start for lab in found
                    if lab.start > area_start and lab.kind in ("section", "column")
                    and lab.key != "omb_approval"), default=len(dump.flat))
    for check in K.CHECKBOXES:
        for m in _matches(dump, norm, _wordings(check.key, check.text), False, area_start,
                          area_end):
            found.append(LocatedLabel(check.key, m.start, m.end, m.score, "checkbox"))

    found = [_with_tail(dump.flat, lab) if lab.kind in ("box", "checkbox") else lab
             for lab in found]
    for sub in _SUBLABEL.finditer(dump.flat):
        word = (sub["a"] or sub["b"] or sub["c"] or sub["d"]).lower()
        found.append(LocatedLabel(word, sub.start(), sub.end(), 100.0, "sublabel"))

    return TextLayout(dump, revision, tuple(_drop_overlaps(found)))


#: What may follow a label in its own cell as part of it: the asterisk pointing at the form's
#: note, a plural "(s)", a parenthesised instruction ("(check all that apply)", "(specify)").
_LABEL_TAIL = re.compile(r"[ \t]*(?:\*+|\([^()\n|]*[A-Za-z][^()\n|]*\))")


def _with_tail(flat: str, label: LocatedLabel) -> LocatedLabel:
    """``label`` extended over its tail, so that the tail is never read as the box's value.

    A sub-label ("(Last)") is no tail: it labels the value that precedes it.
    """
    end = label.end
    while (m := _LABEL_TAIL.match(flat, end)) and not _SUBLABEL.search(m[0]):
        end = m.end()
    return dataclasses.replace(label, end=end) if end != label.end else label


def _wordings(key: str, official: str) -> list[str]:
    """The official text of label ``key`` first, then the other wordings printers use."""
    return [official, *(w for w in WORDINGS.get(key, ()) if w != official)]


def _matches(dump: TextDump, norm: NormalizedText, texts: list[str], every: bool,
             start: int = 0, end: int | None = None) -> list[LabelMatch]:
    """The matches of the first wording found (all of them when ``every``), or [].

    The official text is trusted anywhere.  A rewording is shorter and looser, so it counts
    only as a heading: the bulk of its own cell or line ("Reporting Persons (continued)" is a
    title; "the reporting person's continued service" inside a footnote is not).
    """
    for rank, text in enumerate(texts):
        found = find_all_labels(norm, text, MIN_LABEL_SCORE, start, end) if every else \
            [m for m in [find_label(norm, text, start, end, MIN_LABEL_SCORE)] if m]
        if rank:
            found = [m for m in found if _is_heading(dump, m)]
        if found:
            return found
    return []


#: Share of its cell a reworded label must fill to count as the cell's heading.
_HEADING_SHARE = 0.6
#: What a heading's cell holds besides its words: markup, check marks, a colon.
_DECORATION = re.compile(r"\[\s*[xX]?\s*\]|[☒☐✓]|(?<!\w)[xX](?!\w)|[\s*#_:|]+")


def _bare(text: str) -> str:
    """A label's words without markup, marks and its parenthesised instruction ("(give
    title)", which printers word each their own way)."""
    return _DECORATION.sub("", _INSTRUCTION.sub("", text))


_INSTRUCTION = re.compile(r"\([^()]*\)?")


def _is_heading(dump: TextDump, match: LabelMatch) -> bool:
    """Whether ``match`` fills most of the cell (or plain line) it lies in, its
    parenthesised instruction aside."""
    index = dump.line_at(match.start)
    offset = dump.line_starts[index]
    for cell in dump.lines[index].cells:
        if offset <= match.start < offset + len(cell) + 3:
            bare = len(_bare(cell))
            label = len(_bare(dump.flat[match.start:match.end]))
            return bare > 0 and label >= _HEADING_SHARE * bare
        offset += len(cell) + 3  # " | " between cells
    return False


#: The score below which a table's first column heading is not looked for at all.
_LOOSE_HEADING = 72.0
#: How far (characters) after a table's printed title its first column heading may end.
_HEADING_AFTER_TITLE = 80


def _find_table_heading(
    norm: NormalizedText, column: K.Column, start: int, end: int | None = None,
    min_score: float = 80.0,
) -> LocatedLabel | None:
    """The first column heading of a table ("1. Title of Derivative Security").

    The "(Instr. 3)" tail is left out of the search: dumps often cut it off or move it.
    """
    core = re.sub(r"\s*\(Instr\..*?\)", "", column.heading)
    core = core.removesuffix(" Security") if "Derivative" in core else core
    # Searched loosely, kept strictly: the best rough alignment in a page of blurred OCR
    # may score under ``min_score`` once trimmed while a later one scores over it.
    matches = find_all_labels(norm, f"{column.number}. {core}", min_score=_LOOSE_HEADING)
    matches = [m for m in matches if m.score >= min_score and
               m.start >= start and (end is None or m.end <= end)]
    if not matches:  # the table's heading is repeated on continuation pages: take the first
        return None
    m = matches[0]
    return LocatedLabel("heading", m.start, m.end, m.score, "column")


def _drop_overlaps(found: list[LocatedLabel]) -> list[LocatedLabel]:
    """Sort by position; where two labels overlap keep the longer, better one.

    A fuzzy match may reach a character or two into its neighbour (a label clipped at its end
    borrows the next label's first character): such a nibble is trimmed off, not a conflict.
    """
    ranked = sorted(found, key=lambda lab: (-(lab.end - lab.start) * lab.score / 100, lab.start))
    kept: list[LocatedLabel] = []
    for lab in ranked:
        clashes = [k for k in kept if not (lab.end <= k.start or lab.start >= k.end)]
        if not clashes:
            kept.append(lab)
            continue
        if len(clashes) == 1:
            other = clashes[0]
            overlap = min(lab.end, other.end) - max(lab.start, other.start)
            if overlap <= 3 and overlap < (lab.end - lab.start) // 3:
                if lab.start < other.start:
                    kept.append(dataclasses.replace(lab, end=other.start))
                else:
                    kept.append(dataclasses.replace(lab, start=other.end))
    return sorted(kept, key=lambda lab: lab.start)


def clean_segment(text: str) -> str:
    """A segment's text with table pipes, list bullets and extra white space removed."""
    text = re.sub(r"\s*\|\s*", " ", text)
    return " ".join(text.split()).strip(" -*")
