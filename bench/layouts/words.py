"""The printed words of the layouts: label wordings, abbreviations and boilerplate.

This is the generator's own data, written from the SEC's blank forms (2002, 2023 and 2026
revisions and the pre-2002 one) and from filing-agent printouts, deliberately *not* taken from
the reader's knowledge (``extractor.knowledge``) or the project's renderer: the benchmark
measures whether a reader copes with wordings it was not written against.

Every key maps to a tuple of wordings; a layout's ``LayoutSpec.wording`` draw selects one per
key (:func:`pick`), so a key with one wording is printed that way by every layout.
"""

from __future__ import annotations

import random

#: Header box labels (without their box number).
HEADER: dict[str, tuple[str, ...]] = {
    "name": ("Name and Address of Reporting Person*", "Name and Address of Reporting Person *",
             "Name & Address of Reporting Person", "Name and Address of Reporting Person(s)",
             "Reporting Person Name and Address"),
    "issuer": ("Issuer Name and Ticker or Trading Symbol", "Issuer Name and Ticker Symbol",
               "Issuer Name & Ticker or Trading Symbol", "Issuer Name and Trading Symbol"),
    "foreign_symbol": ("Foreign Trading Symbol", "Foreign Trading Symbol (if any)"),
    "period": ("Date of Earliest Transaction (Month/Day/Year)",
               "Date of Earliest Transaction Required to be Reported (Month/Day/Year)",
               "Date of Earliest Transaction", "Date of Earliest Trans. (Month/Day/Year)"),
    "period_2026": ("Date of Earliest Transaction Required to be Reported (Month/Day/Year)",),
    "amendment": ("If Amendment, Date Original Filed (Month/Day/Year)",
                  "If Amendment, Date of Original Filed (Month/Day/Year)",
                  "If Amendment, Date Original Filed", "If Amend., Date Original Filed"),
    "relationship": ("Relationship of Reporting Person(s) to Issuer (Check all applicable)",
                     "Relationship of Reporting Person(s) to Issuer",
                     "Relationship of Reporting Person to Issuer (Check all applicable)",
                     "Relationship to Issuer (check all that apply)"),
    "filing": ("Individual or Joint/Group Filing (Check Applicable Line)",
               "Individual or Joint/Group Filing",
               "Individual or Joint/Group Reporting (Check applicable line)"),
    # The pre-2002 revision's boxes.
    "irs": ("I.R.S. Identification Number of Reporting Person, if an entity (Voluntary)",
            "IRS or Social Security Number of Reporting Person (Voluntary)"),
    "statement_month": ("Statement for Month/Year", "Statement for (Month/Year)"),
    "amendment_pre": ("If Amendment, Date of Original (Month/Year)",
                      "If Amendment, Date of Original"),
}

#: The check lines of box 5 (box 6 before 2002) and box 6 (box 7).
CHECKS: dict[str, tuple[str, ...]] = {
    "director": ("Director",),
    "ten": ("10% Owner", "10 % Owner", "Ten Percent Owner"),
    "officer": ("Officer (give title below)", "Officer (give title)", "Officer"),
    "other": ("Other (specify below)", "Other (specify)", "Other"),
    "one": ("Form filed by One Reporting Person", "Form Filed by One Reporting Person"),
    "more": ("Form filed by More than One Reporting Person",
             "Form Filed by More than One Reporting Person"),
    "sec16": ("Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations "
              "may continue. See Instruction 1(b).",
              "Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations "
              "may continue.",
              "Check box if no longer subject to Section 16. See Instruction 1(b)."),
    "10b5": ("Check this box to indicate that a transaction was made pursuant to a contract, "
             "instruction or written plan that is intended to satisfy the affirmative defense "
             "conditions of Rule 10b5-1(c). See Instruction 10.",
             "Check this box to indicate that a transaction was made pursuant to a contract, "
             "instruction or written plan for the purchase or sale of equity securities of the "
             "issuer that is intended to satisfy the affirmative defense conditions of Rule "
             "10b5-1(c). See Instruction 10.",
             "Rule 10b5-1(c) transaction: check if made pursuant to a plan intended to satisfy "
             "the affirmative defense conditions. See Instruction 10."),
}

#: Sub-labels printed under (or before) the parts of box 1, in styles: a layout prints all of
#: them in one style (the form's parenthesized words, bare words, or words with a colon).
SUBLABELS: dict[str, tuple[str, ...]] = {
    "last": ("(Last)", "Last", "Last:"), "first": ("(First)", "First", "First:"),
    "middle": ("(Middle)", "Middle", "Middle:"), "street": ("(Street)", "Street", "Street:"),
    "city": ("(City)", "City", "City:"), "state": ("(State)", "State", "State:"),
    "zip": ("(Zip)", "Zip Code", "Zip:"), "zip_2026": ("(Zip/Postal Code)", "Zip/Postal Code",
                                                      "Zip/Postal Code:"),
    "country": ("(Country)", "Country", "Country:"),
}
SUBLABEL_STYLES = {"style": ("parenthesized", "bare", "colon")}

