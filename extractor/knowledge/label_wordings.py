"""How printers word the form's labels besides the official text, and the form's boilerplate.

The geometric reader (:mod:`extractor.layout.geometric`) looks every label up by its key in
:mod:`extractor.knowledge.labels` and by the wordings here: shorter or reworded forms that
filing agents' software and investor-relations sites print ("Issuer Name and Ticker Symbol").
A wording is matched fuzzily, so small differences of punctuation or spelling need no entry.
"""

from __future__ import annotations

from extractor.knowledge import labels as K

#: Extra wordings per label key (box, check box or section).  The official text comes first
#: from :mod:`extractor.knowledge.labels`; these are tried after it.
WORDINGS: dict[str, tuple[str, ...]] = {
    "reporting_person": ("Name and Address of Reporting Person",
                         "Reporting Person Name and Address",
                         "Name & Address of Reporting Person"),
    "issuer": ("Issuer Name and Ticker or Trading Symbol", "Issuer Name and Ticker Symbol",
               "Issuer Name & Ticker or Trading Symbol", "Issuer Name and Ticker"),
    "foreign_symbol": ("Foreign Trading Symbol",),
    "joint_filers": ("Additional Reporting Persons", "Reporting Persons (continued)",
                     "Names and Addresses of Additional Reporting Persons",
                     "Joint Filer Information"),
    "earliest_transaction": ("Date of Earliest Transaction Required to be Reported",
                             "Date of Earliest Transaction", "Date of Earliest Transaction "
                             "(Month/Day/Year)"),
    "amendment": ("If Amendment, Date Original Filed", "If Amendment, Date of Original Filed",
                  "If Amendment, Date of Original (Month/Year)"),
    "relationship": ("Relationship of Reporting Person(s) to Issuer", "Relationship to Issuer",
                     "Relationship of Reporting Person to Issuer"),
    "filing_type": ("Individual or Joint/Group Filing", "Individual or Joint Group Filing"),
    "irs_number": ("IRS or Social Security Number of Reporting Person",
                   "I.R.S. Identification Number of Reporting Person, if an entity"),
    "statement_month": ("Statement for Month/Year", "Statement for Month/Day/Year"),
    "not_subject_to_section16": ("Check this box if no longer subject to Section 16",),
    "rule_10b5_1": ("Check this box to indicate that a transaction was made pursuant to a "
                    "contract, instruction or written plan",),
    "table1": ("Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially "
               "Owned", "Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned"),
    "table2": ("Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned",
               "Derivative Securities Acquired, Disposed of, or Beneficially Owned"),
    "explanation": ("Explanation of Responses",),
    "remarks": ("Remarks",),
    "signature_of_reporting_person": ("Signature of Reporting Person",),
    "officer": ("Officer (give title below)", "Officer"),
    "other": ("Other (specify below)", "Other"),
    "ten_percent_owner": ("10% Owner", "Ten Percent Owner"),
    "individual": ("Form filed by One Reporting Person",),
    "joint": ("Form filed by More than One Reporting Person",),
}

#: Extra wordings of Table I's and II's column headings, by the first row field the column
#: fills: the short forms printers set in narrow columns.  Headings cut short after their
#: first words, and the headings other revisions print, are tried as well (layout/geometric
#: /specs.py).
COLUMN_WORDINGS: dict[str, tuple[str, ...]] = {
    "direct_or_indirect_ownership": ("Ownership Form (D/I)", "Ownership Form: D or I",
                                     "Direct (D) or Indirect (I)"),
    "nature_of_ownership": ("Nature of Indirect Ownership",),
    "shares_owned_following_transaction": (
        "Amount Beneficially Owned Following Reported Transaction(s)",
        "Number of Derivative Securities Owned Following Reported Transaction(s)"),
}

#: Abbreviations printers set in labels and headings, with the word each stands for; a word
#: printed so ("No.", "Trans.") is matched as its full word.  Small letters.
LABEL_ABBREVIATIONS: dict[str, str] = {
    "no.": "number", "nos.": "numbers", "trans.": "transaction", "deriv.": "derivative",
    "conv.": "conversion", "amt.": "amount", "exp.": "expiration", "exer.": "exercise",
    "benef.": "beneficially", "secs.": "securities", "sec.": "security",
}

#: Printed text that is never a value: the title block, the OMB box, the notes and footers
#: under the form.  A word of one of these is the form's own, wherever it lies.
BOILERPLATE: tuple[str, ...] = (
    K.PRINTED_TEXT["agency"],
    K.PRINTED_TEXT["city"],
    K.PRINTED_TEXT["title"],
    "Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934",
    "or Section 30(h) of the Investment Company Act of 1940",
    "OMB APPROVAL",
    "OMB Number: 3235-0287",
    "Estimated average burden",
    "hours per response: 0.5",
    "(Print or Type Responses)",
    K.PRINTED_TEXT["footnote_joint"],
    "** Intentional misstatements or omissions of facts constitute Federal Criminal "
    "Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).",
    "Reminder: Report on a separate line for each class of securities beneficially owned "
    "directly or indirectly.",
    "Note: File three copies of this Form, one of which must be manually signed. If space is "
    "insufficient, see Instruction 6 for procedure.",
    "Persons who respond to the collection of information contained in this form are not "
    "required to respond unless the form displays a currently valid OMB Number.",
    "Potential persons who are to respond to the collection of information contained in this "
    "Form are not required to respond unless the Form displays a currently valid OMB control "
    "number.",
    "Board of Governors of the Federal Reserve System",
    "Approval expires",
)
