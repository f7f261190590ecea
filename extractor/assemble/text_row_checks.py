"""Checks on the rows a text dump's tables were read into, before they are passed.

A markdown converter runs a superscript footnote marker into the word or number before it
("Stock1", "$159.942"), and a wrap it loses cuts a title short ("Common") or brings its words
back in another order ("Stock Units stock Restricted").  A marker glued to a title word is split
off; a title that cannot be a whole title, and a price whose last digits may be a marker, are
flagged with the reason rather than passed.  So are a number whose cell's text holds two
numbers (two columns run together), a code its cell does not hold (inferred, not read), an
amount holding a "$", a value referring to one footnote twice, a date whose markers were read
from a text of other values, and HTML markup left in a value.  A row holding only a title is
a wrapped line of the row above (:mod:`extractor.assemble.text_row_fragments`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from extractor.assemble.text_free_text_checks import check_free_text
from extractor.assemble.text_header_checks import check_header
from extractor.assemble.text_owner_checks import flag_doubtful_owner, flag_repeated_owners
from extractor.assemble.text_row_fragments import join_title_fragments
from extractor.fields.dates import find_dates
from extractor.fields.table_rows import Row
from extractor.knowledge.security_titles import QUALIFIER_WORDS
from extractor.model import DerivativeRow, Field, Form4, map_fields

_TITLES = ("security_title", "underlying_security_title")
#: Text fields a marker runs into the last word of.
_MARKED_TEXT = (*_TITLES, "nature_of_ownership")
_PRICES = ("transaction_price_per_share", "conversion_or_exercise_price")
_CODES = ("transaction_code", "transaction_acquired_disposed_code",
          "direct_or_indirect_ownership")
_AMOUNTS = ("transaction_shares", "shares_owned_following_transaction",
            "underlying_security_shares")
#: A title word a footnote marker ran into: "Stock1", "Units12".
_GLUED_MARKER = re.compile(r"(?<=[a-z])(\d{1,2})$")
#: What a title never holds: a form's column heading, a bare amount or price (a par value
#: carries its "$"), a lone "$", a marker mid-title.
_NOT_A_TITLE = re.compile(r"Instr\.|Title of|Code V|Month/|(?:^|\s)(?:\d[\d,]*[.,]\d+|\$)(?:\s|$)|"
                          r"\(\d{1,2}\)\s*\S|"
                          # a price that is no par value, an amount of five digits or more
                          r"\$\s?\d[\d,]*(?:\.\d+)?(?!\d|[\d,.]*\s*(?:par|per)\b)|"
                          r"(?:^|\s)\d{5,}(?:\s|$)|"
                          # the form's page furniture: "SEC 1474 (9-02)", "Page 1"
                          r"\bSEC 1474\b|\bPage \d+\b|"
                          # a numbered column heading: "1. Title", "11."
                          r"(?:^|\s)\d{1,2}\.(?:\s|$)|\bTitle\b|"
                          # a marker or a value read as a word: "5 Class A ...", "Common 0 stock"
                          r"^\d{1,2}\s+[A-Za-z]|(?:^|\s)0(?:\s|$)")
#: A title that is a number and nothing else: another column's value.
_NUMBER_ONLY = re.compile(r"^[\s$\d,.()\-]+$")


#: A row's text showing markers run into what they mark: "Trust3", "66110 2,3,4" as
#: "661102,3,4", a code or D/I cell "M1", "D5".
_GLUED_IN_TEXT = re.compile(r"[a-z]{2,}\d{1,2}\b|\d,\d(?:,\d)*\b(?!,\d)|(?<![\w.,$])[A-Z]\d{1,2}\b")


def _marked(row: Row) -> tuple[Field | None, ...]:
    """The row's text fields a marker may be run into."""
    return tuple(getattr(row, name, None) for name in _MARKED_TEXT)


def _row_fields(row: Row) -> list[Field]:
    return [getattr(row, name) for name in row.__dataclass_fields__ if
            isinstance(getattr(row, name), Field)]


