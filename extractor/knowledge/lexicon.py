"""The words a Form 4's free text is made of: English, and the form's own terms.

A blurred scan turns one letter of a long note into another ("regarding" read "fegarding",
"earned" read "eamed"), and nothing else in a note (no parser, no closed list) notices.  Almost
every such slip makes a word that is no word at all, so a word list catches it.  The English
list is pyspellchecker's (about 160,000 words with their frequencies); the form's own terms,
which no English list holds, are written out here.
"""

from __future__ import annotations

import functools
import re

from extractor.knowledge.labels import LABEL_WORDS
from extractor.knowledge.ocr_confusions import LOOKALIKES, lookalike_variants

#: Terms of Form 4 filings that an English word list lacks: entity suffixes, award and plan
#: abbreviations, rule numbers.  Small letters.
FORM_TERMS = frozenset({
    "llc", "l.l.c", "l.p", "lp", "llp", "inc", "corp", "co", "ltd", "n.a", "plc", "s.a",
    "rsu", "rsus", "psu", "psus", "espp", "esop", "sar", "sars", "ira", "ugma", "utma",
    "10b5-1", "16b-3", "unitrust", "grat", "grats", "non-qualified", "nonqualified",
    "pre-tax", "post-tax", "ceo", "cfo", "coo", "cto", "clo", "cao", "cmo", "cio", "evp",
    "svp", "gc", "vesting", "vests", "vested", "exercisable", "issuer's", "sec",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "/s/",  # a signature's mark
})

#: Words of a signature's capacity ("/s/ Sam Whittington, Attorney-in-Fact", "By: ..., General
#: Counsel"), written with capitals though no names.  Small letters.
SIGNATURE_TERMS = frozenset({
    "attorney-in-fact", "attorney", "director", "officer", "president", "secretary",
    "treasurer", "counsel", "general", "chief", "executive", "financial", "operating",
    "manager", "member", "managing", "partner", "trustee", "authorized", "signatory", "vice",
})

#: Words printed with a full stop as abbreviations, besides the form's terms: a name, title or
#: address that ends in a full stop ends in one of these or in an initial.  Small letters.
ABBREVIATIONS = frozenset({
    "jr", "sr", "mr", "mrs", "ms", "dr", "st", "no", "esq", "ave", "blvd", "rd", "ste", "dept",
    "assoc", "bros", "intl", "mgmt", "etc", "pkwy", "hwy", "fl",
})

#: A token of free text: letters with the apostrophes and hyphens inside words.
_LEXICAL = re.compile(r"[A-Za-z][A-Za-z'’./-]*[A-Za-z]|[A-Za-z]")
#: Symbols OCR makes of blurred letters ("€lon", "T™"), which no word is spelt with.
_OCR_SYMBOLS = frozenset("€£¥©®™°§¶¢µ«»¬±¦¤")
#: What may hang round a word: brackets, quotes, punctuation.
_EDGES = "\"'‘’“”()[]{},.;:!?*"


@functools.cache
def _frequencies() -> dict[str, int]:
    """pyspellchecker's English words and how often each occurs (loaded once: 0.15 s)."""
    from spellchecker import SpellChecker

    frequencies: dict[str, int] = SpellChecker(language="en").word_frequency.dictionary
    return frequencies


#: A short word this many times rarer than a word one look-alike slip away is read as a slip.
SLIP_RATIO = 1000


def is_known_word(token: str) -> bool | None:
    """Whether ``token`` (one word as printed, with its punctuation) is a word of English or of
    the form; ``None`` when it is not made of letters (a number, a date, "$68.38", "(1)"),
    which a word list cannot judge.

    >>> is_known_word("regarding,"), is_known_word("fegarding"), is_known_word("$68.38")
    (True, False, None)
    >>> is_known_word("weighted-average"), is_known_word("person's"), is_known_word("LLC")
    (True, True, True)
    >>> is_known_word("a"), is_known_word("i"), is_known_word("€lon")
    (True, False, False)
    """
    core = token.strip(_EDGES)
    lower = word_key(token).replace("’", "'")
    if lower in FORM_TERMS or lower.rstrip(".") in FORM_TERMS:
        return True
    if any(c.isalpha() for c in core) and any(c in _OCR_SYMBOLS for c in core):
        return False  # "€lon": a letter OCR read as a symbol no word holds
    if not core or not _LEXICAL.fullmatch(core):
        return None
    if len(core) == 1:
        # A capital alone is an initial ("E.") or a class ("Class A"); "i" alone is OCR's
        # "in" or "1", not the pronoun.
        return core == "a" or core.isupper()
    if lower.endswith("'s"):
        lower = lower[:-2]
    english = _frequencies()
    parts = [p for p in re.split(r"[-/]", lower) if p]
    return all(p in english or p in FORM_TERMS or p.rstrip(".") in english for p in parts)


