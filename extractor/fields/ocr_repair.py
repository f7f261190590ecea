"""Repairs of OCR's look-alike characters, made only where a field's type leaves one reading.

OCR confuses glyphs that share a shape: O and 0, l and 1, S and 5, B and 8.  In a column whose
values are digits (an amount, a price, a date) a letter among digits can only be the digit it
looks like; in a column with a closed list of codes ("D or I", a transaction code) a glyph
outside the list can be repaired when exactly one of its look-alikes is on the list.  Anything
else is left alone, so the cell parser refuses it and the field is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extractor.knowledge.ocr_confusions import LOOKALIKES, SAME_SHAPE_CASES, lookalike_variants

#: Marks OCR adds round a lone letter in a box.
_CODE_NOISE = "()[]{}'‘’`.,;:*« "

_DIGIT_TEXT = re.compile(r"^[\d$.,/()\s-]+$")


def repair_code(text: str, allowed: frozenset[str]) -> str | None:
    """``text`` (one code as read) as the one code of ``allowed`` it can be, or None.

    Codes are printed in capitals, so a small letter is taken for its capital only where the
    two share a shape ("s", "o", "x"), never "l" for "L".

    >>> repair_code("|", frozenset({"D", "I"}))
    'I'
    >>> repair_code("0", frozenset({"D", "I"}))
    'D'
    >>> repair_code("0", frozenset({"D", "O", "S"})) is None  # D or O: not settled
    True
    >>> repair_code("iS}", frozenset({"P", "S"}))
    'S'
    >>> repair_code("D :", frozenset({"D", "I"}))  # a speck read as a colon beside it
    'D'
    """
    # A code is one letter: brackets and braces OCR hangs on it ("S)", "Ss}") are noise.
    text = text.strip(_CODE_NOISE) or text
    capitals = {c for c in text if c.isupper()}
    if len(text) > 1 and len(capitals) == 1:
        # tesseract reads a capital alone in a box twice over ("Pp", "SS") or with a stroke
        # before it ("iS"): one capital, the rest its double or stray strokes.
        capital = capitals.pop()
        if all(c in (capital, capital.lower(), "i", "l", "|", "!") for c in text):
            text = capital
    if len(text) != 1:
        return None
    if text in allowed:
        return text
    if text.upper() in allowed and text.lower() in SAME_SHAPE_CASES:
        return text.upper()
    candidates = set(LOOKALIKES.get(text, "")) & allowed
    return candidates.pop() if len(candidates) == 1 else None


def repair_digits(text: str, among_digits: bool = True) -> str | None:
    """``text`` with letters that stand among digits read as the digits they look like.

    Only a word that already holds a digit is repaired (unless ``among_digits`` is False: a
    reading of a cell that must hold a number, "$O"), and only when every letter in it has a
    digit look-alike: "1O,5OO" -> "10,500", "O8/24/2019" -> "08/24/2019"; "N/A" and "Stock" are
    left alone (None).

    >>> repair_digits("1O,5OO")
    '10,500'
    >>> repair_digits("$2O.l5")
    '$20.15'
    >>> repair_digits("Stock") is None
    True
    >>> repair_digits("$O") is None, repair_digits("$O", among_digits=False)
    (True, '$0')
    """
    out = []
    changed = False
    for word in text.split(" "):
        if among_digits and not any(c.isdigit() for c in word):
            out.append(word)
            continue
        chars = []
        for char in word:
            if char.isdigit() or _DIGIT_TEXT.match(char):
                chars.append(char)
                continue
            digit = next((c for c in LOOKALIKES.get(char, "") if c.isdigit()), None)
            if digit is None:
                return None
            chars.append(digit)
            changed = True
        out.append("".join(chars))
    return " ".join(out) if changed else None


_ROMAN_LOOKALIKE = re.compile(r"^[Il]{2,3}$")


def repair_roman_numeral(word: str) -> str:
    """A word of two or three strokes mixing I and l ("Il", "lI", "Ill") as the Roman numeral
    it must be ("SVF Il" -> "SVF II"): no English word is spelt so, and in a sans-serif font
    the capital I and the small l are the same stroke.

    >>> repair_roman_numeral("Il"), repair_roman_numeral("Ill"), repair_roman_numeral("Ii")
    ('II', 'III', 'Ii')
    """
    return "I" * len(word) if _ROMAN_LOOKALIKE.match(word) else word


#: A space inside a number: not after a number whose fraction is already there ("$ 2.36
#: 84603" is a price beside an amount, not one number).
_SPLIT_NUMBER = re.compile(r"(?<![.]\d)(?<![.]\d\d)(?<![.]\d\d\d)(?<![.]\d{4})"
                           r"(?<=[\d.,]) (?=[\d.,])")


def join_split_number(text: str) -> str | None:
    """``text`` with single spaces inside a number removed ("$2,601. 6983" -> "$2,601.6983"):
    OCR splits a number at a wide glyph.  None when there is no such space.

    >>> join_split_number("$2,601. 6983 (5)"), join_split_number("1 234"),
    ('$2,601.6983 (5)', '1234')
    >>> join_split_number("$ 2.36 84603") is None
    True
    """
    joined = _SPLIT_NUMBER.sub("", text)
    return joined if joined != text else None


def other_readings(text: str, is_valid: Callable[[str], bool]) -> list[str]:
    """The readings of ``text``, other than itself, that change one glyph into a look-alike
    and that ``is_valid`` accepts: the values OCR cannot tell apart from ``text``.

    A state code read "MO" may be Missouri or "M0", EDGAR's code for Japan; an OCR reader
    cannot choose, so the value goes to review.

    >>> other_readings("MO", lambda code: code in {"MO", "M0", "MD"})
    ['M0', 'MD']
    """
    found = []
    for i, char in enumerate(text):
        for other in LOOKALIKES.get(char, ""):
            candidate = text[:i] + other + text[i + 1:]
            if candidate != text and candidate not in found and is_valid(candidate):
                found.append(candidate)
    return found


def mixes_lookalikes(text: str) -> bool:
    """Whether ``text`` mixes letters and digits with a glyph that has a look-alike across
    that divide ("JE1 OBD": O or 0?), so no type rule can settle it.

    >>> mixes_lookalikes("JE1 OBD"), mixes_lookalikes("94105"), mixes_lookalikes("KY1-9008")
    (True, False, True)
    """
    if not (any(c.isdigit() for c in text) and any(c.isalpha() for c in text)):
        return False
    return any(c.isdigit() != o.isdigit() for c in text for o in LOOKALIKES.get(c, ""))


def lookalike_word(word: str, vocabulary: frozenset[str]) -> str | None:
    """The word of ``vocabulary`` (small letters) that ``word`` is, read with one or two
    look-alike slips (:data:`~extractor.knowledge.ocr_confusions.LETTER_LOOKALIKES`), when
    ``word`` is not itself in it; None otherwise.

    >>> words = frozenset({"common", "class", "stock", "qualified"})
    >>> lookalike_word("Cornmon", words), lookalike_word("Ciass", words)
    ('common', 'class')
    >>> lookalike_word("Qualifed", words) is None  # a letter missing is a typo, not a slip
    True
    """
    lower = word.lower()
    if lower in vocabulary:
        return None
    return next((v for v in lookalike_variants(lower) if v in vocabulary), None)


_WORD_CORE = re.compile(r"^([^A-Za-z]*)([A-Za-z]+)([^A-Za-z]*)$")
#: One letter three times or more in a row.
_TRIPLED = re.compile(r"([A-Za-z])\1\1+")


def repair_misread_word(token: str, is_known: Callable[[str], bool | None],
                        capitalized: Callable[[str], bool | None] | None = None) -> str | None:
    """``token`` with OCR's look-alike slips undone, when it is no word (``is_known`` says
    False) and exactly one reading with one or two slips undone is a word; None otherwise.

    Its punctuation and its capitals are kept.  Two candidate words ("tead": "lead" or "read")
    leave it as read: the reader decides.

    A word with a capital may be a name, which no word list holds: it is checked against
    ``capitalized`` instead (None: left alone), and a word in capitals is always left alone.

    >>> known = lambda w: w.strip(".,").lower() in {"regarding", "earned", "common", "sold"}
    >>> [repair_misread_word(w, known) for w in ("fegarding,", "eamed", "soid.")]
    ['regarding,', 'earned', 'sold.']
    >>> repair_misread_word("Commori", known), repair_misread_word("Commori", known, known)
    (None, 'Common')
    >>> repair_misread_word("CEQ", known) is None  # capitals: an acronym, a ticker
    True
    >>> repair_misread_word("Commmon", known)  # a letter thrice: no word or name has that
    'Common'
    """
    match = _WORD_CORE.match(token)
    if match is None or is_known(token) is not False or len(match[2]) < 3:
        return None
    before, core, after = match.groups()
    if not core.isupper() and _TRIPLED.search(core):
        # A stroke read once too often ("Alll" for "All"): no English word and no name has
        # one letter three times over, so even a capitalised word is repaired.
        once_less = _TRIPLED.sub(r"\1\1", core)
        return before + once_less + after if is_known(once_less) else None
    if not (core.islower() or (core[1:].islower() and capitalized is not None)):
        return None  # capitals: an acronym, a ticker, a name in capitals
    if not core.islower() and capitalized is not None:  # not None: checked just above
        is_known = capitalized  # a capital: maybe a name; only the form's own words

    found: set[str] = set()
    for variant in lookalike_variants(core.lower()):
        if is_known(variant):
            found.add(variant)
        if len(found) > 1:
            return None
    if not found:
        return None
    word = found.pop()
    if core.isupper() and len(core) > 1:
        word = word.upper()
    elif core[0].isupper():
        word = word[0].upper() + word[1:]
    return before + word + after
