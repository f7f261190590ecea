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


def _is_ref(token: str) -> bool:
    return bool(_REF_ONLY.match(token))


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
    """Consumes tokens left to right, parsing each into the named field.

    A free-standing footnote marker ("(2)") normally belongs to the value before it; the walks
    below decide otherwise only where the printed form leaves a cell that holds just a marker.
    """

    def __init__(self, tokens: list[str], confidence: float, provenance: Provenance) -> None:
        self.tokens, self.pos = tokens, 0
        self.confidence, self.provenance = confidence, provenance
        self.values: dict[str, Field] = {}

    def peek(self, ahead: int = 0) -> str | None:
        index = self.pos + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def refs_ahead(self) -> int:
        count = 0
        while (token := self.peek(count)) is not None and _is_ref(token):
            count += 1
        return count

    def take(self, name: str, absorb_refs: bool = True) -> None:
        token = self.tokens[self.pos]
        self.pos += 1
        if absorb_refs:
            count = self.refs_ahead()
            token = " ".join([token, *self.tokens[self.pos:self.pos + count]])
            self.pos += count
        self.values[name] = CELL_PARSERS[name](token, self.confidence, self.provenance)

    def take_refs(self, name: str) -> None:
        """A cell that holds only footnote markers."""
        count = self.refs_ahead()
        if not count:
            return
        text = " ".join(self.tokens[self.pos:self.pos + count])
        self.pos += count
        parsed = CELL_PARSERS[name](text, self.confidence, self.provenance)
        if name in self.values:  # markers after a value already read: add them to it
            old = self.values[name]
            parsed = dataclasses.replace(old, footnote_ids=old.footnote_ids + parsed.footnote_ids)
        self.values[name] = parsed

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

    def amounts_ahead(self) -> int:
        """How many amounts follow (markers between them skipped)."""
        count, index = 0, self.pos
        while index < len(self.tokens) and (_is_amount(self.tokens[index]) or
                                            _is_ref(self.tokens[index])):
            count += not _is_ref(self.tokens[index])
            index += 1
        return count


def parse_row_words(
    words: Sequence[str], derivative: bool, confidence: float, provenance: Provenance,
) -> tuple[Row | None, str | None]:
    """Read a row from words alone.  Returns ``(row, None)`` or ``(None, reason)``."""
    walker = _Walker(list(words), confidence, provenance)
    try:
        _walk_derivative(walker) if derivative else _walk_non_derivative(walker)
    except _GrammarError as err:
        return None, str(err)
    return _make_row(walker.values, derivative), None


class _GrammarError(ValueError):
    pass


def _expect(walker: _Walker, name: str, check: object, what: str,
            absorb_refs: bool = True) -> None:
    token = walker.peek()
    if token is None or not check(token):  # type: ignore[operator]
        where = "the end of the row" if token is None else repr(token)  # never "None"
        raise _GrammarError(f"expected {what} at {where}")
    walker.take(name, absorb_refs)


def _d_or_i(token: str) -> bool:
    return _is_code(token, frozenset("DI"))


def _walk_non_derivative(w: _Walker) -> None:
    first_date = w.first(_is_date)
    if first_date == len(w.tokens):  # a holding: title, amount owned, D/I, nature
        w.take_text_until("security_title", w.first(_is_amount))
        _expect(w, "shares_owned_following_transaction", _is_amount, "the amount owned")
        _expect(w, "direct_or_indirect_ownership", _d_or_i, "D or I")
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
            "(A) or (D)", absorb_refs=False)
    if w.refs_ahead() and w.amounts_ahead() == 1:
        w.take_refs("transaction_price_per_share")  # a price cell holding only a marker
    elif w.refs_ahead():
        w.take_refs("transaction_acquired_disposed_code")
    if w.amounts_ahead() >= 2 or (w.amounts_ahead() == 1 and (w.peek() or "").startswith("$")):
        w.take("transaction_price_per_share")
    _expect(w, "shares_owned_following_transaction", _is_amount, "the amount owned")
    _expect(w, "direct_or_indirect_ownership", _d_or_i, "D or I")
    w.take_text_until("nature_of_ownership", len(w.tokens))


