"""Every printed label of Form 4, per printed revision, as data.

Nothing here parses anything: readers look labels up by ``key`` and match their ``text`` with
:mod:`extractor.layout.fuzzy`.  Keys are stable across revisions ("earliest_transaction" is box 3
from 2002 on and does not exist before), so parsing code never depends on box numbers.

Revisions:

* ``pre-2002``: 1 Name and Address, 2 Issuer Name and Ticker, 3 IRS or Social Security Number,
  4 Statement for Month/Year, 5 If Amendment, 6 Relationship, 7 Individual or Joint/Group Filing.
* ``2002`` (SEC 1474 (9-02)): 1 Name and Address, 2 Issuer Name and Ticker, 3 Date of Earliest
  Transaction, 4 If Amendment, 5 Relationship, 6 Individual or Joint/Group Filing.
* ``2023``: as 2002, plus the Rule 10b5-1(c) check box.
* ``2026`` (SEC 1474 (03-26)): as 2023, plus box 2a Foreign Trading Symbol, box 1's "(Country)"
  line and "Zip/Postal Code"; box 3 reads "Date of Earliest Transaction Required to be
  Reported"; Table I and Table II on pages of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Label:
    """A printed label: ``key`` is what code asks for, ``text`` what the paper says."""

    key: str
    text: str
    #: The printed box or column number in this revision ("3", "3A"), if any.
    number: str | None = None


@dataclass(frozen=True, slots=True)
class Column:
    """A column of Table I or II: its printed heading and the row fields it fills, in order."""

    number: str
    heading: str
    fields: tuple[str, ...]
    #: Printed sub-headings under the heading ("Code", "V"), one per field when present.
    sub_headings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FormRevision:
    """One printed revision of Form 4."""

    name: str
    boxes: tuple[Label, ...]
    table1: tuple[Column, ...]
    table2: tuple[Column, ...]
    #: Labels whose presence identifies this revision among the others.
    signature_labels: tuple[str, ...]

    def box(self, key: str) -> Label | None:
        return next((b for b in self.boxes if b.key == key), None)


# --- Labels shared by all revisions -------------------------------------------------------------

TITLE_MARKERS: tuple[str, ...] = (
    "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
    "FORM 4",
    "UNITED STATES SECURITIES AND EXCHANGE COMMISSION",
)
#: Titles of the other ownership forms: a document that carries one of these and no Form 4
#: title is not a Form 4.
OTHER_FORM_TITLES: dict[str, str] = {
    "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES": "Form 3",
    "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP": "Form 5",
}

NAME_SUBLABELS: tuple[str, ...] = ("(Last)", "(First)", "(Middle)")
ADDRESS_SUBLABELS: tuple[str, ...] = ("(Street)", "(City)", "(State)", "(Zip)")

CHECKBOXES: tuple[Label, ...] = (
    Label("director", "Director"),
    Label("ten_percent_owner", "10% Owner"),
    Label("officer", "Officer (give title below)"),
    Label("other", "Other (specify below)"),
    Label("individual", "Form filed by One Reporting Person"),
    Label("joint", "Form filed by More than One Reporting Person"),
    Label("not_subject_to_section16",
          "Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations "
          "may continue. See Instruction 1(b)."),
)

SECTIONS: tuple[Label, ...] = (
    Label("table1", "Table I - Non-Derivative Securities Acquired, Disposed of, or "
                    "Beneficially Owned"),
    Label("table2", "Table II - Derivative Securities Acquired, Disposed of, or Beneficially "
                    "Owned (e.g., puts, calls, warrants, options, convertible securities)"),
    Label("explanation", "Explanation of Responses:"),
    Label("reporting_owners", "Reporting Owners"),
    Label("relationships", "Relationships"),
    Label("owner_name_address", "Reporting Owner Name / Address"),
    Label("signatures", "Signatures"),
    Label("remarks", "Remarks:"),
    # The owners after the first, listed on an attached page as filers' software prints them.
    Label("joint_filers", "Joint Filer Information"),
    Label("signature_of_reporting_person", "** Signature of Reporting Person"),
    Label("reminder", "Reminder: Report on a separate line for each class of securities "
                      "beneficially owned directly or indirectly."),
    Label("persons_who_respond", "Persons who respond to the collection of information "
                                 "contained in this form are not required to respond unless "
                                 "the form displays a currently valid OMB Number."),
    Label("omb_approval", "OMB APPROVAL"),
    # The official form's own pages of instructions, which filers may print with it.
    Label("general_instructions", "General Instructions"),
    Label("note_copies", "Note: File three copies of this Form, one of which must be manually "
                         "signed. If space is insufficient, see Instruction 6 for procedure."),
)

#: Column headings of the "Reporting Owners" table that EDGAR's HTML view (and investor-relations
#: sites that copy it) print after the form.
REPORTING_OWNER_COLUMNS: tuple[Label, ...] = (
    Label("owner_name_address", "Reporting Owner Name / Address"),
    Label("director", "Director"),
    Label("ten_percent_owner", "10% Owner"),
    Label("officer", "Officer"),
    Label("other", "Other"),
)

#: The same table as columns to read it by: the fields its cells fill.
REPORTING_OWNER_TABLE: tuple[Column, ...] = (
    Column("1", "Reporting Owner Name / Address", ("owner",)),
    Column("2", "Director", ("director",)),
    Column("3", "10% Owner", ("ten_percent_owner",)),
    Column("4", "Officer", ("officer",)),
    Column("5", "Other", ("other",)),
)

# --- Boxes per revision -------------------------------------------------------------------------

_NAME = Label("reporting_person", "Name and Address of Reporting Person*", "1")
_ISSUER = Label("issuer", "Issuer Name and Ticker or Trading Symbol", "2")

BOXES_2002: tuple[Label, ...] = (
    _NAME,
    _ISSUER,
    Label("earliest_transaction", "Date of Earliest Transaction (Month/Day/Year)", "3"),
    Label("amendment", "If Amendment, Date of Original Filed (Month/Day/Year)", "4"),
    Label("relationship", "Relationship of Reporting Person(s) to Issuer (Check all applicable)",
          "5"),
    Label("filing_type", "Individual or Joint/Group Filing (Check Applicable Line)", "6"),
)

RULE_10B5_1 = Label(
    "rule_10b5_1",
    "Check this box to indicate that a transaction was made pursuant to a contract, instruction "
    "or written plan for the purchase or sale of equity securities of the issuer that is "
    "intended to satisfy the affirmative defense conditions of Rule 10b5-1(c).",
)

BOXES_2026: tuple[Label, ...] = (
    _NAME,
    _ISSUER,
    Label("foreign_symbol", "Foreign Trading Symbol", "2a"),
    Label("earliest_transaction",
          "Date of Earliest Transaction Required to be Reported (Month/Day/Year)", "3"),
    Label("amendment", "If Amendment, Date Original Filed (Month/Day/Year)", "4"),
    BOXES_2002[4],
    BOXES_2002[5],
    RULE_10B5_1,
)

BOXES_PRE_2002: tuple[Label, ...] = (
    _NAME,
    _ISSUER,
    Label("irs_number", "IRS or Social Security Number of Reporting Person (Voluntary)", "3"),
    Label("statement_month", "Statement for Month/Year", "4"),
    Label("amendment", "If Amendment, Date of Original (Month/Year)", "5"),
    Label("relationship", "Relationship of Reporting Person(s) to Issuer (Check all applicable)",
          "6"),
    Label("filing_type", "Individual or Joint/Group Filing (Check Applicable Line)", "7"),
)

# --- Table columns ------------------------------------------------------------------------------

TABLE1_2002: tuple[Column, ...] = (
    Column("1", "Title of Security (Instr. 3)", ("security_title",)),
    Column("2", "Transaction Date (Month/Day/Year)", ("transaction_date",)),
    Column("2A", "Deemed Execution Date, if any (Month/Day/Year)", ("deemed_execution_date",)),
    Column("3", "Transaction Code (Instr. 8)", ("transaction_code", "transaction_timeliness"),
           ("Code", "V")),
    Column("4", "Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)",
           ("transaction_shares", "transaction_acquired_disposed_code",
            "transaction_price_per_share"), ("Amount", "(A) or (D)", "Price")),
    Column("5", "Amount of Securities Beneficially Owned Following Reported Transaction(s) "
                "(Instr. 3 and 4)", ("shares_owned_following_transaction",)),
    Column("6", "Ownership Form: Direct (D) or Indirect (I) (Instr. 4)",
           ("direct_or_indirect_ownership",)),
    Column("7", "Nature of Indirect Beneficial Ownership (Instr. 4)", ("nature_of_ownership",)),
)

TABLE2_2002: tuple[Column, ...] = (
    Column("1", "Title of Derivative Security (Instr. 3)", ("security_title",)),
    Column("2", "Conversion or Exercise Price of Derivative Security",
           ("conversion_or_exercise_price",)),
    Column("3", "Transaction Date (Month/Day/Year)", ("transaction_date",)),
    Column("3A", "Deemed Execution Date, if any (Month/Day/Year)", ("deemed_execution_date",)),
    Column("4", "Transaction Code (Instr. 8)", ("transaction_code", "transaction_timeliness"),
           ("Code", "V")),
    Column("5", "Number of Derivative Securities Acquired (A) or Disposed of (D) "
                "(Instr. 3, 4 and 5)", ("transaction_shares", "transaction_shares"),
           ("(A)", "(D)")),
    Column("6", "Date Exercisable and Expiration Date (Month/Day/Year)",
           ("exercise_date", "expiration_date"), ("Date Exercisable", "Expiration Date")),
    Column("7", "Title and Amount of Securities Underlying Derivative Security (Instr. 3 and 4)",
           ("underlying_security_title", "underlying_security_shares"),
           ("Title", "Amount or Number of Shares")),
    Column("8", "Price of Derivative Security (Instr. 5)", ("transaction_price_per_share",)),
    Column("9", "Number of derivative Securities Beneficially Owned Following Reported "
                "Transaction(s) (Instr. 4)", ("shares_owned_following_transaction",)),
    Column("10", "Ownership Form: Direct (D) or Indirect (I) (Instr. 4)",
           ("direct_or_indirect_ownership",)),
    Column("11", "Nature of Indirect Beneficial Ownership (Instr. 4)", ("nature_of_ownership",)),
)

TABLE1_PRE_2002: tuple[Column, ...] = (
    Column("1", "Title of Security (Instr. 3)", ("security_title",)),
    Column("2", "Transaction Date (Month/Day/Year)", ("transaction_date",)),
    Column("3", "Transaction Code (Instr. 8)", ("transaction_code", "transaction_timeliness"),
           ("Code", "V")),
    Column("4", "Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)",
           ("transaction_shares", "transaction_acquired_disposed_code",
            "transaction_price_per_share"), ("Amount", "(A) or (D)", "Price")),
    Column("5", "Amount of Securities Beneficially Owned at End of Month (Instr. 3 and 4)",
           ("shares_owned_following_transaction",)),
    Column("6", "Ownership Form: Direct (D) or Indirect (I) (Instr. 4)",
           ("direct_or_indirect_ownership",)),
    Column("7", "Nature of Indirect Beneficial Ownership (Instr. 4)", ("nature_of_ownership",)),
)

TABLE2_PRE_2002: tuple[Column, ...] = (
    Column("1", "Title of Derivative Security (Instr. 3)", ("security_title",)),
    Column("2", "Conversion or Exercise Price of Derivative Security",
           ("conversion_or_exercise_price",)),
    Column("3", "Transaction Date (Month/Day/Year)", ("transaction_date",)),
    Column("4", "Transaction Code (Instr. 8)", ("transaction_code", "transaction_timeliness"),
           ("Code", "V")),
    Column("5", "Number of Derivative Securities Acquired (A) or Disposed of (D) "
                "(Instr. 3, 4 and 5)", ("transaction_shares", "transaction_acquired_disposed_code"),
           ("Amount", "(A) or (D)")),
    Column("6", "Date Exercisable and Expiration Date (Month/Day/Year)",
           ("exercise_date", "expiration_date"), ("Date Exercisable", "Expiration Date")),
    Column("7", "Title and Amount of Underlying Securities (Instr. 3 and 4)",
           ("underlying_security_title", "underlying_security_shares"),
           ("Title", "Amount or Number of Shares")),
    Column("8", "Price of Derivative Security (Instr. 5)", ("transaction_price_per_share",)),
    Column("9", "Number of Derivative Securities Beneficially Owned at End of Month (Instr. 4)",
           ("shares_owned_following_transaction",)),
    Column("10", "Ownership Form of Derivative Security: Direct (D) or Indirect (I) (Instr. 4)",
           ("direct_or_indirect_ownership",)),
    Column("11", "Nature of Indirect Beneficial Ownership (Instr. 4)", ("nature_of_ownership",)),
)

# --- The revisions ------------------------------------------------------------------------------

REVISIONS: dict[str, FormRevision] = {
    "pre-2002": FormRevision("pre-2002", BOXES_PRE_2002, TABLE1_PRE_2002, TABLE2_PRE_2002,
                             ("Statement for Month/Year",
                              "IRS or Social Security Number of Reporting Person")),
    "2002": FormRevision("2002", BOXES_2002, TABLE1_2002, TABLE2_2002,
                         ("Date of Earliest Transaction (Month/Day/Year)",)),
    "2023": FormRevision("2023", (*BOXES_2002, RULE_10B5_1), TABLE1_2002, TABLE2_2002,
                         ("affirmative defense conditions of Rule 10b5-1(c)",)),
    "2026": FormRevision("2026", BOXES_2026, TABLE1_2002, TABLE2_2002,
                         ("2a. Foreign Trading Symbol",
                          "Date of Earliest Transaction Required to be Reported")),
}

# --- Typed-out forms of legacy EDGAR text filings (SGML submissions before XML) ------------------

#: The table titles as filers typed them: the printed titles without Table II's "(e.g., puts,
#: calls, ...)" tail, which typed-out forms leave off (with it, Table II's typed title matches
#: Table I's printed one better than its own).
LEGACY_TABLE_TITLES: tuple[Label, ...] = (
    Label("table1", "Table I - Non-Derivative Securities Acquired, Disposed of, or "
                    "Beneficially Owned"),
    Label("table2", "Table II - Derivative Securities Acquired, Disposed of, or "
                    "Beneficially Owned"),
)
#: The label of the signature date ("Date") beside or under "Signature of Reporting Person".
SIGNATURE_DATE = Label("signature_date", "Date")
#: Values of the SGML header's ``<RELATIONSHIP>`` tag, per box 6 check box key.
HEADER_RELATIONSHIPS: dict[str, tuple[str, ...]] = {
    "director": ("DIRECTOR",),
    "officer": ("OFFICER",),
    "ten_percent_owner": ("10 PERCENT OWNER", "10% OWNER", "TEN PERCENT OWNER"),
    "other": ("OTHER",),
}
#: A country line typed under the city line of box 1 that names the United States.
US_COUNTRY_NAMES = frozenset({"USA", "U.S.A.", "US", "U.S.", "UNITED STATES",
                              "UNITED STATES OF AMERICA"})

#: Other text printed on the form (title block, OMB box, footer), for renderers.
PRINTED_TEXT: dict[str, str] = {
    "form": "FORM 4",
    "agency": "UNITED STATES SECURITIES AND EXCHANGE COMMISSION",
    "city": "Washington, D.C. 20549",
    "title": "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
    "filed_pursuant": "Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or "
                      "Section 30(h) of the Investment Company Act of 1940",
    "omb_number": "OMB Number: 3235-0287",
    "omb_burden": "Estimated average burden",
    "omb_hours": "hours per response: 0.5",
    "print_or_type": "(Print or Type Responses)",
    "footnote_joint": "* If the form is filed by more than one reporting person, see "
                      "Instruction 4(b)(v).",
    "footnote_misstatements": "** Intentional misstatements or omissions of facts constitute "
                              "Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. "
                              "78ff(a).",
    "form_number": "SEC 1474 (9-02)",
    "continued": "(continued)",
}

#: Which column of the printed form each box, sub-label and check box sits in (2002 layout:
#: box 1 left; boxes 2-4 middle; boxes 5-6 right).  Text that puts labels of two columns on one
#: line was read across the page, not box by box.
FORM_COLUMNS: dict[str, int] = {
    "reporting_person": 1, "last": 1, "first": 1, "middle": 1, "street": 1, "city": 1,
    "state": 1, "zip": 1,
    "issuer": 2, "earliest_transaction": 2, "amendment": 2, "irs_number": 2,
    "statement_month": 2,
    "relationship": 3, "filing_type": 3, "director": 3, "ten_percent_owner": 3, "officer": 3,
    "other": 3, "individual": 3, "joint": 3,
}

#: Words that make up the security titles and ownership notes of Form 4 tables.  When a typed
#: table cuts a cell at its column edge, these decide whether "Co" + "mmon" is one word and
#: "to" + "buy" two.
TABLE_WORDS = frozenset("""
a american and appreciation at buy by call class common convertible corp debentures deferred
depositary director employee exercise family for fund held in incentive inc indirect interests
limited llc lp membership non note notes of option options or ordinary par partnership per
performance phantom preferred purchase put qualified receipts restricted right rights sell series
share shares spouse stock the to trust unit units value warrant warrants
""".split())


def _words_of(*texts: str) -> frozenset[str]:
    return frozenset(word.lower() for text in texts for word in re.findall(r"[A-Za-z]{3,}", text))


#: Every word of three letters or more the form prints in its labels, headings and captions
#: ("reporting", "person", "common"), in small letters: words, not names, though printed with
#: capitals.
LABEL_WORDS = _words_of(
    *(label.text for revision in REVISIONS.values() for label in revision.boxes),
    *(column.heading for revision in REVISIONS.values()
      for column in (*revision.table1, *revision.table2)),
    *(label.text for label in (*SECTIONS, *CHECKBOXES, *REPORTING_OWNER_COLUMNS)),
    *NAME_SUBLABELS, *ADDRESS_SUBLABELS, *PRINTED_TEXT.values(), *TABLE_WORDS,
)
