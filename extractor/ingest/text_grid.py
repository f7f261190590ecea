"""A typed or ``pdftotext -layout`` text as pages of positioned words: a monospace grid.

Each character sits at (line, column); a word is a run of non-space characters, placed at
``column * CHAR_WIDTH`` and ``line * LINE_HEIGHT`` points, so the geometric layout core reads
typed text as it reads a PDF's text layer.  What a typist drew with characters becomes what a
PDF draws: a ``|`` is a vertical rule, a run of ``-``, ``_`` or ``=`` a horizontal one, and "[ ]",
"(X)" one check-box word.  A form feed starts a new page; SGML table tags (``<S>``, ``<C>``,
``<TABLE>``, ``<CAPTION>``) are markup, not words.
"""

from __future__ import annotations

import re

from extractor.ingest.page import Page, Rect, Word

#: Points per character and per line: a 10-point Courier grid.
CHAR_WIDTH = 6.0
LINE_HEIGHT = 12.0
#: The glyph box of a word inside its line (a capital's height, as a PDF reports it): tall
#: enough that one typed space (a character's width) is a word space, two a phrase's end.
_GLYPH = (1.5, 10.5)
#: A date written out ("Feb. 29, 2000", "February 29, 2000"): one value, so one word.
_WORDED_DATE = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, "
                r"\d{4}\b\S*")
#: A check box typed as one word, a worded date, a word run into the date typed after it
#: (a name that filled its column: "Counsel03/07/2025"), then any other run of non-space
#: characters.
_TOKEN = re.compile(r"\[\s?[xX]?\s?\]|\(\s?[xX]?\s?\)|" + _WORDED_DATE +
                    r"|[A-Za-z]+[a-z](?=\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b|" + _WORDED_DATE + r")"
                    r"|\S+")
#: A ruled line: three or more of one rule character.
_RULE_RUN = re.compile(r"-{3,}|_{3,}|={3,}")
_MARKUP = re.compile(r"</?(?:S|C|TABLE|CAPTION|FN|PAGE)>", re.IGNORECASE)
_PIPE = "|"
#: A page's foot: the form's number and the page count, furniture and no value.
_FOOTER = re.compile(r"^\s*(?:SEC\s+\d{4}\s*\([\d-]+\))?\s*(?:Page\s+\d+\s+of\s+\d+)?\s*$",
                     re.IGNORECASE)
#: Shortest vertical rule drawn for a lone "|" (points): one line's height, as a cell wall.
_MIN_RULE = LINE_HEIGHT


def text_pages(text: str) -> list[Page]:
    """``text`` as pages of words and drawn rules, one page per form feed."""
    pages = []
    for number, chunk in enumerate(text.replace("\r\n", "\n").split("\f"), start=1):
        lines = ["" if _FOOTER.match(line) else _MARKUP.sub(lambda m: " " * len(m[0]), line)
                 for line in (raw.expandtabs(8) for raw in chunk.split("\n"))]
        if not any(line.strip() for line in lines):
            continue
        words: list[Word] = []
        rects: list[Rect] = []
        for row, line in enumerate(lines):
            top = row * LINE_HEIGHT
            for run in _RULE_RUN.finditer(line):
                if run.end() - run.start() < len(line.strip()) * 0.3 and \
                        line.strip() != run[0] and not _rule_gap(line, run):
                    continue  # a dash run inside words ("--" is a value), not a rule
                middle = top + LINE_HEIGHT / 2
                rects.append(Rect(run.start() * CHAR_WIDTH, run.end() * CHAR_WIDTH,
                                  middle - 0.25, middle + 0.25))
            cleaned = _RULE_RUN.sub(lambda m: " " * len(m[0]), line) \
                if _is_rule_line(line) else line
            for column in (i for i, c in enumerate(cleaned) if c == _PIPE):
                x = column * CHAR_WIDTH + CHAR_WIDTH / 2
                rects.append(Rect(x - 0.25, x + 0.25, top, top + _MIN_RULE))
            cleaned = cleaned.replace(_PIPE, " ")
            for token in _TOKEN.finditer(cleaned):
                words.append(Word(token[0], token.start() * CHAR_WIDTH,
                                  token.end() * CHAR_WIDTH, top + _GLYPH[0], top + _GLYPH[1],
                                  number, 1.0, 10.0))
        width = max(612.0, max(len(line) for line in lines) * CHAR_WIDTH + CHAR_WIDTH)
        height = max(792.0, len(lines) * LINE_HEIGHT + LINE_HEIGHT)
        pages.append(Page(number, width, height, tuple(words), tuple(_joined(rects))))
    return pages


def _is_rule_line(line: str) -> bool:
    """A line drawn with rule characters (and walls and blanks) only."""
    return bool(line.strip()) and not re.sub(r"[-_=|+\s]", "", line)


def _rule_gap(line: str, run: re.Match[str]) -> bool:
    """A run standing apart from words on both sides: a column's underline."""
    before = line[run.start() - 1] if run.start() else " "
    after = line[run.end()] if run.end() < len(line) else " "
    return before in " |+" and after in " |+" and run.end() - run.start() >= 5


def _joined(rects: list[Rect]) -> list[Rect]:
    """Vertical walls on consecutive lines at one column as one rule, as a PDF draws it."""
    walls = sorted((r for r in rects if r.width < 1), key=lambda r: (r.x0, r.top))
    others = [r for r in rects if r.width >= 1]
    out: list[Rect] = []
    for wall in walls:
        last = out[-1] if out else None
        if last is not None and last.x0 == wall.x0 and abs(last.bottom - wall.top) < 0.5:
            out[-1] = Rect(last.x0, last.x1, last.top, wall.bottom)
        else:
            out.append(wall)
    return others + out
