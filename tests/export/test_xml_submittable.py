"""Issue 20: form4's XML validates, keeps the CIKs it read, takes the CIKs it is given, writes
every mandatory element, and lists beside the XML every flagged value it leaves out."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from extractor.api import extract
from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.cli import main
from extractor.export.ciks import CikMapError, apply_ciks, load_cik_map
from extractor.export.edgar_xml import write_edgar_xml
from extractor.export.xml_output import checked_xml
from extractor.export.xml_validation import validate_xml
from extractor.model import Field, Provenance

SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpus"
#: Elements the paper form does not print and EDGAR keeps for itself: not carried over.
_EDGAR_ONLY = {"schemaVersion", "rptOwnerStateDescription", "rptOwnerGoodAddress"}
_FLAGS = {"isDirector", "isOfficer", "isTenPercentOwner", "isOther"}


@pytest.fixture(scope="module")
def corpus(shared_dir: Path) -> Path:
    """../shared/corpus (a ``corpus`` test: skipped without it)."""
    return SHARED


def _canonical(element: etree._Element) -> object:
    """The document's content: booleans spelt one way, white space collapsed, empty elements,
    EDGAR-only elements and relationship boxes left unchecked (absent means 0) dropped."""
    children = []
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _EDGAR_ONLY:
            continue
        inner = _canonical(child)
        if inner is None or (child.tag in _FLAGS and inner == (child.tag, "0", ())):
            continue
        children.append(inner)
    text = " ".join((element.text or "").split())
    text = {"true": "1", "false": "0"}.get(text, text)
    if not text and not children and not element.attrib:
        return None
    return element.tag, text, tuple(sorted(element.attrib.items())), *children


def test_real_filings_round_trip_to_valid_documents_that_say_the_same(corpus: Path) -> None:
    paths = sorted((corpus / "xml").glob("*.xml"))
    assert len(paths) == 22
    for path in paths:
        out = write_edgar_xml(read_edgar_xml(path.read_bytes()))
        assert validate_xml(out.data) == [], path.name
        assert out.submittable and out.omitted == (), path.name
        original = etree.fromstring(path.read_bytes())
        assert _canonical(etree.fromstring(out.data)) == _canonical(original), path.name


def test_the_2026_elements_survive_the_round_trip(corpus: Path) -> None:
    form = read_edgar_xml((corpus / "xml" / "mvis_markham_2026-06-08.xml").read_bytes())
    owner = form.reporting_owners[0]
    assert form.issuer.issuer_cik.value == "0000065770"
    assert owner.rpt_owner_cik.value == "0001865433"
    assert owner.rpt_owner_non_us_address_flag.value is False
    assert form.non_derivative_table[0].equity_swap_involved.value is False
    root = etree.fromstring(write_edgar_xml(form).data)
    address = root.find("reportingOwner/reportingOwnerAddress")
    assert [c.tag for c in address][:2] == ["rptOwnerNonUSAddressFlag", "rptOwnerStreet1"]
    assert address.findtext("rptOwnerNonUSAddressFlag") == "0"
    foreign = dataclasses.replace(owner, rpt_owner_country=Field("X0", 1.0),
                                  rpt_owner_non_us_address_flag=Field(True, 1.0))
    issuer = dataclasses.replace(form.issuer, issuer_foreign_trading_symbol=Field("MVS.L", 1.0))
    out = write_edgar_xml(dataclasses.replace(form, reporting_owners=(foreign,), issuer=issuer))
    assert validate_xml(out.data) == []
    again = read_edgar_xml(out.data)
    assert again.reporting_owners[0].rpt_owner_country.value == "X0"
    assert again.issuer.issuer_foreign_trading_symbol.value == "MVS.L"


def test_sgml_inputs_keep_their_ciks(corpus: Path) -> None:
    legacy = extract(corpus / "real" / "legacy_ascii_form4_prac_foster_2000-02_0001094891-00-"
                                      "000193.txt")
    assert legacy.issuer.issuer_cik.value == "0000911787"
    assert legacy.reporting_owners[0].rpt_owner_cik.value == "0001050609"
    assert "CENTRAL INDEX KEY" in str(legacy.issuer.issuer_cik.provenance.raw_text)
    embedded = extract(corpus / "real" / "sgml_submission_flws_0000921895-25-001190.txt")
    assert [o.rpt_owner_cik.value for o in embedded.reporting_owners] == [
        "0001959730", "0002052009", "0001580144"]
    assert checked_xml(embedded).valid


def _musk(corpus: Path):  # type: ignore[no-untyped-def]
    return read_edgar_xml((corpus / "xml" / "tsla_musk_2023-03-08.xml").read_bytes())


def test_without_a_cik_the_xml_says_it_is_not_submittable(corpus: Path) -> None:
    form = _musk(corpus)
    form = dataclasses.replace(form, issuer=dataclasses.replace(form.issuer,
                                                                issuer_cik=Field()))
    out = write_edgar_xml(form)
    assert not out.submittable
    assert [m.xml_path for m in out.not_submittable] == ["/ownershipDocument/issuer/issuerCik"]
    head = out.data.split(b"<ownershipDocument>")[0].decode()
    assert "NOT YET SUBMITTABLE" in head and "issuerCik" in head
    assert etree.fromstring(out.data).find("issuer/issuerCik") is None  # never invented
    assert [p.path for p in validate_xml(out.data)] == ["/ownershipDocument/issuer/issuerName"]


def test_a_flagged_value_is_listed_with_what_was_read(corpus: Path) -> None:
    form = _musk(corpus)
    row = form.non_derivative_table[0]
    row = dataclasses.replace(row, transaction_shares=row.transaction_shares.flagged("smudged"))
    form = dataclasses.replace(form, non_derivative_table=(row, *form.non_derivative_table[1:]))
    out = write_edgar_xml(form)
    assert [(o.xml_path, o.field_path, o.reason, o.value) for o in out.omitted] == [(
        "/ownershipDocument/nonDerivativeTable/nonDerivativeTransaction[1]/transactionAmounts/"
        "transactionShares", "non_derivative_table[0].transaction_shares", "smudged", "5250")]
    assert b"left out, flagged for review" in out.data.split(b"<ownershipDocument>")[0]


def _with_code(form, code: str, **changes: Field):  # type: ignore[no-untyped-def]
    row = form.non_derivative_table[0]
    row = dataclasses.replace(row, transaction_code=Field(code, 1.0, Provenance("pdf")),
                              **changes)
    return dataclasses.replace(form, non_derivative_table=(row, *form.non_derivative_table[1:]))


def test_equity_swap_is_written_as_the_spec_says(corpus: Path) -> None:
    base = dataclasses.replace(_musk(corpus), source_kind="pdf")
    coding = "nonDerivativeTable/nonDerivativeTransaction[1]/transactionCoding"
    plain = etree.fromstring(write_edgar_xml(_with_code(base, "S")).data)
    assert plain.findtext(f"{coding}/equitySwapInvolved") == "0"
    swap = write_edgar_xml(_with_code(base, "K", equity_swap_involved=Field()))
    root = etree.fromstring(swap.data)
    assert root.findtext(f"{coding}/equitySwapInvolved") == "1"
    assert root.find(f"{coding}/transactionCode") is None  # K is no EDGAR transaction code
    assert [o.field_path for o in swap.omitted] == ["non_derivative_table[0].transaction_code"]
    known = write_edgar_xml(_with_code(base, "S", equity_swap_involved=Field(True, 1.0)))
    root = etree.fromstring(known.data)
    assert (root.findtext(f"{coding}/transactionCode"),
            root.findtext(f"{coding}/equitySwapInvolved")) == ("S", "1")
    assert validate_xml(known.data) == []


def test_the_v_column_is_an_early_form_5_transaction(corpus: Path) -> None:
    form = _with_code(_musk(corpus), "S", transaction_timeliness=Field("E", 1.0))
    out = write_edgar_xml(form)
    root = etree.fromstring(out.data)
    row = root.find("nonDerivativeTable/nonDerivativeTransaction")
    assert row.findtext("transactionCoding/transactionFormType") == "5"
    assert row.findtext("transactionTimeliness/value") == "E"
    assert validate_xml(out.data) == []


def test_cik_map_by_ticker_and_by_name_in_any_order(tmp_path: Path, corpus: Path) -> None:
    mapping = tmp_path / "ciks.csv"
    mapping.write_text("name,cik\nTSLA,1318605\n# the owner, as printed\nElon Musk,1494730\n")
    form = _musk(corpus)
    bare = dataclasses.replace(
        form, issuer=dataclasses.replace(form.issuer, issuer_cik=Field()),
        reporting_owners=tuple(dataclasses.replace(o, rpt_owner_cik=Field())
                               for o in form.reporting_owners))
    filled = apply_ciks(bare, cik_map=load_cik_map(mapping))
    assert filled.issuer.issuer_cik.value == "1318605"
    assert filled.reporting_owners[0].rpt_owner_cik.value == "1494730"
    assert filled.issuer.issuer_cik.provenance.source == "cik-map"
    assert checked_xml(filled).valid
    given = apply_ciks(bare, issuer_cik="42", owner_ciks=("7",), cik_map=load_cik_map(mapping))
    assert (given.issuer.issuer_cik.value, given.reporting_owners[0].rpt_owner_cik.value) == \
        ("42", "7")
    assert apply_ciks(bare, cik_map=load_cik_map(tmp_path / "ciks.csv")).issuer.issuer_cik \
        .value == "1318605"
    (tmp_path / "bad.csv").write_text("Acme,12ab\n")
    with pytest.raises(CikMapError, match="line 1"):
        load_cik_map(tmp_path / "bad.csv")
    with pytest.raises(ValueError, match="2 owner CIKs"):
        apply_ciks(bare, owner_ciks=("1", "2"))


def test_rendered_pdfs_validate_once_ciks_are_supplied(corpus: Path) -> None:
    from extractor.render import render_pdf

    valid = 0
    for path in sorted((corpus / "xml").glob("*.xml")):
        truth = read_edgar_xml(path.read_bytes())
        read = extract(render_pdf(truth))
        assert not checked_xml(read).xml.submittable  # paper carries no CIK
        owners = tuple(str(o.rpt_owner_cik.value) for o in truth.reporting_owners)
        read = apply_ciks(read, str(truth.issuer.issuer_cik.value),
                          owners[:len(read.reporting_owners)])
        result = checked_xml(read)
        assert result.valid, (path.name, [str(p) for p in result.problems])
        valid += 1
    assert valid == 22


def test_cli_validate_exit_codes(tmp_path: Path, corpus: Path) -> None:
    runner = CliRunner()
    good = corpus / "xml" / "tsla_musk_2023-03-08.xml"
    result = runner.invoke(main, ["validate", str(good)])
    assert result.exit_code == 0 and result.output.strip().endswith(": valid")
    broken = tmp_path / "broken.xml"
    broken.write_bytes(good.read_bytes().replace(b"<officerTitle>CEO</officerTitle>", b""))
    result = runner.invoke(main, ["validate", str(good), str(broken)])
    assert result.exit_code == 2
    assert f"{broken}: /ownershipDocument/reportingOwner/reportingOwnerRelationship/" \
           "officerTitle: isOfficer is true" in result.output


def test_cli_extract_xml_checks_and_writes_the_review_file(tmp_path: Path,
                                                           corpus: Path) -> None:
    from extractor.render import render_pdf

    inputs = tmp_path / "in"
    inputs.mkdir()
    pdf = inputs / "musk.pdf"
    pdf.write_bytes(render_pdf(_musk(corpus)))
    (inputs / "tsla_musk.xml").write_bytes(
        (corpus / "xml" / "tsla_musk_2023-03-08.xml").read_bytes())
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(main, ["extract", "--format", "xml", "-o", str(out), str(inputs)])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.iterdir())
    assert written == ["musk.pdf.review.json", "musk.pdf.xml", "tsla_musk.xml.review.json",
                       "tsla_musk.xml.xml"]
    review = json.loads((out / "musk.pdf.review.json").read_text())
    assert review["submittable"] is False and review["valid"] is False
    assert [i["field"] for i in review["not_submittable"]] == [
        "issuer.issuer_cik", "reporting_owners[0].rpt_owner_cik"]
    assert re.search(r"xml check: .*musk\.pdf: not valid EDGAR XML", result.output)
    assert re.search(r"xml check: .*tsla_musk\.xml: valid EDGAR XML", result.output)
    mapping = tmp_path / "ciks.csv"
    mapping.write_text("Tesla Inc,1318605\n")
    result = runner.invoke(main, ["extract", "--format", "xml", "-o", str(out / "one.xml"),
                                  "--cik-map", str(mapping), "--owner-cik", "1494730",
                                  str(pdf)])
    assert result.exit_code == 0, result.output
    assert "one.pdf" not in result.output and "valid EDGAR XML" in result.output
    assert validate_xml((out / "one.xml").read_bytes()) == []
    assert json.loads((out / "one.review.json").read_text())["submittable"] is True
    result = runner.invoke(main, ["extract", "--format", "xml", "--issuer-cik", "12x",
                                  str(pdf)])
    assert result.exit_code == 2
