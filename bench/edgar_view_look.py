"""How a printed EDGAR view of a Form 4 looks: which XSL era, fonts, scale, paper, margins.

:mod:`bench.edgar_view` writes the page; a :class:`Look` says how it is dressed.  The plain look
(:func:`plain_look`) is EDGAR's own page for that filing, printed by Chromium with its defaults.
:func:`draw_look` draws what real printouts vary in: the XSL version the view was made with
(2003-2023, the 2023 Rule 10b5-1 box, the 2026 box 2a / country layout), the stylesheet's fonts
kept or replaced (browser default serif, Arial, Times), text one size step smaller or larger,
the print scale, Letter or A4 paper, portrait or landscape, margins, the browser's header and
footer (date, title, address, page numbers), black instead of coloured values and an extra
"Reporting Owners" table as the older "Ownership Submission" rendering printed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import random
from dataclasses import dataclass

from extractor.model import Form4

#: The XSL eras: "2003" (X0203-X0306 schemas, until April 2023), "2023" (the Rule 10b5-1 check
#: box), "2026" (SEC 1474 (03-26): box 2a, a country line, state names spelled out).
ERAS = ("2003", "2023", "2026")
FONTS = ("edgar", "default", "arial", "times")
#: Expiry dates the OMB box of older views printed ("Expires:"); the later views dropped it.
OMB_EXPIRIES = ("January 31, 2005", "January 31, 2008", "February 28, 2011",
                "November 30, 2011", "December 31, 2014")
_SIZES = ("xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large")
_FAMILIES = {"data": "Times, serif", "text": "arial, helvetica, sans-serif",
             "helv": "helvetica"}
_BLUE = "color: blue; background-color: white;"
#: EDGAR's stylesheet: class, font size, font family, other declarations.
_CLASSES = (
    ("FormData", "small", "data", _BLUE),
    ("FormDataC", "small", "data", _BLUE + " text-align: center;"),
    ("FormDataR", "small", "data", _BLUE + " text-align: right;"),
    ("SmallFormData", "x-small", "data", _BLUE),
    ("FootnoteData", "x-small", "data", "color: green; background-color: white;"),
    ("FormNumText", "small", "text", "font-weight: bold;"),
    ("FormAttention", "medium", "helv", "font-weight: bold;"),
    ("FormText", "small", "text", "font-weight: normal; text-align: left;"),
    ("FormTextR", "small", "text", "font-weight: normal; text-align: right;"),
    ("FormTextC", "small", "text", "font-weight: normal; text-align: center;"),
    ("FormEMText", "medium", "text", "font-style: italic; font-weight: normal;"),
    ("FormULText", "medium", "text", "text-decoration: underline; font-weight: normal;"),
    ("SmallFormText", "xx-small", "text", "text-align: left;"),
    ("SmallFormTextR", "xx-small", "text", "text-align: right;"),
    ("SmallFormTextC", "xx-small", "text", "text-align: center;"),
    ("MedSmallFormText", "x-small", "text", "text-align: left;"),
    ("FormTitle", "medium", "text", "font-weight: bold;"),
    ("FormTitle1", "small", "text", "font-weight: bold; border-top: black thick solid;"),
    ("FormTitle2", "small", "text", "font-weight: bold;"),
    ("FormTitle3", "small", "text", "font-weight: bold; padding-top: 2em; padding-bottom: 1em;"),
    ("SectionTitle", "small", "text", "text-align: left; font-weight: bold; "
     "border-top: gray thin solid; border-bottom: gray thin solid;"),
    ("FormName", "large", "text", "font-weight: bold;"),
)


@dataclass(frozen=True, slots=True)
class Look:
    """Everything about a printed view that is not the filing's data."""

    era: str = "2026"
    #: The OMB box's "Expires:" line (2003-era views only), or None.
    omb_expires: str | None = None
    #: "edgar": the stylesheet's own fonts; "default": its font families dropped (the browser's
    #: default serif); "arial" / "times": every text in that family.
    font: str = "edgar"
    #: Every text one keyword size smaller (-1) or larger (+1) than the stylesheet says.
    size_step: int = 0
    #: The print scale (CSS zoom of the body).
    zoom: float = 1.0
    #: "letter", "A4" or None: no ``@page`` rule, Chromium's default (Letter, ~0.4 in margins).
    paper: str | None = None
    landscape: bool = False
    margin_in: float | None = None
    #: The browser's header and footer: print date/time and title on top, the page's address
    #: and "page/pages" below.
    header_footer: bool = False
    printed_at: str = ""
    url: str = ""
    #: Values in black instead of EDGAR's blue and green.
    black_text: bool = False
    #: Add the "Reporting Owners" table (name / address and relationship columns) after Table II.
    owners_table: bool = False


def filing_era(form: Form4) -> str:
    """The era of XSL EDGAR shows this filing with, from its dates and schema features."""
    day = form.period_of_report.value or next(
        (s.signature_date.value for s in form.signatures if s.signature_date.value), None)
    era = "2026" if day and day >= dt.date(2026, 3, 1) else (
        "2023" if day and day >= dt.date(2023, 4, 1) else "2003")
    if era == "2003" and (form.aff10b5_one.value is not None):
        era = "2023"  # aff10b5One exists from the X0407 schema on; its box came with it
    return era


