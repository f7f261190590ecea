"""The printed labels of an HTML view located among its cells, and the lines each box holds.

A label is found by its printed text, matched fuzzily (rapidfuzz) against the start of a cell's
line with the box number left off ("2a. Foreign Trading Symbol" -> "foreign trading symbol"),
using every wording of :mod:`extractor.knowledge.labels` and
:mod:`extractor.knowledge.label_wordings`.  A box is then the table cell the label sits in:
its value lines are the label cell's later lines and every line that cell encloses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from extractor.ingest.html_view import HtmlView, ViewCell, ViewLine
from extractor.knowledge import labels as K
from extractor.knowledge.label_wordings import WORDINGS as EXTRA_WORDINGS
from extractor.layout.fuzzy import normalize_label

#: "1.", "2a.", "10.", "(3)" before a label: the box number, which moves between revisions.
_NUMBER = re.compile(r"^\(?\d{1,2}[a-z]?[.)]\)?\s*")
#: Labels short enough to be values too ("Other", "Director"): matched as the whole text.
SHORT_LABEL = 24
#: The lowest similarity (0-100) at which a line is taken for a label.
MIN_SCORE = 88.0


def _official() -> Iterator[tuple[str, str]]:
    for revision in K.REVISIONS.values():
        for label in revision.boxes:
            yield label.key, label.text
    for label in (*K.CHECKBOXES, *K.SECTIONS, K.RULE_10B5_1, K.SIGNATURE_DATE):
        yield label.key, label.text
    for key, texts in EXTRA_WORDINGS.items():
        for text in texts:
            yield key, text
    for text in K.NAME_SUBLABELS + K.ADDRESS_SUBLABELS + ("(Country)",):
        yield text.strip("()").lower(), text


def _wordings() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for key, text in _official():
        norm = normalize_label(_NUMBER.sub("", text.strip()))
        if norm and norm not in out.setdefault(key, []):
            out[key].append(norm)
    return {key: tuple(texts) for key, texts in out.items()}


#: Every wording of every label key, normalised.
WORDINGS = _wordings()


@lru_cache(maxsize=4096)
def _candidate(text: str) -> str:
    return normalize_label(_NUMBER.sub("", text.strip()))


def label_score(text: str, key: str) -> float:
    """How well ``text`` reads as label ``key`` (0-100): the label at its start; a short label
    as the whole text."""
    cand = _candidate(text)
    if not cand:
        return 0.0
    best = 0.0
    for wording in WORDINGS.get(key, ()):
        if len(wording) < SHORT_LABEL or len(cand) < len(wording) * 0.8:
            score = fuzz.ratio(wording, cand)
        else:
            score = fuzz.ratio(wording, cand[:len(wording)])
        best = max(best, score)
    return best


def is_label(text: str, keys: Iterable[str], min_score: float = MIN_SCORE) -> bool:
    return any(label_score(text, key) >= min_score for key in keys)


@dataclass(frozen=True, slots=True)
class LabelAt:
    """A label found: line ``line`` of the view, its cell ``cell``, that cell's line ``sub``."""

    key: str
    line: int
    cell: int
    sub: int
    score: float


def find_labels(view: HtmlView, key: str, min_score: float = MIN_SCORE,
                start: int = 0, stop: int | None = None) -> list[LabelAt]:
    """Every place label ``key`` is printed, in document order."""
    found = []
    for index in range(start, len(view.lines) if stop is None else stop):
        for c, cell in enumerate(view.lines[index].cells):
            for s, text in enumerate(cell.lines):
                score = label_score(text, key)
                if score >= min_score:
                    found.append(LabelAt(key, index, c, s, score))
    return found


def find_label(view: HtmlView, key: str, min_score: float = MIN_SCORE,
               start: int = 0, stop: int | None = None) -> LabelAt | None:
    """The first place label ``key`` is printed, or None."""
    found = find_labels(view, key, min_score, start, stop)
    return found[0] if found else None


def box_lines(view: HtmlView, at: LabelAt) -> list[ViewLine]:
    """The lines of the box whose label is ``at``: the label cell's later lines, then the lines
    enclosed by the table cell the label is printed in."""
    line = view.lines[at.line]
    cell = line.cells[at.cell]
    rest = [ViewLine((ViewCell((text,)),), False, line.scopes, line.table)
            for text in cell.lines[at.sub + 1:]]
    if line.in_row or not line.scopes:
        return rest
    scope = line.scopes[-1]
    for later in view.lines[at.line + 1:]:
        if scope not in later.scopes:
            break
        rest.append(later)
    return rest


def table_lines(view: HtmlView, at: LabelAt) -> list[tuple[int, ViewLine]]:
    """The rows of the table the label ``at`` is printed in, from the label's row on."""
    table = view.lines[at.line].table
    return [(i, line) for i, line in enumerate(view.lines) if i >= at.line and
            line.table == table and line.in_row]


__all__ = ["WORDINGS", "LabelAt", "box_lines", "find_label", "find_labels", "is_label",
           "label_score", "table_lines"]
