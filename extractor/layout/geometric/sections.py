"""The parts of a page under the tables, each in its band: the signatures over their
caption, the footnotes after "Explanation of Responses", the remarks, and the further owners
listed under "Joint Filer Information"."""

from __future__ import annotations

from extractor.ingest.page import Word
from extractor.layout.geometric.anchors import Anchor
from extractor.layout.geometric.lines import group_lines, line_height
from extractor.layout.geometric.notes import (
    GOES_ON,
    NoteLines,
    SignatureWords,
    read_notes,
    signature_words,
    signed_below,
)
from extractor.layout.geometric.page_parts import PageParts, band_end


def read_signatures(part: PageParts) -> tuple[list[SignatureWords], set[int]]:
    """The signatures over (or under) each signature caption, and the ids of their words."""
    out: list[SignatureWords] = []
    taken: set[int] = set()
    free = [w for w in part.page.words if id(w) not in part.claimed]
    captions = sorted((a for a in part.anchors if a.key == "signature_of_reporting_person"),
                      key=lambda a: (a.top, a.x0))
    below = False  # the names typed under their captions, as the first one is
    for index, caption in enumerate(captions):
        dates = [w for w in free if w.text.strip(":").casefold() == "date" and
                 abs(w.cy - (caption.top + caption.bottom) / 2) < caption.height and
                 w.x0 > caption.x1 - 1]
        date_label = None
        if dates:
            word = min(dates, key=lambda w: w.x0)
            date_label = Anchor("signature_date", "section", (word,), 100.0)
            taken.add(id(word))
        rest = [w for w in free if id(w) not in taken]
        if below:
            found, used = signed_below(caption, rest, band_end(part, caption.top))
        else:
            found, used = signature_words(caption, date_label, rest, _ceiling(part, caption),
                                          band_end(part, caption.top))
            below = index == 0 and date_label is None and bool(found) and all(
                w.top > caption.bottom - 0.3 * caption.height for s in found for w in s.name)
        out += found
        taken |= used
    return out, taken


def signed_overleaf(previous: PageParts, page_signatures: list[SignatureWords],
                    part: PageParts, taken: set[int]) -> tuple[list[SignatureWords], set[int]]:
    """The signatures at the foot of the page before that this page's first caption signs:
    EDGAR's view lists its signers in a table a page break may cut, with the caption printed
    once under the last.  Only where this page's first signature opens the page."""
    first = page_signatures[0] if page_signatures else None
    if first is None or first.caption is None or not first.name:
        return [], set()
    head = min(w.top for w in first.name)
    if any(w.top < head - 0.5 for w in part.page.words if id(w) not in part.claimed):
        return [], set()
    caption, page = first.caption, previous.page
    h = caption.height
    free = [w for w in page.words if id(w) not in previous.claimed and id(w) not in taken]
    column = [w for w in free if w.x1 >= caption.x0 - 6 * h and w.x0 <= caption.x1 + 40 * h]
    if not column:
        return [], set()
    foot = max(w.bottom for w in column) + 0.5 * h

    def stand_in(x0: float, x1: float, text: str) -> Word:
        return Word(text, x0, x1, foot, foot + h, page.number, 1.0, None)

    caption_there = Anchor(caption.key, caption.kind, (stand_in(caption.x0, caption.x1, "**"),),
                           caption.score)
    date_there = None if first.date is None else Anchor(
        "signature_date", "section", (stand_in(first.date.x0, first.date.x1, "Date"),), 100.0)
    found, _ = signature_words(caption_there, date_there, free,
                               _ceiling(previous, caption_there))
    # Only what reads as signatures: dated, or signed "/s/" (not a table's last cell).
    kept = [s for s in found if s.date is not None or
            any(w.text.casefold().startswith("/s/") for w in s.name)]
    used = {id(w) for s in kept for w in (*s.name, *((s.date,) if s.date else ()))}
    if kept and first.date is None and kept[-1].date is not None and \
            GOES_ON.search(" ".join(w.text for w in kept[-1].name)):
        # One signature cut by the page break ("... Attorney-in-Fact for" / "Mathai Mammen"):
        # its name goes on overleaf, its date stands by its first lines.
        cut = kept.pop()
        first.name[:0] = cut.name
        first.date = cut.date
    return kept, used


def _ceiling(part: PageParts, caption: Anchor) -> float:
    """The foot of the nearest label printed above the caption across its column: a
    signature does not reach over it (the notice or the footnotes above)."""
    right = caption.x1 + 40 * caption.height
    return max((a.bottom for a in part.anchors if a is not caption and
                a.page == caption.page and a.bottom <= caption.top + 0.5 and
                a.words and a.x0 < right and a.x1 > caption.x0), default=float("-inf"))


