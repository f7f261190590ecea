"""What the form itself says of a value two OCR engines read differently.

A Form 4's values are bound to one another, and where a value was read two ways these bonds
can tell which reading is the print's:

* **the signature date**: a transaction reported cannot be dated after the form was signed
  (tesseract's "06/02/2019" under a signature of "05/06/2019", where the second engine read
  "05/02/2019");
* **the running balance** of Table I: a row's "amount owned following" is the row before's
  plus the shares it acquired (A) or minus those it disposed of (D), for rows of one security
  in one form of ownership.

Only readings settled otherwise (both engines alike, or passed on their own) are used as
givens, and a bond decides only when exactly one of the two readings meets it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from extractor.fields.amounts import parse_amount
from extractor.fields.dates import parse_date
from extractor.fields.footnote_refs import split_footnote_refs

#: Dates no later than the signature: the transaction's, a deemed execution's, box 3's.
_SIGNED_AFTER = ("transaction_date", "deemed_execution_date", "period_of_report")
_ROW = re.compile(r"^non_derivative_table\[(\d+)\]\.(\w+)$")


def witnessed_by_the_form(values: Sequence[tuple[str, str, str]],
                          given: Sequence[tuple[str, str]]) -> dict[int, str]:
    """Of the ``values`` read two ways, as (path, first reading, second reading), those a bond
    of the form decides: their index and the reading it bears out.  ``given`` are the
    (path, text) of values settled otherwise."""
    chosen = _before_the_signature(values, given)
    while True:  # a balance settled may settle the next row's
        settled = [*given, *((values[i][0], text) for i, text in chosen.items())]
        rest = [(i, value) for i, value in enumerate(values) if i not in chosen]
        found = _by_running_balance([value for _, value in rest], settled)
        if not found:
            return chosen
        chosen.update({rest[i][0]: text for i, text in found.items()})


def _before_the_signature(values: Sequence[tuple[str, str, str]],
                          given: Sequence[tuple[str, str]]) -> dict[int, str]:
    signed = [d for path, text in given if path.endswith("signature_date")
              and (d := parse_date(text)) is not None]
    if not signed:
        return {}
    last = max(signed)
    chosen = {}
    for index, (path, first, second) in enumerate(values):
        if not path.endswith(_SIGNED_AFTER) or not _one_glyph_apart(first, second):
            continue
        a, b = parse_date(first), parse_date(second)
        if a is not None and b is not None and b <= last < a:
            chosen[index] = second
        elif a is not None and b is not None and a <= last < b:
            chosen[index] = first
    return chosen


def _one_glyph_apart(first: str, second: str) -> bool:
    a, b = "".join(first.split()), "".join(second.split())
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _by_running_balance(values: Sequence[tuple[str, str, str]],
                        given: Sequence[tuple[str, str]]) -> dict[int, str]:
    rows: dict[int, dict[str, str]] = {}
    for path, text in given:
        if m := _ROW.match(path):
            rows.setdefault(int(m[1]), {})[m[2]] = text
    doubted: dict[tuple[int, str], int] = {}
    for index, (path, _, _) in enumerate(values):
        if m := _ROW.match(path):
            doubted[int(m[1]), m[2]] = index
    chosen: dict[int, str] = {}
    for row in sorted({r for r, _ in doubted}):
        before, this = rows.get(row - 1, {}), rows.get(row, {})
        if not before or not _same_holding(before, this, rows, row, values, doubted):
            continue
        sign = _SIGNS.get(this.get("transaction_acquired_disposed_code", "").strip().upper())
        owned_before = _amount(before.get("shares_owned_following_transaction"))
        if sign is None or owned_before is None:
            continue
        shares = _amount(this.get("transaction_shares"))
        owned = _amount(this.get("shares_owned_following_transaction"))
        key = (row, "shares_owned_following_transaction")
        if key in doubted and shares is not None:
            _choose(values, doubted[key], owned_before + sign * shares, chosen)
        key = (row, "transaction_shares")
        if key in doubted and owned is not None:
            _choose(values, doubted[key], sign * (owned - owned_before), chosen)
    # A balance read two ways is also the next row's balance less what that row moved.
    owned_rows = {r for r, column in doubted if column == "shares_owned_following_transaction"}
    for row in sorted(owned_rows):
        this, after = rows.get(row, {}), rows.get(row + 1, {})
        sign = _SIGNS.get(after.get("transaction_acquired_disposed_code", "").strip().upper())
        shares = _amount(after.get("transaction_shares"))
        owned_after = _amount(after.get("shares_owned_following_transaction"))
        index = doubted[row, "shares_owned_following_transaction"]
        if index in chosen or sign is None or shares is None or owned_after is None or \
                not _same_holding(this, after, rows, row + 1, values, doubted):
            continue
        _choose(values, index, owned_after - sign * shares, chosen)
    return chosen


_SIGNS = {"A": 1, "D": -1}


def _same_holding(before: dict[str, str], this: dict[str, str], rows: dict[int, dict[str, str]],
                  row: int, values: Sequence[tuple[str, str, str]],
                  doubted: dict[tuple[int, str], int]) -> bool:
    """Whether two rows report one security in one form of ownership (so one balance)."""
    for column in ("security_title", "direct_or_indirect_ownership", "nature_of_ownership"):
        a, b = before.get(column), this.get(column)
        if a is None and (row - 1, column) in doubted:
            a = values[doubted[row - 1, column]][1]
        if b is None and (row, column) in doubted:
            b = values[doubted[row, column]][1]
        if " ".join(split_footnote_refs(a or "")[0].split()).lower() != \
                " ".join(split_footnote_refs(b or "")[0].split()).lower():
            return False
    return True


def _choose(values: Sequence[tuple[str, str, str]], index: int, expected: Decimal,
            chosen: dict[int, str]) -> None:
    _, first, second = values[index]
    fits = [text for text in (first, *_as_thousands(second)) if _amount(text) == expected]
    if fits and _amount(first) != expected:
        chosen[index] = fits[0]


def _as_thousands(text: str) -> list[str]:
    """``text``, and with its full stops as thousands commas when it reads so ("5.250": the
    second engine reads most thousands commas as stops)."""
    core, refs = split_footnote_refs(text)
    if re.fullmatch(r"\$?\d{1,3}(?:\.\d{3})+", core.strip()):
        marks = "".join(f" ({ref[1:]})" for ref in refs)
        return [text, core.strip().replace(".", ",") + marks]
    return [text]


def _amount(text: str | None) -> Decimal | None:
    return parse_amount(split_footnote_refs(text)[0]) if text else None

