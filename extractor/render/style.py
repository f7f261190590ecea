"""How a rendered Form 4 looks: fonts, sizes, margins, page size, column widths.

Geometry everywhere else is derived from a :class:`RenderStyle`, so a second, differently laid
out style (other font, margins, widths, page size) is one object, not a fork of the code.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, LEGAL, LETTER, landscape

PAGE_SIZES = {"letter": landscape(LETTER), "legal": landscape(LEGAL), "a4": landscape(A4)}

#: Relative widths of the leaf columns of Table I and Table II (2002 layout, left to right).
TABLE1_WIDTHS = (150, 54, 54, 24, 14, 60, 30, 52, 86, 48, 86)
TABLE2_WIDTHS = (92, 44, 46, 46, 22, 12, 40, 40, 46, 46, 70, 50, 40, 58, 38, 60)
#: The pre-2002 layout: no deemed execution date; Table II has one amount and an A/D column.
TABLE1_WIDTHS_PRE_2002 = (170, 58, 26, 14, 64, 30, 56, 92, 50, 96)
TABLE2_WIDTHS_PRE_2002 = (100, 46, 48, 24, 12, 48, 26, 48, 48, 74, 52, 42, 62, 40, 62)


@dataclass(frozen=True, slots=True)
class RenderStyle:
    """Everything about a rendering that is not the filing itself."""

    font: str = "Helvetica"
    bold_font: str = "Helvetica-Bold"
    #: Size of values; labels are ``label_scale`` of it.
    value_size: float = 7.5
    label_scale: float = 0.8
    margin: float = 24.0
    page: str = "letter"
    #: Extra vertical room in the boxes area (1.0 = as designed).
    box_height_scale: float = 1.0
    line_width: float = 0.6
    #: Investor-relations pages print EDGAR's view: a "Reporting Owners" table for every
    #: filing and the signatures as a "Signatures" table.
    ir_site: bool = False
    #: Scale of the tables' relative column widths (1.0 = the designed proportions).
    first_column_scale: float = 1.0

    @property
    def page_size(self) -> tuple[float, float]:
        return PAGE_SIZES[self.page]

    @property
    def label_size(self) -> float:
        return round(self.value_size * self.label_scale, 2)

    @property
    def content_width(self) -> float:
        return self.page_size[0] - 2 * self.margin


DEFAULT_STYLE = RenderStyle()
#: A second look: serif font, wider margins, legal paper - for proving readers are not tied to
#: one layout.
ALTERNATE_STYLE = RenderStyle(font="Times-Roman", bold_font="Times-Bold", value_size=8.5,
                              margin=40.0, page="legal", box_height_scale=1.15)
#: The investor-relations look: A4, narrower title column, the owners and signatures tables.
IR_SITE_STYLE = RenderStyle(font="Helvetica", bold_font="Helvetica-Bold", value_size=7.0,
                            margin=30.0, page="a4", ir_site=True, first_column_scale=0.8)
