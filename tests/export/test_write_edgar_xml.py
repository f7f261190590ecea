import dataclasses
from pathlib import Path

from lxml import etree

from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.export.edgar_xml import to_edgar_xml


def _values(form):
    return [(p, f.value, f.footnote_ids) for p, f in form.iter_fields()]


def test_round_trip_every_corpus_filing(corpus_xml: list[Path]) -> None:
    assert len(corpus_xml) >= 20
    for path in corpus_xml:
        original = read_edgar_xml(path.read_bytes())
        again = read_edgar_xml(to_edgar_xml(original))
        assert _values(again) == _values(original), path.name


def test_element_order_follows_the_specification(filings: list[Path]) -> None:
    path = next(p for p in filings if p.name.startswith("tsla_musk"))
    root = etree.fromstring(to_edgar_xml(read_edgar_xml(path.read_bytes())))
    assert [c.tag for c in root] == [
        "schemaVersion", "documentType", "periodOfReport", "notSubjectToSection16", "issuer",
        "reportingOwner", "nonDerivativeTable", "derivativeTable", "footnotes",
        "ownerSignature"]
    transaction = root.find("derivativeTable/derivativeTransaction")
    assert [c.tag for c in transaction] == [
        "securityTitle", "conversionOrExercisePrice", "transactionDate", "transactionCoding",
        "transactionAmounts", "exerciseDate", "expirationDate", "underlyingSecurity",
        "postTransactionAmounts", "ownershipNature"]
    # The CIKs EDGAR XML carries are kept (issue 20), as EDGAR wrote them.
    assert root.findtext("issuer/issuerCik") == "0001318605"
    assert root.findtext("reportingOwner/reportingOwnerId/rptOwnerCik") == "0001494730"
    assert root.findtext("nonDerivativeTable/nonDerivativeTransaction/transactionCoding/"
                         "equitySwapInvolved") == "0"
    assert transaction.find("exerciseDate/value") is None
    assert transaction.find("exerciseDate/footnoteId").get("id") == "F2"
    assert root.findtext("nonDerivativeTable/nonDerivativeTransaction/transactionAmounts/"
                         "transactionShares/value") == "5250"


def test_flagged_values_are_omitted(filings: list[Path]) -> None:
    path = next(p for p in filings if p.name.startswith("tsla_musk"))
    form = read_edgar_xml(path.read_bytes())
    owner = form.reporting_owners[0]
    doubtful = dataclasses.replace(owner, rpt_owner_city=owner.rpt_owner_city.flagged("smudged"))
    row = form.non_derivative_table[0]
    row = dataclasses.replace(row, nature_of_ownership=row.nature_of_ownership.flagged("?"))
    form = dataclasses.replace(form, reporting_owners=(doubtful,),
                               non_derivative_table=(row, *form.non_derivative_table[1:]))
    root = etree.fromstring(to_edgar_xml(form))
    assert root.find("reportingOwner/reportingOwnerAddress/rptOwnerCity") is None
    assert root.findtext("reportingOwner/reportingOwnerAddress/rptOwnerState") == "TX"
    nature = root.find("nonDerivativeTable/nonDerivativeTransaction/ownershipNature/"
                       "natureOfOwnership")
    assert nature.find("value") is None and nature.find("footnoteId").get("id") == "F1"


def test_holdings_are_written_as_holdings(filings: list[Path]) -> None:
    path = next(p for p in filings if p.name.startswith("tls_schaufeld"))
    root = etree.fromstring(to_edgar_xml(read_edgar_xml(path.read_bytes())))
    holdings = root.findall("nonDerivativeTable/nonDerivativeHolding")
    assert len(holdings) == 4
    assert holdings[0].find("transactionCoding") is None