def plain_look(form: Form4) -> Look:
    """EDGAR's own view of the filing, printed with Chromium's defaults."""
    return Look(era=filing_era(form))


def cik(text: str) -> str:
    """A stable made-up CIK for the EDGAR links (the model holds no CIKs)."""
    return f"{int(hashlib.sha1(text.encode()).hexdigest(), 16) % 9_000_000 + 1_000_000:010d}"


def draw_look(form: Form4, rng: random.Random) -> Look:
    """A seeded variation of how the filing's view was printed."""
    era = filing_era(form) if rng.random() < 0.6 else rng.choice(ERAS)
    if form.aff10b5_one.value and era == "2003":
        era = "2023"  # a checked 10b5-1 box needs a view that has it
    paper = rng.choice((None, None, "letter", "letter", "A4"))
    header_footer = rng.random() < 0.35
    margin = rng.choice((0.25, 0.4, 0.5, 0.75, 1.0)) if paper else None
    if header_footer and paper is None:
        paper, margin = "letter", 0.4
    day = form.period_of_report.value or dt.date(2024, 1, 2)
    printed = day + dt.timedelta(days=rng.randint(2, 900))
    hour, minute = rng.randint(1, 12), rng.randint(0, 59)
    printed_at = (f"{printed.month}/{printed.day}/{printed.year % 100:02d}, "
                  f"{hour}:{minute:02d} {rng.choice(('AM', 'PM'))}")
    issuer = form.issuer.issuer_name.value or ""
    agent = rng.choice((1209191, 1127602, 1610717, 921895, 899243, 1225208))
    accession = f"{agent:010d}{day.year % 100:02d}{rng.randint(0, 99999):06d}"
    xsl = {"2003": "xslF345X03", "2023": "xslF345X04", "2026": "xslF345X06"}[era]
    url = (f"https://www.sec.gov/Archives/edgar/data/{int(cik(issuer))}/{accession}/{xsl}/"
           f"{rng.choice(('wf-form4', 'wk-form4', 'form4', 'doc4'))}_"
           f"{rng.randint(10**14, 10**15 - 1)}.xml")
    return dataclasses.replace(
        Look(), era=era,
        omb_expires=rng.choice(OMB_EXPIRIES) if era == "2003" and rng.random() < 0.4 else None,
        font=rng.choice(FONTS), size_step=rng.choice((-1, 0, 0, 0, 1)),
        zoom=rng.choice((0.75, 0.85, 0.9, 1.0, 1.0, 1.0, 1.1, 1.2)), paper=paper,
        landscape=paper is not None and rng.random() < 0.2, margin_in=margin,
        header_footer=header_footer, printed_at=printed_at, url=url,
        black_text=rng.random() < 0.15, owners_table=rng.random() < 0.3)


def _css_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def stylesheet(look: Look, title: str) -> str:
    """The page's CSS: EDGAR's classes as the look dresses them, then paper and scale."""
    lines = []
    for name, size, family, extra in _CLASSES:
        index = min(max(_SIZES.index(size) + look.size_step, 0), len(_SIZES) - 1)
        chosen = {"edgar": _FAMILIES[family], "default": None, "arial": _FAMILIES["text"],
                  "times": _FAMILIES["data"]}[look.font]
        font = f" font-family: {chosen};" if chosen else ""
        lines.append(f".{name} {{{extra} font-size: {_SIZES[index]};{font}}}")
    lines.append(".CheckBox {text-align: center; width: 5px; padding: 0 3px 0 3px; "
                 "border-width: thin; border-style: solid; border-color: black;}")
    lines.append("body {background: white;" + (f" zoom: {look.zoom:g};" if look.zoom != 1 else "")
                 + "}")
    if look.font in ("arial", "times"):
        family = _FAMILIES["text" if look.font == "arial" else "data"]
        lines.append(f"body, a, td, th {{font-family: {family};}}")
    if look.black_text:
        lines.append("* {color: black !important;}")
    if look.paper or look.margin_in is not None:
        size = f"{look.paper or 'letter'}{' landscape' if look.landscape else ''}"
        page = [f"size: {size};"]
        if look.margin_in is not None:
            page.append(f"margin: {look.margin_in:g}in;")
        if look.header_footer:
            box = "font-family: sans-serif; font-size: 8pt; color: black;"
            page += [f"@top-left {{content: {_css_text(look.printed_at)}; {box}}}",
                     f"@top-center {{content: {_css_text(title)}; {box}}}",
                     f"@bottom-left {{content: {_css_text(look.url)}; {box}}}",
                     f'@bottom-right {{content: counter(page) "/" counter(pages); {box}}}']
        lines.append("@page {" + " ".join(page) + "}")
    return "\n".join(lines)


__all__ = ["ERAS", "FONTS", "Look", "cik", "draw_look", "filing_era", "plain_look",
           "stylesheet"]
