"""Where the SEC's blank 2026 Form 4 wants each value, found on the blank by its printed labels.

The blank (``sec_blank_form4_rev03-26.pdf``, SEC 1474 (03-26)) has no AcroForm fields: it is a
printed form to type on.  :func:`places` reads it once with pdfplumber and finds every place a
filer writes by the words printed there: box 1's lines are the rules above "(Last)",
"(Street)", "(City)" and "(Country)" (the form prints the sub-labels under the lines); box 2's
issuer goes after "Symbol"; the dates under the labels of boxes 3 and 4; a check mark on the
underscores before "Director" or on the "☐" before "Check this box ..."; the table cells are
the ruled rows under the headings, each column named by its printed number ("4.") and
sub-heading ("Amount").  The only numbers here are paddings; the words looked for are the data
tables below.

Coordinates are pdfplumber's: points from the page's top-left corner, ``(x0, top, x1, bottom)``.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber

BLANK_PDF = (Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"
             / "sec_blank_form4_rev03-26.pdf")

BBox = tuple[float, float, float, float]

#: The blank's pages: the header, Table I, Table II (with "Explanation of Responses:") and the
#: signature page; the General Instructions follow.
HEADER_PAGE, TABLE_I_PAGE, TABLE_II_PAGE, SIGNATURE_PAGE = 0, 1, 2, 3
FORM_PAGES = 4

#: Printed labels of page 1 looked up by their words, by key.
HEADER_LABELS: dict[str, str] = {
    "box1": "1. Name and Address of Reporting Person*", "last": "(Last)", "first": "(First)",
    "middle": "(Middle)", "street": "(Street)", "city": "(City)", "state": "(State)",
    "zip": "(Zip/Postal Code)", "country": "(Country)",
    "box2": "2. Issuer Name and Ticker or Trading", "symbol": "Symbol",
    "box2a": "2a. Foreign Trading Symbol",
    "box3": "3. Date of Earliest Transaction Required",
    "box3_end": "to be Reported (Month/Day/Year)",
    "box4": "4. If Amendment, Date Original Filed", "box4_end": "(Month/Day/Year)",
    "box5": "5. Relationship of Reporting Person(s) to Issuer",
    "director": "Director", "officer": "Officer (give title below)", "ten": "10% Owner",
    "other": "Other (specify below)",
    "box6": "6. Individual or Joint/Group Filing", "one": "Form filed by One Reporting Person",
    "more": "Form filed by More than One Reporting Person",
    "sec16": "Check this box if no longer subject to", "10b5": "Check this box to indicate that a",
}
#: Check lines: the label whose mark (underscores or "☐") is printed just left of it.
CHECK_KEYS = ("director", "officer", "ten", "other", "one", "more", "sec16", "10b5")
#: Leaf columns of each table: (key, the heading's printed number, its sub-heading's first word
#: or None for a column without sub-headings).
TABLE_I_COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("title", "1.", None), ("date", "2.", None), ("deemed", "2A.", None),
    ("code", "3.", "Code"), ("v", "3.", "V"), ("shares", "4.", "Amount"), ("ad", "4.", "(A)"),
    ("price", "4.", "Price"), ("owned", "5.", None), ("form", "6.", None),
    ("nature", "7.", None))
TABLE_II_COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("title", "1.", None), ("conversion", "2.", None), ("date", "3.", None),
    ("deemed", "3A.", None), ("code", "4.", "Code"), ("v", "4.", "V"),
    ("acquired", "5.", "(A)"), ("disposed", "5.", "(D)"), ("exercisable", "6.", "Date"),
    ("expiration", "6.", "Expiration"), ("underlying_title", "7.", "Title"),
    ("underlying_shares", "7.", "Amount"), ("price", "8.", None), ("owned", "9.", None),
    ("form", "10.", None), ("nature", "11.", None))
EXPLANATION_LABEL = "Explanation of Responses:"
SIGNATURE_LABEL, DATE_LABEL = "**Signature of Reporting Person", "Date"
#: Paddings (points) between a written value and the rules and labels round it.
PAD, GAP = 3.0, 8.0


@dataclass(frozen=True, slots=True)
class Label:
    """A printed label: its box and the baseline of its (first) line."""

    box: BBox
    baseline: float


@dataclass(frozen=True, slots=True)
class Slot:
    """A place to write a value: its box, and the baseline its last line sits on."""

    box: BBox
    baseline: float


@dataclass(frozen=True, slots=True)
class Grid:
    """A table's ruled body: rows (top, bottom) and leaf columns (x0, x1) by key, with the
    printed heading that names each column."""

    page: int
    rows: tuple[tuple[float, float], ...]
    columns: dict[str, tuple[float, float]]
    headings: dict[str, Label]


@dataclass(frozen=True, slots=True)
class Places:
    size: tuple[float, float]
    labels: dict[str, Label]
    slots: dict[str, Slot]
    checks: dict[str, Slot]
    table_i: Grid
    table_ii: Grid
    #: The space under "Explanation of Responses:" on the Table II page.
    explanation: BBox
    signature: Slot
    signature_date: Slot


class _Page:
    """One page's words (with baselines) and its ruling segments."""

    def __init__(self, page: Any) -> None:
        height = float(page.height)
        self.words: list[dict[str, Any]] = page.extract_words(extra_attrs=["size"])
        baselines = {}
        for char in page.chars:
            baselines.setdefault((round(char["x0"], 1), round(char["top"], 1)),
                                 height - char["matrix"][5])
        for word in self.words:
            word["baseline"] = baselines.get((round(word["x0"], 1), round(word["top"], 1)),
                                             word["bottom"] - 0.2 * word["size"])
        thin = [(float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"]))
                for r in page.rects]
        self.horizontal = [(x0, (t + b) / 2, x1) for x0, t, x1, b in thin if b - t < 2]
        self.vertical = [((x0 + x1) / 2, t, b) for x0, t, x1, b in thin if x1 - x0 < 2]

    def find_all(self, phrase: str) -> list[Label]:
        parts = phrase.split()
        found = []
        for i in range(len(self.words) - len(parts) + 1):
            run = self.words[i:i + len(parts)]
            if [w["text"] for w in run] == parts and \
                    max(w["top"] for w in run) - min(w["top"] for w in run) < 2:
                found.append(Label((min(w["x0"] for w in run), min(w["top"] for w in run),
                                    max(w["x1"] for w in run), max(w["bottom"] for w in run)),
                                   run[0]["baseline"]))
        return found

    def find(self, phrase: str, below: Label | None = None) -> Label:
        """The first ``phrase`` on the page, or the first under ``below`` in its column."""
        for label in self.find_all(phrase):
            if below is None or (label.box[1] > below.box[1] and
                                 abs(label.box[0] - below.box[0]) < 2):
                return label
        raise LookupError(f"{phrase!r} is not printed on the blank")

    def rule_below(self, x: float, y: float) -> float:
        return min(r[1] for r in self.horizontal if r[0] - 0.5 <= x <= r[2] + 0.5 and r[1] > y)

    def rule_above(self, x: float, y: float) -> float:
        return max(r[1] for r in self.horizontal if r[0] - 0.5 <= x <= r[2] + 0.5 and r[1] < y)

    def rule_right(self, x: float, y: float) -> float:
        return min(r[0] for r in self.vertical if r[1] - 0.5 <= y <= r[2] + 0.5 and r[0] > x)

    def mark_before(self, label: Label) -> Label:
        """The word printed just left of ``label`` on its line (underscores or "☐")."""
        middle = (label.box[1] + label.box[3]) / 2
        line = [w for w in self.words if w["top"] < middle < w["bottom"]
                and w["x1"] <= label.box[0] + 0.5]
        word = max(line, key=lambda w: w["x1"])
        return Label((word["x0"], word["top"], word["x1"], word["bottom"]), word["baseline"])


def _header(page: _Page) -> tuple[dict[str, Label], dict[str, Slot], dict[str, Slot]]:
    labels: dict[str, Label] = {}
    for key, phrase in HEADER_LABELS.items():
        below = {"symbol": "box2", "box4_end": "box4", "box3_end": "box3"}.get(key)
        labels[key] = page.find(phrase, labels[below] if below else None)
    right1 = page.rule_right(labels["last"].box[0], labels["last"].box[1])

    def above(sub: str, x1: float, top: float, start: str | None = None) -> Slot:
        """The line a sub-label is printed under: from the sub-label's left (or ``start``'s)
        to ``x1``."""
        x0, sub_top = labels[start or sub].box[0], labels[sub].box[1]
        rule = page.rule_above(labels[sub].box[0] + 1, sub_top)
        return Slot((x0, top, x1, rule - 1), rule - PAD - 1)

    def under(key: str) -> Slot:
        """The space under a box's label, down to the box's rule."""
        label = labels[key]
        x0 = label.box[0]
        rule = page.rule_below(x0 + 1, label.box[3])
        right = page.rule_right(x0, label.box[3])
        top = label.box[3] + PAD
        return Slot((x0 + PAD, top, right - PAD, rule - 1), top + GAP + 2)

    def after(key: str) -> Slot:
        """The rest of a label's line, up to the box's right rule."""
        label = labels[key]
        right = page.rule_right(label.box[2], label.box[1])
        bottom = min(page.rule_below(label.box[2] + 2, label.box[1]), label.box[3] + 2)
        return Slot((label.box[2] + GAP, label.box[1] - 1, right - PAD, bottom), label.baseline)

    name_top = labels["box1"].box[3] + 1
    slots = {
        "name": above("last", right1 - PAD, name_top),
        "street": above("street", right1 - PAD, labels["last"].box[3] + 1, "last"),
        "city": above("city", labels["state"].box[0] - PAD, labels["street"].box[3] + 1),
        "state": above("state", labels["zip"].box[0] - PAD, labels["street"].box[3] + 1),
        "zip": above("zip", right1 - PAD, labels["street"].box[3] + 1),
        "country": above("country", right1 - PAD, labels["city"].box[3] + 1),
        "issuer": after("symbol"), "foreign_symbol": after("box2a"),
        "period": under("box3_end"), "amendment": under("box4_end"),
    }
    # the officer's title (and the "other" text) go on the long line under the check lines
    line = next(w for w in page.words if w["text"].startswith("_" * 10))
    baseline = line["baseline"] - 5
    slots["title"] = Slot((line["x0"], baseline - 10, line["x1"], baseline + 2), baseline)
    checks = {}
    for key in CHECK_KEYS:
        mark = page.mark_before(labels[key])
        checks[key] = Slot(mark.box, mark.baseline)
    return labels, slots, checks


def _spans(segments: list[tuple[float, float, float]], y: float) -> float:
    """How much of the width the horizontal segments at ``y`` cover."""
    pieces = sorted((x0, x1) for x0, at, x1 in segments if abs(at - y) < 0.6)
    covered, reach = 0.0, -1e9
    for x0, x1 in pieces:
        if x1 > reach:
            covered += x1 - max(x0, reach)
            reach = x1
    return covered


def _cluster(values: list[float], tolerance: float = 1.0) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > tolerance:
            out.append(value)
    return out


def _grid(page: _Page, number: int, columns: tuple[tuple[str, str, str | None], ...]) -> Grid:
    edges = _cluster([x for x, _, _ in page.vertical])
    width = edges[-1] - edges[0]
    ys = _cluster([y for _, y, _ in page.horizontal], 0.6)
    full = [y for y in ys if _spans(page.horizontal, y) > 0.95 * width]
    partial = [y for y in ys if full[0] < y < full[1]]
    top, body = full[0], full[1]
    heads = [w for w in page.words if top < w["top"] < body]
    first_line = min(w["top"] for w in heads)

    def column_of(x: float) -> tuple[float, float]:
        i = max(n for n, e in enumerate(edges[:-1]) if e <= x)
        return edges[i], edges[i + 1]

    numbers = {w["text"]: w for w in heads if abs(w["top"] - first_line) < 2}
    order = [n for n in dict.fromkeys(c[1] for c in columns)]
    out: dict[str, tuple[float, float]] = {}
    headings: dict[str, Label] = {}
    for key, num, sub in columns:
        head = numbers[num]
        if sub is None:
            word = head
        else:
            after = order.index(num) + 1
            end = numbers[order[after]]["x0"] if after < len(order) else edges[-1]
            word = min((w for w in heads if w["text"] == sub and w["top"] > min(partial)
                        and head["x0"] - 2 <= (w["x0"] + w["x1"]) / 2 < end),
                       key=lambda w: (w["top"], w["x0"]))
        x = word["x0"] + 1 if sub is None else (word["x0"] + word["x1"]) / 2
        out[key] = column_of(x)
        headings[key] = Label((word["x0"], word["top"], word["x1"], word["bottom"]),
                              word["baseline"])
    rows = tuple(itertools.pairwise(full[1:]))
    return Grid(number, rows, out, headings)


def _signature(page: _Page) -> tuple[Slot, Slot]:
    name = page.find(SIGNATURE_LABEL)
    date = next(d for d in page.find_all(DATE_LABEL) if d.box[0] > name.box[2])
    out = []
    for label in (name, date):
        middle = (label.box[0] + label.box[2]) / 2
        x0, y, x1 = next(r for r in page.horizontal if r[0] <= middle <= r[2]
                         and r[1] < label.box[1])
        out.append(Slot((x0, y - 22, x1, y - 0.5), y - PAD))
    return out[0], out[1]


@functools.lru_cache(maxsize=2)
def places(blank: Path = BLANK_PDF) -> Places:
    """Every place on ``blank`` a filer writes, found by the labels printed there."""
    with pdfplumber.open(blank) as pdf:
        pages = [_Page(pdf.pages[i]) for i in range(FORM_PAGES)]
        size = (float(pdf.pages[0].width), float(pdf.pages[0].height))
    labels, slots, checks = _header(pages[HEADER_PAGE])
    table_ii = pages[TABLE_II_PAGE]
    explanation = table_ii.find(EXPLANATION_LABEL)
    footer = min(w["top"] for w in table_ii.words if w["top"] > explanation.box[3])
    labels["explanation"] = explanation
    area = (explanation.box[0], explanation.box[3] + PAD, size[0] - explanation.box[0],
            footer - 2 * GAP)
    name, date = _signature(pages[SIGNATURE_PAGE])
    return Places(size, labels, slots, checks, _grid(pages[TABLE_I_PAGE], TABLE_I_PAGE,
                                                     TABLE_I_COLUMNS),
                  _grid(table_ii, TABLE_II_PAGE, TABLE_II_COLUMNS), area, name, date)
