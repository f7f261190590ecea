"""Where a value's words are among the laid lines: the words a value's text was read from.

A value's text (a table cell, a box's lines, a note) is found again, word for word, on the line
it was placed on or just after it.  Two users: the box a reviewer is shown (the value's own
words, not the whole row or line), and, on a scan, the pixels a second OCR engine reads again.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractor.knowledge import labels as K
from extractor.knowledge.labels import Column
from extractor.layout.pdf_blocks import LaidLine

#: How many laid lines after a value's first one its further lines are looked for in.
FOLLOWING_LINES = 6
#: How many laid lines after the one a value was placed on its first words are looked for in
#: (a box's value placed by its label's asterisk, "Person*", a line above it).
ANCHOR = 2

#: (index of the laid line, index of the first word in it, number of words).
Run = tuple[int, int, int]
Box = tuple[float, float, float, float]


def find_value_runs(laid: Sequence[LaidLine], start: int, raw: str, from_word: int = 0
                    ) -> list[Run] | None:
    """The words of ``raw`` (a value's text, ``\\n`` between its printed lines) on the laid
    line ``start`` or just after it, and on the lines after that, as runs of words; ``None``
    when they are not all found in order.

    ``from_word`` skips the first words of line ``start``: a table row holds the same number
    in two cells, and the second value is looked for after the first.  A line of ``raw`` may lie
    a few lines further on than the one before it (sub-labels between); a long note joined into
    one line runs on from the end of one laid line to the start of the next.
    """
    parts = [part.split() for part in raw.split("\n") if part.strip()]
    if not parts:
        return None
    runs: list[Run] = []
    index = start
    for part in parts:
        found = next((found for offset in range(FOLLOWING_LINES + 1 if runs else ANCHOR + 1)
                      if index + offset < len(laid)
                      and (found := _runs_from(laid, index + offset, part,
                                               from_word if not runs and not offset else 0))),
                     None)
        if found is None:
            return None
        runs += found
        index = found[-1][0]
    return runs


def runs_box(laid: Sequence[LaidLine], runs: Sequence[Run]) -> Box | None:
    """The box round the words of ``runs``; ``None`` when they lie on more than one page."""
    words = [w for i, first, count in runs for w in laid[i].words[first:first + count]]
    if not words or any(word.page != words[0].page for word in words):
        return None
    return (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words),
            max(w.bottom for w in words))


def _runs_from(laid: Sequence[LaidLine], line: int, tokens: list[str], from_word: int
               ) -> list[Run] | None:
    """Where ``tokens`` are, as runs: wholly on ``line`` (from its word ``from_word`` on), or
    from a word of it to its end and on at the start of the lines after."""
    words = _texts(laid[line])
    for first in range(from_word, len(words)):
        count = min(len(tokens), len(words) - first)
        if words[first:first + count] != tokens[:count]:
            continue
        runs, done, after = [(line, first, count)], count, line + 1
        while done < len(tokens) and after < len(laid) and after <= line + FOLLOWING_LINES:
            more = _texts(laid[after])
            count = min(len(tokens) - done, len(more))
            if not count or more[:count] != tokens[done:done + count]:
                break
            runs.append((after, 0, count))
            done, after = done + count, after + 1
        if done == len(tokens):
            return runs
    return None


def _texts(line: LaidLine) -> list[str]:
    return [w.text.replace("|", "/") for w in line.words]  # as the layout writes a cell


def _printed_order(columns: Sequence[Column]) -> dict[str, int]:
    """Each row field's place in a table as printed, left to right.  The (A)/(D) code, which
    Table II prints as the sub-column its number stands in, goes with the number."""
    order: dict[str, int] = {}
    for column in columns:
        for name in column.fields:
            order.setdefault(name, len(order))
            if name == "transaction_shares":
                order.setdefault("transaction_acquired_disposed_code", len(order))
    return order


#: Row fields in the order a table prints them (the model's order differs: Table II's price).
_ROW_ORDER = {"non_derivative_table": _printed_order(K.TABLE1_2002),
              "derivative_table": _printed_order(K.TABLE2_2002)}


def value_boxes(laid: Sequence[LaidLine], placed: Sequence[tuple[str, int, str]]
                ) -> dict[str, Box]:
    """The box of each value's own words, by its path, for values ``(path, line, text)``
    placed on laid lines; a value whose words are not found, or could be either of two like
    runs on its line, has none (its line's box stands).

    The values of one line are looked for left to right in the order the form prints them
    (a table row's cells), each after the one before: a row holds the same number in two
    cells ("560,000" acquired, and underlying), and each value's box is its own cell's.
    """
    def printed(item: tuple[int, tuple[str, int, str]]) -> tuple[int, int, int]:
        seq, (path, line, _) = item
        table, _, name = path.partition("[")
        order = _ROW_ORDER.get(table, {})  # other values in the order they are visited
        return line, order.get(name.rsplit(".", 1)[-1], len(order)), seq

    boxes: dict[str, Box] = {}
    next_word: dict[int, int] = {}
    texts = {path: text for path, _, text in placed}
    for _, (path, line, text) in sorted(enumerate(placed), key=printed):
        row, _, name = path.rpartition(".")
        shares = f"{row}.transaction_shares"
        if name == "transaction_acquired_disposed_code" and texts.get(shares) == text:
            # Table II prints (A) or (D) as the sub-column its number stands in: the code was
            # read from the number's cell.
            if shares in boxes:
                boxes[path] = boxes[shares]
            continue
        runs = find_value_runs(laid, line, text, next_word.get(line, 0))
        if runs is None and (runs := find_value_runs(laid, line, text)) is not None:
            # Found only before the values already placed on the line: it must be the one
            # such run there, or which cell it is is not known.
            _, first, _ = runs[0]
            again = find_value_runs(laid, line, text, first + 1)
            if again is not None and again[0][0] == line:
                continue
        box = runs_box(laid, runs) if runs else None
        if runs is None or box is None:
            continue
        boxes[path] = box
        if runs[0][0] == line:
            next_word[line] = runs[0][1] + runs[0][2]
    return boxes
