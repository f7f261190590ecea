"""What OCR reads for what: the glyphs, letter groups and digits tesseract confuses.

One declarative place for the confusions the readers repair (:mod:`extractor.fields.ocr_repair`,
:mod:`extractor.assemble.scan`) and the rules flag (:mod:`extractor.validate.ocr_rules`).  Each
table was filled from readings seen on the benchmark's scans (``bench/accuracy.py``).
"""

from __future__ import annotations

#: Glyphs OCR reads for one another.  Keys are what was read; values what it may have been.
LOOKALIKES: dict[str, str] = {
    "0": "OD", "O": "0D", "o": "0", "D": "0O",
    "1": "lI", "l": "1I", "I": "1l", "|": "1lI", "i": "1I", "!": "1lI", "]": "1lI", "[": "1lI",
    "5": "S", "S": "5", "s": "5",
    "8": "B", "B": "8",
    "2": "Z", "Z": "2", "z": "2",
    "6": "G", "G": "6", "b": "6",
    "7": "T", "T": "7",
    "4": "A", "A": "4",
    # The second engine's model knows Chinese print: a lone round 0 may come out as the
    # ideographic full stop.
    "。": "0.",
}

#: Small-letter groups OCR reads for one another inside words ("Cornmon" for "Common",
#: "Ciass" for "Class").  Keys are what was read; values what it may have been.
LETTER_LOOKALIKES: dict[str, tuple[str, ...]] = {
    "rn": ("m",), "m": ("rn",), "cl": ("d",), "d": ("cl",), "vv": ("w",), "ii": ("u",),
    "li": ("h",), "i": ("l", "t"), "l": ("i", "t"), "t": ("l", "i", "r"), "c": ("e",), "e": ("c",),
    "1": ("l", "i"), "0": ("o",), "5": ("s",), "8": ("b",),
    # Blurred scans: an r's arm fills in ("f"), an n's shoulder breaks ("ri").
    "f": ("r",), "ri": ("n",), "ti": ("n",), "a": ("o",), "o": ("a",),
}

#: Rare transaction codes (box 3 of Tables I and II) OCR makes of common ones, with what they
#: may have been: a blur under an F's stem closes an E (faded and fax scans of the benchmark,
#: read with confidence 0.9 and more), a fax's M thins into an I.  Real filings hold few E
#: (expiration of a short derivative position) or I (discretionary transaction) codes, so
#: such a reading is checked by a second engine before it passes.
CODE_MISREADINGS: dict[str, str] = {"E": "F", "I": "M"}

#: Letters whose small and capital forms differ only in size.
SAME_SHAPE_CASES = frozenset("cosuvwxz")

#: Digits a blurred scan turns into one another (a 5's gap closes into a 6, a 3 into an 8).
BLURRED_DIGITS = frozenset({frozenset(pair) for pair in ("56", "38", "68", "08")})

#: The form prints no braces (nor do the 22 filings of the shared corpus hold any): a brace is
#: a blurred parenthesis ("(1}", "{Print"), which footnote markers need to be found.
BRACES_AS_PARENTHESES = str.maketrans("{}", "()")


def lookalike_variants(lower: str, steps: int = 2) -> list[str]:
    """Every reading of ``lower`` (small letters) with up to ``steps`` of
    :data:`LETTER_LOOKALIKES`' slips undone, nearest first.

    >>> lookalike_variants("cornmon", 1)[:2]
    ['common', 'cornrnon']
    """
    seen = {lower}
    out: list[str] = []
    frontier = [lower]
    for _ in range(steps):
        grown = []
        for text in frontier:
            for read, originals in LETTER_LOOKALIKES.items():
                start = text.find(read)
                while start >= 0:
                    for original in originals:
                        variant = text[:start] + original + text[start + len(read):]
                        if variant not in seen:
                            seen.add(variant)
                            grown.append(variant)
                    start = text.find(read, start + 1)
        out += grown
        frontier = grown
    return out
