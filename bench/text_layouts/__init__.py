"""Text documents of any shape for measuring the text readers (issue 17), seeded.

* ``typed.typed_form(form, seed)``: the form typed out as a legacy EDGAR filing in a drawn
  filing agent's layout (``typed-pipe``, ``typed-dashes``, ``typed-spaces``);
* ``markdown.markdown_form(form, seed)``: another PDF-to-markdown converter's output
  (``md-drop-empty``, ``md-merge``, ``md-split``, ``md-broken``);
* ``pdf_markdown.pdf_markdown_form(form, seed)``: a bench/layouts page converted to markdown as
  PDF-to-markdown tools do, seed-like (``md-pdfgrid``; ``md-html``: HTML tables, kept or flat);
* ``pdftext.pdftotext(pdf, layout)``: poppler's plain or ``-layout`` text of a PDF;
* ``envelope.wrap_submission``: a document in EDGAR's submission shapes.

bench/make_corpus.py draws seeds from bench/layouts' ``DEV_SEEDS`` (to look at and tune on)
and ``EVAL_SEEDS`` (to measure with only); ``corpus.add_texts`` writes the documents.
"""
