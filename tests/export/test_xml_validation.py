"""The shipped schema and the specification's rules, on the 22 real filings and on copies of
them broken one rule at a time."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from extractor.export.xml_validation import load_schema, schema_dir, validate_xml

SHARED_XML = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "xml"


@pytest.fixture(scope="module")
def real_filings(shared_dir: Path) -> list[Path]:
    """The 22 filings of ../shared (a ``corpus`` test: skipped without it)."""
    return sorted(SHARED_XML.glob("*.xml"))


@pytest.fixture()
def musk(real_filings: list[Path]) -> etree._Element:
    path = next(p for p in real_filings if p.name.startswith("tsla_musk"))
    return etree.fromstring(path.read_bytes(), etree.XMLParser(remove_blank_text=True))


def _problems(root: etree._Element) -> list[tuple[str, str]]:
    return [(p.path, p.rule) for p in validate_xml(etree.tostring(root))]


def test_schema_ships_inside_the_package() -> None:
    names = sorted(p.name for p in schema_dir().iterdir() if p.suffix == ".xml")
    assert names == ["ownership4Document.xsd.xml", "ownershipDocumentCommon.xsd.xml"]
    assert "form4 extension" in (schema_dir() / "ownership4Document.xsd.xml").read_text()
    assert load_schema() is load_schema()  # loaded once


def test_every_real_filing_validates(real_filings: list[Path]) -> None:
    assert len(real_filings) == 22
    failing = {p.name: [str(x) for x in validate_xml(p.read_bytes())] for p in real_filings}
    assert {name: found for name, found in failing.items() if found} == {}


def test_the_2026_elements_are_known(real_filings: list[Path]) -> None:
    path = next(p for p in real_filings if p.name.startswith("mvis_markham"))
    root = etree.fromstring(path.read_bytes())
    assert root.find("reportingOwner/reportingOwnerAddress/rptOwnerNonUSAddressFlag") is not None
    assert root.find("issuer/issuerForeignTradingSymbol") is not None
    assert validate_xml(path.read_bytes()) == []
    address = root.find("reportingOwner/reportingOwnerAddress")
    state = address.find("rptOwnerState")
    country = etree.Element("rptOwnerCountry")
    country.text = "X0"
    state.addnext(country)  # as the 2026 revision places it, between state and postal code
    assert validate_xml(etree.tostring(root)) == []
    address.remove(country)
    address.append(country)  # out of order: the schema says so
    assert [r for _, r in _problems(root)] == ["schema"]


def test_a_missing_cik_is_a_schema_error_with_its_path(musk: etree._Element) -> None:
    issuer = musk.find("issuer")
    issuer.remove(issuer.find("issuerCik"))
    problems = validate_xml(etree.tostring(musk))
    assert [(p.path, p.rule) for p in problems] == [("/ownershipDocument/issuer/issuerName",
                                                     "schema")]
    assert "issuerCik" in problems[0].message


def test_code_k_is_not_a_transaction_code(musk: etree._Element) -> None:
    musk.find(".//nonDerivativeTransaction/transactionCoding/transactionCode").text = "K"
    assert _problems(musk) == [(
        "/ownershipDocument/nonDerivativeTable/nonDerivativeTransaction[1]/transactionCoding/"
        "transactionCode", "schema")]


def test_officer_needs_a_title_and_other_a_text(musk: etree._Element) -> None:
    rel = musk.find("reportingOwner/reportingOwnerRelationship")
    rel.find("officerTitle").text = ""
    rel.find("isOther").text = "true"
    assert _problems(musk) == [
        ("/ownershipDocument/reportingOwner/reportingOwnerRelationship/officerTitle",
         "officer-title"),
        ("/ownershipDocument/reportingOwner/reportingOwnerRelationship/otherText",
         "other-text")]


def test_no_relationship_at_all(musk: etree._Element) -> None:
    rel = musk.find("reportingOwner/reportingOwnerRelationship")
    for flag in rel.findall("*"):
        if flag.tag.startswith("is"):
            flag.text = "0"
    assert ("/ownershipDocument/reportingOwner/reportingOwnerRelationship",
            "relationship") in _problems(musk)


def test_nature_of_ownership_only_and_always_with_i(musk: etree._Element) -> None:
    indirect = musk.find("nonDerivativeTable/nonDerivativeTransaction/ownershipNature")
    direct = musk.find("derivativeTable/derivativeTransaction/ownershipNature")
    assert direct.findtext("directOrIndirectOwnership/value") == "D"
    nature = indirect.find("natureOfOwnership")
    direct.append(copy.deepcopy(nature))
    indirect.remove(nature)
    assert _problems(musk) == [
        ("/ownershipDocument/nonDerivativeTable/nonDerivativeTransaction[1]/ownershipNature/"
         "natureOfOwnership", "nature-of-ownership"),
        ("/ownershipDocument/derivativeTable/derivativeTransaction[1]/ownershipNature/"
         "natureOfOwnership", "nature-of-ownership")]


def test_footnotes_defined_and_referenced(musk: etree._Element) -> None:
    notes = musk.find("footnotes")
    extra = etree.SubElement(notes, "footnote", id="F9")
    extra.text = "Never referenced."
    title = musk.find(".//derivativeTransaction/securityTitle")
    etree.SubElement(title, "footnoteId", id="F7")
    etree.SubElement(title, "footnoteId", id="F7")
    found = _problems(musk)
    assert ('/ownershipDocument/footnotes/footnote[4]', "footnote-unreferenced") in found
    assert ("/ownershipDocument/derivativeTable/derivativeTransaction[1]/securityTitle",
            "footnote-twice") in found
    assert ("/ownershipDocument/derivativeTable/derivativeTransaction[1]/securityTitle/"
            "footnoteId[1]", "footnote-undefined") in found


@pytest.mark.parametrize("ident", ["F0", "F100", "f3", "F01"])
def test_footnote_ids_are_f1_to_f99(musk: etree._Element, ident: str) -> None:
    note = musk.find("footnotes/footnote")
    old = note.get("id")
    note.set("id", ident)
    for ref in musk.iter("footnoteId"):
        if ref.get("id") == old:
            ref.set("id", ident)
    rules = {rule for _, rule in _problems(musk)}
    assert "footnote-id" in rules and "schema" in rules


def test_at_most_thirty_rows(musk: etree._Element) -> None:
    table = musk.find("nonDerivativeTable")
    while len(table) < 31:
        table.append(copy.deepcopy(table[0]))
    found = _problems(musk)
    assert ("/ownershipDocument/nonDerivativeTable", "rows") in found


def test_amendment_needs_the_original_date(musk: etree._Element) -> None:
    musk.find("documentType").text = "4/A"
    assert _problems(musk) == [("/ownershipDocument/dateOfOriginalSubmission", "amendment")]
    original = etree.Element("dateOfOriginalSubmission")
    original.text = "2023-03-09"
    musk.find("periodOfReport").addnext(original)
    assert _problems(musk) == []
    musk.find("documentType").text = "4"
    assert _problems(musk) == [("/ownershipDocument/dateOfOriginalSubmission", "amendment")]


def test_value_formats_and_lengths(musk: etree._Element) -> None:
    shares = musk.find(".//nonDerivativeTransaction/transactionAmounts/transactionShares/value")
    shares.text = "5,250"
    musk.find("reportingOwner/reportingOwnerRelationship/officerTitle").text = "x" * 31
    musk.find("periodOfReport").text = "03/08/2023"
    paths = [path for path, _ in _problems(musk)]
    assert "/ownershipDocument/periodOfReport" in paths
    assert "/ownershipDocument/reportingOwner/reportingOwnerRelationship/officerTitle" in paths
    assert ("/ownershipDocument/nonDerivativeTable/nonDerivativeTransaction[1]/"
            "transactionAmounts/transactionShares/value") in paths


def test_not_xml_and_not_an_ownership_document() -> None:
    assert [p.rule for p in validate_xml(b"<ownershipDocument>")] == ["well-formed"]
    assert [p.rule for p in validate_xml(b"<html/>")] == ["root"]
