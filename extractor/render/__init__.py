"""Render a Form4 as a PDF that looks like the paper SEC Form 4."""

from extractor.render.pdf import render_pdf
from extractor.render.style import ALTERNATE_STYLE, DEFAULT_STYLE, IR_SITE_STYLE, RenderStyle

__all__ = ["ALTERNATE_STYLE", "DEFAULT_STYLE", "IR_SITE_STYLE", "RenderStyle", "render_pdf"]
