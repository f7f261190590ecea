"""The form's printed boilerplate in a text dump: lines that are the form's own words, never a
value ("** Intentional misstatements ...", "Reminder: Report on a separate line ...").

The known texts are :data:`extractor.knowledge.label_wordings.BOILERPLATE`; a line is
boilerplate when it opens with one of them, matched fuzzily (case, spacing, markup, a clipped
or mistyped character do not matter).
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from extractor.knowledge.label_wordings import BOILERPLATE
from extractor.layout.fuzzy import normalize_label

#: Similarity (0-100) of a line's opening to a known text for the line to be that text.
#: Free text sharing a phrase with the boilerplate ("persons who respond") stays well below.
MIN_SCORE = 90.0
#: The fewest characters of a known text compared: short texts ("Approval expires") only
#: count when the line is that text.
_OPENING = 40


@lru_cache(maxsize=1)
def _known() -> tuple[str, ...]:
    return tuple(sorted({normalize_label(text).lstrip(" *") for text in BOILERPLATE}))


def is_boilerplate(line: str) -> bool:
    """Whether ``line`` is (or opens with) the form's printed boilerplate."""
    text = normalize_label(line).lstrip(" *-")
    if not text:
        return False
    for known in _known():
        if len(known) < _OPENING or len(text) < _OPENING:
            if fuzz.ratio(text, known) >= MIN_SCORE:
                return True
            continue
        size = min(len(known), len(text))
        if fuzz.ratio(text[:size], known[:size]) >= MIN_SCORE:
            return True
    return False
