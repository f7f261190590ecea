"""A reviewer's typed input, checked as the field's own reader would check it: a date, an
amount, a code from the form's closed list, a state, a check mark, or text.

>>> parse_input("non_derivative_table[0].transaction_shares", "$1,250.5")
Decimal('1250.5')
>>> parse_input("period_of_report", "03/08/2023")
datetime.date(2023, 3, 8)
>>> parse_input("non_derivative_table[0].transaction_code", "q")
Traceback (most recent call last):
...
extractor.review.corrections.InvalidInput: not a transaction code: 'Q' (one of A, C, D, E, ...)
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from extractor.knowledge.codes import (
    ACQUIRED_DISPOSED_CODES,
    DIRECT_INDIRECT_CODES,
    ROW_TRANSACTION_CODES,
    is_state_or_country_code,
)

DATE = "date"
MONTH = "month"
AMOUNT = "amount"
CODE = "code"
STATE = "state"
CHECK = "check"
CIK = "cik"
TEXT = "text"

_DATES = {"period_of_report", "date_of_original_submission", "transaction_date",
          "deemed_execution_date", "exercise_date", "expiration_date", "signature_date"}
_AMOUNTS = {"transaction_shares", "transaction_price_per_share", "conversion_or_exercise_price",
            "underlying_security_shares", "shares_owned_following_transaction"}
_CHECKS = {"is_director", "is_officer", "is_ten_percent_owner", "is_other",
           "not_subject_to_section16", "aff10b5_one", "equity_swap_involved",
           "rpt_owner_non_us_address_flag"}
#: The closed lists of the form's code fields, with the words a message names them by.
CODES: dict[str, tuple[str, frozenset[str]]] = {
    "transaction_code": ("a transaction code", frozenset(ROW_TRANSACTION_CODES)),
    "transaction_timeliness": ("a timeliness mark", frozenset({"E", "L"})),
    "transaction_acquired_disposed_code": ("A or D", frozenset(ACQUIRED_DISPOSED_CODES)),
    "direct_or_indirect_ownership": ("D or I", frozenset(DIRECT_INDIRECT_CODES)),
    "document_type": ("a document type", frozenset({"4", "4/A"})),
    "individual_or_joint_filing": ("individual or joint", frozenset({"INDIVIDUAL", "JOINT"})),
}
_YES = {"yes", "y", "true", "1", "x", "checked"}
_NO = {"no", "n", "false", "0", "", "unchecked"}


class InvalidInput(ValueError):
    """Typed input the field cannot hold; the message says what it takes."""


def element(path: str) -> str:
    """The model element a path ends in: "derivative_table[1].transaction_code" ->
    "transaction_code"."""
    return re.sub(r"\[\d+\]$", "", path.rsplit(".", 1)[-1])


def input_kind(path: str) -> str:
    """What a reviewer types for the field at ``path``."""
    name = element(path)
    if name in _DATES:
        return DATE
    if name == "statement_month":
        return MONTH
    if name in _AMOUNTS:
        return AMOUNT
    if name in CODES:
        return CODE
    if name == "rpt_owner_state":
        return STATE
    if name in _CHECKS:
        return CHECK
    if name.endswith("_cik"):
        return CIK
    return TEXT


def choices(path: str) -> list[str]:
    """The closed list a code field takes (empty for other fields)."""
    name = element(path)
    if name in CODES:
        return sorted(c.lower() if name == "individual_or_joint_filing" else c
                      for c in CODES[name][1])
    if input_kind(path) == CHECK:
        return ["yes", "no"]
    return []


def _date(text: str) -> dt.date:
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or None
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if match is None:
            raise InvalidInput(f"not a date: {text!r} (type 2023-03-08 or 03/08/2023)")
        month, day, year = (int(g) for g in match.groups())
    try:
        value = dt.date(year, month, day)
    except ValueError:
        raise InvalidInput(f"no such date: {text!r}") from None
    if not 1934 <= value.year <= 2100:  # the Exchange Act dates from 1934
        raise InvalidInput(f"a Form 4 date lies between 1934 and 2100, not {value.year}")
    return value


def _amount(text: str) -> Decimal:
    plain = re.sub(r"[\s$,]", "", text)
    try:
        value = Decimal(plain)
    except InvalidOperation:
        raise InvalidInput(f"not an amount: {text!r} (digits, commas, a point)") from None
    if not value.is_finite() or value < 0:
        raise InvalidInput(f"an amount is a number of zero or more, not {text!r}")
    return value


def parse_input(path: str, text: str) -> object:
    """The value ``text`` stands for in the field at ``path``; empty input is an empty field.

    Raises :class:`InvalidInput` with a message a reviewer can act on.
    """
    text = " ".join(text.split())
    kind = input_kind(path)
    if kind == CHECK:
        if text.lower() in _YES | _NO:
            return text.lower() in _YES
        raise InvalidInput(f"a check box is yes or no, not {text!r}")
    if not text:
        return None
    if kind == DATE:
        return _date(text)
    if kind == MONTH:
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
            raise InvalidInput(f"a statement month is YYYY-MM, not {text!r}")
        return text
    if kind == AMOUNT:
        return _amount(text)
    if kind == CODE:
        name = element(path)
        what, allowed = CODES[name]
        code = text.upper()
        if code not in allowed:
            listed = ", ".join(sorted(allowed)[:4]) + (", ..." if len(allowed) > 4 else "")
            raise InvalidInput(f"not {what}: {code!r} (one of {listed})")
        return code.lower() if name == "individual_or_joint_filing" else code
    if kind == STATE:
        code = text.upper()
        if not is_state_or_country_code(code):
            raise InvalidInput(f"not a US state code or EDGAR country code: {code!r}")
        return code
    if kind == CIK:
        if not re.fullmatch(r"\d{1,10}", text):
            raise InvalidInput(f"a CIK is up to ten digits, not {text!r}")
        return text.zfill(10)
    return text


def format_value(value: object) -> str:
    """A value as a reviewer types it (and as the form shows it)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
