"""Turn one printed table row into a :class:`NonDerivativeRow` or :class:`DerivativeRow`.

Two ways in, chosen by what the text still holds:

* ``parse_row_cells`` - the row's cells are known (a markdown row, a typed-out ASCII table): each
  cell goes to the column in the same position, as the form's knowledge orders them.
* ``parse_row_words`` - only words in reading order are left (plain OCR text): a small typed
  grammar walks the words (title, date, code, amount, (A)/(D), price, ...).  What the grammar
  cannot place is flagged, never guessed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from extractor.fields.amounts import parse_amount
from extractor.fields.cells import CELL_PARSERS
from extractor.fields.dates import parse_date
from extractor.fields.footnote_refs import split_footnote_refs
from extractor.knowledge.codes import ROW_TRANSACTION_CODES
from extractor.knowledge.labels import Column
from extractor.model import DerivativeRow, Field, NonDerivativeRow, Provenance

Row = NonDerivativeRow | DerivativeRow


def leaf_columns(columns: Sequence[Column]) -> list[tuple[str, str]]:
    """(field name, sub-heading) for every printed leaf column, left to right."""
    leaves: list[tuple[str, str]] = []
    for column in columns:
        subs = column.sub_headings or ("",) * len(column.fields)
        leaves.extend(zip(column.fields, subs, strict=True))
    return leaves


def parse_row_cells(
    cells: Sequence[str], columns: Sequence[Column], derivative: bool,
    confidence: float, provenance: Provenance,
) -> Row:
    """Read a row whose cells line up one-to-one with the table's leaf columns."""
    values: dict[str, Field] = {}
    for (name, sub), raw in zip(leaf_columns(columns), cells, strict=False):
        parsed = CELL_PARSERS[name](raw, confidence, provenance)
        if name == "transaction_shares" and sub in ("(A)", "(D)"):
            # Table II prints acquired and disposed amounts in separate columns.
            if parsed.value is None and not parsed.needs_review and not parsed.footnote_ids:
                continue
            code = sub.strip("()")
            values["transaction_acquired_disposed_code"] = Field(
                code, confidence, parsed.provenance)
        if name in values and values[name].value is not None:
            continue
        values[name] = parsed
    return _make_row(values, derivative)


def _make_row(values: dict[str, Field], derivative: bool) -> Row:
    holding = values.get("transaction_date", Field()).value is None and \
        values.get("transaction_code", Field()).value is None
    cls = DerivativeRow if derivative else NonDerivativeRow
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(is_holding=holding, **{k: v for k, v in values.items() if k in names})


# --- plain words ----------------------------------------------------------------------------------

_REF_ONLY = re.compile(r"^(\(\d{1,2}\))+$")


def _tokens(words: Sequence[str]) -> list[str]:
    """Words with free-standing footnote markers glued to the word before them."""
    out: list[str] = []
    for word in words:
        if _REF_ONLY.match(word) and out:
            out[-1] += word
        else:
            out.append(word)
    return out


def _is_date(token: str) -> bool:
    text, _ = split_footnote_refs(token)
    return bool(re.fullmatch(r"\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}|\d{4}-\d{2}-\d{2}", text)) and \
        parse_date(text) is not None


def _is_amount(token: str) -> bool:
    text, _ = split_footnote_refs(token)
    return parse_amount(text) is not None


def _is_code(token: str, allowed: frozenset[str]) -> bool:
    text, _ = split_footnote_refs(token)
    return text.strip("()").upper() in allowed


class _Walker:
    """Consumes tokens left to right, parsing each into the named field."""

    def __init__(self, tokens: list[str], confidence: float, provenance: Provenance) -> None:
        self.tokens, self.pos = tokens, 0
        self.confidence, self.provenance = confidence, provenance
        self.values: dict[str, Field] = {}

    def peek(self, ahead: int = 0) -> str | None:
        index = self.pos + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def take(self, name: str) -> None:
        token = self.tokens[self.pos]
        self.pos += 1
        self.values[name] = CELL_PARSERS[name](token, self.confidence, self.provenance)

    def take_text_until(self, name: str, stop: int) -> None:
        text = " ".join(self.tokens[self.pos:stop])
        self.pos = stop
        if text:
            self.values[name] = CELL_PARSERS[name](text, self.confidence, self.provenance)

    def first(self, predicate: object, start: int | None = None) -> int:
        for index in range(self.pos if start is None else start, len(self.tokens)):
            if predicate(self.tokens[index]):  # type: ignore[operator]
                return index
        return len(self.tokens)


