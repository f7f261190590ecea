"""The EDGAR Ownership XML specification's rules that its XML Schema cannot express.

Each rule is quoted from the EDGAR Ownership XML Technical Specification (version 3, sections
3.3, 4.3 and 5; ``../shared/corpus/schema/ownershipxmltechspec-v3.pdf``), where EDGAR suspends a
submission that breaks it.  The rules read the tree as it stands, so they also run on a
document the schema refused (a missing element is then simply not checked twice).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml import etree

Element = etree._Element

#: Section 4.3.5: "an uppercase F followed by a number between 1 and 99".
FOOTNOTE_ID = re.compile(r"F[1-9][0-9]?")
#: Section 3.5: at most 30 rows in each table, 10 reporting owners, 10 signatures.
MAX_ROWS_PER_TABLE = 30
MAX_OWNERS = 10
_TRUE = {"1", "true"}
_RELATIONSHIP_FLAGS = ("isDirector", "isOfficer", "isTenPercentOwner", "isOther")
_TRANSACTIONS = ("nonDerivativeTable/nonDerivativeTransaction",
                 "derivativeTable/derivativeTransaction")


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a document is not valid: the element's path and what is wrong with it."""

    path: str
    message: str
    #: "schema" for the XML Schema, else the specification rule's name.
    rule: str = "schema"
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _text(element: Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _value(element: Element | None) -> str:
    """The element's ``<value>``, or its own text when it has none."""
    if element is None:
        return ""
    inner = element.find("value")
    return _text(inner) if inner is not None else _text(element)


class _Checker:
    """Collects problems, each with the path of the element it is about."""

    def __init__(self, root: Element) -> None:
        self.root = root
        self.tree = root.getroottree()
        self.problems: list[Problem] = []

    def report(self, element: Element, rule: str, message: str, tag: str | None = None) -> None:
        path = self.tree.getpath(element) + (f"/{tag}" if tag else "")
        self.problems.append(Problem(path, message, rule, element.sourceline))


def _relationships(c: _Checker) -> None:
    """cm(1): at least one of the four boxes true; cm(2) officer => title; cm(3) other => text."""
    for owner in c.root.findall("reportingOwner"):
        rel = owner.find("reportingOwnerRelationship")
        if rel is None:
            continue
        flags = {tag: _text(rel.find(tag)).lower() in _TRUE for tag in _RELATIONSHIP_FLAGS}
        if not any(flags.values()):
            c.report(rel, "relationship", "none of isDirector, isOfficer, isTenPercentOwner, "
                     "isOther is true: at least one must be (cm(1))")
        if flags["isOfficer"] and not _text(rel.find("officerTitle")):
            c.report(rel, "officer-title", "isOfficer is true but officerTitle is missing or "
                     "empty (cm(2))", "officerTitle")
        if flags["isOther"] and not _text(rel.find("otherText")):
            c.report(rel, "other-text", "isOther is true but otherText is missing or empty "
                     "(cm(3))", "otherText")


def _ownership_nature(c: _Checker) -> None:
    """cm(5): natureOfOwnership has no value with D and must have one with I."""
    for nature in c.root.iter("ownershipNature"):
        form = _value(nature.find("directOrIndirectOwnership"))
        text = _value(nature.find("natureOfOwnership"))
        if form == "D" and text:
            c.report(nature, "nature-of-ownership", f"natureOfOwnership has a value ({text!r}) "
                     "with direct ownership (D): it may only be given with I (cm(5))",
                     "natureOfOwnership")
        if form == "I" and not text:
            c.report(nature, "nature-of-ownership", "indirect ownership (I) without a "
                     "natureOfOwnership value: it is mandatory with I (cm(5))",
                     "natureOfOwnership")


def _references(root: Element) -> Iterator[tuple[Element, str]]:
    for ref in root.iter("footnoteId"):
        yield ref, ref.get("id", "")


def _footnotes(c: _Checker) -> None:
    """Sections 4.3.5, 4.3.6 and 5: id format, defined once, referenced, not referenced twice
    from one element, and no reference to a footnote that is not defined."""
    defined: dict[str, Element] = {}
    for note in c.root.findall("footnotes/footnote"):
        ident = note.get("id", "")
        if not FOOTNOTE_ID.fullmatch(ident):
            c.report(note, "footnote-id", f"footnote id {ident!r} is not F followed by a number "
                     "from 1 to 99")
        if ident in defined:
            c.report(note, "footnote-id", f"footnote {ident} is defined twice")
        defined.setdefault(ident, note)
        if not " ".join((note.text or "").split()):
            c.report(note, "footnote-text", f"footnote {ident} has no text")
    referenced: set[str] = set()
    for ref, ident in _references(c.root):
        referenced.add(ident)
        if not FOOTNOTE_ID.fullmatch(ident):
            c.report(ref, "footnote-id", f"footnote reference {ident!r} is not F followed by a "
                     "number from 1 to 99")
        elif ident not in defined:
            c.report(ref, "footnote-undefined", f"footnote {ident} is referenced but not "
                     "defined in <footnotes>")
    for element in c.root.iter():
        idents = [ref.get("id", "") for ref in element.findall("footnoteId")]
        for ident in sorted({i for i in idents if idents.count(i) > 1}):
            c.report(element, "footnote-twice", f"footnote {ident} is referenced twice from "
                     "this one element")
    for ident, note in defined.items():
        if ident not in referenced:
            c.report(note, "footnote-unreferenced", f"footnote {ident} is defined but never "
                     "referenced")


def _counts(c: _Checker) -> None:
    """Section 3.5: row, owner and signature limits; section 4.3.3: at least one transaction."""
    for table in ("nonDerivativeTable", "derivativeTable"):
        element = c.root.find(table)
        if element is not None and len(element.findall("*")) > MAX_ROWS_PER_TABLE:
            c.report(element, "rows", f"{len(element.findall('*'))} rows: a table holds at "
                     f"most {MAX_ROWS_PER_TABLE}")
    for tag in ("reportingOwner", "ownerSignature"):
        found = c.root.findall(tag)
        if len(found) > MAX_OWNERS:
            c.report(found[MAX_OWNERS], "count", f"{len(found)} {tag} elements: at most "
                     f"{MAX_OWNERS}")
    exempt = _text(c.root.find("notSubjectToSection16")).lower() in _TRUE
    if not exempt and not any(c.root.findall(path) for path in _TRANSACTIONS):
        c.report(c.root, "transactions", "no nonDerivativeTransaction or "
                 "derivativeTransaction: a Form 4 reports at least one, unless "
                 "notSubjectToSection16 is true (4.3.3)")
    ciks = [(_text(o.find("reportingOwnerId/rptOwnerCik")).lstrip("0"), o)
            for o in c.root.findall("reportingOwner")]
    seen: set[str] = set()
    for cik, owner in ciks:
        if cik and cik in seen:
            c.report(owner, "owner-cik", f"reporting owner CIK {cik} is given twice",
                     "reportingOwnerId/rptOwnerCik")
        seen.add(cik)


def _amendment(c: _Checker) -> None:
    """Section 3.5: dateOfOriginalSubmission is mandatory in a 4/A and absent from a 4."""
    kind = _text(c.root.find("documentType"))
    original = c.root.find("dateOfOriginalSubmission")
    if kind == "4/A" and original is None:
        c.report(c.root, "amendment", "a 4/A needs dateOfOriginalSubmission (box 4)",
                 "dateOfOriginalSubmission")
    if kind == "4" and original is not None:
        c.report(original, "amendment", "dateOfOriginalSubmission belongs to a 4/A only")


def _coding(c: _Checker) -> None:
    """Section 4.3.8.2: a Form 4's "4" transaction is on time (no timeliness value); a "5"
    transaction is early, and only "E" may be given."""
    for path in _TRANSACTIONS:
        for row in c.root.findall(path):
            form_type = _text(row.find("transactionCoding/transactionFormType"))
            timeliness = _value(row.find("transactionTimeliness"))
            if form_type == "4" and timeliness:
                c.report(row, "timeliness", f"transactionTimeliness {timeliness!r} on a \"4\" "
                         "transaction, which is on time by definition: leave it empty, or "
                         "report an early one as transactionFormType 5", "transactionTimeliness")
            if form_type == "5" and timeliness not in ("", "E"):
                c.report(row, "timeliness", f"transactionTimeliness {timeliness!r} on a \"5\" "
                         "transaction in a Form 4: only E (early) is allowed",
                         "transactionTimeliness")


def _no_instructions(c: _Checker) -> None:
    """Section 5: an XML-stylesheet reference or any other processing instruction suspends."""
    sibling = c.root.getprevious()
    while sibling is not None:
        if isinstance(sibling, etree._ProcessingInstruction):
            c.problems.append(Problem("/", f"processing instruction <?{sibling.target}?> is "
                                           "not allowed", "processing-instruction",
                                      sibling.sourceline))
        sibling = sibling.getprevious()
    for instruction in c.root.iter(etree.ProcessingInstruction):
        c.report(instruction.getparent() or c.root, "processing-instruction",
                 "a processing instruction is not allowed")


RULES: tuple[Callable[[_Checker], None], ...] = (
    _relationships, _ownership_nature, _footnotes, _counts, _amendment, _coding,
    _no_instructions)


def check_rules(root: Element) -> list[Problem]:
    """Every problem the specification's rules find in the document ``root``."""
    checker = _Checker(root)
    for rule in RULES:
        rule(checker)
    return checker.problems
