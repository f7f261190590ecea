"""Reading-order text (plain ``pdftotext``, tesseract's default output) as lines of blocks.

Such text keeps no columns: boxes printed side by side come one after another or interleaved,
and a table cell may be a paragraph of its own.  What it does keep is the order of the words
inside a box and the paragraphs (blocks, separated by blank lines).  This module cuts the text
into :class:`Line` objects, tells the form's own printed text (labels, headings, boilerplate)
from the values filled in, and finds the check-box labels with the mark printed before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from extractor.knowledge import labels as K
from extractor.knowledge.label_wordings import BOILERPLATE, WORDINGS
from extractor.layout.fuzzy import normalize_label

#: Words printers abbreviate the form's labels to ("Deemed Exec. Date", "No. of Deriv.").
ABBREVIATIONS = frozenset("""
amend conv deriv exec trans instr no nos num amt ind indir sec postal zip country continued
mo day yr if any page of applicable line check box boxes see instruction all that apply
item items
""".split())

#: Printed text whose line may carry digits of its own (the OMB box, the form number).
_PRINTED_DIGITS = re.compile(
    r"(?i)^(?:omb number|expires|sec 1474|hours per response|estimated average|washington)")
#: Page furniture every page repeats: the form number, page numbers, "FORM 4 (continued)".
_FURNITURE = re.compile(
    r"(?i)^\s*(?:sec 1474 \(\d+-\d+\)\s*)?(?:page \d+(?: of \d+)?)?\s*$|"
    r"^\s*form 4\s*[-–(]?\s*continued\)?\s*$")
#: A sub-heading of one letter ("V", "(A)", "(D)") or a column's bare number ("5)", "2A.").
_SUB_HEADING = re.compile(r"^(?:V|\([AD]\)|\(D/I\)|\d{1,2}[A-Z]?[.)])$")
_LONE_LETTER = re.compile(r"(?<![(\w/])[A-UW-Z](?![)\w/])")
_WORD = re.compile(r"[A-Za-z]+|\d+|[^\sA-Za-z\d]")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line: its text, its number in the text, and its block (paragraph)."""

    text: str
    number: int
    block: int


def read_lines(text: str) -> list[Line]:
    """The text's non-blank lines, page furniture left out, each with its block number."""
    lines: list[Line] = []
    block = 0
    for number, raw in enumerate(text.replace("\f", "\n").splitlines()):
        stripped = " ".join(raw.split())
        if not stripped:
            block += 1
            continue
        if _FURNITURE.match(stripped):
            continue
        lines += [Line(part, number, block) for part in _split_label(stripped)]
    return lines


_SUBLABEL_WORDS = frozenset(s.strip("()").lower() for s in (*K.NAME_SUBLABELS,
                                                             *K.ADDRESS_SUBLABELS))


def _split_label(text: str) -> list[str]:
    """A label and the value printed after it on its line ("Item 3. Date of Earliest
    Transaction: 05-12-2023", "City ASHBURN") as two lines; any other line as it is."""
    m = re.match(r"^(?P<label>[A-Za-z/ ]{3,20}?):\s*(?P<value>\S.*)$", text)
    if m and m["label"].strip().lower() in _SUBLABEL_WORDS:
        return [m["label"], m["value"]]  # "STREET: ONE": a value, whatever its words
    if is_printed(text):
        return [text]
    m = re.match(r"^(?P<label>.{4,}?):\s*(?P<value>\S.*)$", text)
    if m and is_printed(m["label"]):
        return [m["label"], m["value"]]
    first, _, rest = text.partition(" ")
    if rest and first.strip("():").lower() in _SUBLABEL_WORDS:
        return [first, rest]
    return [text]


def _printed_texts() -> tuple[str, ...]:
    texts: list[str] = [*K.TITLE_MARKERS, *K.NAME_SUBLABELS, *K.ADDRESS_SUBLABELS,
                        *K.PRINTED_TEXT.values(), *BOILERPLATE, K.RULE_10B5_1.text]
    for revision in K.REVISIONS.values():
        texts += [box.text for box in revision.boxes]
        for column in (*revision.table1, *revision.table2):
            texts += [column.heading, *column.sub_headings]
    texts += [label.text for label in (*K.CHECKBOXES, *K.SECTIONS, *K.REPORTING_OWNER_COLUMNS)]
    for wordings in WORDINGS.values():
        texts += wordings
    return tuple(texts)


PRINTED_TEXTS = _printed_texts()
#: Every word the form prints, in small letters; values rarely consist of these alone.
PRINTED_WORDS = frozenset(
    word.lower() for text in PRINTED_TEXTS for word in re.findall(r"[A-Za-z]{2,}", text)
) - {"by"} | ABBREVIATIONS  # "By" starts a nature of ownership ("By Trust")
_PRINTED_NORMALIZED = tuple(normalize_label(text) for text in PRINTED_TEXTS)