def is_form_term(token: str) -> bool:
    """Whether ``token`` is one of the form's own terms, a word of its printed labels or of a
    signature's capacity, whatever its capitals ("LLC", "Reporting", "Attorney-in-Fact"): a
    word that is no name.

    >>> is_form_term("Attorney-in-Fact,"), is_form_term("RSUs"), is_form_term("Person")
    (True, True, True)
    >>> is_form_term("Canine")
    False
    """
    key = word_key(token)
    return key in FORM_TERMS or key.rstrip(".") in FORM_TERMS or key in SIGNATURE_TERMS or \
        key in LABEL_WORDS


def word_key(token: str) -> str:
    """``token`` as words are compared across a document: without the punctuation round it,
    in small letters ("WILLIAMS" of box 1 and "Williams," of the signature are one word).

    >>> word_key("Williams,"), word_key("(Jersey)")
    ('williams', 'jersey')
    """
    return token.strip(_EDGES).lower()


def first_unknown_word(text: str, also_known: frozenset[str] = frozenset()) -> str | None:
    """The first word of ``text`` that is no word of English or of the form, nor one of
    ``also_known`` (:func:`word_key` s), or None.

    >>> first_unknown_word("sold in muitiple trades at $68.38"), first_unknown_word("(1) Sold.")
    ('muitiple', None)
    >>> first_unknown_word("By SVF", frozenset({"svf"})) is None
    True
    """
    return next((token for token in text.split()
                 if word_key(token) not in also_known and is_known_word(token) is False), None)


