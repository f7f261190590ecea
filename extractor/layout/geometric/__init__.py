"""The geometric layout core: a Form 4 read from positioned words, whatever drew the page.

Every visual input — a born-digital PDF's text layer, a scan's OCR words — reaches this stage
as :class:`~extractor.ingest.page.Page` objects.  The page's words are grouped into lines,
phrases and blocks (:mod:`.lines`); the form's printed labels are found among them as anchors
(:mod:`.anchors`, with the label sets of :mod:`.specs`); each box's words are the ones its label
governs (:mod:`.boxes`); the tables are read from their column headings (:mod:`.tables`), the
check boxes from the marks beside their labels (:mod:`.checkmarks`), and the notes and
signatures from their captions (:mod:`.notes`).  :func:`lay_out_form` returns what was found
as a :class:`~.form.FormLayout`; turning its words into typed values is the fields stage's job.
"""

from extractor.layout.geometric.form import BoxWords, FormLayout, LayoutFit
from extractor.layout.geometric.reader import lay_out_form

__all__ = ["BoxWords", "FormLayout", "LayoutFit", "lay_out_form"]
