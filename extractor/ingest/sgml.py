"""Split an EDGAR SGML submission into its header fields and its ``<DOCUMENT>`` parts.

Two wrappings are read:

* the dissemination format ``<SEC-DOCUMENT>`` / ``<SEC-HEADER>`` whose header is indented
  ``KEY:<tab>VALUE`` lines grouped under "SUBJECT COMPANY:", "REPORTING-OWNER:", "ISSUER:",
  "FILER:" sections (older headers open a reporting owner with a ``<REPORTING-OWNER>`` tag and
  give its ``<RELATIONSHIP>``), optionally inside a ``-----BEGIN PRIVACY-ENHANCED MESSAGE-----``
  envelope;
* the compact ``<SUBMISSION>`` format, where the header is nested tags on one line.

Everything here is a pure function of the text: no I/O.  The header is EDGAR's own index data,
not what the filer printed; readers use it to corroborate the printed form, never to override it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extractor.fields.dates import parse_compact_date

_PEM_BEGIN = "-----BEGIN PRIVACY-ENHANCED MESSAGE-----"
_PEM_END = "-----END PRIVACY-ENHANCED MESSAGE-----"
_SGML_START = re.compile(r"<(SEC-DOCUMENT|SEC-HEADER|IMS-DOCUMENT|SUBMISSION)>", re.IGNORECASE)
_HEADER = re.compile(r"<(SEC-HEADER|IMS-HEADER)>[^\n]*\n(.*?)</\1>", re.IGNORECASE | re.DOTALL)
_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|\Z)", re.IGNORECASE | re.DOTALL)
_TEXT = re.compile(r"<TEXT>[ \t]*\n?(.*?)(?:</TEXT>|\Z)", re.IGNORECASE | re.DOTALL)
_KEY_VALUE = re.compile(r"^\s*([A-Z0-9][A-Z0-9 &/().,'-]*?):[ \t]*(.*?)\s*$")
_TAG_LINE = re.compile(r"^\s*<(/?)([A-Z0-9-]+)>(.*?)\s*$", re.IGNORECASE)
#: Header sections that describe one party of the filing (the others are sub-sections).
_ENTITY_ROLES = {
    "SUBJECT COMPANY": "subject-company", "SUBJECT-COMPANY": "subject-company",
    "ISSUER": "issuer", "REPORTING-OWNER": "reporting-owner", "REPORTING OWNER": "reporting-owner",
    "FILER": "filer", "FILED BY": "filed-by", "FILED-BY": "filed-by",
}


@dataclass(frozen=True, slots=True)
class HeaderEntity:
    """One party named in the header: its role and every ``(SUB-SECTION/KEY, value)`` pair."""

    role: str
    values: tuple[tuple[str, str], ...] = ()
    #: ``<RELATIONSHIP>`` values of an older reporting-owner block ("DIRECTOR").
    relationships: tuple[str, ...] = ()

    def get(self, key: str) -> str | None:
        """The first value whose key (without its sub-section) is ``key``."""
        return next((v for k, v in self.values if k.rpartition("/")[2] == key and v), None)

    @property
    def conformed_name(self) -> str | None:
        return self.get("COMPANY CONFORMED NAME") or self.get("CONFORMED-NAME")

    @property
    def cik(self) -> str | None:
        return self.get("CENTRAL INDEX KEY") or self.get("CIK")


@dataclass(frozen=True, slots=True)
class HeaderOwner:
    """A reporting owner as the header names it (EDGAR conformed name, capitals, no commas)."""

    conformed_name: str
    cik: str | None = None
    relationships: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SgmlHeader:
    """The submission header: the fields readers use, plus every raw pair for the rest."""

    accession_number: str | None = None
    form_type: str | None = None
    period_of_report: dt.date | None = None
    filed_date: dt.date | None = None
    subject_company_name: str | None = None
    subject_company_cik: str | None = None
    reporting_owners: tuple[HeaderOwner, ...] = ()
    values: tuple[tuple[str, str], ...] = ()
    entities: tuple[HeaderEntity, ...] = ()

    def get(self, key: str) -> str | None:
        return next((v for k, v in self.values if k == key and v), None)


@dataclass(frozen=True, slots=True)
class SgmlDocument:
    """One ``<DOCUMENT>``: its type ("4"), sequence, file name, description and text."""

    type: str
    text: str
    sequence: str | None = None
    filename: str | None = None
    description: str | None = None

    @property
    def is_xml(self) -> bool:
        """True when the text is an XML document (EDGAR ownership XML), not typed text."""
        head = self.text.lstrip()[:200].lower()
        return head.startswith(("<xml>", "<?xml", "<ownershipdocument"))


@dataclass(frozen=True, slots=True)
class Submission:
    header: SgmlHeader | None
    documents: tuple[SgmlDocument, ...]


def is_sgml_submission(text: str) -> bool:
    """True when ``text`` starts like an EDGAR SGML submission (PEM envelope or SGML tags)."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    return head.startswith(_PEM_BEGIN) or bool(_SGML_START.match(head))


