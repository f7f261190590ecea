"""Printed labels found on a page: word runs of a block that match a label's wording.

A label may wrap onto two or three lines inside its box, lose letters to OCR or be reworded by
another printer; matching therefore runs on normalised tokens (case folded, punctuation gone,
look-alike characters made one) over the blocks of :mod:`.lines`, and scores a run of words
against every wording with rapidfuzz.  Only runs that start near a token the wording shares
are scored, so a page costs a few thousand comparisons, not millions.

>>> from extractor.ingest.page import Word
>>> words = [Word(t, 10 + 30 * i, 38 + 30 * i, 10, 16, 1) for i, t in
...          enumerate("3. Date of Earliest Transaction 06/15/2026".split())]
>>> spec = LabelSpec("earliest_transaction", "box", ("Date of Earliest Transaction",), "3")
>>> [a.text for a in find_anchors([words], [spec])]
['3. Date of Earliest Transaction']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from extractor.ingest.page import Word
from extractor.knowledge.label_wordings import LABEL_ABBREVIATIONS
from extractor.layout.geometric.lines import PHRASE_GAP

#: Look-alike characters made one, for labels and page text alike (OCR's 0/O, 1/l/I, 5/S).
_CONFUSABLES = str.maketrans({"0": "o", "1": "l", "i": "l", "5": "s", "|": "l", "’": "'"})
#: A word's tokens: runs of letters and digits; "%" is one of its own ("10%" as "10 %").
_TOKEN = re.compile(r"[0-9a-z]+|%")


def label_tokens(text: str) -> list[str]:
    """The tokens of one printed word as a label's: an abbreviation as its full word."""
    full = LABEL_ABBREVIATIONS.get(text.casefold())
    return tokens_of(full if full is not None else text)


def tokens_of(text: str) -> list[str]:
    """Normalised tokens of printed text: folded, look-alikes merged, punctuation dropped.

    >>> tokens_of("(Month/Day/Year)")
    ['month', 'day', 'year']
    >>> tokens_of("10% Owner") == tokens_of("10 % Owner")
    True
    """
    folded = text.casefold().translate(_CONFUSABLES)
    return _TOKEN.findall(folded)


@dataclass(frozen=True, slots=True)
class LabelSpec:
    """A label to look for: its key, its kind, its wordings (official first) and number."""

    key: str
    kind: str  # "box", "check", "sub", "section", "column", "subcolumn", "boilerplate"
    texts: tuple[str, ...]
    number: str | None = None
    min_score: float = 80.0
    #: Whether the label stands alone on its line (a title that reads like a sentence's words).
    alone: bool = False
    #: Wordings cut short after their first words ("Conversion or Exercise Price"), scored
    #: CUT_PENALTY lower than a whole wording.
    cut_texts: tuple[str, ...] = ()


#: A heading printed cut short scores this much under one printed whole: a sub-heading that
#: opens its column's heading ("Date Exercisable") never takes the heading's place.
CUT_PENALTY = 8.0