def split_glued_markers(rows: Iterable[Row], defined: set[str]) -> list[Row]:
    """``rows`` with a footnote marker run into a title's last word split off as its
    reference, when the text defines that footnote."""
    out = []
    for row in rows:
        changes: dict[str, Any] = {}
        for name in _MARKED_TEXT:
            field: Field[str] | None = getattr(row, name, None)
            if field is None or not field.value:
                continue
            m = _GLUED_MARKER.search(field.value)
            if m and f"F{int(m[1])}" in defined:
                ref = f"F{int(m[1])}"
                changes[name] = dataclasses.replace(
                    field, value=field.value[:m.start()],
                    footnote_ids=tuple(dict.fromkeys((*field.footnote_ids, ref))))
        out.append(dataclasses.replace(row, **changes) if changes else row)
    return out


def code_refs(row: Row) -> Row:
    """``row`` with markers read into its empty V column given to its code: the V mark is part
    of column 3, whose footnotes EDGAR keeps on the transaction coding."""
    mark, code = row.transaction_timeliness, row.transaction_code
    if mark.value is not None or not mark.footnote_ids or code.value is None:
        return row
    return dataclasses.replace(
        row, transaction_timeliness=dataclasses.replace(mark, footnote_ids=()),
        transaction_code=dataclasses.replace(code, footnote_ids=tuple(dict.fromkeys(
            (*code.footnote_ids, *mark.footnote_ids)))))


#: "..., par value" with its amount lost ("no par value" and "$0.01 par value" are whole).
_BARE_PAR_VALUE = re.compile(r"(?<!\bno)(?<!\d) par value$", re.IGNORECASE)


#: A word twice in a row ("Common Common SVF II Stock Stock"): two cells' words interleaved.
_DOUBLED_WORD = re.compile(r"\b(\w{2,})\s+\1\b")


def title_doubt(title: str) -> str | None:
    """Why ``title`` cannot be a whole security title as printed, or None."""
    words = title.split()
    if not words:
        return None
    if _NOT_A_TITLE.search(title) or find_dates(title) or _DOUBLED_WORD.search(title) or \
            _NUMBER_ONLY.match(title):
        return "holds text of other cells"
    if title.count("(") != title.count(")"):
        return "opens or closes a parenthesis it does not hold: a wrapped line may be lost"
    if title.rstrip().endswith(",") or _BARE_PAR_VALUE.search(title) or \
            re.search(r"\((?:right|rights) to \w+\)\s+\w", title, re.IGNORECASE):
        return "ends mid-phrase: a wrapped line may be lost"
    last = words[-1].strip(",.;:").lower()
    if last in QUALIFIER_WORDS or len(last) == 1:
        return f"ends in {words[-1]!r}, a word that qualifies a security's name: a wrapped " \
               "line may be lost"
    if title[0].islower():
        return "starts in mid-title"
    if "(" not in title and not {"to", "into", "for", "of"} & {w.lower() for w in words} and \
            re.search(r"\b(\w+\s+\w+)\b.*\b\1\b", title, re.IGNORECASE):
        return "repeats its words: two lines of the title may be read together"
    lowered = [w.lower() for w in words]
    if any(lowered.count(w) > 1 and w != words[i] and words[i].lower() == w
           and {w.capitalize(), w} <= set(words) for i, w in enumerate(lowered)):
        return "repeats a word: words of another cell or a wrap out of order"
    return None


def nature_doubt(nature: str) -> str | None:
    """Why ``nature`` cannot be a whole "nature of indirect ownership" text, or None."""
    words = nature.split()
    if _NOT_A_TITLE.search(nature) or _GLUED_IN_TEXT.search(nature) or find_dates(nature) \
            or _DOUBLED_WORD.search(nature):
        return "holds text of other cells"
    if words and words[-1].lower().strip(",.:") in _CUT_NATURE:
        return f"ends in {words[-1]!r}: a wrapped line may be lost"
    if words and re.fullmatch(r"(?:II|III|IV|VI{1,3}|IX|LLC|L\.?P\.?|Inc\.?|\(\w+\))",
                              words[0].rstrip(",")):
        return f"opens with {words[0]!r}, the end of a name: its first words may be lost"
    if re.search(r"\b[A-Z]{2,}\d\b", nature) or re.fullmatch(r"\s*[DI]\s*", nature):
        return "holds a marker run into a word, or the D or I of the column before it"
    if words and re.fullmatch(r"Footnotes?|Notes?", words[0].strip(",.:"), re.IGNORECASE):
        return f"opens with {words[0]!r}: the words before it (\"See\") may be lost"
    if len(words) > 1 and re.fullmatch(r"\d{1,2}", words[-1]):
        return f"ends in {words[-1]!r}, which may be a footnote marker read as text"
    if nature.count("(") != nature.count(")"):
        return "opens or closes a parenthesis it does not hold: a wrapped line may be lost"
    return None