#: Column headings of Table I (keys as the leaf columns they head; see tables.py).
TABLE_I: dict[str, tuple[str, ...]] = {
    "title": ("Title of Security (Instr. 3)", "Title of Security"),
    "date": ("Transaction Date (Month/Day/Year)", "Trans. Date", "Transaction Date"),
    "deemed": ("Deemed Execution Date, if any (Month/Day/Year)", "Deemed Execution Date, if any",
               "Deemed Exec. Date"),
    "code": ("Transaction Code (Instr. 8)", "Transaction Code", "Trans. Code (Instr. 8)"),
    "securities": ("Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)",
                   "Securities Acquired (A) or Disposed of (D)",
                   "Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 & 5)"),
    "owned": ("Amount of Securities Beneficially Owned Following Reported Transaction(s) "
              "(Instr. 3 and 4)", "Amount of Securities Beneficially Owned Following Reported "
              "Transaction(s)", "Amount Beneficially Owned Following Reported Trans."),
    "owned_pre": ("Amount of Securities Beneficially Owned at End of Month (Instr. 3 and 4)",
                  "Amount of Securities Beneficially Owned at End of Month"),
    "form": ("Ownership Form: Direct (D) or Indirect (I) (Instr. 4)",
             "Ownership Form: Direct (D) or Indirect (I)", "Ownership Form (D/I)"),
    "nature": ("Nature of Indirect Beneficial Ownership (Instr. 4)",
               "Nature of Indirect Beneficial Ownership", "Nature of Indirect Ownership"),
}

TABLE_II: dict[str, tuple[str, ...]] = {
    "title": ("Title of Derivative Security (Instr. 3)", "Title of Derivative Security"),
    "conversion": ("Conversion or Exercise Price of Derivative Security",
                   "Conversion or Exercise Price", "Conv. or Exercise Price of Derivative "
                   "Security"),
    "date": TABLE_I["date"],
    "deemed": TABLE_I["deemed"],
    "code": TABLE_I["code"],
    "number": ("Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4, "
               "and 5)", "Number of Derivative Securities Acquired (A) or Disposed of (D)",
               "No. of Derivative Securities Acquired (A) or Disposed of (D)"),
    "exercise": ("Date Exercisable and Expiration Date (Month/Day/Year)",
                 "Date Exercisable and Expiration Date", "Date Exercisable & Expiration Date"),
    "underlying": ("Title and Amount of Securities Underlying Derivative Security (Instr. 3 "
                   "and 4)", "Title and Amount of Underlying Securities",
                   "Title and Amount of Securities Underlying Derivative Security"),
    "price": ("Price of Derivative Security (Instr. 5)", "Price of Derivative Security",
              "Price of Deriv. Security"),
    "owned": ("Number of Derivative Securities Beneficially Owned Following Reported "
              "Transaction(s) (Instr. 4)", "Number of Derivative Securities Beneficially Owned "
              "Following Reported Transaction(s)", "No. of Derivative Securities Owned "
              "Following Reported Trans."),
    "owned_pre": ("Number of Derivative Securities Beneficially Owned at End of Month "
                  "(Instr. 4)", "Number of Derivative Securities Beneficially Owned at End of "
                  "Month"),
    "form": ("Ownership Form of Derivative Security: Direct (D) or Indirect (I) (Instr. 4)",
             "Ownership Form of Derivative Security: Direct (D) or Indirect (I)",
             "Ownership Form (D/I)"),
    "nature": TABLE_I["nature"],
}

#: The sub-headings under a heading that spans several columns (the form's own, kept as is).
SUBHEADINGS: dict[str, tuple[str, ...]] = {
    "code": ("Code", "V"),
    "securities": ("Amount", "(A) or (D)", "Price"),
    "number": ("(A)", "(D)"),
    "exercise": ("Date Exercisable", "Expiration Date"),
    "underlying": ("Title", "Amount or Number of Shares"),
}