def unwrap_pem(text: str) -> str:
    """The message inside a privacy-enhanced-message envelope; other text is returned as is.

    The envelope's own header (Proc-Type, keys, MIC-Info) ends at the first blank line.  PEM
    encapsulation (RFC 934) prefixes every line that begins with "-" with "- ", which would
    shift a typed table's rule lines; the prefix is removed again.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    begin = text.find(_PEM_BEGIN)
    if begin < 0:
        return text
    body = text[begin + len(_PEM_BEGIN):]
    blank = re.search(r"\n[ \t]*\n", body)
    body = body[blank.end():] if blank else body
    end = body.find(_PEM_END)
    body = body[:end] if end >= 0 else body
    return "\n".join(line[2:] if line.startswith("- -") else line for line in body.split("\n"))


def split_submission(text: str) -> Submission:
    """The header and the documents of a submission."""
    text = unwrap_pem(text)
    return Submission(parse_header(text), split_documents(text))


def split_documents(text: str) -> tuple[SgmlDocument, ...]:
    """Every ``<DOCUMENT>`` of ``text`` in order; a document's text keeps its exact lines."""
    documents = []
    for match in _DOCUMENT.finditer(text.replace("\r\n", "\n")):
        part = match[1]
        body = _TEXT.search(part)
        head = part[: body.start()] if body else part
        documents.append(SgmlDocument(
            type=(_tag_value(head, "TYPE") or "").upper(),
            text=body[1] if body else "",
            sequence=_tag_value(head, "SEQUENCE"),
            filename=_tag_value(head, "FILENAME"),
            description=_tag_value(head, "DESCRIPTION"),
        ))
    return tuple(documents)


def _tag_value(text: str, tag: str) -> str | None:
    """The value after ``<TAG>`` up to the end of the line or the next tag."""
    match = re.search(rf"<{tag}>([^<\n]*)", text, re.IGNORECASE)
    return match[1].strip() or None if match else None


def parse_header(text: str) -> SgmlHeader | None:
    """The submission header of ``text`` (PEM already removed), or None when there is none."""
    if match := _HEADER.search(text):
        return _parse_indented(match[2])
    if re.search(r"<SUBMISSION>", text[:4096], re.IGNORECASE):
        return _parse_compact(text.split("<DOCUMENT>", 1)[0])
    return None


@dataclass(slots=True)
class _Draft:
    """A header party while its lines are being read (mutable; frozen into HeaderEntity)."""

    role: str
    values: list[tuple[str, str]]
    relationships: list[str]

    def frozen(self) -> HeaderEntity:
        return HeaderEntity(self.role, tuple(self.values), tuple(self.relationships))


