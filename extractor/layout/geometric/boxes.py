"""The words each numbered box holds, from where its label is printed.

A box's label is printed at the top of the box, at its left; what the filer wrote lies under it
or beside it.  So a word belongs to the label printed nearest above it, among the labels that
start at or left of it: of two labels on one band (box 1 and box 2 side by side) the one further
right that still starts left of the word.  A vertical rule between a label and a word (the
border of the box) rules that label out.  No box is assumed to have a border, a size, or a place
on the page; the labels' positions alone decide, so any arrangement of the boxes reads alike.

>>> from extractor.ingest.page import Word
>>> from extractor.layout.geometric.anchors import Anchor
>>> box1 = Anchor("reporting_person", "box", (Word("1.", 10, 20, 10, 16, 1),), 100)
>>> box2 = Anchor("issuer", "box", (Word("2.", 200, 210, 10, 16, 1),), 100)
>>> words = [[Word("COOK", 12, 40, 20, 26, 1)], [Word("Apple", 202, 230, 20, 26, 1)]]
>>> {a.key: [w.text for w in ws] for a, ws in assign_to_boxes([box1, box2], words).items()}
{'reporting_person': ['COOK'], 'issuer': ['Apple']}
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from extractor.ingest.page import Word
from extractor.layout.geometric.anchors import Anchor, tokens_of
from extractor.layout.geometric.lines import Rules, group_lines

#: Labels whose tops are within this many label heights of each other print on one band.
SAME_BAND = 1.2


#: Labels spread over at least this width (pt) make a header whose closing rule, run under
#: nearly all of it below its lowest label, ends every box.
HEADER_SPAN = 100.0


def governing_label(word: Word, labels: Sequence[Anchor], rules: Rules | None = None
                    ) -> Anchor | None:
    """The label whose box ``word`` lies in, or None when no label is above-left of it."""
    best: Anchor | None = None
    here = [a for a in labels if a.page == word.page]
    spread = (min(a.x0 for a in here), max(a.x0 for a in here)) if here else (0.0, 0.0)
    lowest = max((a.bottom for a in here), default=0.0)
    for label in labels:
        if label.page != word.page:
            continue
        slack = 0.5 * label.height
        if label.top > word.top + slack or label.x0 > word.cx + slack:
            continue
        if label.bottom > word.bottom and label.x1 > word.x0 and \
                label.x0 <= word.x0 <= label.x1 and _within_lines(word, label):
            continue  # on the label's own lines: a stray mark inside it
        if rules is not None and rules.vertical_between(label.x0 + 1, word.x0 - 1,
                                                        (word.top + word.bottom) / 2):
            continue
        if rules is not None and spread[1] - spread[0] >= HEADER_SPAN and \
                word.top > lowest and \
                rules.horizontal_between(lowest, word.top, *spread, share=0.95):
            continue  # below the rule closing the header: a footer, not a box's value
        if best is None or _is_nearer(label, best):
            best = label
    return best


def _within_lines(word: Word, label: Anchor) -> bool:
    """Whether ``word`` lies within the reach of one of the label's lines: a wrapped label's
    short last line ("Symbol") leaves room for a value beside it."""
    beside = [w for w in label.words if w.top <= word.cy <= w.bottom]
    if not beside:
        return True
    return word.x0 <= max(w.x1 for w in beside)


def _is_nearer(label: Anchor, best: Anchor) -> bool:
    """Whether ``label`` governs rather than ``best``: lower on the page, or on the same band
    and further right."""
    band = SAME_BAND * max(label.height, best.height)
    if abs(label.top - best.top) <= band:
        return label.x0 > best.x0
    return label.top > best.top


def assign_to_boxes(labels: Sequence[Anchor], blocks: Sequence[Sequence[Word]],
                    rules: Rules | None = None) -> dict[Anchor, list[Word]]:
    """Each label's words (every label present, possibly with none).

    ``blocks`` are the value words grouped as :func:`.lines.stack_blocks` groups them: a value
    that wraps ("SVP, GC / and / Secretary") stays in the box its first line is in, though its
    last lines reach below the label of the box beside it.
    """
    out: dict[Anchor, list[Word]] = {label: [] for label in labels}
    for block in blocks:
        if not block:
            continue
        first = min(block, key=lambda w: (round(w.top), w.x0))
        label = governing_label(first, labels, rules)
        if label is not None:
            out[label].extend(block)
    return out


#: A word in brackets, as box 1 prints its sub-labels; OCR garbles them past spelling
#: ("(Sweet)", "(Cty)", "fLasi)") but keeps a bracket on one side.
_BRACKETED = re.compile(r"^[(\[{]\S{1,10}[)\]}|!]?$|^\S{1,10}[)\]}]$")
#: The least rapidfuzz ratio of a garbled sub-label to the sub-label it stands for.
GARBLED_SUB_LABEL = 50.0


def garbled_sub_labels(words: Sequence[Word], found: Sequence[Anchor],
                       keys: Sequence[str]) -> list[Anchor]:
    """Box 1's sub-labels that OCR misspelt: bracketed words on lines of bracketed words
    alone, each taken for the missing sub-label it reads nearest to."""
    missing = [k for k in keys if not any(a.key == k for a in found)]
    out: list[Anchor] = []
    for line in group_lines(words):
        if not missing or not all(_BRACKETED.match(w.text) for w in line):
            continue
        for word in line:
            token = "".join(tokens_of(word.text))
            scored = [(fuzz.ratio(token, "".join(tokens_of(k))), k) for k in missing]
            score, key = max(scored, default=(0.0, ""))
            if score >= GARBLED_SUB_LABEL:
                out.append(Anchor(key, "sub", (word,), score))
                missing.remove(key)
    return out
