"""Form 4 layouts unlike the project's own renderer, drawn at random from seeded parameters.

``render_layout(form, seed)`` draws a born-digital PDF of ``form`` in a layout drawn from
``random.Random(seed)`` (the family first, then its fonts, sizes, wordings, borders, check marks,
number and date formats, footnote marks, page size and margins) and returns the PDF with the
:class:`LayoutSpec` drawn.  ``fill_official_form(form, seed)`` fills the SEC's own blank 2026
form in, as a filer would.

The generator does not import ``extractor.render`` or ``extractor.knowledge``: its words and
looks are its own data (words.py), so a reader is not measured against its own knowledge.

Seeds in ``DEV_SEEDS`` are for looking at and debugging on; seeds in ``EVAL_SEEDS`` are for
measuring only, never opened or tuned on.  Nothing here depends on which range a seed is in.
"""

from __future__ import annotations

from bench.layouts.spec import FAMILIES, PAGE_SIZES, LayoutSpec, draw_spec
from extractor.model import Form4

#: Seeds to look at, debug and tune on.
DEV_SEEDS = range(1000, 2000)
#: Seeds to measure generalization with: never opened, never tuned on.
EVAL_SEEDS = range(5000, 6000)


def page_size(spec: LayoutSpec) -> tuple[float, float]:
    """The spec's paper in its orientation, in points."""
    width, height = PAGE_SIZES[spec.page]
    return (height, width) if spec.landscape else (width, height)


def render_layout(form: Form4, seed: int) -> tuple[bytes, LayoutSpec]:
    """``form`` as a PDF in the layout ``seed`` draws, and that layout's spec."""
    from bench.layouts.agent import render_agent
    from bench.layouts.paper import render_paper

    spec = draw_spec(form, seed)
    draw = render_agent if spec.family.startswith("agent") else render_paper
    return draw(form, spec, page_size(spec)), spec


def fill_official_form(form: Form4, seed: int) -> bytes:
    """The SEC's official blank 2026 Form 4 filled in with ``form`` (see official.py)."""
    from bench.layouts.official import fill_official_form as fill

    return fill(form, seed)


__all__ = ["DEV_SEEDS", "EVAL_SEEDS", "FAMILIES", "LayoutSpec", "draw_spec",
           "fill_official_form", "render_layout"]
