"""Form 4s as PDF-to-markdown tools write them from *another* renderer's page (seeded).

The form is drawn by bench/layouts (``render_layout``), its characters and ruling lines read
back with pdfplumber, and the page converted the way such tools convert it
(:class:`PdfMarkdownSpec`):

* ruled regions become tables whose cells are the grid of the ruling lines: either each band's
  own cells (a spanned cell padded with empty ones) or the region's global column grid, which
  cuts box labels at other rows' column edges ("| (Print or Typ | e Responses |");
* a cell's text lines are run together (by a space or ``<br>``), several boxes' labels and values
  in one cell; a band's lines may be split over two markdown rows;
* characters of label words straddling a cell edge are dropped ("MB Number", "stimated");
* unruled text is written as paragraphs, or as a table of its text columns (boxes side by side);
* ``md-html``: the tables as HTML ``<table>`` markup, kept or flattened to one line per row.

Only label characters are ever clipped and value words are never cut: every value the page
printed is still in the text, whole, in one cell.  A check mark drawn as a shape, not a
character, is lost, as such tools lose it.
"""

from __future__ import annotations

import io
import random
import re
from dataclasses import dataclass

from bench.layouts import render_layout
from extractor.model import Field, Form4, iter_fields

FAMILIES = ("pdfgrid", "html")
#: Ruling lines shorter than this (points) are check boxes or underlines, not cell edges.
_MIN_RULE = 14.0
_SNAP = 2.0


@dataclass(frozen=True, slots=True)
class PdfMarkdownSpec:
    """A converter's habits, drawn from a seed."""

    convention: str  # "pdfgrid" or "html"
    grid: str  # "global": the region's column grid; "spans": each band's own cells
    join: str  # what runs a cell's lines together
    clip: float  # chance a label character straddling a cell edge is dropped
    split_rows: float  # chance a band of several lines is written as two markdown rows
    pad: int  # empty cells a converter appends to every row
    columns: bool  # unruled text written as a table of its text columns
    html: str  # "tags" (markup kept) or "flat" (tags stripped, one line per row)

    @property
    def family(self) -> str:
        return f"md-{self.convention}"


def draw_pdf_markdown_spec(seed: int) -> PdfMarkdownSpec:
    rng = random.Random(f"pdf-markdown:{seed}")
    return PdfMarkdownSpec(rng.choice(FAMILIES), rng.choice(("global", "spans")),
                           rng.choice((" ", " ", "<br>")), rng.uniform(0.2, 0.7),
                           rng.uniform(0.0, 0.5), rng.choice((0, 0, 1, 3)), rng.random() < 0.8,
                           rng.choice(("tags", "tags", "flat")))


@dataclass(frozen=True, slots=True)
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    size: float
    label: bool  # part of a printed label word, not of a value
    word: int  # which word of the page it belongs to


def _value_tokens(form: Form4) -> set[str]:
    """The words of the filing's own texts: never clipped."""
    out: set[str] = set()
    for _path, field in iter_fields(form):
        if isinstance(field, Field) and isinstance(field.value, str):
            out.update(t.lower().strip(".,;:()[]") for t in field.value.split())
    return out


def _chars(page: object, values: set[str]) -> list[_Char]:
    out = []
    words = page.extract_words(return_chars=True)  # type: ignore[attr-defined]
    for index, word in enumerate(words):
        token = word["text"].lower().strip(".,;:()[]")
        label = not any(c.isdigit() for c in token) and token not in values and len(token) > 2
        out += [_Char(c["text"], c["x0"], c["x1"], c["top"], c["size"], label, index)
                for c in word["chars"]]
    return out


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SNAP:
            out.append(v)
    return out


@dataclass
class _Region:
    """A connected set of ruling lines: its bounding box, column and row edges."""

    x0: float
    top: float
    x1: float
    bottom: float
    cols: list[float]
    rows: list[float]
    verticals: list[tuple[float, float, float]]  # x, top, bottom

    def holds(self, c: _Char) -> bool:
        mid = c.top + c.size / 2
        return self.x0 <= (c.x0 + c.x1) / 2 <= self.x1 and self.top <= mid <= self.bottom


