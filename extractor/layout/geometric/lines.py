"""Words grouped the way a reader's eye groups them: lines, phrases and blocks.

* a **line** is the words of one baseline band, left to right (a superscript marker rides on
  the line of the word it follows);
* a **phrase** is a run of a line's words with no wide gap and no drawn vertical rule between
  them: the part of a line that lies in one box or one table cell;
* a **block** is phrases stacked under one another with the spacing of one paragraph: a label
  that wraps onto two or three lines inside its box, a heading, a wrapped value.

Nothing here knows what a Form 4 is.  Rules (drawn lines and rectangle edges) are optional
evidence: where a layout has none, gaps and alignment decide alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from extractor.ingest.page import Rect, Word

#: A gap wider than this many word heights ends a phrase (a word space is about a quarter).
PHRASE_GAP = 0.75
#: ... or this many characters' widths, whichever is wider.
MONOSPACE_GAP = 1.3
#: A phrase joins the block above when its top is within this many line heights of the
#: block's last line.
BLOCK_LEADING = 0.9
#: Rules are at most this thick (points); thicker rectangles are boxes, whose edges are rules.
RULE_THICKNESS = 2.5
#: Rules shorter than this are not boundaries (a dash, a tick).
RULE_MIN_LENGTH = 6.0
#: A rectangle smaller than this both ways is a check box or a mark, not a box with edges.
SMALL_BOX = 16.0


@dataclass(frozen=True, slots=True)
class Rules:
    """The page's drawn horizontal and vertical rules, as ``(position, start, end)``."""

    horizontal: tuple[tuple[float, float, float], ...] = ()
    vertical: tuple[tuple[float, float, float], ...] = ()
    _vx: tuple[float, ...] = ()
    _hy: tuple[float, ...] = ()

    @classmethod
    def from_rects(cls, rects: Iterable[Rect], width: float, height: float) -> Rules:
        horizontal: list[tuple[float, float, float]] = []
        vertical: list[tuple[float, float, float]] = []
        for r in rects:
            if r.width * r.height > 0.8 * width * height:
                continue  # the page's own background or frame
            if r.width < SMALL_BOX and r.height < SMALL_BOX:
                continue  # a check box, a bullet: no boundary between words
            if r.height <= RULE_THICKNESS and r.width >= RULE_MIN_LENGTH:
                horizontal.append(((r.top + r.bottom) / 2, r.x0, r.x1))
            elif r.width <= RULE_THICKNESS and r.height >= RULE_MIN_LENGTH:
                vertical.append(((r.x0 + r.x1) / 2, r.top, r.bottom))
            elif r.width >= RULE_MIN_LENGTH and r.height >= RULE_MIN_LENGTH:
                horizontal += [(r.top, r.x0, r.x1), (r.bottom, r.x0, r.x1)]
                vertical += [(r.x0, r.top, r.bottom), (r.x1, r.top, r.bottom)]
        horizontal.sort()
        vertical.sort()
        return cls(tuple(horizontal), tuple(vertical), tuple(v[0] for v in vertical),
                   tuple(h[0] for h in horizontal))

    def vertical_between(self, x0: float, x1: float, y: float) -> bool:
        """Whether a vertical rule crosses height ``y`` strictly between ``x0`` and ``x1``."""
        lo = bisect.bisect_left(self._vx, x0)
        hi = bisect.bisect_right(self._vx, x1)
        return any(self.vertical[i][1] - 1 <= y <= self.vertical[i][2] + 1 for i in range(lo, hi))

    def horizontal_between(self, y0: float, y1: float, x0: float, x1: float,
                           share: float = 0.5) -> bool:
        """Whether horizontal rules at one height strictly between ``y0`` and ``y1`` run under
        ``share`` of the span ``x0``-``x1``, most of it by default (a row's border drawn cell
        by cell counts whole)."""
        lo = bisect.bisect_left(self._hy, y0)
        hi = bisect.bisect_right(self._hy, y1)
        need = share * max(1.0, x1 - x0)
        by_height: dict[int, list[tuple[float, float]]] = {}
        for i in range(lo, hi):
            y, a, b = self.horizontal[i]
            by_height.setdefault(round(y), []).append((max(a, x0), min(b, x1)))
        for spans in by_height.values():
            covered, reach = 0.0, x0
            for a, b in sorted(spans):
                if b > reach:
                    covered += b - max(a, reach)
                    reach = b
            if covered >= need:
                return True
        return False