def is_printed(text: str) -> bool:
    """Whether a line is the form's own text: a label, a heading or its fragment, boilerplate.

    A line of printed words only, with numbers no longer than a box number ("2A.", "Instr. 3"),
    is printed; so is a line of 12 characters or more found almost as it is in printed text.
    """
    words = _WORD.findall(text)
    letters = [w for w in words if w.isalpha()]
    if _PRINTED_DIGITS.match(text) or _SUB_HEADING.match(text):
        return True
    if _LONE_LETTER.search(re.sub(r"\b(?:TABLE|[Tt]able)\s+II?\b", "", text)):
        return False  # "Class A": a title's letter, where the form prints only "V", "(A)"
    if letters and all(w.lower() in PRINTED_WORDS for w in letters if len(w) > 1) and \
            any(len(w) > 1 for w in letters) and \
            all(len(w) <= 2 for w in words if w.isdigit()) and not _is_code_line(text):
        return True
    if len(text) >= 12:
        norm = normalize_label(text)
        return any(fuzz.partial_ratio(norm, printed) >= 92 for printed in _PRINTED_NORMALIZED
                   if len(printed) >= len(norm))
    return False


def is_value(text: str) -> bool:
    """Whether a line holds something filled in: not printed, and not debris without a letter
    or digit."""
    return bool(re.search(r"[A-Za-z0-9]", text)) and not is_printed(text)


def _is_code_line(text: str) -> bool:
    """A lone code with its markers ("M (1)"): a value, though "D" or "I" is printed too."""
    return bool(re.fullmatch(r"[A-Z](?:\s*\(\d{1,2}\))*", text))


# --- check boxes ------------------------------------------------------------------------------

#: Wordings of each check box label, the official one first (knowledge plus wordings).
CHECKBOX_WORDINGS: dict[str, tuple[str, ...]] = {
    "director": ("Director",),
    "ten_percent_owner": ("10% Owner", "Ten Percent Owner"),
    "officer": ("Officer",),
    "other": ("Other",),
    "individual": ("Form filed by One Reporting Person",),
    "joint": ("Form filed by More than One Reporting Person",),
    "not_subject_to_section16": ("Check this box if no longer subject to Section 16",
                                 "Check box if no longer subject to Section 16"),
    "rule_10b5_1": ("Check this box to indicate that a transaction was made pursuant to",),
}
#: A mark in front of a check-box label: a cross, a filled square, a tick.
_MARK = re.compile(r"[xX✓✔■☒☑●]")
#: An empty box in front of a label: brackets, underscores, a hollow square (OCR's "[_]", "LJ").
_EMPTY = re.compile(r"^[\[\](){}_|□☐oOLJ\s]+$")


@dataclass(frozen=True, slots=True)
class CheckLine:
    """A check-box label found at a line's end, and what is printed before it."""

    key: str
    line: int  # index into the lines
    #: True: a mark; False: an empty box; None: nothing before the label.
    mark: bool | None
    #: The mark is bare ("X Officer"), not inside a printed box ("[X]", "__X__").
    bare: bool


def _label_at_end(text: str, wording: str) -> int | None:
    """Where ``wording`` starts when the line ends with it (or with its first 5+ words); a
    parenthesis after a short label ("Officer (give title)") is the printer's own."""
    norm = " ".join(re.sub(r"\s+%", "%", text).split())
    low, target = norm.lower(), wording.lower()
    if len(target.split()) <= 3:
        low = re.sub(r"\s*\([^)]*\)?\s*$", "", low)
    for cut in (target, *_heads(target)):
        at = low.rfind(cut)
        if at >= 0 and (low[at + len(cut):].strip(" .") == "" or (cut != target and
                        len(cut) >= 30)):
            before = low[at - 1] if at else " "
            if not before.isalpha():
                return at if cut == target or len(low) - at >= len(cut) else None
    return None


def _heads(target: str) -> list[str]:
    words = target.split()
    return [" ".join(words[:n]) for n in range(len(words) - 1, 4, -1)]


def find_checkboxes(lines: list[Line], end: int) -> list[CheckLine]:
    """Every check-box label among ``lines[:end]`` (the page above Table I), with its mark."""
    found: list[CheckLine] = []
    for index, line in enumerate(lines[:end]):
        for key, wordings in CHECKBOX_WORDINGS.items():
            at = next((a for w in wordings if (a := _label_at_end(line.text, w)) is not None),
                      None)
            if at is None:
                continue
            prefix = re.sub(r"\s+%", "%", line.text)[:at].strip()
            if re.search(r"[A-Za-z]{2}", _MARK.sub("", prefix)):
                break  # words before the label: a value that ends in it ("Chief Legal Officer")
            found.append(CheckLine(key, index, *_read_prefix(prefix)))
            break
    return found


def _read_prefix(prefix: str) -> tuple[bool | None, bool]:
    if not prefix:
        return None, False
    if _MARK.search(prefix) and len(prefix) <= 7:
        return True, _MARK.fullmatch(prefix) is not None
    if _EMPTY.match(prefix):
        return False, False
    return None, False


def lone_marks(lines: list[Line], end: int) -> list[int]:
    """Indexes of lines above Table I that hold a mark alone: the box it fills is not shown."""
    return [i for i, line in enumerate(lines[:end])
            if re.fullmatch(r"[\[(_]*\s*[xX✓✔■☒☑●]\s*[\])_]*", line.text)]
