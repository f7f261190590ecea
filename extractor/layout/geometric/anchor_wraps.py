"""Box labels whose wrap left their last word on a line of its own, given that word back.

A value typed beside a wrapped label ("... or Trading" / "Symbol Apple Inc.") draws the
label's last line into the value's block, so the label is found without it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from extractor.ingest.page import Word
from extractor.layout.geometric.anchors import Anchor, LabelSpec, tokens_of


def complete_wrapped(anchors: list[Anchor], words: Sequence[Word], specs: Sequence[LabelSpec],
                     claimed: set[int]) -> list[Anchor]:
    """Box labels given back the last word their wrap left on a line of its own, where the
    value typed beside it drew the lines into another block ("... or Trading" / "Symbol
    Apple Inc.").  ``claimed`` is updated with the words taken."""
    texts = {s.key: s.texts for s in specs if s.kind == "box"}
    out: list[Anchor] = []
    for anchor in anchors:
        tail = _missing_tail(anchor, texts.get(anchor.key, ()))
        if tail is not None:
            h = anchor.words[-1].bottom - anchor.words[-1].top
            below = [w for w in words if id(w) not in claimed and
                     anchor.bottom - 0.5 * h < w.top < anchor.bottom + 0.6 * h and
                     anchor.x0 - h <= w.x0 <= anchor.x0 + h and
                     fuzz.ratio("".join(tokens_of(w.text)), tail) >= 90]
            if below:
                word = min(below, key=lambda w: w.top)
                claimed.add(id(word))
                anchor = Anchor(anchor.key, anchor.kind, (*anchor.words, word), anchor.score)
        out.append(anchor)
    return out


def _missing_tail(anchor: Anchor, texts: Sequence[str]) -> str | None:
    """The last token of the wording ``anchor`` matches, where the anchor lacks it."""
    have = tokens_of(anchor.text)
    if not have:
        return None
    for text in texts:
        want = tokens_of(text)
        if len(want) >= 2 and want[-2] == have[-1] and want[-1] != have[-1]:
            return want[-1]
    return None