@dataclass(frozen=True, slots=True)
class Phrase:
    """A run of a line's words with nothing wide between them."""

    words: tuple[Word, ...]

    @property
    def x0(self) -> float:
        return self.words[0].x0

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
    def height(self) -> float:
        return line_height(self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(slots=True)
class Block:
    """Phrases stacked under one another, top to bottom."""

    phrases: list[Phrase] = field(default_factory=list)

    @property
    def words(self) -> list[Word]:
        return [w for p in self.phrases for w in p.words]

    @property
    def x0(self) -> float:
        return min(p.x0 for p in self.phrases)

    @property
    def x1(self) -> float:
        return max(p.x1 for p in self.phrases)

    @property
    def top(self) -> float:
        return self.phrases[0].top

    @property
    def bottom(self) -> float:
        return self.phrases[-1].bottom


def line_height(words: Sequence[Word]) -> float:
    """The typical height of the words: their median, so that one tall or tiny mark does not
    set the scale."""
    heights = sorted(w.bottom - w.top for w in words)
    return heights[len(heights) // 2] if heights else 0.0


def split_at_rules(words: Iterable[Word], rules: Rules) -> list[Word]:
    """Words cut where a drawn vertical rule crosses them: text that overflows its cell runs
    into the next one's ("(Month/Day/Year)Date,"), and no word lies in two cells.

    The cut falls where the rule is, by the share of the word's width, moved to the nearest
    place where the text changes kind (after a bracket or a comma, before a capital).
    """
    out: list[Word] = []
    for word in words:
        crossing = [x for x, top, bottom in rules.vertical
                    if word.x0 + 1.5 < x < word.x1 - 1.5 and top <= word.cy <= bottom]
        if not crossing or len(word.text) < 2:
            out.append(word)
            continue
        pieces = [word]
        for x in sorted(crossing):
            last = pieces.pop()
            pieces += _cut(last, x)
        out += pieces
    return out


def _cut(word: Word, x: float) -> list[Word]:
    text = word.text
    share = (x - word.x0) / max(0.1, word.x1 - word.x0)
    guess = min(len(text) - 1, max(1, round(share * len(text))))

    def natural(i: int) -> bool:
        a, b = text[i - 1], text[i]
        return a in ")],.;:" or (a.islower() and b.isupper()) or b in "([" or \
            (a.isdigit() != b.isdigit() and a.isalnum() and b.isalnum())

    near = [i for i in range(max(1, guess - 3), min(len(text), guess + 4)) if natural(i)]
    at = min(near, key=lambda i: abs(i - guess)) if near else guess
    left = Word(text[:at], word.x0, x, word.top, word.bottom, word.page, word.confidence,
                word.size)
    right = Word(text[at:], x, word.x1, word.top, word.bottom, word.page, word.confidence,
                 word.size)
    return [left, right]


def group_lines(words: Iterable[Word]) -> list[list[Word]]:
    """Words grouped into lines, top to bottom, each left to right.

    Words of one line stand on one baseline, so their bottoms agree to a fraction of their
    height whatever their size; a smaller word whose bottom is well above the line's, right
    after a word of the line, is a superscript (a footnote marker) and rides on that line.
    """
    lines: list[list[Word]] = []
    bottoms: list[float] = []
    heights: list[float] = []
    for word in sorted(words, key=lambda w: w.bottom):
        height = max(0.1, word.bottom - word.top)
        for index in range(len(lines) - 1, max(-1, len(lines) - 6), -1):
            scale = max(height, heights[index])
            if abs(bottoms[index] - word.bottom) <= BASELINE_TOLERANCE * scale and \
                    height >= SUPERSCRIPT_SIZE * heights[index]:
                lines[index].append(word)
                break
        else:
            lines.append([word])
            bottoms.append(word.bottom)
            heights.append(height)
    out: list[list[Word]] = []
    for line, height in zip(lines, heights, strict=True):
        if all(_is_marker_text(w.text) for w in line):
            # Markers raised over several cells of one row make a line of their own: each
            # rides on the word it follows.
            unhosted = []
            for word in line:
                host = _superscript_host([word], lines, height)
                if host is None:
                    unhosted.append(word)
                else:
                    host.append(word)
            line = unhosted
        out.append(line)
    out = [sorted(line, key=lambda w: w.x0) for line in out if line]
    out.sort(key=lambda line: min(w.top for w in line))
    return out


#: Bottoms of one line's words agree within this share of the taller word's height.
BASELINE_TOLERANCE = 0.3
#: A word under this share of a line's height is too small to be one of its words.
SUPERSCRIPT_SIZE = 0.8


def _is_marker_text(text: str) -> bool:
    """A footnote marker as printed raised: "1", "12", "(3)", "*", "1,2"."""
    return bool(re.fullmatch(r"\(?\d{1,2}\)?(?:[,)(]+\d{1,2}\)?)*|\*{1,2}", text))


def _superscript_host(line: list[Word], lines: list[list[Word]],
                      height: float) -> list[Word] | None:
    """The line that a short line of small raised markers belongs to, if any: one whose
    words are taller, whose middle lies below the markers' middle, and which has a word
    ending just left of the first marker."""
    first = min(line, key=lambda w: w.x0)
    cy = (first.top + first.bottom) / 2
    beside: list[tuple[float, list[Word]]] = []
    for other in lines:
        if other is line or not other:
            continue
        tall = max(w.bottom - w.top for w in other)
        if height >= SUPERSCRIPT_SIZE * tall:
            continue
        top, bottom = min(w.top for w in other), max(w.bottom for w in other)
        if not top - 0.3 * tall <= cy <= (top + bottom) / 2:
            continue
        if any(-1.0 <= first.x0 - w.x1 <= 0.6 * tall for w in other):
            return other
        beside.append((top, other))
    # A marker alone in its cell (an empty date with its note): the nearest line it is
    # raised over.
    return min(beside, key=lambda b: abs(b[0] - first.top))[1] if beside else None


def split_phrases(line: Sequence[Word], rules: Rules, gap: float = PHRASE_GAP) -> list[Phrase]:
    """A line cut where words are far apart or a vertical rule runs between them."""
    phrases: list[list[Word]] = []
    for word in line:
        if phrases:
            last = phrases[-1][-1]
            scale = min(last.bottom - last.top, word.bottom - word.top)
            y = (max(last.top, word.top) + min(last.bottom, word.bottom)) / 2
            # A typewriter face spaces words a character apart: 0.6 of its size.
            pitch = min((w.x1 - w.x0) / max(1, len(w.text)) for w in (last, word))
            if word.x0 - last.x1 <= max(gap * scale, MONOSPACE_GAP * pitch) and \
                    not rules.vertical_between(last.x1 - 0.5, word.x0 + 0.5, y):
                phrases[-1].append(word)
                continue
        phrases.append([word])
    return [Phrase(tuple(p)) for p in phrases]


def stack_blocks(phrases: Sequence[Phrase], rules: Rules) -> list[Block]:
    """Phrases stacked into blocks: each phrase continues the block whose last phrase lies
    just above it, overlapping it or aligned with it, with no rule between them."""
    blocks: list[Block] = []
    open_blocks: list[Block] = []
    for phrase in sorted(phrases, key=lambda p: (p.top, p.x0)):
        best, best_overlap = None, 0.0
        h = phrase.height
        for block in open_blocks:
            last = block.phrases[-1]
            if last.top >= phrase.top - 0.3 * h:
                continue  # on the same line, not above
            scale = max(h, last.height)
            if phrase.top - last.bottom > BLOCK_LEADING * scale:
                continue
            if not 0.7 <= h / max(0.1, last.height) <= 1.45:
                continue  # another size of type: a heading over its text, a value under a label
            overlap = min(phrase.x1, last.x1) - max(phrase.x0, last.x0)
            narrow = min(phrase.x1 - phrase.x0, last.x1 - last.x0)
            aligned = abs(phrase.x0 - last.x0) <= 1.5 * scale
            if overlap <= 0 and not aligned:
                continue
            share = max(overlap / max(1.0, narrow), 1.0 if aligned else 0.0)
            if share < 0.5:
                continue
            if rules.horizontal_between(last.bottom - 0.5, phrase.top + 0.5,
                                        max(phrase.x0, last.x0), min(phrase.x1, last.x1)):
                continue
            if share > best_overlap:
                best, best_overlap = block, share
        if best is None:
            best = Block()
            blocks.append(best)
        best.phrases.append(phrase)
        open_blocks = [b for b in open_blocks if b.bottom >= phrase.top - 3 * h]
        if best not in open_blocks:
            open_blocks.append(best)
    return blocks
