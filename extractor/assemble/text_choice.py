"""Which reader a text is read by: the one that reads more of it with nothing to doubt.

A text of unknown shape may be a markdown dump (cells between ``|``), a typed form whose
columns line up (a legacy filing, ``pdftotext -layout``), or reading-order text.  The label
reader (:mod:`extractor.assemble.text_dump`, :mod:`extractor.assemble.legacy_ascii`) and the
grid reader (:mod:`extractor.assemble.text_grid`, the geometric layout core) both try; the
reading kept is the one with more values filled and unflagged once validated, the label
reader's on a tie, so the shapes it was written for keep their results exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extractor.assemble.text_row_checks import check_tables
from extractor.errors import Form4Error
from extractor.model import Field, Form4, map_fields
from extractor.validate import validate

#: A markdown dump: this share of its non-blank lines are ``| cell | cell |`` rows.
MARKDOWN_SHARE = 0.2
_MARKDOWN_ROW = re.compile(r"^\s*\|.*\|\s*$")
Reader = Callable[[], Form4]


#: A markdown table's delimiter row, under its header row: ``|---|:---:|``.
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$",
                            re.MULTILINE)


def is_markdown(text: str) -> bool:
    """True when the text is a markdown dump, whose cells do not line up in columns: rows
    between ``|`` and a table's delimiter row (a form typed with ``|`` walls has none)."""
    lines = [line for line in text.splitlines() if line.strip()]
    rows = sum(1 for line in lines if _MARKDOWN_ROW.match(line))
    return bool(lines) and rows / len(lines) >= MARKDOWN_SHARE and \
        bool(_DELIMITER_ROW.search(text))


def sure_values(form: Form4) -> int:
    """How many values ``form`` holds that validation leaves unflagged."""
    count = 0

    def tally(_: str, field: Field) -> Field:
        nonlocal count
        if field.value is not None and not field.needs_review:
            count += 1
        return field

    map_fields(validate(form), tally)
    return count


def best_reading(readers: list[Reader]) -> Form4:
    """The reading of the reader that reads the most sure values (the first on a tie); the
    first reader's error when none reads a form.  The readers after the first are second
    opinions: one that fails in a way no reader should is passed over, not raised."""
    best: tuple[int, Form4] | None = None
    first_error: Form4Error | None = None
    for index, read in enumerate(readers):
        try:
            # every reader's rows get the same checks on what a text cannot carry surely
            form = check_tables(read())
        except Form4Error as err:
            first_error = first_error or err
            continue
        except (ValueError, IndexError, KeyError):
            if index == 0:
                raise
            continue  # a second opinion that breaks down is no reading; the first one stands
        score = sure_values(form)
        if best is None or score > best[0]:
            best = (score, form)
    if best is None:
        assert first_error is not None
        raise first_error
    return best[1]