def _walk_derivative(w: _Walker) -> None:
    first_date = w.first(_is_date)
    title_end = first_date
    while title_end > 0 and _is_ref(w.tokens[title_end - 1]):
        title_end -= 1
    if title_end > 0 and _is_amount(w.tokens[title_end - 1]):
        title_end -= 1
    if first_date == len(w.tokens):  # a holding without dates: title ends at the first amount
        title_end = w.first(_is_amount)
    w.take_text_until("security_title", title_end)
    if w.refs_ahead() and (after := w.peek(w.refs_ahead())) and _is_date(after):
        w.take_refs("conversion_or_exercise_price")  # a price cell holding only a marker
    if (token := w.peek()) and _is_amount(token) and not _is_date(token):
        # Markers after the price are its own when the transaction date follows; in a holding
        # they are the date-exercisable and expiration cells that hold only markers.
        after_at = w.first(lambda t: not _is_ref(t), w.pos + 1)
        follows_date = after_at < len(w.tokens) and _is_date(w.tokens[after_at])
        w.take("conversion_or_exercise_price", absorb_refs=follows_date)
    # The first token after the date that is no marker: the code, when there is one at all.
    code_at = w.first(lambda t: not _is_ref(t), w.pos + 1)
    if (token := w.peek()) and _is_date(token) and code_at < len(w.tokens) and \
            _is_code(w.tokens[code_at], ROW_TRANSACTION_CODES):
        w.take("transaction_date")
        if (token := w.peek()) and _is_date(token):
            w.take("deemed_execution_date")
        _expect(w, "transaction_code", lambda t: _is_code(t, ROW_TRANSACTION_CODES),
                "a transaction code")
        if (token := w.peek()) and token.upper() == "V":
            w.take("transaction_timeliness")
        _expect(w, "transaction_shares", _is_amount, "the number of derivative securities",
                absorb_refs=False)
        if (token := w.peek()) and _is_code(token, frozenset("AD")):
            w.take("transaction_acquired_disposed_code", absorb_refs=False)
    _walk_exercise_dates(w)
    w.take_text_until("underlying_security_title", w.first(_is_amount))
    _expect(w, "underlying_security_shares", _is_amount, "the underlying amount",
            absorb_refs=False)
    if w.refs_ahead() and w.amounts_ahead() == 1:
        w.take_refs("transaction_price_per_share")  # column 8 holding only a marker
    else:
        w.take_refs("underlying_security_shares")
    if w.amounts_ahead() >= 2:
        w.take("transaction_price_per_share")
    _expect(w, "shares_owned_following_transaction", _is_amount, "the number owned")
    _expect(w, "direct_or_indirect_ownership", _d_or_i, "D or I")
    w.take_text_until("nature_of_ownership", len(w.tokens))


def _walk_exercise_dates(w: _Walker) -> None:
    """Columns 6: date exercisable and expiration date, each a date, a marker, or both.

    The printed form often leaves "Date Exercisable" holding only a footnote marker ("(2)") and
    prints the expiration date after it; with a single date, markers before it are read as the
    exercisable cell's, markers after it as the expiration date's.
    """
    end = w.pos
    while end < len(w.tokens) and (_is_ref(w.tokens[end]) or _is_date(w.tokens[end])):
        end += 1
    dates = sum(1 for t in w.tokens[w.pos:end] if _is_date(t))
    if dates >= 2:
        if w.refs_ahead():
            w.take_refs("transaction_shares")  # markers before both dates: the amount's
        w.take("exercise_date")
        w.take("expiration_date")
    elif dates == 1:
        w.take_refs("exercise_date")
        w.take("expiration_date")
    elif w.refs_ahead():  # markers only: the first is the exercisable cell's, the rest expiry's
        extra = w.refs_ahead() - 2
        if extra > 0 and "transaction_shares" in w.values:  # more than two cells' worth
            for _ in range(extra):
                token = w.tokens[w.pos]
                w.pos += 1
                old = w.values["transaction_shares"]
                w.values["transaction_shares"] = dataclasses.replace(
                    old, footnote_ids=(*old.footnote_ids, *split_footnote_refs(token)[1]))
        w.pos += 1
        w.values["exercise_date"] = CELL_PARSERS["exercise_date"](
            w.tokens[w.pos - 1], w.confidence, w.provenance)
        w.take_refs("expiration_date")
