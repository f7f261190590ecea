"""Values made from a laid-out page's words: their text, provenance and confidence.

Shared by the readers of positioned words (:mod:`.page_form`, :mod:`.page_owners`), so every
value they make carries the page and the box of the very words it was read from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.ingest.page import Word
from extractor.layout.geometric.lines import group_lines
from extractor.model import Field, Provenance

#: Confidence of a value read from a text layer's words in a box or cell the layout placed
#: them in without doubt: the words are exact, where they sit could still be misjudged.
PLACED = 0.95


def text_of(words: Sequence[Word]) -> str:
    """The words as read: page by page, line by line, left to right; a word broken at its
    hyphen where its cell wrapped is joined again ("Non-" + "Qualified")."""
    pages = sorted({w.page for w in words})
    lines = [[w.text for w in line] for page in pages
             for line in group_lines([w for w in words if w.page == page])]
    out = ""
    for line in lines:
        text = " ".join(line)
        if out and _WRAPPED_AT_HYPHEN.search(out) and text[:1].isalpha():
            out += text
        else:
            out = f"{out} {text}" if out else text
    return out


_WRAPPED_AT_HYPHEN = re.compile(r"[A-Za-z]-$")


def provenance_of(words: Sequence[Word], source: str, raw: str | None = None) -> Provenance:
    """Where ``words`` are: their page and the box round them."""
    if not words:
        return Provenance(source, raw_text=raw)
    page = words[0].page
    text = text_of(words) if raw is None else raw
    here = [w for w in words if w.page == page]  # a note run on to the next page: its start
    box = (min(w.x0 for w in here), min(w.top for w in here), max(w.x1 for w in here),
           max(w.bottom for w in here))
    return Provenance(source, page, box, text)


def value_of(value: object, words: Sequence[Word], source: str, confidence: float = PLACED,
             reason: str | None = None, raw: str | None = None) -> Field:
    """A field holding ``value`` read from ``words``; an empty value is not a doubt."""
    if value is None and reason is None:
        return Field(None, 0.0, provenance_of(words, source, raw) if words else None)
    return Field(value, confidence if value is not None else 0.0,
                 provenance_of(words, source, raw), (), reason)


def least_confident(words: Sequence[Word]) -> float:
    """The lowest confidence among ``words`` (1 for a text layer's)."""
    return min((w.confidence for w in words), default=1.0)
