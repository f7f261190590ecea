"""``form4 review``: a local web app where a reviewer checks each doubtful value on its page
image, with every decision kept in SQLite and exported back into the results.

Modules: :mod:`~extractor.review.store` (the database), :mod:`~extractor.review.intake` (the
directory's inputs and results, page images), :mod:`~extractor.review.corrections` (typed input
checked like the field), :mod:`~extractor.review.app` (the Flask app),
:mod:`~extractor.review.export` and :mod:`~extractor.review.label_studio` (results out and
annotations in), :mod:`~extractor.review.commands` (the CLI group).
"""
