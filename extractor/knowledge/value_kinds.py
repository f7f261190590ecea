"""What kind of value each field of the model holds, by its element name.

The kind says how a misreading can hide: an amount or a date must parse, a code must be on its
closed list, a check box is a mark or none; free text and long notes have no such check, so one
wrong letter passes unseen.  The scan reader trusts OCR readings per kind
(:mod:`extractor.assemble.scan_trust`).
"""

from __future__ import annotations

import re

AMOUNT = "amount"
DATE = "date"
CODE = "code"
CHECK = "check"
TEXT = "text"
NOTE = "note"
#: A value the form does not print but implies: "4/A" when box 4 holds a date, "4" when it
#: holds none.  The words it was inferred from carry their own doubt (the date's field).
DERIVED = "derived"

#: Element names (snake_case, as in the model) of each kind; anything else is ``TEXT``.
VALUE_KINDS: dict[str, str] = {
    **dict.fromkeys(("transaction_shares", "transaction_price_per_share",
                     "conversion_or_exercise_price", "underlying_security_shares",
                     "shares_owned_following_transaction"), AMOUNT),
    # A ZIP code is digits, misread as an amount's are (a 5 as a 6), and a foreign postal
    # code's letters are checked by rules of their own (validate.ocr_rules).
    **dict.fromkeys(("rpt_owner_zip_code",), AMOUNT),
    **dict.fromkeys(("period_of_report", "date_of_original_submission", "transaction_date",
                     "deemed_execution_date", "exercise_date", "expiration_date",
                     "signature_date", "statement_month"), DATE),
    **dict.fromkeys(("document_type",), DERIVED),
    **dict.fromkeys(("transaction_code", "transaction_timeliness",
                     "transaction_acquired_disposed_code", "direct_or_indirect_ownership",
                     "individual_or_joint_filing",
                     # a state or country code is on EDGAR's closed list
                     "rpt_owner_state"), CODE),
    **dict.fromkeys(("is_director", "is_officer", "is_ten_percent_owner", "is_other",
                     "not_subject_to_section16", "aff10b5_one"), CHECK),
    # A signature is a name (with "/s/" and a title): read as text, measured no less sure
    # than an owner's name; remarks run on like footnotes.
    **dict.fromkeys(("remarks",), NOTE),
}


def value_kind(path: str) -> str:
    """The kind of the field at ``path`` ("non_derivative_table[0].transaction_code" -> code).

    >>> value_kind("footnotes[2].text")
    'note'
    >>> value_kind("reporting_owners[0].relationship.is_director")
    'check'
    """
    if path.startswith("footnotes"):
        return NOTE
    name = re.sub(r"\[\d+\]", "", path).rsplit(".", 1)[-1]
    return VALUE_KINDS.get(name, TEXT)
