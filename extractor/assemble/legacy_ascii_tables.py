"""Tables I and II of a legacy EDGAR text filing: the typed-out `|` grids, row by row.

Columns come from :mod:`extractor.layout.ascii_table`; each cell is read by the parser of the
column it sits in (the form's knowledge orders the columns per revision).
"""

from __future__ import annotations

import dataclasses
import re

from extractor.fields.amounts import split_paired_amount
from extractor.fields.cells import CELL_PARSERS
from extractor.fields.table_rows import Row, leaf_columns, parse_row_words
from extractor.knowledge import labels as K
from extractor.layout.ascii_table import AsciiRow, AsciiTable, parse_ascii_tables
from extractor.layout.fuzzy import find_label
from extractor.model import DerivativeRow, Field, NonDerivativeRow, Provenance, ReviewItem

SOURCE = "legacy-ascii"
CLEAN = 0.95  # typed text: the characters are exact, only their reading can be wrong
GLUED = 0.9  # a cell whose word was cut at a column edge and glued back together
_PLACEHOLDER = re.compile(r"^(?:-+|n/?a|none)$", re.IGNORECASE)


def _f(value: object, raw: str | None, confidence: float = CLEAN,
       reason: str | None = None) -> Field:
    return Field(value, confidence if value is not None else 0.0,
                 Provenance(SOURCE, raw_text=raw), (), reason)


def _which_table(table: AsciiTable, revision: K.FormRevision) -> str | None:
    """"table1" or "table2": by the typed title, else by the number of columns."""
    scores = {t.key: m.score for t in K.LEGACY_TABLE_TITLES
              if (m := find_label(table.caption, t.text, min_score=75))}
    if scores:
        return max(scores, key=scores.__getitem__)
    widths = {"table1": len(leaf_columns(revision.table1)),
              "table2": len(leaf_columns(revision.table2))}
    return next((key for key, width in widths.items() if width == len(table.columns)), None)


def read_typed_tables(body: str, revision: K.FormRevision) -> tuple[
        tuple[NonDerivativeRow, ...], tuple[DerivativeRow, ...], list[ReviewItem]]:
    """Table I and II rows of a typed form, and review items for rows that would not read."""
    review: list[ReviewItem] = []
    rows: dict[str, list[Row]] = {"table1": [], "table2": []}
    for table in parse_ascii_tables(body):
        key = _which_table(table, revision)
        if key is None:
            if table.rows:
                review.append(ReviewItem("non_derivative_table",
                                         "a typed table is neither Table I nor II: "
                                         f"{table.caption[:60]!r}"))
            continue
        columns = revision.table2 if key == "table2" else revision.table1
        path = "derivative_table" if key == "table2" else "non_derivative_table"
        width = len(leaf_columns(columns))
        for row in table.rows:
            raw = "\n".join(row.lines)
            if len(row.cells) in (width, width - 1):  # the last column may be left off
                rows[key].append(_parse_row(row, columns, key == "table2"))
                continue
            # Columns that do not line up: read the words in order, less sure.
            parsed, reason = parse_row_words(" ".join(row.cells).split(), key == "table2", 0.7,
                                             Provenance(SOURCE, raw_text=raw))
            if parsed is not None:
                rows[key].append(parsed)
            else:
                review.append(ReviewItem(path, (
                    f"a row of {len(row.cells)} cells in a {width}-column table could not "
                    f"be read ({reason}): {raw!r}")))
    return tuple(rows["table1"]), tuple(rows["table2"]), review  # type: ignore[arg-type]


def _parse_row(row: AsciiRow, columns: tuple[K.Column, ...], derivative: bool) -> Row:
    """One typed row: each cell parsed by its column's field parser."""
    values: dict[str, Field] = {}
    raws: dict[str, str] = {}
    doubtful = row.doubtful_joins or (False,) * len(row.cells)
    for (name, sub), cell, glued, unsure in zip(leaf_columns(columns), row.cells,
                                                row.cut_words, doubtful, strict=False):
        if _PLACEHOLDER.match(cell):
            field: Field = Field(None, 1.0, Provenance(SOURCE, raw_text=cell))
        else:
            field = CELL_PARSERS[name](cell, GLUED if glued else CLEAN,
                                       Provenance(SOURCE, raw_text=cell))
            if unsure and field.value is not None:
                field = field.flagged("a word cut at the column edge was glued back; "
                                      "it may have been two words")
        if sub in ("(A)", "(D)") and field.value is not None:
            # 2002 layout: acquired and disposed amounts have a column each.
            values["transaction_acquired_disposed_code"] = _f(sub.strip("()"), cell)
        if values.get(name, Field()).value is None:
            values[name], raws[name] = field, cell
    _read_paired_amount(values, raws)
    holding = values.get("transaction_date", Field()).value is None and \
        values.get("transaction_code", Field()).value is None
    cls = DerivativeRow if derivative else NonDerivativeRow
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(is_holding=holding, **{k: v for k, v in values.items() if k in names})


def _read_paired_amount(values: dict[str, Field], raws: dict[str, str]) -> None:
    """An amount typed as the paper form's two sub-columns, "(A)" then "(D)".

    A filer whose template has one Amount and one A/D column sometimes copies the paper layout
    into them: amount "12,000 -" with A/D "A,D" most likely means 12,000 under (A) and nothing
    under (D), an acquisition.  But the A/D cell names both codes, so the direction is not read
    as such: the code is left empty and flagged with the likely reading, the printed amount is
    kept and flagged too.
    """
    code_raw = raws.get("transaction_acquired_disposed_code", "")
    amount_raw = raws.get("transaction_shares", "")
    if sorted(re.findall(r"[AD]", code_raw.upper())) != ["A", "D"]:
        return
    paired = f"amount {amount_raw!r} with A/D {code_raw!r}"
    slots = [(code, amount) for code, amount in split_paired_amount(amount_raw, code_raw) or []
             if amount is not None]
    if len(slots) != 1:
        reason = f"{paired}: cannot tell how much was acquired and how much disposed of"
        values["transaction_shares"] = _f(None, amount_raw, 0.0, reason)
        values["transaction_acquired_disposed_code"] = _f(None, code_raw, 0.0, reason)
        return
    ((slot, amount),) = slots
    values["transaction_shares"] = _f(amount, amount_raw, 0.75, (
        f"{paired}: read as the paper form's (A) and (D) sub-columns typed side by side, "
        f"{amount} under ({slot})"))
    values["transaction_acquired_disposed_code"] = _f(None, code_raw, 0.0, (
        f"{paired}: the cell names both codes; probably {slot} ({amount} under ({slot}), "
        "nothing under the other), not read as such"))
