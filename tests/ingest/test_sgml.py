"""Splitting EDGAR SGML submissions: header fields, documents, the PEM envelope."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.ingest.sgml import (
    is_sgml_submission,
    parse_header,
    split_documents,
    split_submission,
    unwrap_pem,
)
from tests.support.paths import FIXTURE_CORPUS

REAL = FIXTURE_CORPUS / "real"  # copies of ../shared/corpus/real files
LEGACY = REAL / "legacy_ascii_form4_prac_foster_2000-02_0001094891-00-000193.txt"


@pytest.fixture(scope="module")
def legacy_text() -> str:
    return LEGACY.read_text(encoding="utf-8")


def test_legacy_header_fields(legacy_text: str) -> None:
    header = split_submission(legacy_text).header
    assert header is not None
    assert header.accession_number == "0001094891-00-000193"
    assert header.form_type == "4"
    assert header.period_of_report == dt.date(2000, 2, 29)
    assert header.filed_date == dt.date(2000, 3, 14)
    assert header.subject_company_name == "PRODUCTIVITY TECHNOLOGIES CORP /"
    assert header.subject_company_cik == "0000911787"
    assert len(header.reporting_owners) == 1
    owner = header.reporting_owners[0]
    assert (owner.conformed_name, owner.cik, owner.relationships) == \
        ("FOSTER ALAN H", "0001050609", ("DIRECTOR",))


def test_legacy_header_keeps_sections_and_empty_keys_apart(legacy_text: str) -> None:
    header = split_submission(legacy_text).header
    assert header is not None
    company, owner = header.entities
    assert (company.role, owner.role) == ("subject-company", "reporting-owner")
    # "SEC ACT:" is an empty key at the depth of its neighbours, not a sub-section.
    assert ("FILING VALUES/SEC FILE NUMBER", "000-24212") in company.values
    assert company.get("STREET 2") == "520 MADISON AVE 38TH FLOOR"
    assert owner.get("STREET 2") == "509 MADISON AVE"  # the header's (stale) address


def test_legacy_document(legacy_text: str) -> None:
    documents = split_submission(legacy_text).documents
    assert len(documents) == 1
    doc = documents[0]
    assert (doc.type, doc.sequence, doc.description) == ("4", "1", "FORM 4 - FEBRUARY 29,2000")
    assert not doc.is_xml
    assert doc.text.lstrip().startswith("UNITED STATES SECURITIES AND EXCHANGE COMMISSION")
    assert doc.text.rstrip().endswith("March 13, 2000")
    assert "</TEXT>" not in doc.text and "<SEC-HEADER>" not in doc.text


def test_pem_envelope_is_removed_and_dash_lines_unstuffed(legacy_text: str) -> None:
    inner = unwrap_pem(legacy_text)
    assert inner.startswith("<SEC-DOCUMENT>")
    assert "PRIVACY-ENHANCED" not in inner and "MIC-Info" not in inner
    rule = next(line for line in inner.split("\n") if line.startswith("-----"))
    assert rule.endswith("-|") and not rule.startswith("- ")
    assert not any(line.startswith("- -") for line in inner.split("\n"))


def test_unwrap_pem_leaves_plain_text_alone() -> None:
    assert unwrap_pem("<SEC-DOCUMENT>\n- - kept\n") == "<SEC-DOCUMENT>\n- - kept\n"


@pytest.mark.parametrize(("name", "owners", "issuer"), [
    ("sgml_submission_txg_0001610717-23-000035.txt", ["Mammen Mathai"], "10x Genomics, Inc."),
    ("sgml_submission_flws_0000921895-25-001190.txt",
     ["Pleasant Lake Partners LLC", "PLP Funds Master Fund LP", "Fund 1 Investments, LLC"],
     "1 800 FLOWERS COM INC"),
    ("sgml_submission_arw_0001127602-25-004598.txt", ["Jean-Claude Carine Lamercie"],
     "ARROW ELECTRONICS, INC."),  # the compact <SUBMISSION> format
])
def test_modern_submissions(name: str, owners: list[str], issuer: str) -> None:
    submission = split_submission((REAL / name).read_text(encoding="utf-8"))
    header = submission.header
    assert header is not None
    assert header.form_type == "4"
    assert [o.conformed_name for o in header.reporting_owners] == owners
    assert header.subject_company_name == issuer
    assert isinstance(header.period_of_report, dt.date)
    assert [d.type for d in submission.documents] == ["4"]
    assert submission.documents[0].is_xml


def test_synthetic_filer_sections_and_tags() -> None:
    text = (
        "<SEC-DOCUMENT>x.txt : 19990105\n<SEC-HEADER>x.hdr.sgml : 19990105\n"
        "CONFORMED SUBMISSION TYPE:\t4/A\nCONFORMED PERIOD OF REPORT:\t19981231\n"
        "FILED AS OF DATE:\t\t19990105\n\nSUBJECT COMPANY:\n\n\tCOMPANY DATA:\n"
        "\t\tCOMPANY CONFORMED NAME:\t\tACME CORP\n\nFILER:\n\n\tCOMPANY DATA:\n"
        "\t\tCOMPANY CONFORMED NAME:\t\tDOE JANE\n</SEC-HEADER>\n"
        "<DOCUMENT>\n<TYPE>4/A\n<TEXT>\nhello\n</TEXT>\n</DOCUMENT>\n"
        "<DOCUMENT>\n<TYPE>EX-99\n<DESCRIPTION>exhibit\n<TEXT>\nmore\n</TEXT>\n</DOCUMENT>\n"
        "</SEC-DOCUMENT>\n"
    )
    header = parse_header(text)
    assert header is not None
    assert header.form_type == "4/A"
    assert header.period_of_report == dt.date(1998, 12, 31)
    assert header.subject_company_name == "ACME CORP"
    assert [o.conformed_name for o in header.reporting_owners] == ["DOE JANE"]
    documents = split_documents(text)
    assert [(d.type, d.text, d.description) for d in documents] == \
        [("4/A", "hello\n", None), ("EX-99", "more\n", "exhibit")]


@pytest.mark.parametrize(("text", "expected"), [
    ("-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n", True),
    ("\n<SEC-DOCUMENT>0001.txt : 2000\n", True),
    ("<SUBMISSION>\n<ACCESSION-NUMBER>1", True),
    ("FORM 4\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP", False),
    ('<?xml version="1.0"?><ownershipDocument/>', False),
])
def test_is_sgml_submission(text: str, expected: bool) -> None:
    assert is_sgml_submission(text) is expected


def test_text_without_header() -> None:
    assert parse_header("just text") is None
    assert split_submission("just text").documents == ()