#: Words a nature of ownership never ends in ("By", "See"): its wrapped rest was lost.
_CUT_NATURE = frozenset({"by", "see", "through", "for", "of", "the", "and", "&", "via",
                         "held", "in"})


def flag_doubtful_titles(rows: Iterable[Row]) -> list[Row]:
    """``rows`` with each title (and nature of ownership) that cannot be whole flagged with
    the reason."""
    out = []
    for row in rows:
        changes: dict[str, Any] = {}
        for name in (*_TITLES, "nature_of_ownership"):
            field: Field[str] | None = getattr(row, name, None)
            if field is None or not field.value or field.review_reason:
                continue
            doubt = (nature_doubt if name == "nature_of_ownership" else title_doubt)(
                field.value)
            if doubt:
                changes[name] = dataclasses.replace(
                    field, review_reason=f"{field.value!r} {doubt}")
        out.append(dataclasses.replace(row, **changes) if changes else row)
    return out


def flag_glued_numbers(rows: Iterable[Row], defined: set[str], referenced: set[str],
                       glued: bool) -> list[Row]:
    """``rows`` with a number flagged whose last digits may be a footnote marker run into it.

    A price or amount of three or more decimals ending in the number of a footnote nothing
    else refers to is doubtful anywhere; where the text is seen running markers into words
    (``glued``), so is every price and amount ending in a footnote's number."""
    unclaimed = defined if glued else defined - referenced
    out = []
    for row in rows:
        changes: dict[str, Any] = {}
        for name in (*_PRICES, *_AMOUNTS):
            field: Field[Decimal] | None = getattr(row, name, None)
            if field is None or field.value is None or field.review_reason or field.footnote_ids:
                continue
            text = format(field.value, "f")
            if name in _PRICES and field.value == field.value.to_integral_value() and \
                    f"F{int(field.value)}" in defined:
                changes[name] = dataclasses.replace(
                    field, review_reason=f"the price {text} may be footnote marker ({text}) "
                                         "standing where the price is")
                continue
            decimals = text.partition(".")[2]
            raw = field.provenance.raw_text if field.provenance else None
            # an amount typed without separators shows no place where its digits end
            bare = name in _AMOUNTS and not decimals and len(text) >= 4 and raw is not None \
                and raw.strip() == text
            if len(decimals) < 3 and not glued and not bare:
                continue
            if any(f"F{int(text[-k:])}" in unclaimed for k in (1, 2) if text[-k:].isdigit()):
                changes[name] = dataclasses.replace(
                    field, review_reason=f"the number {text} may end in a footnote marker run "
                                         "into its digits")
        out.append(dataclasses.replace(row, **changes) if changes else row)
    return out


#: A footnote marker in a cell's raw text, and a number standing on its own in it.
_RAW_REF = re.compile(r"\(\s*\d{1,2}(?:\s*,\s*\d{1,2})*\s*\)")
_RAW_NUMBER = re.compile(r"(?<![\w.,])\$?\s?\d[\d,]*(?:\.\d+)?(?![\w.,])")


def _is_amount_of(raw: str, shares: Field) -> bool:
    """True when ``raw`` is the row's amount: Table II's A/D code is the column (A) or (D)
    its amount stands in."""
    numbers = _RAW_NUMBER.findall(_RAW_REF.sub(" ", raw))
    if len(numbers) != 1 or shares.value is None:
        return False
    try:
        return Decimal(numbers[0].replace("$", "").replace(",", "").strip()) == shares.value
    except ArithmeticError:
        return False


