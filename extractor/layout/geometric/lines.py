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
#: A box's or column's number as printed before its label, and how much wider a gap after
#: it still joins the label.
BOX_NUMBER = re.compile(r"\d{1,2}[A-Za-z]?[.)]")
NUMBER_WIDENING = 2.0
#: OCR's ink boxes leave a comma's or a stop's cell out of a word: the gap after it reads up
#: to 1.35 characters on a clean scan of a typewriter face (docs/design-notes.md).
OCR_PITCH_WIDENING = 1.25
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
    spans = _LineSpans(lines)
    for index, (line, height) in enumerate(zip(lines, heights, strict=True)):
        if all(_is_marker_text(w.text) for w in line):
            # Markers raised over several cells of one row make a line of their own: each
            # rides on the word it follows.
            unhosted = []
            for word in line:
                host = _superscript_host(word, index, lines, spans, height)
                if host is None:
                    unhosted.append(word)
                else:
                    lines[host].append(word)
                    spans.grow(host, word)
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


class _LineSpans:
    """Each line's top, bottom and tallest word, kept up to date as markers join lines, with
    the lines ordered by their first top: a marker looks only at the lines near it."""

    def __init__(self, lines: list[list[Word]]) -> None:
        self.top = [min(w.top for w in line) for line in lines]
        self.bottom = [max(w.bottom for w in line) for line in lines]
        self.tall = [max(w.bottom - w.top for w in line) for line in lines]
        self.order = sorted(range(len(lines)), key=lambda i: self.top[i])
        self.first_tops = [self.top[i] for i in self.order]
        # A line's top only rises as markers join it, by less than its height and theirs.
        self.reach = 2 * max(self.bottom[i] - self.top[i] for i in range(len(lines))) \
            if lines else 0.0

    def grow(self, index: int, word: Word) -> None:
        self.top[index] = min(self.top[index], word.top)
        self.bottom[index] = max(self.bottom[index], word.bottom)
        self.tall[index] = max(self.tall[index], word.bottom - word.top)

    def near(self, y: float) -> list[int]:
        """Lines whose first top lies within reach of ``y``."""
        low = bisect.bisect_left(self.first_tops, y - self.reach)
        high = bisect.bisect_right(self.first_tops, y + self.reach)
        return self.order[low:high]


def _superscript_host(word: Word, own: int, lines: list[list[Word]], spans: _LineSpans,
                      height: float) -> int | None:
    """The line (its index) that a small raised marker of a line of markers belongs to, if
    any: one whose words are taller, whose middle lies below the marker's middle, and which
    has a word ending just left of the marker."""
    cy = (word.top + word.bottom) / 2
    beside: list[tuple[float, int]] = []
    for index in sorted(spans.near(cy)):
        if index == own or not lines[index]:
            continue
        tall, top, bottom = spans.tall[index], spans.top[index], spans.bottom[index]
        if height >= SUPERSCRIPT_SIZE * tall:
            continue
        if not top - 0.3 * tall <= cy <= (top + bottom) / 2:
            continue
        if any(-1.0 <= word.x0 - w.x1 <= 0.6 * tall for w in lines[index]):
            return index
        beside.append((top, index))
    # A marker alone in its cell (an empty date with its note): the nearest line it is
    # raised over.
    return min(beside, key=lambda b: abs(b[0] - word.top))[1] if beside else None


def split_phrases(line: Sequence[Word], rules: Rules, gap: float = PHRASE_GAP) -> list[Phrase]:
    """A line cut where words are far apart or a vertical rule runs between them."""
    phrases: list[list[Word]] = []
    for word in line:
        if phrases:
            last = phrases[-1][-1]
            scale, pitch = _spacing(last, word)
            y = (max(last.top, word.top) + min(last.bottom, word.bottom)) / 2
            # A box's or column's printed number ("5)", "3A.") is set off a little wider.
            widen = NUMBER_WIDENING if BOX_NUMBER.fullmatch(last.text) else 1.0
            if word.x0 - last.x1 <= widen * max(gap * scale, MONOSPACE_GAP * pitch) and \
                    not rules.vertical_between(last.x1 - 0.5, word.x0 + 0.5, y):
                phrases[-1].append(word)
                continue
        phrases.append([word])
    return [Phrase(tuple(p)) for p in phrases]


def _spacing(last: Word, word: Word) -> tuple[float, float]:
    """The type size and the character pitch two neighbouring words are set in.

    A text layer's boxes span the type's height and its advances, so the smaller word's
    measure is safe.  OCR's boxes (no size) are the ink: a word without capitals or
    descenders is half its type's height, and n glyphs' ink spans about n - 0.4 advances,
    so the larger of the two words is the nearer."""
    pair = (last, word)
    if last.size is not None and word.size is not None:
        return (min(w.bottom - w.top for w in pair),
                min((w.x1 - w.x0) / max(1, len(w.text)) for w in pair))
    return (max(w.bottom - w.top for w in pair),
            OCR_PITCH_WIDENING * max((w.x1 - w.x0) / max(0.6, len(w.text) - 0.4)
                                     for w in pair))


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
