"""Is this ownershipDocument one EDGAR accepts?  The shipped schema plus the specification's rules.

    problems = validate_xml(data)        # [] when valid
    for problem in problems: print(problem)  # "/ownershipDocument/issuer: ..."

The schema is the SEC's Form 4 XML Schema (X0306 with its common part X0304), shipped in
``extractor/export/schema/`` and extended, each addition marked, for the elements later versions
added (``aff10b5One``, the 2026 revision's foreign trading symbol and non-US address; see
``docs/xml-schema.md``).  The rules the schema cannot express are in :mod:`.xml_rules`.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from lxml import etree

from extractor.export.xml_rules import Problem, check_rules

SCHEMA_FILE = "ownership4Document.xsd.xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def schema_dir() -> Path:
    """The folder of the shipped schema files (package data)."""
    return Path(str(resources.files("extractor.export") / "schema"))


@functools.lru_cache(maxsize=1)
def load_schema() -> etree.XMLSchema:
    """The shipped Form 4 schema, loaded once (its include is resolved beside it)."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(schema_dir() / SCHEMA_FILE), parser))


def _schema_problems(tree: etree._ElementTree) -> list[Problem]:
    schema = load_schema()
    if schema.validate(tree):
        return []
    return [Problem(entry.path or "/", entry.message, "schema", entry.line)
            for entry in schema.error_log]


def validate_tree(tree: etree._ElementTree) -> list[Problem]:
    """Every problem of a parsed document: the schema's first, then the rules'."""
    root = tree.getroot()
    if root.tag != "ownershipDocument":
        return [Problem("/", f"the root element is <{etree.QName(root).text}>, not "
                             "<ownershipDocument>",
                        "root", root.sourceline)]
    return _schema_problems(tree) + check_rules(root)


def validate_xml(data: bytes) -> list[Problem]:
    """Every problem of the document ``data`` ([] when EDGAR would accept it)."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as err:
        message = (str(err).splitlines() or ["syntax error"])[0]
        return [Problem("/", f"not well-formed XML: {message}", "well-formed")]
    return validate_tree(root.getroottree())


def validate_file(path: str | Path) -> list[Problem]:
    """:func:`validate_xml` of the file at ``path`` (OSError when it cannot be read)."""
    return validate_xml(Path(path).read_bytes())


__all__ = ["Problem", "load_schema", "schema_dir", "validate_file", "validate_tree",
           "validate_xml"]