def read_page_notes(part: PageParts, signed: set[int], running: NoteLines | None
                    ) -> tuple[list[NoteLines], bool]:
    """The page's footnotes, and whether they may run on onto the next page.

    Notes that fill a page to its foot go on at the top of the next one, above its first
    section: ``running`` is the note the previous page ended in.
    """
    starts = [a for a in part.anchors if a.key == "explanation"]
    if starts:
        start = starts[0]
        top, skip = start.top - 0.5, start
    elif running is not None:
        top, skip = -1.0, None
    else:
        return [], False
    bottom = band_end(part, top)
    words = [w for w in part.page.words if id(w) not in part.claimed and id(w) not in signed
             and w.top >= top and w.bottom <= bottom + 0.5 and
             not (skip is not None and abs(w.cy - (skip.top + skip.bottom) / 2) <
                  0.5 * skip.height and w.x0 < skip.x1)]
    # (under a heading of its own too: "Explanation of Responses (continued)")
    notes = read_notes(words, running)
    runs_on = bottom > part.page.height and bool(notes) and not any(
        a.key in ("signature_of_reporting_person", "remarks") for a in part.anchors)
    return notes, runs_on


def read_remarks(part: PageParts, signed: set[int]) -> tuple[list[Word], bool]:
    """The remarks' words, and whether they run to the page's foot (and may go on overleaf)."""
    starts = [a for a in part.anchors if a.key == "remarks"]
    if not starts:
        return [], False
    start = starts[0]
    bottom = band_end(part, start.top)
    words = [w for line in group_lines(
        [w for w in part.page.words if id(w) not in part.claimed and id(w) not in signed and
         w.top >= start.top - 0.5 and w.bottom <= bottom + 0.5 and
         (w.x0 >= start.x1 - 1 or w.top > start.bottom - 0.5)])
        for w in line]
    return words, bool(words) and bottom > part.page.height


def remarks_go_on(part: PageParts, signed: set[int]) -> list[Word]:
    """Remarks going on at the head of this page: the lines above its first section, as
    long as they follow one another (a gap of more than two lines ends them)."""
    if any(a.key == "remarks" for a in part.anchors):
        return []
    # The official form heads its continuation page "Explanation of Responses (continued)":
    # remarks that ran off the page before go on under that heading (the notes ended before
    # the remarks began), and the heading's line is the page's head, not a section.
    heading = min((a for a in part.anchors if a.key == "explanation"), default=None,
                  key=lambda a: a.top)
    head = heading.bottom if heading is not None and not any(
        a.kind in ("section", "box") and a.key != "explanation" and a.bottom <= heading.top
        for a in part.anchors) else 0.0
    top = min((a.top for a in part.anchors if a.kind in ("section", "box", "boilerplate") and
               a.top >= head - 0.5), default=part.page.height)
    lines = group_lines([w for w in part.page.words if id(w) not in part.claimed and
                         id(w) not in signed and w.top >= head - 0.5 and
                         w.bottom <= top + 0.5])
    out: list[Word] = []
    for line in lines:
        height = max(w.bottom - w.top for w in line)
        if out and min(w.top for w in line) - max(w.bottom for w in out) > 2 * height:
            break
        out.extend(line)
    return out


def boxed(part: PageParts, title: Anchor) -> bool:
    """Whether the further owners under ``title`` are printed in boxes 1 and 5 again."""
    bottom = band_end(part, title.top)
    return any(a.key == "reporting_person" and title.bottom <= a.top < bottom
               for a in part.anchors)


def read_joint_filers(part: PageParts, signed: set[int]) -> list[list[list[Word]]]:
    """The owners listed under "Joint Filer Information": each its lines (name, address,
    relationship), owners parted by a blank line."""
    out: list[list[list[Word]]] = []
    for start in (a for a in part.anchors if a.key == "joint_filers" and not boxed(part, a)):
        bottom = band_end(part, start.top)
        # Each owner's "Relationship to Issuer:" caption reads as box 5's label: keep it.
        captions = {id(w) for a in part.anchors if a.key == "relationship" and
                    start.bottom < a.top < bottom for w in a.words}
        lines = group_lines(w for w in part.page.words if (id(w) not in part.claimed or
                                                           id(w) in captions) and
                            id(w) not in signed and w.top > start.bottom - 0.5 and
                            w.bottom <= bottom + 0.5)
        previous: list[Word] | None = None
        for line in lines:
            if previous is None or min(w.top for w in line) - max(
                    w.bottom for w in previous) > 0.6 * line_height(line):
                out.append([])
            out[-1].append(line)
            previous = line
    return out
