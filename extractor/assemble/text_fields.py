"""The values the text-dump readers make (``text_dump``, ``owners_text``, ``signatures_text``):
their source name, the confidence of a clean reading, and the ``Field`` built from both."""

from __future__ import annotations

from extractor.model import Field, Provenance

SOURCE = "text-dump"
#: Confidence of a value read cleanly from a dump: its text can still carry a typo of the dump.
CLEAN = 0.95


def text_field(value: object, raw: str, confidence: float = CLEAN,
               reason: str | None = None) -> Field:
    """A value read from the dump text ``raw``, with its confidence and review reason."""
    return Field(value, confidence, Provenance(SOURCE, raw_text=raw), (), reason)
