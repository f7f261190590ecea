"""What an officer's title is made of, as box 5 prints it under "Officer (give title below)".

A title names an office ("Chief Financial Officer", "EVP, General Counsel", "COO"); the text
under "Other (specify below)" says why the filer reports without one ("Member of 13(d)
group", "Former director", "Director by deputization").  Where both boxes are checked and the
two texts stand one under the other, which is which shows in what they say.
"""

from __future__ import annotations

import re

#: Words that name an office.  "Director" is not one: "Former director" is an "other" text.
#: Small letters.
OFFICE_WORDS = frozenset({
    "chief", "officer", "president", "vice", "vp", "evp", "svp", "ceo", "cfo", "coo", "cto",
    "clo", "cao", "cmo", "cio", "cco", "cso", "secretary", "treasurer", "counsel",
    "controller", "comptroller", "chairman", "chairwoman", "chairperson", "chair",
})
#: Words that mark a text as not a present office: a past one, a group, a pointer elsewhere.
NOT_AN_OFFICE = frozenset({"former", "formerly", "group", "13(d)", "see", "remarks", "member"})

_WORD = re.compile(r"[a-z0-9()]+")


def names_an_office(text: str) -> bool:
    """Whether any word of ``text`` names an office."""
    return bool(set(_WORD.findall(text.casefold())) & OFFICE_WORDS)


def reads_as_title(text: str) -> bool:
    """Whether ``text`` names an office and nothing that says it is not one.

    >>> reads_as_title("Chief Financial Officer"), reads_as_title("SVP, GC")
    (True, True)
    >>> reads_as_title("Member of 13(d) group"), reads_as_title("Former director")
    (False, False)
    """
    words = set(_WORD.findall(text.casefold()))
    return bool(words & OFFICE_WORDS) and not words & NOT_AN_OFFICE
