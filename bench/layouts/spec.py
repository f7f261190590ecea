"""What a seed draws: the family of a layout and every parameter of its look.

``draw_spec(form, seed)`` is the only place randomness enters a layout: all drawing code reads
the frozen :class:`LayoutSpec` it returns.  The family is drawn first, then its parameters from
wide ranges; the filing only narrows what the form allows (a pre-2002 filing is drawn on the
pre-2002 paper form or an agent look, a filing with the Rule 10b5-1 flag on a revision that has
the box).  Nothing depends on which range (development or evaluation) the seed is in.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, fields

from extractor.model import Form4

#: The families, with how often each is drawn.
FAMILIES: dict[str, float] = {
    "paper": 3.0,        # the SEC paper form, 2002/2023 (or pre-2002) arrangement
    "paper-2026": 1.5,   # the 2026 revision: box 2a, (Country), tables on pages of their own
    "edgar-view": 1.5,   # EDGAR's HTML view printed from a browser, IR-site tables after it
    "agent-stacked": 1.5,  # filing-agent software: boxes stacked full width, value beside label
    "agent-grid": 1.5,   # filing-agent software: a two-column grid of boxes
}
#: Families that can print a pre-2002 filing (EDGAR's view and the 2026 form did not exist).
PRE_2002_FAMILIES = ("paper", "agent-stacked", "agent-grid")

PAGE_SIZES: dict[str, tuple[float, float]] = {
    "letter": (612.0, 792.0), "legal": (612.0, 1008.0), "a4": (595.28, 841.89),
}
FONTS: dict[str, tuple[str, str]] = {  # family -> (regular, bold)
    "Helvetica": ("Helvetica", "Helvetica-Bold"),
    "Times": ("Times-Roman", "Times-Bold"),
    "Courier": ("Courier", "Courier-Bold"),
}
SHARE_FORMATS = ("comma", "plain", "comma4", "comma2")
PRICE_FORMATS = ("dollar2", "dollar", "dollar_space", "plain2", "comma4", "plain")
DATE_FORMATS = ("mdY", "mdY_nopad", "mdy", "iso", "m-d-Y")
MARKERS = ("paren", "paren_space", "super_digit", "super_paren")
CHECKS = ("x", "square", "zapf_check", "zapf_cross", "bracket", "underscore")
BORDERS = ("rect", "lines", "partial", "none")
COLOURS: dict[str, tuple[float, float, float]] = {
    "black": (0.0, 0.0, 0.0), "navy": (0.0, 0.0, 0.55), "blue": (0.0, 0.0, 1.0),
    "dark": (0.15, 0.15, 0.2),
}


@dataclass(frozen=True, slots=True)
class LayoutSpec:
    """One drawn layout: the family and its parameters, printable in a report."""

    seed: int
    family: str
    #: Which printed revision the paper families follow: "pre-2002", "2002", "2023", "2026".
    revision: str
    page: str
    landscape: bool
    margin: float
    label_font: str
    value_font: str
    label_bold: bool
    label_caps: bool
    label_size: float
    value_size: float
    value_colour: str
    #: The draw that selects each label key's wording (see words.pick).
    wording: int
    numbering: str
    border: str
    values_beside: bool
    check: str
    shares_format: str
    price_format: str
    date_format: str
    marker: str
    #: The three header columns' shares of the width (paper families).
    header_split: tuple[float, float, float]
    #: Paper header in two rows of boxes instead of three columns.
    header_rows: bool
    #: Empty ruled rows the paper forms print after a table's last row.
    blank_rows: int
    #: A factor per leaf column of Table I and Table II on the form's own proportions.
    widths_i: tuple[float, ...]
    widths_ii: tuple[float, ...]
    #: Extra points of padding in table cells.
    cell_pad: float
    #: How numbers sit in their table cells: "right", "center" or "left".
    number_align: str
    #: How further reporting owners are printed: "list" (a joint filer list after the form),
    #: "repeat" (boxes 1 and 5 repeated for each owner) or "table" (a Reporting Owners table).
    owners: str
    #: The issuer line's ticker style: "[X]", "[ X ]" or on a line of its own.
    ticker: str
    #: Footnotes "(1) text", "1. text" or "1 text".
    note_style: str

    def describe(self) -> str:
        """One line for reports: every parameter as name=value."""
        return " ".join(f"{f.name}={getattr(self, f.name)}" for f in fields(self))


def _family(rng: random.Random, form: Form4) -> str:
    names = PRE_2002_FAMILIES if form.form_revision == "pre-2002" else tuple(FAMILIES)
    return rng.choices(names, weights=[FAMILIES[n] for n in names])[0]


def _revision(family: str, form: Form4, rng: random.Random) -> str:
    """The revision whose boxes the layout prints: the filing's own when it names one; a
    filing with the Rule 10b5-1 flag needs a revision that has the box, and one without it
    (filed before the box existed) a revision that has none."""
    if form.form_revision == "pre-2002":
        return "pre-2002"
    if family == "paper-2026":
        return "2026"
    if form.aff10b5_one.value is not None:
        return rng.choice(("2023", "2026")) if family != "paper" else "2023"
    return "2002"


def _widths(rng: random.Random, count: int) -> tuple[float, ...]:
    return tuple(round(rng.uniform(0.75, 1.4), 3) for _ in range(count))


def draw_spec(form: Form4, seed: int) -> LayoutSpec:
    """The layout ``seed`` draws for ``form``: the family first, then its parameters."""
    rng = random.Random(seed)
    family = _family(rng, form)
    revision = _revision(family, form, rng)
    edgar = family == "edgar-view"
    agent = family.startswith("agent")
    landscape = (rng.random() < 0.2) if edgar else (rng.random() < 0.8)
    label_size = round(rng.uniform(5.0, 8.0), 1)
    split_a, split_b = rng.uniform(0.26, 0.38), rng.uniform(0.26, 0.36)
    return LayoutSpec(
        seed=seed,
        family=family,
        revision=revision,
        page=rng.choices(tuple(PAGE_SIZES), weights=(5, 2, 3))[0],
        landscape=landscape,
        margin=round(rng.uniform(18, 54), 1),
        label_font="Helvetica" if edgar else rng.choice(tuple(FONTS)),
        value_font="Times" if edgar else rng.choice(tuple(FONTS)),
        label_bold=agent and rng.random() < 0.6,
        label_caps=agent and rng.random() < 0.5,
        label_size=label_size,
        value_size=round(rng.uniform(max(6.0, label_size), 11.0), 1),
        value_colour=rng.choice(("blue", "navy")) if edgar else
        rng.choices(tuple(COLOURS), weights=(6, 1, 1, 1))[0],
        wording=rng.randrange(1 << 16),
        numbering="{n}. " if edgar else rng.choice(
            ("{n}. ", "{n}) ", "") if not agent else ("{n}. ", "{n}) ", "", "Item {n}. ")),
        border="rect" if edgar else rng.choice(BORDERS),
        values_beside=agent and rng.random() < 0.7,
        check="x" if edgar else rng.choice(CHECKS),
        shares_format="comma" if edgar else rng.choice(SHARE_FORMATS),
        price_format="dollar_space" if edgar else rng.choice(PRICE_FORMATS),
        date_format="mdY" if edgar else rng.choice(DATE_FORMATS),
        marker="super_paren" if edgar else rng.choice(MARKERS),
        header_split=(round(split_a, 3), round(split_b, 3), round(1 - split_a - split_b, 3)),
        header_rows=family == "paper" and rng.random() < 0.3,
        blank_rows=rng.randint(0, 4) if family.startswith("paper") else 0,
        widths_i=_widths(rng, 11),
        widths_ii=_widths(rng, 16),
        cell_pad=round(rng.uniform(2.0, 4.5), 1),
        number_align="center" if edgar else rng.choice(("right", "center", "left")),
        owners="table" if edgar else rng.choice(("list", "repeat", "table")),
        ticker="[ X ]" if edgar else rng.choice(("[X]", "[ X ]", "line")),
        note_style="1." if edgar else rng.choice(("(1)", "1.", "1")),
    )