def _regions(page: object) -> list[_Region]:
    edges = [e for e in page.edges  # type: ignore[attr-defined]
             if max(e["x1"] - e["x0"], e["bottom"] - e["top"]) >= _MIN_RULE]
    boxes = [[e["x0"], e["top"], e["x1"], e["bottom"]] for e in edges]
    groups: list[list[int]] = []
    seen: set[int] = set()
    for start in range(len(boxes)):
        if start in seen:
            continue
        stack, group = [start], []
        seen.add(start)
        while stack:
            i = stack.pop()
            group.append(i)
            a = boxes[i]
            for j, b in enumerate(boxes):
                if j not in seen and a[0] - 3 <= b[2] and b[0] <= a[2] + 3 \
                        and a[1] - 3 <= b[3] and b[1] <= a[3] + 3:
                    seen.add(j)
                    stack.append(j)
        groups.append(group)
    out = []
    for group in groups:
        hs = [edges[i] for i in group if edges[i]["orientation"] == "h"]
        vs = [edges[i] for i in group if edges[i]["orientation"] == "v"]
        if len(hs) < 2 or len(vs) < 2:
            continue
        x0, x1 = min(e["x0"] for e in hs), max(e["x1"] for e in hs)
        top, bottom = min(e["top"] for e in hs), max(e["top"] for e in hs)
        out.append(_Region(x0, top, x1, bottom, _snap([x0, x1, *(e["x0"] for e in vs)]),
                           _snap([e["top"] for e in hs]),
                           [(e["x0"], e["top"], e["bottom"]) for e in vs]))
    return out


def _lines(chars: list[_Char]) -> list[list[_Char]]:
    out: list[list[_Char]] = []
    for c in sorted(chars, key=lambda c: (c.top, c.x0)):
        if out and abs(out[-1][0].top - c.top) < max(2.0, c.size * 0.4):
            out[-1].append(c)
        else:
            out.append([c])
    return [sorted(line, key=lambda c: c.x0) for line in out]


def _text(chars: list[_Char]) -> str:
    """Characters of one line as words."""
    out = ""
    for prev, c in zip([None, *chars], chars, strict=False):
        if prev is not None and c.word != prev.word:
            out += " "
        out += c.text
    return " ".join(out.split())


def _cell_text(chars: list[_Char], spec: PdfMarkdownSpec) -> list[str]:
    return [t for t in (_text(line) for line in _lines(chars)) if t]


def _band_cells(region: _Region, top: float, bottom: float, chars: list[_Char],
                spec: PdfMarkdownSpec, rng: random.Random) -> list[list[str]]:
    """One band's cells (each a list of text lines), as many as the region has columns."""
    mid = (top + bottom) / 2
    if spec.grid == "spans":
        edges = _snap([region.x0, region.x1, *(x for x, t, b in region.verticals
                                              if t - 1 <= mid <= b + 1)])
    else:
        edges = region.cols
    cells: list[list[_Char]] = [[] for _ in range(len(edges) - 1)]
    for c in chars:
        # Value characters go where their word starts, label characters where they stand.
        x = (c.x0 + c.x1) / 2
        at = max(0, min(len(cells) - 1, sum(1 for e in edges[1:-1] if e <= x)))
        inner = edges[at] + 0.5 < c.x0 and c.x1 < edges[at + 1] - 0.5
        if c.label and not inner and rng.random() < spec.clip:
            continue
        cells[at].append(c)
    texts = [_cell_text(cs, spec) for cs in cells]
    if spec.grid == "spans":  # a spanned cell and the empty cells it covers
        out: list[list[str]] = []
        for index, text in enumerate(texts):
            covered = sum(1 for col in region.cols if edges[index] + _SNAP < col
                          < edges[index + 1] - _SNAP)
            out += [text, *([[]] * covered)]
        return out
    return texts


def _value_chars(chars: list[_Char]) -> list[_Char]:
    """Value words kept whole: each value character moved to its word's first position."""
    out: list[_Char] = []
    for line in _lines(chars):
        start: _Char | None = None
        for prev, c in zip([None, *line], line, strict=False):
            if prev is None or c.word != prev.word:
                start = c
            assert start is not None
            if c.label:
                out.append(c)
            else:
                width = c.x1 - c.x0
                out.append(_Char(c.text, start.x0 + 0.6 + (c.x0 - start.x0) * 1e-3,
                                 start.x0 + 0.6 + (c.x0 - start.x0) * 1e-3 + min(width, 0.1),
                                 c.top, c.size, False, c.word))
    return out


