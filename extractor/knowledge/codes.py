"""Closed lists of the form: transaction codes, ownership codes and US state codes."""

from __future__ import annotations

import re

#: Form 4 General Instruction 8: transaction codes and what they mean.
TRANSACTION_CODES: dict[str, str] = {
    "P": "Open market or private purchase of non-derivative or derivative security",
    "S": "Open market or private sale of non-derivative or derivative security",
    "V": "Transaction voluntarily reported earlier than required",
    "A": "Grant, award or other acquisition pursuant to Rule 16b-3(d)",
    "D": "Disposition to the issuer of issuer equity securities pursuant to Rule 16b-3(e)",
    "F": "Payment of exercise price or tax liability by delivering or withholding securities",
    "I": "Discretionary transaction in accordance with Rule 16b-3(f)",
    "M": "Exercise or conversion of derivative security exempted pursuant to Rule 16b-3",
    "C": "Conversion of derivative security",
    "E": "Expiration of short derivative position",
    "H": "Expiration (or cancellation) of long derivative position with value received",
    "O": "Exercise of out-of-the-money derivative security",
    "X": "Exercise of in-the-money or at-the-money derivative security",
    "G": "Bona fide gift",
    "L": "Small acquisition under Rule 16a-6",
    "W": "Acquisition or disposition by will or the laws of descent and distribution",
    "Z": "Deposit into or withdrawal from voting trust",
    "J": "Other acquisition or disposition (describe transaction)",
    "K": "Transaction in equity swap or instrument with similar characteristics",
    "U": "Disposition pursuant to a tender of shares in a change of control transaction",
}

#: The "V" column is a mark, not a code; it is not a valid column-4 transaction code on its own.
ROW_TRANSACTION_CODES = frozenset(TRANSACTION_CODES) - {"V"}

ACQUIRED_DISPOSED_CODES = frozenset({"A", "D"})
DIRECT_INDIRECT_CODES = frozenset({"D", "I"})

#: USPS codes: states, DC, territories and military "states".
STATE_CODES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin",
    "WY": "Wyoming", "AS": "American Samoa", "GU": "Guam", "MP": "Northern Mariana Islands",
    "PR": "Puerto Rico", "VI": "U.S. Virgin Islands", "AA": "Armed Forces Americas",
    "AE": "Armed Forces Europe", "AP": "Armed Forces Pacific",
}

#: A state's name as a view spells it out ("CALIFORNIA", "District of Columbia"), upper-cased,
#: to its USPS code: the 2026 view prints the name where EDGAR XML holds the code.
STATE_NAME_CODES: dict[str, str] = {
    **{name.upper(): code for code, name in STATE_CODES.items()},
    "VIRGIN ISLANDS": "VI", "US VIRGIN ISLANDS": "VI", "WASHINGTON DC": "DC",
    "WASHINGTON, D.C.": "DC",
}


#: Words in an all-capitals address that stay in capitals when it is re-cased for display.
UPPERCASE_ADDRESS_WORDS = frozenset({
    "C/O", "PO", "P.O.", "LLC", "L.L.C.", "LP", "L.P.", "LLP", "II", "III", "IV", "USA", "U.S.",
    "NE", "NW", "SE", "SW", "N.E.", "N.W.", "S.E.", "S.W.", "ATTN", "ATTN:", "FBO",
})

#: Street-type words and unit designators: in an address run together on one line
#: ("3301 AGRICULTURE DRIVE MADISON"), the city starts after the last of these.
STREET_WORDS = frozenset({
    "DRIVE", "DR", "ROAD", "RD", "STREET", "ST", "AVENUE", "AVE", "AV", "BOULEVARD", "BLVD",
    "LANE", "LN", "WAY", "PLACE", "PL", "COURT", "CT", "PARKWAY", "PKWY", "PLAZA", "CIRCLE",
    "CIR", "HIGHWAY", "HWY", "TERRACE", "SQUARE", "SQ", "CENTER", "CENTRE", "TRAIL", "PIKE",
    "ROW", "ALLEY", "TURNPIKE", "EXPRESSWAY", "CROSSING", "POINT", "PARK", "LOOP", "RUN",
})
UNIT_WORDS = frozenset({"SUITE", "STE", "FLOOR", "FL", "APT", "UNIT", "ROOM", "RM", "BOX",
                        "BLDG", "BUILDING", "DEPT", "MS", "MAIL", "STOP"})

#: A US ZIP code: five digits, or ZIP+4 (a regular expression to build others from).
US_ZIP = r"\d{5}(?:-\d{4})?"

#: EDGAR codes a non-US address gives in place of a state: one letter and one digit ("M0" Japan,
#: "X0" United Kingdom, "Y9" Jersey, "E9" Cayman Islands, ...).  The shape is the rule; the list
#: of countries is EDGAR's.
EDGAR_COUNTRY_CODE = re.compile(r"^[A-Z][0-9]$")


def is_state_or_country_code(code: str) -> bool:
    """A USPS state code or an EDGAR country code."""
    return code in STATE_CODES or bool(EDGAR_COUNTRY_CODE.match(code))

#: Words that make up the titles of securities on Form 4 ("Class A Common Stock", "Restricted
#: Stock Units", "Employee Stock Option (right to buy)").  An OCR word one slip away from one
#: of them ("Cornmon", "Ciass") is a misreading to check, not a word of the title.
SECURITY_TITLE_WORDS = frozenset({
    "american", "award", "awards", "beneficial", "buy", "capital", "class", "classes", "common",
    "convertible", "deferred", "depositary", "employee", "incentive", "interest", "interests",
    "limited", "membership", "non-qualified", "non-voting", "note", "notes", "option", "options",
    "ordinary", "partnership", "performance", "phantom", "preferred", "receipts", "restricted",
    "right", "rights", "sell", "series", "share", "shares", "stock", "subordinate", "units",
    "unit", "voting", "warrant", "warrants",
})