def first_slip(text: str, also_known: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """The first word of ``text`` that reads like a slip of a far commoner word
    (:func:`commoner_lookalike`), with that word; None when there is none.

    >>> first_slip("Non-Qualifed Stock Option (right ta buy)")
    ('ta', 'to')
    """
    for token in text.split():
        if word_key(token) not in also_known and (commoner := commoner_lookalike(token)):
            return token, commoner
    return None


def first_near_miss(text: str, also_known: frozenset[str] = frozenset(),
                    elsewhere: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """The first word of ``text`` that is no word, but one look-alike slip from a word of
    English or of the form, or from one of ``also_known`` or ``elsewhere`` (:func:`word_key`
    s: words the document bears out, and words it holds), with that word; None when there
    is none.

    Two engines can make the same slip where the print itself is broken (a fax's "Elon" read
    "Eion" by both): such a word is no safe reading, though both agree on it.

    >>> first_near_miss("/s/ Sam Whittington, Attomey-in-Fact")
    ('Attomey-in-Fact', 'attorney')
    >>> first_near_miss("Eion Musk", frozenset({"elon"})), first_near_miss("Elon Musk")
    (('Eion', 'elon'), None)
    """
    targets = also_known | elsewhere
    for token in text.split():
        if word_key(token) in also_known or is_known_word(token) is not False:
            continue
        for part in re.split(r"[-/]", token.strip(_EDGES)):
            lower = part.lower()
            if len(part) < 3 or not part.isalpha() or is_known_word(part) or \
                    lower in also_known:
                continue
            # A name is no word either, and is often a slip from some word ("Elon", "Eton";
            # "Valentina", "Valentino"): a capitalised word is held against the document's
            # words and the form's terms ("Attomey", "Attorney") only.
            listed = part.islower()
            # A capital's slips too ("OraftKings": O for D), held against the document.
            capitals = [(part[:i] + other + part[i + 1:]).lower()
                        for i, char in enumerate(part) if char.isupper()
                        for other in LOOKALIKES.get(char, "") if other.isupper()]
            near = next((variant for variant in lookalike_variants(lower, steps=1)
                         if variant in targets or is_form_term(variant)
                         or (listed and is_known_word(variant))),
                        next((v for v in capitals if v in targets), None))
            if near is not None:
                return token, near
    return None


#: A signature's mark "/s/" as OCR slips it: "is/", "tsi", "/si".
_MARK_LOOKALIKE = re.compile(r"[/|\\il1tI!][s5S](?:[/|\\!1]|[il1tI]$)")
#: The endings of entity names, which a slip turns into an English word ("Lid" for "Ltd").
ENTITY_SUFFIXES = frozenset({"ltd", "llc", "inc", "corp", "llp", "plc"})
#: Digits run into letters other than an ordinal's ("601h" for "60th", "1o"), or letters
#: into digits ("Secti0n").
_DIGITS_AND_LETTERS = re.compile(r"\d(?!(?:st|nd|rd|th)\b)[A-Za-z]|[A-Za-z]\d")
#: A short word of strokes only, which a blurred "II" or "III" reads as.
_STROKES = re.compile(r"[1lIi|!t]{2,3}")


#: Words a full stop ends inside a name or title without ending it: abbreviations and terms.
_DOTTED_WORDS = ABBREVIATIONS | FORM_TERMS


def doubtful_words(text: str, also_known: frozenset[str] = frozenset(),
                   elsewhere: frozenset[str] = frozenset(), prose: bool = False) -> str | None:
    """Why the words of ``text`` may be misread although two OCR engines read them alike, or
    None.  Where the print itself is broken, both engines make the same slip:

    * a word one look-alike slip from a known one (:func:`first_near_miss`: "Eion", "Attomey");
    * a small-letter word that is no word ("stil", "reponing"): a name has a capital;
    * a full stop inside the text that reads as a comma: before a word in small letters
      ("Trust. of which"), or, in a name or title (not ``prose``), after a word that is no
      abbreviation ("Management. LLC");
    * a signature's "/s/" read as "is/" or "tsi"; an entity's "Ltd" read as "Lid";
    * in a name or title, a short word of strokes alone ("SVF li" or "SVF 11" for "SVF II");
    * in ``prose``, digits and letters mixed as no word does ("1/601h" for "1/60th");
    * in ``prose`` (a note, remarks), no full stop at the end: every one of the 128 footnotes
      and both remarks of the shared corpus end in one, and a fax's last dot is often lost.

    ``also_known`` are words the document bears out, ``elsewhere`` every word it holds
    (:func:`word_key` s), which a slip is looked for against.

    >>> doubtful_words("Held by the Trust. of which"), doubtful_words("Apple Inc.")
    ("'Trust.' ends in a full stop where the text goes on", None)
    >>> doubtful_words("weighted average price", prose=True)
    'the note does not end in a full stop'
    """
    if near := first_near_miss(text, also_known, elsewhere):
        return f"{near[0]!r} reads like a slip of {near[1]!r}"
    tokens = text.split()
    for token, after in zip(tokens, [*tokens[1:], ""], strict=True):
        core = token.strip(_EDGES)
        if _MARK_LOOKALIKE.match(core) and not core.startswith("/s/"):
            return f"{token!r} reads like a slip of a signature's '/s/'"
        if suffix := entity_suffix_slip(token):
            return f"{token!r} reads like a slip of {suffix!r}"
        if not prose and _STROKES.fullmatch(core) and core not in ("II", "III"):
            return f"{token!r} may be a numeral of strokes (II?)"
        if core.islower() and core.isalpha() and word_key(token) not in also_known and \
                is_known_word(token) is False:
            return f"{token!r} is no word of English or of the form"
        if after and token.endswith(".") and not token.endswith("..") and core.isalpha() and (
                after[:1].islower() or (not prose and len(core) > 1
                                        and core.lower() not in _DOTTED_WORDS)):
            return f"{token!r} ends in a full stop where the text goes on"
    if prose and (mixed := next((t for t in tokens if _DIGITS_AND_LETTERS.search(
            t.strip(_EDGES)) and not is_form_term(t)), None)):
        return f"{mixed!r} mixes digits and letters as no word or number does"
    if prose and tokens and not tokens[-1].rstrip(")\"'’”").endswith((".", ":", ";")):
        return "the note does not end in a full stop"
    return None


def entity_suffix_slip(token: str) -> str | None:
    """The entity suffix ("ltd", "inc") one look-alike slip makes of ``token`` when it is none
    itself: "Lid" is an English word, but in a name it is "Ltd" misread.

    >>> entity_suffix_slip("Lid"), entity_suffix_slip("lnc."), entity_suffix_slip("Ltd")
    ('ltd', 'inc', None)
    """
    core = token.strip(_EDGES).lower()
    if not core.isalpha() or core in ENTITY_SUFFIXES:
        return None
    return next((v for v in lookalike_variants(core, steps=1) if v in ENTITY_SUFFIXES), None)


def commoner_lookalike(token: str) -> str | None:
    """The word, :data:`SLIP_RATIO` times commoner, that one look-alike slip turns the short
    word ``token`` (two or three letters) into: "ta" is in the English list, but read on a
    blurred page it is "to" far more often than "ta".  None for any other token.

    Only trust uses this: the reading is doubted, never changed (a real "ore" stays "ore").

    >>> commoner_lookalike("ta"), commoner_lookalike("to"), commoner_lookalike("II")
    ('to', None, None)
    """
    core = token.strip(_EDGES)
    lower = core.lower()
    # Small letters only: the slips are small letters' ("rn", "a"/"o"), and a word in capitals
    # is an acronym or a numeral ("II"); a capital first letter may start a sentence.
    if not 2 <= len(lower) <= 3 or not lower.isalpha() or not core[1:].islower() or \
            lower in FORM_TERMS:
        return None
    frequencies = _frequencies()
    floor = SLIP_RATIO * max(frequencies.get(lower, 0), 1)
    return next((variant for variant in lookalike_variants(lower, steps=1)
                 if frequencies.get(variant, 0) >= floor), None)


def ends_in_stray_full_stop(text: str) -> bool:
    """Whether ``text`` (a name, a title, an address: not a sentence) ends in a full stop that
    no abbreviation or initial explains, one that a speck on a fax may have made ("Elon.").

    >>> ends_in_stray_full_stop("Musk Elon."), ends_in_stray_full_stop("Apple Inc.")
    (True, False)
    >>> ends_in_stray_full_stop("COOK TIMOTHY D."), ends_in_stray_full_stop("Partners, L.P.")
    (False, False)
    """
    words = text.split()
    if not words or not words[-1].endswith(".") or words[-1].endswith(".."):
        return False
    core = words[-1].rstrip(".").strip(_EDGES).lower()
    return len(core) > 1 and "." not in core and core not in FORM_TERMS and \
        core not in ABBREVIATIONS