TITLES: dict[str, tuple[str, ...]] = {
    "table_i": ("Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
                "Table I — Non-Derivative Securities Acquired, Disposed of, or Beneficially "
                "Owned", "TABLE I - NON-DERIVATIVE SECURITIES ACQUIRED, DISPOSED OF, OR "
                "BENEFICIALLY OWNED"),
    "table_ii": ("Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned",
                 "Table II — Derivative Securities Acquired, Disposed of, or Beneficially Owned",
                 "TABLE II - DERIVATIVE SECURITIES ACQUIRED, DISPOSED OF, OR BENEFICIALLY "
                 "OWNED"),
    "table_ii_sub": ("(e.g., puts, calls, warrants, options, convertible securities)",),
    "continued": ("(continued)", "(Continued)", "- continued"),
    "explanation": ("Explanation of Responses:", "Explanation of Responses",
                    "EXPLANATION OF RESPONSES:"),
    "remarks": ("Remarks:", "Remarks", "REMARKS:"),
    "signature": ("** Signature of Reporting Person", "**Signature of Reporting Person"),
    "date": ("Date",),
    "joint": ("Joint Filer Information", "Additional Reporting Persons",
              "Reporting Persons (continued)"),
    "owners_table": ("Reporting Owners",),
    "owner_name_address": ("Reporting Owner Name / Address",),
    "relationships": ("Relationships",),
    "signatures_table": ("Signatures",),
}

#: The title block of the paper forms.
TITLE_BLOCK: dict[str, tuple[str, ...]] = {
    "commission": ("UNITED STATES SECURITIES AND EXCHANGE COMMISSION",),
    "city": ("Washington, D.C. 20549",),
    "statement": ("STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
                  "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES"),
    "pursuant": ("Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934, "
                 "Section 17(a) of the Public Utility Holding Company Act of 1935 or Section "
                 "30(h) of the Investment Company Act of 1940",
                 "Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or "
                 "Section 30(h) of the Investment Company Act of 1940"),
    "print": ("(Print or Type Responses)",),
}

OMB: dict[str, tuple[str, ...]] = {
    "2002": ("OMB APPROVAL", "OMB Number: 3235-0287", "Expires: January 31, 2005",
             "Estimated average burden", "hours per response... 0.5"),
    "2023": ("OMB APPROVAL", "OMB Number: 3235-0287", "Estimated average burden",
             "hours per response: 0.5"),
    "2026": ("OMB APPROVAL", "OMB Number: 3235-0287", "Expires: August 31, 2026",
             "Estimated average burden", "hours per response... 0.5"),
    "pre-2002": ("OMB APPROVAL", "OMB Number: 3235-0287", "Expires: September 30, 1998",
                 "Estimated average burden", "hours per response... 0.5"),
}

BOILERPLATE: dict[str, str] = {
    "reminder": "Reminder: Report on a separate line for each class of securities beneficially "
                "owned directly or indirectly.",
    "joint_note": "* If the form is filed by more than one reporting person, see Instruction "
                  "4(b)(v).",
    "misstatements": "** Intentional misstatements or omissions of facts constitute Federal "
                     "Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).",
    "copies": "Note: File three copies of this Form, one of which must be manually signed. If "
              "space is insufficient, see Instruction 6 for procedure.",
    "persons": "Persons who respond to the collection of information contained in this form "
               "are not required to respond unless the form displays a currently valid OMB "
               "Number.",
    "potential": "Potential persons who are to respond to the collection of information "
                 "contained in this Form are not required to respond unless the Form displays "
                 "a currently valid OMB control number.",
}

#: The form number printed at the foot of each revision.
SEC_NUMBER: dict[str, str] = {
    "pre-2002": "SEC 1474 (7-96)", "2002": "SEC 1474 (9-02)", "2023": "SEC 1474 (9-02)",
    "2026": "SEC 1474 (03-26)",
}

#: How box numbers are printed: "1. Name", "1) Name", "Item 1. Name" or no number at all.
NUMBERINGS: tuple[str, ...] = ("{n}. ", "{n}) ", "", "{n}. ", "Item {n}. ")


def pick(table: dict[str, tuple[str, ...]], key: str, wording: int) -> str:
    """The wording of ``key`` that the layout's ``wording`` draw selects.

    Each key gets its own choice (a stream seeded by the draw and the key, stable across runs
    and processes), so one layout can say "Trans. Date" and "Title of Security (Instr. 3)"."""
    options = table[key]
    return options[random.Random(f"{wording}:{key}").randrange(len(options))]


def sublabel(key: str, wording: int) -> str:
    """Box 1's sub-label ``key`` in the layout's one sub-label style."""
    style = SUBLABEL_STYLES["style"].index(pick(SUBLABEL_STYLES, "style", wording))
    return SUBLABELS[key][style]


def numbered(number: str, label: str, numbering: str) -> str:
    """``label`` with its box number in the drawn style ("2A. Deemed Execution Date")."""
    return numbering.format(n=number) + label if number else label