def _region_rows(region: _Region, chars: list[_Char], spec: PdfMarkdownSpec,
                 rng: random.Random) -> list[list[str]]:
    rows: list[list[str]] = []
    placed = _value_chars(chars) if spec.grid == "global" else chars
    for top, bottom in zip(region.rows, region.rows[1:], strict=False):
        band = [c for c in placed if top <= c.top + c.size / 2 < bottom]
        if not band:
            continue
        cells = _band_cells(region, top, bottom, band, spec, rng)
        if max(len(c) for c in cells) > 1 and rng.random() < spec.split_rows:
            rows.append([c[0] if c else "" for c in cells])
            rows.append([spec.join.join(c[1:]) for c in cells])
        else:
            rows.append([spec.join.join(c) for c in cells])
    return [r + [""] * spec.pad for r in rows if any(r)]


def _text_columns(lines: list[list[_Char]]) -> list[list[str]] | None:
    """A block of unruled lines as a table of its text columns, or ``None`` for one column."""
    spans = sorted((c.x0, c.x1) for line in lines for c in line)
    gaps: list[float] = []
    reach = spans[0][1]
    for x0, x1 in spans:
        if x0 - reach > 18:
            gaps.append((x0 + reach) / 2)
        reach = max(reach, x1)
    if not gaps:
        return None
    out = []
    for line in lines:
        cells: list[list[_Char]] = [[] for _ in range(len(gaps) + 1)]
        for c in line:
            cells[sum(1 for g in gaps if g < c.x0)].append(c)
        out.append([_text(cs) for cs in cells])
    return out


def _md_table(rows: list[list[str]]) -> list[str]:
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(c.replace("|", "/") for c in r) + " |" for r in rows]
    return ["", lines[0], "|" + "---|" * width, *lines[1:], ""]


def _html_table(rows: list[list[str]], spec: PdfMarkdownSpec) -> list[str]:
    if spec.html == "flat":
        return ["", *(" ".join(c for c in r if c) for r in rows if any(r)), ""]
    cells = lambda r: "".join(f"<td>{c}</td>" for c in r)  # noqa: E731
    return ["", "<table>", *(f"<tr>{cells(r)}</tr>" for r in rows), "</table>", ""]


def _page_markdown(page: object, values: set[str], spec: PdfMarkdownSpec,
                   rng: random.Random) -> list[str]:
    chars = _chars(page, values)
    regions = _regions(page)
    blocks: list[tuple[float, list[str]]] = []
    free = [c for c in chars if not any(r.holds(c) for r in regions)]
    for region in regions:
        inside = [c for c in chars if region.holds(c)]
        rows = _region_rows(region, inside, spec, rng)
        if rows:
            table = _html_table(rows, spec) if spec.convention == "html" else _md_table(rows)
            blocks.append((region.top, table))
    block: list[list[_Char]] = []
    for line in [*_lines(free), []]:
        if block and (not line or line[0].top - block[-1][0].top > 2.2 * line[0].size):
            columns = _text_columns(block) if spec.columns else None
            if columns and len(columns) > 1:
                table = (_html_table(columns, spec) if spec.convention == "html"
                         else _md_table(columns))
                blocks.append((block[0][0].top, table))
            else:
                blocks.append((block[0][0].top, [_text(b) for b in block] + [""]))
            block = []
        if line:
            block.append(line)
    return [text for _, lines in sorted(blocks, key=lambda b: b[0]) for text in lines]


def pdf_markdown_form(form: Form4, seed: int) -> tuple[str, PdfMarkdownSpec]:
    """``form`` drawn in the bench layout of ``seed`` and converted to markdown."""
    import pdfplumber

    spec = draw_pdf_markdown_spec(seed)
    rng = random.Random(f"pdf-markdown-cells:{seed}")
    pdf, _ = render_layout(form, seed)
    values = _value_tokens(form)
    out: list[str] = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            out += _page_markdown(page, values, spec, rng)
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n", spec
