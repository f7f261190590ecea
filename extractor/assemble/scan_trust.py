"""Which OCR readings pass unchecked: a rule per kind of value and per page quality, measured.

Tesseract's word confidence alone is a poor judge: it gives a lone code letter 30-70 when the
letter is right, and 90+ to a date whose 5 it read as 6 on a blurred page.  What tells a safe
reading from a doubtful one, on the benchmark (``bench/accuracy.py``, the ``scan-*`` kinds):

* the **page**: on a clean page (few words read with doubt) OCR's readings of typed values
  were right; on a blurred, speckled or faxed page digits change into other digits;
* the **kind** of value (:mod:`extractor.knowledge.value_kinds`): an amount, a date or a code
  must parse, so most misreadings are caught by the parser and flagged there; free text and
  long notes have no such check.

A reading is trusted when its words' OCR confidence reaches the threshold for its kind on its
page's quality, or when a second OCR engine read it alike (or the document settled where the
two differ) and, for text, no word of it reads like a slip of the print; otherwise it is kept
and flagged with the reason.  ``None`` = never trusted on tesseract's confidence alone.
"""

from __future__ import annotations

from extractor.assemble.scan_reconcile import SecondReading
from extractor.knowledge import value_kinds as V
from extractor.knowledge.lexicon import (
    doubtful_words,
    ends_in_stray_full_stop,
    first_slip,
    first_unknown_word,
)
from extractor.knowledge.ocr_confusions import CODE_MISREADINGS

#: A word read with less OCR confidence than this (0-100) is a doubtful word.
DOUBTFUL_WORD = 80.0
CLEAN, FAIR, POOR = "clean", "fair", "poor"
#: Page qualities, best first.
QUALITIES = (CLEAN, FAIR, POOR)
#: Page quality by its share of doubtful words (of 3 letters or more), at most; the shares
#: each scan quality has are in docs/design-notes.md#page-quality.
QUALITY_LIMITS = ((CLEAN, 0.06), (FAIR, 0.16))
#: Grey pixels per dark pixel above which a page's print is blurred (blur and JPEG);
#: docs/design-notes.md#page-quality.
SOFT_EDGES = 1.0

#: Lowest OCR confidence (0-1) of the words a value was read from at which it is trusted, per
#: kind of value and page quality; ``None``: never on tesseract's reading alone (a second
#: engine's agreement can still pass it, :mod:`extractor.assemble.scan_reconcile`).  Chosen
#: to keep each scan quality's wrong values under 0.5% / 1% / 2% (clean / office / fax):
#: docs/design-notes.md#trust-thresholds.
TRUST_THRESHOLDS: dict[tuple[str, str], float | None] = {
    (V.AMOUNT, CLEAN): 0.9, (V.AMOUNT, FAIR): 0.9, (V.AMOUNT, POOR): None,
    (V.DATE, CLEAN): 0.9, (V.DATE, FAIR): 0.9, (V.DATE, POOR): None,
    (V.CODE, CLEAN): 0.0, (V.CODE, FAIR): 0.0, (V.CODE, POOR): 0.3,
    (V.CHECK, CLEAN): 0.0, (V.CHECK, FAIR): 0.0, (V.CHECK, POOR): 0.0,
    (V.TEXT, CLEAN): 0.8, (V.TEXT, FAIR): 0.8, (V.TEXT, POOR): None,
    (V.NOTE, CLEAN): 0.85, (V.NOTE, FAIR): None, (V.NOTE, POOR): None,
    (V.DERIVED, CLEAN): 0.0, (V.DERIVED, FAIR): 0.0, (V.DERIVED, POOR): 0.0,
}
#: Lower thresholds for free text and notes every word of which is a word of English or of the
#: form (:mod:`extractor.knowledge.lexicon`): a blurred page's slips make non-words
#: ("fegarding", "eamed"), so such a reading is a far safer one
#: (docs/design-notes.md#known-words).
KNOWN_WORDS_THRESHOLDS: dict[tuple[str, str], float] = {
    (V.TEXT, FAIR): 0.7, (V.NOTE, FAIR): 0.5, (V.TEXT, POOR): 0.9,
}
#: Kinds of value read again by a second engine when tesseract's reading does not pass
#: (:mod:`extractor.assemble.scan_second_reading`): a check mark is ink, not a reading.
READ_AGAIN = frozenset({V.AMOUNT, V.DATE, V.CODE, V.TEXT, V.NOTE})
#: How many times OCR must read a word alike in a document for it to count as known.
REPEATED_READINGS = 3
#: A reading that is not trusted is kept at no more than this confidence (below review).
UNTRUSTED_CAP = 0.75

_PAGE_WORDS = {CLEAN: "a clean page", FAIR: "a page scanned with some noise or blur",
               POOR: "a page scanned with heavy noise (a fax)"}


def doubtful_share(confidences: list[tuple[str, float]]) -> float:
    """The share of a page's OCR words, as (text, confidence 0-100), of 3 letters or more that
    tesseract read with doubt (1.0 when there is no such word)."""
    words = [c for text, c in confidences if len(text) >= 3]
    return sum(1 for c in words if c < DOUBTFUL_WORD) / len(words) if words else 1.0


