import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.errors import NotAForm4Error, UnreadableInputError


def _read(corpus_xml: list[Path], prefix: str):
    return read_edgar_xml(next(p for p in corpus_xml if p.name.startswith(prefix)).read_bytes())


def test_tesla_musk(corpus_xml: list[Path]) -> None:
    form = _read(corpus_xml, "tsla_musk")
    assert form.document_type.value == "4"
    assert form.issuer.issuer_name.value == "Tesla, Inc."
    assert form.issuer.issuer_trading_symbol.value == "TSLA"
    owner = form.reporting_owners[0]
    assert owner.rpt_owner_name.value == "Musk Elon"
    assert (owner.last_name.value, owner.first_name.value) == ("Musk", "Elon")
    assert owner.rpt_owner_city.value == "AUSTIN"
    assert owner.relationship.is_director.value is True
    assert owner.relationship.is_other.value is False
    assert owner.relationship.officer_title.value == "CEO"
    assert len(form.non_derivative_table) == 2
    row = form.non_derivative_table[0]
    assert row.transaction_shares.value == Decimal("5250")
    assert row.transaction_price_per_share.value == Decimal("2.79")
    assert row.nature_of_ownership.value == "by Trust"
    assert row.nature_of_ownership.footnote_ids == ("F1",)
    derivative = form.derivative_table[0]
    assert derivative.exercise_date.value is None
    assert derivative.exercise_date.footnote_ids == ("F2",)
    assert derivative.expiration_date.value == dt.date(2023, 4, 8)
    assert form.signatures[0].signature_name.value == "Elon Musk"
    assert form.signatures[0].signature_date.value == dt.date(2023, 3, 10)
    assert form.individual_or_joint_filing.value == "individual"


def test_eight_owners_and_holdings(corpus_xml: list[Path]) -> None:
    form = _read(corpus_xml, "betr_softbank")
    assert len(form.reporting_owners) == 8
    assert form.individual_or_joint_filing.value == "joint"
    holdings = _read(corpus_xml, "tls_schaufeld").non_derivative_table
    assert [r.is_holding for r in holdings] == [False] * 3 + [True] * 4


def test_sgml_submission_equals_bare_xml(shared_dir: Path, corpus_xml: list[Path]) -> None:
    sgml = shared_dir / "corpus" / "real" / "sgml_submission_txg_0001610717-23-000035.txt"
    from_sgml = read_edgar_xml(sgml.read_bytes())
    bare = _read(corpus_xml, "txg_mammen")
    assert [(p, f.value, f.footnote_ids) for p, f in from_sgml.iter_fields()] == \
        [(p, f.value, f.footnote_ids) for p, f in bare.iter_fields()]


def test_form3_and_bad_xml(shared_dir: Path) -> None:
    form3 = next((shared_dir / "corpus" / "xml_form3_5").glob("form3_*.xml"))
    with pytest.raises(NotAForm4Error, match="Form 3"):
        read_edgar_xml(form3.read_bytes())
    with pytest.raises(UnreadableInputError, match="not well-formed"):
        read_edgar_xml(b"<ownershipDocument><issuer>")
    with pytest.raises(NotAForm4Error):
        read_edgar_xml(b"<?xml version='1.0'?><rss/>")


def test_entities_are_not_expanded() -> None:
    evil = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<ownershipDocument><documentType>4</documentType><remarks>&x;</remarks>"
            b"</ownershipDocument>")
    form = read_edgar_xml(evil)
    assert "root:" not in str(form.remarks.value)
