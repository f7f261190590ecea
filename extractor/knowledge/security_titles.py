"""What a security's title is made of, as the form's Table I and Table II print it.

A title names a class of security and ends in the noun that names it ("Common Stock",
"Ordinary Shares", "Restricted Stock Units", "Stock Option (right to buy)", "..., $0.01 par
value").  A title cut short by a wrap the text lost, or whose wrapped words came back in
another order, ends in one of the words that only ever qualify that noun.
"""

from __future__ import annotations

#: Words that qualify a security's noun and never end its title.  Small letters.
QUALIFIER_WORDS = frozenset({
    "common", "class", "series", "tranche", "restricted", "preferred", "convertible",
    "employee", "director", "phantom", "performance", "deferred", "non-qualified",
    "nonqualified", "non-qualifed", "qualified", "incentive", "limited", "partnership",
    "ordinary", "american", "depositary", "subordinate", "subordinated", "voting",
    "non-voting", "cumulative", "senior", "purchase", "to", "of", "and", "or", "par", "no",
    "the",
})
#: Words that end a title's noun: a title holding one of them cut before its last words.
NOUN_WORDS = frozenset({
    "stock", "shares", "share", "units", "unit", "warrants", "warrant", "options", "option",
    "rights", "right", "notes", "note", "interests", "interest", "award", "awards", "value",
    "buy)", "sell)", "debentures", "securities", "ads", "adss", "call", "put", "swap",
})