def page_quality_of(doubtful: float, softness: float = 0.0, scanned_dpi: float = 300.0
                    ) -> str:
    """The quality of a page: the worst of what its words, its edges and its resolution say.

    ``doubtful`` is the share of words read with doubt (:func:`doubtful_share`); ``softness``
    grey pixels per dark pixel (:func:`extractor.ingest.preprocess.edge_softness`);
    ``scanned_dpi`` the resolution it was scanned at.  Removing specks makes an office scan's
    words look as sure as a clean scan's, but its blur still changes digits: edges and
    resolution keep it out of the clean class.
    """
    by_words = next((name for name, limit in QUALITY_LIMITS if doubtful <= limit), POOR)
    by_edges = FAIR if softness > SOFT_EDGES else CLEAN
    by_dpi = CLEAN if scanned_dpi >= 250 else FAIR if scanned_dpi >= 175 else POOR
    return max(by_words, by_edges, by_dpi, key=QUALITIES.index)


def trust(path: str, ocr_confidence: float, quality: str, text: str = "",
          corroborated: frozenset[str] = frozenset(), second: SecondReading | None = None,
          document_words: frozenset[str] = frozenset()) -> tuple[float, str | None]:
    """The cap on the confidence of the value at ``path`` and the reason, when it is capped.

    ``ocr_confidence`` is the lowest confidence (0-1) of the words it was read from;
    ``quality`` the quality of its page (:func:`page_quality_of`); ``text`` the value as read,
    whose words are looked up when it is free text or a note.  ``corroborated`` are words
    (:func:`extractor.knowledge.lexicon.word_key` s) that count as known though no word list
    holds them, because the document bears them out: a name ("SVF", "Williams") OCR read
    alike :data:`REPEATED_READINGS` times or more, which a slip in one place would not repeat,
    or a ticker whose letters the issuer's name spells in order.
    """
    kind = V.value_kind(path)
    threshold = TRUST_THRESHOLDS[kind, quality]
    unknown = first_unknown_word(text, corroborated) if kind in (V.TEXT, V.NOTE) else None
    # A name's "Elon.": a speck read as a full stop, after a word the list knows.
    stray_stop = kind == V.TEXT and unknown is None and ends_in_stray_full_stop(text)
    if (kind, quality) in KNOWN_WORDS_THRESHOLDS and text and unknown is None and \
            not stray_stop:
        known = KNOWN_WORDS_THRESHOLDS[kind, quality]
        threshold = known if threshold is None else min(threshold, known)
    # "ta" for "to": a slip that made a rare word, which no confidence clears on a page
    # that blurs letters (office scans: "right ta buy" read with confidence 0.95).
    slip = first_slip(text, corroborated) if kind in (V.TEXT, V.NOTE) else None
    if slip is not None and quality != CLEAN:
        threshold = None
    # "E" for "F": a rare code a blur makes of a common one, with high confidence.
    misread_code = CODE_MISREADINGS.get(text.strip()) \
        if path.endswith(".transaction_code") else None
    if misread_code is not None:
        threshold = None
    if threshold is not None and ocr_confidence >= threshold:
        return 1.0, None
    # Both engines read the same (or the document settled where they differ); in text,
    # unless its words show a slip the print itself invites ("Eion" beside "Elon").
    doubt = doubtful_words(text, corroborated, document_words, prose=kind == V.NOTE) \
        if second is not None and second.settled and kind in (V.TEXT, V.NOTE) else None
    if second is not None and second.settled and doubt is None:
        return 1.0, None
    need = "this rare needs a second engine's reading" if misread_code is not None \
        else "is never trusted there" if threshold is None else \
        f"needs OCR confidence {threshold:.2f}"
    kept = min(ocr_confidence, UNTRUSTED_CAP)
    # The reason names the confidence the field is left with, and tesseract's when it differs.
    said = f"{kept:.2f}" if f"{kept:.2f}" == f"{ocr_confidence:.2f}" else \
        f"{kept:.2f}, tesseract's {ocr_confidence:.2f} capped"
    reason = (f"read by OCR (confidence {said}) on {_PAGE_WORDS[quality]}, "
              f"where a {kind} {need}")
    if slip is not None and quality != CLEAN:
        reason += f" ({slip[0]!r} reads like a slip of {slip[1]!r})"
    elif unknown is not None and (kind, quality) in KNOWN_WORDS_THRESHOLDS:
        reason += f" ({unknown!r} is no word of English or of the form)"
    elif misread_code is not None:
        reason += f" ({text.strip()!r} is a rare code OCR makes of {misread_code!r})"
    elif stray_stop and (kind, quality) in KNOWN_WORDS_THRESHOLDS:
        reason += f" ({text.split()[-1]!r} ends in a full stop that no abbreviation explains)"
    if second is not None and second.unsettled_by is not None:
        reason += f"; a second OCR engine read it alike, but {second.unsettled_by}"
    elif second is not None and not second.settled:
        reason += f"; a second OCR engine read {second.second!r}"
    elif doubt is not None:
        reason += f"; a second OCR engine read it alike, but {doubt}"
    return kept, reason