#: The direction each transaction code moves a row's securities, per table: a grant or a
#: purchase acquires, a sale disposes; an exercise acquires the stock (Table I) and disposes
#: of the derivative (Table II).
_DIRECTION = {
    False: {"A": "A", "P": "A", "M": "A", "X": "A", "C": "A", "S": "D", "F": "D", "D": "D"},
    True: {"A": "A", "P": "A", "M": "D", "X": "D", "C": "D", "S": "D", "F": "D", "D": "D"},
}


def flag_odd_direction(rows: Iterable[Row]) -> list[Row]:
    """``rows`` with an (A) or (D) flagged that a markdown row's amount gave by the column it
    went to, where it is at odds with the row's transaction code: cells placed by their type
    cannot tell Table II's (A) amount from its (D) amount (filers do print a code and an (A)
    or (D) at odds, so one read as printed is left alone)."""
    out = []
    for row in rows:
        code, direction = row.transaction_code, row.transaction_acquired_disposed_code
        expected = _DIRECTION[isinstance(row, DerivativeRow)].get(str(code.value or ""))
        where = direction.provenance
        placed = where is not None and where.raw_text is not None and \
            where.source == "text-dump" and _is_amount_of(where.raw_text, row.transaction_shares)
        if expected and placed and direction.value and direction.value != expected and \
                not direction.review_reason:
            row = dataclasses.replace(row, transaction_acquired_disposed_code=dataclasses.replace(
                direction, review_reason=f"{direction.value!r} is at odds with the code "
                                         f"{code.value!r}, which moves securities the other way"))
        out.append(row)
    return out


def flag_run_together(rows: Iterable[Row]) -> list[Row]:
    """``rows`` with each number whose raw text holds two numbers (cells of two columns run
    together, or a marker set off by a space) and each value that refers to one footnote twice
    (a marker of another line read into it) flagged with the reason."""
    out = []
    for row in rows:
        changes: dict[str, Any] = {}
        for name in row.__dataclass_fields__:
            field = getattr(row, name)
            if not isinstance(field, Field) or field.review_reason or \
                    (field.value is None and not field.footnote_ids):
                continue
            raw = field.provenance.raw_text if field.provenance else None
            if name in (*_PRICES, *_AMOUNTS) and raw and field.value is not None and \
                    len(_RAW_NUMBER.findall(_RAW_REF.sub(" ", raw))) > 1:
                changes[name] = dataclasses.replace(field, review_reason=(
                    f"the cell's text {raw!r} holds more than one number: cells of two columns "
                    "or a marker may have run together"))
            elif name == "transaction_price_per_share" and field.value is not None and \
                    row.transaction_shares.value is None and row.transaction_code.value is None:
                changes[name] = dataclasses.replace(field, review_reason=(
                    "a price in a row with no transaction (no code, no amount): another cell's "
                    "value read for it"))
            elif name in _AMOUNTS and raw and field.value is not None and "$" in raw:
                changes[name] = dataclasses.replace(field, review_reason=(
                    f"the amount's text {raw!r} holds a \"$\": a price's cell read for it"))
            elif name in _CODES and raw is not None and isinstance(field.value, str) and \
                    not re.search(rf"(?<![A-Za-z]){re.escape(field.value)}(?![a-z])", raw) and \
                    not _is_amount_of(raw, row.transaction_shares):
                changes[name] = dataclasses.replace(field, review_reason=(
                    f"the code {field.value!r} is not in its cell's text ({raw!r}): it was "
                    "inferred, not read"))
            elif len(set(field.footnote_ids)) < len(field.footnote_ids):
                changes[name] = dataclasses.replace(field, review_reason=(
                    "the value refers to one footnote twice: a marker of another line may have "
                    "been read into it"))
        if any("a price's cell read for it" in (f.review_reason or "") for f in changes.values()):
            changes.update(_numbers_in_doubt(row, changes))
        out.append(dataclasses.replace(row, **changes) if changes else row)
    return out


def _numbers_in_doubt(row: Row, changes: dict[str, Any]) -> dict[str, Any]:
    """The row's other numbers flagged once a price was read as an amount: the price column
    stood elsewhere, so which number is whose is not shown."""
    doubtful: dict[str, Any] = {}
    for name in (*_PRICES, *_AMOUNTS):
        field = getattr(row, name, None)
        if name not in changes and isinstance(field, Field) and field.value is not None and \
                not field.review_reason:
            doubtful[name] = dataclasses.replace(field, review_reason=(
                "a price's cell was read as an amount in this row: its numbers may stand in "
                "other columns"))
    return doubtful


