"""Print of the form that, found inside a value, shows the value took in more than its own.

A layout that put a box's boundary in the wrong place leaves the neighbouring label's words,
a check box, the next box's number or the page's furniture in a value.  Each list is matched
as whole words, ignoring case (:mod:`extractor.validate.printed_residue`).
"""

from __future__ import annotations

#: Label words no box value holds: boxes 1-6 and the tables' headings, cut short as layouts
#: print them.
BOX_LABEL_PHRASES: tuple[str, ...] = (
    "check all that apply", "check all applicable", "give title", "specify below",
    "name and address", "issuer name", "ticker symbol", "trading symbol",
    "relationship of reporting", "individual or joint", "date of earliest",
    "if amendment", "table i", "table ii", "form 4", "(continued)", "explanation of responses",
    "(street)", "(city)", "(state)", "(zip)", "(last)", "(first)", "(middle)",
    "(month/day/year)", "(instr.", "instr.", "reporting person(s)", "10% owner",
    "director 10%", "officer other", "officer (give", "other (specify",
)
#: Print no footnote or remark holds, though they may name the form's tables and boxes.
NOTE_LABEL_PHRASES: tuple[str, ...] = (
    "form 4 (continued)", "(continued)", "4- continued", "4 - continued", "4 continued",
    "explanation of responses", "signature of reporting",
    "**signature", "reminder:", "sec 1474", "check all that apply", "persons who respond",
)
#: Box 1's sub-labels as a layout prints them bare or with a colon ("Street:", "City").
ADDRESS_SUB_LABELS: frozenset[str] = frozenset({"street", "city", "state", "zip", "zip code"})