@dataclass(frozen=True, slots=True)
class Anchor:
    """A label found on the page: the words it is printed in and how well they match."""

    key: str
    kind: str
    words: tuple[Word, ...]
    score: float

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def page(self) -> int:
        return self.words[0].page

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def height(self) -> float:
        heights = sorted(w.bottom - w.top for w in self.words)
        return heights[len(heights) // 2]


@dataclass(frozen=True, slots=True)
class _Wording:
    spec: LabelSpec
    tokens: tuple[str, ...]
    joined: str
    penalty: float = 0.0


class _Run:
    """A block's words as one token sequence, each token knowing its word."""

    def __init__(self, words: Sequence[Word]) -> None:
        self.words = list(words)
        self.tokens: list[str] = []
        self.word_of: list[int] = []
        #: Token positions where a phrase starts (a new line, or after a wide gap).
        self.phrase_starts: set[int] = set()
        previous: Word | None = None
        for index, word in enumerate(self.words):
            if previous is None or word.x0 < previous.x0 or \
                    word.top >= previous.bottom - 0.3 * (previous.bottom - previous.top) or \
                    word.x0 - previous.x1 > PHRASE_GAP * (word.bottom - word.top) or \
                    _other_type(previous, word):
                self.phrase_starts.add(len(self.tokens))
            previous = word
            for token in label_tokens(word.text):
                self.tokens.append(token)
                self.word_of.append(index)
        self.phrase_starts.add(len(self.tokens))
        self.positions: dict[str, list[int]] = defaultdict(list)
        for position, token in enumerate(self.tokens):
            self.positions[token].append(position)


def _other_type(first: Word, second: Word) -> bool:
    """Whether two words are set in other sizes: a label and the value after it.  A text
    layer's sizes are exact, so a twentieth apart tells ("STREET" 7.1 pt before "1 TESLA ROAD"
    8.2 pt); OCR's ink heights vary with the letters, so only a fifth does."""
    if first.size is not None and second.size is not None:
        return min(first.size, second.size) < SIZE_STEP * max(first.size, second.size)
    a = first.bottom - first.top
    b = second.bottom - second.top
    return min(a, b) < 0.8 * max(a, b)


#: Text-layer sizes this share apart are two types (a label's and a value's).
SIZE_STEP = 0.95


def _number_tokens(number: str) -> set[str]:
    return {"".join(tokens_of(number))}


def _best_in_run(wording: _Wording, run: _Run) -> tuple[float, int, int] | None:
    """The best-scoring token window of ``run`` for ``wording``: (score, first, last)."""
    k = len(wording.tokens)
    starts: set[int] = set()
    short_only = all(len(token) < 3 for token in wording.tokens)
    for offset, token in enumerate(wording.tokens):
        if len(token) < 3 and k > 2 and not short_only:
            continue  # "of", "or", "3" start too many windows
        for position in run.positions.get(token, ()):
            starts.add(position - offset)
    if not starts:
        return None
    best: tuple[float, int, int] | None = None
    best_set_off = False
    exact_only = k <= 2 and len(wording.joined) < 10
    # A column heading is often printed short ("Ownership Form (D/I)"): down to half of it.
    shortest = max(1, k // 2 if wording.spec.kind in ("column", "box") else k - 2)
    lengths = (k,) if exact_only else range(shortest, k + 3)
    for start in starts:
        for shift in (0,) if exact_only else (-1, 0, 1):
            first = start + shift
            if first < 0:
                continue
            for length in lengths:
                last = first + length
                if last > len(run.tokens):
                    break
                window = run.tokens[first:last]
                set_off = False
                if exact_only:
                    # A short label stands alone: "Officer" in "Chief Executive Officer" is
                    # a title's word.
                    set_off = _set_off(run, first, last)
                    whole = (first in run.phrase_starts and (
                        last in run.phrase_starts or _opens_aside(run, last))) or set_off
                    score = 100.0 if whole and tuple(window) == wording.tokens else 0.0
                else:
                    score = fuzz.ratio(wording.joined, " ".join(window)) - wording.penalty
                # At a like score, the longer window; of short labels, the one set off as
                # labels are ("Street:" under a value's "STREET,").
                if best is None or score > best[0] or (score == best[0] and (
                        last - first > best[2] - best[1] or (set_off and not best_set_off))):
                    best, best_set_off = (score, first, last), set_off
    return best


def _resembles(token: str, wording: _Wording) -> bool:
    """Whether ``token`` is one of the wording's, misread or cut short ("trans", "exec")."""
    return token in wording.tokens or any(
        fuzz.ratio(token, t) >= 75 or (len(token) >= 3 and t.startswith(token))
        for t in wording.tokens if len(t) >= 3)


def _alone_on_line(run: _Run, first: int, last: int) -> bool:
    """Whether tokens ``first:last`` have no word of the run beside them on their lines: a
    title standing alone, where OCR's word heights, which vary with the letters, may part a
    sentence's words into phrases ("... subject to the | Reporting Person's continued |
    service")."""
    lo, hi = run.word_of[first], run.word_of[last - 1]
    return not any(_same_line(run.words[i], run.words[j])
                   for i, j in ((lo - 1, lo), (hi, hi + 1)) if i >= 0 and j < len(run.words))


def _same_line(left: Word, right: Word) -> bool:
    """Whether ``right`` follows ``left`` on its line."""
    return right.x0 >= left.x1 - 0.5 and left.top < right.cy < left.bottom


def _set_off(run: _Run, first: int, last: int) -> bool:
    """Whether tokens ``first:last`` are one word set off by its own marks: "(Street)",
    "City:" (a sub-label printed before its value on the line)."""
    index = run.word_of[first]
    if run.word_of[last - 1] != index or (first > 0 and run.word_of[first - 1] == index) or \
            (last < len(run.tokens) and run.word_of[last] == index):
        return False
    text = run.words[index].text
    return (text.startswith("(") and text.endswith(")")) or text.endswith(":")


def _aside_end(words: Sequence[Word], lo: int, hi: int) -> int:
    """``hi`` moved over the aside a label ends with: the rest of a parenthesis it opened
    (wrapped or not), or one opening right after it on its line, up to four words."""
    said = " ".join(w.text for w in words[lo:hi + 1])
    said = re.sub(r"^(?:(?:item|box)\s+)?\(?\d{1,2}[a-z]?\)\s*", "", said, flags=re.IGNORECASE)
    unclosed = said.count("(") > said.count(")")
    if not unclosed and not (hi + 1 < len(words) and words[hi + 1].text.startswith("(") and
                             _next_to(words[hi], words[hi + 1])):
        return hi
    for end in range(hi + 1, min(len(words), hi + 5)):
        if not unclosed and not _next_to(words[end - 1], words[end]):
            break
        if words[end].text.endswith(")"):
            return end
    return hi


def _opens_aside(run: _Run, position: int) -> bool:
    """Whether the token at ``position`` opens a parenthesis on the word before's line."""
    if position >= len(run.tokens) or position == 0:
        return False
    word = run.words[run.word_of[position]]
    return run.word_of[position] != run.word_of[position - 1] and word.text.startswith("(") \
        and _next_to(run.words[run.word_of[position - 1]], word)


def _trimmed(run: _Run, first: int, last: int, wording: _Wording) -> tuple[int, int]:
    """A window without the tokens at its ends that are not the label's: the value printed
    after a label ("... Transaction 2025-03-14"), the check labels under a box's title."""
    while last - first > 1 and not _resembles(run.tokens[last - 1], wording):
        last -= 1
    while last - first > 1 and not _resembles(run.tokens[first], wording):
        first += 1
    return first, last


_BOX_NUMBER = re.compile(r"^\(?\d{1,2}[a-zA-Z]?[.)]$")
#: Words some printers set before a box's or column's number.
NUMBER_WORDS = ("item", "box", "column", "col.")
#: Scores this close are alike: the longer wording is taken.
LIKE_SCORE = 5.0
#: A column heading or box label printed after its number ("5. Amount Owned ...") may be
#: worded this much further from the form's.
NUMBERED_BONUS = 20.0


def _after_number(run: _Run, first: int, spec: LabelSpec) -> bool:
    """Whether the window starting at token ``first`` opens its block right after the
    label's printed number."""
    if spec.number is None or first == 0:
        return False
    word = run.word_of[first - 1]
    opens = word == 0 or (word == 1 and run.words[0].text.casefold() in NUMBER_WORDS)
    return opens and "".join(tokens_of(run.words[word].text)) in _number_tokens(
        spec.number) and run.word_of[first] == word + 1


def _label_tail(run: _Run, last: int, wording: _Wording) -> int:
    """The end of a label's window moved over the label's own words that OCR split or
    garbled after it ("(Month/Day/Y ear)"): tokens near one of the wording's, up to three."""
    known = [t for t in wording.tokens if len(t) >= 3]
    for _ in range(3):
        if last >= len(run.tokens) or (last in run.phrase_starts and \
                run.word_of[last] != run.word_of[last - 1]):
            break
        token = run.tokens[last]
        if len(token) < 2 or not any(fuzz.ratio(token, t) >= 75 for t in known):
            break
        last += 1
    return last


def _next_to(left: Word, right: Word) -> bool:
    """Whether ``right`` follows ``left`` on its line with no more than a word space."""
    height = max(0.1, left.bottom - left.top)
    return abs(left.top - right.top) < 0.5 * height and right.x0 - left.x1 < PHRASE_GAP * height


def _wordings(specs: Iterable[LabelSpec]) -> list[_Wording]:
    out = []
    for spec in specs:
        for text, penalty in [*((t, 0.0) for t in spec.texts),
                              *((t, CUT_PENALTY) for t in spec.cut_texts)]:
            tokens = tuple(t for word in text.split() for t in label_tokens(word))
            if tokens:
                out.append(_Wording(spec, tokens, " ".join(tokens), penalty))
    return out


def find_anchors(blocks: Iterable[Sequence[Word]], specs: Sequence[LabelSpec],
                 claimed: set[int] | None = None) -> list[Anchor]:
    """Every label of ``specs`` found in ``blocks`` (each a block's words in reading order),
    no word in two labels: the better match keeps its words.

    ``claimed`` holds ``id()`` of words already in other labels; it is updated.
    """
    wordings = _wordings(specs)
    candidates: list[tuple[float, int, Anchor]] = []
    for words in blocks:
        run = _Run(words)
        if not run.tokens:
            continue
        best_per_key: dict[str, tuple[float, int, int, LabelSpec, _Wording]] = {}
        for wording in wordings:
            found = _best_in_run(wording, run)
            if found is not None and wording.spec.kind in ("column", "box") and \
                    _after_number(run, found[1], wording.spec):
                found = (min(100.0, found[0] + NUMBERED_BONUS), found[1], found[2])
            if found is None or found[0] < wording.spec.min_score:
                continue
            if (wording.spec.kind == "section" and found[1] not in run.phrase_starts) or \
                    (wording.spec.alone and (found[2] not in run.phrase_starts or
                                             not _alone_on_line(run, found[1], found[2]))):
                continue  # a title heads its lines: these words run in a sentence
            key = wording.spec.key
            # Of two wordings the one that covers more of the print wins at a like score:
            # the official text over its short form, where the page prints it whole.
            if key in best_per_key:
                held = best_per_key[key]
                longer = len(wording.joined) > len(held[4].joined)
                if not (found[0] > held[0] + LIKE_SCORE or
                        (longer and found[0] >= held[0] - LIKE_SCORE)):
                    continue
            best_per_key[key] = (*found, wording.spec, wording)
        for score, first, last, spec, wording in best_per_key.values():
            trimmed = _trimmed(run, first, last, wording)
            if trimmed != (first, last):
                first, last = trimmed
                score = fuzz.ratio(wording.joined, " ".join(run.tokens[first:last])) - \
                    wording.penalty
                if spec.kind in ("column", "box") and _after_number(run, first, spec):
                    score = min(100.0, score + NUMBERED_BONUS)
                if score < spec.min_score:
                    continue
            last = _label_tail(run, last, wording)
            lo, hi = run.word_of[first], run.word_of[last - 1]
            if lo > 0 and ((spec.number and "".join(tokens_of(run.words[lo - 1].text)) in
                           _number_tokens(spec.number)) or
                           (_BOX_NUMBER.match(run.words[lo - 1].text) and
                           _next_to(run.words[lo - 1], run.words[lo]))):
                # The box's printed number belongs to its label, not to its value (another
                # revision may number the box otherwise: pre-2002's box 5 is "6.").
                lo -= 1
                if lo > 0 and run.words[lo - 1].text.casefold() in NUMBER_WORDS:
                    lo -= 1  # "Item 5.", "Box 5"
            # Marks that spell nothing ("**", "*") next to a label are the label's.
            while lo > 0 and not tokens_of(run.words[lo - 1].text) and \
                    _next_to(run.words[lo - 1], run.words[lo]):
                lo -= 1
            while hi + 1 < len(run.words) and not tokens_of(run.words[hi + 1].text) and \
                    _next_to(run.words[hi], run.words[hi + 1]):
                hi += 1
            # A label's aside printed after it is the label's: "Other (specify)".
            hi = _aside_end(run.words, lo, hi)
            taken = tuple(run.words[lo:hi + 1])
            candidates.append((score, last - first, Anchor(spec.key, spec.kind, taken, score)))
    claimed = set() if claimed is None else claimed
    out: list[Anchor] = []
    for _, _, anchor in sorted(candidates, key=lambda c: (c[0], c[1]), reverse=True):
        if any(id(w) in claimed for w in anchor.words):
            continue
        claimed.update(id(w) for w in anchor.words)
        out.append(anchor)
    return out