def _parse_indented(body: str) -> SgmlHeader:
    """The dissemination header: ``KEY: VALUE`` lines, section lines and a few tags."""
    top: list[tuple[str, str]] = []
    entities: list[_Draft] = []
    current: _Draft | None = None  # the party whose lines are being read
    section = ""
    lines = [line for line in body.split("\n") if line.strip()]
    for index, line in enumerate(lines):
        if tag := _TAG_LINE.match(line):
            closing, name, value = tag[1], tag[2].upper(), tag[3].strip()
            if name in _ENTITY_ROLES:
                current = None if closing else _start(entities, _ENTITY_ROLES[name])
                section = ""
            elif name == "RELATIONSHIP" and current is not None and value:
                current.relationships.append(value.upper())
            elif value:
                (current.values if current else top).append((name, value))
            continue
        if not (pair := _KEY_VALUE.match(line)):
            continue
        key, value = pair[1].strip(), pair[2]
        if not value and key in _ENTITY_ROLES:
            current, section = _start(entities, _ENTITY_ROLES[key]), ""
        elif not value and current is not None:
            # "COMPANY DATA:" opens a sub-section (the lines under it are indented deeper);
            # "SEC ACT:" at the same depth as its neighbours is just a key left empty.
            if index + 1 < len(lines) and _indent(lines[index + 1]) > _indent(line):
                section = key
        elif current is not None:
            current.values.append((f"{section}/{key}" if section else key, value))
        else:
            top.append((key, value))
    return _header(top, entities)


def _indent(line: str) -> int:
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())


def _start(entities: list[_Draft], role: str) -> _Draft:
    entity = _Draft(role, [], [])
    entities.append(entity)
    return entity


def _parse_compact(head: str) -> SgmlHeader:
    """The compact ``<SUBMISSION>`` header: nested tags, containers closed by ``</TAG>``."""
    top: list[tuple[str, str]] = []
    entities: list[_Draft] = []
    tokens = list(re.finditer(r"<(/?)([A-Z0-9-]+)>([^<]*)", head, re.IGNORECASE))
    containers = {m[2].upper() for m in tokens if m[1]}
    stack: list[str] = []
    current: _Draft | None = None
    for token in tokens:
        closing, name, value = token[1], token[2].upper(), token[3].strip()
        if closing:
            while stack and stack.pop() != name:
                pass
            if name in _ENTITY_ROLES:
                current = None
        elif name in containers and not value:
            stack.append(name)
            if name in _ENTITY_ROLES:
                current = _start(entities, _ENTITY_ROLES[name])
        elif current is not None:
            current.values.append(("/".join([*stack[1:], name]), value))
        elif value:
            top.append((_COMPACT_KEYS.get(name, name), value))
    return _header(top, entities)


#: Compact-format top-level tags under the names the dissemination header uses.
_COMPACT_KEYS = {
    "ACCESSION-NUMBER": "ACCESSION NUMBER", "TYPE": "CONFORMED SUBMISSION TYPE",
    "PERIOD": "CONFORMED PERIOD OF REPORT", "FILING-DATE": "FILED AS OF DATE",
}


def _header(top: list[tuple[str, str]], drafts: list[_Draft]) -> SgmlHeader:
    entities = [draft.frozen() for draft in drafts]
    values = dict(reversed(top))  # the first occurrence of a key wins
    company = next((e for e in entities if e.role in ("issuer", "subject-company")), None)
    owners = [e for e in entities if e.role == "reporting-owner"] or \
        [e for e in entities if e.role in ("filer", "filed-by") and e is not company]
    return SgmlHeader(
        accession_number=values.get("ACCESSION NUMBER"),
        form_type=values.get("CONFORMED SUBMISSION TYPE"),
        period_of_report=parse_compact_date(values.get("CONFORMED PERIOD OF REPORT", "")),
        filed_date=parse_compact_date(values.get("FILED AS OF DATE", "")),
        subject_company_name=company.conformed_name if company else None,
        subject_company_cik=company.cik if company else None,
        reporting_owners=tuple(HeaderOwner(e.conformed_name, e.cik, e.relationships)
                               for e in owners if e.conformed_name),
        values=tuple(top),
        entities=tuple(entities),
    )


__all__ = [
    "HeaderEntity", "HeaderOwner", "SgmlDocument", "SgmlHeader", "Submission",
    "is_sgml_submission", "parse_header", "split_documents", "split_submission", "unwrap_pem",
]