#: The form's page furniture run into free text: "FORM 4 (continued)", "SEC 1474 (9-02) Page 2".
_FURNITURE = re.compile(r"\s*(?:\bSEC 1474 \(\d+-\d+\)(?:\s*Page \d+(?: of \d+)?)?|"
                        r"\bFORM 4 ?(?:\((?i:continued)\)|- ?(?i:continued))|"
                        # a page number after a note's last sentence
                        r"(?<=[.;)])\s+Page \d+(?: of \d+)?$)")


def _without_furniture(field: Field) -> Field:
    """A free-text ``field`` with the page furniture a page break ran into it taken out."""
    if not isinstance(field.value, str) or not _FURNITURE.search(field.value):
        return field
    return dataclasses.replace(field, value=_FURNITURE.sub("", field.value).strip() or None)


def check_tables(form: Form4) -> Form4:
    """``form`` with its rows' glued markers split off, and doubtful titles, numbers and
    owners' names and addresses flagged."""
    defined = {f.footnote_id for f in form.footnotes}
    # a row holding only a title is a wrapped line of the row above it
    joined = {name: join_title_fragments(getattr(form, name), title_doubt)
              for name in ("non_derivative_table", "derivative_table")}
    tables = {name: [code_refs(r) for r in split_glued_markers(rows, defined)]
              for name, rows in joined.items()}
    glued = any(_marked(new) != _marked(old) for name, rows in tables.items()
                for new, old in zip(rows, joined[name], strict=True)) or \
        any(_GLUED_IN_TEXT.search(f.provenance.raw_text or "")
            for rows in tables.values() for row in rows for f in _row_fields(row)
            if f.provenance is not None)
    tables_in: dict[str, Any] = {k: tuple(v) for k, v in tables.items()}
    form = dataclasses.replace(form, **tables_in)
    referenced: set[str] = set()

    def tally(_: str, field: Field) -> Field:
        referenced.update(field.footnote_ids)
        return field

    map_fields(form, tally)
    form = check_free_text(check_header(form))
    owners = flag_repeated_owners(tuple(flag_doubtful_owner(o) for o in form.reporting_owners))
    footnotes = tuple(dataclasses.replace(f, text=_without_furniture(f.text))
                      for f in form.footnotes)
    checked: dict[str, Any] = {
        name: tuple(flag_odd_direction(flag_doubtful_titles(flag_run_together(flag_glued_numbers(
            getattr(form, name), defined, referenced, glued)))))
        for name in ("non_derivative_table", "derivative_table")}
    form = dataclasses.replace(form, reporting_owners=owners, footnotes=footnotes,
                               remarks=_without_furniture(form.remarks), **checked)
    return map_fields(form, _flag_markup)


#: A date as cells print it, numeric or worded.
_DATE_TEXT = re.compile(r"\d{1,4}[/\-.]\d{1,2}[/\-.]\d{2,4}|[A-Za-z]{3,9}\.?\s\d{1,2},?\s\d{4}")


def _flag_markup(_: str, field: Field) -> Field:
    """``field`` flagged when it holds HTML markup, or is a date whose footnote markers were
    read from a text holding other values (the markers may be theirs)."""
    if field.review_reason:
        return field
    if isinstance(field.value, str) and _MARKUP.search(field.value):
        return dataclasses.replace(field, review_reason=(
            f"{field.value!r} holds HTML markup: lines or cells of the text ran together"))
    raw = field.provenance.raw_text if field.provenance else None
    if isinstance(field.value, dt.date) and field.footnote_ids and raw and \
            re.search(r"\w", _DATE_TEXT.sub(" ", _RAW_REF.sub(" ", raw), count=1)):
        return dataclasses.replace(field, review_reason=(
            f"the date's text {raw!r} holds other values: its markers may be theirs"))
    return field


#: HTML markup a converter left in the text ("Common<br>Stock"): no value holds it.
_MARKUP = re.compile(r"</?[a-zA-Z]+\s*/?>")

