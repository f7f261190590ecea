"""The labels the geometric reader looks for, built from the form's knowledge.

Three sets, searched in turn: the **major** labels (numbered boxes, the title block's check
boxes, section titles and the printed boilerplate), searched over the whole page; the labels
**inside a box** (box 1's "(Last)" ... "(Country)", box 5's and 6's check boxes), searched among
that box's words only; and each table's **column headings**, searched in the table's band.
"""

from __future__ import annotations

import functools
import re

from extractor.knowledge import labels as K
from extractor.knowledge.label_wordings import BOILERPLATE, COLUMN_WORDINGS, WORDINGS
from extractor.layout.geometric.anchors import LabelSpec, tokens_of

#: Box keys in the header of some revision, with their printed texts over all revisions.
_SECTION_KEYS = ("table1", "table2", "explanation", "remarks", "signature_of_reporting_person",
                 "reporting_owners", "signatures", "joint_filers", "general_instructions")
#: Titles that stand alone on their line: their words also run in sentences.
_ALONE = ("joint_filers", "general_instructions")
#: Check boxes of the title block (beside "FORM 4"), not of a numbered box.
TITLE_CHECKS = ("not_subject_to_section16", "rule_10b5_1")
RELATIONSHIP_CHECKS = ("director", "ten_percent_owner", "officer", "other")
FILING_CHECKS = ("individual", "joint")


def _texts(key: str, *official: str) -> tuple[str, ...]:
    seen: list[str] = []
    for text in (*official, *WORDINGS.get(key, ())):
        if text not in seen:
            seen.append(text)
    return tuple(seen)


@functools.cache
def box_specs() -> tuple[LabelSpec, ...]:
    """Every numbered box of every revision, one spec per key (numbers differ by revision)."""
    by_key: dict[str, list[K.Label]] = {}
    for revision in K.REVISIONS.values():
        for label in revision.boxes:
            by_key.setdefault(label.key, []).append(label)
    specs = []
    for key, labels in by_key.items():
        if key in TITLE_CHECKS:
            continue
        texts = _texts(key, *dict.fromkeys(label.text for label in labels))
        specs.append(LabelSpec(key, "box", texts, labels[-1].number,
                               88.0 if key == "foreign_symbol" else 78.0))
    return tuple(specs)


@functools.cache
def major_specs() -> tuple[LabelSpec, ...]:
    checks = {c.key: c.text for c in K.CHECKBOXES}
    checks["rule_10b5_1"] = K.RULE_10B5_1.text
    sections = {s.key: s.text for s in K.SECTIONS}
    out = list(box_specs())
    out += [LabelSpec(key, "title_check", _texts(key, checks[key]), None, 80.0)
            for key in TITLE_CHECKS]
    out += [LabelSpec(key, "section", _texts(key, sections[key]), None,
                      90.0 if len(sections[key]) < 20 else 82.0, key in _ALONE)
            for key in _SECTION_KEYS]
    out += [LabelSpec(f"boilerplate{index}", "boilerplate", (text,), None, 92.0)
            for index, text in enumerate(BOILERPLATE)]
    return tuple(out)


@functools.cache
def relationship_specs() -> tuple[LabelSpec, ...]:
    checks = {c.key: c.text for c in K.CHECKBOXES}
    return tuple(LabelSpec(key, "check", _texts(key, checks[key]), None, 85.0)
                 for key in RELATIONSHIP_CHECKS)


@functools.cache
def filing_specs() -> tuple[LabelSpec, ...]:
    checks = {c.key: c.text for c in K.CHECKBOXES}
    return tuple(LabelSpec(key, "check", _texts(key, checks[key]), None, 85.0)
                 for key in FILING_CHECKS)


@functools.cache
def address_specs() -> tuple[LabelSpec, ...]:
    """Box 1's sub-labels: "(Last)" ... "(Zip)", "(Country)"; 2026 prints "Zip/Postal Code"."""
    words = {"last": ("(Last)",), "first": ("(First)",), "middle": ("(Middle)",),
             "street": ("(Street)",), "city": ("(City)",), "state": ("(State)",),
             "zip": ("(Zip)", "(Zip/Postal Code)", "(Zip Code)"), "country": ("(Country)",)}
    return tuple(LabelSpec(key, "sub", texts, None, 100.0) for key, texts in words.items())


def column_specs(columns: tuple[K.Column, ...], table: str) -> tuple[LabelSpec, ...]:
    """One spec per column heading of a table ("t1:2" for Table I's column 2).  A heading
    over sub-columns may be typed as its number and its first sub-column's heading alone
    ("3. Code", "4. Amount", "5. (A)"), the others standing beside it.  Printers also set
    another revision's heading of the column, a short form, or the heading's first words."""
    return tuple(LabelSpec(f"{table}:{column.number}", "column",
                           tuple(dict.fromkeys((column.heading, _bare(column.heading),
                                                *_numbered_first(column),
                                                *_other_headings(column, table),
                                                *COLUMN_WORDINGS.get(column.fields[0], ())))),
                           column.number, 75.0, cut_texts=_cut_short(column.heading))
                 for column in columns)


#: A heading cut short keeps at least this many words: fewer say too little.
CUT_WORDS = 3


def _cut_short(heading: str) -> tuple[str, ...]:
    """The heading's first words, from CUT_WORDS of them to all but one."""
    words = _bare(heading).split()
    return tuple(" ".join(words[:n]) for n in range(CUT_WORDS, len(words)))


def _other_headings(column: K.Column, table: str) -> tuple[str, ...]:
    """What the other revisions print over the column filling the same fields."""
    out: list[str] = []
    for revision in K.REVISIONS.values():
        for other in getattr(revision, table, ()):
            if other.fields == column.fields and other.heading != column.heading:
                out += [other.heading, _bare(other.heading)]
    return tuple(out)


def _numbered_first(column: K.Column) -> tuple[str, ...]:
    return (f"{column.number} {column.sub_headings[0]}",) if column.sub_headings else ()


def heads_first_sub_column(anchor_text: str, column: K.Column) -> bool:
    """Whether a heading found as ``anchor_text`` is its number and its first sub-column's
    heading only: the anchor is that sub-column's heading too."""
    if not column.sub_headings:
        return False
    said = tokens_of(anchor_text)
    number = tokens_of(column.number)
    if said[:len(number)] == number:
        said = said[len(number):]
    return said == tokens_of(column.sub_headings[0])


_INSTRUCTION = re.compile(r"\s*\((?:Instr\.[^)]*|Month/Day/Year)\)")


def _bare(heading: str) -> str:
    """A heading without its instructions, as many printers set it: "Transaction Date"."""
    return _INSTRUCTION.sub("", heading).strip()
