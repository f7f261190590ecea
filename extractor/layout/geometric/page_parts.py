"""One page as the reader works on it: its words, drawn rules, the labels found on it and
the words those labels took, and the bands between its section labels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractor.ingest.page import Page, Word
from extractor.layout.geometric.anchors import Anchor
from extractor.layout.geometric.lines import Rules, group_lines, split_phrases, stack_blocks

#: Section anchors that end the band of a table or of the notes above them.
ENDS = ("table1", "table2", "explanation", "remarks", "signature_of_reporting_person",
        "reporting_owners", "signatures", "joint_filers")


@dataclass(slots=True)
class PageParts:
    """A page, its drawn rules, the labels found on it and the ids of the words they took."""

    page: Page
    rules: Rules
    anchors: list[Anchor]
    claimed: set[int]


def blocks(words: Sequence[Word], rules: Rules) -> list[list[Word]]:
    """The words as blocks: phrases of a line stacked with the ones under them."""
    phrases = [p for line in group_lines(words) for p in split_phrases(line, rules)]
    return [b.words for b in stack_blocks(phrases, rules)]


#: Boxes printed again for further owners, which may follow the tables (EDGAR's view).
OWNER_BOXES = ("reporting_person", "relationship")


def band_end(parts: PageParts, top: float, keys: Sequence[str] = ENDS,
             owner_boxes: bool = False) -> float:
    """Where the band starting at ``top`` ends: the next section or boilerplate below it (or,
    for a table, a further owner's box 1 or 5)."""
    ends = [a.top for a in parts.anchors if a.top > top + 2 and
            (a.key in keys or a.kind == "boilerplate" or
             (owner_boxes and a.kind == "box" and a.key in OWNER_BOXES))]
    return min(ends, default=parts.page.height + 1)