def parse_row_words(
    words: Sequence[str], derivative: bool, confidence: float, provenance: Provenance,
) -> tuple[Row | None, str | None]:
    """Read a row from words alone.  Returns ``(row, None)`` or ``(None, reason)``."""
    walker = _Walker(_tokens(words), confidence, provenance)
    try:
        _walk_derivative(walker) if derivative else _walk_non_derivative(walker)
    except _GrammarError as err:
        return None, str(err)
    return _make_row(walker.values, derivative), None


class _GrammarError(ValueError):
    pass


def _expect(walker: _Walker, name: str, check: object, what: str) -> None:
    token = walker.peek()
    if token is None or not check(token):  # type: ignore[operator]
        raise _GrammarError(f"expected {what} at {token!r}")
    walker.take(name)


def _walk_non_derivative(w: _Walker) -> None:
    first_date = w.first(_is_date)
    if first_date == len(w.tokens):  # a holding: title, amount owned, D/I, nature
        first_amount = w.first(_is_amount)
        w.take_text_until("security_title", first_amount)
        _expect(w, "shares_owned_following_transaction", _is_amount, "the amount owned")
        _expect(w, "direct_or_indirect_ownership", lambda t: _is_code(t, frozenset("DI")), "D or I")
        w.take_text_until("nature_of_ownership", len(w.tokens))
        return
    w.take_text_until("security_title", first_date)
    w.take("transaction_date")
    if (token := w.peek()) and _is_date(token):
        w.take("deemed_execution_date")
    _expect(w, "transaction_code", lambda t: _is_code(t, ROW_TRANSACTION_CODES),
            "a transaction code")
    if (token := w.peek()) and token.upper() == "V":
        w.take("transaction_timeliness")
    _expect(w, "transaction_shares", _is_amount, "the amount")
    _expect(w, "transaction_acquired_disposed_code", lambda t: _is_code(t, frozenset("AD")),
            "(A) or (D)")
    amounts = 0
    while (token := w.peek(amounts)) and _is_amount(token):
        amounts += 1
    if amounts >= 2 or (amounts == 1 and (w.peek() or "").startswith("$")):
        w.take("transaction_price_per_share")
    _expect(w, "shares_owned_following_transaction", _is_amount, "the amount owned")
    _expect(w, "direct_or_indirect_ownership", lambda t: _is_code(t, frozenset("DI")), "D or I")
    w.take_text_until("nature_of_ownership", len(w.tokens))


def _walk_derivative(w: _Walker) -> None:
    first_date = w.first(_is_date)
    title_end = first_date
    if title_end > 0 and _is_amount(w.tokens[title_end - 1]):
        title_end -= 1
    w.take_text_until("security_title", title_end)
    if (token := w.peek()) and _is_amount(token) and not _is_date(token):
        w.take("conversion_or_exercise_price")
    if (token := w.peek()) and _is_date(token) and (nxt := w.peek(1)) and \
            _is_code(nxt, ROW_TRANSACTION_CODES):
        w.take("transaction_date")
        _expect(w, "transaction_code", lambda t: _is_code(t, ROW_TRANSACTION_CODES),
                "a transaction code")
        if (token := w.peek()) and token.upper() == "V":
            w.take("transaction_timeliness")
        _expect(w, "transaction_shares", _is_amount, "the number of derivative securities")
        if (token := w.peek()) and _is_code(token, frozenset("AD")):
            w.take("transaction_acquired_disposed_code")
    # Date exercisable and expiration: dates, or words such as "Immediately" / "(1)".
    for name in ("exercise_date", "expiration_date"):
        if (token := w.peek()) and (_is_date(token) or _REF_ONLY.match(token)):
            w.take(name)
    first_amount = w.first(_is_amount)
    w.take_text_until("underlying_security_title", first_amount)
    _expect(w, "underlying_security_shares", _is_amount, "the underlying amount")
    amounts = 0
    while (token := w.peek(amounts)) and _is_amount(token):
        amounts += 1
    if amounts >= 2:
        w.take("transaction_price_per_share")
    _expect(w, "shares_owned_following_transaction", _is_amount, "the number owned")
    _expect(w, "direct_or_indirect_ownership", lambda t: _is_code(t, frozenset("DI")), "D or I")
    w.take_text_until("nature_of_ownership", len(w.tokens))
